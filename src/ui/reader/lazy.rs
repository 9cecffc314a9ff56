//! Lazy layout: paragraphs are laid out only when they come into view, with estimated heights
//! until then, and the scroll offset is corrected when a paragraph above the viewport gets its
//! real height, so the text on screen does not jump.

use egui::{Align, Rect, Ui};

use super::layout::{self, indent_for};
use super::{CacheKey, PAGE_PAD, ReaderView, Shape};

impl ReaderView {
    /// Drops the laid-out paragraphs when the column, zoom, decorations or theme changed
    /// (estimating heights until they are laid out again), keeping the reading position.
    pub(super) fn fit_cache(&mut self, key: CacheKey) {
        if self.key != Some(key) {
            let old_key = self.key;
            self.galleys.iter_mut().for_each(|g| *g = None);
            self.laid_out = 0;
            for (i, p) in self.paras.iter().enumerate() {
                self.heights[i] =
                    layout::estimate_height(p.chars.len(), p.metrics(key.zoom), key.width);
            }
            self.tops_dirty = true;
            // Keep the reading position when the width or zoom changes.
            if let Some(old) = old_key
                && (old.width != key.width || old.zoom != key.zoom)
                && let Some(first) = self.first_visible()
            {
                self.pending_scroll
                    .get_or_insert((self.paras[first].chars.clone(), Align::Min));
            }
            self.key = Some(key);
        }
        if self.tops_dirty {
            self.recompute_tops();
        }
    }

    pub(super) fn first_visible(&self) -> Option<usize> {
        if self.paras.is_empty() {
            return None;
        }
        let y = self.last_viewport.min.y - PAGE_PAD;
        Some(
            self.tops
                .partition_point(|&t| t <= y)
                .saturating_sub(1)
                .min(self.paras.len() - 1),
        )
    }

    /// Lays out paragraph `i`; returns its height with the space after it.
    pub(super) fn layout_paragraph(&mut self, ui: &Ui, shape: &Shape<'_>, i: usize) -> f32 {
        let p = &self.paras[i];
        let Some(src) = shape.doc.text.get(p.bytes.clone()) else {
            return 0.0;
        };
        let m = p.metrics(shape.zoom);
        let indent = indent_for(p.kind, shape.zoom);
        let job = layout::paragraph_job(
            src,
            p.chars.start,
            m,
            indent,
            self.decor.for_paragraph(i),
            shape.palette,
            shape.column,
        );
        let galley = ui.painter().layout_job(job);
        let h = galley.size().y + m.space_after;
        self.galleys[i] = Some(galley);
        self.laid_out += 1;
        h
    }

    /// A jump target must be laid out so its real position is known.
    pub(super) fn lay_out_jump_target(&mut self, ui: &Ui, shape: &Shape<'_>) {
        let Some((range, _)) = &self.pending_scroll else {
            return;
        };
        let i = self
            .paras
            .partition_point(|p| p.chars.end <= range.start)
            .min(self.paras.len().saturating_sub(1));
        if i < self.paras.len() && self.galleys[i].is_none() {
            let h = self.layout_paragraph(ui, shape, i);
            self.heights[i] = h;
            self.recompute_tops();
        }
    }

    /// Lays out what is visible; corrects the scroll for height changes above the viewport, so
    /// the text on screen does not jump.
    pub(super) fn lay_out_visible(&mut self, ui: &Ui, viewport: Rect, shape: &Shape<'_>) {
        let mut anchor_shift = 0.0;
        for _ in 0..4 {
            let (first, last) = self.visible_range(viewport);
            let mut changed = false;
            for i in first..last {
                if self.galleys[i].is_some() {
                    continue;
                }
                let h = self.layout_paragraph(ui, shape, i);
                let old = self.heights[i];
                if (h - old).abs() > 0.01 {
                    if self.tops[i] + PAGE_PAD < viewport.min.y && self.scroll_offset > 0.0 {
                        anchor_shift += h - old;
                    }
                    self.heights[i] = h;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
            self.recompute_tops();
        }
        if anchor_shift != 0.0 && self.pending_scroll.is_none() {
            self.pending_offset = Some((self.scroll_offset + anchor_shift).max(0.0));
            ui.ctx().request_repaint();
        }
    }

    pub(super) fn visible_range(&self, viewport: Rect) -> (usize, usize) {
        let n = self.paras.len();
        if n == 0 {
            return (0, 0);
        }
        let top = viewport.min.y - PAGE_PAD;
        let bottom = viewport.max.y - PAGE_PAD;
        let first = self.tops[..n]
            .partition_point(|&t| t <= top)
            .saturating_sub(1);
        let last = self.tops[..n]
            .partition_point(|&t| t < bottom)
            .max(first + 1)
            .min(n);
        (first, last)
    }

    pub(super) fn reset_layout(&mut self) {
        self.key = None;
        self.galleys = vec![None; self.paras.len()];
        self.heights = vec![0.0; self.paras.len()];
        self.tops = vec![0.0; self.paras.len() + 1];
        self.tops_dirty = true;
        self.laid_out = 0;
    }

    pub(super) fn recompute_tops(&mut self) {
        self.tops.resize(self.heights.len() + 1, 0.0);
        let mut y = 0.0;
        for (i, h) in self.heights.iter().enumerate() {
            self.tops[i] = y;
            y += h;
        }
        self.tops[self.heights.len()] = y;
        self.tops_dirty = false;
    }
}
