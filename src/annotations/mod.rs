//! The user's own annotations: the model, the sidecar file they live in, anchoring them again
//! when the article changed, merging sidecars, and exporting them.
//!
//! The file format is `docs/sidecar-format.md` (schema: `docs/sidecar.schema.json`).

mod model;

pub use model::{
    Annotation, ArticleRef, FORMAT_NAME, FORMAT_VERSION, Reply, Sidecar, Status, Target,
};
