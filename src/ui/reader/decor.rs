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

/// All runs of a document, split at paragraph edges and grouped by paragraph.
///
/// Invariant: `runs[by_para[i].clone()]` are the runs inside paragraph `i`, in the order they were
/// given (later runs draw over earlier ones).
#[derive(Debug, Clone, Default)]
pub struct Decorations {
    runs: Vec<Run>,
    by_para: Vec<Range<usize>>,
}

impl Decorations {
    /// Groups `runs` by the paragraphs (char ranges, sorted, disjoint) they fall in. Parts of runs
    /// outside every paragraph are dropped.
    pub fn new(paragraphs: &[Range<usize>], runs: impl IntoIterator<Item = Run>) -> Self {
        let mut per_para: Vec<Vec<Run>> = vec![Vec::new(); paragraphs.len()];
        for run in runs {
            if run.range.is_empty() {
                continue;
            }
            // First paragraph that ends after the run starts.
            let mut i = paragraphs.partition_point(|p| p.end <= run.range.start);
            while let Some(p) = paragraphs.get(i) {
                if p.start >= run.range.end {
                    break;
                }
                let s = run.range.start.max(p.start);
                let e = run.range.end.min(p.end);
                if s < e {
                    per_para[i].push(Run {
                        range: s..e,
                        decor: run.decor,
                    });
                }
                i += 1;
            }
        }
        let mut out = Decorations::default();
        for list in per_para {
            let start = out.runs.len();
            out.runs.extend(list);
            out.by_para.push(start..out.runs.len());
        }
        out
    }

    /// The runs inside paragraph `i`.
    pub fn for_paragraph(&self, i: usize) -> &[Run] {
        self.by_para
            .get(i)
            .map_or(&[][..], |r| &self.runs[r.clone()])
    }

    /// Total number of runs (after splitting).
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether there are no runs.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

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
