//! Native file dialogs behind a small trait, so tests can answer them with fixed paths.
//!
//! Dialogs run on their own thread: the UI never waits for one. Where no desktop portal runs (a
//! minimal window manager, a remote session, a container) rfd answers "nothing chosen" at once;
//! an answer faster than any person could cancel is taken to mean the dialog could not be shown,
//! and the app then offers its own file picker (`file_picker.rs`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::annotations::export::ExportFormat;

/// What a file dialog is asked for; its answer is handled by purpose.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogPurpose {
    /// An article (or sidecar) to open.
    Open,
    /// A folder to show as a library.
    OpenFolder,
    /// Annotations to import.
    Import,
    /// Where to write an export.
    Export(ExportFormat),
    /// Where the article of this sidecar is.
    Locate(PathBuf),
}

/// What a file dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user chose this file.
    Picked(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown, for this reason.
    Unavailable(String),
}

impl From<Option<PathBuf>> for DialogAnswer {
    fn from(answer: Option<PathBuf>) -> Self {
        answer.map_or(DialogAnswer::Cancelled, DialogAnswer::Picked)
    }
}

/// Asks the user for files.
pub trait FileDialogs: Send + Sync {
    /// An article or sidecar to open.
    fn pick_article(&self) -> DialogAnswer;
    /// A sidecar or web-annotation file to import.
    fn pick_import(&self) -> DialogAnswer;
    /// Where to save an export, suggesting a file name.
    fn save_as(&self, suggested: &str) -> DialogAnswer;
    /// A folder of articles.
    fn pick_folder(&self) -> DialogAnswer {
        DialogAnswer::Unavailable("no folder dialog here".into())
    }
}

/// A "nothing chosen" faster than this came from no dialog at all.
const FASTEST_CANCEL: std::time::Duration = std::time::Duration::from_millis(250);

/// Runs a native dialog and tells a cancel from a dialog that never showed.
fn native(ask: impl FnOnce() -> Option<PathBuf>) -> DialogAnswer {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return DialogAnswer::Unavailable("no desktop session to show it".into());
    }
    let started = std::time::Instant::now();
    match ask() {
        Some(path) => DialogAnswer::Picked(path),
        None if started.elapsed() < FASTEST_CANCEL => DialogAnswer::Unavailable(
            "the system's file dialog did not open (no desktop portal answered)".into(),
        ),
        None => DialogAnswer::Cancelled,
    }
}

/// The real dialogs (rfd).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_article(&self) -> DialogAnswer {
        native(|| {
            rfd::FileDialog::new()
                .set_title("Open article")
                .add_filter(
                    "Articles and annotations",
                    &["txt", "md", "markdown", "html", "htm", "json"],
                )
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn pick_import(&self) -> DialogAnswer {
        native(|| {
            rfd::FileDialog::new()
                .set_title("Import annotations")
                .add_filter("Annotation files", &["json", "jsonld"])
                .pick_file()
        })
    }

    fn save_as(&self, suggested: &str) -> DialogAnswer {
        native(|| {
            rfd::FileDialog::new()
                .set_title("Export")
                .set_file_name(suggested)
                .save_file()
        })
    }

    fn pick_folder(&self) -> DialogAnswer {
        native(|| {
            rfd::FileDialog::new()
                .set_title("Open folder of articles")
                .pick_folder()
        })
    }
}

/// Runs `ask` on a new thread; the answer arrives on the receiver (and wakes the UI).
pub fn ask_in_background(
    dialogs: &Arc<dyn FileDialogs>,
    ctx: &egui::Context,
    ask: impl FnOnce(&dyn FileDialogs) -> DialogAnswer + Send + 'static,
) -> Receiver<DialogAnswer> {
    let (tx, rx) = channel();
    let dialogs = Arc::clone(dialogs);
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let answer = ask(dialogs.as_ref());
        let _ = tx.send(answer);
        ctx.request_repaint();
    });
    rx
}
