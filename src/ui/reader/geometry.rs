//! Where things are on screen, as of the last frame: the rects of a char range, and the char
//! under a pointer position. Selection, highlights, margin notes and clicks are built on these.

use std::ops::Range;

use egui::{Pos2, Rect, pos2};

use super::layout::indent_for;
use super::paint::galley_range_rects;
use super::{PAGE_PAD, ReaderView};

impl ReaderView {
    /// Screen rects of a char range as of the last frame (only laid-out paragraphs).
    pub fn range_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut out = Vec::new();
        let first = self.paras.partition_point(|p| p.chars.end <= range.start);
        for i in first..self.paras.len() {
            let p = &self.paras[i];
            if p.chars.start >= range.end {
                break;
            }
            let Some(galley) = self.galleys.get(i).and_then(Option::as_ref) else {
                continue;
            };
            let pos = self.galley_pos(i);
            let s = range.start.max(p.chars.start) - p.chars.start;
            let e = range.end.min(p.chars.end) - p.chars.start;
            out.extend(
                galley_range_rects(galley, s..e)
                    .into_iter()
                    .map(|r| r.translate(pos.to_vec2())),
            );
        }
        out
    }

    /// Char offset at a screen position (as of the last frame), if over laid-out text.
    pub fn char_at(&self, pos: Pos2) -> Option<usize> {
        if self.paras.is_empty() || self.tops.len() != self.paras.len() + 1 {
            return None;
        }
        let y = pos.y - self.last_origin.y - PAGE_PAD;
        let i = self
            .tops
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(self.paras.len() - 1);
        let galley = self.galleys.get(i)?.as_ref()?;
        let local = pos - self.galley_pos(i);
        let cursor = galley.cursor_from_pos(local);
        let p = &self.paras[i];
        Some((p.chars.start + cursor.index.0).min(p.chars.end))
    }

    /// Char offset at a screen position only when the position is on a line's text (not in the
    /// blank margin after a short line): what a click may open.
    pub fn glyph_at(&self, pos: Pos2) -> Option<usize> {
        let c = self.char_at(pos)?;
        let y = pos.y - self.last_origin.y - PAGE_PAD;
        let i = self.tops.partition_point(|&t| t <= y).saturating_sub(1);
        let galley = self.galleys.get(i)?.as_ref()?;
        let local = (pos - self.galley_pos(i)).to_pos2();
        galley
            .rows
            .iter()
            .any(|r| r.rect().expand2(egui::vec2(2.0, 0.0)).contains(local))
            .then_some(c)
    }

    pub(super) fn galley_pos(&self, i: usize) -> Pos2 {
        let indent = self.paras.get(i).map_or(0.0, |p| {
            indent_for(p.kind, self.key.map_or(1.0, |k| k.zoom))
        });
        pos2(
            self.last_x0 + indent,
            self.last_origin.y + PAGE_PAD + self.tops.get(i).copied().unwrap_or(0.0),
        )
    }

    /// Screen x of the text column's right edge and the column width, as of the last frame.
    pub fn column_right(&self) -> f32 {
        self.last_x0 + self.key.map_or(0.0, |k| k.width)
    }

    /// The width of the article column as last laid out.
    pub fn column_width(&self) -> Option<f32> {
        self.key.map(|k| k.width)
    }
}
