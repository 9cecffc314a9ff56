//! `marginalia import FILE OTHER.annotations.json`: merges another person's sidecar (or a W3C /
//! Hypothesis export) into FILE's sidecar (created if missing) by id, writes it atomically, and
//! reports what was added, updated, deleted, and which of the incoming annotations could not be
//! anchored in FILE's text. The reading, merging and re-anchoring are the app's import
//! ([`Session::import_file`]); only the saving at once and the report are the command line's.

use std::io::Write;
use std::path::Path;

use crate::annotations::import::ImportReport;
use crate::annotations::session::Session;

/// Merges OTHER into FILE's sidecar.
pub fn run(file: &Path, other: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    let mut session = Session::open(&doc, None);
    let report = session.import_file(other, &doc)?;
    let nothing_new = !session.is_dirty();
    if !nothing_new {
        session.save(&doc).map_err(anyhow::Error::msg)?;
    }
    let side = session.sidecar_path.as_deref().unwrap_or(file);
    writeln!(
        out,
        "{} {} into {}",
        if nothing_new {
            "Nothing new from"
        } else {
            "Merged"
        },
        other.display(),
        side.display()
    )?;
    print_report(out, &session, &report)?;
    Ok(())
}

/// The lists of the report: each its count, then each id with the text it is on.
fn print_report(
    out: &mut dyn Write,
    session: &Session,
    report: &ImportReport,
) -> std::io::Result<()> {
    let exact_of = |id: &str| {
        session
            .store
            .get(id)
            .map_or("", |a| a.target.exact.as_str())
    };
    for (label, ids) in [
        ("added", &report.merge.added),
        ("updated", &report.merge.updated),
        ("deleted", &report.merge.deleted),
    ] {
        writeln!(out, "{label}: {}", ids.len())?;
        for id in ids {
            writeln!(out, "  {id} \u{201c}{}\u{201d}", exact_of(id))?;
        }
    }
    writeln!(out, "orphaned: {}", report.orphaned.len())?;
    for o in &report.orphaned {
        writeln!(out, "  {} \u{201c}{}\u{201d} ({})", o.id, o.exact, o.reason)?;
    }
    Ok(())
}
