//! The menu bar, made from the command table: each entry is a [`UiCommand`] with its label,
//! tooltip and platform-written shortcut; whether it can run now and whether it is checked come
//! from the app's state. File ▸ Open Recent is the one entry with data (the recent files).

use egui::RichText;

use super::app::MarginaliaApp;
use super::commands::AppCommand;
use super::highlights::HighlightKind;
use super::settings::ThemeChoice;
use super::ui_command::{Menu, UiCommand};

impl MarginaliaApp {
    /// Whether `command` can run now (menus and the palette grey out the others).
    pub fn can_run(&self, command: UiCommand) -> bool {
        use UiCommand as C;
        let has_doc = self.doc.is_some();
        let has_sel = self.view.selection.is_some_and(|s| s.anchor != s.caret);
        let can_edit = self.session.can_edit();
        match command {
            C::Save
            | C::Import
            | C::ExportW3c
            | C::ExportMarkdown
            | C::ExportHtml
            | C::ExportCsv => has_doc && can_edit,
            C::Undo => self.session.store.can_undo(),
            C::Redo => self.session.store.can_redo(),
            C::Annotate => has_sel && can_edit,
            C::Copy => has_sel,
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
            | C::ToggleFigures => has_doc,
            C::Open
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
        let kind = |k: HighlightKind| Some(self.highlights.is_visible(k));
        match command {
            C::ThemeSystem => Some(self.settings.theme == ThemeChoice::System),
            C::ThemeLight => Some(self.settings.theme == ThemeChoice::Light),
            C::ThemeDark => Some(self.settings.theme == ThemeChoice::Dark),
            C::ToggleOutline => Some(self.outline_open),
            C::ToggleQuotes => kind(HighlightKind::Quote),
            C::TogglePeople => kind(HighlightKind::Person),
            C::ToggleOrgs => kind(HighlightKind::Org),
            C::TogglePlaces => kind(HighlightKind::Place),
            C::ToggleFigures => kind(HighlightKind::Figure),
            _ => None,
        }
    }

    /// A menu entry for `command`; its command when clicked.
    pub(crate) fn command_button(
        &self,
        ui: &mut egui::Ui,
        command: UiCommand,
    ) -> Option<AppCommand> {
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

    /// The menu bar.
    pub(crate) fn menu_bar(&self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in <Menu as strum::IntoEnumIterator>::iter() {
                ui.menu_button(menu.title(), |ui| {
                    for entry in menu.entries() {
                        let Some(command) = entry else {
                            ui.separator();
                            continue;
                        };
                        out.extend(self.command_button(ui, command));
                        if command == UiCommand::Open {
                            self.recent_menu(ui, &mut out);
                        }
                    }
                });
            }
        });
        out
    }

    fn recent_menu(&self, ui: &mut egui::Ui, out: &mut Vec<AppCommand>) {
        ui.menu_button("Open Recent", |ui| {
            if self.settings.recent.is_empty() {
                ui.label(RichText::new("No recent files").weak());
            }
            for p in &self.settings.recent {
                if ui.button(p.display().to_string()).clicked() {
                    out.push(AppCommand::Open(p.clone()));
                }
            }
        });
    }
}
