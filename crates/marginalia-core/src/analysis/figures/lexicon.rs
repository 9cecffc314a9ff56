//! The word lists the figure grammar reads (units, currencies, number words, months…), parsed
//! once from the files in `assets/figures/` and shared by every analysis.

use crate::analysis::fast_hash::{HashMap, HashSet};
use crate::analysis::shapes::Shapes;
use std::sync::OnceLock;

use super::tokens::{Token, TokenKind, tokenize, tokenize_into};
use crate::analysis::knowledge::title_case;
use crate::analysis::text::lowered_copy;
use crate::analysis::words::words;
use strum::EnumString;

/// Class of a spelled-out number word (the third column of `number_words.txt`, named as the
/// variants are, in any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
pub enum NumClass {
    /// zero to nineteen.
    Small,
    /// twenty, thirty, … ninety.
    Tens,
    /// hundred.
    Hundred,
    /// thousand, million, billion, trillion.
    Scale,
    /// dozen.
    Dozen,
}

/// What a unit after a number makes of it (the second column of `units.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
pub enum UnitKind {
    /// "%", "percent", "per cent".
    Percent,
    /// A measure ("km", "tonnes", "basis points").
    Quantity,
    /// A span of time ("years", "months").
    Duration,
}

/// Whether a scale word counts anywhere or only after a currency ("$5m" but not "5m"): the
/// third column of `scales.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
enum ScaleUse {
    Any,
    Money,
}

/// Where a currency stands: the second column of `currencies.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
enum Side {
    Prefix,
    Suffix,
}

/// Whether a month's name is written in full or shortened: the third column of `months.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
enum MonthForm {
    Full,
    Abbr,
}

/// The two kinds of word of a relative date ("last" + "year"): the first column of
/// `relative_dates.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
enum RelativeWord {
    Modifier,
    Period,
}

/// The two lists of `counted_words.txt` (its first column): irregular plurals, and the words
/// that end the search for a counted noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString)]
#[strum(ascii_case_insensitive)]
enum CountedWord {
    Plural,
    Stop,
}

/// The tag in column `i` of a row, as one of the tags `T` names.
fn tag<T: std::str::FromStr>(row: &[&str], i: usize) -> Option<T> {
    row.get(i).and_then(|t| t.parse().ok())
}

/// Multi-token phrases indexed by their first token, longest first.
#[derive(Debug)]
pub struct Phrases<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_first: HashMap::default(),
        }
    }
}

impl<T: Copy> Phrases<T> {
    fn add(&mut self, phrase: &str, value: T) {
        let low = lowered_copy(phrase);
        let words: Vec<String> = tokenize(phrase, &low, &|_| false, &|_| false)
            .into_iter()
            .map(|t| t.lower.to_string())
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase starting at token `i`: its value and the index after it. Tokens after
    /// the first must not be separated from it by a line break.
    pub fn longest(&self, toks: &[Token<'_>], i: usize) -> Option<(T, usize)> {
        let first = toks.get(i)?;
        let list = self.by_first.get(first.lower)?;
        'phrases: for (words, value) in list {
            for (k, w) in words.iter().enumerate().skip(1) {
                match toks.get(i + k) {
                    Some(t) if !t.break_before && t.lower == w.as_str() => {}
                    _ => continue 'phrases,
                }
            }
            return Some((*value, i + words.len()));
        }
        None
    }
}

/// All word lists.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Spelled-out numbers.
    pub numbers: HashMap<String, (f64, NumClass)>,
    /// Scale words: multiplier, and whether they only count after a currency.
    pub scales: HashMap<String, (f64, bool)>,
    /// Ordinal words and their values.
    pub ordinals: HashMap<String, u32>,
    /// Fraction denominators ("third" 3, "quarters" 4).
    pub denominators: HashMap<String, u32>,
    /// Currencies written before the amount, with their factor.
    pub currency_prefix: Phrases<f64>,
    /// Currencies written after the amount, with their factor.
    pub currency_suffix: Phrases<f64>,
    /// Units after a number.
    pub units: Phrases<UnitKind>,
    /// Approximators kept in the span.
    pub approximators: Phrases<()>,
    /// Month names: number, and whether the form is an abbreviation.
    pub months: HashMap<String, (u32, bool)>,
    /// Full month names as written in text ("January"), in calendar order.
    pub month_names: Vec<String>,
    /// Weekday names.
    pub weekdays: HashSet<String>,
    /// "last", "next"…
    pub relative_modifiers: HashSet<String>,
    /// "year", "month"…
    pub relative_periods: HashSet<String>,
    /// Words that mark a following month or year as a date.
    pub date_cues: HashSet<String>,
    /// Capitalised words that make a following number part of a name.
    pub name_heads: HashSet<String>,
    /// Irregular plurals that can be a counted noun.
    pub plurals: HashSet<String>,
    /// Words that end the search for a counted noun.
    pub counted_stops: HashSet<String>,
    /// Every word or mark that can start a figure or an approximator.
    pub starters: HashSet<String>,
    /// The first letters and lengths of `starters`, so most words are ruled out without hashing.
    pub starter_shapes: Shapes,
}

/// The lines of a list file, without comments and blanks, split on `|` and trimmed.
fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or(0.0)
}

impl Lexicon {
    fn load() -> Self {
        let mut lex = Lexicon::default();
        for r in rows(include_str!(
            "../../../../../assets/figures/number_words.txt"
        )) {
            let class = tag(&r, 2).unwrap_or(NumClass::Small);
            lex.numbers
                .insert(r[0].to_string(), (num(r.get(1).unwrap_or(&"0")), class));
        }
        for r in rows(include_str!("../../../../../assets/figures/scales.txt")) {
            let money = tag(&r, 2) == Some(ScaleUse::Money);
            lex.scales
                .insert(r[0].to_string(), (num(r.get(1).unwrap_or(&"1")), money));
        }
        for r in rows(include_str!(
            "../../../../../assets/figures/ordinal_words.txt"
        )) {
            let v = r.get(1).and_then(|v| v.parse().ok()).unwrap_or(0);
            lex.ordinals.insert(r[0].to_string(), v);
        }
        for r in rows(include_str!(
            "../../../../../assets/figures/fraction_words.txt"
        )) {
            let v = r.get(1).and_then(|v| v.parse().ok()).unwrap_or(1);
            lex.denominators.insert(r[0].to_string(), v);
        }
        for r in rows(include_str!("../../../../../assets/figures/currencies.txt")) {
            let factor = num(r.get(2).unwrap_or(&"1"));
            match tag(&r, 1) {
                Some(Side::Suffix) => lex.currency_suffix.add(r[0], factor),
                _ => lex.currency_prefix.add(r[0], factor),
            }
        }
        for r in rows(include_str!("../../../../../assets/figures/units.txt")) {
            let kind = tag(&r, 1).unwrap_or(UnitKind::Quantity);
            lex.units.add(r[0], kind);
        }
        for r in rows(include_str!(
            "../../../../../assets/figures/approximators.txt"
        )) {
            lex.approximators.add(r[0], ());
        }
        for r in rows(include_str!("../../../../../assets/figures/months.txt")) {
            let v = r.get(1).and_then(|v| v.parse().ok()).unwrap_or(1);
            lex.months
                .insert(r[0].to_string(), (v, tag(&r, 2) == Some(MonthForm::Abbr)));
        }
        for r in rows(include_str!("../../../../../assets/figures/weekdays.txt")) {
            lex.weekdays.insert(r[0].to_string());
        }
        for r in rows(include_str!(
            "../../../../../assets/figures/relative_dates.txt"
        )) {
            if let [_, word] = r.as_slice() {
                match tag(&r, 0) {
                    Some(RelativeWord::Modifier) => lex.relative_modifiers.insert(word.to_string()),
                    _ => lex.relative_periods.insert(word.to_string()),
                };
            }
        }
        for r in rows(include_str!("../../../../../assets/figures/date_cues.txt")) {
            lex.date_cues.insert(r[0].to_string());
        }
        for r in rows(include_str!("../../../../../assets/figures/name_heads.txt")) {
            lex.name_heads.insert(r[0].to_string());
        }
        for r in rows(include_str!(
            "../../../../../assets/figures/counted_words.txt"
        )) {
            if let [_, word] = r.as_slice() {
                match tag(&r, 0) {
                    Some(CountedWord::Plural) => lex.plurals.insert(word.to_string()),
                    _ => lex.counted_stops.insert(word.to_string()),
                };
            }
        }
        lex.month_names = lex.full_month_names();
        lex.starters = lex.starter_words();
        lex.starter_shapes = Shapes::of(lex.starters.iter().map(String::as_str));
        lex
    }

    /// The full (not abbreviated) month names, capitalised, in calendar order.
    fn full_month_names(&self) -> Vec<String> {
        let mut full: Vec<(u32, &String)> = self
            .months
            .iter()
            .filter(|(_, (_, abbr))| !abbr)
            .map(|(name, (n, _))| (*n, name))
            .collect();
        full.sort();
        full.into_iter().map(|(_, name)| title_case(name)).collect()
    }

    /// Whether `w` is a full month name as written in text ("July", not "july" or "Jul").
    pub fn is_month_name(&self, w: &str) -> bool {
        self.month_names.iter().any(|m| m == w)
    }

    /// The capitalised full name of month `n` (1 to 12).
    pub fn month_name(&self, n: usize) -> Option<&str> {
        self.month_names.get(n.wrapping_sub(1)).map(String::as_str)
    }

    /// The words and marks a figure or an approximator can start with.
    fn starter_words(&self) -> HashSet<String> {
        let mut set: HashSet<String> = HashSet::default();
        set.extend(self.numbers.keys().cloned());
        set.extend(self.ordinals.keys().cloned());
        set.extend(self.denominators.keys().cloned());
        set.extend(self.months.keys().cloned());
        set.extend(self.weekdays.iter().cloned());
        set.extend(self.weekdays.iter().map(|w| format!("{w}s")));
        set.extend(self.relative_modifiers.iter().cloned());
        set.extend(self.currency_prefix.by_first.keys().cloned());
        set.extend(self.approximators.by_first.keys().cloned());
        // The figure grammar's own openers: "a third", "minus 20", "magnitude 6.8",
        // "mid-2024", "dozens of".
        let fw = &words().figure_words;
        for list in [
            &fw.starters,
            &fw.minus,
            &fw.magnitude,
            &fw.year_prefixes,
            &fw.vague_amounts,
        ] {
            set.extend(list.iter().map(str::to_string));
        }
        set
    }

    /// Whether letters written against a following number are a currency ("Sh2", "Rs500").
    /// Only one-word currencies count: the "a" of "A$" does not make "A40" an amount.
    pub fn is_currency_prefix(&self, lower: &str) -> bool {
        self.currency_prefix
            .by_first
            .get(lower)
            .is_some_and(|l| l.iter().any(|(w, _)| w.len() == 1))
    }

    /// Whether letters written right after a number are a suffix of it rather than a code:
    /// ordinal endings, a decade's "s", time of day, units, scales, pence.
    pub fn is_number_suffix(&self, s: &str) -> bool {
        let lower = s.to_lowercase();
        if matches!(
            lower.as_str(),
            "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "p"
        ) {
            return true;
        }
        // One upper-case letter ("5G", "3D") is a code, except temperatures.
        if s.chars().count() == 1 && s.chars().all(char::is_uppercase) {
            return matches!(s, "C" | "F" | "K" | "M" | "B");
        }
        self.scales.contains_key(&lower)
            || self
                .units
                .by_first
                .get(&lower)
                .is_some_and(|l| l.iter().any(|(w, _)| w.len() == 1))
            || self
                .currency_suffix
                .by_first
                .get(&lower)
                .is_some_and(|l| l.iter().any(|(w, _)| w.len() == 1))
    }

    /// Tokenizes `text` with this lexicon's prefix and suffix rules, appending to `out`;
    /// `lowered` is [`lowered_copy`] of `text`.
    pub fn tokenize_into<'a>(&self, text: &'a str, lowered: &'a str, out: &mut Vec<Token<'a>>) {
        let from = out.len();
        tokenize_into(
            text,
            lowered,
            &|p| self.is_currency_prefix(p),
            &|s| self.is_number_suffix(s),
            out,
        );
        for t in &mut out[from..] {
            t.starter = t.kind == TokenKind::Num
                || self.starter_shapes.may_hold(t.lower) && self.starters.contains(t.lower);
        }
    }

    /// The spelled-out number word at a token.
    pub fn number_word(&self, t: &Token<'_>) -> Option<(f64, NumClass)> {
        if t.kind != TokenKind::Word {
            return None;
        }
        self.numbers.get(t.lower).copied()
    }
}

/// The shared lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}
