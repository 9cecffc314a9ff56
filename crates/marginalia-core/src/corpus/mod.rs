//! Many articles at once: what a folder or an archive says as a whole.

pub mod voices;

pub use voices::{ArticleSummary, Voice, Voices, speaker_id};
