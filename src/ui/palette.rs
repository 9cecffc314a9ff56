//! The command palette (Ctrl+Shift+P or Ctrl+K): type a few letters of any command's name, see
//! the best matches with their keys, Enter runs the highlighted one. Also the windows made from
//! the same command table: the keyboard shortcut sheet and About.

use egui::{Key, RichText};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::ui_command::{Menu, UiCommand};

/// The palette's state while it is open.
#[derive(Default)]
pub struct CommandPalette {
    /// Whether it is shown.
    pub open: bool,
    /// What was typed.
    pub query: String,
    /// The highlighted row among the matches.
    pub selected: usize,
}

impl CommandPalette {
    /// Opens it empty, or closes it.
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.query.clear();
        self.selected = 0;
    }

    /// The commands that match the query, best first; every command when the query is empty.
    pub fn matches(&self) -> Vec<UiCommand> {
        let all: Vec<UiCommand> = UiCommand::all().collect();
        if self.query.trim().is_empty() {
            return all;
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        let labels: Vec<&str> = all.iter().map(|c| c.label()).collect();
        let scored = pattern.match_list(labels, &mut matcher);
        scored
            .into_iter()
            .filter_map(|(label, _)| all.iter().copied().find(|c| c.label() == label))
            .collect()
    }

    /// Draws the palette; returns the command chosen (by Enter or a click), which closes it.
    /// `enabled` says which commands can run now; the others are shown greyed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        enabled: impl Fn(UiCommand) -> bool,
    ) -> Option<UiCommand> {
        if !self.open {
            return None;
        }
        let matches = self.matches();
        let enter = self.arrow_keys(ctx, matches.len());
        let mut chosen = None;
        egui::Window::new("Command Palette")
            .title_bar(false)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .fixed_size([440.0, 0.0])
            .show(ctx, |ui| {
                self.query_field(ui);
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| chosen = self.rows(ui, &matches, enter, &enabled));
            });
        if chosen.is_some() {
            self.toggle();
        }
        chosen
    }

    /// Arrow keys move the highlighted row; returns whether Enter was pressed.
    fn arrow_keys(&mut self, ctx: &egui::Context, count: usize) -> bool {
        let last = count.saturating_sub(1);
        self.selected = self.selected.min(last);
        let (down, up, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(last);
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        enter
    }

    /// The query field, which keeps the keyboard while the palette is open.
    fn query_field(&mut self, ui: &mut egui::Ui) {
        let field = ui
            .horizontal(|ui| {
                let label = ui.label("Command");
                ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Type a few letters")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
            })
            .inner;
        if field.changed() {
            self.selected = 0;
        }
        field.request_focus();
    }

    /// One row per match with its keys; returns the one clicked, or highlighted when Enter was
    /// pressed (if it can run).
    fn rows(
        &self,
        ui: &mut egui::Ui,
        matches: &[UiCommand],
        enter: bool,
        enabled: &impl Fn(UiCommand) -> bool,
    ) -> Option<UiCommand> {
        if matches.is_empty() {
            ui.label(RichText::new("No command matches").weak());
        }
        let mut chosen = None;
        for (i, command) in matches.iter().enumerate() {
            let on = enabled(*command);
            let button = egui::Button::selectable(i == self.selected, command.label())
                .shortcut_text(command.shortcut_text(ui.ctx()));
            let r = ui.add_enabled(on, button).on_hover_text(command.text().1);
            if i == self.selected {
                r.scroll_to_me(None);
            }
            if r.clicked() || (enter && i == self.selected && on) {
                chosen = Some(*command);
            }
        }
        chosen
    }
}

/// Help ▸ Keyboard Shortcuts: every command of every menu with its keys. Returns false when the
/// user closed it.
pub fn shortcut_sheet(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Window::new("Keyboard Shortcuts")
        .open(&mut open)
        .collapsible(false)
        .default_width(420.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(520.0)
                .show(ui, |ui| {
                    for menu in <Menu as strum::IntoEnumIterator>::iter() {
                        ui.heading(menu.title());
                        egui::Grid::new(menu.title())
                            .num_columns(2)
                            .striped(true)
                            .show(ui, |ui| {
                                for command in menu.entries().into_iter().flatten() {
                                    ui.label(command.label());
                                    ui.label(
                                        RichText::new(command.shortcut_text(ui.ctx())).monospace(),
                                    );
                                    ui.end_row();
                                }
                            });
                        ui.add_space(6.0);
                    }
                });
        });
    open
}

/// Help ▸ About Marginalia. Returns false when the user closed it.
pub fn about(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Window::new("About Marginalia")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.heading(format!("Marginalia {}", env!("CARGO_PKG_VERSION")));
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.add_space(6.0);
            ui.label("Code: MIT or Apache-2.0. Noto Serif: SIL Open Font License.");
            ui.label("Place names from GeoNames (CC BY 4.0); data sources in assets/README.md.");
            ui.label("Nothing is ever sent anywhere: the analysis runs on this computer.");
        });
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_finds_commands_by_a_few_letters() {
        let mut p = CommandPalette {
            query: "annot sel".into(),
            ..CommandPalette::default()
        };
        assert_eq!(p.matches().first(), Some(&UiCommand::Annotate));
        p.query = "expmd".into();
        assert_eq!(p.matches().first(), Some(&UiCommand::ExportMarkdown));
        p.query = "zzzzqq".into();
        assert!(p.matches().is_empty());
    }

    #[test]
    fn the_palette_finds_every_command_by_its_label() {
        let mut p = CommandPalette::default();
        for command in UiCommand::all() {
            p.query = command.label().to_string();
            assert!(p.matches().contains(&command), "{command:?}");
        }
    }
}
