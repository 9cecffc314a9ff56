//! Numbers and what follows them: money ("$1.2 billion", "5 cents"), percentages, quantities
//! with units ("19km", "450 watt-hours per kilogram"), ages, times of day, years, ordinals
//! written in digits ("12th"), and plain counts.

use super::lexicon::UnitKind;
use super::numbers::Core;
use super::scanner::{Hit, Scanner};
use super::tokens::TokenKind;
use crate::analysis::FigureKind;

impl Scanner<'_, '_> {
    /// A figure that starts with a number, a sign or a currency at `i`.
    pub fn amount_at(&self, i: usize) -> Option<Hit> {
        let t = self.at(i)?;
        // "magnitude 6.8"
        if self.words.magnitude.contains(t.lower)
            && self.is_num(i + 1)
            && self.joined(i + 1).is_some()
            && let Some(c) = self.core(i + 1, false)
        {
            return Some(Hit::new(i, c.end, FigureKind::Quantity, Some(c.value)));
        }
        // A sign: "minus 20 degrees", "-3.2%".
        // "plus or minus 2.8 points" is a margin, not a negative number.
        let margin = i >= 2
            && self.before(i).is_some_and(|p| p.lower == "or")
            && self
                .at(i - 2)
                .is_some_and(|p| self.words.plus.contains(p.lower));
        let spelled_minus =
            self.words.minus.contains(t.lower) && self.joined(i + 1).is_some() && !margin;
        let sign_mark = matches!(t.text, "-" | "−" | "–")
            && (t.space_before || self.before(i).is_some_and(|p| p.text == "("))
            && self.glued(i + 1).is_some_and(|n| n.kind == TokenKind::Num);
        let neg = spelled_minus || sign_mark;
        let ns = if neg { i + 1 } else { i };
        // A currency before the number: "$5", "US$5", "KSh 2 billion".
        if let Some((factor, j)) = self.lex.currency_prefix.longest(self.toks, ns)
            && (ns + 1..j).all(|k| self.glued(k).is_some())
            && self.joined(j).is_some_and(|n| n.kind == TokenKind::Num)
            && !(self.at(ns).is_some_and(|p| p.kind == TokenKind::Word)
                && self.glued(j).is_none()
                && !self
                    .at(ns)
                    .is_some_and(|p| p.text.chars().any(char::is_uppercase)))
            && let Some(c) = self.core(j, true)
            && !self.road_like(ns, j, &c)
        {
            let sign = if neg { -1.0 } else { 1.0 };
            let mut h = Hit::new(i, c.end, FigureKind::Money, Some(sign * c.value * factor));
            h.base = c.base;
            h.scale = c.scale;
            return Some(h);
        }
        if self.is_num(ns) && self.in_name(ns) {
            return None;
        }
        // "24/7", "9/11" are codes, not amounts.
        if self.glued(ns + 1).is_some_and(|s| s.text == "/")
            && self.glued(ns + 2).is_some_and(|n| n.kind == TokenKind::Num)
            && self.year(ns).is_none()
        {
            return None;
        }
        let c = self.core(ns, false)?;
        let sign = if neg { -1.0 } else { 1.0 };
        let mut h = self.after_number(i, &c, sign)?;
        if h.kind == FigureKind::Cardinal && h.counted.is_none() && h.value.is_some() {
            h.counted = self.counted_noun(h.resume);
        }
        Some(h)
    }

    /// A one-letter currency written against a plain number ("R445") reads as a road code;
    /// it is money only with a scale ("R310m", "R9.4 billion").
    fn road_like(&self, ns: usize, j: usize, c: &Core) -> bool {
        // "R140,000" has a thousands separator no road number has.
        j == ns + 1
            && !self.at(j).is_some_and(|n| n.text.contains(','))
            && self.glued(j).is_some()
            && self
                .at(ns)
                .is_some_and(|p| p.kind == TokenKind::Word && p.text.chars().count() == 1)
            && c.scale == 1.0
    }

    /// Whether the number at `i` belongs to a name: "COVID-19", "Route 66", "No. 10".
    pub fn in_name(&self, i: usize) -> bool {
        let Some(t) = self.at(i) else { return false };
        if !t.space_before
            && let Some(p) = self.before(i)
            && p.is_hyphen()
            && !p.space_before
            && let Some(w) = i.checked_sub(2).and_then(|k| self.at(k))
            && matches!(w.kind, TokenKind::Word | TokenKind::Name)
            && !self.words.year_prefixes.contains(w.lower)
            && !self.words.period_edges.contains(w.lower)
            && self.lex.number_word(w).is_none()
        {
            return true;
        }
        if let Some(p) = self.before(i)
            && !t.break_before
        {
            let not_lower = p.text != p.lower;
            if p.kind == TokenKind::Word && not_lower && self.lex.name_heads.contains(p.lower) {
                return true;
            }
            // "FTSE 100", "MAX 8": a number after an acronym names something, unless it
            // counts what follows.
            if p.kind == TokenKind::Word
                && p.text.chars().count() > 1
                && p.text.chars().all(char::is_uppercase)
                && !self.counts_plural(i, i + 1)
            {
                return true;
            }
            if p.text == "."
                && i.checked_sub(2)
                    .and_then(|k| self.at(k))
                    .is_some_and(|w| w.is_capitalised() && self.lex.name_heads.contains(w.lower))
            {
                return true;
            }
            // "R445": a capital letter written against a number is a road or route code.
            if p.kind == TokenKind::Word
                && !t.space_before
                && p.text.chars().count() == 1
                && p.is_capitalised()
            {
                return true;
            }
            if matches!(p.text, "#" | "+") && !t.space_before {
                return true;
            }
            if p.kind == TokenKind::Name && !t.space_before {
                return true;
            }
        }
        self.street_number(i)
    }

    /// "10 Downing Street": a number before a capitalised street name.
    fn street_number(&self, i: usize) -> bool {
        for k in i + 1..i + 4 {
            let Some(t) = self.joined(k) else {
                return false;
            };
            if t.kind != TokenKind::Word || !t.is_capitalised() {
                return false;
            }
            if self.words.streets.contains(t.lower) {
                return k > i + 1;
            }
        }
        false
    }

    /// Classifies the number `c` (starting the span at `start`) by what follows it.
    fn after_number(&self, start: usize, c: &Core, sign: f64) -> Option<Hit> {
        let k = c.end;
        let value = sign * c.value;
        let mk = |end: usize, kind: FigureKind, v: Option<f64>| {
            let mut h = Hit::new(start, end, kind, v);
            h.base = sign * c.base;
            h.scale = c.scale;
            h
        };
        if !c.words {
            let next = self.glued(k);
            // "12th", "3rd"
            if let Some(n) = next
                && n.kind == TokenKind::Word
                && matches!(n.lower, "st" | "nd" | "rd" | "th")
            {
                return Some(mk(k + 1, FigureKind::Ordinal, Some(value)));
            }
            // "the 1990s", "the 90s"
            if let Some(n) = next
                && n.lower == "s"
                && c.scale == 1.0
            {
                if let Some(y) = self.year(c.start) {
                    return Some(Hit::date(start, k + 1, Some(format!("{y}"))));
                }
                if self.small_int(c.start, 2).is_some_and(|d| d % 10 == 0) {
                    return Some(Hit::date(start, k + 1, None));
                }
            }
            // "10:30", "6 p.m."
            if let Some(h) = self.time_of_day(start, c) {
                return Some(h);
            }
            // "2025-03-03", "2024-25", "3-1"
            if let Some(h) = self.hyphen_pair(start, c) {
                return Some(h);
            }
        }
        // "one" alone is not a figure ("one-year deal", "one of them"); "one percent" is.
        if c.lone_one
            && !self
                .lex
                .units
                .longest(self.toks, k)
                .is_some_and(|(u, _)| u == UnitKind::Percent)
        {
            return None;
        }
        // "71-year-old": the age is the number alone.
        if let Some(end) = self.age_suffix(k) {
            let mut h = mk(k, FigureKind::Cardinal, Some(value));
            h.resume = end;
            return Some(h);
        }
        // Units, written apart, against the number ("19km") or after a hyphen ("12-month").
        let unit_at = if self.glued(k).is_some_and(|t| t.is_hyphen())
            && self.glued(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
        {
            k + 1
        } else {
            k
        };
        if let Some(u) = self.joined(unit_at)
            && let Some((kind, mut end)) = self.lex.units.longest(self.toks, unit_at)
        {
            // A one-letter unit must touch the number ("19m", not "19 m").
            let single_letter = end == unit_at + 1
                && u.text.chars().count() == 1
                && u.text.chars().all(char::is_alphabetic);
            if !(self.is_time_marker(unit_at) || single_letter && u.space_before) {
                let kind = match kind {
                    UnitKind::Percent => FigureKind::Percent,
                    UnitKind::Quantity | UnitKind::Duration => FigureKind::Quantity,
                };
                if kind == FigureKind::Quantity {
                    end = self.per_unit(end);
                }
                return Some(mk(end, kind, Some(value)));
            }
        }
        // Money named after the number: "5 cents", "20 euros", "50p".
        if let Some((factor, end)) = self.lex.currency_suffix.longest(self.toks, k)
            && self.joined(k).is_some()
        {
            return Some(mk(end, FigureKind::Money, Some(value * factor)));
        }
        if !c.words
            && let Some(p) = self.glued(k)
            && p.text == "p"
            && self.glued(k + 1).is_none_or(|d| d.text != ".")
        {
            return Some(mk(k + 1, FigureKind::Money, Some(value * 0.01)));
        }
        // Letters written against the number that are no known suffix make it a code ("4K").
        if self.glued(k).is_some_and(|t| t.kind == TokenKind::Word) {
            return None;
        }
        // A four-digit number alone is a year unless it counts something: "in 2019", "2027 or
        // 2028", "whose 2021 book" are dates; "1500 soldiers" is a count.
        if c.year_like
            && sign > 0.0
            && (1800.0..=2100.0).contains(&c.value)
            && !self.counts_plural(c.start, k)
        {
            return Some(Hit::date(start, k, Some(format!("{}", c.value as u32))));
        }
        Some(mk(k, FigureKind::Cardinal, Some(value)))
    }

    /// Whether the tokens at `k` are "a.m."/"p.m."/"am"/"pm".
    fn is_time_marker(&self, k: usize) -> bool {
        let Some(t) = self.joined(k) else {
            return false;
        };
        if matches!(t.lower, "am" | "pm") {
            return true;
        }
        matches!(t.lower, "a" | "p")
            && self.glued(k + 1).is_some_and(|d| d.text == ".")
            && self.glued(k + 2).is_some_and(|m| m.lower == "m")
    }

    /// A time of day: "10:30", "6 p.m.", "4pm" (a date with no value).
    fn time_of_day(&self, start: usize, c: &Core) -> Option<Hit> {
        let mut k = c.end;
        let mut clock = false;
        if self.glued(k).is_some_and(|t| t.text == ":")
            && let Some(t) = self.glued(k + 1)
            && t.kind == TokenKind::Num
            && t.text.len() == 2
        {
            k += 2;
            clock = true;
        }
        if self.is_time_marker(k) {
            let t = self.at(k)?;
            let end = if t.text.len() == 2 {
                k + 1
            } else if self.glued(k + 3).is_some_and(|d| d.text == ".") {
                k + 4
            } else {
                k + 3
            };
            return Some(Hit::date(start, end, None));
        }
        clock.then(|| Hit::date(start, k, None))
    }

    /// Two numbers joined by a hyphen: an ISO date, a season ("2024-25"), or a score or tally
    /// ("3-1", one span valued by its first number).
    fn hyphen_pair(&self, start: usize, c: &Core) -> Option<Hit> {
        let k = c.end;
        let slash = self.glued(k).is_some_and(|t| t.text == "/");
        if c.scale != 1.0
            || !self
                .glued(k)
                .is_some_and(|t| t.is_hyphen() || t.text == "–" || t.text == "/")
        {
            return None;
        }
        let second = self.glued(k + 1).filter(|t| t.kind == TokenKind::Num)?;
        if slash {
            // "2008/09": a season or financial year.
            let y = self.year(c.start)?;
            return (second.text.len() == 2 || self.year(k + 1).is_some())
                .then(|| Hit::date(start, k + 2, Some(format!("{y}"))));
        }
        if let Some(y) = self.year(c.start) {
            if let Some(m) = self.small_int(k + 1, 2).filter(|m| (1..=12).contains(m))
                && second.text.len() == 2
                && self.glued(k + 2).is_some_and(|t| t.is_hyphen())
                && let Some(d) = self.glued(k + 3).and_then(|_| self.small_int(k + 3, 2))
                && (1..=31).contains(&d)
            {
                return Some(Hit::date(
                    start,
                    k + 4,
                    Some(format!("{y:04}-{m:02}-{d:02}")),
                ));
            }
            if second.text.len() == 2 || self.year(k + 1).is_some() {
                return Some(Hit::date(start, k + 2, Some(format!("{y}"))));
            }
        }
        let a = self.small_int(c.start, 2)?;
        let _b = self.small_int(k + 1, 2)?;
        // A unit after the second number makes it a range ("10-20 km"): two figures.
        if self.joined(k + 2).is_some_and(|t| {
            self.lex.units.longest(self.toks, k + 2).is_some() && t.kind != TokenKind::Num
        }) {
            return None;
        }
        Some(Hit::new(
            start,
            k + 2,
            FigureKind::Cardinal,
            Some(f64::from(a)),
        ))
    }

    /// "-year-old", "year-old", "years old" after an age: the index after it.
    fn age_suffix(&self, k: usize) -> Option<usize> {
        let mut j = k;
        if self.glued(j).is_some_and(|t| t.is_hyphen()) {
            j += 1;
        }
        let y = self.joined(j)?;
        if !self.words.age_years.contains(y.lower) {
            return None;
        }
        let old = &self.words.age_old;
        if self.glued(j + 1).is_some_and(|t| t.is_hyphen()) && self.word_in(j + 2, old) {
            return Some(j + 3);
        }
        if self.word_in(j + 1, old) {
            return Some(j + 2);
        }
        None
    }

    /// Extends a quantity over "per kilogram" or "/h": the new end.
    fn per_unit(&self, end: usize) -> usize {
        let Some(t) = self.joined(end) else {
            return end;
        };
        if (self.words.per.contains(t.lower) || (t.text == "/" && !t.space_before))
            && let Some((_, e)) = self.lex.units.longest(self.toks, end + 1)
            && self.joined(end + 1).is_some()
        {
            return e;
        }
        end
    }

    /// Whether the four-digit number at `i` (ending at `k`) counts a plural noun right after
    /// it ("1500 soldiers") and is not introduced as a date ("in 2019").
    pub fn counts_plural(&self, i: usize, k: usize) -> bool {
        if self
            .before(i)
            .is_some_and(|p| self.lex.date_cues.contains(p.lower))
        {
            return false;
        }
        self.joined(k).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.is_capitalised() && self.looks_plural(t.lower)
        })
    }
}
