//! Typesetting of one paragraph: its font, size, line height and spacing by kind, and the
//! `LayoutJob` that carries its decorations as text sections.

use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat, TextWrapping};
use egui::{Color32, FontFamily, FontId, Stroke};

use super::decor::{Run, segments};
use crate::document::ParagraphKind;
use crate::ui::theme::{self, Palette};

/// Body text size at zoom 1, in points.
pub const BODY_SIZE: f32 = 18.0;

/// Size and spacing of one kind of paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParagraphMetrics {
    /// Font size.
    pub size: f32,
    /// Distance between baselines.
    pub line_height: f32,
    /// Space below the paragraph.
    pub space_after: f32,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Muted colour.
    pub muted: bool,
}

/// The metrics of a paragraph kind at a zoom factor.
pub fn metrics_for(kind: ParagraphKind, zoom: f32) -> ParagraphMetrics {
    let body = BODY_SIZE * zoom;
    let (scale, lh, after, bold, italic, muted) = match kind {
        ParagraphKind::Heading(1) => (1.85, 1.25, 0.7, true, false, false),
        ParagraphKind::Heading(2) => (1.35, 1.3, 0.6, true, false, false),
        ParagraphKind::Heading(_) => (1.15, 1.35, 0.5, true, false, false),
        ParagraphKind::Byline => (0.85, 1.5, 1.4, false, true, true),
        ParagraphKind::BlockQuote => (1.0, 1.6, 0.9, false, true, false),
        ParagraphKind::Body | ParagraphKind::ListItem => (1.0, 1.6, 0.9, false, false, false),
    };
    let size = (body * scale).round();
    ParagraphMetrics {
        size,
        line_height: (size * lh).round(),
        space_after: (body * after).round(),
        bold,
        italic,
        muted,
    }
}

/// The metrics of an article's lead paragraph (shown as a standfirst when the article has no
/// headline of its own, like a plain-text file that starts straight with its first sentence).
pub fn lead_metrics(zoom: f32) -> ParagraphMetrics {
    let body = BODY_SIZE * zoom;
    let size = (body * 1.22).round();
    ParagraphMetrics {
        size,
        line_height: (size * 1.5).round(),
        space_after: (body * 1.2).round(),
        bold: false,
        italic: false,
        muted: false,
    }
}

/// Left indent of a paragraph kind.
pub fn indent_for(kind: ParagraphKind, zoom: f32) -> f32 {
    match kind {
        ParagraphKind::BlockQuote | ParagraphKind::ListItem => 28.0 * zoom,
        _ => 0.0,
    }
}

/// Height of a paragraph of `chars` chars before it is laid out: rows at an average glyph width of
/// half an em.
pub fn estimate_height(chars: usize, m: ParagraphMetrics, width: f32) -> f32 {
    let per_row = ((width / (m.size * 0.5)).floor() as usize).max(1);
    let rows = chars.div_ceil(per_row).max(1);
    rows as f32 * m.line_height + m.space_after
}

/// The layout job of one paragraph: `src` is its text (code points `para_start..`), `runs` its
/// decorations. Line breaks inside the paragraph (wrapped plain text) are shown as spaces, which
/// keeps char offsets unchanged.
pub fn paragraph_job(
    src: &str,
    para_start: usize,
    m: ParagraphMetrics,
    indent: f32,
    runs: &[Run],
    palette: &Palette,
    width: f32,
) -> LayoutJob {
    let text = src.replace('\n', " ");
    let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bounds.push(text.len());
    let n_chars = bounds.len() - 1;
    let base_color = if m.muted { palette.muted } else { palette.ink };
    let mut sections = Vec::new();
    for (range, decor) in segments(n_chars, para_start, runs) {
        let italic = m.italic || decor.italic;
        let bold = m.bold || decor.bold;
        let font_id = if decor.mono {
            FontId::new(m.size * 0.9, FontFamily::Monospace)
        } else if bold {
            theme::serif_bold(m.size)
        } else if italic {
            theme::serif_italic(m.size)
        } else {
            theme::serif(m.size)
        };
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(bounds[range.start])..ByteIndex(bounds[range.end]),
            format: TextFormat {
                font_id,
                line_height: Some(m.line_height),
                color: decor.color.unwrap_or(base_color),
                background: decor.background.unwrap_or(Color32::TRANSPARENT),
                expand_bg: 1.0,
                // Bold text has no italic face bundled; egui slants it.
                italics: bold && italic,
                underline: decor.underline.unwrap_or(Stroke::NONE),
                ..TextFormat::default()
            },
        });
    }
    LayoutJob {
        text,
        sections,
        wrap: TextWrapping::wrap_at_width((width - indent).max(50.0)),
        break_on_newline: false,
        ..LayoutJob::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::reader::Decor;

    #[test]
    fn sections_cover_the_text_at_char_boundaries() {
        let src = "“Kenya’s” café\nnext";
        let runs = [Run {
            range: 101..108,
            decor: Decor {
                italic: true,
                ..Decor::default()
            },
        }];
        let m = metrics_for(ParagraphKind::Body, 1.0);
        let job = paragraph_job(src, 100, m, 0.0, &runs, &Palette::for_dark(false), 600.0);
        assert_eq!(job.text, "“Kenya’s” café next");
        let first = &job.sections[0];
        assert_eq!(first.byte_range, ByteIndex(0)..ByteIndex(3)); // the opening mark
        let last = job.sections.last().unwrap();
        assert_eq!(last.byte_range.end, ByteIndex(job.text.len()));
        for w in job.sections.windows(2) {
            assert_eq!(w[0].byte_range.end, w[1].byte_range.start);
        }
        assert!(
            job.sections[1].format.font_id.family == FontFamily::Name(theme::SERIF_ITALIC.into())
        );
    }

    #[test]
    fn headline_is_larger_than_body() {
        let h = metrics_for(ParagraphKind::Heading(1), 1.0);
        let b = metrics_for(ParagraphKind::Body, 1.0);
        assert!(h.size > b.size * 1.5);
        assert!(metrics_for(ParagraphKind::Body, 2.0).size > b.size * 1.9);
    }

    #[test]
    fn estimates_grow_with_length() {
        let m = metrics_for(ParagraphKind::Body, 1.0);
        let short = estimate_height(50, m, 600.0);
        let long = estimate_height(5000, m, 600.0);
        assert!(long > short * 10.0);
    }
}
