//! Scrolling the view: to a jump's target (once it is laid out, so its real place is known), and
//! by keyboard steps.

use std::ops::Range;

use egui::{Align, Rect, Ui};

use super::ReaderView;
use super::layout::metrics_for;
use crate::document::ParagraphKind;

/// A keyboard scroll of the reading view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollStep {
    /// This many lines down (negative: up).
    Lines(i32),
    /// This many pages down (negative: up).
    Pages(i32),
    /// The start of the article.
    Top,
    /// The end of the article.
    Bottom,
}

impl ReaderView {
    /// Scrolls so `range` is visible (centred) and flashes it.
    pub fn scroll_to(&mut self, range: Range<usize>, flash: bool, now: f64) {
        self.pending_scroll = Some((range.clone(), Align::Center));
        if flash {
            self.flash = Some((range, now));
        }
    }

    /// Scrolls by keyboard: a line, a page (the viewport less one line, so the last line read
    /// stays in view) or to either end. Applied on the next frame, clamped to the text.
    pub fn scroll_by(&mut self, step: ScrollStep, zoom: f32) {
        let line = metrics_for(ParagraphKind::Body, zoom).line_height;
        let page = (self.last_viewport.height() - line).max(line);
        let bottom = self.tops.last().copied().unwrap_or(0.0);
        let from = self.pending_offset.unwrap_or(self.scroll_offset);
        let to = match step {
            ScrollStep::Lines(n) => from + n as f32 * line,
            ScrollStep::Pages(n) => from + n as f32 * page,
            ScrollStep::Top => 0.0,
            ScrollStep::Bottom => bottom,
        };
        self.pending_scroll = None;
        self.pending_offset = Some(to.clamp(0.0, bottom.max(0.0)));
    }

    /// The scroll offset after the last frame, in points.
    pub fn scroll_offset(&self) -> f32 {
        self.scroll_offset
    }

    /// The part of the content visible in the last frame (content coordinates).
    pub fn last_viewport(&self) -> Rect {
        self.last_viewport
    }

    /// Scrolls to a jump's target once it is laid out (else tries again next frame).
    pub(super) fn scroll_to_jump_target(&mut self, ui: &Ui) {
        let Some((range, align)) = self.pending_scroll.take() else {
            return;
        };
        let target = self
            .range_rects(range.clone())
            .into_iter()
            .reduce(|a, b| a.union(b));
        match target {
            Some(rect) => ui.scroll_to_rect(rect.expand(8.0), Some(align)),
            None => self.pending_scroll = Some((range, align)),
        }
    }
}
