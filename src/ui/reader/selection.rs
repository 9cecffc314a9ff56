//! The text selection: two char offsets, moved by dragging, Shift+arrows or a command.

use std::ops::Range;

use super::ReaderView;
use crate::document::Document;

/// A text selection: two char offsets (anchor where it started, caret where it ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends (moves with drag or Shift+arrows).
    pub caret: usize,
}

impl Selection {
    /// The selected range, ordered.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.caret)..self.anchor.max(self.caret)
    }
}

impl ReaderView {
    /// Selected text, if any.
    pub fn selected_text(&self, doc: &Document) -> Option<String> {
        let sel = self.selection?;
        let r = sel.range();
        if r.is_empty() {
            return None;
        }
        Some(doc.text.chars().skip(r.start).take(r.len()).collect())
    }

    /// Extends or moves the caret by `delta` chars (Shift+arrows); starts a selection at `from`
    /// when there is none.
    pub fn extend_selection(&mut self, delta: isize, from: usize, len: usize) {
        let sel = self.selection.get_or_insert(Selection {
            anchor: from,
            caret: from,
        });
        sel.caret = (sel.caret as isize + delta).clamp(0, len as isize) as usize;
        self.caret = Some(sel.caret);
    }

    /// Selects a char range (as if dragged over).
    pub fn select(&mut self, range: Range<usize>) {
        self.selection = Some(Selection {
            anchor: range.start,
            caret: range.end,
        });
        self.caret = Some(range.end);
    }
}
