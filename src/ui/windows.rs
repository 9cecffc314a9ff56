//! The windows over the article: the command palette, the keyboard shortcut sheet, About,
//! Preferences, and the app's own file picker. Each is open or closed here; what a user does in
//! one comes back as commands.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::command_state::CommandState;
use super::commands::AppCommand;
use super::dialogs::DialogPurpose;
use super::file_picker::{FilePicker, PickerMode, PickerOutcome};
use super::library::Library;
use super::palette::{self, CommandPalette};

/// Which windows are open, and the state of those that have one.
#[derive(Default)]
pub struct Windows {
    /// The command palette.
    pub palette: CommandPalette,
    /// Help ▸ Keyboard Shortcuts is shown.
    pub shortcut_sheet: bool,
    /// Help ▸ About is shown.
    pub about: bool,
    /// Preferences are shown.
    pub preferences: bool,
    /// The app's own file picker, open where the system's dialog could not be shown.
    pub file_picker: Option<(DialogPurpose, FilePicker)>,
    /// File ▸ Open Folder…'s library.
    pub library: Option<Library>,
}

impl Windows {
    /// Draws Preferences if open, editing `author`. Drawn before the frame's keys are read, so
    /// its name field has the keyboard when it had it last frame.
    pub fn preferences_ui(&mut self, ctx: &egui::Context, author: &str) -> Option<AppCommand> {
        if !self.preferences {
            return None;
        }
        preferences(ctx, &mut self.preferences, author)
    }

    /// Draws the other open windows; returns what was chosen in them. The palette reads its
    /// arrow keys and Enter after the shortcuts were taken, so it is drawn after them.
    pub fn ui(&mut self, ctx: &egui::Context, state: &CommandState) -> Vec<AppCommand> {
        let mut out = Vec::new();
        if let Some(chosen) = self.palette.show(ctx, |c| state.can_run(c)) {
            out.push(chosen.to_app_command());
        }
        if self.shortcut_sheet {
            self.shortcut_sheet = palette::shortcut_sheet(ctx);
        }
        if self.about {
            self.about = palette::about(ctx);
        }
        out.extend(self.picker(ctx));
        if let Some(library) = &mut self.library {
            let mut open = true;
            out.extend(library.ui(ctx, &mut open));
            if !open {
                self.library = None;
            }
        }
        out
    }

    /// Closes the top-most window, in the order the eye meets them; false when none was open.
    pub fn close_topmost(&mut self) -> bool {
        if self.file_picker.is_some() {
            self.file_picker = None;
        } else if self.library.is_some() {
            self.library = None;
        } else if self.palette.open {
            self.palette.toggle();
        } else if self.shortcut_sheet {
            self.shortcut_sheet = false;
        } else if self.about {
            self.about = false;
        } else if self.preferences {
            self.preferences = false;
        } else {
            return false;
        }
        true
    }

    /// Opens the app's own picker for `purpose` in `folder`, with `name` filled in.
    pub fn open_picker(&mut self, purpose: DialogPurpose, folder: &Path, name: String) {
        let (title, mode) = match &purpose {
            DialogPurpose::Open => ("Open article", PickerMode::Open),
            DialogPurpose::OpenFolder => ("Open folder of articles", PickerMode::Folder),
            DialogPurpose::Import => ("Import annotations", PickerMode::Open),
            DialogPurpose::Export(_) => ("Export", PickerMode::Save),
            DialogPurpose::Locate(_) => ("Locate the article", PickerMode::Open),
        };
        self.file_picker = Some((purpose, FilePicker::new(title, mode, folder, &name)));
    }

    fn picker(&mut self, ctx: &egui::Context) -> Option<AppCommand> {
        let (purpose, picker) = self.file_picker.as_mut()?;
        match picker.show(ctx) {
            PickerOutcome::Open => None,
            PickerOutcome::Cancelled => {
                self.file_picker = None;
                None
            }
            PickerOutcome::Chosen(path) => {
                let purpose = purpose.clone();
                self.file_picker = None;
                Some(AppCommand::DialogAnswered(purpose, path))
            }
        }
    }
}

/// The preferences window; a changed name comes back as [`AppCommand::SetAuthor`].
fn preferences(ctx: &egui::Context, open: &mut bool, author: &str) -> Option<AppCommand> {
    let mut name = author.to_string();
    let mut changed = false;
    egui::Window::new("Preferences")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Author name");
                changed = ui
                    .add(egui::TextEdit::singleline(&mut name))
                    .labelled_by(label.id)
                    .changed();
            });
            ui.label(RichText::new("Written into every note and reply you add.").weak());
        });
    changed.then_some(AppCommand::SetAuthor(name))
}

/// The folder the picker starts in: the open article's, else the working folder.
pub fn picker_folder(article: Option<&Path>) -> PathBuf {
    article
        .and_then(Path::parent)
        .filter(|p| p.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}
