//! Opening a file on a background thread, so the window keeps drawing while a big file loads and
//! its notes are placed in its text (which, for a sidecar of many changed notes, takes a while).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::annotations::session::Session;
use crate::document::{Document, LoadError};

/// A file being opened.
pub struct LoadJob {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes (for the progress line), if known.
    pub bytes: Option<u64>,
    /// When it started.
    pub started: Instant,
    rx: Receiver<Result<(Document, Session), LoadError>>,
}

impl LoadJob {
    /// Starts loading `path` with its notes from `sidecar` (default: the file beside it); `ctx`
    /// is woken when it is done.
    pub fn start(path: &Path, sidecar: Option<PathBuf>, ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        let bytes = std::fs::metadata(path).ok().map(|m| m.len());
        let owned = path.to_path_buf();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = crate::document::load(&owned).map(|doc| {
                let session = Session::open(&doc, sidecar);
                (doc, session)
            });
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        Self {
            path: path.to_path_buf(),
            bytes,
            started: Instant::now(),
            rx,
        }
    }

    /// The result, once it is there.
    pub fn poll(&self) -> Option<Result<(Document, Session), LoadError>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LoadError::new(
                &self.path,
                crate::document::LoadErrorKind::Io(std::io::Error::other(
                    "the loading thread stopped",
                )),
            ))),
        }
    }

    /// "Opening story.txt (20.1 MB)…"
    pub fn progress_line(&self) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match self.bytes {
            Some(b) if b >= 1_000_000 => format!("Opening {name} ({:.1} MB)…", b as f64 / 1e6),
            _ => format!("Opening {name}…"),
        }
    }
}
