//! The token cursor every figure rule reads from, and the partial match ([`Hit`]) the rules
//! return.

use super::lexicon::Lexicon;
use super::tokens::{Token, TokenKind};
use crate::analysis::words::{FigureWords, Phrases, WordSet};
use crate::analysis::{FigureKind, FigureValue};

/// A figure found over tokens `start..end` (end exclusive); scanning resumes at `resume`.
#[derive(Debug, Clone)]
pub struct Hit {
    /// First token of the span.
    pub start: usize,
    /// One past the last token of the span.
    pub end: usize,
    /// Where scanning continues (at or after `end`).
    pub resume: usize,
    /// What sort of figure.
    pub kind: FigureKind,
    /// Its value.
    pub value: Option<FigureValue>,
    /// Whether an approximator qualifies it.
    pub approximate: bool,
    /// The counted noun.
    pub counted: Option<String>,
    /// The number before a scale word ("1.2" in "1.2 million").
    pub base: f64,
    /// The scale word's multiplier (1 when there is none).
    pub scale: f64,
}

impl Hit {
    /// A hit over `start..end` with a numeric value or none.
    pub fn new(start: usize, end: usize, kind: FigureKind, value: Option<f64>) -> Self {
        Hit {
            start,
            end,
            resume: end,
            kind,
            value: value.map(FigureValue::Number),
            approximate: false,
            counted: None,
            base: value.unwrap_or(0.0),
            scale: 1.0,
        }
    }

    /// A date hit with an ISO prefix value or none.
    pub fn date(start: usize, end: usize, iso: Option<String>) -> Self {
        Hit {
            value: iso.map(FigureValue::Date),
            ..Hit::new(start, end, FigureKind::Date, None)
        }
    }

    /// The numeric value, if there is one.
    pub fn number(&self) -> Option<f64> {
        match self.value {
            Some(FigureValue::Number(n)) => Some(n),
            _ => None,
        }
    }
}

/// Read access to the tokens and the word lists.
pub struct Scanner<'s, 'a> {
    /// The tokens of the text.
    pub toks: &'s [Token<'a>],
    /// The word lists.
    pub lex: &'static Lexicon,
    /// The words of the figure grammar ("half", "per", "out of").
    pub words: &'static FigureWords,
}

impl<'a> Scanner<'_, 'a> {
    /// The token at `i`.
    pub fn at(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i)
    }

    /// The token at `i` when it is on the same line as the one before it.
    pub fn joined(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i).filter(|t| !t.break_before)
    }

    /// The token at `i` when nothing separates it from the one before it.
    pub fn glued(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i).filter(|t| !t.space_before)
    }

    /// The token before `i`.
    pub fn before(&self, i: usize) -> Option<&Token<'a>> {
        i.checked_sub(1).and_then(|p| self.toks.get(p))
    }

    /// Whether the token at `i` is on the same line and is `word` (lower case).
    pub fn word_is(&self, i: usize, word: &str) -> bool {
        self.joined(i).is_some_and(|t| t.lower == word)
    }

    /// Whether the token at `i` is on the same line and, in lower case, one of `words`.
    pub fn word_in(&self, i: usize, words: &WordSet) -> bool {
        self.joined(i).is_some_and(|t| words.contains(t.lower))
    }

    /// How many tokens from `i` on, each on the same line, spell the longest of `phrases`
    /// (compared in lower case).
    pub fn phrase_at(&self, i: usize, phrases: &Phrases) -> Option<usize> {
        phrases.longest_at(|k| self.joined(i + k).map(|t| t.lower))
    }

    /// Whether the token at `i` is a plain number (digits, maybe commas and a decimal point).
    pub fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Num)
    }

    /// The value of the number token at `i`.
    pub fn num_value(&self, i: usize) -> Option<f64> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Num)?;
        // "2¼": the whole number and its vulgar fraction.
        let (digits, fraction) = match t.text.chars().next_back() {
            Some(c) if !c.is_ascii_digit() => (
                &t.text[..t.text.len() - c.len_utf8()],
                super::tokens::vulgar_fraction(c)?,
            ),
            _ => (t.text, 0.0),
        };
        let whole: f64 = if digits.contains(',') {
            digits.replace(',', "").parse().ok()?
        } else {
            digits.parse().ok()?
        };
        Some(whole + fraction)
    }

    /// The number at `i` when it is a whole number of at most `digits` digits.
    pub fn small_int(&self, i: usize, digits: usize) -> Option<u32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Num)?;
        if t.text.len() > digits || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.text.parse().ok()
    }

    /// The four-digit year at `i`, if the token is one (1000–2999, no commas).
    pub fn year(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Num)?;
        if t.text.len() != 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.text.parse().ok().filter(|y| (1000..3000).contains(y))
    }

    /// The month named at `i` (capitalised, full name or abbreviation): number and whether
    /// it is an abbreviation, and the index after it (past an abbreviation's full stop).
    pub fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Word)?;
        if !t.is_capitalised() {
            return None;
        }
        let (m, abbr) = *self.lex.months.get(t.lower)?;
        let mut next = i + 1;
        if abbr && self.glued(next).is_some_and(|t| t.text == ".") {
            next += 1;
        }
        Some((m, abbr, next))
    }
}
