//! Shared helpers for the UI tests: a harness around the real app, and fixed dialog answers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui_kittest::Harness;
use marginalia::ui::dialogs::{DialogAnswer, FileDialogs};
use marginalia::ui::{MarginaliaApp, StartOptions};

/// Dialogs that answer with fixed paths (or "cancelled"), or, with `unavailable` set, say that
/// no dialog could be shown, as where no desktop portal runs.
#[derive(Default)]
pub struct FixedDialogs {
    /// What "Open…" answers.
    pub article: Mutex<Option<PathBuf>>,
    /// What "Import…" answers.
    pub import: Mutex<Option<PathBuf>>,
    /// What "Save as" answers.
    pub save: Mutex<Option<PathBuf>>,
    /// What "Open Folder…" answers.
    pub folder: Mutex<Option<PathBuf>>,
    /// Answer every dialog with "could not be shown".
    pub unavailable: bool,
}

impl FixedDialogs {
    fn answer(&self, slot: &Mutex<Option<PathBuf>>) -> DialogAnswer {
        if self.unavailable {
            return DialogAnswer::Unavailable("no desktop portal in this test".into());
        }
        slot.lock().ok().and_then(|p| p.clone()).into()
    }
}

impl FileDialogs for FixedDialogs {
    fn pick_article(&self) -> DialogAnswer {
        self.answer(&self.article)
    }
    fn pick_import(&self) -> DialogAnswer {
        self.answer(&self.import)
    }
    fn save_as(&self, _suggested: &str) -> DialogAnswer {
        self.answer(&self.save)
    }
    fn pick_folder(&self) -> DialogAnswer {
        self.answer(&self.folder)
    }
}

/// A copy of the seed article in `dir` (so no test writes beside the project's sample).
pub fn article_copy(dir: &Path) -> PathBuf {
    let p = dir.join("haiti-kenya.txt");
    std::fs::copy(sample("haiti-kenya.txt"), &p).unwrap();
    p
}

/// The char offset (what the app's ranges count) of the first `needle` in `text`.
pub fn char_offset(text: &str, needle: &str) -> usize {
    let b = text.find(needle).unwrap();
    text[..b].chars().count()
}

/// A primary click at `pos`, then a few frames.
pub fn click_at(h: &mut Harness<'static, MarginaliaApp>, pos: egui::Pos2) {
    h.event(egui::Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(3);
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
    open_app_sized(file, dialogs, [1200.0, 820.0])
}

/// The app opened on `file` in a window of `size` points.
pub fn open_app_sized(
    file: Option<PathBuf>,
    dialogs: Arc<dyn FileDialogs>,
    size: [f32; 2],
) -> Harness<'static, MarginaliaApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
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
