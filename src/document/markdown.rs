//! Markdown articles (filled in by the Markdown loader work).

use super::Document;

/// Renders Markdown to a plain-text document.
pub fn from_str(text: &str) -> Document {
    super::txt::from_str(text)
}
