//! The editor's widgets, top to bottom: heading, byline, the quoted text (and, for an orphaned
//! note, re-attaching), the note, tags with suggestions, colour, fact-check status, replies and
//! delete. Each section returns the edits made in it.

use egui::{Color32, RichText, Ui};

use super::{EditorAction, PALETTE, short_time, with_tag};
use crate::annotations::{Annotation, Status};
use crate::ui::margin::{author_color, parse_color};
use crate::ui::ui_command::UiCommand;

/// Typing pauses this long (seconds) before the note becomes an edit.
const NOTE_PAUSE: f64 = 0.8;

/// Editor state kept across frames: text being typed that is not yet an edit.
#[derive(Debug, Default)]
pub struct Editor {
    /// The annotation being edited.
    pub id: Option<String>,
    /// The note as typed.
    pub note: String,
    note_dirty_since: Option<f64>,
    /// The tag being typed.
    pub tag_input: String,
    /// The reply being typed.
    pub reply: String,
}

/// What a section of the editor needs to know about the note besides the note itself.
#[derive(Debug, Clone, Copy)]
struct Context<'a> {
    all_tags: &'a [String],
    orphaned: bool,
    has_selection: bool,
}

impl Editor {
    /// Starts editing `a` (keeps typed text when it is the same annotation).
    pub fn open(&mut self, a: &Annotation) {
        if self.id.as_deref() != Some(a.id.as_str()) {
            *self = Editor {
                id: Some(a.id.clone()),
                note: a.note.clone(),
                ..Editor::default()
            };
        } else if self.note_dirty_since.is_none() {
            self.note.clone_from(&a.note);
        }
    }

    /// Whether typed note text has not been turned into an edit yet.
    pub fn has_pending_note(&self) -> bool {
        self.note_dirty_since.is_some()
    }

    /// The pending note as an edit (called when typing pauses, focus leaves, or before saving).
    pub fn flush(&mut self, a: &Annotation) -> Option<EditorAction> {
        self.note_dirty_since = None;
        if self.id.as_deref() == Some(a.id.as_str()) && self.note != a.note {
            let mut next = a.clone();
            next.note = self.note.clone();
            return Some(EditorAction::Update(Box::new(next)));
        }
        None
    }

    /// Draws the editor for `a`. `all_tags` feeds suggestions; `orphaned` offers re-attaching;
    /// `read_only` disables every control.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        a: &Annotation,
        all_tags: &[String],
        orphaned: bool,
        has_selection: bool,
        read_only: bool,
    ) -> Vec<EditorAction> {
        self.open(a);
        let mut out = heading(ui);
        byline(ui, a);
        ui.separator();
        let cx = Context {
            all_tags,
            orphaned,
            has_selection,
        };
        ui.add_enabled_ui(!read_only, |ui| out.extend(self.sections(ui, a, cx)));
        out
    }

    fn sections(&mut self, ui: &mut Ui, a: &Annotation, cx: Context<'_>) -> Vec<EditorAction> {
        let mut out = Vec::new();
        ui.label(RichText::new(format!("“{}”", a.target.exact)).italics());
        if cx.orphaned {
            out.extend(orphan_notice(ui, a, cx.has_selection));
        }
        ui.add_space(6.0);
        out.extend(self.note_field(ui, a));
        ui.add_space(6.0);
        ui.label(RichText::new("Tags").strong());
        out.extend(tag_list(ui, a));
        out.extend(self.tag_field(ui, a));
        out.extend(self.tag_suggestions(ui, a, cx.all_tags));
        ui.add_space(6.0);
        ui.label(RichText::new("Colour").strong());
        out.extend(colours(ui, a));
        ui.add_space(6.0);
        ui.label(RichText::new("Fact-check status").strong());
        out.extend(statuses(ui, a));
        ui.add_space(8.0);
        replies(ui, a);
        out.extend(self.reply_field(ui, a));
        ui.add_space(12.0);
        out.extend(delete_button(ui, a));
        out
    }

    /// The note; typing becomes an edit when it pauses or the field loses the keyboard.
    fn note_field(&mut self, ui: &mut Ui, a: &Annotation) -> Option<EditorAction> {
        let now = ui.input(|i| i.time);
        let label = ui.label("Note text");
        let edit = ui
            .add(
                egui::TextEdit::multiline(&mut self.note)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY)
                    .hint_text("Write a note…"),
            )
            .labelled_by(label.id);
        if edit.changed() {
            self.note_dirty_since = Some(now);
        }
        let pause = self.note_dirty_since.is_some_and(|t| now - t > NOTE_PAUSE);
        let action = if (edit.lost_focus() || pause) && self.note_dirty_since.is_some() {
            self.flush(a)
        } else {
            None
        };
        if self.note_dirty_since.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(300));
        }
        action
    }

    /// "Add tag": Enter or Add puts the typed tag on the note.
    fn tag_field(&mut self, ui: &mut Ui, a: &Annotation) -> Option<EditorAction> {
        ui.horizontal(|ui| {
            let label = ui.label("Add tag");
            let resp = ui
                .add(egui::TextEdit::singleline(&mut self.tag_input).desired_width(140.0))
                .labelled_by(label.id);
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter {
                // The field keeps the keyboard for the next tag; letters typed now must not
                // reach the reader's shortcuts.
                resp.request_focus();
            }
            if !(enter || ui.button("Add").clicked()) {
                return None;
            }
            let next = with_tag(a, &self.tag_input)?;
            self.tag_input.clear();
            Some(EditorAction::Update(Box::new(next)))
        })
        .inner
    }

    /// Tags used on other notes that start with what is typed.
    fn tag_suggestions(
        &mut self,
        ui: &mut Ui,
        a: &Annotation,
        all_tags: &[String],
    ) -> Vec<EditorAction> {
        let typed = self.tag_input.trim().to_lowercase();
        let suggestions: Vec<&String> = all_tags
            .iter()
            .filter(|t| {
                !a.tags.contains(t) && (typed.is_empty() || t.to_lowercase().starts_with(&typed))
            })
            .take(8)
            .collect();
        let mut out = Vec::new();
        if suggestions.is_empty() {
            return out;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Suggestions").weak());
            for t in suggestions {
                if ui.small_button(format!("#{t}")).clicked()
                    && let Some(next) = with_tag(a, t)
                {
                    out.push(EditorAction::Update(Box::new(next)));
                    self.tag_input.clear();
                }
            }
        });
        out
    }

    /// The reply field and its button.
    fn reply_field(&mut self, ui: &mut Ui, a: &Annotation) -> Option<EditorAction> {
        let label = ui.label("Reply text");
        ui.add(
            egui::TextEdit::multiline(&mut self.reply)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Reply…"),
        )
        .labelled_by(label.id);
        let can_send = !self.reply.trim().is_empty();
        if !ui
            .add_enabled(can_send, egui::Button::new("Reply"))
            .clicked()
        {
            return None;
        }
        let reply = self.reply.trim().to_string();
        self.reply.clear();
        Some(EditorAction::Reply(a.id.clone(), reply))
    }
}

/// "Note" with × on the right.
fn heading(ui: &mut Ui) -> Vec<EditorAction> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        ui.heading("Note");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let keys = UiCommand::Close.shortcut_text(ui.ctx());
            if ui
                .button("×")
                .on_hover_text(format!("Close ({keys})"))
                .clicked()
            {
                out.push(EditorAction::Close);
            }
        });
    });
    out
}

/// The author's colour, name and the time of the last change.
fn byline(ui: &mut Ui, a: &Annotation) {
    ui.horizontal(|ui| {
        let c = author_color(&a.author, ui.visuals().dark_mode);
        let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().circle_filled(dot.center(), 5.0, c);
        ui.label(RichText::new(&a.author).strong());
        ui.label(RichText::new(short_time(&a.modified)).weak());
    });
}

/// For a note whose text is gone: why, and attaching it to the selected text.
fn orphan_notice(ui: &mut Ui, a: &Annotation, has_selection: bool) -> Option<EditorAction> {
    ui.colored_label(
        Color32::from_rgb(0xc0, 0x50, 0x30),
        "This text is no longer in the article.",
    );
    ui.add_enabled(has_selection, egui::Button::new("Attach to selected text"))
        .on_hover_text("Select the passage it belongs to, then press this")
        .clicked()
        .then(|| EditorAction::Reattach(a.id.clone()))
}

/// The note's tags, each with × to remove it.
fn tag_list(ui: &mut Ui, a: &Annotation) -> Vec<EditorAction> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for t in &a.tags {
            if ui
                .button(format!("#{t} ×"))
                .on_hover_text("Remove tag")
                .clicked()
            {
                let mut next = a.clone();
                next.tags.retain(|x| x != t);
                out.push(EditorAction::Update(Box::new(next)));
            }
        }
    });
    out
}

/// One round swatch per named colour, the note's ringed.
fn colours(ui: &mut Ui, a: &Annotation) -> Vec<EditorAction> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for (name, hex) in PALETTE {
            let c = parse_color(hex).unwrap_or(Color32::YELLOW);
            let chosen = a.color.eq_ignore_ascii_case(hex);
            let ring = if chosen {
                egui::Stroke::new(2.5, ui.visuals().strong_text_color())
            } else {
                egui::Stroke::NONE
            };
            let b = egui::Button::new("")
                .fill(c)
                .stroke(ring)
                .min_size(egui::vec2(22.0, 22.0))
                .corner_radius(11.0);
            let resp = ui.add(b).on_hover_text(name);
            resp.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::RadioButton, true, chosen, name)
            });
            if resp.clicked() && !chosen {
                let mut next = a.clone();
                next.color = hex.to_string();
                out.push(EditorAction::Update(Box::new(next)));
            }
        }
    });
    out
}

/// The fact-check status as radio buttons.
fn statuses(ui: &mut Ui, a: &Annotation) -> Vec<EditorAction> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        for st in Status::ALL {
            if ui.radio(a.status == st, st.as_str()).clicked() && a.status != st {
                let mut next = a.clone();
                next.status = st;
                out.push(EditorAction::Update(Box::new(next)));
            }
        }
    });
    out
}

/// The replies so far, each with its author and time.
fn replies(ui: &mut Ui, a: &Annotation) {
    ui.label(RichText::new(format!("Replies ({})", a.replies.len())).strong());
    for r in &a.replies {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(&r.author)
                    .color(author_color(&r.author, ui.visuals().dark_mode))
                    .strong(),
            );
            ui.label(RichText::new(short_time(&r.created)).weak());
        });
        ui.label(&r.note);
        ui.add_space(4.0);
    }
}

/// "Delete annotation" (undoable; the tooltip names the keys).
fn delete_button(ui: &mut Ui, a: &Annotation) -> Option<EditorAction> {
    let red = Color32::from_rgb(0xc0, 0x40, 0x30);
    let undo = UiCommand::Undo.shortcut_text(ui.ctx());
    ui.button(RichText::new("Delete annotation").color(red))
        .on_hover_text(format!("Undo with {undo}"))
        .clicked()
        .then(|| EditorAction::Delete(a.id.clone()))
}
