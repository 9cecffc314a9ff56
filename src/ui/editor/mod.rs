//! The annotation editor (right panel): note, tags with suggestions, a named colour, a
//! fact-check status, replies, and delete. Edits come out as whole new values of the annotation,
//! which the app applies through the undoable store.

mod panel;
mod widget;

pub use panel::EditorPanel;
pub use widget::Editor;

use crate::annotations::Annotation;

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
    use crate::annotations::{Status, Target};

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
