//! Which commands can run now and which toggles are on, taken once a frame from the app's state,
//! so menus, the palette, the keys and the reader's context menu all grey out and tick the same
//! entries without reaching into the app.

use super::commands::AppCommand;
use super::highlights::HighlightKind;
use super::settings::ThemeChoice;
use super::ui_command::UiCommand;

/// What the commands' state depends on, as of the start of this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommandState {
    /// An article is open.
    pub has_doc: bool,
    /// Some text of it is selected.
    pub has_selection: bool,
    /// Its notes can be changed.
    pub can_edit: bool,
    /// There is a change to undo.
    pub can_undo: bool,
    /// There is a change to redo.
    pub can_redo: bool,
    /// The theme chosen.
    pub theme: ThemeChoice,
    /// The outline is shown.
    pub outline_open: bool,
    /// Which highlight kinds are shown (in [`HighlightKind::ALL`] order, as
    /// [`super::highlights::Highlights::visible`]).
    pub visible: [bool; 5],
}

impl CommandState {
    /// Whether `command` can run now (menus and the palette grey out the others).
    pub fn can_run(&self, command: UiCommand) -> bool {
        use UiCommand as C;
        match command {
            C::Save
            | C::Import
            | C::ExportW3c
            | C::ExportMarkdown
            | C::ExportHtml
            | C::ExportCsv => self.has_doc && self.can_edit,
            C::Undo => self.can_undo,
            C::Redo => self.can_redo,
            C::Annotate => self.has_selection && self.can_edit,
            C::Copy => self.has_selection,
            C::Find
            | C::FindNext
            | C::FindPrev
            | C::NextHighlight
            | C::PrevHighlight
            | C::OpenDetails
            | C::LineDown
            | C::LineUp
            | C::PageDown
            | C::PageUp
            | C::Top
            | C::Bottom
            | C::ToggleQuotes
            | C::TogglePeople
            | C::ToggleOrgs
            | C::TogglePlaces
            | C::ToggleFigures => self.has_doc,
            C::Open
            | C::OpenFolder
            | C::Quit
            | C::Preferences
            | C::ZoomIn
            | C::ZoomOut
            | C::ZoomReset
            | C::ThemeSystem
            | C::ThemeLight
            | C::ThemeDark
            | C::ToggleTheme
            | C::ToggleOutline
            | C::CommandPalette
            | C::Close
            | C::ShortcutSheet
            | C::About => true,
        }
    }

    /// Whether `command` shows as checked in its menu (`None`: it is no toggle).
    pub fn checked(&self, command: UiCommand) -> Option<bool> {
        use UiCommand as C;
        let kind = |k: HighlightKind| {
            let i = HighlightKind::ALL.iter().position(|x| *x == k)?;
            self.visible.get(i).copied()
        };
        match command {
            C::ThemeSystem => Some(self.theme == ThemeChoice::System),
            C::ThemeLight => Some(self.theme == ThemeChoice::Light),
            C::ThemeDark => Some(self.theme == ThemeChoice::Dark),
            C::ToggleOutline => Some(self.outline_open),
            C::ToggleQuotes => kind(HighlightKind::Quote),
            C::TogglePeople => kind(HighlightKind::Person),
            C::ToggleOrgs => kind(HighlightKind::Org),
            C::TogglePlaces => kind(HighlightKind::Place),
            C::ToggleFigures => kind(HighlightKind::Figure),
            C::Open
            | C::OpenFolder
            | C::Save
            | C::Import
            | C::ExportW3c
            | C::ExportMarkdown
            | C::ExportHtml
            | C::ExportCsv
            | C::Quit
            | C::Undo
            | C::Redo
            | C::Annotate
            | C::Copy
            | C::Preferences
            | C::ZoomIn
            | C::ZoomOut
            | C::ZoomReset
            | C::ToggleTheme
            | C::CommandPalette
            | C::Find
            | C::FindNext
            | C::FindPrev
            | C::NextHighlight
            | C::PrevHighlight
            | C::OpenDetails
            | C::Close
            | C::LineDown
            | C::LineUp
            | C::PageDown
            | C::PageUp
            | C::Top
            | C::Bottom
            | C::ShortcutSheet
            | C::About => None,
        }
    }

    /// A menu entry for `command` with its label, keys and tooltip, greyed when it cannot run
    /// and ticked when it is a toggle that is on; its command when clicked.
    pub fn button(&self, ui: &mut egui::Ui, command: UiCommand) -> Option<AppCommand> {
        let (label, tip) = command.text();
        let shortcut = command.shortcut_text(ui.ctx());
        let button = match self.checked(command) {
            Some(on) => egui::Button::selectable(on, label),
            None => egui::Button::new(label),
        }
        .shortcut_text(shortcut);
        let clicked = ui
            .add_enabled(self.can_run(command), button)
            .on_hover_text(tip)
            .clicked();
        clicked.then(|| command.to_app_command())
    }
}
