//! Importing another person's annotations into an article's: a Marginalia sidecar, or a W3C Web
//! Annotation / Hypothesis export whose selectors refer to the article.
//!
//! `marginalia import` and the app's File ▸ Import both come through [`Session::import_file`], so
//! one file gives one sidecar whichever front end imported it: the same reading of the file, the
//! same merge by id, the same re-anchoring and the same report. (The app saves a moment later, by
//! its autosave, so the import can be undone first; the command line saves at once.)

use std::io;
use std::path::{Path, PathBuf};

use super::merge::MergeReport;
use super::session::{Blocked, Session};
use super::sidecar::{self, SidecarError};
use super::store::StoreError;
use super::web_import::{self, WebImportError};
use super::{ArticleRef, Sidecar};
use crate::document::Document;

/// An incoming note that found no place in the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOrphan {
    /// Its id.
    pub id: String,
    /// The text it was on.
    pub exact: String,
    /// Why it could not be placed, for people.
    pub reason: String,
}

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// What the merge added, updated and deleted.
    pub merge: MergeReport,
    /// The added or updated live notes that could not be placed, in the sidecar's order.
    pub orphaned: Vec<ImportOrphan>,
}

impl ImportReport {
    /// Whether the import changed nothing.
    pub fn is_empty(&self) -> bool {
        self.merge.is_empty()
    }
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The article's own annotations cannot be changed now.
    #[error("{}", blocked_message(.0))]
    Blocked(Blocked),
    /// The article file could not be read to describe it.
    #[error("{}: cannot read the file: {error}", path.display())]
    Article {
        /// The article file.
        path: PathBuf,
        /// What went wrong.
        error: io::Error,
    },
    /// The other file is a sidecar this build cannot read, or cannot read at all.
    #[error("{0}")]
    Sidecar(SidecarError),
    /// The other file is a sidecar from a newer version: merging it would lose what it added.
    #[error(
        "{}: written by a newer version (format version {version}); this build cannot merge it without losing what it added; nothing imported",
        path.display()
    )]
    Newer {
        /// The other file.
        path: PathBuf,
        /// Its format version.
        version: u64,
    },
    /// The other file is not a web annotation file this build can read.
    #[error("{}: {error}", path.display())]
    Web {
        /// The other file.
        path: PathBuf,
        /// What is wrong with it.
        error: WebImportError,
    },
    /// The merged notes could not be stored.
    #[error("{0}")]
    Store(StoreError),
}

fn blocked_message(b: &Blocked) -> String {
    match b {
        Blocked::NoFile => "this article has no file to keep annotations beside".into(),
        Blocked::Broken(m) | Blocked::ReadOnly(m) => format!("{m}; nothing imported"),
    }
}

impl Session {
    /// Merges the annotations in the file at `path` into this article's (see [`Session::import`]).
    pub fn import_file(
        &mut self,
        path: &Path,
        doc: &Document,
    ) -> Result<ImportReport, ImportError> {
        if let Some(b) = &self.blocked {
            return Err(ImportError::Blocked(b.clone()));
        }
        let Some(article) = self.article_path.clone() else {
            return Err(ImportError::Blocked(Blocked::NoFile));
        };
        let current =
            sidecar::describe_article(&article, doc).map_err(|error| ImportError::Article {
                path: article,
                error,
            })?;
        let theirs = read_incoming(path, doc, &current)?;
        self.import(theirs, &current, &doc.text)
            .map_err(ImportError::Store)
    }
}

/// The annotations in a file to import, as a sidecar. A Marginalia sidecar is read as it is (one
/// from a newer version is refused); a W3C or Hypothesis export is placed in `doc` and given
/// `current` as its article block, since its selectors refer to this article.
pub fn read_incoming(
    path: &Path,
    doc: &Document,
    current: &ArticleRef,
) -> Result<Sidecar, ImportError> {
    let bytes = sidecar::read_annotation_bytes(path).map_err(ImportError::Sidecar)?;
    if is_marginalia_sidecar(&bytes) {
        let (theirs, newer) = sidecar::parse_sidecar(path, &bytes).map_err(ImportError::Sidecar)?;
        if newer {
            return Err(ImportError::Newer {
                path: path.to_path_buf(),
                version: theirs.version,
            });
        }
        return Ok(theirs);
    }
    let text = String::from_utf8_lossy(&bytes);
    let list = web_import::from_web_json(&text, doc).map_err(|error| ImportError::Web {
        path: path.to_path_buf(),
        error,
    })?;
    let mut s = sidecar::empty_sidecar(current.clone());
    s.annotations = list;
    Ok(s)
}

/// Whether the bytes are JSON with a `"format"` key (else: a web format). Broken JSON counts as a
/// sidecar, so the sidecar parser reports the line and column of the fault.
fn is_marginalia_sidecar(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(v) => v.get("format").is_some(),
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Annotation;

    fn story(dir: &Path) -> Document {
        let p = dir.join("story.txt");
        std::fs::write(&p, "Headline\nThe council voted 7 to 5 on Wednesday.").unwrap();
        crate::document::load(&p).unwrap()
    }

    #[test]
    fn a_sidecar_from_a_newer_version_is_refused_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let doc = story(dir.path());
        let other = dir.path().join("future.annotations.json");
        let mut s = sidecar::empty_sidecar(ArticleRef::default());
        s.version = crate::annotations::FORMAT_VERSION + 1;
        std::fs::write(&other, sidecar::to_json(&s)).unwrap();
        let mut session = Session::open(&doc, None);
        let err = session.import_file(&other, &doc).unwrap_err();
        assert!(matches!(err, ImportError::Newer { .. }), "{err}");
        assert!(err.to_string().contains("future.annotations.json"), "{err}");
        assert!(!session.is_dirty());
    }

    #[test]
    fn nothing_new_into_an_existing_sidecar_is_no_edit() {
        let dir = tempfile::tempdir().unwrap();
        let doc = story(dir.path());
        let mut session = Session::open(&doc, None);
        let a = Annotation::new_on(&doc.text, 9, 20, "Ann");
        session
            .apply(
                super::super::store::Edit::Add(Box::new(a.clone())),
                &doc.text,
            )
            .unwrap();
        session.save(&doc).unwrap();
        let mut session = Session::open(&doc, None);
        let other = dir.path().join("same.annotations.json");
        let mut s = sidecar::empty_sidecar(ArticleRef::default());
        s.annotations.push(a);
        std::fs::write(&other, sidecar::to_json(&s)).unwrap();
        let report = session.import_file(&other, &doc).unwrap();
        assert!(report.is_empty());
        assert!(!session.is_dirty());
        assert!(!session.store.can_undo());
    }
}
