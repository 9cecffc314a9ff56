//! Painting the visible paragraphs: marks under the text (find matches, note tints, the
//! selection, a jump's flash), the text, then lines and borders over it, the keyboard's focus
//! ring and list bullets; and each paragraph's text for screen readers.

use std::ops::Range;

use egui::{Color32, Galley, Painter, Pos2, Rect, Role, Sense, Ui, WidgetInfo, pos2};

use super::layout::metrics_for;
use super::{LineStyle, Marks, PaintMark, ReaderView};
use crate::document::ParagraphKind;
use crate::ui::theme::Palette;

/// How long a jump's flash lasts, in seconds.
pub(super) const FLASH_SECONDS: f64 = 1.2;

/// What a frame paints with.
pub(super) struct Brush<'a> {
    pub palette: &'a Palette,
    pub marks: &'a Marks,
    pub zoom: f32,
    pub now: f64,
}

impl ReaderView {
    /// Paints the paragraphs visible in `viewport`.
    pub(super) fn paint(&self, ui: &mut Ui, viewport: Rect, brush: &Brush<'_>) {
        let (first, last) = self.visible_range(viewport);
        let flash_alpha = self
            .flash
            .as_ref()
            .map(|(_, t)| (1.0 - ((brush.now - t) / FLASH_SECONDS) as f32).clamp(0.0, 1.0));
        for i in first..last {
            let Some(galley) = self.galleys[i].clone() else {
                continue;
            };
            let pos = self.galley_pos(i);
            let painter = ui.painter();
            self.paint_under(painter, i, &galley, pos, brush, flash_alpha);
            painter.galley(pos, galley.clone(), brush.palette.ink);
            self.paint_over(painter, i, &galley, pos, brush);
            // Screen readers (and UI tests) read the paragraph's text.
            let para_rect = Rect::from_min_size(pos, galley.size());
            let para_response = ui.interact(
                para_rect,
                ui.scope_id().with(("reader-para", i)),
                Sense::hover(),
            );
            let role = match self.paras[i].kind {
                ParagraphKind::Heading(_) => Role::Heading,
                _ => Role::Paragraph,
            };
            para_response.widget_info(|| WidgetInfo::labeled(role, true, galley.text()));
        }
    }

    /// Tints under paragraph `i`: find matches, note and highlight fills, the selection, the
    /// flash of a jump.
    fn paint_under(
        &self,
        painter: &Painter,
        i: usize,
        galley: &Galley,
        pos: Pos2,
        brush: &Brush<'_>,
        flash_alpha: Option<f32>,
    ) {
        let p = self.paras[i].chars.clone();
        let fill = |r: &Range<usize>, color: Color32| {
            for rect in local_rects(galley, &p, r) {
                painter.rect_filled(rect.translate(pos.to_vec2()), 2.0, color);
            }
        };
        let palette = brush.palette;
        for (k, m) in brush.marks.find.iter().enumerate() {
            if m.end <= p.start || m.start >= p.end {
                continue;
            }
            let c = if brush.marks.find_current == Some(k) {
                palette.find_current
            } else {
                palette.find_match
            };
            fill(m, c);
        }
        for m in self.overlay.for_paragraph(i) {
            if let Some(c) = m.style.fill {
                fill(&m.range, c);
            }
        }
        if let Some(sel) = self.selection {
            fill(&sel.range(), palette.selection);
        }
        if let (Some((r, _)), Some(a)) = (&self.flash, flash_alpha) {
            fill(r, palette.flash.gamma_multiply(a));
        }
    }

    /// Lines and borders of marks, the focus ring and a list bullet over paragraph `i`.
    fn paint_over(
        &self,
        painter: &Painter,
        i: usize,
        galley: &Galley,
        pos: Pos2,
        brush: &Brush<'_>,
    ) {
        let p = self.paras[i].chars.clone();
        for m in self.overlay.for_paragraph(i) {
            paint_mark_edges(painter, galley, pos, &p, m);
        }
        if let Some(focus) = &brush.marks.focus {
            for rect in local_rects(galley, &p, focus) {
                painter.rect_stroke(
                    rect.translate(pos.to_vec2()).expand(1.5),
                    3.0,
                    egui::Stroke::new(2.0, brush.palette.link),
                    egui::StrokeKind::Outside,
                );
            }
        }
        if matches!(self.paras[i].kind, ParagraphKind::ListItem) {
            let m = metrics_for(ParagraphKind::ListItem, brush.zoom);
            painter.text(
                pos2(pos.x - m.size, pos.y),
                egui::Align2::LEFT_TOP,
                "•",
                crate::ui::theme::serif(m.size),
                brush.palette.ink,
            );
        }
    }
}

/// The line under and the border around a mark's part of one paragraph.
fn paint_mark_edges(
    painter: &Painter,
    galley: &Galley,
    pos: Pos2,
    p: &Range<usize>,
    m: &PaintMark,
) {
    if m.style.line.is_none() && m.style.border.is_none() {
        return;
    }
    for rect in local_rects(galley, p, &m.range) {
        let rect = rect.translate(pos.to_vec2());
        if let Some((style, stroke)) = m.style.line {
            paint_line(painter, rect, style, stroke);
        }
        if let Some(stroke) = m.style.border {
            painter.rect_stroke(
                rect.expand2(egui::vec2(1.0, -1.0)),
                3.0,
                stroke,
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// The galley rects of the part of `r` inside the paragraph spanning `p` (document chars).
fn local_rects(galley: &Galley, p: &Range<usize>, r: &Range<usize>) -> Vec<Rect> {
    let s = r.start.max(p.start);
    let e = r.end.min(p.end);
    if s < e {
        galley_range_rects(galley, s - p.start..e - p.start)
    } else {
        Vec::new()
    }
}

/// Paints a line under `rect` in a style.
fn paint_line(painter: &egui::Painter, rect: Rect, style: LineStyle, stroke: egui::Stroke) {
    let y = rect.max.y - 3.0;
    let (x0, x1) = (rect.min.x, rect.max.x);
    match style {
        LineStyle::Solid => {
            painter.hline(x0..=x1, y, stroke);
        }
        LineStyle::Edge => {
            painter.hline(x0..=x1, rect.max.y - stroke.width / 2.0, stroke);
        }
        LineStyle::Double => {
            let thin = egui::Stroke::new((stroke.width * 0.6).max(1.0), stroke.color);
            painter.hline(x0..=x1, y - 1.5, thin);
            painter.hline(x0..=x1, y + 1.5, thin);
        }
        LineStyle::Dashed | LineStyle::Dotted => {
            let (on, off) = if style == LineStyle::Dashed {
                (6.0, 3.5)
            } else {
                (1.8, 2.6)
            };
            let mut x = x0;
            while x < x1 {
                let e = (x + on).min(x1);
                painter.hline(x..=e, y, stroke);
                x = e + off;
            }
        }
    }
}
/// Rects (galley coordinates) covering the chars `range` of a galley, one per row touched.
pub fn galley_range_rects(galley: &Galley, range: Range<usize>) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut row_start = 0usize;
    for row in &galley.rows {
        let n = row.row.char_count_excluding_newline().0;
        let row_end = row_start + n;
        let s = range.start.max(row_start);
        let e = range.end.min(row_end);
        if s < e {
            let x0 = row.pos.x + row.row.x_offset((s - row_start).into());
            let x1 = row.pos.x + row.row.x_offset((e - row_start).into());
            out.push(Rect::from_min_max(
                pos2(x0, row.min_y()),
                pos2(x1, row.max_y()),
            ));
        }
        row_start += row.char_count_including_newline().0;
        if row_start >= range.end {
            break;
        }
    }
    out
}
