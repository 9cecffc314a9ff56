//! Splits text into the small tokens the figure grammar reads: words, numbers, names that
//! contain digits ("G7", "E195") and single punctuation marks, each with its code-point span.
//!
//! One pass over the text; numbers keep their thousands commas and decimal point ("600,000",
//! "1.2"), and a number written against a unit or suffix ("19km", "12th", "€450m") is split so
//! the grammar sees the number and the suffix as two tokens with no space between them.

/// What sort of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters only.
    Word,
    /// Digits, with thousands commas and a decimal point.
    Num,
    /// Letters and digits mixed, as in names and codes ("G7", "E195", "COVID19").
    Name,
    /// One character that is neither a letter nor a digit nor white space.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// What sort of token.
    pub kind: TokenKind,
    /// The token as written.
    pub text: &'a str,
    /// The token in lower case (a slice of the text's lower-case copy).
    pub lower: &'a str,
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset one past the last byte.
    pub byte_end: usize,
    /// Code-point offset of the first char.
    pub start: usize,
    /// Code-point offset one past the last char.
    pub end: usize,
    /// Whether white space separates it from the previous token.
    pub space_before: bool,
    /// Whether a line break separates it from the previous token.
    pub break_before: bool,
    /// Whether a figure or an approximator can start here (set by the lexicon; numbers always).
    pub starter: bool,
}

impl Token<'_> {
    /// Whether the token is this word or mark, ignoring case.
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is a hyphen or a dash of any kind.
    pub fn is_dash(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "-" | "‐" | "‑" | "–" | "—" | "−")
    }

    /// Whether the token is a hyphen (not a spaced dash).
    pub fn is_hyphen(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "-" | "‐" | "‑")
    }
}

/// The value of a vulgar fraction character ("¼" is 0.25), which a number may end in ("2¼").
pub fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '¼' => 0.25,
        '½' => 0.5,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// The char starting at byte `i`, read without decoding when it is ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Splits `text` into tokens; `lowered` is
/// [`lowered_copy`](crate::analysis::text::lowered_copy) of it. `split_prefix` says whether
/// letters written against a following
/// number are a prefix of it ("Sh2 billion") rather than part of a code ("G7").
/// `split_suffix` says whether letters written after a number are a suffix ("km", "th").
pub fn tokenize<'a>(
    text: &'a str,
    lowered: &'a str,
    split_prefix: &dyn Fn(&str) -> bool,
    split_suffix: &dyn Fn(&str) -> bool,
) -> Vec<Token<'a>> {
    // News runs to about one token per four bytes; room for more saves copying on growth.
    let mut out = Vec::with_capacity(text.len() / 3);
    tokenize_into(text, lowered, split_prefix, split_suffix, &mut out);
    out
}

/// [`tokenize`], appending to `out`: a caller that reads a long text a block at a time reuses
/// one buffer, which stays in the cache.
pub fn tokenize_into<'a>(
    text: &'a str,
    lowered: &'a str,
    split_prefix: &dyn Fn(&str) -> bool,
    split_suffix: &dyn Fn(&str) -> bool,
    out: &mut Vec<Token<'a>>,
) {
    // Slices of `lowered` share `text`'s char boundaries; a caller's mismatched copy falls back
    // to the text as written rather than panicking.
    let lowered = if lowered.len() == text.len() {
        lowered
    } else {
        text
    };
    let low = |bs: usize, be: usize| lowered.get(bs..be).unwrap_or(&text[bs..be]);
    let mut char_pos = 0usize;
    let mut space = true;
    let mut brk = true;
    let mut next = 0;
    while let Some(c) = char_at(text, next) {
        let b = next;
        next = b + c.len_utf8();
        if c.is_whitespace() {
            space = true;
            brk |= c == '\n';
            char_pos += 1;
            continue;
        }
        if !(c.is_alphabetic() || c.is_ascii_digit()) {
            let e = b + c.len_utf8();
            out.push(Token {
                kind: TokenKind::Punct,
                text: &text[b..e],
                lower: low(b, e),
                byte_start: b,
                byte_end: e,
                start: char_pos,
                end: char_pos + 1,
                space_before: space,
                break_before: brk,
                starter: true,
            });
            char_pos += 1;
            space = false;
            brk = false;
            continue;
        }
        // A plain ASCII word followed by neither a letter nor a digit (most words): one token,
        // without the segment bookkeeping below.
        if c.is_ascii_alphabetic() {
            let bytes = text.as_bytes();
            let mut e = next;
            while bytes.get(e).is_some_and(u8::is_ascii_alphabetic) {
                e += 1;
            }
            if bytes
                .get(e)
                .is_none_or(|&n| n.is_ascii() && !n.is_ascii_digit())
            {
                let end_char = char_pos + (e - b);
                out.push(Token {
                    kind: TokenKind::Word,
                    text: &text[b..e],
                    lower: low(b, e),
                    byte_start: b,
                    byte_end: e,
                    start: char_pos,
                    end: end_char,
                    space_before: space,
                    break_before: brk,
                    starter: true,
                });
                char_pos = end_char;
                next = e;
                space = false;
                brk = false;
                continue;
            }
        }
        // An alphanumeric run; '.' and ',' join digits ("1.2", "600,000").
        let start_char = char_pos;
        let mut e = b + c.len_utf8();
        let mut prev = c;
        char_pos += 1;
        // (byte offset, char offset, is_digit) where each letter/digit segment starts
        // Letter/digit segments: how many, whether the first is digits, where the second starts.
        let first_digit = c.is_ascii_digit();
        let mut seg_count = 1;
        let mut second = (b, start_char);
        let mut third = (b, start_char);
        while let Some(nc) = char_at(text, e) {
            let nb = e;
            if nc.is_alphabetic() || nc.is_ascii_digit() {
                let digit = nc.is_ascii_digit();
                if digit != prev.is_ascii_digit() {
                    seg_count += 1;
                    if seg_count == 2 {
                        second = (nb, char_pos);
                    } else if seg_count == 3 {
                        third = (nb, char_pos);
                    }
                }
                e = nb + nc.len_utf8();
                prev = nc;
                char_pos += 1;
                continue;
            }
            // "2¼ per cent": a vulgar fraction ends the number it follows.
            if prev.is_ascii_digit() && vulgar_fraction(nc).is_some() {
                e = nb + nc.len_utf8();
                char_pos += 1;
                break;
            }
            if (nc == '.' || nc == ',') && prev.is_ascii_digit() {
                let rest = &text[nb + 1..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let ok = if nc == ',' {
                    digits == 3
                        && !rest[3..].starts_with(|ch: char| ch.is_ascii_digit())
                        && !text[b..nb].contains('.')
                } else {
                    digits > 0 && !text[b..nb].contains('.')
                };
                if ok {
                    e = nb + 1;
                    char_pos += 1;
                    continue;
                }
            }
            break;
        }
        next = e;
        let push = |out: &mut Vec<Token<'a>>, kind, bs: usize, be: usize, cs, ce, sp, br| {
            let t = &text[bs..be];
            out.push(Token {
                kind,
                text: t,
                lower: low(bs, be),
                byte_start: bs,
                byte_end: be,
                start: cs,
                end: ce,
                space_before: sp,
                break_before: br,
                starter: true,
            });
        };
        let end_char = char_pos;
        let (sb, sc) = second;
        let (tb, tc) = third;
        match (seg_count, first_digit) {
            (1, false) => push(out, TokenKind::Word, b, e, start_char, end_char, space, brk),
            (1, true) => push(out, TokenKind::Num, b, e, start_char, end_char, space, brk),
            (2, true) if split_suffix(&text[sb..e]) => {
                push(out, TokenKind::Num, b, sb, start_char, sc, space, brk);
                push(out, TokenKind::Word, sb, e, sc, end_char, false, false);
            }
            (2, false) if split_prefix(low(b, sb)) => {
                push(out, TokenKind::Word, b, sb, start_char, sc, space, brk);
                push(out, TokenKind::Num, sb, e, sc, end_char, false, false);
            }
            // "KSh48.7bn", "R310m": currency, number and scale written as one word.
            (3, false) if split_prefix(low(b, sb)) && split_suffix(&text[tb..e]) => {
                push(out, TokenKind::Word, b, sb, start_char, sc, space, brk);
                push(out, TokenKind::Num, sb, tb, sc, tc, false, false);
                push(out, TokenKind::Word, tb, e, tc, end_char, false, false);
            }
            _ => push(out, TokenKind::Name, b, e, start_char, end_char, space, brk),
        }
        space = false;
        brk = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::lowered_copy;

    fn kinds(text: &str) -> Vec<(TokenKind, String)> {
        let low = lowered_copy(text);
        tokenize(text, &low, &|p| p == "sh", &|s| {
            matches!(s, "km" | "th" | "m")
        })
        .into_iter()
        .map(|t| (t.kind, t.text.to_string()))
        .collect()
    }

    #[test]
    fn numbers_keep_commas_and_decimals_but_not_sentence_ends() {
        let k = kinds("600,000 people, 1.2 million in 2027.");
        assert_eq!(k[0], (TokenKind::Num, "600,000".into()));
        assert_eq!(k[3], (TokenKind::Num, "1.2".into()));
        assert_eq!(k[6], (TokenKind::Num, "2027".into()));
        assert_eq!(k[7], (TokenKind::Punct, ".".into()));
    }

    #[test]
    fn suffixes_split_and_codes_stay_whole() {
        let k = kinds("19km 12th G7 Sh2 E195");
        assert_eq!(k[0], (TokenKind::Num, "19".into()));
        assert_eq!(k[1], (TokenKind::Word, "km".into()));
        assert_eq!(k[3], (TokenKind::Word, "th".into()));
        assert_eq!(k[4], (TokenKind::Name, "G7".into()));
        assert_eq!(k[5], (TokenKind::Word, "Sh".into()));
        assert_eq!(k[6], (TokenKind::Num, "2".into()));
        assert_eq!(k[7], (TokenKind::Name, "E195".into()));
    }

    #[test]
    fn currency_number_and_scale_in_one_word_split_in_three() {
        let k = kinds("Sh48.7m G7th");
        assert_eq!(k[0], (TokenKind::Word, "Sh".into()));
        assert_eq!(k[1], (TokenKind::Num, "48.7".into()));
        assert_eq!(k[2], (TokenKind::Word, "m".into()));
        assert_eq!(k[3], (TokenKind::Name, "G7th".into()));
    }

    #[test]
    fn offsets_are_code_points() {
        let t = tokenize("Nadège 38", "nadège 38", &|_| false, &|_| false);
        assert_eq!((t[1].start, t[1].end), (7, 9));
        assert!(t[1].space_before);
    }

    #[test]
    fn lower_case_forms_are_slices_of_one_aligned_copy() {
        let text = "ÉTÉ İstanbul Nadège FIVE";
        let low = lowered_copy(text);
        assert_eq!(low.len(), text.len());
        let t = tokenize(text, &low, &|_| false, &|_| false);
        let lower: Vec<&str> = t.iter().map(|t| t.lower).collect();
        assert_eq!(lower, vec!["été", "İstanbul", "nadège", "five"]);
        // A copy that does not match the text is not trusted.
        let t = tokenize("FIVE", "six", &|_| false, &|_| false);
        assert_eq!(t[0].lower, "FIVE");
    }
}
