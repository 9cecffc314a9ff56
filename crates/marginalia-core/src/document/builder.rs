//! Assembling a document's text block by block, shared by the Markdown and HTML loaders.
//!
//! Both formats describe an article as a tree of blocks (headings, paragraphs, list items) holding
//! runs of inline text with styles. [`TextBuilder`] turns that into the flat layout every offset
//! refers to: one block per paragraph, blocks separated by one blank line, runs of whitespace
//! collapsed to one space, no whitespace at the start or end of a block, and style ranges counted
//! in code points as the text grows (so no second pass over a large document is needed).

use super::{InlineStyle, Paragraph, ParagraphKind, StyleSpan};

/// The text between two blocks.
const BLOCK_SEPARATOR: &str = "\n\n";

/// A block being filled.
#[derive(Debug, Clone, Copy)]
struct OpenBlock {
    kind: ParagraphKind,
    /// Char offset of its first char, once it has one.
    start: Option<usize>,
    /// Byte offset of its first char, once it has one.
    byte_start: usize,
}

/// Builds the text, paragraphs and styles of a document.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    /// Length of `text` in chars.
    len: usize,
    paragraphs: Vec<Paragraph>,
    styles: Vec<StyleSpan>,
    /// Styles opened and not yet closed, with the char where their content starts (once known).
    open_styles: Vec<(InlineStyle, Option<usize>)>,
    /// `open_styles[unstarted..]` have no start yet (those before it all have one), so writing
    /// text touches only newly opened styles, however deep the nesting.
    unstarted: usize,
    block: Option<OpenBlock>,
    /// Whitespace was seen after the last char; one space goes out before the next char.
    pending_space: bool,
    /// Byte offset where the last completed paragraph starts.
    last_block_bytes: usize,
}

/// What the builder produced.
#[derive(Debug, Default)]
pub(crate) struct Built {
    /// The document text.
    pub text: String,
    /// Paragraph ranges, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Style ranges, ordered by start.
    pub styles: Vec<StyleSpan>,
}

impl TextBuilder {
    /// Starts a new block of `kind`, ending the current one. Nothing is written until the block
    /// gets text, so blocks that stay empty leave no trace.
    pub fn open_block(&mut self, kind: ParagraphKind) {
        self.close_block();
        self.block = Some(OpenBlock {
            kind,
            start: None,
            byte_start: self.text.len(),
        });
    }

    /// Number of paragraphs completed so far.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// The text of the last completed paragraph ("" when none).
    pub fn last_paragraph_text(&self) -> &str {
        self.text.get(self.last_block_bytes..).unwrap_or("")
    }

    /// The text of the open block so far ("" when none).
    pub fn current_block_text(&self) -> &str {
        match self.block {
            Some(OpenBlock {
                start: Some(_),
                byte_start,
                ..
            }) => self.text.get(byte_start..).unwrap_or(""),
            _ => "",
        }
    }

    /// Ends the open block, dropping trailing whitespace; an empty block is dropped whole.
    pub fn close_block(&mut self) {
        self.pending_space = false;
        let Some(block) = self.block.take() else {
            return;
        };
        let Some(start) = block.start else {
            return;
        };
        while self.len > start && self.text.ends_with(char::is_whitespace) {
            self.text.pop();
            self.len -= 1;
        }
        // A block of nothing but white space the HTML rules do not collapse (a vertical tab
        // between paragraphs) is dropped whole, with the break written before it.
        let empty = self.len == start;
        if empty && !self.paragraphs.is_empty() && self.text.ends_with(BLOCK_SEPARATOR) {
            self.text.truncate(self.text.len() - BLOCK_SEPARATOR.len());
            self.len -= BLOCK_SEPARATOR.chars().count();
        }
        // Styles still open continue in the next block: record their part in this one.
        for i in 0..self.unstarted.min(self.open_styles.len()) {
            if let (style, Some(s)) = &self.open_styles[i] {
                let (style, s) = (style.clone(), *s);
                self.push_span(s, self.len, style);
                self.open_styles[i].1 = None;
            }
        }
        self.unstarted = 0;
        // Spans that ended in the trimmed whitespace are cut back (span ends never decrease).
        while let Some(last) = self.styles.last_mut() {
            if last.end <= self.len {
                break;
            }
            last.end = self.len;
            if last.start >= last.end {
                self.styles.pop();
            }
        }
        if empty {
            return;
        }
        self.last_block_bytes = block.byte_start;
        self.paragraphs.push(Paragraph {
            start,
            end: self.len,
            kind: block.kind,
        });
    }

    /// Adds inline text, collapsing runs of HTML whitespace (space, tab, line breaks, form feed)
    /// to one space and dropping it at the start and end of the block. Opens a block of
    /// `default_kind` if none is open.
    pub fn push_text(&mut self, s: &str, default_kind: ParagraphKind) {
        let mut rest = s;
        while !rest.is_empty() {
            let ws = rest.len() - rest.trim_start_matches(is_collapsible).len();
            if ws > 0 {
                if self.block.is_some_and(|b| b.start.is_some()) && !self.text.ends_with('\n') {
                    self.pending_space = true;
                }
                rest = &rest[ws..];
                continue;
            }
            let word_len = rest.find(is_collapsible).unwrap_or(rest.len());
            let (word, tail) = rest.split_at(word_len);
            self.emit(word, default_kind);
            rest = tail;
        }
    }

    /// Adds text as it is (code blocks, preformatted text): whitespace and line breaks kept.
    pub fn push_verbatim(&mut self, s: &str, default_kind: ParagraphKind) {
        if s.is_empty() {
            return;
        }
        self.emit(s, default_kind);
    }

    /// A line break inside the block (not at its start or end).
    pub fn hard_break(&mut self) {
        if self.block.is_some_and(|b| b.start.is_some()) {
            self.pending_space = false;
            self.text.push('\n');
            self.len += 1;
        }
    }

    /// A soft break: a space between words.
    pub fn soft_break(&mut self) {
        if self.block.is_some_and(|b| b.start.is_some()) && !self.text.ends_with('\n') {
            self.pending_space = true;
        }
    }

    /// Opens an inline style; it covers the text added until the matching [`Self::close_style`].
    pub fn open_style(&mut self, style: InlineStyle) {
        self.open_styles.push((style, None));
    }

    /// Closes the innermost open style.
    pub fn close_style(&mut self) {
        if let Some((style, Some(start))) = self.open_styles.pop() {
            self.push_span(start, self.len, style);
        }
        self.unstarted = self.unstarted.min(self.open_styles.len());
    }

    /// Ends the last block and returns what was built, styles in text order.
    pub fn finish(mut self) -> Built {
        self.close_block();
        self.styles
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        Built {
            text: self.text,
            paragraphs: self.paragraphs,
            styles: self.styles,
        }
    }

    fn push_span(&mut self, start: usize, end: usize, style: InlineStyle) {
        if end > start {
            self.styles.push(StyleSpan { start, end, style });
        }
    }

    /// Writes `s` (non-empty) into the open block, opening one if needed.
    fn emit(&mut self, s: &str, default_kind: ParagraphKind) {
        if self.block.is_none() {
            self.open_block(default_kind);
        }
        let Some(block) = self.block.as_mut() else {
            return;
        };
        if block.start.is_none() {
            if !self.paragraphs.is_empty() {
                self.text.push_str(BLOCK_SEPARATOR);
                self.len += BLOCK_SEPARATOR.len();
            }
            block.start = Some(self.len);
            block.byte_start = self.text.len();
        } else if self.pending_space {
            self.text.push(' ');
            self.len += 1;
        }
        self.pending_space = false;
        for (_, start) in self.open_styles.iter_mut().skip(self.unstarted) {
            start.get_or_insert(self.len);
        }
        self.unstarted = self.open_styles.len();
        self.text.push_str(s);
        self.len += s.chars().count();
    }
}

/// Whitespace that HTML collapses (not the no-break space).
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(b: &Built, i: usize) -> String {
        let s = &b.styles[i];
        b.text.chars().skip(s.start).take(s.end - s.start).collect()
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line_and_trimmed() {
        let mut b = TextBuilder::default();
        b.open_block(ParagraphKind::Heading(1));
        b.push_text("  A  title \n", ParagraphKind::Body);
        b.open_block(ParagraphKind::Body);
        b.open_block(ParagraphKind::Body);
        b.push_text("First\tpara. ", ParagraphKind::Body);
        b.close_block();
        b.push_text("Second", ParagraphKind::Body);
        let built = b.finish();
        assert_eq!(built.text, "A title\n\nFirst para.\n\nSecond");
        assert_eq!(built.paragraphs.len(), 3);
        assert_eq!(built.paragraphs[1].start, 9);
        assert_eq!(built.paragraphs[1].end, 20);
        assert_eq!(built.paragraphs[0].kind, ParagraphKind::Heading(1));
    }

    #[test]
    fn a_block_of_uncollapsed_white_space_is_dropped_with_its_break() {
        let mut b = TextBuilder::default();
        b.push_text("First", ParagraphKind::Body);
        b.close_block();
        // A vertical tab is no HTML white space, so it opens a block, but it is blank.
        b.push_text("\u{b}\n   ", ParagraphKind::Body);
        b.close_block();
        b.push_text("Second", ParagraphKind::Body);
        let built = b.finish();
        assert_eq!(built.text, "First\n\nSecond");
        assert_eq!(built.paragraphs.len(), 2);
        assert!(built.paragraphs.iter().all(|p| p.start < p.end));
    }

    #[test]
    fn styles_count_code_points_and_skip_surrounding_space() {
        let mut b = TextBuilder::default();
        b.push_text("“Café” ", ParagraphKind::Body);
        b.open_style(InlineStyle::Emphasis);
        b.push_text(" très ", ParagraphKind::Body);
        b.close_style();
        b.push_text(" bien", ParagraphKind::Body);
        let built = b.finish();
        assert_eq!(built.text, "“Café” très bien");
        assert_eq!(built.styles.len(), 1);
        assert_eq!(span(&built, 0), "très");
    }

    #[test]
    fn verbatim_text_keeps_lines_and_loses_the_final_newline() {
        let mut b = TextBuilder::default();
        b.open_block(ParagraphKind::Body);
        b.open_style(InlineStyle::Code);
        b.push_verbatim("let a = 1;\n  a + 1\n", ParagraphKind::Body);
        b.close_style();
        let built = b.finish();
        assert_eq!(built.text, "let a = 1;\n  a + 1");
        assert_eq!(span(&built, 0), "let a = 1;\n  a + 1");
    }

    #[test]
    fn a_style_open_across_blocks_is_split_per_block() {
        let mut b = TextBuilder::default();
        b.open_style(InlineStyle::Strong);
        b.push_text("one", ParagraphKind::Body);
        b.open_block(ParagraphKind::Body);
        b.push_text("two", ParagraphKind::Body);
        b.close_style();
        let built = b.finish();
        assert_eq!(built.styles.len(), 2);
        assert_eq!(span(&built, 0), "one");
        assert_eq!(span(&built, 1), "two");
    }
}
