//! The user's own annotations: the model, the sidecar file they live in, anchoring them again
//! when the article changed, merging sidecars, and exporting them.
//!
//! The file format is `docs/sidecar-format.md` (schema: `docs/sidecar.schema.json`).

pub mod export;
mod model;
pub mod web_import;

pub use model::{
    Annotation, ArticleRef, FORMAT_NAME, FORMAT_VERSION, Reply, Sidecar, Status, Target,
};
