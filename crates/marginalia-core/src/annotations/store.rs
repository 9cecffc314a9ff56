//! The in-memory annotation set the app edits, through one door.
//!
//! Every change is an [`Edit`] applied with [`AnnotationStore::apply`], which records how to undo
//! it; undo and redo are edits too. Each applied change bumps a revision counter, so autosave can
//! tell whether there is something to write. Deleting keeps a tombstone (so a merge cannot bring
//! the annotation back), and every change sets `modified` strictly later than the copy it replaces,
//! so the edit wins a merge against the older copy.

use std::collections::{BTreeSet, HashMap};

use super::create::{next_modified, now_rfc3339};
use super::merge::{MergeReport, merge_annotations};
use super::model::{Annotation, Status};

/// One change to the annotation set.
#[must_use = "an edit does nothing until it is applied to the store"]
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add a new annotation (its id must be new).
    Add(Box<Annotation>),
    /// Replace the annotation with this id by a new value (its `modified` is set by the store).
    Update(String, Box<Annotation>),
    /// Delete: the annotation becomes a tombstone.
    Delete(String),
    /// Bring back a tombstone.
    Restore(String),
    /// Replace the whole set (e.g. with a file's content), as one undoable step.
    ReplaceAll(Vec<Annotation>),
    /// Merge another person's annotations in (see `merge`), as one undoable step.
    Import(Vec<Annotation>),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// No annotation has this id.
    #[error("no annotation with id {0}")]
    NotFound(String),
    /// An annotation with this id exists already.
    #[error("an annotation with id {0} exists already")]
    DuplicateId(String),
    /// The set is read-only (a sidecar from a newer version).
    #[error("the annotations are read-only")]
    ReadOnly,
}

/// What applying an edit did, for the app to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// For an import: what it added, updated and deleted.
    pub merge: Option<MergeReport>,
}

/// How to undo one step: the whole set before it.
#[derive(Debug, Clone)]
enum Inverse {
    /// The annotation with `id` was `before` (`None`: it did not exist).
    One {
        id: String,
        before: Option<Box<Annotation>>,
    },
    /// The whole set was this.
    All(Vec<Annotation>),
}

/// A filter over live annotations; empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Has this tag.
    pub tag: Option<String>,
    /// Has this status.
    pub status: Option<Status>,
    /// Has this colour.
    pub color: Option<String>,
    /// Written by this author.
    pub author: Option<String>,
    /// Note, replies or quoted text contain this (case-insensitive).
    pub text: Option<String>,
}

impl Filter {
    /// Whether `a` passes the filter.
    pub fn matches(&self, a: &Annotation) -> bool {
        self.tag.as_ref().is_none_or(|t| a.tags.contains(t))
            && self.status.is_none_or(|s| a.status == s)
            && self
                .color
                .as_ref()
                .is_none_or(|c| a.color.eq_ignore_ascii_case(c))
            && self.author.as_ref().is_none_or(|w| &a.author == w)
            && self.text.as_ref().is_none_or(|q| {
                let q = q.to_lowercase();
                a.note.to_lowercase().contains(&q)
                    || a.target.exact.to_lowercase().contains(&q)
                    || a.replies.iter().any(|r| r.note.to_lowercase().contains(&q))
            })
    }
}

/// The annotation set with undo/redo and a revision counter.
#[derive(Debug, Clone)]
pub struct AnnotationStore {
    annotations: Vec<Annotation>,
    /// Position of each id in `annotations` (the first, should a file repeat an id): the app
    /// looks notes up by id many times a frame, and a scan of 100,000 notes each time would
    /// cost seconds.
    by_id: HashMap<String, usize>,
    undo: Vec<Inverse>,
    redo: Vec<Inverse>,
    revision: u64,
    saved_revision: u64,
    read_only: bool,
    clock: fn() -> String,
}

impl Default for AnnotationStore {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl AnnotationStore {
    /// A store holding `annotations` (tombstones included), clean, with empty history.
    pub fn new(annotations: Vec<Annotation>) -> Self {
        let mut store = Self {
            annotations,
            by_id: HashMap::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            saved_revision: 0,
            read_only: false,
            clock: now_rfc3339,
        };
        store.reindex();
        store
    }

    /// Rebuilds the id index after the list changed shape.
    fn reindex(&mut self) {
        self.by_id.clear();
        for (i, a) in self.annotations.iter().enumerate() {
            self.by_id.entry(a.id.clone()).or_insert(i);
        }
    }

    /// Uses `clock` for `modified` times instead of the system clock (for tests).
    pub fn with_clock(mut self, clock: fn() -> String) -> Self {
        self.clock = clock;
        self
    }

    /// Makes the store refuse edits (a sidecar from a newer version).
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Whether edits are refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Every annotation, tombstones included, in file order.
    pub fn all(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Live annotations (not deleted).
    pub fn live(&self) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(|a| !a.deleted)
    }

    /// The annotation with `id`, tombstone or not.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.position(id).map(|i| &self.annotations[i])
    }

    /// Live annotations passing `filter`.
    pub fn filtered<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Annotation> {
        self.live().filter(move |a| filter.matches(a))
    }

    /// Every tag used by a live annotation, sorted (for suggestions and the tag filter).
    pub fn tags(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self.live().flat_map(|a| a.tags.iter()).collect();
        set.into_iter().cloned().collect()
    }

    /// Every author of a live annotation or reply, sorted.
    pub fn authors(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self
            .live()
            .flat_map(|a| std::iter::once(&a.author).chain(a.replies.iter().map(|r| &r.author)))
            .filter(|s| !s.is_empty())
            .collect();
        set.into_iter().cloned().collect()
    }

    /// Every colour used by a live annotation, sorted.
    pub fn colors(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self.live().map(|a| &a.color).collect();
        set.into_iter().cloned().collect()
    }

    /// Counts every change; changes when anything is applied, undone or redone.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes since [`mark_saved`](Self::mark_saved).
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records that the current revision is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.revision;
    }

    /// Replaces the content after a save merged it with a changed file, without an undo step and
    /// without making the store dirty (that content is what is on disk).
    pub fn replace_saved(&mut self, annotations: Vec<Annotation>) {
        self.annotations = annotations;
        self.reindex();
        self.revision += 1;
        self.saved_revision = self.revision;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit and records its inverse; clears the redo history.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let now = (self.clock)();
        let mut applied = Applied::default();
        let inverse = match edit {
            Edit::Add(a) => {
                let a = *a;
                if self.position(&a.id).is_some() {
                    return Err(StoreError::DuplicateId(a.id));
                }
                let id = a.id.clone();
                self.by_id.insert(id.clone(), self.annotations.len());
                self.annotations.push(a);
                Inverse::One { id, before: None }
            }
            Edit::Update(id, new) => {
                let i = self.require(&id)?;
                let before = self.annotations[i].clone();
                let mut new = *new;
                new.id = id.clone();
                new.modified = next_modified(&before.modified, &now);
                self.annotations[i] = new;
                Inverse::One {
                    id,
                    before: Some(Box::new(before)),
                }
            }
            Edit::Delete(id) => self.set_deleted(id, true, &now)?,
            Edit::Restore(id) => self.set_deleted(id, false, &now)?,
            Edit::ReplaceAll(list) => {
                let before = std::mem::replace(&mut self.annotations, list);
                self.reindex();
                Inverse::All(before)
            }
            Edit::Import(list) => {
                let (merged, report) = merge_annotations(&self.annotations, &list);
                let before = std::mem::replace(&mut self.annotations, merged);
                self.reindex();
                applied.merge = Some(report);
                Inverse::All(before)
            }
        };
        self.undo.push(inverse);
        self.redo.clear();
        self.revision += 1;
        Ok(applied)
    }

    /// Undoes the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(inv) = self.undo.pop() else {
            return false;
        };
        let redo = self.revert(inv);
        self.redo.push(redo);
        self.revision += 1;
        true
    }

    /// Redoes the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(inv) = self.redo.pop() else {
            return false;
        };
        let undo = self.revert(inv);
        self.undo.push(undo);
        self.revision += 1;
        true
    }

    /// Puts back what `inv` describes and returns the inverse of doing so. A single annotation put
    /// back gets a fresh `modified`, so the undo wins a merge against the copy it replaces.
    fn revert(&mut self, inv: Inverse) -> Inverse {
        let now = (self.clock)();
        let inverse = match inv {
            Inverse::All(list) => Inverse::All(std::mem::replace(&mut self.annotations, list)),
            Inverse::One { id, before } => {
                let current = self.position(&id).map(|i| self.annotations.remove(i));
                if let Some(mut b) = before {
                    if let Some(cur) = &current {
                        b.modified = next_modified(&cur.modified, &now);
                    }
                    self.annotations.push(*b);
                }
                Inverse::One {
                    id,
                    before: current.map(Box::new),
                }
            }
        };
        self.reindex();
        inverse
    }

    fn set_deleted(&mut self, id: String, deleted: bool, now: &str) -> Result<Inverse, StoreError> {
        let i = self.require(&id)?;
        let before = self.annotations[i].clone();
        let a = &mut self.annotations[i];
        a.deleted = deleted;
        a.modified = next_modified(&before.modified, now);
        Ok(Inverse::One {
            id,
            before: Some(Box::new(before)),
        })
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn require(&self, id: &str) -> Result<usize, StoreError> {
        self.position(id)
            .ok_or_else(|| StoreError::NotFound(id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Ruto said the mission brought hope. Conille praised Kenya.";

    fn clock() -> String {
        "2026-11-28T21:00:00Z".to_string()
    }

    fn store_with_one() -> (AnnotationStore, String) {
        let mut s = AnnotationStore::default().with_clock(clock);
        let mut a = Annotation::new_on(TEXT, 0, 4, "Amina");
        a.modified = clock();
        a.tags = vec!["people".into()];
        let id = a.id.clone();
        s.apply(Edit::Add(Box::new(a))).unwrap();
        (s, id)
    }

    /// Every id lookup agrees with a scan of the list, through every kind of change.
    fn lookups_agree(s: &AnnotationStore) {
        for a in s.all() {
            let scanned = s.all().iter().find(|x| x.id == a.id);
            assert_eq!(s.get(&a.id).map(|x| &x.note), scanned.map(|x| &x.note));
        }
        assert!(s.get("no-such-id").is_none());
    }

    #[test]
    fn lookups_by_id_follow_adds_undos_imports_and_replacements() {
        let (mut s, first) = store_with_one();
        let second = Annotation::new_on(TEXT, 5, 9, "Tomás");
        let second_id = second.id.clone();
        s.apply(Edit::Add(Box::new(second))).unwrap();
        lookups_agree(&s);
        // Undoing the first note's edit moves it to the end of the list.
        let mut changed = s.get(&first).cloned().unwrap();
        changed.note = "changed".into();
        s.apply(Edit::Update(first.clone(), Box::new(changed)))
            .unwrap();
        assert!(s.undo());
        lookups_agree(&s);
        assert_eq!(s.get(&first).unwrap().note, "");
        assert!(s.undo());
        assert!(s.get(&second_id).is_none(), "an undone add is still found");
        assert!(s.redo());
        assert_eq!(s.get(&second_id).unwrap().author, "Tomás");
        let other = Annotation::new_on(TEXT, 36, 43, "Lee");
        let other_id = other.id.clone();
        s.apply(Edit::Import(vec![other])).unwrap();
        lookups_agree(&s);
        assert!(s.get(&other_id).is_some());
        s.replace_saved(vec![Annotation::new_on(TEXT, 10, 13, "Kim")]);
        lookups_agree(&s);
        assert!(s.get(&first).is_none() && s.get(&other_id).is_none());
    }

    #[test]
    fn delete_is_a_tombstone_and_undo_brings_it_back_later() {
        let (mut s, id) = store_with_one();
        s.apply(Edit::Delete(id.clone())).unwrap();
        assert_eq!(s.live().count(), 0);
        let tomb = s.get(&id).unwrap().clone();
        assert!(tomb.deleted);
        assert!(s.undo());
        let back = s.get(&id).unwrap();
        assert!(!back.deleted);
        // The restored copy must win a merge against the tombstone.
        assert!(super::super::merge::precedence(back, &tomb).is_gt());
        assert!(s.redo());
        assert!(s.get(&id).unwrap().deleted);
    }

    #[test]
    fn update_undo_redo_and_dirty_flag() {
        let (mut s, id) = store_with_one();
        s.mark_saved();
        assert!(!s.is_dirty());
        let mut new = s.get(&id).unwrap().clone();
        new.note = "Check the date".into();
        new.status = Status::Open;
        s.apply(Edit::Update(id.clone(), Box::new(new))).unwrap();
        assert!(s.is_dirty());
        assert_eq!(s.get(&id).unwrap().modified, "2026-11-28T21:00:01Z");
        let f = Filter {
            text: Some("DATE".into()),
            ..Filter::default()
        };
        assert_eq!(s.filtered(&f).count(), 1);
        s.undo();
        assert_eq!(s.get(&id).unwrap().note, "");
        assert_eq!(s.filtered(&f).count(), 0);
        assert!(s.can_redo());
    }

    #[test]
    fn import_is_one_undoable_step() {
        let (mut s, _) = store_with_one();
        let other = vec![
            Annotation::new_on(TEXT, 5, 9, "Tomás"),
            Annotation::new_on(TEXT, 36, 43, "Tomás"),
        ];
        let applied = s.apply(Edit::Import(other)).unwrap();
        assert_eq!(applied.merge.unwrap().added.len(), 2);
        assert_eq!(s.authors(), vec!["Amina".to_string(), "Tomás".to_string()]);
        assert_eq!(s.tags(), vec!["people".to_string()]);
        s.undo();
        assert_eq!(s.live().count(), 1);
    }

    #[test]
    fn read_only_refuses_edits() {
        let (mut s, id) = store_with_one();
        s.set_read_only(true);
        assert_eq!(s.apply(Edit::Delete(id)), Err(StoreError::ReadOnly));
    }
}
