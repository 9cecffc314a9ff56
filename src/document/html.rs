//! Saved web pages (filled in by the HTML loader work).

use super::Document;

/// Extracts the article from an HTML page.
pub fn from_str(text: &str) -> Document {
    super::txt::from_str(text)
}
