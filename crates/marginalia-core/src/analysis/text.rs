//! Tokens, sentences and paragraphs: the shared view of the text every later pass reads.
//!
//! Offsets here are byte offsets into the document text; the pipeline converts to code points once,
//! at the end. Words keep inner apostrophes and hyphens ("O’Riordan", "Pirtle-Guiney") but not a
//! possessive "’s"; abbreviations and initials keep their period ("Dr.", "T.", "Ore.", "U.S.").

use super::words::words;

/// What sort of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and digits, apostrophes, hyphens inside them).
    Word,
    /// A number ("600,000", "3.5").
    Number,
    /// One punctuation character, including quotation marks.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What sort of token.
    pub kind: TokKind,
    /// Index of its sentence in [`Text::sentences`].
    pub sentence: usize,
    /// Index of its paragraph in [`Text::paragraphs`].
    pub paragraph: usize,
    /// Whether a capital here says nothing about the word being a name (sentence start, after an
    /// opening quotation mark or colon, in a Title Case headline).
    pub cap_uncertain: bool,
}

/// A paragraph (one line of the text).
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First token index.
    pub first_tok: usize,
    /// One past the last token index.
    pub end_tok: usize,
}

/// The tokenised text.
#[derive(Debug)]
pub struct Text<'a> {
    /// The document text.
    pub src: &'a str,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// Each token's text, sliced once (every rule reads tokens' texts many times over).
    words: Vec<&'a str>,
    /// The text in lower case, byte for byte aligned with `src` (see [`lowered_copy`]), so that
    /// any token or span has its lower-case form without an allocation.
    pub lower: String,
    /// Sentences (token and byte ranges).
    pub sentences: Vec<Span>,
    /// Paragraphs (token and byte ranges).
    pub paragraphs: Vec<Span>,
    /// Whether the first paragraph is a Title Case headline.
    pub headline: bool,
}

impl<'a> Text<'a> {
    /// Tokenises `src`, splits sentences and paragraphs and spots a headline.
    pub fn new(src: &'a str) -> Self {
        let mut text = Text {
            src,
            tokens: Vec::with_capacity(src.len() / 4),
            words: Vec::new(),
            lower: lowered_copy(src),
            sentences: Vec::new(),
            paragraphs: Vec::new(),
            headline: false,
        };
        let mut para_start = 0;
        for line in src.split('\n') {
            if line.trim().is_empty() {
                // Blank lines separate paragraphs (Markdown, HTML) but are none themselves.
                para_start += line.len() + 1;
                continue;
            }
            let first_tok = text.tokens.len();
            tokenize_into(line, para_start, text.paragraphs.len(), &mut text.tokens);
            text.paragraphs.push(Span {
                start: para_start,
                end: para_start + line.len(),
                first_tok,
                end_tok: text.tokens.len(),
            });
            para_start += line.len() + 1;
        }
        text.words = text.tokens.iter().map(|t| &src[t.start..t.end]).collect();
        text.split_sentences();
        text.mark_uncertain_capitals();
        text
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        self.words[i]
    }

    /// The text of token `i` in lower case.
    pub fn tok_lower(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        self.lower_slice(t.start, t.end)
    }

    /// Token `i` as the fitted models' features name it: a word in lower case with a plain
    /// apostrophe, a number as `0`, punctuation as itself.
    pub fn feature_key(&self, i: usize) -> std::borrow::Cow<'_, str> {
        match self.tokens[i].kind {
            TokKind::Number => "0".into(),
            _ if self.tok_lower(i).contains('’') => self.tok_lower(i).replace('’', "'").into(),
            _ => self.tok_lower(i).into(),
        }
    }

    /// The text between two byte offsets, in lower case.
    pub fn lower_slice(&self, start: usize, end: usize) -> &str {
        self.lower.get(start..end).unwrap_or(&self.src[start..end])
    }

    /// The text between two byte offsets.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.src[start..end]
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    fn split_sentences(&mut self) {
        for p in 0..self.paragraphs.len() {
            let para = self.paragraphs[p];
            let mut first = para.first_tok;
            let mut i = para.first_tok;
            while i < para.end_tok {
                let s = self.tok(i);
                let mut end = i + 1;
                if self.tokens[i].kind == TokKind::Punct && matches!(s, "." | "!" | "?" | "…") {
                    // Closing marks and brackets belong to the sentence they close.
                    while end < para.end_tok && is_closer(self.tok(end)) {
                        end += 1;
                    }
                    let next_starts = end < para.end_tok && {
                        let n = self.tok(end);
                        n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                            || is_opener(n)
                    };
                    if next_starts {
                        self.push_sentence(first, end);
                        first = end;
                    }
                }
                i = end;
            }
            if first < para.end_tok || para.first_tok == para.end_tok {
                self.push_sentence(first, para.end_tok.max(first));
            }
        }
    }

    fn push_sentence(&mut self, first: usize, end: usize) {
        let idx = self.sentences.len();
        for t in &mut self.tokens[first..end] {
            t.sentence = idx;
        }
        let (start, stop) = if first < end {
            (self.tokens[first].start, self.tokens[end - 1].end)
        } else {
            let p = self.tokens.get(first).map_or(self.src.len(), |t| t.start);
            (p, p)
        };
        self.sentences.push(Span {
            start,
            end: stop,
            first_tok: first,
            end_tok: end,
        });
    }

    fn mark_uncertain_capitals(&mut self) {
        for s in 0..self.sentences.len() {
            let first = self.sentences[s].first_tok;
            if first < self.tokens.len() {
                self.tokens[first].cap_uncertain = true;
            }
        }
        for i in 1..self.tokens.len() {
            let prev = self.tok(i - 1);
            if self.tokens[i - 1].kind == TokKind::Punct
                && (is_opener(prev) || matches!(prev, ":" | "—" | "–" | "-" | "(" | ";"))
            {
                self.tokens[i].cap_uncertain = true;
            }
        }
        if let Some(p) = self.paragraphs.first().copied()
            && is_headline(self, p)
        {
            self.headline = true;
            for t in &mut self.tokens[p.first_tok..p.end_tok] {
                t.cap_uncertain = true;
            }
        }
    }
}

/// The text in lower case, byte for byte aligned with it, so that every token's lower-case form
/// is a slice of one string (no allocation per capitalised word). The rare letter whose lower
/// case is longer or shorter in UTF-8 ("İ") is kept as written.
pub fn lowered_copy(text: &str) -> String {
    let mut bytes = text.as_bytes().to_ascii_lowercase();
    if !text.is_ascii() {
        // Only the first bytes of non-ASCII chars need a look; ASCII was done above.
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b < 0xC0 {
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            if !c.is_uppercase() {
                continue;
            }
            let mut low = c.to_lowercase();
            if let (Some(l), None) = (low.next(), low.next())
                && l.len_utf8() == c.len_utf8()
                && let Some(slot) = bytes.get_mut(i..i + c.len_utf8())
            {
                l.encode_utf8(slot);
            }
        }
    }
    // Whole chars were swapped for whole chars of the same length, so this is valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// A first line in Title Case without a final full stop: most of its longer words capitalised
/// and none of the others a word Title Case would capitalise.
fn is_headline(text: &Text, p: Span) -> bool {
    let long: Vec<&str> = (p.first_tok..p.end_tok)
        .filter(|&i| text.tokens[i].kind == TokKind::Word)
        .map(|i| text.tok(i))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if long.len() < 2 || text.slice(p.start, p.end).trim_end().ends_with('.') {
        return false;
    }
    let kept_lower = &words().function_words.title_case_lowercase;
    if long
        .iter()
        .any(|w| w.starts_with(char::is_lowercase) && !kept_lower.contains(w))
    {
        return false;
    }
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    caps * 10 >= long.len() * 7
}

/// An opening quotation mark or bracket.
pub fn is_opener(s: &str) -> bool {
    matches!(s, "“" | "‘" | "\"" | "'" | "(" | "[" | "«")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»")
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn tokenize_into(line: &str, offset: usize, paragraph: usize, out: &mut Vec<Token>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match line.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            (word_end(line, i), TokKind::Word)
        } else if c.is_ascii_digit() {
            (number_end(bytes, i), TokKind::Number)
        } else {
            (i + c.len_utf8(), TokKind::Punct)
        };
        out.push(Token {
            start: offset + i,
            end: offset + end,
            kind,
            sentence: 0,
            paragraph,
            cap_uncertain: false,
        });
        i = end.max(i + c.len_utf8());
    }
}

fn word_end(line: &str, start: usize) -> usize {
    // Plain ASCII letters and digits first, without decoding; the rules below see the rest.
    let bytes = line.as_bytes();
    let mut end = start;
    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end += 1;
    }
    // Most words end at a space or a plain mark, which none of the rules below would join on.
    if end > start
        && bytes
            .get(end)
            .is_none_or(|&b| b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.'))
    {
        return end;
    }
    let from = end;
    for (j, c) in line[from..].char_indices() {
        let abs = from + j;
        if c.is_alphanumeric() {
            end = abs + c.len_utf8();
            continue;
        }
        let rest = &line[abs + c.len_utf8()..];
        let next = rest.chars().next();
        if is_apostrophe(c) && end > start {
            // A possessive "’s" is not part of the word; "they’ve", "O’Riordan" are.
            let is_possessive = next.is_some_and(|n| n == 's')
                && !rest[1..].starts_with(|n: char| n.is_alphanumeric());
            if next.is_some_and(char::is_alphabetic) && !is_possessive {
                end = abs + c.len_utf8();
                continue;
            }
            break;
        }
        if (c == '-' || c == '‑') && next.is_some_and(char::is_alphanumeric) && end > start {
            end = abs + c.len_utf8();
            continue;
        }
        if c == '.' && end > start {
            let word = &line[start..end];
            // "−112 °F." ends a sentence: a unit letter after a degree sign is no initial.
            let initial = word.chars().count() == 1
                && word.starts_with(char::is_uppercase)
                && !line[..start].ends_with('°');
            let dotted = word.contains('.');
            if next.is_some_and(char::is_alphabetic) && (initial || dotted) {
                // "U.S", "W.Va"
                end = abs + 1;
                continue;
            }
            // "ST. PAUL, Minn.": a dateline writes "St." in capitals.
            let caps_abbreviation = matches!(word, "ST" | "MT" | "FT");
            let abbreviation = words().abbreviations.keep_period.contains(word);
            if initial || dotted || caps_abbreviation || abbreviation {
                end = abs + 1;
            }
            break;
        }
        break;
    }
    end
}

fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            end += 1;
        } else if (b == b',' || b == b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 2;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let t = Text::new(s);
        (0..t.tokens.len()).map(|i| t.tok(i)).collect()
    }

    #[test]
    fn words_keep_names_whole_and_drop_possessives() {
        assert_eq!(
            words("Haiti’s O’Riordan they’ve Pirtle-Guiney"),
            vec!["Haiti", "’", "s", "O’Riordan", "they’ve", "Pirtle-Guiney"]
        );
        assert_eq!(words("WHO's"), vec!["WHO", "'", "s"]);
    }

    #[test]
    fn a_degree_unit_ends_a_sentence() {
        let t = Text::new("It was stored at −112 °F. Talk to your doctor.");
        let talk = (0..t.tokens.len()).find(|&i| t.tok(i) == "Talk").unwrap();
        assert!(t.tokens[talk].cap_uncertain);
        assert!((0..t.tokens.len()).any(|i| t.tok(i) == "F"));
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            words("Dr. Garry Conille and Maria T. Lopez in the U.S. and Ore."),
            vec![
                "Dr.", "Garry", "Conille", "and", "Maria", "T.", "Lopez", "in", "the", "U.S.",
                "and", "Ore."
            ]
        );
    }

    #[test]
    fn sentences_split_after_closing_marks_not_after_titles() {
        let t = Text::new("“It works,” he said. Dr. Solberg agreed. “Yes.” She left.");
        let s: Vec<&str> = t
            .sentences
            .iter()
            .map(|s| t.slice(s.start, s.end))
            .collect();
        assert_eq!(
            s,
            vec![
                "“It works,” he said.",
                "Dr. Solberg agreed.",
                "“Yes.”",
                "She left."
            ]
        );
    }

    #[test]
    fn title_case_first_line_is_a_headline() {
        let t = Text::new("Ashgrove Rovers Clinch Third League Title\nThe club won.");
        assert!(t.headline);
        let t = Text::new("The club won the league on Saturday.\nIt was fun.");
        assert!(!t.headline);
        let t = Text::new("Rebel Columns Push into Northern Capital\nThe army withdrew.");
        assert!(t.headline);
    }

    #[test]
    fn a_first_line_of_names_in_prose_is_no_headline() {
        let t = Text::new(
            "Senator Hatfield, Mr. Chief Justice, Vice President Mondale, Reverend Moomaw, \
             and my fellow citizens:\nThis is a solemn day.",
        );
        assert!(!t.headline);
    }

    #[test]
    fn blank_lines_are_not_paragraphs() {
        let t = Text::new("Title Of The Piece Here\n\n“A quote runs on.\n\n“And ends.”");
        assert_eq!(t.paragraphs.len(), 3);
        assert_eq!(
            t.slice(t.paragraphs[2].start, t.paragraphs[2].end),
            "“And ends.”"
        );
        assert_eq!(crate::analysis::quotes::find_quotes(&t).len(), 2);
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            words("600,000 and 3.5%"),
            vec!["600,000", "and", "3.5", "%"]
        );
    }
}
