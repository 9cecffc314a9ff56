//! Writing an HTML element tree as the article's text: which elements make blocks (paragraphs,
//! headings, list items, block quotes, preformatted text), which run inside a line, and which
//! give their text a style. Kept apart from [`super::html`], which decides what of the page is
//! the article; this only lays out what it is given.

use scraper::{ElementRef, Node};

use super::builder::TextBuilder;
use super::html_page::is_furniture;
use super::{InlineStyle, ParagraphKind};

/// One step of the walk over the element tree.
enum Step<'a> {
    Enter(ElementRef<'a>),
    Exit(ElementRef<'a>),
    Text(&'a str),
}

/// Writes elements' text into a [`TextBuilder`], block by block.
#[derive(Debug, Default)]
pub(super) struct Walker {
    /// The text written so far.
    pub(super) out: TextBuilder,
    /// Kinds given by the containers (list items, block quotes) around the current point.
    containers: Vec<ParagraphKind>,
    /// Depth of `<pre>` elements around the current point.
    pre: usize,
    /// Writing one line (headline, byline): blocks inside are run together.
    flat: bool,
}

impl Walker {
    fn body_kind(&self) -> ParagraphKind {
        self.containers
            .last()
            .copied()
            .unwrap_or(ParagraphKind::Body)
    }

    /// Writes what is inside `el` into the open block as one line: the headline or byline.
    pub(super) fn walk_inline<'a>(&mut self, el: ElementRef<'a>) {
        self.flat = true;
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.out.push_text(t, self.body_kind()),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.walk(e, &[]);
                    }
                }
                _ => {}
            }
        }
        self.flat = false;
    }

    /// Walks `top` and everything in it (without recursion, so deep pages cannot overflow the
    /// stack), leaving out page furniture and the elements in `skip`.
    pub(super) fn walk<'a>(&mut self, top: ElementRef<'a>, skip: &[ElementRef<'a>]) {
        let mut stack = vec![Step::Enter(top)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Text(t) => {
                    let kind = self.body_kind();
                    if self.pre > 0 {
                        self.out.push_verbatim(t, kind);
                    } else {
                        self.out.push_text(t, kind);
                    }
                }
                Step::Exit(el) => self.exit(el),
                Step::Enter(el) => {
                    if is_furniture(el.value()) || skip.iter().any(|s| s.id() == el.id()) {
                        continue;
                    }
                    self.enter(el);
                    stack.push(Step::Exit(el));
                    push_children(&mut stack, el);
                }
            }
        }
    }

    /// Starts an element: opens its block or style (in a one-line walk, only a soft break).
    fn enter(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        if self.flat && !is_inline(name) {
            self.out.soft_break();
        }
        match name {
            "q" => self.out.push_text("“", self.body_kind()),
            _ if self.flat => {}
            "br" => self.line_break(),
            _ => self.open_block_for(name),
        }
        if let Some(style) = inline_style(el) {
            self.out.open_style(style);
        }
    }

    /// A `<br>`: a line break, or the end of the paragraph after another one, as old pages
    /// write paragraphs.
    fn line_break(&mut self) {
        if self.out.current_block_text().ends_with('\n') {
            let kind = self.body_kind();
            self.out.open_block(kind);
        } else {
            self.out.hard_break();
        }
    }

    /// Opens the block an element starts (closing the one before it); an inline element
    /// starts none.
    fn open_block_for(&mut self, name: &str) {
        match name {
            "p" | "dt" | "dd" | "td" | "th" | "caption" => {
                let kind = self.body_kind();
                self.out.open_block(kind);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.out
                    .open_block(ParagraphKind::Heading(heading_level(name)));
            }
            "li" => {
                self.containers.push(ParagraphKind::ListItem);
                self.out.open_block(ParagraphKind::ListItem);
            }
            "blockquote" => {
                self.containers.push(ParagraphKind::BlockQuote);
                self.out.open_block(ParagraphKind::BlockQuote);
            }
            "pre" => {
                let kind = self.body_kind();
                self.out.open_block(kind);
                self.pre += 1;
            }
            _ if is_inline(name) => {}
            _ => self.out.close_block(),
        }
    }

    /// Ends an element: closes its style and its block.
    fn exit(&mut self, el: ElementRef<'_>) {
        if inline_style(el).is_some() {
            self.out.close_style();
        }
        let name = el.value().name();
        if self.flat && !is_inline(name) {
            self.out.soft_break();
        }
        match name {
            "q" => self.out.push_text("”", self.body_kind()),
            _ if self.flat => {}
            "li" | "blockquote" => {
                self.out.close_block();
                self.containers.pop();
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.out.close_block();
            }
            "br" => {}
            _ if is_inline(name) => {}
            _ => self.out.close_block(),
        }
    }
}

/// Pushes the steps for `el`'s text and child elements so they pop in document order.
fn push_children<'a>(stack: &mut Vec<Step<'a>>, el: ElementRef<'a>) {
    let first = stack.len();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => stack.push(Step::Text(t)),
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    stack.push(Step::Enter(e));
                }
            }
            _ => {}
        }
    }
    stack[first..].reverse();
}

/// The style an inline element gives its text.
fn inline_style(el: ElementRef<'_>) -> Option<InlineStyle> {
    match el.value().name() {
        "em" | "i" | "cite" | "dfn" => Some(InlineStyle::Emphasis),
        "strong" | "b" => Some(InlineStyle::Strong),
        "code" | "kbd" | "samp" | "tt" | "pre" => Some(InlineStyle::Code),
        "a" => {
            let href = el.value().attr("href")?.trim();
            let lower = href.to_ascii_lowercase();
            if href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:") {
                None
            } else {
                Some(InlineStyle::Link(href.to_string()))
            }
        }
        _ => None,
    }
}

/// Elements that sit inside a line of text rather than making a block.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "acronym"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

fn heading_level(name: &str) -> u8 {
    match name {
        // A second h1 in the article is a section heading, not the headline.
        "h1" | "h2" => 2,
        "h3" => 3,
        "h4" => 4,
        "h5" => 5,
        _ => 6,
    }
}
