//! `marginalia export FILE --format w3c|markdown|html|csv [-o OUT]`.
//!
//! Reads FILE's sidecar, anchors its annotations in the article's current text (so the export
//! of a changed article shows each note on the text it is on now, and lists the lost ones
//! apart), analyses the article for the Markdown and HTML formats, and writes the export to OUT
//! atomically, or to standard output. FILE may also be the sidecar itself
//! (`story.txt.annotations.json`), which names its article; that article must be in the
//! sidecar's own folder.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::Context as _;

use super::ExportFormat;
use crate::analysis;
use crate::annotations::anchoring::Anchorer;
use crate::annotations::export::{Placed, csv, html, in_reading_order, markdown, w3c};
use crate::annotations::sidecar::{is_sidecar_path, read_sidecar, sidecar_path};
use crate::annotations::{Annotation, CONTEXT_CHARS, write_atomic};
use crate::document::Document;
use crate::text_index::TextIndex;

/// Exports FILE's annotations in `format` to `output`, or to `out` when there is none.
pub fn run(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (article, sidecar_file) = article_and_sidecar(file)?;
    if let Some(path) = output {
        for (own, what) in [
            (&article, "the article"),
            (&sidecar_file, "its annotations file"),
        ] {
            if same_place(path, own) {
                anyhow::bail!(
                    "{}: is {what}; an export never replaces it (choose another -o)",
                    path.display()
                );
            }
        }
    }
    let doc = crate::document::load(&article)?;
    let annotations = match read_sidecar(&sidecar_file)? {
        Some(loaded) => loaded.sidecar.annotations,
        None => Vec::new(),
    };
    let source = article.file_name().map_or_else(
        || article.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = export(&doc, &annotations, format, &source);
    match output {
        Some(path) => write_atomic(path, text.as_bytes())
            .with_context(|| format!("{}: cannot write the export", path.display()))?,
        None => out
            .write_all(text.as_bytes())
            .context("cannot write the export to standard output")?,
    }
    Ok(())
}

/// Whether two paths name the same place on disk, whether or not a file is there yet: their
/// folders resolved (links, `..`) and their file names compared.
fn same_place(a: &Path, b: &Path) -> bool {
    fn resolved(p: &Path) -> Option<PathBuf> {
        if let Ok(full) = std::fs::canonicalize(p) {
            return Some(full);
        }
        let folder = match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(folder).ok()?.join(p.file_name()?))
    }
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// The export of the live `annotations` of `doc` in `format`, each placed where anchoring finds
/// it in the current text; `source` is what W3C targets point at (the article's file name).
pub fn export(
    doc: &Document,
    annotations: &[Annotation],
    format: ExportFormat,
    source: &str,
) -> String {
    let (current, spans) = anchored_copies(doc, annotations);
    let placed = || {
        in_reading_order(
            current
                .iter()
                .zip(&spans)
                .map(|(annotation, &span)| Placed { annotation, span })
                .collect(),
        )
    };
    match format {
        ExportFormat::W3c => {
            let value = w3c::to_w3c(doc, &current, source);
            // Serialising a JSON value with string keys cannot fail.
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            text
        }
        ExportFormat::Markdown => {
            markdown::to_markdown_placed(doc, &analysis::analyze(doc), &placed())
        }
        ExportFormat::Html => html::to_html_placed(doc, &analysis::analyze(doc), &placed()),
        ExportFormat::Csv => csv::to_csv_placed(doc, &placed()),
    }
}

/// The article and its sidecar for FILE, which is either of them.
fn article_and_sidecar(file: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    if !is_sidecar_path(file) {
        return Ok((file.to_path_buf(), sidecar_path(file)));
    }
    let Some(loaded) = read_sidecar(file)? else {
        anyhow::bail!("{}: no such file", file.display());
    };
    let name = Path::new(&loaded.sidecar.article.file);
    let mut parts = name.components();
    let (Some(Component::Normal(_)), None) = (parts.next(), parts.next()) else {
        anyhow::bail!(
            "{}: its article {:?} is not a file in the sidecar's folder; export the article instead",
            file.display(),
            loaded.sidecar.article.file
        );
    };
    let folder = file.parent().unwrap_or(Path::new(""));
    Ok((folder.join(name), file.to_path_buf()))
}

/// The live annotations with their targets moved to where anchoring finds them in `doc`'s
/// current text (offsets, exact text and context), and where that is (`None`: orphaned; its
/// target is left as it was).
pub fn anchored_copies(
    doc: &Document,
    annotations: &[Annotation],
) -> (Vec<Annotation>, Vec<Option<(usize, usize)>>) {
    let live: Vec<&Annotation> = annotations.iter().filter(|a| !a.deleted).collect();
    let anchors = Anchorer::new(&doc.text).anchor_all(live.iter().map(|a| &a.target));
    let index = TextIndex::new(&doc.text);
    let text = &doc.text;
    live.into_iter()
        .zip(anchors)
        .map(|(a, anchor)| {
            let mut a = a.clone();
            let (Some(start), Some(end)) = (anchor.start, anchor.end) else {
                return (a, None);
            };
            if (a.target.start, a.target.end) != (start, end)
                || index.slice(text, start, end) != a.target.exact
            {
                a.target.start = start;
                a.target.end = end;
                a.target.exact = index.slice(text, start, end).to_string();
                a.target.prefix = index
                    .slice(text, start.saturating_sub(CONTEXT_CHARS), start)
                    .to_string();
                a.target.suffix = index.slice(text, end, end + CONTEXT_CHARS).to_string();
            }
            (a, Some((start, end)))
        })
        .unzip()
}
