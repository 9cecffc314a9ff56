//! Styled runs over the document text, split per paragraph for fast lookup while laying out.
//!
//! Everything drawn into the text itself — emphasis from Markdown/HTML, analysis highlights,
//! annotation colours — is a [`Run`]: a char range with a [`Decor`]. The reading view asks for the
//! runs of one paragraph at a time, so [`Decorations`] stores them split at paragraph edges and
//! grouped by paragraph.

use std::ops::Range;

use egui::{Color32, Stroke};

/// How a run changes the text it covers. Fields combine when runs overlap.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Decor {
    /// Background tint (alpha-blended over earlier tints).
    pub background: Option<Color32>,
    /// Underline (the last run with one wins).
    pub underline: Option<Stroke>,
    /// Text colour override.
    pub color: Option<Color32>,
    /// Italic face.
    pub italic: bool,
    /// Bold face.
    pub bold: bool,
    /// Monospace face.
    pub mono: bool,
}

impl Decor {
    /// `self` with `over` laid on top of it.
    pub fn combine(self, over: &Decor) -> Decor {
        Decor {
            background: match (self.background, over.background) {
                (Some(a), Some(b)) => Some(blend(a, b)),
                (a, b) => b.or(a),
            },
            underline: over.underline.or(self.underline),
            color: over.color.or(self.color),
            italic: self.italic || over.italic,
            bold: self.bold || over.bold,
            mono: self.mono || over.mono,
        }
    }
}

/// `top` composited over `bottom` (premultiplied alpha).
fn blend(bottom: Color32, top: Color32) -> Color32 {
    let a = top.a() as f32 / 255.0;
    let mix = |b: u8, t: u8| (t as f32 + b as f32 * (1.0 - a)).round().min(255.0) as u8;
    Color32::from_rgba_premultiplied(
        mix(bottom.r(), top.r()),
        mix(bottom.g(), top.g()),
        mix(bottom.b(), top.b()),
        mix(bottom.a(), top.a()),
    )
}

/// A decorated char range of the document text (code points, end exclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The chars covered.
    pub range: Range<usize>,
    /// How they look.
    pub decor: Decor,
}

/// Something drawn over a char range: a [`Run`] in the layout, or a painted [`PaintMark`].
pub trait Spanned: Clone {
    /// The chars covered.
    fn span(&self) -> Range<usize>;
    /// The same thing over other chars.
    fn with_span(&self, span: Range<usize>) -> Self;
}

impl Spanned for Run {
    fn span(&self) -> Range<usize> {
        self.range.clone()
    }
    fn with_span(&self, span: Range<usize>) -> Self {
        Run {
            range: span,
            decor: self.decor,
        }
    }
}

/// Spans of a document, split at paragraph edges and grouped by paragraph.
///
/// Invariant: `items[by_para[i].clone()]` are the spans inside paragraph `i`, in the order they
/// were given (later ones draw over earlier ones).
#[derive(Debug, Clone)]
pub struct ByParagraph<T> {
    items: Vec<T>,
    by_para: Vec<Range<usize>>,
}

impl<T> Default for ByParagraph<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            by_para: Vec::new(),
        }
    }
}

/// All runs of a document, by paragraph.
pub type Decorations = ByParagraph<Run>;

impl<T: Spanned> ByParagraph<T> {
    /// Groups `spans` by the paragraphs (char ranges, sorted, disjoint) they fall in. Parts
    /// outside every paragraph are dropped.
    pub fn new(paragraphs: &[Range<usize>], spans: impl IntoIterator<Item = T>) -> Self {
        let mut per_para: Vec<Vec<T>> = vec![Vec::new(); paragraphs.len()];
        for item in spans {
            let span = item.span();
            if span.is_empty() {
                continue;
            }
            // First paragraph that ends after the span starts.
            let mut i = paragraphs.partition_point(|p| p.end <= span.start);
            while let Some(p) = paragraphs.get(i) {
                if p.start >= span.end {
                    break;
                }
                let s = span.start.max(p.start);
                let e = span.end.min(p.end);
                if s < e {
                    per_para[i].push(item.with_span(s..e));
                }
                i += 1;
            }
        }
        let mut out = ByParagraph::default();
        for list in per_para {
            let start = out.items.len();
            out.items.extend(list);
            out.by_para.push(start..out.items.len());
        }
        out
    }

    /// The spans inside paragraph `i`.
    pub fn for_paragraph(&self, i: usize) -> &[T] {
        self.by_para
            .get(i)
            .map_or(&[][..], |r| &self.items[r.clone()])
    }

    /// Total number of spans (after splitting).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// How a painted line under text looks, so kinds differ by more than colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// A continuous line.
    Solid,
    /// Dashes.
    Dashed,
    /// Dots.
    Dotted,
    /// Two thin lines.
    Double,
    /// A line on the very bottom edge of the row, below the other lines, so a note's line never
    /// hides the underline of a name or place it covers.
    Edge,
}

/// A mark painted around text without re-laying it out: tint under, line or border over.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MarkStyle {
    /// Tint under the text.
    pub fill: Option<Color32>,
    /// A line under the text.
    pub line: Option<(LineStyle, Stroke)>,
    /// A box around the text.
    pub border: Option<Stroke>,
}

/// A painted mark over a char range.
#[derive(Debug, Clone, PartialEq)]
pub struct PaintMark {
    /// The chars covered.
    pub range: Range<usize>,
    /// How it looks.
    pub style: MarkStyle,
}

impl Spanned for PaintMark {
    fn span(&self) -> Range<usize> {
        self.range.clone()
    }
    fn with_span(&self, span: Range<usize>) -> Self {
        PaintMark {
            range: span,
            style: self.style,
        }
    }
}

/// All painted marks of a document, by paragraph.
pub type Overlay = ByParagraph<PaintMark>;

/// Splits `range` (paragraph-local chars) at every run edge and gives the combined decor of each
/// piece. Pieces are in order and cover `0..len` exactly.
pub fn segments(len: usize, para_start: usize, runs: &[Run]) -> Vec<(Range<usize>, Decor)> {
    let mut cuts: Vec<usize> = vec![0, len];
    for r in runs {
        cuts.push(r.range.start.saturating_sub(para_start).min(len));
        cuts.push(r.range.end.saturating_sub(para_start).min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let mut decor = Decor::default();
        for r in runs {
            let (rs, re) = (r.range.start - para_start, r.range.end - para_start);
            if rs <= s && e <= re {
                decor = decor.combine(&r.decor);
            }
        }
        out.push((s..e, decor));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn italic() -> Decor {
        Decor {
            italic: true,
            ..Decor::default()
        }
    }

    #[test]
    fn runs_are_split_at_paragraph_edges() {
        let paras = [0..10, 11..20, 21..30];
        let d = Decorations::new(
            &paras,
            [Run {
                range: 5..25,
                decor: italic(),
            }],
        );
        assert_eq!(d.for_paragraph(0)[0].range, 5..10);
        assert_eq!(d.for_paragraph(1)[0].range, 11..20);
        assert_eq!(d.for_paragraph(2)[0].range, 21..25);
        assert_eq!(d.len(), 3);
    }

    #[test]
    fn overlapping_runs_combine_in_segments() {
        let bg = Decor {
            background: Some(Color32::from_rgb(10, 10, 10)),
            ..Decor::default()
        };
        let runs = [
            Run {
                range: 2..8,
                decor: bg,
            },
            Run {
                range: 4..6,
                decor: italic(),
            },
        ];
        let segs = segments(10, 0, &runs);
        let ranges: Vec<_> = segs.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(ranges, vec![0..2, 2..4, 4..6, 6..8, 8..10]);
        assert!(segs[2].1.italic && segs[2].1.background.is_some());
        assert!(!segs[1].1.italic && segs[1].1.background.is_some());
        assert_eq!(segs[0].1, Decor::default());
    }

    #[test]
    fn segments_use_paragraph_local_offsets() {
        let runs = [Run {
            range: 102..105,
            decor: italic(),
        }];
        let segs = segments(6, 100, &runs);
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[1].0, 2..5);
    }
}
