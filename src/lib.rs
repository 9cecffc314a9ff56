//! Marginalia: a reader for news articles that reads them for you.
//!
//! The library is the pure core — loading documents, analysing them, keeping annotations in
//! sidecar files, anchoring, merging and exporting them — with no GUI in it. The [`ui`] module is
//! the thin egui layer on top, and the binary (`src/main.rs`) is the command line.

pub mod analysis;
pub mod annotations;
pub mod cli;
pub mod document;
pub mod palette;
pub mod text_index;
pub mod ui;

pub use document::{Document, LoadError};
