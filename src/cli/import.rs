//! `marginalia import FILE OTHER.annotations.json`: merges another person's sidecar into FILE's
//! sidecar (created if missing) by id, writes it atomically, and reports what was added, updated,
//! deleted, and which of the incoming annotations could not be anchored in FILE's text.

use std::io::Write;
use std::path::Path;

use crate::annotations::Annotation;
use crate::annotations::anchoring::{AnchorStatus, Anchorer};
use crate::annotations::merge::merge_sidecars;
use crate::annotations::sidecar::{
    describe_article, empty_sidecar, parse_sidecar, read_annotation_bytes, read_sidecar,
    save_merging, sidecar_path,
};

/// Merges OTHER into FILE's sidecar.
pub fn run(file: &Path, other: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    let side = sidecar_path(file);
    let loaded = read_sidecar(&side)?;
    if let Some(l) = &loaded
        && l.read_only
    {
        anyhow::bail!(
            "{}: written by a newer version (format version {}), so it is read-only; nothing imported",
            side.display(),
            l.sidecar.version
        );
    }
    let bytes = read_annotation_bytes(other)?;
    let current = describe_article(file, &doc)
        .map_err(|e| anyhow::anyhow!("{}: cannot read the file: {e}", file.display()))?;
    let theirs = if is_marginalia_sidecar(&bytes) {
        let (theirs, newer) = parse_sidecar(other, &bytes)?;
        if newer {
            anyhow::bail!(
                "{}: written by a newer version (format version {}); this build cannot merge it without losing what it added; nothing imported",
                other.display(),
                theirs.version
            );
        }
        theirs
    } else {
        // A W3C Web Annotation or Hypothesis export: its selectors refer to this article.
        let text = String::from_utf8_lossy(&bytes);
        let list = crate::annotations::web_import::from_web_json(&text, &doc)
            .map_err(|e| anyhow::anyhow!("{}: {e}", other.display()))?;
        let mut s = empty_sidecar(current.clone());
        s.annotations = list;
        s
    };
    let ours = match &loaded {
        Some(l) => l.sidecar.clone(),
        None => {
            // A new file: the incoming offsets refer to the article the other file describes.
            let mut s = empty_sidecar(theirs.article.clone());
            s.article.file = current.file.clone();
            s
        }
    };
    let (mut merged, report) = merge_sidecars(&ours, &theirs);

    let anchorer = Anchorer::new(&doc.text);
    let live: Vec<&Annotation> = merged.annotations.iter().filter(|a| !a.deleted).collect();
    let anchors = anchorer.anchor_all(live.iter().map(|a| &a.target));
    let all_in_place = anchors.iter().all(|a| a.status == AnchorStatus::Anchored);
    let incoming: std::collections::HashSet<&str> = report
        .added
        .iter()
        .chain(&report.updated)
        .map(String::as_str)
        .collect();
    let orphaned: Vec<(String, String, String)> = live
        .iter()
        .zip(&anchors)
        .filter(|(a, anchor)| {
            anchor.status == AnchorStatus::Orphaned && incoming.contains(a.id.as_str())
        })
        .map(|(a, anchor)| (a.id.clone(), a.target.exact.clone(), anchor.reason.clone()))
        .collect();
    if all_in_place {
        // Every offset is right for the current text: the article block may describe it.
        merged.article.refresh(current);
    }

    let nothing_new = report.is_empty() && loaded.is_some();
    if !nothing_new {
        save_merging(&side, &merged, loaded.as_ref().map(|l| &l.stamp))?;
    }

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
    let exact_of: std::collections::HashMap<&str, &str> = merged
        .annotations
        .iter()
        .map(|a| (a.id.as_str(), a.target.exact.as_str()))
        .collect();
    print_ids(out, "added", &report.added, &exact_of)?;
    print_ids(out, "updated", &report.updated, &exact_of)?;
    print_ids(out, "deleted", &report.deleted, &exact_of)?;
    writeln!(out, "orphaned: {}", orphaned.len())?;
    for (id, exact, reason) in &orphaned {
        writeln!(out, "  {id} \u{201c}{exact}\u{201d} ({reason})")?;
    }
    Ok(())
}

/// Whether the bytes are JSON with `"format": "marginalia.annotations"` (else: try web formats).
fn is_marginalia_sidecar(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(v) => v.get("format").is_some(),
        // Broken JSON: let the sidecar parser report where.
        Err(_) => true,
    }
}

/// One list of the report: its count, then each id with the text it is on (looked up by id in
/// the merged file, so the report takes time in proportion to its length).
fn print_ids(
    out: &mut dyn Write,
    label: &str,
    ids: &[String],
    exact_of: &std::collections::HashMap<&str, &str>,
) -> std::io::Result<()> {
    writeln!(out, "{label}: {}", ids.len())?;
    for id in ids {
        let exact = exact_of.get(id.as_str()).copied().unwrap_or("");
        writeln!(out, "  {id} \u{201c}{exact}\u{201d}")?;
    }
    Ok(())
}
