//! The legend under the menus: each highlight kind with its swatch, count and a toggle, and a
//! line of the keys that move through the article.

use egui::RichText;

use super::commands::AppCommand;
use super::highlights::{HighlightKind, Highlights};
use super::theme;
use super::ui_command::UiCommand;

/// Draws the legend; returns the kinds toggled. `analysing` shows a spinner instead, and
/// nothing is listed before there is an analysis.
pub fn legend(
    ui: &mut egui::Ui,
    highlights: &Highlights,
    analysing: bool,
    analysed: bool,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if analysing {
            ui.spinner();
            ui.label("Analysing…");
            return;
        }
        if !analysed {
            return;
        }
        for kind in HighlightKind::ALL {
            swatch(ui, kind);
            let mut on = highlights.is_visible(kind);
            let label = format!("{} {}", kind.plural(), highlights.count(kind));
            let tip = format!("Show or hide {} in the text", kind.plural().to_lowercase());
            if ui.checkbox(&mut on, label).on_hover_text(tip).changed() {
                out.push(AppCommand::ToggleKind(kind));
            }
            ui.add_space(6.0);
        }
        ui.separator();
        ui.label(RichText::new(key_hint(ui.ctx())).weak());
    });
    out
}

/// A small sample of how `kind` is marked in the text.
fn swatch(ui: &mut egui::Ui, kind: HighlightKind) {
    let style = theme::highlight_style(kind, ui.visuals().dark_mode);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 16.0), egui::Sense::hover());
    let swatch = rect.shrink2(egui::vec2(2.0, 2.0));
    if let Some(fill) = style.fill {
        ui.painter().rect_filled(swatch, 2.0, fill);
    }
    if let Some((_, stroke)) = style.line {
        ui.painter()
            .hline(swatch.x_range(), swatch.bottom(), stroke);
    }
    if let Some(stroke) = style.border {
        ui.painter()
            .rect_stroke(swatch, 2.0, stroke, egui::StrokeKind::Inside);
    }
}

/// "N / Tab: next · P / Shift+Tab: previous · …", from the command table.
fn key_hint(ctx: &egui::Context) -> String {
    let keys = |c: UiCommand| c.shortcut_text(ctx);
    format!(
        "{}: next · {}: previous · {}: details · {}: find · {}: all commands",
        keys(UiCommand::NextHighlight),
        keys(UiCommand::PrevHighlight),
        keys(UiCommand::OpenDetails),
        keys(UiCommand::Find),
        keys(UiCommand::CommandPalette)
    )
}
