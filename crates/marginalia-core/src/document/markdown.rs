//! Markdown articles, rendered to plain text.
//!
//! Every offset in the app refers to plain text, so Markdown is rendered to it: headings,
//! paragraphs, list items, block quotes and code blocks each become one paragraph (blank line
//! between), inline markup is removed from the text and kept as style ranges (emphasis, strong,
//! code, links), images leave their alt text, HTML in the source is dropped and soft line breaks
//! become spaces. Quotes and apostrophes are kept exactly as written (no "smart" conversion).
//!
//! The first level-1 heading is the title; a "By …" line right after it is the byline, and a date
//! written in the byline is the document's date.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::builder::TextBuilder;
use super::dates::{find_date, looks_like_named_byline};
use super::{Document, InlineStyle, ParagraphKind, title_from};

/// Renders Markdown to a plain-text document.
pub fn from_str(text: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut r = Renderer::default();
    for event in Parser::new_ext(text, options) {
        r.event(event);
    }
    r.finish()
}

/// Block containers that give their paragraphs a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    Item,
}

/// Turns parser events into a document.
#[derive(Debug, Default)]
struct Renderer {
    out: TextBuilder,
    containers: Vec<Container>,
    /// Inside a part whose text is dropped (HTML block, metadata block) — nesting depth.
    skipping: usize,
    /// Inside a code block.
    in_code_block: bool,
    /// The title, once the first level-1 heading is complete.
    title: Option<String>,
    /// Index of the headline among the paragraphs.
    headline: Option<usize>,
    /// The block being written is the one right after the headline.
    after_headline: bool,
    /// Collecting the headline's text.
    in_headline: bool,
    /// The byline paragraph's index, when found by splitting a paragraph at a line break.
    byline: Option<usize>,
    paragraph_count_before_block: usize,
}

impl Renderer {
    /// The kind a paragraph gets from the containers around it.
    fn body_kind(&self) -> ParagraphKind {
        match self.containers.last() {
            Some(Container::Quote) => ParagraphKind::BlockQuote,
            Some(Container::Item) => ParagraphKind::ListItem,
            None => ParagraphKind::Body,
        }
    }

    fn open_block(&mut self, kind: ParagraphKind) {
        self.out.close_block();
        self.note_block_closed();
        self.paragraph_count_before_block = self.paragraph_count();
        self.out.open_block(kind);
    }

    fn close_block(&mut self) {
        self.out.close_block();
        self.note_block_closed();
    }

    /// Tracks whether the next block is the one right after the headline.
    fn note_block_closed(&mut self) {
        let count = self.paragraph_count();
        if count > self.paragraph_count_before_block {
            self.after_headline = self.headline == Some(count - 1);
            self.paragraph_count_before_block = count;
        }
    }

    fn paragraph_count(&self) -> usize {
        self.out.paragraph_count()
    }

    fn event(&mut self, event: Event<'_>) {
        if self.skipping > 0 {
            match event {
                Event::Start(Tag::HtmlBlock | Tag::MetadataBlock(_)) => self.skipping += 1,
                Event::End(TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => self.skipping -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                let kind = self.body_kind();
                if self.in_code_block {
                    self.out.push_verbatim(&t, kind);
                } else {
                    self.out.push_text(&t, kind);
                }
            }
            Event::Code(t) => {
                self.out.open_style(InlineStyle::Code);
                self.out.push_text(&t, self.body_kind());
                self.out.close_style();
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.out.push_text(&t, self.body_kind());
            }
            Event::SoftBreak => self.soft_break(),
            Event::HardBreak => self.out.hard_break(),
            Event::Rule => self.close_block(),
            Event::TaskListMarker(done) => {
                let mark = if done { "[x]" } else { "[ ]" };
                self.out.push_text(mark, self.body_kind());
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => {}
        }
    }

    /// A line break inside a paragraph is a space, except that a byline written on the line
    /// right under the headline ("By Jane Doe" then the first sentence) is split off.
    fn soft_break(&mut self) {
        if self.after_headline
            && self.byline.is_none()
            && self.containers.is_empty()
            && looks_like_named_byline(self.out.current_block_text())
        {
            self.out.close_block();
            self.byline = Some(self.paragraph_count() - 1);
            self.after_headline = false;
            self.paragraph_count_before_block = self.paragraph_count();
            self.out.open_block(ParagraphKind::Body);
            return;
        }
        self.out.soft_break();
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                let kind = self.body_kind();
                self.open_block(kind);
            }
            Tag::Heading { level, .. } => {
                let mut level = heading_level(level);
                if level == 1 {
                    if self.title.is_none() && self.headline.is_none() {
                        self.in_headline = true;
                    } else {
                        // Only the article's headline is a level-1 heading.
                        level = 2;
                    }
                }
                self.open_block(ParagraphKind::Heading(level));
            }
            Tag::BlockQuote(_) => {
                self.close_block();
                self.containers.push(Container::Quote);
            }
            Tag::Item => {
                self.close_block();
                self.containers.push(Container::Item);
                self.open_block(ParagraphKind::ListItem);
            }
            Tag::CodeBlock(_) => {
                let kind = self.body_kind();
                self.open_block(kind);
                self.in_code_block = true;
                self.out.open_style(InlineStyle::Code);
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close_block();
                self.skipping = 1;
            }
            Tag::TableRow | Tag::TableHead => self.open_block(ParagraphKind::Body),
            Tag::TableCell => {
                if !self.out.current_block_text().is_empty() {
                    self.out.push_verbatim("\t", ParagraphKind::Body);
                }
            }
            Tag::Emphasis => self.out.open_style(InlineStyle::Emphasis),
            Tag::Strong => self.out.open_style(InlineStyle::Strong),
            Tag::Link { dest_url, .. } => {
                self.out.open_style(InlineStyle::Link(dest_url.to_string()));
            }
            Tag::List(_)
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::Table(_)
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Image { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if self.in_headline {
                    self.in_headline = false;
                    let title = self.out.current_block_text().trim().to_string();
                    self.close_block();
                    if !title.is_empty() {
                        self.title = Some(title);
                        self.headline = Some(self.paragraph_count() - 1);
                        self.after_headline = true;
                    }
                } else {
                    self.close_block();
                }
            }
            TagEnd::Paragraph
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::TableRow
            | TagEnd::TableHead => self.close_block(),
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.containers.pop();
            }
            TagEnd::Item => {
                self.close_block();
                self.containers.pop();
            }
            TagEnd::CodeBlock => {
                self.out.close_style();
                self.in_code_block = false;
                self.close_block();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => self.out.close_style(),
            TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
            | TagEnd::List(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::Table
            | TagEnd::TableCell
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Image => {}
        }
    }

    fn finish(mut self) -> Document {
        self.close_block();
        let built = self.out.finish();
        let mut doc = Document {
            text: built.text,
            paragraphs: built.paragraphs,
            styles: built.styles,
            ..Document::default()
        };
        let para_text = |doc: &Document, i: usize| -> String {
            doc.paragraphs.get(i).map_or_else(String::new, |p| {
                doc.text
                    .chars()
                    .skip(p.start)
                    .take(p.end - p.start)
                    .collect()
            })
        };
        // A byline is the paragraph right after the headline when it reads as one.
        let byline = self.byline.or_else(|| {
            let next = self.headline? + 1;
            let p = doc.paragraphs.get(next)?;
            (p.kind == ParagraphKind::Body && looks_like_named_byline(&para_text(&doc, next)))
                .then_some(next)
        });
        if let Some(i) = byline {
            let line = para_text(&doc, i).trim().to_string();
            doc.date = find_date(&line).map(str::to_string);
            doc.byline = Some(line);
            if let Some(p) = doc.paragraphs.get_mut(i) {
                p.kind = ParagraphKind::Byline;
            }
        }
        doc.title = match self.title {
            Some(t) => t,
            None => doc
                .paragraphs
                .first()
                .map(|_| title_from(&para_text(&doc, 0)))
                .unwrap_or_default(),
        };
        doc
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::StyleSpan;

    fn para(d: &Document, i: usize) -> String {
        let p = d.paragraphs[i];
        d.text.chars().skip(p.start).take(p.end - p.start).collect()
    }

    fn styled(d: &Document, s: &StyleSpan) -> String {
        d.text.chars().skip(s.start).take(s.end - s.start).collect()
    }

    #[test]
    fn headline_byline_and_paragraphs() {
        let d = from_str(
            "# Ferry fares to rise\n\n*By Jane Doe | June 1, 2025*\n\nThe council said\nfares rise.\n",
        );
        assert_eq!(d.title, "Ferry fares to rise");
        assert_eq!(d.byline.as_deref(), Some("By Jane Doe | June 1, 2025"));
        assert_eq!(d.date.as_deref(), Some("June 1, 2025"));
        assert_eq!(
            d.text,
            "Ferry fares to rise\n\nBy Jane Doe | June 1, 2025\n\nThe council said fares rise."
        );
        let kinds: Vec<_> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Heading(1),
                ParagraphKind::Byline,
                ParagraphKind::Body
            ]
        );
    }

    #[test]
    fn byline_on_the_line_under_the_heading_is_split_off() {
        let d = from_str("# Title\nBy Ann Lee\nFirst line\nof the story.\n");
        assert_eq!(d.byline.as_deref(), Some("By Ann Lee"));
        assert_eq!(d.text, "Title\n\nBy Ann Lee\n\nFirst line of the story.");
        assert_eq!(d.paragraphs[2].kind, ParagraphKind::Body);
        assert_eq!(para(&d, 2), "First line of the story.");
    }

    #[test]
    fn inline_markup_becomes_styles() {
        let d = from_str(
            "Said *very* **loudly** to `cargo` and [the port](https://example.org/port) ‘today’.",
        );
        assert_eq!(d.text, "Said very loudly to cargo and the port ‘today’.");
        let got: Vec<(String, InlineStyle)> = d
            .styles
            .iter()
            .map(|s| (styled(&d, s), s.style.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("very".to_string(), InlineStyle::Emphasis),
                ("loudly".to_string(), InlineStyle::Strong),
                ("cargo".to_string(), InlineStyle::Code),
                (
                    "the port".to_string(),
                    InlineStyle::Link("https://example.org/port".to_string())
                ),
            ]
        );
    }

    #[test]
    fn lists_quotes_code_images_and_html() {
        let src = "Intro \"straight\" and don't.\n\n- one\n- two *x*\n\n> quoted\n> text\n\n<div class=\"ad\">Buy now</div>\n\n![A ferry at dawn](f.jpg)\n\n```\nfn main() {}\n  x\n```\n";
        let d = from_str(src);
        assert_eq!(
            d.text,
            "Intro \"straight\" and don't.\n\none\n\ntwo x\n\nquoted text\n\nA ferry at dawn\n\nfn main() {}\n  x"
        );
        let kinds: Vec<_> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Body,
                ParagraphKind::ListItem,
                ParagraphKind::ListItem,
                ParagraphKind::BlockQuote,
                ParagraphKind::Body,
                ParagraphKind::Body
            ]
        );
        assert_eq!(d.title, "Intro \"straight\" and don't.");
    }

    #[test]
    fn loose_and_nested_lists_give_one_paragraph_per_item_paragraph() {
        let d = from_str("- a\n\n  more a\n- b\n  - b1\n  - b2\n");
        let texts: Vec<String> = (0..d.paragraphs.len()).map(|i| para(&d, i)).collect();
        assert_eq!(texts, ["a", "more a", "b", "b1", "b2"]);
        assert!(
            d.paragraphs
                .iter()
                .all(|p| p.kind == ParagraphKind::ListItem)
        );
    }

    #[test]
    fn later_level_one_headings_are_not_headlines() {
        let d = from_str("# One\n\ntext\n\n# Two\n");
        assert_eq!(d.title, "One");
        assert_eq!(d.paragraphs[2].kind, ParagraphKind::Heading(2));
        assert!(d.byline.is_none());
    }

    #[test]
    fn a_first_sentence_starting_with_by_is_not_a_byline() {
        let d = from_str("# Title\n\nBy noon, the bridge was closed.\n");
        assert_eq!(d.byline, None);
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Body);
    }

    #[test]
    fn empty_markdown_is_an_empty_document() {
        let d = from_str("");
        assert_eq!(d.text, "");
        assert!(d.paragraphs.is_empty());
        assert_eq!(d.title, "");
    }
}
