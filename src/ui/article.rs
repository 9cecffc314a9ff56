//! The open article as the panels read it: the document, its analysis once the background job
//! is done, and the highlights made from that analysis. Panels only read it; the app replaces
//! it when a file opens and when the analysis arrives.

use std::ops::Range;
use std::sync::Arc;

use super::highlights::{Highlights, Item};
use crate::analysis::Analysis;
use crate::analysis::describe as format;
use crate::document::Document;

/// The article shown and what is known about it.
#[derive(Default)]
pub struct Article {
    /// The document (`None` before the first file opened).
    pub doc: Option<Arc<Document>>,
    /// Its analysis, once done.
    pub analysis: Option<Arc<Analysis>>,
    /// Highlights of the analysis and which kinds are shown.
    pub highlights: Highlights,
    /// Word count and reading minutes, once counted (in the background: a pass over the whole
    /// text, tens of milliseconds for a long one).
    pub reading_stats: Option<(usize, usize)>,
}

impl Article {
    /// The article for a document just opened: no analysis yet, the shown kinds kept.
    pub fn opened(doc: Arc<Document>, visible: [bool; 5]) -> Self {
        Self {
            doc: Some(doc),
            analysis: None,
            highlights: Highlights::new(&Analysis::default(), visible),
            reading_stats: None,
        }
    }

    /// Takes the analysis in and builds its highlights.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.highlights = Highlights::new(&analysis, self.highlights.visible);
        self.analysis = Some(Arc::new(analysis));
    }

    /// The article's text ("" when none is open).
    pub fn text(&self) -> &str {
        self.doc.as_deref().map_or("", |d| d.text.as_str())
    }

    /// The first char range of an item.
    pub fn item_range(&self, item: Item) -> Option<Range<usize>> {
        let a = self.analysis.as_ref()?;
        match item {
            Item::Quote(i) => a.quotes.get(i).map(|q| q.start..q.end),
            Item::Entity(i) => a.entities.get(i)?.mentions.first().map(|m| m.start..m.end),
            Item::Figure(i) => a.figures.get(i).map(|f| f.start..f.end),
        }
    }

    /// The one-line summary of a highlight ("Person · William Ruto · President · 14 mentions").
    pub fn summary(&self, item: Item) -> Option<String> {
        let a = self.analysis.as_ref()?;
        Some(match item {
            Item::Quote(i) => format::quote_summary(a.quotes.get(i)?),
            Item::Entity(i) => format::entity_summary(a.entities.get(i)?),
            Item::Figure(i) => format::figure_summary(a.figures.get(i)?),
        })
    }
}
