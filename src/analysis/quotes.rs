//! Direct quotations: pairing quotation marks paragraph by paragraph.
//!
//! Handles curly and straight double quotes, British single quotes (told apart from apostrophes:
//! `they’ve`, `Haiti’s`, `’90s`), quotes that run on into the next paragraph, and nested quotes (only
//! the outer one counts). A mark that is never closed is dropped at the end of its paragraph, so a
//! stray mark never shifts the quotes after it.

use super::text::Text;

/// A quotation found in the text (byte offsets, marks included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    /// The opening mark.
    pub start: usize,
    /// One past the closing mark, or the end of the paragraph when the quote runs on.
    pub end: usize,
    /// Whether a closing mark ends it.
    pub closed: bool,
    /// The paragraph it is in.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    CurlySingle,
    StraightDouble,
    StraightSingle,
}

/// Finds the quotations in every paragraph of `text`.
pub fn find_quotes(text: &Text) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let paras = &text.paragraphs;
    for (p, para) in paras.iter().enumerate() {
        let line = text.slice(para.start, para.end);
        let next_opens = paras
            .get(p + 1)
            .map(|n| text.slice(n.start, n.end).trim_start())
            .is_some_and(|s| s.starts_with(['“', '"', '‘', '\'']));
        scan_paragraph(line, para.start, p, next_opens, &mut out);
    }
    out.retain(|q| !is_nickname(text.src, q));
    out
}

/// "Lachlan “Lockie” Moore": one quoted capitalised word between a given name and a surname is a
/// nickname, not speech.
pub fn is_nickname(s: &str, q: &RawQuote) -> bool {
    if !q.closed {
        return false;
    }
    // Long quotations are common and never nicknames: look no further than a word's length.
    if q.end - q.start > 64 {
        return false;
    }
    let inner =
        s[q.start..q.end].trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''));
    let one_word = inner.starts_with(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.'));
    let before = s[..q.start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic() && c != '-').next());
    let after = s[q.end..].strip_prefix(' ');
    one_word
        && before.is_some_and(|w| w.starts_with(char::is_uppercase))
        && after.is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// Scans one paragraph; a mark left open at its end (and not continued by the next paragraph) was
/// stray, so the text after it is scanned again without it.
fn scan_paragraph(
    line: &str,
    offset: usize,
    paragraph: usize,
    next_opens: bool,
    out: &mut Vec<RawQuote>,
) {
    let mut from = 0;
    while let Some(stray) = scan_from(line, from, offset, paragraph, next_opens, out) {
        from = stray + line[stray..].chars().next().map_or(1, char::len_utf8);
    }
}

/// Scans `line[from..]`, returning the position of a stray opening mark.
fn scan_from(
    line: &str,
    from: usize,
    offset: usize,
    paragraph: usize,
    next_opens: bool,
    out: &mut Vec<RawQuote>,
) -> Option<usize> {
    let mut open: Option<(usize, Mark)> = None;
    let bytes = line.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        // Only quotation marks matter: '"', '\'' and the curly marks, whose UTF-8 starts with
        // 0xE2 (a lead byte, never inside another char). Everything else is stepped over unread.
        if !matches!(b, b'"' | b'\'' | 0xE2) {
            i += 1;
            continue;
        }
        let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
            i += 1;
            continue;
        };
        if !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'') {
            i += c.len_utf8();
            continue;
        }
        let prev = line[..i].chars().next_back();
        let next = line[i + c.len_utf8()..].chars().next();
        let after_space = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"')
        });
        let before_break = next.is_none_or(|n| !n.is_alphanumeric());
        match (c, open) {
            ('“', None) => open = Some((i, Mark::CurlyDouble)),
            // A second opening mark: the first was stray; start again here.
            ('“', Some((_, Mark::CurlyDouble))) => open = Some((i, Mark::CurlyDouble)),
            ('”', Some((s, Mark::CurlyDouble))) | ('"', Some((s, Mark::StraightDouble))) => {
                push(out, offset, paragraph, s, i + c.len_utf8(), true);
                open = None;
            }
            ('"', None) => open = Some((i, Mark::StraightDouble)),
            ('‘', None) if next.is_some_and(|n| !n.is_whitespace()) => {
                open = Some((i, Mark::CurlySingle))
            }
            ('\'', None) if after_space && next.is_some_and(char::is_alphabetic) => {
                open = Some((i, Mark::StraightSingle))
            }
            ('’', Some((s, Mark::CurlySingle))) | ('\'', Some((s, Mark::StraightSingle)))
                if before_break
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && !plural_possessive(line, i, prev) =>
            {
                push(out, offset, paragraph, s, i + c.len_utf8(), true);
                open = None;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    let (s, _) = open?;
    if !next_opens {
        return Some(s);
    }
    let end = line.trim_end().len();
    if end > s + 1 {
        push(out, offset, paragraph, s, end, false);
    }
    None
}

/// "the players’ union": a closing single mark after "s" followed by a lower-case word that goes on
/// the sentence is read as an apostrophe.
fn plural_possessive(line: &str, i: usize, prev: Option<char>) -> bool {
    if prev != Some('s') {
        return false;
    }
    let rest = &line[i..];
    let mut after = rest.chars().skip(1);
    after.next() == Some(' ') && after.next().is_some_and(char::is_lowercase)
}

fn push(
    out: &mut Vec<RawQuote>,
    offset: usize,
    paragraph: usize,
    s: usize,
    e: usize,
    closed: bool,
) {
    if e > s + 2 {
        out.push(RawQuote {
            start: offset + s,
            end: offset + e,
            closed,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_nickname_is_no_quotation() {
        let t =
            Text::new("Singer Lachlan “Lockie” Moore said “Look at this.” He called it “Lockie”.");
        let got: Vec<&str> = find_quotes(&t)
            .iter()
            .map(|q| t.slice(q.start, q.end))
            .collect();
        assert_eq!(got, vec!["“Look at this.”", "“Lockie”"]);
    }

    fn quotes(s: &str) -> Vec<&str> {
        let t = Text::new(s);
        find_quotes(&t).iter().map(|q| &s[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            quotes(
                "“Our officers have recaptured key sites,” Ruto said. He added \"it is winnable.\""
            ),
            vec![
                "“Our officers have recaptured key sites,”",
                "\"it is winnable.\""
            ]
        );
    }

    #[test]
    fn british_singles_are_told_from_apostrophes() {
        assert_eq!(
            quotes(
                "‘I’m 71 and I’d never set foot in Haiti’s courts in the ’90s,’ said Mrs Doyle."
            ),
            vec!["‘I’m 71 and I’d never set foot in Haiti’s courts in the ’90s,’"]
        );
        assert_eq!(
            quotes("The company was ‘disappointed’ and ‘considering carefully’."),
            vec!["‘disappointed’", "‘considering carefully’"]
        );
    }

    #[test]
    fn nested_quotes_keep_only_the_outer() {
        assert_eq!(
            quotes(
                "“People told us, ‘Solar is for rich countries.’ We had to show them,” he said."
            ),
            vec!["“People told us, ‘Solar is for rich countries.’ We had to show them,”"]
        );
    }

    #[test]
    fn quote_running_into_next_paragraph_is_one_item_per_paragraph() {
        let s = "“A hospital cannot depend on diesel.\n“So we stopped depending on it.”";
        assert_eq!(
            quotes(s),
            vec![
                "“A hospital cannot depend on diesel.",
                "“So we stopped depending on it.”"
            ]
        );
    }

    #[test]
    fn stray_mark_recovers_at_paragraph_end() {
        let s = "He said \"this is odd.\nThen “a real quote,” she said.";
        assert_eq!(quotes(s), vec!["“a real quote,”"]);
        let s = "A stray “ mark here. “Real,” she said.";
        assert_eq!(quotes(s), vec!["“Real,”"]);
        let s = "Back in the ‘90s, “it was different,” she said.";
        assert_eq!(quotes(s), vec!["“it was different,”"]);
    }

    #[test]
    fn split_quotes_are_two_items() {
        assert_eq!(
            quotes("“We gave away a header,” he said, “and a penalty.”"),
            vec!["“We gave away a header,”", "“and a penalty.”"]
        );
    }
}
