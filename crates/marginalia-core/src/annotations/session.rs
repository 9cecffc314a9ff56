//! The annotations of one open article: loaded from its sidecar, placed in its text, edited
//! through the undoable store, and saved back (atomically, merging with changes made on disk).
//!
//! A front end holds one session per open article and sends every change through it, so undo,
//! autosave and tests share one door. It ties the sidecar, anchoring and store modules together
//! and knows nothing of windows or drawing.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::anchoring::{Anchor, AnchorCounts, AnchorStatus, Anchorer};
use super::import::{ImportOrphan, ImportReport};
use super::merge::{MergeReport, merge_annotations, merge_headers};
use super::sidecar::{self, DiskStamp};
use super::store::{AnnotationStore, Applied, Edit, StoreError};
use super::{Annotation, ArticleRef, Sidecar, keep_aside};
use crate::document::Document;

/// Changes are saved this long after the last edit.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Why annotating is not possible right now.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocked {
    /// The article has no file (the bundled sample shown from memory).
    NoFile,
    /// The sidecar could not be read; the message names the file, line, column and problem.
    Broken(String),
    /// The sidecar was written by a newer version.
    ReadOnly(String),
}

/// The annotation state of one open article.
#[derive(Debug, Default)]
pub struct Session {
    /// Where the annotations are kept.
    pub sidecar_path: Option<PathBuf>,
    /// The article file.
    pub article_path: Option<PathBuf>,
    /// The annotations (tombstones included), with undo history.
    pub store: AnnotationStore,
    /// Where each annotation sits in the current text, by id.
    pub anchors: HashMap<String, Anchor>,
    /// Whether annotating is possible (and if not, why).
    pub blocked: Option<Blocked>,
    /// The article's text differs from the one the sidecar was written against.
    pub article_changed: bool,
    stamp: Option<DiskStamp>,
    base: Option<Sidecar>,
    last_edit: Option<Instant>,
}

impl Session {
    /// Opens the annotations of `doc` from `sidecar_path` (default: beside the article). Never
    /// fails: a sidecar that cannot be read blocks annotating and is left untouched.
    pub fn open(doc: &Document, sidecar_path: Option<PathBuf>) -> Session {
        let Some(article) = doc.path.clone() else {
            return Session {
                blocked: Some(Blocked::NoFile),
                ..Session::default()
            };
        };
        let path = sidecar_path.unwrap_or_else(|| sidecar::sidecar_path(&article));
        let mut s = Session {
            sidecar_path: Some(path.clone()),
            article_path: Some(article),
            ..Session::default()
        };
        match sidecar::read_sidecar(&path) {
            Ok(None) => {}
            Ok(Some(loaded)) => {
                s.article_changed = loaded.sidecar.article.chars != doc.char_len()
                    || !loaded.sidecar.article.sha256.is_empty()
                        && s.article_path
                            .as_deref()
                            .and_then(|p| sidecar::article_sha256(p).ok())
                            .is_some_and(|h| h != loaded.sidecar.article.sha256);
                s.store = AnnotationStore::new(loaded.sidecar.annotations.clone());
                if loaded.read_only {
                    s.store.set_read_only(true);
                    s.blocked = Some(Blocked::ReadOnly(format!(
                        "{}: written by a newer version of Marginalia (format version {}); shown read-only",
                        path.display(),
                        loaded.sidecar.version
                    )));
                }
                s.stamp = Some(loaded.stamp);
                s.base = Some(loaded.sidecar);
            }
            Err(e) => {
                s.blocked = Some(Blocked::Broken(e.to_string()));
                s.store.set_read_only(true);
            }
        }
        s.reanchor_all(&doc.text);
        s
    }

    /// Whether new annotations and edits are allowed.
    pub fn can_edit(&self) -> bool {
        self.blocked.is_none()
    }

    /// Places every annotation in `text` again.
    pub fn reanchor_all(&mut self, text: &str) {
        self.anchors.clear();
        self.anchor_missing(text);
    }

    /// Places the annotations that have no place yet.
    fn anchor_missing(&mut self, text: &str) {
        let missing: Vec<&Annotation> = self
            .store
            .all()
            .iter()
            .filter(|a| !self.anchors.contains_key(&a.id))
            .collect();
        if missing.is_empty() {
            return;
        }
        // In text order, each note looked for where the one before it moved: the same path as
        // the command line, so a paragraph added on top costs one shift, not a search per note.
        let anchors = Anchorer::new(text).anchor_all(missing.iter().map(|a| &a.target));
        let ids: Vec<String> = missing.iter().map(|a| a.id.clone()).collect();
        self.anchors.extend(ids.into_iter().zip(anchors));
    }

    /// Applies an edit made against `text` (the current article text).
    pub fn apply(&mut self, edit: Edit, text: &str) -> Result<Applied, StoreError> {
        // An edit that sets a target (add, re-attach) is placed exactly where it was made.
        let placed: Option<(String, Range<usize>)> = match &edit {
            Edit::Add(a) => Some((a.id.clone(), a.target.start..a.target.end)),
            Edit::Update(id, a) if self.store.get(id).is_some_and(|old| old.target != a.target) => {
                Some((id.clone(), a.target.start..a.target.end))
            }
            _ => None,
        };
        let wholesale = matches!(edit, Edit::Import(_) | Edit::ReplaceAll(_));
        let applied = self.store.apply(edit)?;
        if let Some((id, r)) = placed {
            self.anchors.insert(
                id,
                Anchor {
                    status: AnchorStatus::Anchored,
                    start: Some(r.start),
                    end: Some(r.end),
                    reason: String::new(),
                },
            );
        }
        if wholesale {
            self.reanchor_all(text);
        }
        self.last_edit = Some(Instant::now());
        Ok(applied)
    }

    /// Merges another person's sidecar (`theirs`) into these annotations by id, as one undoable
    /// step, and places them again; `current` describes the article as it is now. Their
    /// top-level fields join ours (see [`merge_headers`]); when there was no sidecar yet, the
    /// article block is theirs (their offsets refer to the text it describes) with our file name.
    /// Nothing new into an existing sidecar is no edit at all, so it is not written again.
    pub fn import(
        &mut self,
        theirs: Sidecar,
        current: &ArticleRef,
        text: &str,
    ) -> Result<ImportReport, StoreError> {
        let (merged, report) = merge_annotations(self.store.all(), &theirs.annotations);
        if report.is_empty() && self.base.is_some() {
            return Ok(ImportReport {
                merge: report,
                orphaned: Vec::new(),
            });
        }
        self.apply(Edit::ReplaceAll(merged), text)?;
        let base = self.base.take().unwrap_or_else(|| {
            let mut fresh = sidecar::empty_sidecar(theirs.article.clone());
            fresh.article.file = current.file.clone();
            fresh
        });
        self.base = Some(merge_headers(&base, &theirs));
        let orphaned = self.orphans_among(&report);
        Ok(ImportReport {
            merge: report,
            orphaned,
        })
    }

    /// The live notes a merge added or updated that have no place, in the store's order.
    fn orphans_among(&self, report: &MergeReport) -> Vec<ImportOrphan> {
        let incoming: std::collections::HashSet<&str> = report
            .added
            .iter()
            .chain(&report.updated)
            .map(String::as_str)
            .collect();
        self.store
            .live()
            .filter(|a| incoming.contains(a.id.as_str()))
            .filter_map(|a| {
                let an = self.anchors.get(&a.id)?;
                (an.status == AnchorStatus::Orphaned).then(|| ImportOrphan {
                    id: a.id.clone(),
                    exact: a.target.exact.clone(),
                    reason: an.reason.clone(),
                })
            })
            .collect()
    }

    /// Undoes the last edit.
    pub fn undo(&mut self, text: &str) -> bool {
        let done = self.store.undo();
        if done {
            self.after_history_step(text);
        }
        done
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, text: &str) -> bool {
        let done = self.store.redo();
        if done {
            self.after_history_step(text);
        }
        done
    }

    fn after_history_step(&mut self, text: &str) {
        // A step may have changed a target (re-attach) or brought back a set: place again what
        // no longer matches its recorded place.
        let stale: Vec<String> = self
            .store
            .all()
            .iter()
            .filter(|a| {
                self.anchors.get(&a.id).is_some_and(|an| {
                    an.status == AnchorStatus::Anchored
                        && (an.start, an.end) != (Some(a.target.start), Some(a.target.end))
                })
            })
            .map(|a| a.id.clone())
            .collect();
        for id in stale {
            self.anchors.remove(&id);
        }
        self.anchor_missing(text);
        self.last_edit = Some(Instant::now());
    }

    /// Live annotations with their place (`None` when orphaned).
    pub fn placed(&self) -> impl Iterator<Item = (&Annotation, Option<Range<usize>>)> {
        self.store.live().map(|a| (a, self.range_of(&a.id)))
    }

    /// Where an annotation sits now.
    pub fn range_of(&self, id: &str) -> Option<Range<usize>> {
        let an = self.anchors.get(id)?;
        Some(an.start?..an.end?)
    }

    /// The live note whose span covers char `c`, the shortest when several nest (so the inner
    /// one of two nested notes can be clicked at all).
    pub fn note_at(&self, c: usize) -> Option<&str> {
        self.placed()
            .filter_map(|(a, r)| {
                r.filter(|r| r.contains(&c))
                    .map(|r| (a.id.as_str(), r.len()))
            })
            .min_by_key(|(_, len)| *len)
            .map(|(id, _)| id)
    }

    /// Live annotations that could not be placed.
    pub fn orphans(&self) -> Vec<&Annotation> {
        self.store
            .live()
            .filter(|a| self.range_of(&a.id).is_none())
            .collect()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.store.is_dirty()
    }

    /// Whether it is time to save automatically.
    pub fn autosave_due(&self) -> bool {
        self.is_dirty()
            && self.can_edit()
            && self.last_edit.is_none_or(|t| t.elapsed() >= AUTOSAVE_DELAY)
    }

    /// Time left before the autosave, for scheduling a repaint.
    pub fn autosave_in(&self) -> Option<Duration> {
        if !self.is_dirty() || !self.can_edit() {
            return None;
        }
        Some(self.last_edit.map_or(Duration::ZERO, |t| {
            AUTOSAVE_DELAY.saturating_sub(t.elapsed())
        }))
    }

    /// Writes the annotations (atomically). If the file changed on disk since it was read, it is
    /// merged first; what the merge brought in is returned.
    pub fn save(&mut self, doc: &Document) -> Result<Option<MergeReport>, String> {
        let (Some(path), Some(article)) = (self.sidecar_path.clone(), self.article_path.clone())
        else {
            return Err("this article has no file to keep annotations beside".into());
        };
        if let Some(b) = &self.blocked {
            return Err(match b {
                Blocked::NoFile => "this article has no file to keep annotations beside".into(),
                Blocked::Broken(m) | Blocked::ReadOnly(m) => m.clone(),
            });
        }
        let article_ref = sidecar::describe_article(&article, doc)
            .map_err(|e| format!("{}: {e}", article.display()))?;
        let mut ours = match &self.base {
            Some(base) => base.clone(),
            None => sidecar::empty_sidecar(article_ref.clone()),
        };
        // The article block describes the text the offsets were written against: it may describe
        // the current text only when every note sits at its recorded place in it (else a later
        // open would take old offsets for right ones). Unknown fields of the block are kept.
        if self.all_at_recorded_place() {
            ours.article.refresh(article_ref);
        } else {
            ours.article.file = article_ref.file;
        }
        ours.annotations = self.store.all().to_vec();
        let outcome =
            sidecar::save_merging(&path, &ours, self.stamp.as_ref()).map_err(|e| e.to_string())?;
        self.stamp = Some(outcome.stamp);
        if outcome.merged.is_some() {
            self.store
                .replace_saved(outcome.written.annotations.clone());
            self.reanchor_all(&doc.text);
        } else {
            self.store.mark_saved();
        }
        self.base = Some(outcome.written);
        self.article_changed = false;
        Ok(outcome.merged)
    }

    /// Whether every live note is at its recorded offsets in the current text.
    fn all_at_recorded_place(&self) -> bool {
        self.store.all().iter().filter(|a| !a.deleted).all(|a| {
            self.anchors
                .get(&a.id)
                .is_some_and(|an| an.status == AnchorStatus::Anchored)
        })
    }

    /// How the live notes were placed.
    pub fn counts(&self) -> AnchorCounts {
        AnchorCounts::of(
            self.store
                .all()
                .iter()
                .filter(|a| !a.deleted)
                .filter_map(|a| self.anchors.get(&a.id)),
        )
    }

    /// Keeps a broken sidecar aside (`….broken-<time>`) and starts an empty one; returns where the
    /// broken file went.
    pub fn start_fresh(&mut self, doc: &Document) -> Result<PathBuf, String> {
        let Some(path) = self.sidecar_path.clone() else {
            return Err("this article has no file to keep annotations beside".into());
        };
        let kept = keep_aside(&path)
            .map_err(|e| format!("{}: cannot move it aside: {e}", path.display()))?;
        *self = Session {
            sidecar_path: Some(path),
            article_path: doc.path.clone(),
            ..Session::default()
        };
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc_at(dir: &Path, text: &str) -> Document {
        let p = dir.join("story.txt");
        std::fs::write(&p, text).unwrap();
        crate::document::load(&p).unwrap()
    }

    #[test]
    fn add_save_reopen_finds_the_note() {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc_at(
            dir.path(),
            "Headline\nThe council voted 7 to 5 on Wednesday.",
        );
        let mut s = Session::open(&doc, None);
        assert!(s.can_edit());
        let mut a = Annotation::new_on(&doc.text, 9, 20, "Ann");
        a.note = "check the tally".into();
        let id = a.id.clone();
        s.apply(Edit::Add(Box::new(a)), &doc.text).unwrap();
        assert!(s.is_dirty());
        s.save(&doc).unwrap();
        assert!(!s.is_dirty());
        let again = Session::open(&doc, None);
        assert_eq!(
            again.store.get(&id).map(|a| a.note.as_str()),
            Some("check the tally")
        );
        assert_eq!(again.range_of(&id), Some(9..20));
    }

    #[test]
    fn a_broken_sidecar_blocks_annotating_and_is_kept_aside_on_request() {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc_at(dir.path(), "Headline\nText.");
        let side = dir.path().join("story.txt.annotations.json");
        std::fs::write(&side, "{ \"format\": ").unwrap();
        let mut s = Session::open(&doc, None);
        let Some(Blocked::Broken(msg)) = &s.blocked else {
            panic!("not blocked")
        };
        assert!(msg.contains("story.txt.annotations.json:1:"), "{msg}");
        assert!(s.save(&doc).is_err());
        assert_eq!(std::fs::read_to_string(&side).unwrap(), "{ \"format\": ");
        let kept = s.start_fresh(&doc).unwrap();
        assert!(kept.to_string_lossy().contains(".broken-"));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "{ \"format\": ");
        assert!(s.can_edit());
    }

    #[test]
    fn the_shortest_of_nested_notes_is_the_one_at_a_char() {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc_at(
            dir.path(),
            "Headline\nThe council voted 7 to 5 on Wednesday.",
        );
        let mut s = Session::open(&doc, None);
        let outer = Annotation::new_on(&doc.text, 9, 45, "Ann");
        let inner = Annotation::new_on(&doc.text, 21, 27, "Ann");
        let (outer_id, inner_id) = (outer.id.clone(), inner.id.clone());
        s.apply(Edit::Add(Box::new(outer)), &doc.text).unwrap();
        s.apply(Edit::Add(Box::new(inner)), &doc.text).unwrap();
        assert_eq!(s.note_at(23), Some(inner_id.as_str()));
        assert_eq!(s.note_at(10), Some(outer_id.as_str()));
        assert_eq!(s.note_at(2), None);
    }

    #[test]
    fn undo_of_a_delete_brings_the_annotation_back() {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc_at(dir.path(), "Headline\nSome words here.");
        let mut s = Session::open(&doc, None);
        let a = Annotation::new_on(&doc.text, 9, 13, "Ann");
        let id = a.id.clone();
        s.apply(Edit::Add(Box::new(a)), &doc.text).unwrap();
        s.apply(Edit::Delete(id.clone()), &doc.text).unwrap();
        assert_eq!(s.placed().count(), 0);
        assert!(s.undo(&doc.text));
        assert_eq!(
            s.placed().next().map(|(a, r)| (a.id.clone(), r)),
            Some((id, Some(9..13)))
        );
    }
}
