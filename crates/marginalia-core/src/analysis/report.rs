//! The JSON object of one analysed article, as every front end prints it
//! (`shared/spec/analysis-json.md`): the file it was read from, its length, and the analysis.

use serde::Serialize;

use super::Analysis;

/// One article's analysis with where it came from.
#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    /// The path as given, or a name the caller chose for text that came from no file.
    pub file: String,
    /// The text's length in code points (the unit of every offset).
    pub chars: usize,
    /// Quotes, entities and figures.
    #[serde(flatten)]
    pub analysis: &'a Analysis,
}
