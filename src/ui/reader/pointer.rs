//! The pointer over the text: hover, click, double click (a word), triple click (a paragraph),
//! drag to select, right click.

use std::ops::Range;

use egui::{CursorIcon, Pos2, Response, Sense, Ui};

use super::{ReaderResponse, ReaderView, Selection};
use crate::document::Document;

impl ReaderView {
    /// Takes the pointer over the visible part (`screen_view`) and what it did there.
    pub(super) fn pointer(
        &mut self,
        ui: &mut Ui,
        screen_view: egui::Rect,
        doc: &Document,
    ) -> ReaderResponse {
        let id = ui.scope_id().with("reader-text");
        let response = ui.interact(screen_view, id, Sense::click_and_drag());
        let mut out = ReaderResponse::default();
        let hover = response.hover_pos().and_then(|p| self.glyph_at(p));
        out.hovered_char = hover;
        if hover.is_some() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }
        if let Some(pos) = response.interact_pointer_pos()
            && let Some(c) = self.char_at(pos)
        {
            self.press(ui, &response, doc, pos, c, &mut out);
        }
        if response.drag_stopped()
            && let Some(sel) = self.selection
            && sel.anchor == sel.caret
        {
            self.selection = None;
        }
        out.response = Some(response);
        out
    }

    /// What a press, click or drag at char `c` (screen `pos`) does to the selection.
    fn press(
        &mut self,
        ui: &Ui,
        response: &Response,
        doc: &Document,
        pos: Pos2,
        c: usize,
        out: &mut ReaderResponse,
    ) {
        if response.triple_clicked() {
            let i = self
                .paras
                .partition_point(|p| p.chars.end < c)
                .min(self.paras.len() - 1);
            let p = &self.paras[i].chars;
            self.selection = Some(Selection {
                anchor: p.start,
                caret: p.end,
            });
            out.selection_changed = true;
        } else if response.double_clicked() {
            let r = word_at(&doc.text, c);
            self.selection = Some(Selection {
                anchor: r.start,
                caret: r.end,
            });
            out.selection_changed = true;
        } else if response.drag_started() {
            // The drag is recognised only after the pointer moved: anchor where it was pressed.
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .and_then(|p| self.char_at(p))
                .unwrap_or(c);
            self.selection = Some(Selection {
                anchor: origin,
                caret: c,
            });
            out.selection_changed = true;
        } else if response.dragged() {
            if let Some(sel) = &mut self.selection {
                sel.caret = c;
                out.selection_changed = true;
            }
        } else if response.clicked() {
            if self.selection.is_some_and(|s| s.anchor != s.caret) {
                out.selection_changed = true;
            }
            self.selection = None;
            self.caret = Some(c);
            out.clicked_char = self.glyph_at(pos);
        } else if response.secondary_clicked() {
            out.secondary_char = Some(c);
        }
    }
}

/// The word (letters, digits, apostrophes, hyphens) around char `c`.
pub fn word_at(text: &str, c: usize) -> Range<usize> {
    let is_word = |ch: char| ch.is_alphanumeric() || matches!(ch, '\'' | '’' | '-');
    let chars: Vec<char> = text.chars().skip(c.saturating_sub(64)).take(128).collect();
    let base = c.saturating_sub(64);
    let at = c - base;
    if chars.get(at).is_none_or(|&ch| !is_word(ch)) {
        return c..(c + 1).min(base + chars.len());
    }
    let mut s = at;
    while s > 0 && is_word(chars[s - 1]) {
        s -= 1;
    }
    let mut e = at;
    while e < chars.len() && is_word(chars[e]) {
        e += 1;
    }
    base + s..base + e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_at_finds_the_word_with_apostrophes() {
        let t = "Haiti’s security situation";
        assert_eq!(word_at(t, 2), 0..7);
        assert_eq!(word_at(t, 10), 8..16);
        assert_eq!(word_at(t, 7), 7..8);
    }
}
