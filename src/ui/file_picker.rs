//! The app's own file picker, shown when the system's file dialog cannot be (no desktop portal:
//! a minimal window manager, a remote session, a container). A folder's sub-folders and files,
//! a path field that takes a typed or pasted path, Up, and Open or Save. It runs inside the frame
//! like any other window, so it never blocks the UI.

use std::path::{Path, PathBuf};

use egui::RichText;

/// What the picker is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerMode {
    /// An existing file to open.
    Open,
    /// A file name to write, existing or not.
    Save,
    /// A folder: the one shown, or the one whose name is typed.
    Folder,
}

/// One entry of the listed folder.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// What happened in the picker this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Still choosing.
    Open,
    /// Closed without a choice.
    Cancelled,
    /// This path was chosen.
    Chosen(PathBuf),
}

/// The picker's state.
#[derive(Debug, Clone)]
pub struct FilePicker {
    title: String,
    mode: PickerMode,
    folder: PathBuf,
    entries: Vec<Entry>,
    /// The file name (or a whole path) typed or clicked.
    pub name: String,
    error: Option<String>,
    /// The name field takes the keyboard on the picker's first frame, so a user can type a
    /// path at once.
    focus_name: bool,
}

impl FilePicker {
    /// A picker titled `title`, listing `folder`, with `name` filled in.
    pub fn new(title: &str, mode: PickerMode, folder: &Path, name: &str) -> Self {
        let mut picker = FilePicker {
            title: title.to_string(),
            mode,
            folder: PathBuf::new(),
            entries: Vec::new(),
            name: name.to_string(),
            error: None,
            focus_name: true,
        };
        picker.enter(folder);
        picker
    }

    /// Lists `folder` (hidden entries left out; folders first, then files, by name).
    fn enter(&mut self, folder: &Path) {
        match std::fs::read_dir(folder) {
            Ok(list) => {
                let mut entries: Vec<Entry> = list
                    .flatten()
                    .map(|e| Entry {
                        name: e.file_name().to_string_lossy().into_owned(),
                        is_dir: e.path().is_dir(),
                    })
                    .filter(|e| !e.name.starts_with('.'))
                    .collect();
                entries.sort_by(|a, b| (!a.is_dir, &a.name).cmp(&(!b.is_dir, &b.name)));
                self.entries = entries;
                self.folder = folder.to_path_buf();
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{}: {e}", folder.display())),
        }
    }

    /// The path the name field stands for: itself when absolute, else inside the folder.
    fn chosen_path(&self) -> PathBuf {
        let typed = Path::new(self.name.trim());
        if typed.is_absolute() {
            typed.to_path_buf()
        } else {
            self.folder.join(typed)
        }
    }

    /// Tries to finish with the typed name: a folder is entered; a file is chosen when it
    /// exists (Open) or its folder does (Save).
    fn confirm(&mut self) -> PickerOutcome {
        if self.mode == PickerMode::Folder {
            return self.confirm_folder();
        }
        if self.name.trim().is_empty() {
            return PickerOutcome::Open;
        }
        let path = self.chosen_path();
        if path.is_dir() {
            self.enter(&path);
            self.name.clear();
            return PickerOutcome::Open;
        }
        let ok = match self.mode {
            PickerMode::Open => path.is_file(),
            PickerMode::Save => path.parent().is_some_and(Path::is_dir),
            PickerMode::Folder => path.is_dir(),
        };
        if ok {
            PickerOutcome::Chosen(path)
        } else {
            self.error = Some(format!("{}: no such file", path.display()));
            PickerOutcome::Open
        }
    }

    /// Chooses the folder shown, or the folder whose name is typed.
    fn confirm_folder(&mut self) -> PickerOutcome {
        let path = if self.name.trim().is_empty() {
            self.folder.clone()
        } else {
            self.chosen_path()
        };
        if path.is_dir() {
            PickerOutcome::Chosen(path)
        } else {
            self.error = Some(format!("{}: no such folder", path.display()));
            PickerOutcome::Open
        }
    }

    /// Draws the picker.
    pub fn show(&mut self, ctx: &egui::Context) -> PickerOutcome {
        let mut outcome = PickerOutcome::Open;
        let mut open = true;
        egui::Window::new(self.title.clone())
            .open(&mut open)
            .collapsible(false)
            .default_size([520.0, 420.0])
            .show(ctx, |ui| {
                self.folder_line(ui);
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        if self.entries_ui(ui) {
                            outcome = self.confirm();
                        }
                    });
                ui.separator();
                let enter = self.name_field(ui);
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                if let Some(done) = self.buttons(ui, enter) {
                    outcome = done;
                }
            });
        if !open {
            return PickerOutcome::Cancelled;
        }
        outcome
    }

    /// Up, and the folder listed.
    fn folder_line(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui.button("Up").on_hover_text("The folder above").clicked()
                && let Some(up) = self.folder.parent().map(Path::to_path_buf)
            {
                self.enter(&up);
            }
            ui.label(RichText::new(self.folder.display().to_string()).weak());
        });
    }

    /// The folder's entries: a click enters a folder or takes a file's name; true when a file
    /// was double-clicked.
    fn entries_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut double_clicked = false;
        for entry in self.entries.clone() {
            let label = if entry.is_dir {
                format!("{}/", entry.name)
            } else {
                entry.name.clone()
            };
            let r = ui.selectable_label(self.name == entry.name, label);
            if r.clicked() {
                if entry.is_dir {
                    self.enter(&self.folder.join(&entry.name));
                } else {
                    self.name = entry.name.clone();
                }
            }
            double_clicked |= r.double_clicked() && !entry.is_dir;
        }
        double_clicked
    }

    /// The name (or path) field; true when Enter was pressed in it.
    fn name_field(&mut self, ui: &mut egui::Ui) -> bool {
        ui.horizontal(|ui| {
            let label = ui.label("File name");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_name) {
                field.request_focus();
            }
            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
        })
        .inner
    }

    /// Open (or Save) and Cancel.
    fn buttons(&mut self, ui: &mut egui::Ui, enter: bool) -> Option<PickerOutcome> {
        ui.horizontal(|ui| {
            let verb = match self.mode {
                PickerMode::Open => "Open",
                PickerMode::Save => "Save",
                PickerMode::Folder => "Choose Folder",
            };
            let mut outcome = None;
            if ui.button(verb).clicked() || enter {
                outcome = Some(self.confirm());
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(PickerOutcome::Cancelled);
            }
            outcome
        })
        .inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_first_and_hidden_files_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        std::fs::create_dir(dir.path().join("z-folder")).unwrap();
        let p = FilePicker::new("Open", PickerMode::Open, dir.path(), "");
        let names: Vec<&str> = p.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["z-folder", "b.txt"]);
    }

    #[test]
    fn a_typed_name_opens_only_an_existing_file_and_a_folder_is_entered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("story.txt"), "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut p = FilePicker::new("Open", PickerMode::Open, dir.path(), "missing.txt");
        assert_eq!(p.confirm(), PickerOutcome::Open);
        assert!(p.error.is_some());
        p.name = "sub".into();
        assert_eq!(p.confirm(), PickerOutcome::Open);
        assert_eq!(p.folder, dir.path().join("sub"));
        p.name = dir.path().join("story.txt").display().to_string();
        assert_eq!(
            p.confirm(),
            PickerOutcome::Chosen(dir.path().join("story.txt"))
        );
        let mut save = FilePicker::new("Export", PickerMode::Save, dir.path(), "new.md");
        assert_eq!(
            save.confirm(),
            PickerOutcome::Chosen(dir.path().join("new.md"))
        );
    }
}
