//! The Annotations group of the outline: filters and a search over the notes, the notes in
//! reading order, and the orphaned ones (whose text is no longer in the article) last.

use std::ops::Range;

use egui::RichText;

use crate::annotations::session::Session;
use crate::annotations::store::Filter;
use crate::annotations::{Annotation, Status};
use crate::ui::commands::{AppCommand, NoteCommand};
use crate::ui::editor::color_name;
use crate::ui::margin;
use crate::ui::ui_command::UiCommand;

/// The most notes listed at once. Every listed note is a widget drawn each frame, so a sidecar
/// with 100,000 notes would make every frame take seconds; past this many the list says how many
/// more there are and the filters narrow it.
const ROWS: usize = 500;

/// The tags, authors and colours of the notes, for the filters.
type Choices = (Vec<String>, Vec<String>, Vec<String>);

/// A note and where it is (`None`: orphaned).
type Row<'a> = (&'a Annotation, Option<Range<usize>>);

/// The notes list's state across frames.
#[derive(Debug, Default)]
pub struct NotesList {
    /// What the list is narrowed to.
    pub filter: Filter,
    /// The filter choices and the store revision they were gathered at: gathering them walks
    /// every note, too slow to do each frame for 100,000.
    choices: Option<(u64, Choices)>,
}

impl NotesList {
    /// Forgets the choices gathered for the notes of another article.
    pub fn reset(&mut self) {
        self.choices = None;
    }

    /// Draws the group; returns the note clicked.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        selected: Option<&str>,
    ) -> Vec<AppCommand> {
        let mut out = Vec::new();
        let live = session.store.live().count();
        egui::CollapsingHeader::new(format!("Annotations ({live})"))
            .id_salt("outline-notes")
            .default_open(true)
            .show(ui, |ui| {
                // Filters only when there is something to filter.
                if live > 0 {
                    self.filters(ui, session);
                }
                let (rows, hidden) = listed(session, &self.filter);
                if rows.is_empty() {
                    ui.label(RichText::new(empty_hint(ui.ctx(), live)).weak());
                }
                out.extend(rows_ui(ui, &rows, selected));
                if hidden > 0 {
                    ui.label(
                        RichText::new(format!(
                            "… and {hidden} more: narrow the list with the filters or the search"
                        ))
                        .weak(),
                    );
                }
            });
        out
    }

    /// The search field and the tag, status, colour and author choices.
    fn filters(&mut self, ui: &mut egui::Ui, session: &Session) {
        let store = &session.store;
        let revision = store.revision();
        let (tags, authors, colors) = match &self.choices {
            Some((r, choices)) if *r == revision => choices.clone(),
            _ => {
                let choices = (store.tags(), store.authors(), store.colors());
                self.choices = Some((revision, choices.clone()));
                choices
            }
        };
        let f = &mut self.filter;
        ui.horizontal(|ui| {
            let label = ui.label("Search notes");
            let mut text = f.text.clone().unwrap_or_default();
            if ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                .labelled_by(label.id)
                .changed()
            {
                f.text = (!text.trim().is_empty()).then_some(text);
            }
        });
        ui.horizontal_wrapped(|ui| {
            combo(ui, "Tag", &mut f.tag, &tags, |t| format!("#{t}"));
            combo(ui, "Status", &mut f.status, &Status::ALL, |s| {
                s.as_str().to_string()
            });
            combo(ui, "Colour", &mut f.color, &colors, |c| color_name(c));
            combo(ui, "Author", &mut f.author, &authors, |a| a.clone());
        });
    }
}

/// The notes the filter lets through, the first [`ROWS`] in reading order (orphans last), and
/// how many more there are.
fn listed<'a>(session: &'a Session, filter: &Filter) -> (Vec<Row<'a>>, usize) {
    let mut shown: Vec<Row<'a>> = session
        .placed()
        .filter(|(a, _)| filter.matches(a))
        .collect();
    let total = shown.len();
    let order = |x: &Row<'_>, y: &Row<'_>| {
        let start = |r: &Option<Range<usize>>| r.as_ref().map_or(0, |r| r.start);
        (x.1.is_none(), start(&x.1))
            .cmp(&(y.1.is_none(), start(&y.1)))
            .then_with(|| x.0.created.cmp(&y.0.created))
    };
    // Only the rows listed are sorted: a full sort of 100,000 notes each frame would cost more
    // than the frame.
    if total > ROWS {
        shown.select_nth_unstable_by(ROWS, order);
        shown.truncate(ROWS);
    }
    shown.sort_by(order);
    (shown, total.saturating_sub(ROWS))
}

/// What an empty list says: how to add a note, or that none matches.
fn empty_hint(ctx: &egui::Context, live: usize) -> String {
    if live == 0 {
        let keys = UiCommand::Annotate.shortcut_text(ctx);
        format!("Select text and press {keys} to add a note.")
    } else {
        "No note matches.".to_string()
    }
}

/// The rows, with a heading before the first orphan; returns the note clicked.
fn rows_ui(ui: &mut egui::Ui, rows: &[Row<'_>], selected: Option<&str>) -> Option<AppCommand> {
    let mut clicked = None;
    let mut orphans_header = false;
    for (a, r) in rows {
        if r.is_none() && !orphans_header {
            orphans_header = true;
            ui.add_space(4.0);
            ui.label(RichText::new("Orphaned — text no longer in the article").strong());
        }
        let on = selected == Some(a.id.as_str());
        if row(ui, a, r.is_some(), on) {
            clicked = Some(AppCommand::Note(NoteCommand::SelectNote(a.id.clone())));
        }
    }
    clicked
}

/// One note: its colour, its author's initials and its note (or its text); true when clicked.
fn row(ui: &mut egui::Ui, a: &Annotation, placed: bool, selected: bool) -> bool {
    let dark = ui.visuals().dark_mode;
    let title = if a.note.trim().is_empty() {
        format!("“{}”", short(&a.target.exact, 50))
    } else {
        short(&a.note, 60)
    };
    let line = if placed {
        title
    } else {
        format!("{title} — was on “{}”", short(&a.target.exact, 40))
    };
    ui.horizontal(|ui| {
        let c = margin::parse_color(&a.color).unwrap_or(egui::Color32::YELLOW);
        let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().rect_filled(swatch, 2.0, c);
        ui.label(
            RichText::new(margin::initials(&a.author))
                .color(margin::author_color(&a.author, dark))
                .strong(),
        )
        .on_hover_text(&a.author);
        ui.add(egui::Button::selectable(selected, line).truncate())
            .clicked()
    })
    .inner
}

fn short(s: &str, n: usize) -> String {
    let s = s.replace('\n', " ");
    let t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

/// A combo box choosing one of `options` or "any".
fn combo<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    options: &[T],
    name: impl Fn(&T) -> String,
) {
    let current = value.as_ref().map_or_else(|| "any".to_string(), &name);
    egui::ComboBox::from_label(label)
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), "any").clicked() {
                *value = None;
            }
            for o in options {
                if ui
                    .selectable_label(value.as_ref() == Some(o), name(o))
                    .clicked()
                {
                    *value = Some(o.clone());
                }
            }
        });
}
