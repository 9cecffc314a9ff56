//! Anchoring: placing each annotation again in the article's current text.
//!
//! An article can change after it was annotated (a new first paragraph, a fixed typo, a rewritten
//! sentence). Each target carries its offsets, its exact text and up to 32 characters of context
//! on each side; this module finds it again, in this order:
//! 1. the exact text at the recorded offsets (shifted by the offset the previous annotation moved
//!    by, which catches text inserted or deleted above) with its context;
//! 2. the occurrence of the exact text that best fits the context and the old position;
//! 3. an approximate match of the exact text (bit-parallel edit distance, up to half its length in
//!    errors) scored on quote, prefix, suffix and position;
//! 4. otherwise the annotation is orphaned.
//!
//! An approximate match is then aligned with the old text (`align.rs`) and trimmed to the part
//! that corresponds to it; it never takes in a paragraph the old text did not cover, and a match
//! where too little of the old text survives is orphaned rather than stretched.
//!
//! The searches beyond the recorded place run under a time budget per article
//! ([`ANCHOR_BUDGET`]): a file of thousands of near-miss notes cannot freeze the app or a command;
//! what is left when the budget is spent is orphaned, with that reason, and kept as it was.
//!
//! A weak match is never taken: short quotes need their context, and approximate matches need
//! enough similarity of quote and context together, so an annotation is orphaned rather than
//! attached to text it was not written on.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::align::trim_to_old_text;
use super::model::Target;
use crate::text_index::TextIndex;

/// Where an annotation ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// Found at its recorded offsets.
    Anchored,
    /// The same text, found elsewhere.
    Moved,
    /// An approximate match: the text changed.
    Fuzzy,
    /// Not found; kept, but not attached to any text.
    Orphaned,
}

impl AnchorStatus {
    /// The name used in JSON output and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphaned => "orphaned",
        }
    }
}

/// The result of anchoring one annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// How it was found.
    pub status: AnchorStatus,
    /// First char in the current text; `None` when orphaned.
    pub start: Option<usize>,
    /// One past the last char; `None` when orphaned.
    pub end: Option<usize>,
    /// Why, for people ("text found 44 characters later").
    pub reason: String,
}

impl Anchor {
    fn placed(status: AnchorStatus, start: usize, end: usize, reason: String) -> Self {
        Self {
            status,
            start: Some(start),
            end: Some(end),
            reason,
        }
    }

    fn orphan(reason: impl Into<String>) -> Self {
        Self {
            status: AnchorStatus::Orphaned,
            start: None,
            end: None,
            reason: reason.into(),
        }
    }
}

/// A text this long (in chars) is taken to be said once in an article: found unchanged anywhere,
/// it is the note's own whatever surrounds it now.
const UNMISTAKABLE_CHARS: usize = 64;
/// The least share of the old surroundings (prefix and suffix together) that lets an occurrence
/// of a text shorter than [`UNMISTAKABLE_CHARS`] away from its place stand for the note's own:
/// one side whole, as when its paragraph moved or the sentence beside it changed.
const MIN_MOVED_CONTEXT: f64 = 0.5;
/// The least share of its old surroundings a changed text needs away from its place.
const MIN_CHANGED_CONTEXT: f64 = 0.75;
/// Notes shorter than this (in chars) are only found unchanged: a changed word or two cannot
/// be told from another word nearby.
const MIN_FUZZY_CHARS: usize = 16;
/// Least quote similarity (1 − errors/length) an approximate match may have.
const MIN_QUOTE_SIMILARITY: f64 = 0.5;
/// Least combined score (quote, prefix, suffix, position) an approximate match needs.
const MIN_FUZZY_SCORE: f64 = 0.7;
/// How far (in chars) around the expected place an approximate match is first looked for.
const FUZZY_WINDOW: usize = 3000;
/// At most this many approximate candidates are scored.
const MAX_CANDIDATES: usize = 10;
/// At most this many errors are allowed, whatever the quote length.
const MAX_ERRORS: usize = 256;

/// How long the searches beyond the recorded place may take, per article.
pub const ANCHOR_BUDGET: Duration = Duration::from_secs(3);
/// The reason given to the notes not looked for once the budget is spent.
const OUT_OF_TIME: &str = "not looked for: finding changed text in this article took longer than its time limit; the note is kept as it was";

/// Weights of the parts of a candidate's score, as in common web annotation clients.
const W_QUOTE: f64 = 50.0;
const W_PREFIX: f64 = 20.0;
const W_SUFFIX: f64 = 20.0;
const W_POSITION: f64 = 2.0;

/// The current text, prepared for anchoring many annotations in it.
pub struct Anchorer<'t> {
    text: &'t str,
    chars: Vec<char>,
    index: TextIndex,
    symbols: OnceLock<Symbols>,
    deadline: Option<Instant>,
}

/// How many notes were found, and how.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnchorCounts {
    /// Found unchanged (at their place or moved).
    pub found: usize,
    /// Of those, found somewhere else.
    pub moved: usize,
    /// Found with their text changed.
    pub changed: usize,
    /// Not placed.
    pub orphaned: usize,
}

impl AnchorCounts {
    /// Counts `anchors` by status.
    pub fn of<'a>(anchors: impl IntoIterator<Item = &'a Anchor>) -> Self {
        let mut c = AnchorCounts::default();
        for a in anchors {
            match a.status {
                AnchorStatus::Anchored => c.found += 1,
                AnchorStatus::Moved => {
                    c.found += 1;
                    c.moved += 1;
                }
                AnchorStatus::Fuzzy => c.changed += 1,
                AnchorStatus::Orphaned => c.orphaned += 1,
            }
        }
        c
    }

    /// "12 found again (3 moved), 2 found with changes, 1 orphaned".
    pub fn summary(&self) -> String {
        let mut s = format!("{} found again", self.found);
        if self.moved > 0 {
            s.push_str(&format!(" ({} moved)", self.moved));
        }
        format!(
            "{s}, {} found with changes, {} orphaned",
            self.changed, self.orphaned
        )
    }
}

/// The text as small integer symbols, for the bit-parallel search.
struct Symbols {
    of_char: HashMap<char, u32>,
    text: Vec<u32>,
    count: usize,
}

impl<'t> Anchorer<'t> {
    /// Prepares `text`; the searches share [`ANCHOR_BUDGET`] from now.
    pub fn new(text: &'t str) -> Self {
        Self::with_budget(text, Some(ANCHOR_BUDGET))
    }

    /// Prepares `text` with a time budget for the searches beyond the recorded place (`None`: no
    /// limit), counted from now.
    pub fn with_budget(text: &'t str, budget: Option<Duration>) -> Self {
        Self {
            text,
            chars: text.chars().collect(),
            index: TextIndex::new(text),
            symbols: OnceLock::new(),
            deadline: budget.map(|b| Instant::now() + b),
        }
    }

    fn out_of_time(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// Anchors every target; results are in the order of `targets`. Targets are visited in the
    /// order of their old positions so that the shift found for one is tried first for the next.
    pub fn anchor_all<'a>(&self, targets: impl IntoIterator<Item = &'a Target>) -> Vec<Anchor> {
        let targets: Vec<&Target> = targets.into_iter().collect();
        let mut order: Vec<usize> = (0..targets.len()).collect();
        order.sort_by_key(|&i| (targets[i].start, targets[i].end));
        let mut results: Vec<Option<Anchor>> = vec![None; targets.len()];
        let mut shift: isize = 0;
        for i in order {
            let t = targets[i];
            let a = self.anchor(t, shift);
            if let Some(s) = a.start {
                shift = s as isize - t.start as isize;
            }
            results[i] = Some(a);
        }
        results
            .into_iter()
            .map(|a| a.unwrap_or_else(|| Anchor::orphan("not anchored")))
            .collect()
    }

    /// Anchors one target; `shift` is where the text around it probably moved (chars, + = later).
    pub fn anchor(&self, target: &Target, shift: isize) -> Anchor {
        let exact: Vec<char> = target.exact.chars().collect();
        if exact.is_empty() {
            return Anchor::orphan("the annotation has no text to look for");
        }
        let len = exact.len();
        let prefix: Vec<char> = target.prefix.chars().collect();
        let suffix: Vec<char> = target.suffix.chars().collect();
        let old = target.start;

        // 1. At the recorded offsets, then at the offsets shifted like the annotation before it.
        if self.exact_at(old, &exact) && self.context_holds(old, len, &prefix, &suffix) {
            return Anchor::placed(
                AnchorStatus::Anchored,
                old,
                old + len,
                "text found at its recorded place".to_string(),
            );
        }
        let shifted = old as isize + shift;
        if shift != 0 && shifted >= 0 {
            let s = shifted as usize;
            if self.exact_at(s, &exact) && self.context_holds(s, len, &prefix, &suffix) {
                return Anchor::placed(AnchorStatus::Moved, s, s + len, moved_reason(old, s));
            }
        }
        let expected = shifted.max(0) as usize;
        if self.out_of_time() {
            return Anchor::orphan(OUT_OF_TIME);
        }

        // 2. The best exact occurrence.
        let mut occurrences = 0usize;
        let mut best: Option<(f64, usize, f64)> = None;
        // The surroundings inside the note's own paragraph: only they say an occurrence away
        // from its place is the note's own. (Deleting a paragraph that ended in "million.”"
        // puts the next paragraph after another one ending so: the text after it is the same,
        // the paragraph is not.)
        let own_prefix = &prefix[prefix.iter().rposition(|c| *c == '\n').map_or(0, |i| i + 1)..];
        let own_suffix = &suffix[..suffix
            .iter()
            .position(|c| *c == '\n')
            .unwrap_or(suffix.len())];
        for (byte, _) in self.text.match_indices(target.exact.as_str()) {
            occurrences += 1;
            let s = self.index.char_of(self.text, byte);
            let before = &self.chars[..s];
            let after = &self.chars[(s + len).min(self.chars.len())..];
            let pre = common_suffix_ratio(before, &prefix);
            let suf = common_prefix_ratio(after, &suffix);
            let score = W_PREFIX * pre
                + W_SUFFIX * suf
                + W_POSITION * self.position_score(s, expected)
                + if s == old { 0.01 } else { 0.0 };
            if best.is_none_or(|(b, _, _)| score > b) {
                let context = (within_paragraph(before, own_prefix, common_suffix_ratio)
                    + within_paragraph(after, own_suffix, common_prefix_ratio))
                    / 2.0;
                best = Some((score, s, context));
            }
        }
        if let Some((_, s, context)) = best {
            // Identical text away from its place is the note's own only with some of its old
            // surroundings, or when it is too long to be said twice: a short phrase whose
            // paragraph was deleted must not jump to the same phrase in another paragraph.
            let accept = s == old || len >= UNMISTAKABLE_CHARS || context >= MIN_MOVED_CONTEXT;
            if accept {
                let status = if s == old {
                    AnchorStatus::Anchored
                } else {
                    AnchorStatus::Moved
                };
                let reason = if s == old {
                    "text found at its recorded place".to_string()
                } else {
                    moved_reason(old, s)
                };
                return Anchor::placed(status, s, s + len, reason);
            }
        }

        // 3. An approximate match, near the expected place first, then anywhere.
        let near = self.fuzzy(&exact, &prefix, &suffix, expected, Some(FUZZY_WINDOW));
        let found = match near {
            Ok(found) => Ok(found),
            Err(_) if self.chars.len() > 2 * FUZZY_WINDOW + len => {
                self.fuzzy(&exact, &prefix, &suffix, expected, None)
            }
            Err(why) => Err(why),
        };
        let found = found.and_then(|m| self.trim(&exact, m));
        // An errorless match away from its place is one of the exact occurrences step 2 turned
        // down for want of its old surroundings: the search anywhere must not take it back.
        let found = found.and_then(|m| {
            if m.errors == 0 && m.start != old && occurrences > 0 {
                return Err(String::new());
            }
            // A short text that changed and turns up away from where it was expected is the
            // note's own only with its old surroundings, as for identical text (step 2):
            // "of Transportation had" is not "of Transportation said" three paragraphs on.
            let away = m.start.abs_diff(expected) > len;
            let context =
                (within_paragraph(&self.chars[..m.start], own_prefix, common_suffix_ratio)
                    + within_paragraph(
                        &self.chars[m.end.min(self.chars.len())..],
                        own_suffix,
                        common_prefix_ratio,
                    ))
                    / 2.0;
            // (Changed and away needs more of its surroundings than unchanged and away.)
            let needed = if m.errors > 0 {
                MIN_CHANGED_CONTEXT
            } else {
                MIN_MOVED_CONTEXT
            };
            if away && len < UNMISTAKABLE_CHARS && context < needed {
                return Err("the text is changed and away from its old context".to_string());
            }
            // A word or two that changed cannot be told from another word nearby.
            if m.errors > 0 && len < MIN_FUZZY_CHARS {
                return Err("the short text changed".to_string());
            }
            Ok(m)
        });
        match found {
            Ok(m) => {
                let place = if m.start == old {
                    "at its recorded place".to_string()
                } else {
                    moved_reason(old, m.start).replacen("text found ", "", 1)
                };
                let reason = if m.errors == 0 {
                    format!("text found in a changed context, {place}")
                } else {
                    format!(
                        "text changed ({} of {} characters differ), found {place}",
                        m.errors, len
                    )
                };
                Anchor::placed(AnchorStatus::Fuzzy, m.start, m.end, reason)
            }
            Err(why) => {
                if occurrences > 0 {
                    Anchor::orphan(format!(
                        "the text appears {} but not in its old context",
                        times(occurrences)
                    ))
                } else {
                    Anchor::orphan(why)
                }
            }
        }
    }

    /// Keeps the part of an approximate match that corresponds to the old text, or says why
    /// too little of it is left.
    fn trim(&self, exact: &[char], m: FuzzyMatch) -> Result<FuzzyMatch, String> {
        match trim_to_old_text(exact, &self.chars, m.start..m.end, self.deadline) {
            Ok(t) => Ok(FuzzyMatch {
                start: t.range.start,
                end: t.range.end,
                // The search's own count when nothing was cut; otherwise old chars lost or new
                // chars in between, whichever is more.
                errors: if t.range == (m.start..m.end) {
                    m.errors
                } else {
                    exact.len().max(t.range.len()).saturating_sub(t.kept)
                },
            }),
            Err(little) => Err(format!(
                "the text changed too much: only {:.0}% of it is left in one place",
                little.share * 100.0
            )),
        }
    }

    fn exact_at(&self, start: usize, exact: &[char]) -> bool {
        self.chars
            .get(start..start.saturating_add(exact.len()))
            .is_some_and(|s| s == exact)
    }

    /// Whether the recorded context still surrounds `start..start+len`: the prefix or the suffix
    /// is there unchanged (or the span is at the very start/end where the context was empty).
    fn context_holds(&self, start: usize, len: usize, prefix: &[char], suffix: &[char]) -> bool {
        let before = &self.chars[..start];
        let after = &self.chars[start + len..];
        let pre_ok = if prefix.is_empty() {
            start == 0
        } else {
            before.ends_with(prefix)
        };
        let suf_ok = if suffix.is_empty() {
            after.is_empty()
        } else {
            after.starts_with(suffix)
        };
        pre_ok || suf_ok
    }

    fn position_score(&self, at: usize, expected: usize) -> f64 {
        let n = self.chars.len().max(1) as f64;
        1.0 - (at.abs_diff(expected) as f64 / n).min(1.0)
    }

    fn symbols(&self) -> &Symbols {
        self.symbols.get_or_init(|| {
            let mut of_char = HashMap::new();
            let text = self
                .chars
                .iter()
                .map(|c| {
                    let next = of_char.len() as u32;
                    *of_char.entry(*c).or_insert(next)
                })
                .collect();
            let count = of_char.len();
            Symbols {
                of_char,
                text,
                count,
            }
        })
    }

    /// Looks for an approximate match of `exact` in a window around `expected` (or the whole
    /// text) and returns the best acceptable one, or why there is none.
    fn fuzzy(
        &self,
        exact: &[char],
        prefix: &[char],
        suffix: &[char],
        expected: usize,
        window: Option<usize>,
    ) -> Result<FuzzyMatch, String> {
        let len = exact.len();
        // Near the expected place up to half the quote may differ; text that moved far away
        // must also be closer to what was annotated.
        let max_errors = match window {
            Some(_) => len / 2,
            None => len / 4,
        }
        .min(MAX_ERRORS);
        if max_errors == 0 {
            return Err("the text is not in the article".to_string());
        }
        let n = self.chars.len();
        let (lo, hi) = match window {
            Some(w) => (
                expected.saturating_sub(w).min(n),
                (expected + len + w).min(n),
            ),
            None => (0, n),
        };
        let sym = self.symbols();
        let pattern: Vec<u32> = exact
            .iter()
            .map(|c| sym.of_char.get(c).copied().unwrap_or(sym.count as u32))
            .collect();
        let Some(ends) = bit_parallel_search(
            &pattern,
            &sym.text[lo..hi],
            sym.count + 1,
            max_errors,
            self.deadline,
        ) else {
            return Err(OUT_OF_TIME.to_string());
        };
        let mut ends: Vec<(usize, usize)> = ends.into_iter().map(|(e, k)| (e + lo, k)).collect();
        let rank = |&(e, k): &(usize, usize)| (k, e.abs_diff(expected + len));
        if ends.len() > MAX_CANDIDATES {
            ends.select_nth_unstable_by_key(MAX_CANDIDATES, rank);
            ends.truncate(MAX_CANDIDATES);
        }
        ends.sort_by_key(rank);
        let mut best: Option<(f64, FuzzyMatch)> = None;
        let mut closest: Option<f64> = None;
        let exact_rev: Vec<char> = exact.iter().rev().copied().collect();
        let total = W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION;
        for (end, k) in ends {
            // Candidates come with the fewest errors first; stop when none left can beat the best.
            let quote_bound = 1.0 - k as f64 / len as f64;
            let bound = (W_QUOTE * quote_bound + W_PREFIX + W_SUFFIX + W_POSITION) / total;
            if quote_bound < MIN_QUOTE_SIMILARITY || best.as_ref().is_some_and(|(b, _)| *b >= bound)
            {
                closest = Some(closest.map_or(quote_bound, |c: f64| c.max(quote_bound)));
                break;
            }
            let lo_start = end.saturating_sub(len + max_errors);
            let window_rev: Vec<char> = self.chars[lo_start..end].iter().rev().copied().collect();
            let costs = banded_prefix_alignment_costs(&exact_rev, &window_rev, max_errors);
            let Some(errors) = costs.iter().skip(1).copied().min() else {
                continue;
            };
            if errors > max_errors {
                continue;
            }
            // Among equally good starts, the one the recorded prefix fits best, then the one
            // giving a length closest to the quote's.
            let mut choice: Option<(f64, usize, usize)> = None;
            for (used, _) in costs
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, c)| **c == errors)
            {
                let pre = self.prefix_similarity(end - used, prefix);
                let better = choice.is_none_or(|(p, _, u)| {
                    pre > p || (pre == p && used.abs_diff(len) < u.abs_diff(len))
                });
                if better {
                    choice = Some((pre, end - used, used));
                }
            }
            let Some((pre, start, _)) = choice else {
                continue;
            };
            let quote = 1.0 - errors as f64 / len as f64;
            let suf = self.suffix_similarity(end, suffix);
            let pos = self.position_score(start, expected);
            let score =
                (W_QUOTE * quote + W_PREFIX * pre + W_SUFFIX * suf + W_POSITION * pos) / total;
            closest = Some(closest.map_or(quote, |c: f64| c.max(quote)));
            if quote < MIN_QUOTE_SIMILARITY || score < MIN_FUZZY_SCORE {
                continue;
            }
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, FuzzyMatch { start, end, errors }));
            }
        }
        match (best, closest) {
            (Some((_, m)), _) => Ok(m),
            (None, Some(c)) => Err(format!(
                "the text is not in the article (the closest text is only {:.0}% alike, or in another context)",
                c * 100.0
            )),
            (None, None) => Err("the text is not in the article".to_string()),
        }
    }

    /// Similarity of the text just before `start` to the recorded prefix (1 = same).
    fn prefix_similarity(&self, start: usize, prefix: &[char]) -> f64 {
        if prefix.is_empty() {
            return if start == 0 { 1.0 } else { 0.5 };
        }
        let lo = start.saturating_sub(prefix.len() + prefix.len() / 2);
        let before: Vec<char> = self.chars[lo..start].iter().rev().copied().collect();
        let pre_rev: Vec<char> = prefix.iter().rev().copied().collect();
        let (d, _) = best_prefix_alignment(&pre_rev, &before);
        1.0 - (d as f64 / prefix.len() as f64).min(1.0)
    }

    /// Similarity of the text just after `end` to the recorded suffix (1 = same).
    fn suffix_similarity(&self, end: usize, suffix: &[char]) -> f64 {
        if suffix.is_empty() {
            return if end == self.chars.len() { 1.0 } else { 0.5 };
        }
        let hi = (end + suffix.len() + suffix.len() / 2).min(self.chars.len());
        let (d, _) = best_prefix_alignment(suffix, &self.chars[end..hi]);
        1.0 - (d as f64 / suffix.len() as f64).min(1.0)
    }
}

/// An approximate match.
struct FuzzyMatch {
    start: usize,
    end: usize,
    errors: usize,
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

fn moved_reason(old: usize, new: usize) -> String {
    let d = new.abs_diff(old);
    let unit = if d == 1 { "character" } else { "characters" };
    if new > old {
        format!("text found {d} {unit} later")
    } else {
        format!("text found {d} {unit} earlier")
    }
}

/// How much of `context` (a recorded prefix) ends `before`, as a share of the context.
/// How much of a side of the note's old surroundings inside its paragraph is there now; none
/// when the note began (or ended) its paragraph, since a paragraph break says nothing.
fn within_paragraph(now: &[char], own: &[char], ratio: fn(&[char], &[char]) -> f64) -> f64 {
    if own.is_empty() { 0.0 } else { ratio(now, own) }
}

fn common_suffix_ratio(before: &[char], context: &[char]) -> f64 {
    if context.is_empty() {
        return if before.is_empty() { 1.0 } else { 0.5 };
    }
    let n = before
        .iter()
        .rev()
        .zip(context.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    n as f64 / context.len() as f64
}

/// How much of `context` (a recorded suffix) starts `after`, as a share of the context.
fn common_prefix_ratio(after: &[char], context: &[char]) -> f64 {
    if context.is_empty() {
        return if after.is_empty() { 1.0 } else { 0.5 };
    }
    let n = after
        .iter()
        .zip(context.iter())
        .take_while(|(a, b)| a == b)
        .count();
    n as f64 / context.len() as f64
}

/// For every length `j` of a prefix of `text` (index `j`), the fewest edits turning `pattern` into
/// that prefix, exact where that number is at most `band`; larger costs come out as some number
/// above `band`. Only cells within `band` of the diagonal can hold such costs, so only they are
/// computed: time grows with the pattern's length times the band, not with its square.
fn banded_prefix_alignment_costs<T: PartialEq>(
    pattern: &[T],
    text: &[T],
    band: usize,
) -> Vec<usize> {
    const FAR: usize = usize::MAX / 4;
    let m = pattern.len();
    // column[i] = cost of pattern[..i] against the text prefix of the previous length.
    let mut column: Vec<usize> = (0..=m).map(|i| if i <= band { i } else { FAR }).collect();
    let mut costs = Vec::with_capacity(text.len() + 1);
    costs.push(column[m]);
    for (j, t) in text.iter().enumerate() {
        let len = j + 1;
        let lo = len.saturating_sub(band);
        if lo > m {
            costs.push(FAR);
            continue;
        }
        let hi = (len + band).min(m);
        let (first, mut diag) = if lo == 0 {
            let diag = column[0];
            column[0] = len;
            (1, diag)
        } else {
            let diag = column[lo - 1];
            column[lo - 1] = FAR;
            (lo, diag)
        };
        for i in first..=hi {
            let up = column[i];
            let cost = usize::from(pattern[i - 1] != *t);
            column[i] = (diag + cost).min(up + 1).min(column[i - 1] + 1);
            diag = up;
        }
        costs.push(if hi == m { column[m] } else { FAR });
    }
    costs
}

/// The fewest edits turning `pattern` into some prefix of `text`, and that prefix's length
/// (among equally good ones, the one closest in length to the pattern). Plain dynamic programming, for short inputs.
fn best_prefix_alignment<T: PartialEq>(pattern: &[T], text: &[T]) -> (usize, usize) {
    let m = pattern.len();
    // column[i] = distance between pattern[..i] and text[..j] for the current j.
    let mut column: Vec<usize> = (0..=m).collect();
    let mut best = (column[m], 0usize);
    for (j, t) in text.iter().enumerate() {
        let mut diag = column[0];
        column[0] = j + 1;
        for i in 1..=m {
            let up = column[i];
            let cost = usize::from(pattern[i - 1] != *t);
            column[i] = (diag + cost).min(up + 1).min(column[i - 1] + 1);
            diag = up;
        }
        let closer = (j + 1).abs_diff(m) < best.1.abs_diff(m);
        if column[m] < best.0 || (column[m] == best.0 && closer) {
            best = (column[m], j + 1);
        }
    }
    best
}

/// Approximate search (Myers' bit-parallel algorithm, in 64-bit blocks for long patterns): every
/// end position in `text` (exclusive) where `pattern` matches with at most `max_errors` edits and
/// the error count there is a local minimum. Symbols are `0..alphabet`.
/// `None` when `deadline` passed first.
fn bit_parallel_search(
    pattern: &[u32],
    text: &[u32],
    alphabet: usize,
    max_errors: usize,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize)>> {
    let m = pattern.len();
    if m == 0 {
        return Some(Vec::new());
    }
    let blocks = m.div_ceil(64);
    let mut peq = vec![0u64; alphabet * blocks];
    for (i, &c) in pattern.iter().enumerate() {
        if let Some(w) = peq.get_mut(c as usize * blocks + i / 64) {
            *w |= 1u64 << (i % 64);
        }
    }
    if blocks == 1 {
        return bit_parallel_search_short(&peq, m, text, max_errors, deadline);
    }
    let last_bit = (m - 1) % 64;
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    let mut score = m;
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut prev_score = usize::MAX;
    for (j, &c) in text.iter().enumerate() {
        if j % 1024 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
            return None;
        }
        let mut hin: i32 = 0;
        let base = c as usize * blocks;
        for b in 0..blocks {
            let mut eq = peq.get(base + b).copied().unwrap_or(0);
            let p = pv[b];
            let mneg = mv[b];
            let xv = eq | mneg;
            if hin < 0 {
                eq |= 1;
            }
            let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
            let mut ph = mneg | !(xh | p);
            let mut mh = p & xh;
            let bit = if b + 1 == blocks { last_bit } else { 63 };
            let hout = ((ph >> bit) & 1) as i32 - ((mh >> bit) & 1) as i32;
            let carry_bit_out = ((ph >> 63) & 1) as i32 - ((mh >> 63) & 1) as i32;
            ph <<= 1;
            mh <<= 1;
            if hin < 0 {
                mh |= 1;
            } else if hin > 0 {
                ph |= 1;
            }
            pv[b] = mh | !(xv | ph);
            mv[b] = ph & xv;
            if b + 1 == blocks {
                score = (score as i64 + i64::from(hout)) as usize;
            }
            hin = carry_bit_out;
        }
        // Record the end of a run of falling scores (a local minimum) within the bound.
        if prev_score != usize::MAX && prev_score <= max_errors && score > prev_score {
            out.push((j, prev_score));
        }
        prev_score = score;
    }
    if prev_score <= max_errors {
        out.push((text.len(), prev_score));
    }
    Some(out)
}

/// [`bit_parallel_search`] for patterns of at most 64 symbols: one machine word per column.
fn bit_parallel_search_short(
    peq: &[u64],
    m: usize,
    text: &[u32],
    max_errors: usize,
    deadline: Option<Instant>,
) -> Option<Vec<(usize, usize)>> {
    let last = 1u64 << (m - 1);
    let mut pv = !0u64;
    let mut mv = 0u64;
    let mut score = m;
    let mut prev_score = usize::MAX;
    let mut out = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        if j % 65536 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
            return None;
        }
        let eq = peq.get(c as usize).copied().unwrap_or(0);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        let ph = ph << 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        if prev_score <= max_errors && score > prev_score {
            out.push((j, prev_score));
        }
        prev_score = score;
    }
    if prev_score <= max_errors {
        out.push((text.len(), prev_score));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_scores(p: &[u32], t: &[u32]) -> Vec<usize> {
        // D[m][j] for every j with a free start in the text.
        let m = p.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = vec![col[m]];
        for &c in t {
            let mut diag = col[0];
            col[0] = 0;
            for i in 1..=m {
                let up = col[i];
                col[i] = (diag + usize::from(p[i - 1] != c))
                    .min(up + 1)
                    .min(col[i - 1] + 1);
                diag = up;
            }
            out.push(col[m]);
        }
        out
    }

    #[test]
    fn bit_parallel_agrees_with_plain_dp_across_blocks() {
        let mut seed = 7u64;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for m in [1usize, 5, 63, 64, 65, 130] {
            let p: Vec<u32> = (0..m).map(|_| rnd() % 4).collect();
            let t: Vec<u32> = (0..300).map(|_| rnd() % 4).collect();
            let k = m / 2;
            let naive = naive_scores(&p, &t);
            let fast = bit_parallel_search(&p, &t, 4, k, None).unwrap();
            for (end, errors) in &fast {
                assert_eq!(naive[*end], *errors, "m={m} end={end}");
            }
            let best_naive = naive.iter().skip(1).min().copied().unwrap();
            if best_naive <= k {
                let best_fast = fast.iter().map(|x| x.1).min().unwrap();
                assert_eq!(best_fast, best_naive, "m={m}");
            }
        }
    }

    #[test]
    fn the_banded_costs_agree_with_the_full_table_within_the_band() {
        fn full(pattern: &[char], text: &[char]) -> Vec<usize> {
            let m = pattern.len();
            let mut column: Vec<usize> = (0..=m).collect();
            let mut costs = vec![column[m]];
            for (j, t) in text.iter().enumerate() {
                let mut diag = column[0];
                column[0] = j + 1;
                for i in 1..=m {
                    let up = column[i];
                    column[i] = (diag + usize::from(pattern[i - 1] != *t))
                        .min(up + 1)
                        .min(column[i - 1] + 1);
                    diag = up;
                }
                costs.push(column[m]);
            }
            costs
        }
        let pattern: Vec<char> = "the mission will be ready by next month".chars().collect();
        let text: Vec<char> = "the missions are ready, by next month or so"
            .chars()
            .collect();
        for band in [0usize, 1, 3, 8, 20, 60] {
            let banded = banded_prefix_alignment_costs(&pattern, &text, band);
            for (j, (b, f)) in banded.iter().zip(full(&pattern, &text)).enumerate() {
                if f <= band {
                    assert_eq!(*b, f, "band {band}, length {j}");
                } else {
                    assert!(*b > band, "band {band}, length {j}");
                }
            }
        }
    }

    #[test]
    fn a_spent_budget_orphans_what_is_not_at_its_place_and_says_why() {
        let text = "A first line.\nThe committee approved the budget on Tuesday.";
        let target = Target {
            start: 0,
            end: 44,
            exact: "The committee approves the budget on Tuesday".into(),
            prefix: String::new(),
            suffix: String::new(),
            ..Default::default()
        };
        let spent = Anchorer::with_budget(text, Some(Duration::ZERO)).anchor(&target, 0);
        assert_eq!(spent.status, AnchorStatus::Orphaned);
        assert!(spent.reason.contains("time limit"), "{}", spent.reason);
        let free = Anchorer::with_budget(text, None).anchor(&target, 0);
        assert_eq!(free.status, AnchorStatus::Fuzzy, "{}", free.reason);
    }

    #[test]
    fn prefix_alignment_finds_best_length() {
        let p: Vec<char> = "abcd".chars().collect();
        let t: Vec<char> = "abxcdzz".chars().collect();
        assert_eq!(best_prefix_alignment(&p, &t), (1, 5));
    }
}
