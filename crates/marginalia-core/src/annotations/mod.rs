//! The user's own annotations: the model, the sidecar file they live in, anchoring them again
//! when the article changed, merging sidecars, the session of an open article, and exporting
//! them.
//!
//! The file format is `docs/sidecar-format.md` (schema: `docs/sidecar.schema.json`).

pub mod align;
pub mod anchoring;
mod atomic_write;
pub mod beside;
mod create;
pub mod export;
mod file_lock;
pub mod import;
pub mod merge;
mod model;
pub mod session;
pub mod sidecar;
pub mod store;
pub mod web_import;

pub use atomic_write::{keep_aside, write_atomic};
pub use create::{CONTEXT_CHARS, format_time, next_modified, now_rfc3339, parse_time};
pub use model::{
    Annotation, ArticleRef, FORMAT_NAME, FORMAT_VERSION, Reply, Sidecar, Status, Target,
    default_color,
};
