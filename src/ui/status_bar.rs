//! The status bar: what is opening, a short confirmation ("Copied…"), the article's length and
//! file, and the zoom and theme switches.

use std::time::{Duration, Instant};

use egui::RichText;

use super::article::Article;
use super::commands::AppCommand;
use super::theme::Palette;
use super::ui_command::UiCommand;

/// How long a confirmation stays in the status bar.
const FLASH_FOR: Duration = Duration::from_secs(3);

/// The status bar's state: the confirmation shown, and since when.
#[derive(Debug, Default)]
pub struct StatusBar {
    flash: Option<(String, Instant)>,
}

/// What the status bar shows besides its own state.
pub struct StatusInput<'a> {
    /// The open article.
    pub article: &'a Article,
    /// "Opening story.txt (20.1 MB)…" while a file opens.
    pub opening: Option<String>,
    /// The reading zoom.
    pub zoom: f32,
    /// The colours.
    pub palette: &'a Palette,
}

impl StatusBar {
    /// Shows `text` for a few seconds.
    pub fn flash(&mut self, text: String) {
        self.flash = Some((text, Instant::now()));
    }

    /// Draws the bar; returns the commands its buttons gave.
    pub fn ui(&self, ui: &mut egui::Ui, input: &StatusInput<'_>) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            if let Some(line) = &input.opening {
                ui.spinner();
                ui.label(line);
                ui.separator();
            }
            self.confirmation(ui);
            article_line(ui, input);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                out.extend(switches(ui, input));
            });
        });
        out
    }

    fn confirmation(&self, ui: &mut egui::Ui) {
        if let Some((text, at)) = &self.flash
            && at.elapsed() < FLASH_FOR
        {
            ui.label(RichText::new(text).strong());
            ui.ctx()
                .request_repaint_after(FLASH_FOR.saturating_sub(at.elapsed()));
            ui.separator();
        }
    }
}

/// "1,234 words · 6 min read | /path/to/story.txt".
fn article_line(ui: &mut egui::Ui, input: &StatusInput<'_>) {
    let Some(doc) = &input.article.doc else {
        return;
    };
    let muted = input.palette.muted;
    if let Some((words, minutes)) = input.article.reading_stats {
        let line = format!("{} words · {minutes} min read", group_thousands(words));
        ui.label(RichText::new(line).color(muted));
    }
    if let Some(p) = &doc.path {
        ui.separator();
        ui.label(RichText::new(p.display().to_string()).color(muted));
    }
}

/// The theme switch and the zoom, right-aligned.
fn switches(ui: &mut egui::Ui, input: &StatusInput<'_>) -> Option<AppCommand> {
    let keys = |c: UiCommand| c.shortcut_text(ui.ctx());
    let label = if ui.visuals().dark_mode {
        "Light"
    } else {
        "Dark"
    };
    let switch_tip = format!("Switch light/dark ({})", keys(UiCommand::ToggleTheme));
    let zoom_tip = format!(
        "Zoom ({} / {} / {})",
        keys(UiCommand::ZoomIn),
        keys(UiCommand::ZoomOut),
        keys(UiCommand::ZoomReset)
    );
    let clicked = ui.button(label).on_hover_text(switch_tip).clicked();
    ui.label(RichText::new(format!("{:.0}%", input.zoom * 100.0)).color(input.palette.muted))
        .on_hover_text(zoom_tip);
    clicked.then_some(AppCommand::ToggleTheme)
}

/// 12345 → "12,345".
pub fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
