//! The details of each kind of item: a quote (speaker, cue, where, other quotes by the same
//! speaker), an entity (roles, mentions, quotes, figures near it) and a figure (value, kind,
//! precision, the same figure elsewhere). Links come back as commands.

use egui::{RichText, Ui};

use crate::analysis::describe as format;
use crate::analysis::{Analysis, Entity, Figure, Quote, Why};
use crate::document::Document;
use crate::ui::commands::AppCommand;
use crate::ui::context::{paragraph_number, sentence_around, slice};
use crate::ui::highlights::{HighlightKind, Item, kind_of};
use crate::ui::theme;

fn field(ui: &mut Ui, name: &str, value: impl Into<RichText>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).weak());
        ui.label(value.into());
    });
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong());
}

/// A link button that selects an item.
fn item_link(ui: &mut Ui, text: &str, item: Item, out: &mut Vec<AppCommand>) {
    if ui.link(text).clicked() {
        out.push(AppCommand::Select(item));
    }
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

/// A quote: its text, speaker, cue, place, length, a copy button, and the speaker's other quotes.
pub(super) fn quote(
    ui: &mut Ui,
    doc: &Document,
    a: &Analysis,
    i: usize,
    q: &Quote,
    out: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new(&q.text).font(theme::serif_italic(16.0)));
    ui.add_space(8.0);
    speaker(ui, a, q, out);
    field(
        ui,
        "Cue",
        q.cue
            .clone()
            .unwrap_or_else(|| "none (continues the speaker)".into()),
    );
    if let Some(why) = &q.why {
        why_section(ui, "Why this speaker", why);
    }
    let (p, n) = paragraph_number(doc, q.start);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Where").weak());
        let place = format!("paragraph {p} of {n}, characters {}–{}", q.start, q.end);
        if ui.link(place).clicked() {
            out.push(AppCommand::JumpTo(q.start..q.end));
        }
    });
    field(
        ui,
        "Length",
        format!("{} words", format::word_count(&q.text)),
    );
    ui.add_space(8.0);
    let attributed = format::quote_with_attribution(q);
    if ui
        .button("Copy with attribution")
        .on_hover_text(&attributed)
        .clicked()
    {
        out.push(AppCommand::Copy(attributed));
    }
    other_quotes(ui, a, i, q, out);
}

/// Who said it: a link to the speaker's details when the speaker is a known name.
fn speaker(ui: &mut Ui, a: &Analysis, q: &Quote, out: &mut Vec<AppCommand>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Speaker").weak());
        let Some(sp) = &q.speaker else {
            ui.label(RichText::new("not identified").italics());
            return;
        };
        let known = sp
            .entity
            .as_ref()
            .and_then(|id| a.entities.iter().position(|e| &e.id == id));
        match known {
            Some(ei) => item_link(ui, &sp.name, Item::Entity(ei), out),
            None => {
                ui.label(&sp.name);
            }
        }
    });
}

/// The other quotes by the same speaker.
fn other_quotes(ui: &mut Ui, a: &Analysis, i: usize, q: &Quote, out: &mut Vec<AppCommand>) {
    let Some(speaker) = q.speaker.as_ref().map(|s| s.name.as_str()) else {
        return;
    };
    let others: Vec<(usize, &Quote)> = a
        .quotes
        .iter()
        .enumerate()
        .filter(|(j, o)| *j != i && o.speaker.as_ref().map(|s| s.name.as_str()) == Some(speaker))
        .collect();
    if others.is_empty() {
        return;
    }
    section(ui, &format!("Other quotes by {speaker} ({})", others.len()));
    for (j, o) in others {
        item_link(ui, &short(&o.text, 80), Item::Quote(j), out);
    }
}

/// Why the analysis decided as it did: the score of each choice (a type, or a person a pronoun
/// may mean), then the features that decided with their weights (as `analyze --explain`).
fn why_section(ui: &mut Ui, title: &str, why: &Why) {
    egui::CollapsingHeader::new(title)
        .id_salt(title)
        .show(ui, |ui| {
            let scores: Vec<String> = why
                .scores
                .iter()
                .map(|s| format!("{} {:+.1}", s.name, s.weight))
                .collect();
            ui.label(RichText::new(scores.join(" · ")).weak());
            egui::Grid::new("why-features")
                .num_columns(2)
                .show(ui, |ui| {
                    for f in &why.features {
                        ui.monospace(format!("{:+.2}", f.weight));
                        ui.label(&f.name);
                        ui.end_row();
                    }
                });
        });
}

/// A name: its kind, roles and spellings, each mention in its sentence, its quotes, and the
/// figures in the sentences that mention it.
pub(super) fn entity(
    ui: &mut Ui,
    doc: &Document,
    a: &Analysis,
    e: &Entity,
    out: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new(&e.name).font(theme::serif_bold(20.0)));
    if let Some(kind) = kind_of(e.kind) {
        let color = theme::kind_color(kind, ui.visuals().dark_mode);
        ui.label(RichText::new(format::entity_type(e.kind)).color(color));
    }
    if !e.roles.is_empty() {
        let roles: Vec<String> = e.roles.iter().map(|r| format::role_title(r)).collect();
        field(ui, "Roles", roles.join(", "));
    }
    let forms: std::collections::BTreeSet<&str> =
        e.mentions.iter().map(|m| m.text.as_str()).collect();
    field(
        ui,
        "Named as",
        forms.into_iter().collect::<Vec<_>>().join(", "),
    );
    if let Some(why) = &e.why {
        why_section(ui, "Why this type", why);
    }

    section(ui, &format!("Mentions ({})", e.mentions.len()));
    for m in &e.mentions {
        let s = sentence_around(doc, m.start..m.end);
        let text = short(&slice(doc, s), 110);
        if ui.link(text).on_hover_text("Show in the text").clicked() {
            out.push(AppCommand::JumpTo(m.start..m.end));
        }
    }
    quotes_of(ui, a, e, out);
    figures_near(ui, doc, a, e, out);
}

/// The quotes attributed to a name.
fn quotes_of(ui: &mut Ui, a: &Analysis, e: &Entity, out: &mut Vec<AppCommand>) {
    let said_by_it =
        |q: &Quote| q.speaker.as_ref().and_then(|s| s.entity.as_deref()) == Some(e.id.as_str());
    let quotes: Vec<(usize, &Quote)> = a
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| said_by_it(q))
        .collect();
    if quotes.is_empty() {
        return;
    }
    section(ui, &format!("Quotes ({})", quotes.len()));
    for (j, q) in quotes {
        item_link(ui, &short(&q.text, 80), Item::Quote(j), out);
    }
}

/// The figures in the sentences that mention a name.
fn figures_near(ui: &mut Ui, doc: &Document, a: &Analysis, e: &Entity, out: &mut Vec<AppCommand>) {
    let sentences: Vec<std::ops::Range<usize>> = e
        .mentions
        .iter()
        .map(|m| sentence_around(doc, m.start..m.end))
        .collect();
    let inside = |f: &Figure| {
        sentences
            .iter()
            .any(|s| s.start <= f.start && f.end <= s.end)
    };
    let figures: Vec<(usize, &Figure)> = a
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| inside(f))
        .collect();
    if figures.is_empty() {
        return;
    }
    section(ui, &format!("Figures in its sentences ({})", figures.len()));
    for (j, f) in figures {
        let text = format!("{} — {}", f.text, format::figure_value(f));
        item_link(ui, &text, Item::Figure(j), out);
    }
}

/// A figure: its value, kind, precision, its sentence, and the same figure elsewhere.
pub(super) fn figure(
    ui: &mut Ui,
    doc: &Document,
    a: &Analysis,
    i: usize,
    f: &Figure,
    out: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new(&f.text).font(theme::serif_bold(20.0)));
    let color = theme::kind_color(HighlightKind::Figure, ui.visuals().dark_mode);
    ui.label(
        RichText::new(format::figure_value(f))
            .size(18.0)
            .color(color),
    );
    field(ui, "Kind", format::figure_kind(f.kind));
    if let Some(v) = format::figure_machine_value(f) {
        field(ui, "Value", &v);
    }
    field(ui, "Precision", format::figure_precision(f));
    if let Some(c) = &f.counted {
        field(ui, "Counts", c.as_str());
    }
    section(ui, "Sentence");
    let s = sentence_around(doc, f.start..f.end);
    if ui
        .link(slice(doc, s))
        .on_hover_text("Show in the text")
        .clicked()
    {
        out.push(AppCommand::JumpTo(f.start..f.end));
    }
    let same = format::same_thing(a, i);
    if !same.is_empty() {
        let title = match &f.counted {
            Some(c) => format!("Other figures of {c}"),
            None => "The same figure elsewhere".to_string(),
        };
        section(ui, &title);
        for j in same {
            if let Some(o) = a.figures.get(j) {
                let label = match &o.counted {
                    Some(c) => format!("{} {c}", o.text),
                    None => o.text.clone(),
                };
                item_link(ui, &label, Item::Figure(j), out);
            }
        }
    }
}
