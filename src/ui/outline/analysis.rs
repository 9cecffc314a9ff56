//! The analysis part of the outline: quotes grouped by speaker (with a "who is quoted" chart),
//! people, organisations, places and figures; a filter box narrows every group.
//!
//! The lists are computed once per (analysis, filter) and each group shows at most
//! [`MAX_ROWS`] rows, so the panel costs the same on a 20 MB article as on a short one.

use egui::{RichText, Sense, Ui, vec2};

use crate::analysis::Analysis;
use crate::analysis::describe as format;
use crate::ui::commands::AppCommand;
use crate::ui::highlights::{HighlightKind, Item, kind_of};
use crate::ui::theme;

/// Rows shown per group before "… and N more".
pub const MAX_ROWS: usize = 150;

/// Speaker name, entity index, quotes, quoted words.
type SpeakerRow = (String, Option<usize>, usize, usize);

/// What the outline lists for one analysis and filter.
#[derive(Debug, Default)]
struct Lists {
    key: (usize, String),
    speakers: Vec<SpeakerRow>,
    quotes_by_speaker: Vec<Vec<usize>>,
    quote_count: usize,
    entities: [Vec<usize>; 3],
    figures: Vec<usize>,
}

impl Lists {
    fn build(a: &Analysis, filter: &str, key: (usize, String)) -> Self {
        let f = filter.trim().to_lowercase();
        let hit = |text: &str| f.is_empty() || text.to_lowercase().contains(&f);
        let speakers = format::speakers(a);
        let mut by_name: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, s) in speakers.iter().enumerate() {
            by_name.insert(s.0.as_str(), i);
        }
        let mut quotes_by_speaker = vec![Vec::new(); speakers.len()];
        for (i, q) in a.quotes.iter().enumerate() {
            let name = q
                .speaker
                .as_ref()
                .map_or("Unattributed", |s| s.name.as_str());
            if (hit(&q.text) || hit(name))
                && let Some(&k) = by_name.get(name)
            {
                quotes_by_speaker[k].push(i);
            }
        }
        let mut entities: [Vec<usize>; 3] = Default::default();
        for (i, e) in a.entities.iter().enumerate() {
            let slot = match kind_of(e.kind) {
                Some(HighlightKind::Person) => 0,
                Some(HighlightKind::Org) => 1,
                Some(HighlightKind::Place) => 2,
                _ => continue,
            };
            if hit(&e.name) {
                entities[slot].push(i);
            }
        }
        let figures = a
            .figures
            .iter()
            .enumerate()
            .filter(|(_, x)| hit(&x.text) || x.counted.as_deref().is_some_and(hit))
            .map(|(i, _)| i)
            .collect();
        let quote_count = quotes_by_speaker.iter().map(Vec::len).sum();
        Lists {
            key,
            speakers,
            quotes_by_speaker,
            quote_count,
            entities,
            figures,
        }
    }
}

/// The analysis outline's state across frames.
#[derive(Debug, Default)]
pub struct AnalysisOutline {
    /// Text typed in the filter box.
    pub filter: String,
    lists: Lists,
}

fn more(ui: &mut Ui, total: usize) {
    if total > MAX_ROWS {
        ui.label(
            RichText::new(format!(
                "… and {} more — type in Filter to narrow",
                total - MAX_ROWS
            ))
            .weak(),
        );
    }
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        format!("{t}…")
    } else {
        t
    }
}

impl AnalysisOutline {
    /// Draws the outline of `analysis`; returns the commands clicked.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        analysis: Option<&Analysis>,
        selected: Option<Item>,
        analysing: bool,
    ) -> Vec<AppCommand> {
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
            return Vec::new();
        };
        let analysis_id = std::ptr::from_ref(a) as usize;
        let key = (analysis_id, self.filter.clone());
        if self.lists.key != key {
            self.lists = Lists::build(a, &self.filter, key);
        }
        let l = &self.lists;
        let mut out = Vec::new();
        // A scroll position of its own per analysis: a new document starts at the top.
        egui::ScrollArea::vertical()
            .id_salt(("outline", analysis_id))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                out.extend(quotes(ui, a, l, selected));
                for (slot, kind) in [
                    HighlightKind::Person,
                    HighlightKind::Org,
                    HighlightKind::Place,
                ]
                .into_iter()
                .enumerate()
                {
                    out.extend(entities(ui, a, kind, &l.entities[slot], selected));
                }
                out.extend(figures(ui, a, &l.figures, selected));
            });
        out
    }
}

/// A row that selects `item`, marked when it is the selected one; true when clicked.
fn row(ui: &mut Ui, text: String, item: Item, selected: Option<Item>) -> bool {
    ui.add(egui::Button::selectable(selected == Some(item), text).truncate())
        .clicked()
}

/// The quotes group: who is quoted, then the quotes under their speaker.
fn quotes(ui: &mut Ui, a: &Analysis, l: &Lists, selected: Option<Item>) -> Vec<AppCommand> {
    let mut out = Vec::new();
    let dark = ui.visuals().dark_mode;
    egui::CollapsingHeader::new(format!("Quotes ({})", l.quote_count))
        .id_salt("outline-quotes")
        .default_open(true)
        .show(ui, |ui| {
            if !l.speakers.is_empty() {
                let color = theme::kind_color(HighlightKind::Quote, dark);
                who_is_quoted(ui, &l.speakers, color, &mut out);
                ui.add_space(6.0);
            }
            let mut shown = 0;
            for (k, (name, ..)) in l.speakers.iter().enumerate() {
                let quotes = &l.quotes_by_speaker[k];
                if quotes.is_empty() || shown >= MAX_ROWS {
                    continue;
                }
                ui.label(RichText::new(name).strong());
                for &i in quotes.iter().take(MAX_ROWS - shown) {
                    let text = short(&a.quotes[i].text, 70);
                    if row(ui, text, Item::Quote(i), selected) {
                        out.push(AppCommand::Select(Item::Quote(i)));
                    }
                    shown += 1;
                }
            }
            more(ui, l.quote_count);
        });
    out
}

/// One group of names (people, organisations or places) with their mention counts.
fn entities(
    ui: &mut Ui,
    a: &Analysis,
    kind: HighlightKind,
    list: &[usize],
    selected: Option<Item>,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    egui::CollapsingHeader::new(format!("{} ({})", kind.plural(), list.len()))
        .id_salt(("outline", kind.plural()))
        .default_open(true)
        .show(ui, |ui| {
            for &i in list.iter().take(MAX_ROWS) {
                let e = &a.entities[i];
                let text = format!("{} ({})", e.name, e.mentions.len());
                if row(ui, text, Item::Entity(i), selected) {
                    out.push(AppCommand::Select(Item::Entity(i)));
                }
            }
            more(ui, list.len());
        });
    out
}

/// The figures group: each figure with its value and what it counts.
fn figures(ui: &mut Ui, a: &Analysis, list: &[usize], selected: Option<Item>) -> Vec<AppCommand> {
    let mut out = Vec::new();
    egui::CollapsingHeader::new(format!("Figures ({})", list.len()))
        .id_salt("outline-figures")
        .default_open(true)
        .show(ui, |ui| {
            for &i in list.iter().take(MAX_ROWS) {
                let x = &a.figures[i];
                let mut text = format!("{} — {}", x.text, format::figure_value(x));
                if let Some(c) = &x.counted {
                    text.push_str(&format!(" {c}"));
                }
                if row(ui, text, Item::Figure(i), selected) {
                    out.push(AppCommand::Select(Item::Figure(i)));
                }
            }
            more(ui, list.len());
        });
    out
}

/// Bars of quotes (thick) and quoted words (thin) per speaker.
fn who_is_quoted(
    ui: &mut Ui,
    speakers: &[SpeakerRow],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Quote, Speaker};

    #[test]
    fn lists_group_quotes_by_speaker_and_filter() {
        let q = |t: &str, who: &str| Quote {
            id: String::new(),
            start: 0,
            end: 1,
            text: t.into(),
            speaker: Some(Speaker {
                name: who.into(),
                entity: None,
            }),
            cue: None,
            why: None,
        };
        let a = Analysis {
            quotes: vec![q("“One”", "Ann"), q("“Two”", "Bo"), q("“Three”", "Ann")],
            ..Analysis::default()
        };
        let l = Lists::build(&a, "", (0, String::new()));
        assert_eq!(l.speakers[0].0, "Ann");
        assert_eq!(l.quotes_by_speaker[0], vec![0, 2]);
        let l = Lists::build(&a, "thr", (0, "thr".into()));
        assert_eq!(l.quote_count, 1);
        let l = Lists::build(&a, "bo", (0, "bo".into()));
        assert_eq!(l.quotes_by_speaker[1], vec![1]);
    }
}
