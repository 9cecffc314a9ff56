//! The app's File ▸ Import gives the sidecar `marginalia import` gives: the same incoming file (a
//! colleague's sidecar, a W3C export) imported into the same article through the app's commands
//! and through the command line leaves equal sidecars, with and without a sidecar of our own
//! already there, on an article changed since the incoming notes were written (so both must
//! place them again, and one of them nowhere).

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_fixture;
mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use marginalia::annotations::sidecar::{
    describe_article, empty_sidecar, sidecar_path, write_sidecar,
};
use marginalia::annotations::{Annotation, Target, export::w3c};
use marginalia::cli::{Command, run};
use marginalia::ui::commands::{AppCommand, NoteCommand};
use support::{FixedDialogs, open_app, settle};

/// The fixture's notes by a colleague, against the sample as it is, plus one on text the
/// article does not hold.
fn colleague_notes() -> Vec<Annotation> {
    let doc = export_fixture::doc();
    let mut notes = export_fixture::annotations(&doc);
    // The test harness has no system fonts to draw a check mark with in the margin cards.
    for a in &mut notes {
        a.note = a.note.replace('✓', "(checked)");
    }
    let mut lost = Annotation::new_on(&doc.text, 0, 4, "Tomás Reyes");
    lost.target = Target {
        start: 5,
        end: 30,
        exact: "a sentence cut before we saw it".into(),
        prefix: String::new(),
        suffix: String::new(),
        ..lost.target.clone()
    };
    lost.created = "2026-11-20T10:00:00Z".into();
    lost.modified = "2026-11-20T10:00:00Z".into();
    lost.id = "6a1d0c3e-9b2f-4e7a-8c5d-1f0e2d3c4b5a".into();
    notes.push(lost);
    notes
}

/// The incoming files, in `dir`: a colleague's sidecar (with a top-level field of its own) and
/// a W3C export of the same notes.
fn incoming_files(dir: &Path) -> Vec<PathBuf> {
    let doc = export_fixture::doc();
    let notes = colleague_notes();
    let sidecar_file = dir.join("from-tomas.annotations.json");
    let mut theirs = empty_sidecar(describe_article(&export_fixture::sample_path(), &doc).unwrap());
    theirs.annotations = notes.clone();
    theirs.extra.insert("x-desk".into(), "foreign".into());
    write_sidecar(&sidecar_file, &theirs).unwrap();
    let web_file = dir.join("from-the-web.jsonld");
    let json = w3c::to_w3c(&doc, &notes[..3], "haiti-kenya.txt");
    std::fs::write(&web_file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    vec![sidecar_file, web_file]
}

/// A folder holding the sample with a paragraph added on top and, when `own` is set, a sidecar
/// of our own with one note and a field of its own.
fn target_folder(own: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(export_fixture::sample_path()).unwrap();
    let (headline, rest) = text.split_once('\n').unwrap();
    let changed = format!("{headline}\nA paragraph added later, above the rest.\n{rest}");
    let article = dir.path().join("haiti-kenya.txt");
    std::fs::write(&article, &changed).unwrap();
    if own {
        let doc = marginalia::document::load(&article).unwrap();
        let mut mine = empty_sidecar(describe_article(&article, &doc).unwrap());
        let mut note = Annotation::new_on(&doc.text, 10, 22, "Desk Owner");
        note.id = "1c9e2b7a-3d4f-4a6b-8e0c-5f7a9b1d2e3c".into();
        note.created = "2026-11-21T09:00:00Z".into();
        note.modified = "2026-11-21T09:00:00Z".into();
        mine.annotations.push(note);
        mine.extra.insert("x-keep".into(), "mine".into());
        write_sidecar(&sidecar_path(&article), &mine).unwrap();
    }
    (dir, article)
}

fn cli_import(other: &Path, own: bool) -> String {
    let (_dir, article) = target_folder(own);
    let command = Command::Import {
        file: article.clone(),
        other: other.to_path_buf(),
    };
    run(&command, &mut Vec::new()).unwrap();
    std::fs::read_to_string(sidecar_path(&article)).unwrap()
}

fn app_import(other: &Path, own: bool) -> String {
    let (_dir, article) = target_folder(own);
    let dialogs = Arc::new(FixedDialogs::default());
    *dialogs.import.lock().unwrap() = Some(other.to_path_buf());
    let mut h = open_app(Some(article.clone()), dialogs);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::ImportDialog));
    settle(&mut h);
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::Save));
    settle(&mut h);
    assert!(!h.state().session.is_dirty(), "the app did not save");
    std::fs::read_to_string(sidecar_path(&article)).unwrap()
}

#[test]
fn the_app_and_the_command_line_import_to_the_same_sidecar() {
    let source = tempfile::tempdir().unwrap();
    for other in incoming_files(source.path()) {
        for own in [false, true] {
            let name = format!("{} (own sidecar: {own})", other.display());
            let from_cli = cli_import(&other, own);
            let from_app = app_import(&other, own);
            let parsed: serde_json::Value = serde_json::from_str(&from_cli).unwrap();
            let count = parsed["annotations"].as_array().map_or(0, Vec::len);
            assert!(count >= 3 + usize::from(own), "{name}: {count} notes");
            assert_eq!(from_cli.contains("Desk Owner"), own, "{name}: own note");
            assert!(
                from_app == from_cli,
                "{name}: the app's sidecar differs\n--- app\n{from_app}\n--- command line\n{from_cli}"
            );
        }
    }
}
