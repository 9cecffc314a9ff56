//! Shared helpers for the UI tests: a harness around the real app, and fixed dialog answers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui_kittest::Harness;
use marginalia::ui::dialogs::FileDialogs;
use marginalia::ui::{MarginaliaApp, StartOptions};

/// Dialogs that answer with fixed paths (or `None`).
#[derive(Default)]
pub struct FixedDialogs {
    /// What "Open…" answers.
    pub article: Mutex<Option<PathBuf>>,
    /// What "Import…" answers.
    pub import: Mutex<Option<PathBuf>>,
    /// What "Save as" answers.
    pub save: Mutex<Option<PathBuf>>,
}

impl FileDialogs for FixedDialogs {
    fn pick_article(&self) -> Option<PathBuf> {
        self.article.lock().ok()?.clone()
    }
    fn pick_import(&self) -> Option<PathBuf> {
        self.import.lock().ok()?.clone()
    }
    fn save_as(&self, _suggested: &str) -> Option<PathBuf> {
        self.save.lock().ok()?.clone()
    }
}

/// The project's copy of a sample.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// The app opened on `file`, after the file has loaded.
pub fn open_app(
    file: Option<PathBuf>,
    dialogs: Arc<dyn FileDialogs>,
) -> Harness<'static, MarginaliaApp> {
    let mut harness = Harness::builder()
        .with_size([1200.0, 820.0])
        .build_eframe(move |cc| {
            MarginaliaApp::new(
                cc,
                StartOptions {
                    file,
                    dialogs,
                    ..Default::default()
                },
            )
        });
    settle(&mut harness);
    harness
}

/// Steps the app until background work (loading, analysis) is done, then a few more frames.
pub fn settle(harness: &mut Harness<'static, MarginaliaApp>) {
    for _ in 0..2000 {
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(4);
}
