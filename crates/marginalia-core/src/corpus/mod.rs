//! Many articles at once: what a folder or an archive says as a whole.

pub mod build;
pub mod paths;
pub mod voices;

pub use build::{voices_of_file, voices_of_files};
pub use voices::{ArticleSummary, Voice, Voices, speaker_id};
