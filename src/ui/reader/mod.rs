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
mod geometry;
mod layout;
mod lazy;
mod marks;
mod paint;
mod panel;
mod pointer;
mod scroll;
mod selection;

pub use marks::note_fill;
pub use paint::galley_range_rects;
use paint::{Brush, FLASH_SECONDS};
pub use panel::{ReaderInput, ReaderPanel, empty_ui};
pub use pointer::word_at;
pub use scroll::ScrollStep;
pub use selection::Selection;

pub use decor::{
    ByParagraph, Decor, Decorations, LineStyle, MarkStyle, Overlay, PaintMark, Run, Spanned,
    segments,
};
pub use layout::{ParagraphMetrics, lead_metrics, metrics_for};

use std::ops::Range;
use std::sync::Arc;

use egui::{Align, Galley, Pos2, Rect, ScrollArea, Ui};

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
