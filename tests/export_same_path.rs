//! The app's File ▸ Export writes what `marginalia export` writes: the same article and sidecar
//! exported through the app's commands and through the command line give equal files in every
//! format, on an article changed since its notes were written (so both must anchor the notes in
//! the current text first).

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_fixture;
mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use marginalia::annotations::ArticleRef;
use marginalia::annotations::export::ExportFormat;
use marginalia::annotations::sidecar::{empty_sidecar, sidecar_path, write_sidecar};
use marginalia::cli::{Command, run};
use marginalia::ui::commands::{AppCommand, NoteCommand};
use support::{FixedDialogs, open_app, settle};

/// A folder holding the sample with a paragraph added on top, and a sidecar of the fixture's
/// notes written against the sample as it was: every placed note has moved.
fn changed_article_with_notes() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let original = export_fixture::doc();
    let mut notes = export_fixture::annotations(&original);
    // The test harness has no system fonts to draw a check mark with in the margin cards.
    for a in &mut notes {
        a.note = a.note.replace('✓', "(checked)");
    }
    let text = std::fs::read_to_string(export_fixture::sample_path()).unwrap();
    let (headline, rest) = text.split_once('\n').unwrap();
    let changed = format!("{headline}\nA paragraph added later, above the rest.\n{rest}");
    let article = dir.path().join("haiti-kenya.txt");
    std::fs::write(&article, changed).unwrap();
    let mut sidecar = empty_sidecar(ArticleRef {
        file: "haiti-kenya.txt".into(),
        chars: original.char_len(),
        ..ArticleRef::default()
    });
    sidecar.annotations = notes;
    write_sidecar(&sidecar_path(&article), &sidecar).unwrap();
    (dir, article)
}

fn cli_export(article: &Path, format: ExportFormat, out: &Path) -> String {
    let command = Command::Export {
        file: article.to_path_buf(),
        format,
        output: Some(out.to_path_buf()),
    };
    run(&command, &mut Vec::new()).unwrap();
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn the_app_and_the_command_line_export_the_same_files() {
    let (dir, article) = changed_article_with_notes();
    let save_to = Arc::new(FixedDialogs::default());
    let mut h = open_app(Some(article.clone()), save_to.clone());
    assert!(
        h.state().session.store.live().count() > 3,
        "the notes did not load"
    );
    for format in ExportFormat::ALL {
        let from_app = dir.path().join(format!("app.{}", format.extension()));
        *save_to.save.lock().unwrap() = Some(from_app.clone());
        let ctx = h.ctx.clone();
        h.state_mut()
            .apply(&ctx, AppCommand::Note(NoteCommand::ExportDialog(format)));
        settle(&mut h);
        let app_text = std::fs::read_to_string(&from_app)
            .unwrap_or_else(|e| panic!("{format}: the app wrote no export: {e}"));
        let cli_path = dir.path().join(format!("cli.{}", format.extension()));
        let cli_text = cli_export(&article, format, &cli_path);
        assert!(app_text == cli_text, "{format}: the app's export differs");
    }
    // Exporting changed no file the user keeps.
    assert!(!h.state().session.is_dirty());
}
