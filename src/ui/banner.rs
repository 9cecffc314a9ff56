//! Non-modal messages across the top of the window: an error opening a file, a warning about how a
//! file was read. They never block the article under them and close with ×.

use super::commands::AppCommand;
use super::theme::Palette;

/// How serious a banner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    /// Something failed.
    Error,
    /// Something the user should know.
    Warning,
    /// A greeting or a hint.
    Info,
}

/// One message.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    /// Stable id (for dismissing).
    pub id: u64,
    /// Seriousness.
    pub kind: BannerKind,
    /// The message, naming the file and what is wrong.
    pub text: String,
    /// A button offering the way out ("Start a fresh file", "Locate…").
    pub action: Option<(String, AppCommand)>,
}

/// The banners currently shown.
#[derive(Debug, Default)]
pub struct Banners {
    list: Vec<Banner>,
    next_id: u64,
}

impl Banners {
    /// Adds a message (an identical one already shown is not repeated).
    pub fn push(&mut self, kind: BannerKind, text: impl Into<String>) {
        let text = text.into();
        if self.list.iter().any(|b| b.text == text) {
            return;
        }
        self.next_id += 1;
        self.list.push(Banner {
            id: self.next_id,
            kind,
            text,
            action: None,
        });
    }

    /// Adds a message with an action button.
    pub fn push_with_action(
        &mut self,
        kind: BannerKind,
        text: impl Into<String>,
        label: &str,
        command: AppCommand,
    ) {
        self.push(kind, text);
        if let Some(b) = self.list.last_mut() {
            b.action = Some((label.to_string(), command));
        }
    }

    /// Removes every banner whose text contains `needle`.
    pub fn dismiss_matching(&mut self, needle: &str) {
        self.list.retain(|b| !b.text.contains(needle));
    }

    /// Removes every banner (ids keep counting up).
    pub fn clear(&mut self) {
        self.list.clear();
    }

    /// Removes a banner.
    pub fn dismiss(&mut self, id: u64) {
        self.list.retain(|b| b.id != id);
    }

    /// The banners, oldest first.
    pub fn list(&self) -> &[Banner] {
        &self.list
    }

    /// Draws the banners; returns the commands their buttons gave.
    pub fn ui(&self, ui: &mut egui::Ui, palette: &Palette) -> Vec<AppCommand> {
        let mut out = Vec::new();
        for b in &self.list {
            let fill = match b.kind {
                BannerKind::Error => palette.error_bg,
                BannerKind::Warning => palette.warn_bg,
                BannerKind::Info => palette.info_bg,
            };
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(12, 6))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let tag = match b.kind {
                            BannerKind::Error => "Error",
                            BannerKind::Warning => "Note",
                            BannerKind::Info => "Welcome",
                        };
                        ui.label(egui::RichText::new(tag).strong().color(palette.banner_ink));
                        // Buttons first, from the right, so a long message wraps in the width
                        // left instead of pushing × out of the window.
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                            if ui
                                .button(egui::RichText::new("×").color(palette.banner_ink))
                                .on_hover_text("Dismiss")
                                .clicked()
                            {
                                out.push(AppCommand::DismissBanner(b.id));
                            }
                            if let Some((label, cmd)) = &b.action
                                && ui.button(label).clicked()
                            {
                                out.push(cmd.clone());
                                out.push(AppCommand::DismissBanner(b.id));
                            }
                            ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
                                ui.add(
                                    egui::Label::new(
                                        egui::RichText::new(&b.text).color(palette.banner_ink),
                                    )
                                    .wrap(),
                                );
                            });
                        });
                    });
                });
        }
        out
    }
}
