//! The reading view, driven through the real app state (egui_kittest, headless).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod support;

use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use marginalia::ui::commands::AppCommand;
use support::{FixedDialogs, open_app, sample, settle};

#[test]
fn opens_the_sample_and_shows_its_headline_and_paragraphs() {
    let harness = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    let app = harness.state();
    assert!(
        app.window_title()
            .starts_with("Marginalia — President William Ruto has announced")
    );
    // The first paragraph is the article's lead; the next ones are body text.
    harness.get_by_label_contains(
        "President William Ruto has announced significant progress in Haiti’s security situation",
    );
    harness.get_by_label_contains("Speaking alongside Haitian Prime Minister Dr. Garry Conille");
    // The status bar counts words and reading time.
    harness.get_by_label_contains("665 words · 3 min read");
}

#[test]
fn a_file_that_fails_to_open_leaves_the_article_in_place_with_a_message() {
    let mut harness = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    let missing = std::env::temp_dir().join("marginalia-no-such-article.txt");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, AppCommand::Open(missing));
    settle(&mut harness);
    harness.get_by_label_contains("marginalia-no-such-article.txt: no such file");
    assert!(
        harness
            .state()
            .window_title()
            .contains("President William Ruto")
    );
    harness.get_by_label_contains("Speaking alongside Haitian Prime Minister");

    // A folder is refused with its own message, and the article still stays.
    let dir = tempfile::tempdir().unwrap();
    harness
        .state_mut()
        .apply(&ctx, AppCommand::Open(dir.path().to_path_buf()));
    settle(&mut harness);
    harness.get_by_label_contains("is a folder, not an article file");
    harness.get_by_label_contains("Speaking alongside Haitian Prime Minister");
}

#[test]
fn open_dialog_answer_opens_that_file() {
    let dialogs = Arc::new(FixedDialogs::default());
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("brief.txt");
    std::fs::write(&other, "A Short Brief\nThe council met on Tuesday.\n").unwrap();
    *dialogs.article.lock().unwrap() = Some(other.clone());
    let mut harness = open_app(Some(sample("haiti-kenya.txt")), dialogs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    for _ in 0..200 {
        harness.step();
        if harness.state().window_title().contains("A Short Brief") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(&mut harness);
    assert_eq!(harness.state().window_title(), "Marginalia — A Short Brief");
    harness.get_by_label("The council met on Tuesday.");
    assert_eq!(
        harness.state().settings.recent.first(),
        Some(&std::path::absolute(&other).unwrap())
    );
}

#[test]
fn zoom_keys_change_the_text_size_and_reset() {
    let mut harness = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run_steps(2);
    assert!(harness.state().settings.zoom > 1.05);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.zoom, 1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run_steps(2);
    assert!(harness.state().settings.zoom < 0.95);
}

#[test]
fn a_big_document_lays_out_only_what_is_visible() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let para = std::fs::read_to_string(sample("haiti-kenya.txt")).unwrap();
    let text = format!("A Big File\n{}", para.repeat(400)); // ~1.8 MB, ~4,400 paragraphs
    std::fs::write(&path, text).unwrap();
    let harness = open_app(Some(path), Arc::new(FixedDialogs::default()));
    let app = harness.state();
    assert!(
        app.reader.view.paragraph_count() > 4000,
        "{} paragraphs",
        app.reader.view.paragraph_count()
    );
    assert!(
        app.reader.view.laid_out > 0 && app.reader.view.laid_out < 100,
        "laid out {}",
        app.reader.view.laid_out
    );
}

/// A file as the window system hands it over on a drop.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let mut harness = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(sample("harbour-bridge.md"))));
    harness.step();
    settle(&mut harness);
    let doc = harness.state().article.doc.clone().unwrap();
    assert_eq!(
        doc.path.as_deref(),
        Some(sample("harbour-bridge.md").as_path())
    );
    assert!(harness.state().window_title().starts_with("Marginalia — "));
    assert!(!harness.state().window_title().contains("William Ruto"));
}

#[test]
fn the_keyboard_scrolls_by_line_page_and_to_either_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let para = std::fs::read_to_string(sample("haiti-kenya.txt")).unwrap();
    std::fs::write(&path, format!("A Long File\n{}", para.repeat(20))).unwrap();
    let mut harness = open_app(Some(path), Arc::new(FixedDialogs::default()));
    let offset = |h: &egui_kittest::Harness<'static, marginalia::ui::MarginaliaApp>| {
        h.state().reader.view.scroll_offset()
    };
    assert_eq!(offset(&harness), 0.0);
    let press = |h: &mut egui_kittest::Harness<'static, marginalia::ui::MarginaliaApp>,
                 m: Modifiers,
                 k: Key| {
        h.key_press_modifiers(m, k);
        h.run_steps(3);
        h.state().reader.view.scroll_offset()
    };
    let line = press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(line > 10.0 && line < 60.0, "one line: {line}");
    let page = press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert!(page > line + 300.0, "one page: {page}");
    let space = press(&mut harness, Modifiers::NONE, Key::Space);
    assert!(space > page + 300.0, "space pages down: {space}");
    let back = press(&mut harness, Modifiers::SHIFT, Key::Space);
    assert!(
        (back - page).abs() < 2.0,
        "shift+space pages up: {back} vs {page}"
    );
    let up = press(&mut harness, Modifiers::NONE, Key::PageUp);
    assert!(up < back, "page up: {up}");
    let end = press(&mut harness, Modifiers::COMMAND, Key::End);
    assert!(end > 5000.0, "to the end: {end}");
    let home = press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(home, 0.0);
    let end = press(&mut harness, Modifiers::NONE, Key::End);
    assert!(end > 5000.0, "End: {end}");
    let top = press(&mut harness, Modifiers::COMMAND, Key::Home);
    assert_eq!(top, 0.0);
}
