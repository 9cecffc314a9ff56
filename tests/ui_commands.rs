//! The command table in the running app: the palette finds and runs commands, the shortcut
//! sheet lists them with their keys, Esc closes the top-most thing, the note editor included.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use marginalia::ui::commands::{AppCommand, NoteCommand};
use marginalia::ui::settings::ThemeChoice;
use marginalia::ui::ui_command::UiCommand;
use support::{FixedDialogs, open_app, sample};

fn copy_of_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("haiti-kenya.txt");
    std::fs::copy(sample("haiti-kenya.txt"), &path).unwrap();
    path
}

#[test]
fn the_palette_finds_a_command_by_a_few_letters_and_runs_it() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(3);
    assert!(h.state().windows.palette.open);
    h.get_by_label("Command").type_text("theme dark");
    h.run_steps(3);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(!h.state().windows.palette.open);
    assert_eq!(h.state().settings.theme, ThemeChoice::Dark);
    // Ctrl+K opens it too, and Esc closes it without running anything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(3);
    assert!(h.state().windows.palette.open);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().windows.palette.open);
}

#[test]
fn the_palette_lists_every_command() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    let count = |h: &egui_kittest::Harness<'static, marginalia::ui::MarginaliaApp>, label: &str| {
        h.query_all_by_label_contains(label).count()
    };
    let before: Vec<usize> = UiCommand::all().map(|c| count(&h, c.label())).collect();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::TogglePalette);
    h.run_steps(3);
    // Every label gains a row (some also stand in the legend, so count rather than find).
    for (command, was) in UiCommand::all().zip(before) {
        assert!(
            count(&h, command.label()) > was,
            "{} is not in the palette",
            command.label()
        );
    }
}

#[test]
fn f1_shows_the_shortcut_sheet_made_from_the_table() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    h.key_press(Key::F1);
    h.run_steps(3);
    assert!(h.state().windows.shortcut_sheet);
    let annotate = UiCommand::Annotate.shortcut_text(&h.ctx);
    assert!(annotate.contains('M'), "{annotate}");
    h.get_by_label(&annotate);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().windows.shortcut_sheet);
}

#[test]
fn esc_closes_the_note_editor_and_then_the_details() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_app(
        Some(copy_of_sample(dir.path())),
        Arc::new(FixedDialogs::default()),
    );
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, AppCommand::Note(NoteCommand::AnnotateRange(10..22)));
    h.run_steps(3);
    assert!(h.state().editor.note.is_some());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().editor.note.is_none(), "Esc closes the editor");
    h.key_press(Key::N);
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(h.state().details.selected.is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().details.selected.is_none(), "then the details");
}

#[test]
fn a_click_on_a_highlight_goes_through_the_command_door() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    let first = h.state().article.highlights.all()[0].clone();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::Select(first.item));
    h.run_steps(2);
    assert_eq!(h.state().reader.focus, Some(0));
    assert_eq!(h.state().details.selected, Some(first.item));
}
