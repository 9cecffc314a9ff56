//! Why a file could not be opened, said so the user knows which file and what is wrong.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file that could not be loaded as a document.
#[derive(Debug)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// The ways loading can fail.
#[derive(Debug)]
pub enum LoadErrorKind {
    /// No such file.
    NotFound,
    /// A directory was given where a file was expected.
    IsDirectory,
    /// Larger than the limit (bytes given).
    TooLarge(u64),
    /// Looks like a binary file, not text.
    Binary,
    /// A pipe, device or socket: reading it could block or never end.
    NotARegularFile,
    /// The file extension is not a supported format.
    UnsupportedFormat(String),
    /// The OS refused to read it.
    Io(std::io::Error),
}

impl LoadError {
    /// A new error for `path`.
    pub fn new(path: &Path, kind: LoadErrorKind) -> Self {
        Self {
            path: path.to_path_buf(),
            kind,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match &self.kind {
            LoadErrorKind::NotFound => write!(f, "{p}: no such file"),
            LoadErrorKind::IsDirectory => write!(f, "{p}: is a folder, not an article file"),
            LoadErrorKind::TooLarge(n) => write!(
                f,
                "{p}: file is too large ({:.1} MB; the limit is {} MB)",
                *n as f64 / 1e6,
                super::MAX_FILE_BYTES / 1_000_000
            ),
            LoadErrorKind::Binary => write!(f, "{p}: looks like a binary file, not text"),
            LoadErrorKind::NotARegularFile => write!(
                f,
                "{p}: not a regular file (a pipe, device or socket), so it is not read"
            ),
            LoadErrorKind::UnsupportedFormat(ext) => write!(
                f,
                "{p}: unsupported format “{ext}” (Marginalia opens .txt, .md and .html files)"
            ),
            LoadErrorKind::Io(e) => write!(f, "{p}: cannot read: {e}"),
        }
    }
}

/// The OS's message is already part of the display text, so no source is given: printing the
/// chain would repeat it.
impl std::error::Error for LoadError {}
