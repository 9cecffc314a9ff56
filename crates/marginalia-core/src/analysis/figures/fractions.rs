//! Fractions ("half", "a third of", "two-thirds", "one in five"), ordinals written as words
//! ("third", "twenty-first") and vague amounts ("tens of thousands", "dozens of").

use super::lexicon::NumClass;
use super::scanner::{Hit, Scanner};
use super::tokens::TokenKind;
use crate::analysis::FigureKind;

impl Scanner<'_, '_> {
    /// A fraction starting at `i`. `approximated` says an approximator precedes it.
    pub fn fraction_at(&self, i: usize, approximated: bool) -> Option<Hit> {
        let t = self.at(i)?;
        if self.words.half.contains(t.lower) {
            return self.half(i, approximated);
        }
        self.spelled_fraction(i, approximated)
            .or_else(|| self.one_in(i))
            .or_else(|| self.slashed(i))
    }

    /// "1/3", "3/4": a small fraction written with a slash (not "24/7" or "9/11").
    pub fn slashed(&self, i: usize) -> Option<Hit> {
        let a = self.small_int(i, 1)?;
        if self.glued(i + 1).is_none_or(|s| s.text != "/") || self.glued(i + 2).is_none() {
            return None;
        }
        let b = self.small_int(i + 2, 2)?;
        if a == 0 || a >= b || b > 10 || self.glued(i + 3).is_some_and(|s| s.text == "/") {
            return None;
        }
        Some(Hit::new(
            i,
            i + 3,
            FigureKind::Fraction,
            Some(f64::from(a) / f64::from(b)),
        ))
    }

    /// "half of", "nearly half", but not "half-time" or "the first half".
    fn half(&self, i: usize, approximated: bool) -> Option<Hit> {
        // "half a million" is a count.
        if self.word_is(i + 1, "a")
            && let Some(n) = self.joined(i + 2)
            && let Some((v, NumClass::Scale | NumClass::Hundred | NumClass::Dozen)) =
                self.lex.number_word(n)
        {
            let mut h = Hit::new(i, i + 3, FigureKind::Cardinal, Some(v / 2.0));
            h.counted = self.counted_noun(i + 3);
            return Some(h);
        }
        if self.glued(i + 1).is_some_and(|t| t.is_hyphen()) {
            return None;
        }
        if self.before(i).is_some_and(|p| {
            self.lex.ordinals.contains_key(p.lower) || self.words.not_before_half.contains(p.lower)
        }) {
            return None;
        }
        let follows = self.word_in(i + 1, &self.words.half_followers)
            || self.before(i).is_some_and(|p| p.lower == "by");
        (approximated || follows).then(|| Hit::new(i, i + 1, FigureKind::Fraction, Some(0.5)))
    }

    /// "a third of", "one-third", "two-thirds", "three quarters".
    fn spelled_fraction(&self, i: usize, approximated: bool) -> Option<Hit> {
        let t = self.at(i)?;
        let article = matches!(t.lower, "a" | "an");
        let numerator = if article {
            1.0
        } else {
            match self.lex.number_word(t) {
                Some((v, NumClass::Small | NumClass::Tens)) if v >= 1.0 => v,
                _ => return None,
            }
        };
        let mut k = i + 1;
        if self.glued(k).is_some_and(|h| h.is_hyphen()) {
            k += 1;
        }
        let d = self.joined(k).filter(|d| d.kind == TokenKind::Word)?;
        let den = *self.lex.denominators.get(d.lower)?;
        // "quarter-final", "third-party" are not fractions.
        if self.glued(k + 1).is_some_and(|h| h.is_hyphen()) {
            return None;
        }
        if den == 2 && article {
            return None;
        }
        let plural = d.lower.ends_with('s');
        if numerator > 1.0 && !plural {
            return None;
        }
        // "a third term" is an ordinal; "a third of", "a quarter", "cut by a third.", "about a
        // third" are fractions.
        let fraction_context = approximated
            || self.word_is(k + 1, "of")
            || self
                .joined(k + 1)
                .is_none_or(|n| n.kind == TokenKind::Punct && !n.is_hyphen())
            || self
                .before(i)
                .is_some_and(|p| self.words.fraction_lead.contains(p.lower));
        if article && den != 4 && !fraction_context {
            return None;
        }
        if numerator > f64::from(den) {
            return None;
        }
        Some(Hit::new(
            i,
            k + 1,
            FigureKind::Fraction,
            Some(numerator / f64::from(den)),
        ))
    }

    /// "one in five", "1 in 10", "nine out of ten".
    fn one_in(&self, i: usize) -> Option<Hit> {
        let a = self.core(i, false)?;
        if a.scale != 1.0 || a.value.fract() != 0.0 || a.value < 1.0 {
            return None;
        }
        let mut k = a.end;
        // "one-in-five"
        let hyphens = self.glued(k).is_some_and(|h| h.is_hyphen());
        if hyphens {
            k += 1;
        }
        k += self.phrase_at(k, &self.words.ratio_links)?;
        if hyphens {
            if !self.glued(k).is_some_and(|h| h.is_hyphen()) {
                return None;
            }
            k += 1;
        }
        // "one in every four dollars".
        if !hyphens && self.word_in(k, &self.words.ratio_every) {
            k += 1;
        }
        self.joined(k)?;
        let b = self.core(k, false)?;
        if b.scale != 1.0 || b.value.fract() != 0.0 || b.value <= a.value || b.value > 1000.0 {
            return None;
        }
        if a.words != b.words && !a.words {
            return None;
        }
        Some(Hit::new(
            i,
            b.end,
            FigureKind::Fraction,
            Some(a.value / b.value),
        ))
    }

    /// An ordinal word: "third", "sixth", "twenty-first"; not "first" alone (too often not a
    /// count), not "second" as a unit of time.
    pub fn ordinal_at(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        if let Some((tens, NumClass::Tens)) = self.lex.number_word(t)
            && self.glued(i + 1).is_some_and(|h| h.is_hyphen())
            && let Some(o) = self.glued(i + 2)
            && let Some(&v) = self.lex.ordinals.get(o.lower)
            && v < 10
        {
            return Some(Hit::new(
                i,
                i + 3,
                FigureKind::Ordinal,
                Some(tens + f64::from(v)),
            ));
        }
        let &v = self.lex.ordinals.get(t.lower)?;
        if v == 1 {
            return None;
        }
        if v == 2 {
            // "a second." "per second", "seconds later" are time, not rank.
            let next_is_mark = self
                .joined(i + 1)
                .is_none_or(|n| n.kind == TokenKind::Punct && !n.is_hyphen());
            let unit_use = self
                .before(i)
                .is_some_and(|p| self.words.time_unit_before.contains(p.lower))
                || self
                    .joined(i + 1)
                    .is_some_and(|n| self.words.time_unit_after.contains(n.lower));
            if next_is_mark || unit_use {
                return None;
            }
        }
        Some(Hit::new(i, i + 1, FigureKind::Ordinal, Some(f64::from(v))))
    }

    /// Whether the spelled number at `i` is part of a name: "World War Two", "Channel Four".
    pub fn spelled_in_name(&self, i: usize) -> bool {
        let Some(t) = self.at(i) else { return false };
        t.kind == TokenKind::Word
            && t.is_capitalised()
            && !t.break_before
            && self.lex.number_word(t).is_some()
            && self.before(i).is_some_and(|p| {
                p.kind == TokenKind::Word
                    && p.is_capitalised()
                    && self.lex.name_heads.contains(p.lower)
            })
    }

    /// "tens of thousands", "dozens of", "hundreds of millions of" (no value).
    pub fn vague_at(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        let of_follows = self.joined(i + 1).is_some_and(|o| o.text == "of");
        if !self.words.vague_amounts.contains(t.lower) || !of_follows {
            return None;
        }
        let mut end = i + 1;
        if self.word_in(i + 2, &self.words.vague_scales) {
            end = i + 3;
        }
        Some(Hit::new(i, end, FigureKind::Cardinal, None))
    }
}
