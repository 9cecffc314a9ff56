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
    let paragraphs = split_paragraphs(&text);
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
            }
        }
    } else {
        doc.title = title_from(&first_text);
    }
}

/// Short, single-line, and not ending like a sentence.
fn looks_like_headline(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    n > 0 && n <= 160 && !s.contains('\n') && !s.ends_with(['.', '!', ',', ';', ':', '”', '"'])
}

/// "By Jane Doe", "By Jane Doe | June 19, 2025".
fn looks_like_byline(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("By ") && s.chars().count() <= 160 && !s.contains('\n')
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
