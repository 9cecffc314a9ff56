//! Documents: what an article is once loaded, whatever its format.
//!
//! A [`Document`] is the plain text that every offset in the app, the analysis and the sidecar
//! files refers to (Unicode code points, see `crate::text_index`), plus the structure a reader
//! needs to show it well: title, byline, paragraph ranges and inline styles. One loader per
//! format turns bytes into a `Document`; [`load`] picks the loader from the file name.

mod builder;
mod dates;
mod error;
pub mod html;
mod html_depth;
mod html_page;
mod html_walk;
mod load;
pub mod markdown;
pub mod txt;

pub use error::{LoadError, LoadErrorKind};
pub use load::{Format, MAX_FILE_BYTES, load, load_bytes, read_limited};

use std::path::PathBuf;

/// An article ready to read and analyse.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Where it was loaded from, if from a file.
    pub path: Option<PathBuf>,
    /// The article's title (its headline, or the start of its first sentence).
    pub title: String,
    /// The byline ("By Jane Doe"), when the article has one.
    pub byline: Option<String>,
    /// The publication date as written, when the article states one.
    pub date: Option<String>,
    /// The plain text; every offset refers to it, in code points.
    pub text: String,
    /// Paragraph ranges into `text` (code points, end exclusive), in order, not overlapping.
    pub paragraphs: Vec<Paragraph>,
    /// Inline styles (emphasis, links) from formats that have them, in code points.
    pub styles: Vec<StyleSpan>,
    /// Things the user should know about how the file was read (e.g. a legacy encoding).
    pub warnings: Vec<String>,
}

/// One block of text: a headline, a byline, or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// First char of the block.
    pub start: usize,
    /// One past the last char of the block (before its line break).
    pub end: usize,
    /// What the block is, so the view can set it.
    pub kind: ParagraphKind,
}

/// The role of a block in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// A headline or heading; `1` is the article's headline.
    Heading(u8),
    /// The byline/dateline line under the headline.
    Byline,
    /// Body text.
    Body,
    /// A block quotation.
    BlockQuote,
    /// An item of a list.
    ListItem,
}

/// An inline style over a range of the text (code points, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleSpan {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The style.
    pub style: InlineStyle,
}

/// Inline styles kept from Markdown and HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineStyle {
    /// Italic.
    Emphasis,
    /// Bold.
    Strong,
    /// Monospace.
    Code,
    /// A link and its target (never fetched).
    Link(String),
}

impl Document {
    /// Builds a document from plain text, as the `.txt` loader does (no path).
    pub fn from_text(text: &str) -> Self {
        txt::from_str(text)
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// Number of words in the text (whitespace-separated runs with a letter or digit).
    pub fn word_count(&self) -> usize {
        self.text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    /// Reading time in whole minutes at 230 words a minute (at least 1 for a non-empty text).
    pub fn reading_minutes(&self) -> usize {
        reading_minutes(self.word_count())
    }
}

/// Reading time in whole minutes of `words` words at 230 words a minute (at least 1 for a
/// non-empty text); for a caller that has counted the words already (counting a 20 MB text
/// takes tens of milliseconds).
pub fn reading_minutes(words: usize) -> usize {
    if words == 0 { 0 } else { words.div_ceil(230) }
}

/// Makes a title from the first paragraph: whole if short, else its first sentence cut at a word
/// boundary with an ellipsis.
pub(crate) fn title_from(first: &str) -> String {
    const MAX: usize = 60;
    let first = first.trim();
    if first.chars().count() <= MAX {
        return first.to_string();
    }
    let mut out = String::new();
    for word in first.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Do not end on a dangling little word ("… progress in…").
    const LITTLE: [&str; 12] = [
        "a", "an", "the", "in", "of", "on", "at", "to", "for", "and", "or", "by",
    ];
    let mut words: Vec<&str> = out.split(' ').collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LITTLE.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let out = words.join(" ");
    let out = out.trim_end_matches([',', ';', ':', '—', '-']);
    format!("{out}…")
}
