//! The annotation editor (right panel): note, tags with suggestions, a named colour, a
//! fact-check status, replies, and delete. Edits come out as whole new values of the annotation,
//! which the app applies through the undoable store.

use egui::{Color32, RichText, Ui};

mod panel;

pub use panel::EditorPanel;

use super::margin::{author_color, parse_color};
use super::ui_command::UiCommand;
use crate::annotations::{Annotation, Status};

/// The named colours offered for annotations.
pub const PALETTE: [(&str, &str); 8] = [
    ("Yellow", "#f2d338"),
    ("Orange", "#f2a03d"),
    ("Red", "#e06666"),
    ("Pink", "#e58fb4"),
    ("Purple", "#b28ddb"),
    ("Blue", "#6fa8dc"),
    ("Green", "#7bc96f"),
    ("Grey", "#a5a5a5"),
];

/// The name of a palette colour, or the hex itself.
pub fn color_name(hex: &str) -> String {
    PALETTE
        .iter()
        .find(|(_, h)| h.eq_ignore_ascii_case(hex))
        .map_or_else(|| hex.to_string(), |(n, _)| (*n).to_string())
}

/// What the user did in the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// The annotation with these changes.
    Update(Box<Annotation>),
    /// Delete it (undoable).
    Delete(String),
    /// Add a reply with this text.
    Reply(String, String),
    /// Attach an orphaned annotation to the current selection.
    Reattach(String),
    /// Close the editor.
    Close,
}

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
        let mut out = Vec::new();
        let now = ui.input(|i| i.time);
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
        ui.horizontal(|ui| {
            let c = author_color(&a.author, ui.visuals().dark_mode);
            let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().circle_filled(dot.center(), 5.0, c);
            ui.label(RichText::new(&a.author).strong());
            ui.label(RichText::new(short_time(&a.modified)).weak());
        });
        ui.separator();
        ui.add_enabled_ui(!read_only, |ui| {
            ui.label(RichText::new(format!("“{}”", a.target.exact)).italics());
            if orphaned {
                ui.colored_label(
                    Color32::from_rgb(0xc0, 0x50, 0x30),
                    "This text is no longer in the article.",
                );
                if ui
                    .add_enabled(has_selection, egui::Button::new("Attach to selected text"))
                    .on_hover_text("Select the passage it belongs to, then press this")
                    .clicked()
                {
                    out.push(EditorAction::Reattach(a.id.clone()));
                }
            }
            ui.add_space(6.0);
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
            let pause = self.note_dirty_since.is_some_and(|t| now - t > 0.8);
            if (edit.lost_focus() || pause)
                && self.note_dirty_since.is_some()
                && let Some(action) = self.flush(a)
            {
                out.push(action);
            }
            if self.note_dirty_since.is_some() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(300));
            }

            ui.add_space(6.0);
            ui.label(RichText::new("Tags").strong());
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
                if (enter || ui.button("Add").clicked())
                    && let Some(next) = with_tag(a, &self.tag_input)
                {
                    out.push(EditorAction::Update(Box::new(next)));
                    self.tag_input.clear();
                }
            });
            let typed = self.tag_input.trim().to_lowercase();
            let suggestions: Vec<&String> = all_tags
                .iter()
                .filter(|t| {
                    !a.tags.contains(t)
                        && (typed.is_empty() || t.to_lowercase().starts_with(&typed))
                })
                .take(8)
                .collect();
            if !suggestions.is_empty() {
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
            }

            ui.add_space(6.0);
            ui.label(RichText::new("Colour").strong());
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

            ui.add_space(6.0);
            ui.label(RichText::new("Fact-check status").strong());
            ui.horizontal(|ui| {
                for st in Status::ALL {
                    if ui.radio(a.status == st, st.as_str()).clicked() && a.status != st {
                        let mut next = a.clone();
                        next.status = st;
                        out.push(EditorAction::Update(Box::new(next)));
                    }
                }
            });

            ui.add_space(8.0);
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
            let label = ui.label("Reply text");
            ui.add(
                egui::TextEdit::multiline(&mut self.reply)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("Reply…"),
            )
            .labelled_by(label.id);
            if ui
                .add_enabled(!self.reply.trim().is_empty(), egui::Button::new("Reply"))
                .clicked()
            {
                out.push(EditorAction::Reply(
                    a.id.clone(),
                    self.reply.trim().to_string(),
                ));
                self.reply.clear();
            }

            ui.add_space(12.0);
            if ui
                .button(
                    RichText::new("Delete annotation").color(Color32::from_rgb(0xc0, 0x40, 0x30)),
                )
                .on_hover_text(format!(
                    "Undo with {}",
                    super::ui_command::UiCommand::Undo.shortcut_text(ui.ctx())
                ))
                .clicked()
            {
                out.push(EditorAction::Delete(a.id.clone()));
            }
        });
        out
    }
}

/// `a` with one more tag (trimmed, without a leading '#', not repeated).
pub fn with_tag(a: &Annotation, tag: &str) -> Option<Annotation> {
    let tag = tag.trim().trim_start_matches('#').trim();
    if tag.is_empty() || a.tags.iter().any(|t| t == tag) {
        return None;
    }
    let mut next = a.clone();
    next.tags.push(tag.to_string());
    Some(next)
}

/// "2026-11-28T21:04:05Z" → "2026-11-28 21:04".
pub fn short_time(rfc3339: &str) -> String {
    let s = rfc3339.replace('T', " ");
    s.chars().take(16).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Target;

    fn ann() -> Annotation {
        Annotation {
            id: "a1".into(),
            created: "2026-11-28T21:04:05Z".into(),
            modified: "2026-11-28T21:04:05Z".into(),
            author: "Amina".into(),
            target: Target::default(),
            note: String::new(),
            tags: vec!["fact-check".into()],
            color: "#f2d338".into(),
            status: Status::None,
            replies: vec![],
            deleted: false,
            extra: Default::default(),
        }
    }

    #[test]
    fn tags_are_trimmed_and_not_repeated() {
        let a = ann();
        assert!(with_tag(&a, " #fact-check ").is_none());
        assert_eq!(
            with_tag(&a, "#numbers").unwrap().tags,
            vec!["fact-check", "numbers"]
        );
        assert!(with_tag(&a, "  ").is_none());
    }

    #[test]
    fn colour_names_and_times() {
        assert_eq!(color_name("#F2D338"), "Yellow");
        assert_eq!(color_name("#123456"), "#123456");
        assert_eq!(short_time("2026-11-28T21:04:05Z"), "2026-11-28 21:04");
    }

    #[test]
    fn a_pending_note_flushes_as_an_update() {
        let a = ann();
        let mut e = Editor::default();
        e.open(&a);
        e.note = "Check with UNHCR".into();
        let Some(EditorAction::Update(next)) = e.flush(&a) else {
            panic!("no update")
        };
        assert_eq!(next.note, "Check with UNHCR");
        assert!(e.flush(&next).is_none());
    }
}
