//! Trimming an approximate match to the text that corresponds to the note's old text.
//!
//! An approximate search finds a region about as long as the old text, and it is happy to slide
//! over a paragraph break when the start of the old text was reworded: the region then begins
//! with the end of the paragraph before. Aligning the old text with the region word by word (a
//! diff over words and the marks between them) shows which parts are really the old ones. Only
//! the stretch between the first and last matching runs is kept, widened over a word swapped
//! for another at either end; a stretch may not cross more line breaks (paragraphs) than the old
//! text did, and when too little of the old text survives the note is not placed at all.
//!
//! Words, not characters, are compared because a character diff finds chance agreements
//! everywhere ("rem" in "remarks" and "removed") and would keep reworded text as if it were old.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// At least this share of the old text must be found again in the kept stretch.
pub const MIN_SURVIVING: f64 = 0.5;

/// The least share of the place a note lands on that must be its old text.
pub const MIN_OWN: f64 = 0.6;
/// Matching runs shorter than this (in chars) are chance agreements (a shared space or comma),
/// not evidence that the text is the same; shorter old texts lower it to their own length.
const MIN_RUN: usize = 4;

/// What is left of a region after alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trimmed {
    /// The kept stretch of the text.
    pub range: Range<usize>,
    /// How many chars of the old text are in it unchanged.
    pub kept: usize,
}

/// Why a region could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub struct TooLittle {
    /// The share of the old text found in the best stretch (0–1).
    pub share: f64,
}

/// One step of the alignment: old tokens against a stretch of the text.
#[derive(Debug, Clone)]
struct Piece {
    equal: bool,
    /// Token indices into the old text.
    old: Range<usize>,
    /// Char range into the whole text.
    new: Range<usize>,
}

/// Aligns `old` with `text[region]` and returns the stretch that corresponds to it.
pub fn trim_to_old_text(
    old: &[char],
    text: &[char],
    region: Range<usize>,
    deadline: Option<Instant>,
) -> Result<Trimmed, TooLittle> {
    let pieces = align(old, text, region, deadline);
    let min_run = MIN_RUN.min(old.len()).max(1);
    let runs: Vec<Range<usize>> = pieces
        .iter()
        .filter(|p| p.equal)
        .map(|p| p.new.clone())
        .collect();
    let long: Vec<Range<usize>> = runs
        .iter()
        .filter(|r| r.len() >= min_run)
        .cloned()
        .collect();
    let breaks_allowed = old.iter().filter(|c| **c == '\n').count();
    let best = best_window(&long, text, breaks_allowed);
    let (Some(first), Some(last)) = (best.first(), best.last()) else {
        return Err(TooLittle { share: 0.0 });
    };
    let worded: Vec<Range<usize>> = runs
        .iter()
        .filter(|r| text[(*r).clone()].iter().any(|c| c.is_alphanumeric()))
        .cloned()
        .collect();
    let range = extend_with_short_runs(&worded, text, first.start..last.end);
    let range = widen_over_swapped_words(&pieces, text, range);
    let range = strip_new_blanks(old, text, range);
    let kept: usize = runs
        .iter()
        .map(|r| {
            r.end
                .min(range.end)
                .saturating_sub(r.start.max(range.start))
        })
        .sum();
    let share = kept as f64 / old.len().max(1) as f64;
    // Both ways: half the old text survives, and most of where the note lands is its old text
    // (a sentence reworded in the middle of a note leaves it orphaned, not stretched over new
    // words that happen to repeat some of the old ones).
    let own = kept as f64 / range.len().max(1) as f64;
    if share >= MIN_SURVIVING && own >= MIN_OWN {
        Ok(Trimmed { range, kept })
    } else {
        Err(TooLittle { share })
    }
}

/// Splits chars into tokens: a run of letters and digits, or any other single char.
fn tokens(chars: &[char], offset: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        if chars[i].is_alphanumeric() {
            while j < chars.len() && chars[j].is_alphanumeric() {
                j += 1;
            }
        }
        out.push(offset + i..offset + j);
        i = j;
    }
    out
}

/// The word diff of `old` against `text[region]`, as pieces in text order.
fn align(
    old: &[char],
    text: &[char],
    region: Range<usize>,
    deadline: Option<Instant>,
) -> Vec<Piece> {
    let old_tokens = tokens(old, 0);
    let new_tokens = tokens(&text[region.clone()], region.start);
    let old_words: Vec<&[char]> = old_tokens.iter().map(|r| &old[r.clone()]).collect();
    let new_words: Vec<&[char]> = new_tokens.iter().map(|r| &text[r.clone()]).collect();
    let span = |from: usize, len: usize| -> Range<usize> {
        match (new_tokens.get(from), len) {
            (Some(first), l) if l > 0 => first.start..new_tokens[from + l - 1].end,
            (Some(first), _) => first.start..first.start,
            (None, _) => region.end..region.end,
        }
    };
    capture_diff_slices_deadline(Algorithm::Myers, &old_words, &new_words, deadline)
        .into_iter()
        .map(|op| {
            let (equal, old_index, old_len, new_index, new_len) = match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => (true, old_index, len, new_index, len),
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (false, old_index, old_len, new_index, 0),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (false, old_index, 0, new_index, new_len),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (false, old_index, old_len, new_index, new_len),
            };
            Piece {
                equal,
                old: old_index..old_index + old_len,
                new: span(new_index, new_len),
            }
        })
        .collect()
}

/// Widens `range` over a change at either end that swaps the old text's first (or last) words
/// for the same number of new ones on the same line: "600,000 people" edited to "700,000
/// people" keeps the whole figure, while a reworded clause of another length is left out.
fn widen_over_swapped_words(pieces: &[Piece], text: &[char], range: Range<usize>) -> Range<usize> {
    // (A swap that starts or ends inside a word of the text is a piece of another word, cut
    // by the search window: "…reessen" of "Dreessen" is no swap for "Bernstein".)
    let inside_word = |at: usize| {
        at > 0 && at < text.len() && text[at - 1].is_alphanumeric() && text[at].is_alphanumeric()
    };
    let swapped = |p: &Piece| {
        !p.equal
            && !p.old.is_empty()
            && tokens(&text[p.new.clone()], 0).len() == p.old.len()
            && !text[p.new.clone()].contains(&'\n')
            && !inside_word(p.new.start)
            && !inside_word(p.new.end)
    };
    let (mut start, mut end) = (range.start, range.end);
    let before = pieces
        .iter()
        .rev()
        .find(|p| p.new.end <= start && !p.new.is_empty());
    if let Some(p) = before.filter(|p| p.new.end == start && p.old.start == 0 && swapped(p)) {
        start = p.new.start;
    }
    let old_end = pieces.iter().map(|p| p.old.end).max().unwrap_or(0);
    let after = pieces
        .iter()
        .find(|p| p.new.start >= end && !p.new.is_empty());
    if let Some(p) = after.filter(|p| p.new.start == end && p.old.end == old_end && swapped(p)) {
        end = p.new.end;
    }
    start..end
}

/// Drops white space at either end of `range` where the old text had none: a note that began
/// on a word begins on a word again.
fn strip_new_blanks(old: &[char], text: &[char], range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    if !old.first().is_some_and(|c| c.is_whitespace()) {
        while start < end && text[start].is_whitespace() {
            start += 1;
        }
    }
    if !old.last().is_some_and(|c| c.is_whitespace()) {
        while end > start && text[end - 1].is_whitespace() {
            end -= 1;
        }
    }
    start..end
}

/// Widens `range` over short matching runs holding a word just outside it (a last short word
/// kept after a change), as long as each is within a few chars of the range and no line break lies between.
fn extend_with_short_runs(
    runs: &[Range<usize>],
    text: &[char],
    range: Range<usize>,
) -> Range<usize> {
    let close = |gap: &[char]| gap.len() <= 2 * MIN_RUN && !gap.contains(&'\n');
    let (mut start, mut end) = (range.start, range.end);
    for r in runs.iter().rev().filter(|r| r.end <= range.start) {
        if !close(&text[r.end..start]) {
            break;
        }
        start = r.start;
    }
    for r in runs.iter().filter(|r| r.start >= range.end) {
        if !close(&text[end..r.start]) {
            break;
        }
        end = r.end;
    }
    start..end
}

/// The consecutive runs, spanning at most `breaks_allowed` line breaks of `text`, that hold the
/// most matching chars (two pointers over the runs).
fn best_window<'r>(
    runs: &'r [Range<usize>],
    text: &[char],
    breaks_allowed: usize,
) -> &'r [Range<usize>] {
    let breaks_between = |a: &Range<usize>, b: &Range<usize>| {
        text[a.start..b.end].iter().filter(|c| **c == '\n').count()
    };
    let mut best: (usize, Range<usize>) = (0, 0..0);
    let mut lo = 0;
    let mut sum = 0;
    for hi in 0..runs.len() {
        sum += runs[hi].len();
        while lo < hi && breaks_between(&runs[lo], &runs[hi]) > breaks_allowed {
            sum -= runs[lo].len();
            lo += 1;
        }
        if breaks_between(&runs[lo], &runs[hi]) <= breaks_allowed && sum > best.0 {
            best = (sum, lo..hi + 1);
        }
    }
    &runs[best.1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_reworded_start_does_not_pull_in_the_paragraph_before() {
        let old = chars("The President's remarks came at a time when the mission faced doubts.");
        let text = chars(
            "and will be ready for duty by next month.\nRemoved, at a time when the mission faced doubts.",
        );
        // The region an approximate search returns: as long as the old text, over the break.
        let region = text.len() - old.len()..text.len();
        assert!(text[region.clone()].contains(&'\n'));
        let t = trim_to_old_text(&old, &text, region, None).unwrap();
        let kept: String = text[t.range.clone()].iter().collect();
        assert!(!kept.contains('\n'), "{kept}");
        assert!(kept.ends_with("the mission faced doubts."), "{kept}");
    }

    #[test]
    fn a_swapped_first_word_is_kept_a_reworded_clause_is_not() {
        let old = chars("600,000 people remain displaced");
        let text = chars("Some 700,000 people remain displaced.");
        let t = trim_to_old_text(&old, &text, 5..text.len() - 1, None).unwrap();
        let kept: String = text[t.range].iter().collect();
        assert_eq!(kept, "700,000 people remain displaced");
        let old = chars("The President's remarks came at a time when attention is on Haiti");
        let text = chars("XXXX removed paragraph text, at a time when attention is on Haiti");
        let t = trim_to_old_text(&old, &text, 0..text.len(), None).unwrap();
        let kept: String = text[t.range].iter().collect();
        assert_eq!(kept, "at a time when attention is on Haiti");
    }

    #[test]
    fn too_little_left_is_refused() {
        let old = chars("Officials confirmed the figures on Tuesday morning.");
        let text = chars("Nobody has said anything about any of it yet, on Tuesday.");
        let err = trim_to_old_text(&old, &text, 0..text.len(), None).unwrap_err();
        assert!(err.share < MIN_SURVIVING);
    }

    #[test]
    fn old_text_over_a_break_may_keep_one_break() {
        let old = chars("end of one.\nStart of two");
        let text = chars("the end of one.\nStart of the two");
        let t = trim_to_old_text(&old, &text, 0..text.len(), None).unwrap();
        let kept: String = text[t.range].iter().collect();
        assert_eq!(kept, "end of one.\nStart of the two");
    }
}
