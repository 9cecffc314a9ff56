//! The reading view: the article laid out as galleys, one per paragraph, painted only where
//! visible.
//!
//! Paragraphs are laid out lazily — when they first scroll into view — and cached per (column
//! width, zoom, decoration generation, theme). Paragraphs not laid out yet have an estimated
//! height, so a 20 MB article opens at once; when a paragraph above the viewport gets its real
//! height, the scroll offset is corrected by the difference so the text on screen does not jump.
//! The view maps a pointer position to a char offset (hit-testing through the galley) and a char
//! range to screen rects, which is what selection, highlights and margin notes are built on.

mod decor;
mod layout;
mod marks;
mod paint;
mod panel;
mod pointer;

pub use marks::note_fill;
pub use paint::galley_range_rects;
use paint::{Brush, FLASH_SECONDS};
pub use panel::{ReaderInput, ReaderPanel, empty_ui};
pub use pointer::word_at;

pub use decor::{
    ByParagraph, Decor, Decorations, LineStyle, MarkStyle, Overlay, PaintMark, Run, Spanned,
    segments,
};
use layout::indent_for;
pub use layout::{ParagraphMetrics, lead_metrics, metrics_for};

use std::ops::Range;
use std::sync::Arc;

use egui::{Align, Galley, Pos2, Rect, ScrollArea, Ui, pos2};

use crate::document::{Document, ParagraphKind};
use crate::ui::theme::Palette;

/// Space above the first paragraph and below the last, in points.
const PAGE_PAD: f32 = 36.0;

/// One paragraph's place in the document.
#[derive(Debug, Clone)]
struct Para {
    bytes: Range<usize>,
    chars: Range<usize>,
    kind: ParagraphKind,
    /// Set as the lead (the first paragraph of an article without a headline).
    lead: bool,
}

impl Para {
    fn metrics(&self, zoom: f32) -> ParagraphMetrics {
        if self.lead {
            lead_metrics(zoom)
        } else {
            metrics_for(self.kind, zoom)
        }
    }
}

/// What paragraphs are laid out with in a frame.
struct Shape<'a> {
    doc: &'a Document,
    palette: &'a Palette,
    zoom: f32,
    column: f32,
}

/// What the layout cache was built for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CacheKey {
    width: f32,
    zoom: f32,
    generation: u64,
    dark: bool,
}

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

/// Background marks painted under the text without re-laying it out.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Find matches.
    pub find: Vec<Range<usize>>,
    /// The current find match (index into `find`).
    pub find_current: Option<usize>,
    /// A range to outline as focused (keyboard navigation).
    pub focus: Option<Range<usize>>,
}

/// What happened in the view this frame.
#[derive(Debug, Clone, Default)]
pub struct ReaderResponse {
    /// Char under the pointer.
    pub hovered_char: Option<usize>,
    /// Char clicked (primary button, without dragging).
    pub clicked_char: Option<usize>,
    /// Char right-clicked.
    pub secondary_char: Option<usize>,
    /// The selection changed this frame.
    pub selection_changed: bool,
    /// The reader's response (for tooltips and context menus).
    pub response: Option<egui::Response>,
}

/// The reading view widget and its layout cache.
pub struct ReaderView {
    paras: Vec<Para>,
    decor: Decorations,
    overlay: Overlay,
    generation: u64,
    key: Option<CacheKey>,
    galleys: Vec<Option<Arc<Galley>>>,
    heights: Vec<f32>,
    tops: Vec<f32>,
    tops_dirty: bool,
    /// The current selection, if any.
    pub selection: Option<Selection>,
    /// Where the last click put the caret (Shift+arrows extend from here).
    pub caret: Option<usize>,
    pending_offset: Option<f32>,
    pending_scroll: Option<(Range<usize>, Align)>,
    flash: Option<(Range<usize>, f64)>,
    scroll_offset: f32,
    last_origin: Pos2,
    last_x0: f32,
    last_viewport: Rect,
    /// Paragraphs laid out so far (for benchmarks and tests).
    pub laid_out: usize,
    /// Width kept free right of the text column (for note cards).
    pub reserve_right: f32,
}

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

impl Default for ReaderView {
    fn default() -> Self {
        Self {
            paras: Vec::new(),
            decor: Decorations::default(),
            overlay: Overlay::default(),
            generation: 0,
            key: None,
            galleys: Vec::new(),
            heights: Vec::new(),
            tops: vec![0.0],
            tops_dirty: false,
            selection: None,
            caret: None,
            pending_offset: None,
            pending_scroll: None,
            flash: None,
            scroll_offset: 0.0,
            last_origin: Pos2::ZERO,
            last_x0: 0.0,
            last_viewport: Rect::NOTHING,
            laid_out: 0,
            reserve_right: 0.0,
        }
    }
}

impl ReaderView {
    /// Shows `doc` from now on (clears layout, selection and decorations).
    pub fn set_document(&mut self, doc: &Document) {
        let index = crate::text_index::TextIndex::new(&doc.text);
        let has_headline = doc
            .paragraphs
            .iter()
            .any(|p| matches!(p.kind, ParagraphKind::Heading(_)));
        self.paras = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Para {
                bytes: index.byte_of(&doc.text, p.start)..index.byte_of(&doc.text, p.end),
                chars: p.start..p.end,
                kind: p.kind,
                lead: i == 0 && !has_headline && p.kind == ParagraphKind::Body,
            })
            .collect();
        self.decor = Decorations::default();
        self.overlay = Overlay::default();
        self.selection = None;
        self.pending_offset = Some(0.0);
        self.pending_scroll = None;
        self.flash = None;
        self.reset_layout();
    }

    /// Paragraph char ranges, for building [`Decorations`].
    pub fn paragraph_ranges(&self) -> Vec<Range<usize>> {
        self.paras.iter().map(|p| p.chars.clone()).collect()
    }

    /// Replaces the decorations (highlights, styles); visible paragraphs are laid out again.
    pub fn set_decorations(&mut self, decor: Decorations) {
        self.decor = decor;
        self.generation += 1;
    }

    /// Replaces the painted marks (highlights, annotations); nothing is laid out again.
    pub fn set_overlay(&mut self, overlay: Overlay) {
        self.overlay = overlay;
    }

    /// The painted marks.
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// Number of paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.paras.len()
    }

    /// Scrolls so `range` is visible (centred) and flashes it.
    pub fn scroll_to(&mut self, range: Range<usize>, flash: bool, now: f64) {
        self.pending_scroll = Some((range.clone(), Align::Center));
        if flash {
            self.flash = Some((range, now));
        }
    }

    /// Screen x of the text column's right edge and the column width, as of the last frame.
    pub fn column_right(&self) -> f32 {
        self.last_x0 + self.key.map_or(0.0, |k| k.width)
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

    fn galley_pos(&self, i: usize) -> Pos2 {
        let indent = self.paras.get(i).map_or(0.0, |p| {
            indent_for(p.kind, self.key.map_or(1.0, |k| k.zoom))
        });
        pos2(
            self.last_x0 + indent,
            self.last_origin.y + PAGE_PAD + self.tops.get(i).copied().unwrap_or(0.0),
        )
    }

    fn reset_layout(&mut self) {
        self.key = None;
        self.galleys = vec![None; self.paras.len()];
        self.heights = vec![0.0; self.paras.len()];
        self.tops = vec![0.0; self.paras.len() + 1];
        self.tops_dirty = true;
        self.laid_out = 0;
    }

    fn recompute_tops(&mut self) {
        self.tops.resize(self.heights.len() + 1, 0.0);
        let mut y = 0.0;
        for (i, h) in self.heights.iter().enumerate() {
            self.tops[i] = y;
            y += h;
        }
        self.tops[self.heights.len()] = y;
        self.tops_dirty = false;
    }

    /// The width of the article column as last laid out.
    pub fn column_width(&self) -> Option<f32> {
        self.key.map(|k| k.width)
    }

    /// Draws the view filling `ui` and handles pointer input on it.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        palette: &Palette,
        zoom: f32,
        marks: &Marks,
    ) -> ReaderResponse {
        let base = metrics_for(ParagraphKind::Body, zoom);
        let column = (ui.available_width() - 48.0 - self.reserve_right)
            .clamp(160.0, base.size * 34.0)
            .round();
        self.fit_cache(CacheKey {
            width: column,
            zoom,
            generation: self.generation,
            dark: ui.visuals().dark_mode,
        });
        let mut scroll = ScrollArea::vertical()
            .id_salt("reader-scroll")
            .auto_shrink([false, false]);
        if let Some(off) = self.pending_offset.take() {
            scroll = scroll.vertical_scroll_offset(off);
        }
        let now = ui.input(|i| i.time);
        let brush = Brush {
            palette,
            marks,
            zoom,
            now,
        };
        let out = scroll.show_viewport(ui, |ui, viewport| {
            self.contents(ui, viewport, doc, column, &brush)
        });
        self.scroll_offset = out.state.clamped_offset().y;
        if let Some((_, t)) = &self.flash {
            if now - t > FLASH_SECONDS {
                self.flash = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
        out.inner
    }

    /// Drops the laid-out paragraphs when the column, zoom, decorations or theme changed
    /// (estimating heights until they are laid out again), keeping the reading position.
    fn fit_cache(&mut self, key: CacheKey) {
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

    fn first_visible(&self) -> Option<usize> {
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
    fn layout_paragraph(&mut self, ui: &Ui, shape: &Shape<'_>, i: usize) -> f32 {
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

    /// The scrolled content: lays out what is in view, takes the pointer, scrolls to a jump's
    /// target and paints.
    fn contents(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        doc: &Document,
        column: f32,
        brush: &Brush<'_>,
    ) -> ReaderResponse {
        let origin = ui.max_rect().min;
        let x0 = (origin.x + (ui.available_width() - self.reserve_right - column) / 2.0)
            .max(origin.x + 24.0)
            .round();
        self.last_origin = origin;
        self.last_x0 = x0;
        self.last_viewport = viewport;
        let shape = Shape {
            doc,
            palette: brush.palette,
            zoom: brush.zoom,
            column,
        };
        self.lay_out_jump_target(ui, &shape);
        self.lay_out_visible(ui, viewport, &shape);
        let total = self.tops.last().copied().unwrap_or(0.0) + 2.0 * PAGE_PAD;
        ui.set_min_height(total);
        ui.set_min_width(ui.available_width());
        let out = self.pointer(ui, viewport.translate(origin.to_vec2()), doc);
        self.scroll_to_jump_target(ui);
        self.paint(ui, viewport, brush);
        out
    }

    /// A jump target must be laid out so its real position is known.
    fn lay_out_jump_target(&mut self, ui: &Ui, shape: &Shape<'_>) {
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
    fn lay_out_visible(&mut self, ui: &Ui, viewport: Rect, shape: &Shape<'_>) {
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

    /// Scrolls to a jump's target once it is laid out (else tries again next frame).
    fn scroll_to_jump_target(&mut self, ui: &Ui) {
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

    fn visible_range(&self, viewport: Rect) -> (usize, usize) {
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

/// The narrowest article column worth reading at `zoom`: about 45 characters of body text.
pub fn min_column_width(zoom: f32) -> f32 {
    metrics_for(ParagraphKind::Body, zoom).size * 22.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_range_is_ordered() {
        let s = Selection {
            anchor: 10,
            caret: 4,
        };
        assert_eq!(s.range(), 4..10);
    }
}
