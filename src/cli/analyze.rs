//! `marginalia analyze FILE [--json]`.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::analysis::{self, Analysis};

/// The JSON document `analyze --json` prints.
#[derive(Serialize)]
struct Output<'a> {
    file: String,
    chars: usize,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Prints the analysis of `file`, as JSON or as a readable summary.
pub fn run(file: &Path, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    let analysis = analysis::analyze(&doc);
    if json {
        let output = Output {
            file: file.display().to_string(),
            chars: doc.char_len(),
            analysis: &analysis,
        };
        serde_json::to_writer_pretty(&mut *out, &output)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{}: {} quotes, {} entities, {} figures",
            file.display(),
            analysis.quotes.len(),
            analysis.entities.len(),
            analysis.figures.len()
        )?;
    }
    Ok(())
}
