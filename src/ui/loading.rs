//! Opening a file on a background thread, so the window keeps drawing while a big file loads and
//! its notes are placed in its text (which, for a sidecar of many changed notes, takes a while).
//!
//! The file named on the command line starts loading before the window exists: opening a window
//! and its graphics takes tens of milliseconds, in which the article is read, so the first frame
//! can show it. Such a job has no window to wake yet; it is given one when the window is made.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use crate::annotations::session::Session;
use crate::document::{Document, LoadError};

/// What a load gives: the document and its notes, or why it could not be opened.
pub type Loaded = Result<(Document, Session), LoadError>;

/// A file being opened.
pub struct LoadJob {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes (for the progress line), if known.
    pub bytes: Option<u64>,
    /// When it started.
    pub started: Instant,
    rx: Receiver<Loaded>,
    waker: Arc<Waker>,
}

/// Wakes the window when the load is done, once there is a window to wake.
#[derive(Default)]
struct Waker {
    /// The window's context, and whether the load is done.
    state: Mutex<(Option<egui::Context>, bool)>,
}

impl Waker {
    fn done(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.1 = true;
        if let Some(ctx) = &state.0 {
            ctx.request_repaint();
        }
    }

    fn attach(&self, ctx: &egui::Context) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.1 {
            ctx.request_repaint();
        }
        state.0 = Some(ctx.clone());
    }
}

impl LoadJob {
    /// Starts loading `path` with its notes from `sidecar` (default: the file beside it); `ctx`
    /// (if there is a window yet, else see [`LoadJob::attach`]) is woken when it is done.
    pub fn start(path: &Path, sidecar: Option<PathBuf>, ctx: Option<&egui::Context>) -> Self {
        let (tx, rx) = channel();
        let bytes = std::fs::metadata(path).ok().map(|m| m.len());
        let owned = path.to_path_buf();
        let waker = Arc::new(Waker::default());
        if let Some(ctx) = ctx {
            waker.attach(ctx);
        }
        let wake = Arc::clone(&waker);
        std::thread::spawn(move || {
            let result = crate::document::load(&owned).map(|doc| {
                let session = Session::open(&doc, sidecar);
                (doc, session)
            });
            let _ = tx.send(result);
            wake.done();
        });
        Self {
            path: path.to_path_buf(),
            bytes,
            started: Instant::now(),
            rx,
            waker,
        }
    }

    /// Gives a job started before the window the window's context to wake.
    pub fn attach(&self, ctx: &egui::Context) {
        self.waker.attach(ctx);
    }

    /// The result, once it is there.
    pub fn poll(&self) -> Option<Loaded> {
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
