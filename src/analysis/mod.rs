//! The analysis engine: quotes with speakers, linked entities, figures with values.
//!
//! A pipeline of small passes over one text (see `docs/` and each pass's module docs). The output,
//! [`Analysis`], is what `marginalia analyze --json` prints and what the reader draws.

pub mod figures;
mod model;

pub use model::{
    Analysis, Entity, EntityType, Figure, FigureKind, FigureValue, Mention, Quote, Speaker,
};

use std::sync::atomic::{AtomicBool, Ordering};

use crate::document::Document;

/// Set from another thread to stop an analysis that is no longer wanted.
#[derive(Debug, Default)]
pub struct CancelFlag(AtomicBool);

impl CancelFlag {
    /// A flag that is not set.
    pub fn new() -> Self {
        Self::default()
    }
    /// Asks the analysis to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Analyses a document.
pub fn analyze(doc: &Document) -> Analysis {
    analyze_cancellable(doc, &CancelFlag::new()).unwrap_or_default()
}

/// Analyses a document, giving up (returning `None`) soon after `cancel` is set.
pub fn analyze_cancellable(doc: &Document, cancel: &CancelFlag) -> Option<Analysis> {
    let figures = figures::find_figures(&doc.text);
    if cancel.is_cancelled() {
        return None;
    }
    let mut analysis = Analysis {
        figures,
        ..Analysis::default()
    };
    analysis.assign_ids();
    Some(analysis)
}
