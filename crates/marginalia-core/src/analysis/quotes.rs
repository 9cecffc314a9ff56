//! Direct quotations: pairing quotation marks paragraph by paragraph.
//!
//! Handles curly and straight double quotes, typewriter doubles (`''…''`, ``` ``…'' ```), British
//! single quotes (told apart from apostrophes: `they’ve`, `Haiti’s`, `’90s`), quotes that run on
//! into the next paragraph (re-opened there, or not: a hard-wrapped line), and nested quotes (only
//! the outer one counts). Quotation marks inside markup left in the text (`<tweet id="…">`) are
//! not quotes. A mark that is never closed is dropped at the end of its paragraph, so a stray mark
//! never shifts the quotes after it; a closing mark with nothing open, before any quotation of its
//! paragraph, closes one that began with the paragraph (its opening mark was left out).

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
    /// Two apostrophes or two backticks standing for a double mark, as typewriter-era copy and
    /// some wire archives write them.
    TypewriterDouble,
}

/// How a paragraph relates to the quotation open at the end of the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunOn {
    /// The paragraph opens a new mark: the open quote ends with its paragraph (news style).
    Reopened,
    /// The paragraph goes on inside the quote without a new mark, up to its closing mark.
    Continued,
    /// Neither: the open mark was stray.
    No,
}

/// Finds the quotations in every paragraph of `text`.
pub fn find_quotes(text: &Text) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let paras = &text.paragraphs;
    let mut inside: Option<Mark> = None;
    for (p, para) in paras.iter().enumerate() {
        let line = text.slice(para.start, para.end);
        let next = paras.get(p + 1).map(|n| text.slice(n.start, n.end));
        let scan = Scan {
            line,
            offset: para.start,
            paragraph: p,
            next,
            odd_straight: line.bytes().filter(|&b| b == b'"').count() % 2 == 1,
        };
        inside = scan.paragraph(inside, &mut out);
    }
    out.retain(|q| !is_nickname(text.src, q));
    out
}

/// How far into a paragraph a closing mark with nothing open may be and still close a
/// quotation begun with the paragraph: a quoted paragraph or two, not a transcript.
const MAX_UNOPENED_BYTES: usize = 1000;

/// How the paragraph after one that ends inside a quotation of `mark` goes on.
fn run_on(next: Option<&str>, mark: Mark) -> RunOn {
    let Some(next) = next.map(str::trim_start) else {
        return RunOn::No;
    };
    if next.starts_with(['“', '"', '‘', '\'', '`']) {
        return RunOn::Reopened;
    }
    match mark {
        Mark::CurlySingle | Mark::StraightSingle => return RunOn::No,
        Mark::TypewriterDouble => {
            let closes = next.find("''").is_some_and(|i| {
                next.find("``").is_none_or(|j| i < j)
                    && next[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|p| !p.is_whitespace())
            });
            return if closes { RunOn::Continued } else { RunOn::No };
        }
        Mark::CurlyDouble | Mark::StraightDouble => {}
    }
    // The first double mark of the next paragraph: a closing one means the quote runs on.
    let Some((i, c)) = next
        .char_indices()
        .find(|&(_, c)| matches!(c, '“' | '”' | '"'))
    else {
        return RunOn::No;
    };
    let prev = next[..i].chars().next_back();
    let after = next[i + c.len_utf8()..].chars().next();
    let closes = match c {
        '”' => true,
        '"' => {
            prev.is_some_and(|p| !p.is_whitespace())
                && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation())
        }
        _ => false,
    };
    if closes { RunOn::Continued } else { RunOn::No }
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

/// One paragraph to scan for quotation marks.
struct Scan<'a> {
    line: &'a str,
    /// Byte offset of the paragraph in the text.
    offset: usize,
    paragraph: usize,
    /// The next paragraph, whose start says whether an open quote runs on.
    next: Option<&'a str>,
    /// Whether the paragraph has an odd number of straight double marks (one is missing).
    odd_straight: bool,
}

impl Scan<'_> {
    /// Scans the paragraph; `inside` is the mark of a quotation the paragraph before left open
    /// (it then starts inside it). A mark left open at the end that does not run on was stray, so
    /// the text after it is scanned again without it. Returns the mark of a quotation that runs
    /// on, without a new mark, into the next paragraph.
    fn paragraph(&self, inside: Option<Mark>, out: &mut Vec<RawQuote>) -> Option<Mark> {
        let mut open = inside.map(|m| (0, m));
        let mut from = 0;
        loop {
            match self.from(from, open, out) {
                Ended::Clean => return None,
                Ended::RunsOn(mark) => return Some(mark),
                Ended::Stray(at) if open.is_some_and(|(s, _)| s == at) && inside.is_some() => {
                    // The paragraph never closed the quotation it started in: scan it afresh.
                    open = None;
                    from = 0;
                }
                Ended::Stray(at) => {
                    open = None;
                    from = at + self.line[at..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// Scans `line[from..]`, starting with `open` (a quotation open before `from`).
    fn from(&self, from: usize, mut open: Option<(usize, Mark)>, out: &mut Vec<RawQuote>) -> Ended {
        let line = self.line;
        let bytes = line.as_bytes();
        let mut i = from;
        while let Some(&b) = bytes.get(i) {
            // Only quotation marks and markup matter: '"', '\'', '`', '<' and the curly marks,
            // whose UTF-8 starts with 0xE2 (a lead byte, never inside another char). Everything
            // else is stepped over unread.
            if !matches!(b, b'"' | b'\'' | b'`' | b'<' | 0xE2) {
                i += 1;
                continue;
            }
            if b == b'<' {
                i = markup_end(line, i).unwrap_or(i + 1);
                continue;
            }
            if let Some(step) = self.typewriter(i, &mut open, out) {
                i += step;
                continue;
            }
            let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
                i += 1;
                continue;
            };
            self.mark(i, c, &mut open, out);
            i += c.len_utf8();
        }
        let Some((s, mark)) = open else {
            return Ended::Clean;
        };
        let goes_on = run_on(self.next, mark);
        if goes_on == RunOn::No {
            return Ended::Stray(s);
        }
        let end = line.trim_end().len();
        if end > s + 1 {
            self.push(out, s, end, false);
        }
        if goes_on == RunOn::Continued {
            Ended::RunsOn(mark)
        } else {
            Ended::Clean
        }
    }

    /// Reads a typewriter double mark (`''` or ``` `` ```) at `i`; returns its length when there
    /// is one and it was taken as a mark.
    fn typewriter(
        &self,
        i: usize,
        open: &mut Option<(usize, Mark)>,
        out: &mut Vec<RawQuote>,
    ) -> Option<usize> {
        let rest = &self.line[i..];
        let backticks = rest.starts_with("``");
        if !backticks && !rest.starts_with("''") {
            return None;
        }
        let prev = self.line[..i].chars().next_back();
        let next = rest[2..].chars().next();
        match *open {
            Some((s, Mark::TypewriterDouble)) if !backticks => {
                self.push(out, s, i + 2, true);
                *open = None;
            }
            None if backticks
                || (opens_after(prev) && next.is_some_and(|n| !n.is_whitespace())) =>
            {
                *open = Some((i, Mark::TypewriterDouble));
            }
            _ => return None,
        }
        Some(2)
    }

    /// Reads the one-char mark `c` at `i`.
    fn mark(&self, i: usize, c: char, open: &mut Option<(usize, Mark)>, out: &mut Vec<RawQuote>) {
        let line = self.line;
        if !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'') {
            return;
        }
        let prev = line[..i].chars().next_back();
        let next = line[i + c.len_utf8()..].chars().next();
        let before_break = next.is_none_or(|n| !n.is_alphanumeric());
        match (c, *open) {
            ('“', None) => *open = Some((i, Mark::CurlyDouble)),
            // A second opening mark: the first was stray; start again here.
            ('“', Some((_, Mark::CurlyDouble))) => *open = Some((i, Mark::CurlyDouble)),
            ('”', Some((s, Mark::CurlyDouble))) | ('"', Some((s, Mark::StraightDouble))) => {
                self.push(out, s, i + c.len_utf8(), true);
                *open = None;
            }
            // A closing mark with nothing open, before any quotation of the paragraph ended:
            // the opening mark was left out, and the quotation began with the paragraph. (A
            // straight one only when the paragraph has an odd number of them, one gone missing;
            // an even number pair among themselves however they are spaced.)
            ('"' | '”', None)
                if closes_after(prev, next)
                    && !self.closed_one(out)
                    && (c == '”' || self.odd_straight)
                    && i <= MAX_UNOPENED_BYTES =>
            {
                self.push(out, 0, i + c.len_utf8(), true);
            }
            ('"', None) => *open = Some((i, Mark::StraightDouble)),
            ('‘', None) if next.is_some_and(|n| !n.is_whitespace()) => {
                *open = Some((i, Mark::CurlySingle))
            }
            ('\'', None) if opens_after(prev) && next.is_some_and(char::is_alphabetic) => {
                *open = Some((i, Mark::StraightSingle))
            }
            ('’', Some((s, Mark::CurlySingle))) | ('\'', Some((s, Mark::StraightSingle)))
                if before_break
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && !plural_possessive(line, i, prev) =>
            {
                self.push(out, s, i + c.len_utf8(), true);
                *open = None;
            }
            _ => {}
        }
    }

    /// Whether a quotation of this paragraph was already found.
    fn closed_one(&self, out: &[RawQuote]) -> bool {
        out.last().is_some_and(|q| q.paragraph == self.paragraph)
    }

    fn push(&self, out: &mut Vec<RawQuote>, s: usize, e: usize, closed: bool) {
        push(out, self.offset, self.paragraph, s, e, closed);
    }
}

/// How the scan of a paragraph ended.
enum Ended {
    /// Every quotation closed, or ran on into a paragraph that re-opens it.
    Clean,
    /// A quotation runs on into the next paragraph without a new mark.
    RunsOn(Mark),
    /// The mark at this offset was never closed.
    Stray(usize),
}

/// Whether a double mark between `prev` and `next` can only close a quotation: written against
/// the end of a word or a sentence's punctuation, with a space, punctuation or the end after it.
/// (After a digit it is an inch mark: `6'2"`.)
fn closes_after(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_alphabetic() || matches!(p, '.' | ',' | '?' | '!' | '…'))
        && next.is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | ')'))
}

/// Whether an opening mark may follow `prev` (the start, a space, an opening bracket or dash).
fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"')
    })
}

/// The end of a markup tag left in the text (`<tweet tweet-id="…">`, `</p>`) starting at the `<`
/// at `i`: a letter or `/` after it and a `>` before the next `<` or line break, within a tag's
/// length. `None` when the `<` is plain text ("a < b").
fn markup_end(line: &str, i: usize) -> Option<usize> {
    const LONGEST_TAG: usize = 300;
    let rest = &line.as_bytes()[i + 1..];
    let first = *rest.first()?;
    if !(first.is_ascii_alphabetic() || first == b'/') {
        return None;
    }
    let close = rest
        .iter()
        .take(LONGEST_TAG)
        .position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
    (rest[close] == b'>').then_some(i + 1 + close + 1)
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
    fn a_paragraph_that_lost_its_opening_mark_quotes_from_its_start() {
        // Pairing the stray closing mark with the next paragraph's opening one would turn the
        // narration between them into a quotation and the quotations into narration.
        let got = quotes(
            "Do you think they will like me?\" he said. He stood before Rachel.\n\n\
             \"No,\" she said.\n\nIt was late”, he wrote, “and dark.”",
        );
        assert_eq!(
            got,
            vec![
                "Do you think they will like me?\"",
                "\"No,\"",
                "It was late”",
                "“and dark.”"
            ]
        );
        // Only before a quotation of the paragraph ended: after one, a stray mark is left alone,
        // and an inch mark after a digit is no closing mark.
        assert_eq!(
            quotes("\"Yes,\" she said. That was all\" and more."),
            vec!["\"Yes,\""]
        );
        assert!(quotes("The shelf is 6'2\" tall.").is_empty());
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
    fn typewriter_doubles_are_quotation_marks() {
        assert_eq!(
            quotes("''I would not object,'' said Ms. Batchelder, who ``had doubts'' then."),
            vec!["''I would not object,''", "``had doubts''"]
        );
        assert_eq!(
            quotes("The 12'' record and the 7'' single."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn marks_inside_markup_left_in_the_text_are_no_quotes() {
        assert_eq!(
            quotes("<tweet tweet-id=\"785842546878578688\">Big night</tweet> \"We won,\" he said."),
            vec!["\"We won,\""]
        );
        assert_eq!(
            quotes("If a < b then \"it holds,\" she said."),
            vec!["\"it holds,\""]
        );
    }

    #[test]
    fn a_quote_running_over_a_line_break_without_a_new_mark_keeps_its_marks_paired() {
        let s = "Lee said \"we will not\ngive up,\" and left. \"Next,\" she said.";
        assert_eq!(quotes(s), vec!["\"we will not", "give up,\"", "\"Next,\""]);
        let s = "“We will not\ngive up,” he said. “Next.”";
        assert_eq!(quotes(s), vec!["“We will not", "give up,”", "“Next.”"]);
    }

    #[test]
    fn split_quotes_are_two_items() {
        assert_eq!(
            quotes("“We gave away a header,” he said, “and a penalty.”"),
            vec!["“We gave away a header,”", "“and a penalty.”"]
        );
    }
}
