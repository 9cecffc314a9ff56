//! Dialogs that always answer: where the system's file dialog cannot be shown (no desktop
//! portal), Open, Export and Import fall back to the app's own picker and a banner says why.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Key;
use egui_kittest::kittest::Queryable;
use marginalia::ui::commands::{AppCommand, NoteCommand};
use support::{FixedDialogs, open_app, sample, settle};

fn no_portal() -> Arc<FixedDialogs> {
    Arc::new(FixedDialogs {
        unavailable: true,
        ..Default::default()
    })
}

fn copy_sample(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(sample(name), &path).unwrap();
    path
}

#[test]
fn open_falls_back_to_the_own_picker_which_opens_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = copy_sample(dir.path(), "haiti-kenya.txt");
    let second = copy_sample(dir.path(), "harbour-bridge.md");
    let mut h = open_app(Some(first), no_portal());
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::OpenDialog);
    settle(&mut h);
    assert!(
        h.state().file_picker_open(),
        "no picker after a dialog that could not open"
    );
    h.get_by_label_contains("file dialog could not be shown");
    // The picker lists the open article's folder; a click on a file puts it in the name field.
    h.get_by_label("harbour-bridge.md").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert!(!h.state().file_picker_open());
    let open = h.state().article.doc.as_ref().and_then(|d| d.path.clone());
    assert_eq!(open.as_deref(), Some(second.as_path()));
}

#[test]
fn export_falls_back_to_a_save_picker_with_the_suggested_name() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "haiti-kenya.txt");
    let mut h = open_app(Some(article), no_portal());
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        AppCommand::Note(NoteCommand::ExportDialog(
            marginalia::annotations::export::ExportFormat::Markdown,
        )),
    );
    settle(&mut h);
    h.get_by_label("Save").click();
    settle(&mut h);
    let written = std::fs::read_to_string(dir.path().join("haiti-kenya.txt.md")).unwrap();
    assert!(written.contains("haiti-kenya.txt"), "{written}");
}

#[test]
fn a_missing_name_is_refused_in_the_picker_and_esc_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = copy_sample(dir.path(), "haiti-kenya.txt");
    let mut h = open_app(Some(article.clone()), no_portal());
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::ImportDialog));
    settle(&mut h);
    // The name field has the keyboard as soon as the picker shows.
    assert!(h.get_by_label("File name").is_focused());
    h.get_by_label("File name").type_text("nothing-here.json");
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(2);
    h.get_by_label_contains("nothing-here.json: no such file");
    assert!(h.state().file_picker_open());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().file_picker_open());
    let open = h.state().article.doc.as_ref().and_then(|d| d.path.clone());
    assert_eq!(open.as_deref(), Some(article.as_path()));
}
