//! The core of Marginalia, a reader for news articles that reads them for you.
//!
//! Loading documents, analysing them (quotes and their speakers, people, organisations and places,
//! figures), keeping annotations in sidecar files, anchoring, merging and exporting them. No GUI
//! and no command line are in it, so a front end (the desktop app, the command line, the Python
//! package) builds on it without pulling either in.

pub mod analysis;
pub mod annotations;
pub mod corpus;
pub mod document;
pub mod palette;
pub mod text_index;

pub use document::{Document, LoadError};
