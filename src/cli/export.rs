//! `marginalia export FILE --format w3c|markdown|html|csv [-o OUT]`.
//!
//! Reads FILE's sidecar and writes the export the app's File ▸ Export writes (the core's one
//! dispatcher, [`crate::annotations::export::render`]) to OUT atomically, or to standard output.
//! FILE may also be the sidecar itself (`story.txt.annotations.json`), which names its article;
//! that article must be in the sidecar's own folder.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use super::ExportFormat;
use crate::annotations::beside::{LocateError, article_and_sidecar};
use crate::annotations::export::{check_destination, render, source_name};
use crate::annotations::sidecar::read_sidecar;
use crate::annotations::write_atomic;

/// Exports FILE's annotations in `format` to `output`, or to `out` when there is none.
pub fn run(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let found = article_and_sidecar(file).map_err(|e| match e {
        LocateError::Outside { .. } => anyhow::anyhow!("{e}; export the article instead"),
        other => other.into(),
    })?;
    if let Some(path) = output {
        check_destination(path, &found.article, &found.sidecar)
            .map_err(|e| anyhow::anyhow!("{e} (choose another -o)"))?;
    }
    let doc = crate::document::load(&found.article)?;
    let annotations = match read_sidecar(&found.sidecar)? {
        Some(loaded) => loaded.sidecar.annotations,
        None => Vec::new(),
    };
    let source = source_name(Some(&found.article));
    let text = render(&doc, &annotations, format, &source, None);
    match output {
        Some(path) => write_atomic(path, text.as_bytes())
            .with_context(|| format!("{}: cannot write the export", path.display()))?,
        None => out
            .write_all(text.as_bytes())
            .context("cannot write the export to standard output")?,
    }
    Ok(())
}
