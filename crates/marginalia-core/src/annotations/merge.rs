//! Merging two sets of annotations for the same article, by `id`, so that nobody's work is lost.
//!
//! For an id present on both sides the copy with the later `modified` wins (a malformed time
//! loses to a valid one); ties go to the larger `modified` text, the larger `author`, then to the
//! larger JSON text of the whole annotation, so every side computes the same result. A tombstone (`deleted: true`) is an ordinary copy in this order: it wins over an older
//! live copy and loses to a newer one. Because the winner is the maximum of a total order, merging
//! is commutative, associative and idempotent, and the result is sorted deterministically.
//! Used by `marginalia import`, the app's import, and saving when the file changed on disk.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::create::parse_time;
use super::model::{Annotation, Sidecar};

/// What a merge changed, seen from the receiving side; ids in each list are sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Ids new to the receiving side.
    pub added: Vec<String>,
    /// Ids whose live copy was replaced by a newer one.
    pub updated: Vec<String>,
    /// Ids that were live on the receiving side and are now tombstones.
    pub deleted: Vec<String>,
    /// Ids where the receiving side's copy stayed.
    pub unchanged: Vec<String>,
}

impl MergeReport {
    /// Whether the merge changed nothing on the receiving side.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.deleted.is_empty()
    }
}

/// The total order that decides which of two copies of an annotation wins: a `modified` that
/// parses as a time beats one that does not, later times beat earlier ones, then the larger
/// `modified` text, the larger `author`, the larger JSON text. It is a lexicographic order on one
/// key per copy, so it is total and transitive even when some timestamps are malformed — which
/// is what makes the result of merging independent of the order of the imports.
pub fn precedence(a: &Annotation, b: &Annotation) -> Ordering {
    parse_time(&a.modified)
        .cmp(&parse_time(&b.modified))
        .then_with(|| a.modified.cmp(&b.modified))
        .then_with(|| a.author.cmp(&b.author))
        .then_with(|| json_text(a).cmp(&json_text(b)))
}

fn json_text(a: &Annotation) -> String {
    serde_json::to_string(a).unwrap_or_default()
}

/// The winning copy of two copies of one annotation.
pub fn winner<'a>(a: &'a Annotation, b: &'a Annotation) -> &'a Annotation {
    if precedence(a, b) == Ordering::Less {
        b
    } else {
        a
    }
}

/// Reduces a list to one copy per id (the winning one).
fn by_id(list: &[Annotation]) -> BTreeMap<&str, &Annotation> {
    let mut map: BTreeMap<&str, &Annotation> = BTreeMap::new();
    for a in list {
        map.entry(a.id.as_str())
            .and_modify(|cur| *cur = winner(cur, a))
            .or_insert(a);
    }
    map
}

/// The deterministic order of a merged list: by start, end, then id.
pub fn sort_annotations(list: &mut [Annotation]) {
    list.sort_by(|a, b| {
        (a.target.start, a.target.end, &a.id).cmp(&(b.target.start, b.target.end, &b.id))
    });
}

/// Merges `theirs` into `ours` and reports what changed for `ours`. The resulting list does not
/// depend on which side is which.
pub fn merge_annotations(
    ours: &[Annotation],
    theirs: &[Annotation],
) -> (Vec<Annotation>, MergeReport) {
    let ours_map = by_id(ours);
    let theirs_map = by_id(theirs);
    let mut report = MergeReport::default();
    let mut merged: Vec<Annotation> = Vec::with_capacity(ours_map.len() + theirs_map.len());
    for (id, mine) in &ours_map {
        match theirs_map.get(id) {
            None => {
                merged.push((*mine).clone());
                report.unchanged.push((*id).to_string());
            }
            Some(other) => {
                let win = winner(mine, other);
                if std::ptr::eq(win, *mine) || win == *mine {
                    report.unchanged.push((*id).to_string());
                } else if win.deleted && !mine.deleted {
                    report.deleted.push((*id).to_string());
                } else {
                    report.updated.push((*id).to_string());
                }
                merged.push(win.clone());
            }
        }
    }
    for (id, other) in &theirs_map {
        if !ours_map.contains_key(id) {
            merged.push((*other).clone());
            report.added.push((*id).to_string());
        }
    }
    sort_annotations(&mut merged);
    (merged, report)
}

/// Merges two sidecars of the same article. The annotations merge as [`merge_annotations`] says;
/// the rest as [`merge_headers`] says.
pub fn merge_sidecars(ours: &Sidecar, theirs: &Sidecar) -> (Sidecar, MergeReport) {
    let (annotations, report) = merge_annotations(&ours.annotations, &theirs.annotations);
    let merged = Sidecar {
        annotations,
        ..merge_headers(ours, theirs)
    };
    (merged, report)
}

/// Everything of two sidecars but their annotations, merged (the result has none): the `article`
/// block is the receiving side's (`ours`); the version is the higher one; top-level unknown
/// fields are the union, `ours` winning a key both have. Kept apart from the annotations so an
/// import that merges its notes through the undoable store merges the rest the same way.
pub fn merge_headers(ours: &Sidecar, theirs: &Sidecar) -> Sidecar {
    let mut extra = ours.extra.clone();
    for (k, v) in &theirs.extra {
        if !extra.contains_key(k) {
            extra.insert(k.clone(), v.clone());
        }
    }
    Sidecar {
        format: ours.format.clone(),
        version: ours.version.max(theirs.version),
        article: ours.article.clone(),
        annotations: Vec::new(),
        extra,
    }
}
