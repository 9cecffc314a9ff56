//! Plain-text articles.
//!
//! The document text is the file's content decoded as UTF-8 with a leading BOM removed and CRLF/CR
//! turned into LF — nothing else changes, so offsets point into the file as a reader sees it. A
//! file that is not valid UTF-8 is decoded as Windows-1252 (the usual legacy encoding of saved
//! news text), with a warning.
//!
//! Paragraphs: when the text separates blocks with blank lines, each block is a paragraph (its
//! single line breaks are wrapping); otherwise every non-empty line is one. A first paragraph that
//! reads as a headline (short, no closing full stop) is the headline, and a short "By …" line right
//! after it is the byline.

use super::{Document, Paragraph, ParagraphKind, title_from};

/// Decodes bytes to text: UTF-8 (BOM removed) or, failing that, Windows-1252 with a warning.
/// Line endings are normalised to LF. (UTF-16 is recognised first, by [`decode_utf16`].)
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (
                cow.into_owned(),
                Some(format!(
                    "not valid UTF-8 (first bad byte at {}); read as Windows-1252",
                    e.valid_up_to()
                )),
            )
        }
    };
    (normalize_newlines(text), warning)
}

/// The text of UTF-16 bytes that start with a byte-order mark, as Windows editors save
/// "Unicode" text (the mark removed; malformed units become U+FFFD), or `None` when there is no
/// UTF-16 mark.
pub fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let encoding = match bytes.get(..2)? {
        [0xFF, 0xFE] => encoding_rs::UTF_16LE,
        [0xFE, 0xFF] => encoding_rs::UTF_16BE,
        _ => return None,
    };
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    Some(text.into_owned())
}

/// Turns CRLF and lone CR into LF.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Builds a document from already-decoded text (newlines normalised by the caller or here).
pub fn from_str(text: &str) -> Document {
    let text = normalize_newlines(text.to_string());
    let mut paragraphs = split_paragraphs(&text);
    split_head_blocks(&text, &mut paragraphs);
    let mut doc = Document {
        text,
        paragraphs,
        ..Document::default()
    };
    classify_head(&mut doc);
    doc
}

/// Paragraph ranges in code points.
fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let blank_separated = text.contains("\n\n") || text.contains("\n \n");
    let mut out = Vec::new();
    let mut char_pos = 0usize;
    let mut block: Option<(usize, usize)> = None; // (start, end) in chars
    for line in text.split('\n') {
        let len = line.chars().count();
        let blank = line.trim().is_empty();
        if blank_separated {
            if blank {
                if let Some((s, e)) = block.take() {
                    out.push(body(s, e));
                }
            } else {
                let lead = line.chars().take_while(|c| c.is_whitespace()).count();
                let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
                let (s, e) = (char_pos + lead, char_pos + len - trail);
                block = Some(match block {
                    Some((bs, _)) => (bs, e),
                    None => (s, e),
                });
            }
        } else if !blank {
            let lead = line.chars().take_while(|c| c.is_whitespace()).count();
            let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
            out.push(body(char_pos + lead, char_pos + len - trail));
        }
        char_pos += len + 1;
    }
    if let Some((s, e)) = block {
        out.push(body(s, e));
    }
    out
}

/// How many blocks at the top of a file can hold the headline and byline.
const HEAD_BLOCKS: usize = 2;

/// Splits the head blocks that are lines, not wrapped prose, into one paragraph a line: a
/// file that separates paragraphs with blank lines often writes its headline, byline and date
/// on lines of their own above the first blank line ("Headline\nBy Jane Doe\nJune 25, 2024").
/// A head block is such lines when one of them reads as a byline and none is longer than a
/// headline can be.
fn split_head_blocks(text: &str, paragraphs: &mut Vec<Paragraph>) {
    let mut i = 0;
    while i < paragraphs.len().min(HEAD_BLOCKS) {
        let p = paragraphs[i];
        let block: String = text.chars().skip(p.start).take(p.end - p.start).collect();
        let lines = lines_of(&block, p.start);
        let short = |(s, e): &(usize, usize)| e - s <= MAX_HEAD_CHARS;
        let has_byline = lines.iter().any(|&(s, e)| {
            let line: String = text.chars().skip(s).take(e - s).collect();
            looks_like_byline(&line)
        });
        if lines.len() > 1 && has_byline && lines.iter().all(short) {
            let parts: Vec<Paragraph> = lines.iter().map(|&(s, e)| body(s, e)).collect();
            let n = parts.len();
            paragraphs.splice(i..=i, parts);
            i += n;
        } else {
            i += 1;
        }
    }
}

/// The non-blank lines of a block starting at char `start`, trimmed, as char ranges.
fn lines_of(block: &str, start: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = start;
    for line in block.split('\n') {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let trail = line.chars().rev().take_while(|c| c.is_whitespace()).count();
        if lead < len {
            out.push((at + lead, at + len - trail));
        }
        at += len + 1;
    }
    out
}

fn body(start: usize, end: usize) -> Paragraph {
    Paragraph {
        start,
        end,
        kind: ParagraphKind::Body,
    }
}

/// Finds the headline and byline among the first paragraphs and sets the title.
fn classify_head(doc: &mut Document) {
    let para_text = |p: &Paragraph| -> String {
        doc.text
            .chars()
            .skip(p.start)
            .take(p.end - p.start)
            .collect()
    };
    let Some(first) = doc.paragraphs.first().copied() else {
        doc.title = String::new();
        return;
    };
    let first_text = para_text(&first);
    if looks_like_headline(&first_text) {
        doc.title = first_text.trim().to_string();
        doc.paragraphs[0].kind = ParagraphKind::Heading(1);
        if let Some(second) = doc.paragraphs.get(1).copied() {
            let t = para_text(&second);
            if looks_like_byline(&t) {
                doc.paragraphs[1].kind = ParagraphKind::Byline;
                doc.date = super::dates::find_date(&t).map(str::to_string);
                doc.byline = Some(t.trim().to_string());
                dateline_after_byline(doc);
            }
        }
    } else {
        doc.title = title_from(&first_text);
    }
}

/// A date on its own line under a byline that has none ("By Jane Doe" / "June 25, 2024") is
/// the article's date, and the line is part of the byline block.
fn dateline_after_byline(doc: &mut Document) {
    if doc.date.is_some() {
        return;
    }
    let Some(third) = doc.paragraphs.get(2).copied() else {
        return;
    };
    let t: String = doc
        .text
        .chars()
        .skip(third.start)
        .take(third.end - third.start)
        .collect();
    let t = t.trim();
    if t.contains('\n') || t.chars().count() > MAX_DATELINE_CHARS {
        return;
    }
    if let Some(date) = super::dates::find_date(t) {
        doc.date = Some(date.to_string());
        doc.paragraphs[2].kind = ParagraphKind::Byline;
    }
}

/// The longest a headline or byline line can be, in chars.
const MAX_HEAD_CHARS: usize = 160;

/// The longest a line holding only a date (and perhaps a place or time) can be, in chars.
const MAX_DATELINE_CHARS: usize = 48;

/// Short, single-line, and not ending like a sentence.
fn looks_like_headline(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    n > 0
        && n <= MAX_HEAD_CHARS
        && !s.contains('\n')
        && !s.ends_with(['.', '!', ',', ';', ':', '”', '"'])
}

/// "By Jane Doe", "By Jane Doe | June 19, 2025".
fn looks_like_byline(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("By ") && s.chars().count() <= MAX_HEAD_CHARS && !s.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_per_line() {
        let d = from_str("Headline Here\nBy Ann Lee | June 1, 2025\nFirst para.\nSecond para.");
        assert_eq!(d.paragraphs.len(), 4);
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Heading(1));
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Byline);
        assert_eq!(d.title, "Headline Here");
        assert_eq!(d.byline.as_deref(), Some("By Ann Lee | June 1, 2025"));
        assert_eq!(d.date.as_deref(), Some("June 1, 2025"));
        let p = d.paragraphs[3];
        assert_eq!(&d.text[p.start..p.end], "Second para.");
    }

    #[test]
    fn head_lines_above_the_first_blank_line_are_headline_byline_and_date() {
        let text = "Kenyan police arrive in Haiti\nBy Jane Doe\nJune 25, 2024\n\nThe first \
                    officers landed on Tuesday.\nThey were met at the airport.\n\nMore.\n";
        let d = from_str(text);
        let kinds: Vec<ParagraphKind> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Heading(1),
                ParagraphKind::Byline,
                ParagraphKind::Byline,
                ParagraphKind::Body,
                ParagraphKind::Body,
            ]
        );
        assert_eq!(d.title, "Kenyan police arrive in Haiti");
        assert_eq!(d.byline.as_deref(), Some("By Jane Doe"));
        assert_eq!(d.date.as_deref(), Some("June 25, 2024"));
        // The body block keeps its wrapped lines together.
        let p = d.paragraphs[3];
        let body: String = d.text.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(
            body,
            "The first officers landed on Tuesday.\nThey were met at the airport."
        );
    }

    #[test]
    fn a_byline_block_under_a_headline_block_is_split_too() {
        let d = from_str("Headline Here\n\nBy Ann Lee\n1 June 2025\n\nFirst para.\n");
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Heading(1));
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Byline);
        assert_eq!(d.byline.as_deref(), Some("By Ann Lee"));
        assert_eq!(d.date.as_deref(), Some("1 June 2025"));
        assert_eq!(d.paragraphs[3].kind, ParagraphKind::Body);
    }

    #[test]
    fn a_wrapped_first_paragraph_without_a_byline_stays_whole() {
        let d = from_str("A short line\nand its wrapped rest.\n\nBody.\n");
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Body);
    }

    #[test]
    fn blank_line_blocks_keep_wrapped_lines_together() {
        let d = from_str("Title\n\nOne line\nwrapped here.\n\nTwo.\n");
        assert_eq!(d.paragraphs.len(), 3);
        let p = d.paragraphs[1];
        assert_eq!(&d.text[p.start..p.end], "One line\nwrapped here.");
    }

    #[test]
    fn long_first_sentence_gives_a_cut_title() {
        let d = from_str(
            "President William Ruto has announced significant progress in Haiti’s security situation following the deployment.",
        );
        assert_eq!(
            d.title,
            "President William Ruto has announced significant progress…"
        );
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Body);
    }

    #[test]
    fn decode_strips_bom_and_crlf() {
        let (t, w) = decode(b"\xEF\xBB\xBFa\r\nb\rc");
        assert_eq!(t, "a\nb\nc");
        assert!(w.is_none());
    }

    #[test]
    fn decode_falls_back_to_windows_1252() {
        let (t, w) = decode(b"caf\xe9 \x93quoted\x94");
        assert_eq!(t, "café “quoted”");
        assert!(w.is_some_and(|w| w.contains("Windows-1252")));
    }
}
