//! The sidecar file on disk: where it is, reading it with errors a user can act on, writing it
//! atomically, and saving without overwriting someone else's changes.
//!
//! `story.txt` keeps its annotations in `story.txt.annotations.json` beside it. Reading never
//! changes the file; a file that cannot be read is reported with its path (and line and column when
//! the JSON is broken) and left untouched. Saving checks whether the file changed on disk since it
//! was loaded (a colleague's sync, another window) and merges with it instead of overwriting it.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::atomic_write::write_atomic;
pub use super::beside::{SIDECAR_SUFFIX, article_path_of, is_sidecar_path, sidecar_path};
use super::file_lock::lock_for_writing;
use super::merge::{MergeReport, merge_sidecars};
use super::model::{ArticleRef, FORMAT_NAME, FORMAT_VERSION, Sidecar};
use crate::Document;
use crate::document::read_limited;

/// Sidecars larger than this are refused (128 MB: a note takes about 500 bytes, so this holds
/// the [`MAX_ANNOTATIONS`] a sidecar may have, with room for long notes).
pub const MAX_SIDECAR_BYTES: u64 = 128_000_000;
/// Sidecars with more annotations than this are refused, so a stranger's file cannot make every
/// later step (anchoring, merging, drawing) take minutes.
pub const MAX_ANNOTATIONS: usize = 200_000;

/// A sidecar that could not be read or written.
#[derive(Debug)]
pub struct SidecarError {
    /// The sidecar file.
    pub path: PathBuf,
    /// What is wrong.
    pub kind: SidecarErrorKind,
}

/// The ways a sidecar can fail.
#[derive(Debug)]
pub enum SidecarErrorKind {
    /// The OS refused to read it.
    Unreadable(io::Error),
    /// Not valid JSON.
    BrokenJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the parser found.
        message: String,
    },
    /// Valid JSON, but not the shape of a sidecar (a missing field, a wrong type).
    WrongShape {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Its `format` is not `marginalia.annotations`.
    NotASidecar(String),
    /// Written by a newer version: it may be read but not written.
    ReadOnly(u64),
    /// Larger than [`MAX_SIDECAR_BYTES`].
    TooLarge,
    /// More annotations than [`MAX_ANNOTATIONS`] (the number found).
    TooManyAnnotations(usize),
    /// The OS refused to write it.
    Unwritable(io::Error),
}

impl SidecarError {
    fn new(path: &Path, kind: SidecarErrorKind) -> Self {
        Self {
            path: path.to_path_buf(),
            kind,
        }
    }
}

impl fmt::Display for SidecarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match &self.kind {
            SidecarErrorKind::Unreadable(e) => write!(f, "{p}: cannot read the file: {e}"),
            SidecarErrorKind::BrokenJson {
                line,
                column,
                message,
            } => write!(f, "{p}:{line}:{column}: not valid JSON: {message}"),
            SidecarErrorKind::WrongShape {
                line,
                column,
                message,
            } => write!(
                f,
                "{p}:{line}:{column}: not a valid annotations file: {message}"
            ),
            SidecarErrorKind::NotASidecar(found) => write!(
                f,
                "{p}: not an annotations file (format is {found:?}, expected {FORMAT_NAME:?})"
            ),
            SidecarErrorKind::ReadOnly(v) => write!(
                f,
                "{p}: written by a newer version (format version {v}; this build knows {FORMAT_VERSION}), so it is read-only"
            ),
            SidecarErrorKind::Unwritable(e) => write!(f, "{p}: cannot write the file: {e}"),
            SidecarErrorKind::TooLarge => write!(
                f,
                "{p}: too large for an annotations file (the limit is {} MB)",
                MAX_SIDECAR_BYTES / 1_000_000
            ),
            SidecarErrorKind::TooManyAnnotations(n) => write!(
                f,
                "{p}: holds {n} annotations; the limit is {MAX_ANNOTATIONS}"
            ),
        }
    }
}

impl std::error::Error for SidecarError {}

/// What identifies one state of a file on disk: modification time, size and content hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    /// Modification time, when the OS reports one.
    pub modified: Option<SystemTime>,
    /// Size in bytes.
    pub len: u64,
    /// SHA-256 of the content.
    pub sha256: [u8; 32],
}

impl DiskStamp {
    /// The stamp of `bytes` just read from (or written to) `path`.
    fn of(path: &Path, bytes: &[u8]) -> Self {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Self {
            modified,
            len: bytes.len() as u64,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Whether the file at `path` is still in this state. A missing file is a change. Size and
    /// time are checked first; the content is hashed only when the time moved, so touching a file
    /// without changing it is not a change.
    pub fn matches_disk(&self, path: &Path) -> io::Result<bool> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        if meta.len() != self.len {
            return Ok(false);
        }
        if meta.modified().ok() == self.modified && self.modified.is_some() {
            return Ok(true);
        }
        let Some(bytes) = read_limited(path, MAX_SIDECAR_BYTES)? else {
            return Ok(false);
        };
        Ok(<[u8; 32]>::from(Sha256::digest(&bytes)) == self.sha256)
    }
}

/// A sidecar as read from disk.
#[derive(Debug, Clone)]
pub struct LoadedSidecar {
    /// The content.
    pub sidecar: Sidecar,
    /// Written by a newer version: show it, but do not write it.
    pub read_only: bool,
    /// The state of the file when it was read, to notice later changes.
    pub stamp: DiskStamp,
}

/// Parses sidecar bytes; `path` is only used to name the file in errors. Returns the sidecar and
/// whether it is read-only (a newer `version`).
pub fn parse_sidecar(path: &Path, bytes: &[u8]) -> Result<(Sidecar, bool), SidecarError> {
    if bytes.len() as u64 > MAX_SIDECAR_BYTES {
        return Err(SidecarError::new(path, SidecarErrorKind::TooLarge));
    }
    // Some editors save UTF-8 with a byte-order mark; JSON readers may ignore it (RFC 8259).
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let sidecar: Sidecar = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = (e.line().max(1), e.column().max(1));
        let message = strip_position(&e.to_string());
        let kind = match e.classify() {
            serde_json::error::Category::Data => SidecarErrorKind::WrongShape {
                line,
                column,
                message,
            },
            serde_json::error::Category::Io => {
                SidecarErrorKind::Unreadable(io::Error::other(message))
            }
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                SidecarErrorKind::BrokenJson {
                    line,
                    column,
                    message,
                }
            }
        };
        SidecarError::new(path, kind)
    })?;
    if sidecar.format != FORMAT_NAME {
        return Err(SidecarError::new(
            path,
            SidecarErrorKind::NotASidecar(sidecar.format),
        ));
    }
    if sidecar.annotations.len() > MAX_ANNOTATIONS {
        return Err(SidecarError::new(
            path,
            SidecarErrorKind::TooManyAnnotations(sidecar.annotations.len()),
        ));
    }
    let read_only = sidecar.version > FORMAT_VERSION;
    Ok((sidecar, read_only))
}

/// serde_json appends " at line L column C" to its messages; the position is shown separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The bytes of an annotations file (ours, W3C or Hypothesis) at `path`, read only if it is a
/// regular file and at most [`MAX_SIDECAR_BYTES`] long.
pub fn read_annotation_bytes(path: &Path) -> Result<Vec<u8>, SidecarError> {
    read_limited(path, MAX_SIDECAR_BYTES)
        .map_err(|e| SidecarError::new(path, SidecarErrorKind::Unreadable(e)))?
        .ok_or_else(|| SidecarError::new(path, SidecarErrorKind::TooLarge))
}

/// Reads the sidecar at `path`; `Ok(None)` when there is no such file.
pub fn read_sidecar(path: &Path) -> Result<Option<LoadedSidecar>, SidecarError> {
    let bytes = match read_annotation_bytes(path) {
        Ok(b) => b,
        Err(SidecarError {
            kind: SidecarErrorKind::Unreadable(e),
            ..
        }) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let (sidecar, read_only) = parse_sidecar(path, &bytes)?;
    Ok(Some(LoadedSidecar {
        sidecar,
        read_only,
        stamp: DiskStamp::of(path, &bytes),
    }))
}

/// The file text of a sidecar: pretty JSON, fields in a stable order (known fields in the order of
/// the format description, unknown fields after them in the order they were read), ending in a
/// newline.
pub fn to_json(sidecar: &Sidecar) -> String {
    // Serialising plain data with string keys cannot fail; fall back to compact output anyway.
    let mut text = serde_json::to_string_pretty(sidecar)
        .or_else(|_| serde_json::to_string(sidecar))
        .unwrap_or_default();
    text.push('\n');
    text
}

/// The `article` block for an article file and its loaded document: file name relative to the
/// sidecar's folder, SHA-256 of the file's bytes, length of the text in code points, title.
pub fn describe_article(article_path: &Path, doc: &Document) -> io::Result<ArticleRef> {
    Ok(ArticleRef {
        file: article_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: article_sha256(article_path)?,
        chars: doc.text.chars().count(),
        title: doc.title.clone(),
        extra: Default::default(),
    })
}

/// SHA-256 (lower-case hex) of an article file's bytes, read within the article size limit.
pub fn article_sha256(article_path: &Path) -> io::Result<String> {
    let bytes = read_limited(article_path, crate::document::MAX_FILE_BYTES)?
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "file is too large"))?;
    Ok(hex(&Sha256::digest(&bytes)))
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// An empty version-1 sidecar for an article.
pub fn empty_sidecar(article: ArticleRef) -> Sidecar {
    Sidecar {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        article,
        annotations: Vec::new(),
        extra: Default::default(),
    }
}

/// Writes `sidecar` to `path` atomically and returns the new disk state. Refuses a sidecar of a
/// newer version (it would lose what this build does not understand about it).
pub fn write_sidecar(path: &Path, sidecar: &Sidecar) -> Result<DiskStamp, SidecarError> {
    if sidecar.version > FORMAT_VERSION {
        return Err(SidecarError::new(
            path,
            SidecarErrorKind::ReadOnly(sidecar.version),
        ));
    }
    let text = to_json(sidecar);
    write_atomic(path, text.as_bytes())
        .map_err(|e| SidecarError::new(path, SidecarErrorKind::Unwritable(e)))?;
    Ok(DiskStamp::of(path, text.as_bytes()))
}

/// What a save did.
#[derive(Debug, Clone)]
pub struct SaveOutcome {
    /// What is now in the file (ours, or ours merged with the changed file).
    pub written: Sidecar,
    /// The file's new state, to pass to the next save.
    pub stamp: DiskStamp,
    /// When the file had changed on disk since it was loaded: what merging it brought in.
    pub merged: Option<MergeReport>,
}

/// Saves `ours` to `path`. `loaded` is the state of the file when it was last read or written
/// (`None` if there was no file). If the file changed since, it is read and merged with `ours`
/// (see `merge`), and the merge is written; a changed file that cannot be read is an error and is
/// left untouched, as is one written by a newer version.
///
/// The check, the merge and the write happen under the sidecar's write lock
/// ([`file_lock`](super::file_lock)), so two writers at once (two imports, two windows, an
/// import and an autosave) each see the other's file and neither loses the other's notes.
pub fn save_merging(
    path: &Path,
    ours: &Sidecar,
    loaded: Option<&DiskStamp>,
) -> Result<SaveOutcome, SidecarError> {
    let _lock = lock_for_writing(path)
        .map_err(|e| SidecarError::new(path, SidecarErrorKind::Unwritable(e)))?;
    let unchanged = match loaded {
        Some(stamp) => stamp
            .matches_disk(path)
            .map_err(|e| SidecarError::new(path, SidecarErrorKind::Unreadable(e)))?,
        None => !path.exists(),
    };
    if unchanged {
        let stamp = write_sidecar(path, ours)?;
        return Ok(SaveOutcome {
            written: ours.clone(),
            stamp,
            merged: None,
        });
    }
    let Some(theirs) = read_sidecar(path)? else {
        // The file was removed since it was loaded: write ours as a new file.
        let stamp = write_sidecar(path, ours)?;
        return Ok(SaveOutcome {
            written: ours.clone(),
            stamp,
            merged: None,
        });
    };
    if theirs.read_only {
        return Err(SidecarError::new(
            path,
            SidecarErrorKind::ReadOnly(theirs.sidecar.version),
        ));
    }
    let (merged, report) = merge_sidecars(ours, &theirs.sidecar);
    let stamp = write_sidecar(path, &merged)?;
    Ok(SaveOutcome {
        written: merged,
        stamp,
        merged: Some(report),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_json_names_line_and_column() {
        let err = parse_sidecar(Path::new("s.json"), b"{\n  \"format\": \n}").unwrap_err();
        let SidecarErrorKind::BrokenJson { line, column, .. } = err.kind else {
            panic!("{err}");
        };
        assert_eq!((line, column), (3, 1));
        assert!(err.to_string().starts_with("s.json:3:1: not valid JSON"));
    }

    #[test]
    fn wrong_shape_is_not_broken_json() {
        let err = parse_sidecar(Path::new("s.json"), b"{\"format\": 3}").unwrap_err();
        assert!(
            matches!(err.kind, SidecarErrorKind::WrongShape { .. }),
            "{err}"
        );
    }
}
