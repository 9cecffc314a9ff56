//! Annotating in the real app (egui_kittest): select, note, tag, save, reopen; undo; broken and
//! shared sidecars.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marginalia::ui::MarginaliaApp;
use marginalia::ui::commands::{AppCommand, NoteCommand};
use support::{FixedDialogs, article_copy, char_offset, open_app, settle};

/// Drags the pointer over the chars `start..end` of the article.
fn drag_select(h: &mut Harness<'static, MarginaliaApp>, start: usize, end: usize) {
    let first = h.state().reader.view.range_rects(start..start + 1)[0];
    let last = h.state().reader.view.range_rects(end - 1..end)[0];
    let from = Pos2::new(first.left() + 1.0, first.center().y);
    let to = Pos2::new(last.right() - 1.0, last.center().y);
    h.event(Event::PointerMoved(from));
    h.step();
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.step();
    for k in 1..=6 {
        let t = k as f32 / 6.0;
        h.event(Event::PointerMoved(from + (to - from) * t));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(3);
}

#[test]
fn select_annotate_save_reopen_finds_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let mut h = open_app(Some(article.clone()), Arc::new(FixedDialogs::default()));
    let text = h.state().article.doc.as_ref().unwrap().text.clone();
    let phrase = "joint press briefing";
    let s = char_offset(&text, phrase);
    drag_select(&mut h, s, s + phrase.chars().count());
    assert_eq!(
        h.state().reader.view.selection.map(|x| x.range()),
        Some(s..s + phrase.chars().count())
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    h.run_steps(3);
    let id = h
        .state()
        .editor
        .note
        .clone()
        .expect("the new note is selected");
    h.get_by_label("Note text").focus();
    h.run_steps(2);
    h.get_by_label("Note text").type_text("Who else attended?");
    h.run_steps(2);
    h.get_by_label("Add tag").focus();
    h.run_steps(2);
    h.get_by_label("Add tag").type_text("fact-check");
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    assert!(!h.state().session.is_dirty());
    let saved =
        std::fs::read_to_string(dir.path().join("haiti-kenya.txt.annotations.json")).unwrap();
    assert!(
        saved.contains("Who else attended?")
            && saved.contains("fact-check")
            && saved.contains(phrase),
        "{saved}"
    );

    drop(h);
    let h = open_app(Some(article), Arc::new(FixedDialogs::default()));
    let a = h
        .state()
        .session
        .store
        .get(&id)
        .cloned()
        .expect("the note is back");
    assert_eq!(a.note, "Who else attended?");
    assert_eq!(a.tags, vec!["fact-check".to_string()]);
    assert_eq!(
        h.state().session.range_of(&id),
        Some(s..s + phrase.chars().count())
    );
    // The note is listed in the outline and shown on its card in the margin.
    h.get_by_label("Who else attended?");
    h.get_by_label_contains("Note by ");
}

#[test]
fn a_deleted_note_comes_back_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let mut h = open_app(Some(article), Arc::new(FixedDialogs::default()));
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::AnnotateRange(10..22)));
    h.run_steps(3);
    let id = h.state().editor.note.clone().unwrap();
    h.get_by_label("Delete annotation").click();
    h.run_steps(3);
    assert!(h.state().session.store.get(&id).is_some_and(|a| a.deleted));
    assert!(h.state().editor.note.is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(h.state().session.store.get(&id).is_some_and(|a| !a.deleted));
    assert_eq!(h.state().session.range_of(&id), Some(10..22));
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    h.run_steps(3);
    assert!(h.state().session.store.get(&id).is_some_and(|a| a.deleted));
}

#[test]
fn a_broken_sidecar_is_reported_left_alone_and_kept_aside_for_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let side = dir.path().join("haiti-kenya.txt.annotations.json");
    std::fs::write(
        &side,
        "{\n  \"format\": \"marginalia.annotations\",\n  \"version\": 1,,\n}",
    )
    .unwrap();
    let mut h = open_app(Some(article), Arc::new(FixedDialogs::default()));
    h.get_by_label_contains("haiti-kenya.txt.annotations.json:3:");
    assert!(!h.state().session.can_edit());
    // Annotating is refused; the file is untouched.
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::AnnotateRange(0..5)));
    h.run_steps(2);
    assert!(h.state().session.store.live().next().is_none());
    assert!(std::fs::read_to_string(&side).unwrap().contains("1,,"));
    h.get_by_label("Start a fresh file").click();
    h.run_steps(3);
    assert!(h.state().session.can_edit());
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .contains(".annotations.json.broken-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(
        std::fs::read_to_string(kept[0].path())
            .unwrap()
            .contains("1,,")
    );
}

/// A sidecar by another author with one note on "State House".
fn colleague_sidecar(dir: &Path, text: &str) -> PathBuf {
    let s = char_offset(text, "State House");
    let other = dir.join("from-tomas.annotations.json");
    let json = serde_json::json!({
        "format": "marginalia.annotations", "version": 1,
        "article": { "file": "haiti-kenya.txt", "sha256": "", "chars": text.chars().count(), "title": "" },
        "annotations": [{
            "id": "0b7c1f2e-5d4a-4c1b-9a7e-2f3d4c5b6a70",
            "created": "2026-11-20T10:00:00Z", "modified": "2026-11-20T10:00:00Z",
            "author": "Tomás Reyes",
            "target": { "start": s, "end": s + 11, "exact": "State House", "prefix": "", "suffix": "" },
            "note": "Confirm the venue with the presidency", "tags": ["venue"], "color": "#6fa8dc",
            "status": "open", "replies": [], "deleted": false
        }]
    });
    std::fs::write(&other, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    other
}

#[test]
fn importing_a_colleagues_sidecar_shows_their_note_in_the_outline() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let dialogs = Arc::new(FixedDialogs::default());
    let mut h = open_app(Some(article), dialogs.clone());
    let text = h.state().article.doc.as_ref().unwrap().text.clone();
    let other = colleague_sidecar(dir.path(), &text);
    *dialogs.import.lock().unwrap() = Some(other);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::ImportDialog));
    settle(&mut h);
    // In the outline, and on its card in the margin with the author's name.
    h.get_by_label("Confirm the venue with the presidency");
    h.get_by_label("Note by Tomás Reyes: Confirm the venue with the presidency");
    h.get_by_label_contains("1 added");
    // The import is one undoable step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(h.state().session.store.live().next().is_none());
}

#[test]
fn opening_a_sidecar_opens_its_article_with_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let text = std::fs::read_to_string(&article).unwrap();
    let side = colleague_sidecar(dir.path(), &text);
    let h = open_app(Some(side), Arc::new(FixedDialogs::default()));
    let app = h.state();
    assert_eq!(
        app.article.doc.as_ref().and_then(|d| d.path.clone()),
        Some(article)
    );
    assert_eq!(app.session.store.live().count(), 1);
    assert!(
        app.session
            .range_of("0b7c1f2e-5d4a-4c1b-9a7e-2f3d4c5b6a70")
            .is_some()
    );
}

#[test]
fn file_export_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let text = std::fs::read_to_string(&article).unwrap();
    colleague_sidecar(dir.path(), &text);
    std::fs::rename(
        dir.path().join("from-tomas.annotations.json"),
        dir.path().join("haiti-kenya.txt.annotations.json"),
    )
    .unwrap();
    let dialogs = Arc::new(FixedDialogs::default());
    let mut h = open_app(Some(article), dialogs.clone());
    let ctx = h.ctx.clone();
    for (format, name, expect) in [
        (
            marginalia::cli::ExportFormat::Csv,
            "notes.csv",
            "Confirm the venue with the presidency",
        ),
        (
            marginalia::cli::ExportFormat::Html,
            "page.html",
            "<!DOCTYPE html>",
        ),
        (
            marginalia::cli::ExportFormat::W3c,
            "notes.jsonld",
            "AnnotationCollection",
        ),
        (
            marginalia::cli::ExportFormat::Markdown,
            "report.md",
            "Tomás Reyes",
        ),
    ] {
        let out = dir.path().join(name);
        *dialogs.save.lock().unwrap() = Some(out.clone());
        h.state_mut()
            .apply(&ctx, AppCommand::Note(NoteCommand::ExportDialog(format)));
        settle(&mut h);
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(
            written.contains(expect),
            "{name}: {}",
            &written[..written.len().min(300)]
        );
    }
}

#[test]
fn changes_are_saved_by_themselves_two_seconds_after_the_last_edit() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let side = dir.path().join("haiti-kenya.txt.annotations.json");
    let mut h = open_app(Some(article), Arc::new(FixedDialogs::default()));
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::AnnotateRange(10..22)));
    h.run_steps(2);
    assert!(h.state().window_title().ends_with("• unsaved"));
    assert!(!side.exists(), "not written at once");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    h.run_steps(2);
    assert!(side.exists(), "written after the pause");
    assert!(!h.state().session.is_dirty());
    h.run_steps(1);
    assert!(!h.state().window_title().contains("unsaved"));
}
