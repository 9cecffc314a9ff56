//! The outline panel: quotes grouped by speaker (with a "who is quoted" chart), people,
//! organisations, places and figures; a filter box narrows every group.

use egui::{RichText, Sense, Ui, vec2};

use super::commands::AppCommand;
use super::format;
use super::highlights::{HighlightKind, Item, kind_of};
use super::theme;
use crate::analysis::Analysis;

/// Outline state that lives across frames.
#[derive(Debug, Default)]
pub struct Outline {
    /// Text typed in the filter box.
    pub filter: String,
}

fn matches(filter: &str, text: &str) -> bool {
    filter.is_empty() || text.to_lowercase().contains(&filter.to_lowercase())
}

impl Outline {
    /// Draws the outline of `analysis`; returns the commands clicked.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        analysis: Option<&Analysis>,
        selected: Option<Item>,
        analysing: bool,
    ) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("names, quotes, figures")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        ui.separator();
        let Some(a) = analysis else {
            if analysing {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Analysing…");
                });
            }
            return out;
        };
        let f = self.filter.trim().to_string();
        let dark = ui.visuals().dark_mode;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Quotes by speaker, with the chart first.
                let speakers = format::speakers(a);
                egui::CollapsingHeader::new(format!("Quotes ({})", a.quotes.len()))
                    .id_salt("outline-quotes")
                    .default_open(true)
                    .show(ui, |ui| {
                        if !speakers.is_empty() {
                            who_is_quoted(
                                ui,
                                &speakers,
                                theme::kind_color(HighlightKind::Quote, dark),
                                &mut out,
                            );
                            ui.add_space(6.0);
                        }
                        for (name, _, _, _) in &speakers {
                            let quotes: Vec<(usize, &crate::analysis::Quote)> = a
                                .quotes
                                .iter()
                                .enumerate()
                                .filter(|(_, q)| {
                                    q.speaker
                                        .as_ref()
                                        .map_or("Unattributed", |s| s.name.as_str())
                                        == name
                                })
                                .filter(|(_, q)| matches(&f, &q.text) || matches(&f, name))
                                .collect();
                            if quotes.is_empty() {
                                continue;
                            }
                            ui.label(RichText::new(name).strong());
                            for (i, q) in quotes {
                                let text: String = q.text.chars().take(70).collect();
                                let text = if q.text.chars().count() > 70 {
                                    format!("{text}…")
                                } else {
                                    text
                                };
                                if ui
                                    .add(
                                        egui::Button::selectable(
                                            selected == Some(Item::Quote(i)),
                                            text,
                                        )
                                        .truncate(),
                                    )
                                    .clicked()
                                {
                                    out.push(AppCommand::Select(Item::Quote(i)));
                                }
                            }
                        }
                    });
                for kind in [
                    HighlightKind::Person,
                    HighlightKind::Org,
                    HighlightKind::Place,
                ] {
                    let list: Vec<(usize, &crate::analysis::Entity)> = a
                        .entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| kind_of(e.kind) == Some(kind) && matches(&f, &e.name))
                        .collect();
                    egui::CollapsingHeader::new(format!("{} ({})", kind.plural(), list.len()))
                        .id_salt(("outline", kind.plural()))
                        .default_open(true)
                        .show(ui, |ui| {
                            for (i, e) in list {
                                let text = format!("{} ({})", e.name, e.mentions.len());
                                if ui
                                    .add(
                                        egui::Button::selectable(
                                            selected == Some(Item::Entity(i)),
                                            text,
                                        )
                                        .truncate(),
                                    )
                                    .clicked()
                                {
                                    out.push(AppCommand::Select(Item::Entity(i)));
                                }
                            }
                        });
                }
                let figures: Vec<(usize, &crate::analysis::Figure)> = a
                    .figures
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| {
                        matches(&f, &x.text) || x.counted.as_deref().is_some_and(|c| matches(&f, c))
                    })
                    .collect();
                egui::CollapsingHeader::new(format!("Figures ({})", figures.len()))
                    .id_salt("outline-figures")
                    .default_open(true)
                    .show(ui, |ui| {
                        for (i, x) in figures {
                            let mut text = format!("{} — {}", x.text, format::figure_value(x));
                            if let Some(c) = &x.counted {
                                text.push_str(&format!(" {c}"));
                            }
                            if ui
                                .add(
                                    egui::Button::selectable(
                                        selected == Some(Item::Figure(i)),
                                        text,
                                    )
                                    .truncate(),
                                )
                                .clicked()
                            {
                                out.push(AppCommand::Select(Item::Figure(i)));
                            }
                        }
                    });
            });
        out
    }
}

/// Bars of quotes (thick) and quoted words (thin) per speaker.
fn who_is_quoted(
    ui: &mut Ui,
    speakers: &[(String, Option<usize>, usize, usize)],
    color: egui::Color32,
    out: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new("Who is quoted").weak());
    let max_q = speakers.iter().map(|s| s.2).max().unwrap_or(1).max(1) as f32;
    let max_w = speakers.iter().map(|s| s.3).max().unwrap_or(1).max(1) as f32;
    for (name, ent, quotes, words) in speakers.iter().take(8) {
        let width = ui.available_width();
        let (rect, resp) = ui.allocate_exact_size(vec2(width, 30.0), Sense::click());
        let painter = ui.painter();
        painter.text(
            rect.left_top(),
            egui::Align2::LEFT_TOP,
            name,
            egui::FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
        let label = format!("{quotes} · {words} w");
        painter.text(
            rect.right_top(),
            egui::Align2::RIGHT_TOP,
            &label,
            egui::FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
        let bar_w = width - 4.0;
        let y = rect.top() + 16.0;
        let q_rect = egui::Rect::from_min_size(
            egui::pos2(rect.left(), y),
            vec2(bar_w * (*quotes as f32 / max_q), 7.0),
        );
        painter.rect_filled(q_rect, 2.0, color);
        let w_rect = egui::Rect::from_min_size(
            egui::pos2(rect.left(), y + 9.0),
            vec2(bar_w * (*words as f32 / max_w), 3.0),
        );
        painter.rect_filled(w_rect, 1.0, color.gamma_multiply(0.5));
        let summary = format!(
            "{name}: {quotes} quote{}, {words} quoted words",
            if *quotes == 1 { "" } else { "s" }
        );
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &summary));
        let resp = resp.on_hover_text(summary.clone());
        if resp.clicked()
            && let Some(e) = ent
        {
            out.push(AppCommand::Select(Item::Entity(*e)));
        }
    }
}
