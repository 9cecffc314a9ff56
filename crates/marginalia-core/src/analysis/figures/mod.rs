//! Figures: counts, money, percentages, quantities, fractions, ordinals and dates, with their
//! normalised values.
//!
//! The text is split into tokens once ([`tokens`]), then read left to right by a small
//! hand-written grammar with a few tokens of look-ahead, so the cost grows linearly with the
//! text. The words it needs (units, currencies, number words, months…) are data files in
//! `assets/figures/`, parsed once ([`lexicon`]).

mod amounts;
mod counted;
mod dates;
mod fractions;
pub mod lexicon;
mod numbers;
mod scanner;
pub mod tokens;

#[cfg(test)]
mod tests;

use super::text::lowered_copy;
use super::{Figure, FigureKind, FigureValue};
use lexicon::lexicon;
use scanner::{Hit, Scanner};
use tokens::TokenKind;

/// Finds the figures in `text` (ids are left empty; `Analysis::assign_ids` numbers them).
/// Offsets are code points into `text`, end exclusive.
pub fn find_figures(text: &str) -> Vec<Figure> {
    find_figures_lowered(text, &lowered_copy(text))
}

/// [`find_figures`] given the text's [`lowered_copy`], when the caller
/// already has it.
pub fn find_figures_lowered(text: &str, lowered: &str) -> Vec<Figure> {
    let lex = lexicon();
    // A copy of another length has other char boundaries: read the text as written instead.
    let lowered = if lowered.len() == text.len() {
        lowered
    } else {
        text
    };
    let mut toks = Vec::new();
    let mut figures = Vec::new();
    let mut chars_before = 0;
    let mut from = 0;
    while from < text.len() {
        let to = block_end(text.as_bytes(), from);
        let (Some(block), Some(block_low)) = (text.get(from..to), lowered.get(from..to)) else {
            break;
        };
        toks.clear();
        lex.tokenize_into(block, block_low, &mut toks);
        for t in &mut toks {
            t.byte_start += from;
            t.byte_end += from;
            t.start += chars_before;
            t.end += chars_before;
        }
        figures.extend(figures_in(text, &toks));
        chars_before += block.chars().count();
        from = to;
    }
    figures
}

/// About how many bytes of text the figure grammar reads at a time: its tokens (tens of bytes
/// each, several to a word) then stay in the cache, where a whole long text's would not.
const BLOCK_BYTES: usize = 16 * 1024;

/// Where the block starting at byte `from` ends: after the first blank line at least
/// [`BLOCK_BYTES`] on, or at the end. No figure runs over a blank line, so none is cut.
fn block_end(bytes: &[u8], from: usize) -> usize {
    let mut line_start = from + BLOCK_BYTES;
    while line_start < bytes.len() {
        let Some(len) = bytes[line_start..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let line = &bytes[line_start..line_start + len];
        if line_start > from + BLOCK_BYTES
            && line.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r'))
        {
            return line_start + len + 1;
        }
        line_start += len + 1;
    }
    bytes.len()
}

/// The figures among `toks`, whose offsets are into `text`.
fn figures_in(text: &str, toks: &[tokens::Token]) -> Vec<Figure> {
    let sc = Scanner {
        toks,
        lex: lexicon(),
        words: &crate::analysis::words::words().figure_words,
    };
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].starter {
            i += 1;
            continue;
        }
        if let Some(next) = sc.skip_code(i) {
            i = next;
            continue;
        }
        match sc.figure_with_approximator(i) {
            Some(h) => {
                i = h.resume.max(h.end).max(i + 1);
                hits.push(h);
            }
            None => i += 1,
        }
    }
    share_range_scales(&sc, &mut hits);
    hits.into_iter()
        .filter(|h| h.end > h.start)
        .filter_map(|h| {
            let first = toks.get(h.start)?;
            let last = toks.get(h.end - 1)?;
            Some(Figure {
                value: h.value.map(tidy),
                id: String::new(),
                start: first.start,
                end: last.end,
                text: text.get(first.byte_start..last.byte_end)?.to_string(),
                kind: h.kind,
                approximate: h.approximate,
                counted: h.counted,
            })
        })
        .collect()
}

/// Rounds away the binary noise of scaling ("8.2 billion" is 8200000000, not 8199999999.999999)
/// by keeping twelve significant digits.
fn tidy(v: FigureValue) -> FigureValue {
    match v {
        // Whole numbers below 10^12 have no noise to round (and are most figures: years, counts).
        FigureValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e12 => FigureValue::Number(n),
        FigureValue::Number(n) if n.is_finite() && n != 0.0 => {
            FigureValue::Number(format!("{n:.11e}").parse().unwrap_or(n))
        }
        other => other,
    }
}

impl Scanner<'_, '_> {
    /// Numbers that are codes rather than figures ("24/7", "9/11"): the index after them.
    fn skip_code(&self, i: usize) -> Option<usize> {
        let t = self.at(i)?;
        if t.kind != TokenKind::Num || self.year(i).is_some() || self.slashed(i).is_some() {
            return None;
        }
        let mut k = i + 1;
        let mut parts = 1;
        while self.glued(k).is_some_and(|s| s.text == "/")
            && self.glued(k + 1).is_some_and(|n| n.kind == TokenKind::Num)
        {
            k += 2;
            parts += 1;
        }
        (parts > 1).then_some(k)
    }

    /// A figure at `i`, with the approximator that opens it ("nearly 400").
    fn figure_with_approximator(&self, i: usize) -> Option<Hit> {
        if let Some(((), j)) = self.lex.approximators.longest(self.toks, i)
            && self.joined(j).is_some()
            && let Some(mut h) = self.figure_at(j, true)
            && h.start == j
            && h.kind != FigureKind::Date
        {
            h.start = i;
            h.approximate = true;
            return Some(h);
        }
        self.figure_at(i, false)
    }

    /// A figure starting exactly at `i`.
    fn figure_at(&self, i: usize, approximated: bool) -> Option<Hit> {
        if self.is_num(i) && self.in_name(i) || self.spelled_in_name(i) {
            return None;
        }
        self.date_at(i)
            .or_else(|| self.fraction_at(i, approximated))
            .or_else(|| self.vague_at(i))
            .or_else(|| self.ordinal_at(i))
            .or_else(|| self.amount_at(i))
    }
}

/// In a range the scale or unit is often written once: "$5-10 million", "between 200 and 300
/// million", "10 to 20%". The first figure takes it from the second.
fn share_range_scales(sc: &Scanner<'_, '_>, hits: &mut [Hit]) {
    for n in 1..hits.len() {
        let (left, right) = hits.split_at_mut(n);
        let (Some(a), Some(b)) = (left.last_mut(), right.first_mut()) else {
            continue;
        };
        if b.start != a.end + 1 {
            continue;
        }
        let Some(link) = sc.at(a.end) else { continue };
        let joins = link.is_dash() || matches!(link.lower, "to" | "and" | "or");
        let (Some(av), Some(_)) = (a.number(), b.number()) else {
            continue;
        };
        if !joins || a.scale != 1.0 || av >= b.base {
            continue;
        }
        if b.scale > 1.0 && matches!(a.kind, FigureKind::Cardinal | FigureKind::Money) {
            let factor = if a.kind == FigureKind::Money && a.base != 0.0 {
                av / a.base
            } else {
                1.0
            };
            a.value = Some(FigureValue::Number(a.base * factor * b.scale));
            if a.kind == FigureKind::Money && b.kind == FigureKind::Cardinal {
                b.kind = FigureKind::Money;
            } else {
                a.kind = b.kind;
            }
            a.counted = None;
        } else if a.kind == FigureKind::Cardinal
            && matches!(
                b.kind,
                FigureKind::Percent | FigureKind::Money | FigureKind::Quantity
            )
            && b.scale == 1.0
        {
            a.kind = b.kind;
            a.counted = None;
        }
    }
}
