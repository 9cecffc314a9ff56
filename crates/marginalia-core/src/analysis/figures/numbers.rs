//! Reading the number itself: digits ("600,000", "1.2") or words ("two dozen", "twenty-five",
//! "three hundred and forty"), with a following scale word ("1.2 million", "€450m").

use super::lexicon::NumClass;
use super::scanner::Scanner;
use super::tokens::TokenKind;

/// A number read over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Core {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value, scale applied.
    pub value: f64,
    /// The value before the scale word.
    pub base: f64,
    /// The scale word's multiplier, 1 when there is none.
    pub scale: f64,
    /// Whether it was spelled out.
    pub words: bool,
    /// Whether it is the single word "one" (not a figure on its own).
    pub lone_one: bool,
    /// Whether it is four digits with nothing after it that makes it an amount.
    pub year_like: bool,
}

impl Scanner<'_, '_> {
    /// The number starting at token `i`. `money` allows short scales ("m", "bn") after digits.
    pub fn core(&self, i: usize, money: bool) -> Option<Core> {
        let t = self.at(i)?;
        match t.kind {
            TokenKind::Num => {
                let base = self.num_value(i)?;
                let (scale, end) = self.scale_after(i + 1, money);
                Some(Core {
                    start: i,
                    end,
                    value: base * scale,
                    base,
                    scale,
                    words: false,
                    lone_one: false,
                    year_like: scale == 1.0 && self.year(i).is_some(),
                })
            }
            TokenKind::Word => self.spelled(i),
            _ => None,
        }
    }

    /// A scale word at `k` ("million"; "m", "bn" only when `money`): multiplier and the index
    /// after it, or 1 and `k`.
    fn scale_after(&self, k: usize, money: bool) -> (f64, usize) {
        // "a $232-billion budget": a hyphen before a spelled scale word.
        if self.glued(k).is_some_and(|h| h.is_hyphen())
            && let Some(t) = self.glued(k + 1)
            && t.kind == TokenKind::Word
            && let Some(&(mult, false)) = self.lex.scales.get(t.lower)
        {
            return (mult, k + 2);
        }
        if let Some(t) = self.joined(k)
            && t.kind == TokenKind::Word
            && let Some(&(mult, money_only)) = self.lex.scales.get(t.lower)
            && (money || !money_only)
        {
            // "m" written apart from the number is a unit or a word, not a scale.
            if money_only && t.space_before && t.text.len() == 1 {
                return (1.0, k);
            }
            return (mult, k + 1);
        }
        // "1.2m people", "5bn users": a short scale before a plural noun.
        if let Some(t) = self.glued(k)
            && t.kind == TokenKind::Word
            && !t.break_before
            && let Some(&(mult, true)) = self.lex.scales.get(t.lower)
            && self
                .joined(k + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && self.looks_plural(n.lower))
        {
            return (mult, k + 1);
        }
        (1.0, k)
    }

    /// A spelled-out number: "two", "twenty-five", "three hundred and forty", "two dozen",
    /// "a hundred", "1.5 million" is not handled here (digits are).
    fn spelled(&self, i: usize) -> Option<Core> {
        let lex = self.lex;
        let mut k = i;
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last: Option<NumClass> = None;
        let mut words = 0;
        let mut last_scale = 1.0;
        // "a hundred", "a dozen", "a million"
        if let Some(t) = self.at(i)
            && (t.lower == "a" || t.lower == "an")
            && let Some(n) = self.joined(i + 1)
            && matches!(
                lex.number_word(n),
                Some((_, NumClass::Hundred | NumClass::Scale | NumClass::Dozen))
            )
        {
            cur = 1.0;
            k = i + 1;
            last = Some(NumClass::Small);
        }
        while let Some(t) = if k == i { self.at(k) } else { self.joined(k) } {
            // "twenty-five"
            if t.is_hyphen()
                && last == Some(NumClass::Tens)
                && !t.space_before
                && let Some(n) = self.glued(k + 1)
                && matches!(lex.number_word(n), Some((v, NumClass::Small)) if v < 10.0)
            {
                k += 1;
                continue;
            }
            // "three hundred and forty"
            if self.words.number_joiners.contains(t.lower)
                && matches!(last, Some(NumClass::Hundred | NumClass::Scale))
                && let Some(n) = self.joined(k + 1)
                && matches!(
                    lex.number_word(n),
                    Some((_, NumClass::Small | NumClass::Tens))
                )
            {
                k += 1;
                continue;
            }
            let Some((v, class)) = lex.number_word(t) else {
                break;
            };
            match class {
                NumClass::Small => {
                    if matches!(last, Some(NumClass::Small)) {
                        break;
                    }
                    if last == Some(NumClass::Tens)
                        && (v >= 10.0 || self.before(k).is_some_and(|p| !p.is_hyphen()))
                    {
                        break;
                    }
                    cur += v;
                }
                NumClass::Tens => {
                    if matches!(last, Some(NumClass::Small | NumClass::Tens)) {
                        break;
                    }
                    cur += v;
                }
                NumClass::Hundred => {
                    if last.is_none() || matches!(last, Some(NumClass::Hundred)) {
                        break;
                    }
                    cur *= 100.0;
                }
                NumClass::Scale => {
                    if last.is_none() {
                        break;
                    }
                    last_scale = v;
                    total += cur * v;
                    cur = 0.0;
                }
                NumClass::Dozen => {
                    if last.is_none() {
                        break;
                    }
                    cur *= 12.0;
                }
            }
            last = Some(class);
            words += 1;
            k += 1;
        }
        if words == 0 || last.is_none() {
            return None;
        }
        // "two and a half"
        if let Some(n) = self.phrase_at(k, &self.words.and_a_half)
            && total == 0.0
        {
            cur += 0.5;
            k += n;
        }
        let value = total + cur;
        let lone_one = words == 1 && value == 1.0 && k == i + 1;
        Some(Core {
            start: i,
            end: k,
            value,
            base: if last_scale > 1.0 {
                value / last_scale
            } else {
                value
            },
            scale: last_scale,
            words: true,
            lone_one,
            year_like: false,
        })
    }
}
