//! Dates: absolute ones with an ISO prefix value ("June 2024" → "2024-06", "3 March 2025",
//! "March 3, 2025", "mid-2024"), and ones with no value (a month or day without a year,
//! weekdays, "last year").

use super::scanner::{Hit, Scanner};
use super::tokens::TokenKind;

impl Scanner<'_, '_> {
    /// A date starting at token `i`.
    pub fn date_at(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        match t.kind {
            TokenKind::Num => self.day_first(i),
            TokenKind::Word => self
                .month_first(i)
                .or_else(|| self.weekday(i))
                .or_else(|| self.relative(i))
                .or_else(|| self.prefixed_year(i)),
            _ => None,
        }
    }

    /// "June 2024", "March 3, 2025", "Sept. 17", "in April".
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, abbr, k) = self.month(i)?;
        if self.joined(k).is_some()
            && let Some(d) = self.small_int(k, 2).filter(|d| (1..=31).contains(d))
        {
            let mut j = k + 1;
            if self
                .glued(j)
                .is_some_and(|t| matches!(t.lower, "st" | "nd" | "rd" | "th"))
            {
                j += 1;
            }
            let mut y_at = j;
            if self.glued(y_at).is_some_and(|t| t.text == ",") {
                y_at += 1;
            }
            if self.joined(y_at).is_some()
                && let Some(y) = self.year(y_at)
            {
                return Some(Hit::date(
                    i,
                    y_at + 1,
                    Some(format!("{y:04}-{m:02}-{d:02}")),
                ));
            }
            return Some(Hit::date(i, j, None));
        }
        let mut y_at = k;
        if self.glued(y_at).is_some_and(|t| t.text == ",") {
            y_at += 1;
        }
        if self.joined(y_at).is_some()
            && let Some(y) = self.year(y_at)
        {
            return Some(Hit::date(i, y_at + 1, Some(format!("{y:04}-{m:02}"))));
        }
        if abbr {
            return None;
        }
        // A month alone counts after a word that introduces a date ("in April", "mid-May").
        let p = self.before(i)?;
        let cue = if p.is_hyphen() && !p.space_before {
            i.checked_sub(2).and_then(|k| self.at(k))?
        } else {
            p
        };
        (self.lex.date_cues.contains(cue.lower) && !self.at(i)?.break_before)
            .then(|| Hit::date(i, k, None))
    }

    /// "3 March 2025", "14 May", "3rd of June 2024".
    fn day_first(&self, i: usize) -> Option<Hit> {
        let d = self.small_int(i, 2).filter(|d| (1..=31).contains(d))?;
        let mut k = i + 1;
        if self
            .glued(k)
            .is_some_and(|t| matches!(t.lower, "st" | "nd" | "rd" | "th"))
        {
            k += 1;
            if self.word_is(k, "of") {
                k += 1;
            }
        }
        self.joined(k)?;
        let (m, _, j) = self.month(k)?;
        if self.joined(j).is_some()
            && let Some(y) = self.year(j)
        {
            return Some(Hit::date(i, j + 1, Some(format!("{y:04}-{m:02}-{d:02}"))));
        }
        Some(Hit::date(i, j, None))
    }

    /// "Wednesday", "on Mondays" (no value).
    fn weekday(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        if !t.is_capitalised() {
            return None;
        }
        let w = t.lower;
        let stem = w.strip_suffix('s').unwrap_or(w);
        (self.lex.weekdays.contains(w) || self.lex.weekdays.contains(stem))
            .then(|| Hit::date(i, i + 1, None))
    }

    /// "last year", "next month" (no value).
    fn relative(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        if !self.lex.relative_modifiers.contains(t.lower) {
            return None;
        }
        let p = self.joined(i + 1)?;
        self.lex
            .relative_periods
            .contains(p.lower)
            .then(|| Hit::date(i, i + 2, None))
    }

    /// "mid-2024", "pre-2020": the year.
    fn prefixed_year(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        if !self.words.year_prefixes.contains(t.lower) {
            return None;
        }
        if !self.glued(i + 1).is_some_and(|h| h.is_hyphen()) || self.glued(i + 2).is_none() {
            return None;
        }
        let y = self.year(i + 2)?;
        Some(Hit::date(i, i + 3, Some(format!("{y}"))))
    }
}
