//! Marginalia: a reader for news articles that reads them for you.
//!
//! The pure core — loading documents, analysing them, keeping annotations in sidecar files,
//! anchoring, merging and exporting them — is the `marginalia-core` crate, re-exported here under
//! its own module names. The [`ui`] module is the thin egui layer on top, and [`cli`] with the
//! binary (`src/main.rs`) is the command line.

pub use marginalia_core::{Document, LoadError};
pub use marginalia_core::{analysis, annotations, corpus, document, palette, text_index};

pub mod cli;
pub mod ui;

/// Every program built on this crate (the app, the command line, its benchmarks and tests)
/// allocates through mimalloc: the analysis makes millions of small, short-lived strings and
/// vectors, which it serves faster and with fewer page faults than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
