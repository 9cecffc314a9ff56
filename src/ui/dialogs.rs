//! Native file dialogs behind a small trait, so tests can answer them with fixed paths.
//!
//! Dialogs run on their own thread: the UI never waits for one. Where no desktop portal runs
//! (CI, Xvfb) rfd answers `None` at once and nothing happens.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Asks the user for files.
pub trait FileDialogs: Send + Sync {
    /// An article or sidecar to open.
    fn pick_article(&self) -> Option<PathBuf>;
    /// A sidecar or web-annotation file to import.
    fn pick_import(&self) -> Option<PathBuf>;
    /// Where to save an export, suggesting a file name.
    fn save_as(&self, suggested: &str) -> Option<PathBuf>;
}

/// The real dialogs (rfd).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_article(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open article")
            .add_filter(
                "Articles and annotations",
                &["txt", "md", "markdown", "html", "htm", "json"],
            )
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_import(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Import annotations")
            .add_filter("Annotation files", &["json", "jsonld"])
            .pick_file()
    }

    fn save_as(&self, suggested: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export")
            .set_file_name(suggested)
            .save_file()
    }
}

/// Runs `ask` on a new thread; the answer arrives on the receiver (and wakes the UI).
pub fn ask_in_background(
    dialogs: &Arc<dyn FileDialogs>,
    ctx: &egui::Context,
    ask: impl FnOnce(&dyn FileDialogs) -> Option<PathBuf> + Send + 'static,
) -> Receiver<Option<PathBuf>> {
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
