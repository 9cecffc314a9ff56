//! `marginalia annotations FILE [--json] [--all]`: FILE's annotations anchored in its current
//! text, for scripts and checks. Reads the sidecar and the article; changes no file.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::annotations::anchoring::{Anchor, AnchorStatus, Anchorer};
use crate::annotations::sidecar::{read_sidecar, sidecar_path};
use crate::annotations::{Annotation, Sidecar};

/// Lists FILE's annotations anchored in the current text (tombstones only with `all`).
pub fn run(file: &Path, json: bool, all: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    let side = sidecar_path(file);
    let loaded = read_sidecar(&side)?;
    let sidecar = loaded.as_ref().map(|l| &l.sidecar);
    let article_changed = match sidecar {
        Some(s) => article_changed(file, &doc.text, s),
        None => false,
    };
    let list: Vec<&Annotation> = sidecar
        .map(|s| s.annotations.iter().filter(|a| all || !a.deleted).collect())
        .unwrap_or_default();
    let anchorer = Anchorer::new(&doc.text);
    let anchors = anchorer.anchor_all(list.iter().map(|a| &a.target));
    let mut rows: Vec<(&Annotation, Anchor)> = list.into_iter().zip(anchors).collect();
    rows.sort_by_key(|(a, anchor)| (anchor.start.is_none(), anchor.start, a.target.start));

    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(a, anchor)| {
                let mut v = json!({
                    "id": a.id,
                    "status": anchor.status.as_str(),
                    "start": anchor.start,
                    "end": anchor.end,
                    "exact": a.target.exact,
                    "note": a.note,
                    "tags": a.tags,
                    "author": a.author,
                    "status_reason": anchor.reason,
                });
                if all && let Some(map) = v.as_object_mut() {
                    map.insert("deleted".into(), a.deleted.into());
                }
                v
            })
            .collect();
        let doc_json = json!({
            "file": file.display().to_string(),
            "sidecar": side.display().to_string(),
            "article_changed": article_changed,
            "annotations": items,
        });
        serde_json::to_writer_pretty(&mut *out, &doc_json)?;
        writeln!(out)?;
        return Ok(());
    }

    if loaded.is_none() {
        writeln!(
            out,
            "{}: no annotations (no {})",
            file.display(),
            side.display()
        )?;
        return Ok(());
    }
    let n = rows.len();
    writeln!(
        out,
        "{}: {} annotation{} in {}{}",
        file.display(),
        n,
        if n == 1 { "" } else { "s" },
        side.display(),
        if article_changed {
            " (the article changed since they were written)"
        } else {
            ""
        }
    )?;
    for (a, anchor) in &rows {
        let place = match (anchor.start, anchor.end) {
            (Some(s), Some(e)) => format!("{s}..{e}"),
            _ => "-".to_string(),
        };
        let deleted = if a.deleted { " [deleted]" } else { "" };
        writeln!(
            out,
            "\n[{}] {place} \u{201c}{}\u{201d}{deleted}",
            anchor.status.as_str(),
            a.target.exact
        )?;
        let author = if a.author.is_empty() {
            "unknown author"
        } else {
            &a.author
        };
        let mut line = format!("  by {author}, {}", a.modified);
        if !a.tags.is_empty() {
            line.push_str(&format!(", tags: {}", a.tags.join(", ")));
        }
        if a.status != crate::annotations::Status::None {
            line.push_str(&format!(", {}", a.status.as_str()));
        }
        writeln!(out, "{line}")?;
        for l in a.note.lines() {
            writeln!(out, "  {l}")?;
        }
        for r in &a.replies {
            writeln!(out, "  \u{21b3} {}: {}", r.author, r.note)?;
        }
        if anchor.status != AnchorStatus::Anchored {
            writeln!(out, "  ({})", anchor.reason)?;
        }
    }
    Ok(())
}

/// Whether the article is not the one the sidecar was written against (its bytes' hash or its
/// length differ from the sidecar's `article` block).
pub fn article_changed(file: &Path, text: &str, sidecar: &Sidecar) -> bool {
    let Ok(sha256) = crate::annotations::sidecar::article_sha256(file) else {
        return true;
    };
    let same_hash = sha256.eq_ignore_ascii_case(&sidecar.article.sha256);
    let same_len = text.chars().count() == sidecar.article.chars;
    !(same_hash && same_len)
}
