//! What a new user meets in the first minutes: the tag field keeps the keyboard, a note on
//! white space is refused, an untouched new note goes when its editor closes, a click in the
//! margin opens nothing, banners follow the file that is open, figures show ISO values and their
//! precision, Copy says what it did, the outline starts at the top of each article, the article
//! column keeps its width at 800×600, and the first run greets the user.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;

use egui::{Event, Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marginalia::ui::MarginaliaApp;
use marginalia::ui::banner::BannerKind;
use marginalia::ui::commands::AppCommand;
use marginalia::ui::highlights::Item;
use marginalia::ui::reader::{Selection, min_column_width};
use support::{
    FixedDialogs, article_copy, char_offset, click_at, open_app, open_app_sized, sample, settle,
};

fn text_of(h: &Harness<'static, MarginaliaApp>) -> String {
    h.state().article.doc.as_ref().unwrap().text.clone()
}

fn select(h: &mut Harness<'static, MarginaliaApp>, range: std::ops::Range<usize>) {
    h.state_mut().reader.view.selection = Some(Selection {
        anchor: range.start,
        caret: range.end,
    });
    h.run_steps(2);
}

/// Selects `range` and presses Ctrl+M (annotate the selection).
fn annotate(h: &mut Harness<'static, MarginaliaApp>, range: std::ops::Range<usize>) {
    select(h, range);
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    h.run_steps(3);
}

fn apply(h: &mut Harness<'static, MarginaliaApp>, command: AppCommand) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, command);
    settle(h);
}

fn live_notes(h: &Harness<'static, MarginaliaApp>) -> usize {
    h.state().session.store.live().count()
}

#[test]
fn after_a_tag_is_added_with_enter_the_next_letters_go_to_the_tag_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_app(
        Some(article_copy(dir.path())),
        Arc::new(FixedDialogs::default()),
    );
    let s = char_offset(&text_of(&h), "joint press briefing");
    annotate(&mut h, s..s + 20);
    h.get_by_label("Add tag").focus();
    h.run_steps(2);
    h.get_by_label("Add tag").type_text("fact-check");
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(
        h.get_by_label("Add tag").is_focused(),
        "the tag field lost the keyboard"
    );
    let focus_before = h.state().reader.focus;
    h.get_by_label("Add tag").type_text("n");
    h.key_press(Key::N);
    h.run_steps(3);
    assert_eq!(h.state().reader.focus, focus_before, "`n` drove the reader");
    assert_eq!(h.get_by_label("Add tag").value().as_deref(), Some("n"));
    let id = h.state().editor.note.clone().unwrap();
    let note = h.state().session.store.get(&id).cloned().unwrap();
    assert_eq!(note.tags, vec!["fact-check".to_string()]);
}

#[test]
fn a_note_on_white_space_is_refused_with_a_word_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_app(
        Some(article_copy(dir.path())),
        Arc::new(FixedDialogs::default()),
    );
    let text = text_of(&h);
    let space = char_offset(&text, " press briefing");
    annotate(&mut h, space..space + 1);
    assert_eq!(live_notes(&h), 0, "a note was made on a space");
    assert!(h.state().editor.note.is_none());
    h.get_by_label_contains("Select some text first (not only spaces)");
    // The same keys on words make a note: the refusal is about the space, not the keys.
    annotate(&mut h, space + 1..space + 6);
    assert_eq!(live_notes(&h), 1);
}

#[test]
fn closing_the_editor_of_an_untouched_new_note_takes_the_note_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_app(
        Some(article_copy(dir.path())),
        Arc::new(FixedDialogs::default()),
    );
    let s = char_offset(&text_of(&h), "joint press briefing");
    annotate(&mut h, s..s + 20);
    assert_eq!(live_notes(&h), 1);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().editor.note.is_none(), "Esc left the editor open");
    assert_eq!(live_notes(&h), 0, "an empty note nobody asked for was kept");

    // A note given a word stays when its editor closes.
    annotate(&mut h, s..s + 20);
    h.get_by_label("Note text").focus();
    h.run_steps(2);
    h.get_by_label("Note text").type_text("Who called it?");
    h.run_steps(2);
    h.key_press(Key::Escape);
    h.run_steps(3);
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(live_notes(&h), 1);
}

#[test]
fn a_click_in_the_margin_right_of_a_line_opens_nothing() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    // The headline's first word is a short line of text with a place name on it.
    let a = h.state().article.analysis.clone().unwrap();
    let text = text_of(&h);
    let first_line_end = text.find('\n').unwrap();
    let first_line_chars = text[..first_line_end].chars().count();
    // (A highlighted name: nationalities are not highlighted.)
    let (i, mention) = a
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind != marginalia::analysis::EntityType::Norp)
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (i, m)))
        .filter(|(_, m)| m.end <= first_line_chars)
        .max_by_key(|(_, m)| m.end)
        .expect("a name in the headline");
    let last = h
        .state()
        .reader
        .view
        .range_rects(mention.end - 1..mention.end)[0];
    let line_end = h
        .state()
        .reader
        .view
        .range_rects(first_line_chars - 1..first_line_chars)[0];
    // On the name itself the click opens it...
    click_at(&mut h, last.center());
    assert_eq!(h.state().details.selected, Some(Item::Entity(i)));
    apply(&mut h, AppCommand::CloseDetails);
    assert!(h.state().details.selected.is_none());
    // ...but right of the line's last glyph, in the empty margin, nothing opens.
    click_at(
        &mut h,
        Pos2::new(line_end.right() + 30.0, line_end.center().y),
    );
    assert!(
        h.state().details.selected.is_none(),
        "the margin opened {:?}",
        h.state().details.selected
    );
}

#[test]
fn an_error_banner_goes_when_a_good_file_opens_and_an_empty_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let good = article_copy(dir.path());
    let mut h = open_app(Some(good.clone()), Arc::new(FixedDialogs::default()));
    apply(&mut h, AppCommand::Open(dir.path().join("missing.txt")));
    let errors = |h: &Harness<'static, MarginaliaApp>| {
        h.state()
            .banners
            .list()
            .iter()
            .filter(|b| b.kind == BannerKind::Error)
            .count()
    };
    assert_eq!(errors(&h), 1, "no error for a missing file");
    apply(&mut h, AppCommand::Open(good));
    assert_eq!(errors(&h), 0, "the old error stayed over a good file");

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    apply(&mut h, AppCommand::Open(empty.clone()));
    assert_eq!(
        h.state().article.doc.as_ref().unwrap().path.as_deref(),
        Some(empty.as_path())
    );
    h.get_by_label_contains("empty.txt: the file is empty");
}

#[test]
fn figure_details_give_the_iso_value_the_precision_and_other_figures_of_the_same_thing() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    let a = h.state().article.analysis.clone().unwrap();
    let find = |t: &str| a.figures.iter().position(|f| f.text == t).unwrap();
    apply(&mut h, AppCommand::Select(Item::Figure(find("June 2024"))));
    h.get_by_label("2024-06");
    h.get_by_label("exact to the month");
    apply(&mut h, AppCommand::Select(Item::Figure(find("last year"))));
    h.get_by_label("relative (no fixed date)");
    assert!(h.query_by_label("exact").is_none());

    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(
        &story,
        "Officers arrive\n\nSome 300 officers arrived on Monday. By Friday another 200 officers had joined them.\n",
    )
    .unwrap();
    apply(&mut h, AppCommand::Open(story));
    let a = h.state().article.analysis.clone().unwrap();
    let first = a.figures.iter().position(|f| f.text == "Some 300").unwrap();
    apply(&mut h, AppCommand::Select(Item::Figure(first)));
    h.get_by_label("Other figures of officers");
    h.get_by_label("200 officers");
}

#[test]
fn copy_with_attribution_says_what_it_copied() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    assert!(h.query_by_label_contains("to the clipboard").is_none());
    apply(&mut h, AppCommand::Select(Item::Quote(0)));
    h.get_by_label("Copy with attribution").click();
    h.run_steps(3);
    h.get_by_label_contains("Copied (");
    h.get_by_label_contains("words) to the clipboard");
}

#[test]
fn each_article_opens_with_its_outline_at_the_top() {
    let mut h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    let outline_top =
        |h: &Harness<'static, MarginaliaApp>| h.get_by_label_contains("Quotes (").rect().min.y;
    let top = outline_top(&h);
    let over_outline = Pos2::new(60.0, 400.0);
    h.event(Event::PointerMoved(over_outline));
    for _ in 0..10 {
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.step();
    }
    h.run_steps(4);
    assert!(outline_top(&h) < top - 50.0, "the outline did not scroll");
    apply(&mut h, AppCommand::Open(sample("harbour-bridge.md")));
    assert!(
        (outline_top(&h) - top).abs() < 1.0,
        "the outline kept the old scroll"
    );
}

#[test]
fn at_800_by_600_the_details_leave_the_article_a_readable_column() {
    let mut h = open_app_sized(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
        [800.0, 600.0],
    );
    let min = min_column_width(h.state().settings.zoom);
    apply(&mut h, AppCommand::Select(Item::Quote(0)));
    assert!(h.state().details.selected.is_some());
    h.get_by_label("Copy with attribution");
    let column = h
        .state()
        .reader
        .view
        .column_width()
        .expect("the article is laid out");
    assert!(column >= min, "column {column} px, under {min} px");
}

#[test]
fn the_first_run_greets_the_user_and_says_how_to_open_their_own_article() {
    let data = tempfile::tempdir().unwrap();
    let source = marginalia::ui::first_run::sample_copy(Some(data.path()));
    let welcome = marginalia::ui::first_run::welcome(&source, "Ctrl+O");
    let marginalia::ui::first_run::SampleSource::File { path, .. } = &source else {
        panic!("no copy of the sample: {source:?}");
    };
    let mut h = Harness::builder().with_size([1200.0, 820.0]).build_eframe({
        let path = path.clone();
        move |cc| {
            MarginaliaApp::new(
                cc,
                marginalia::ui::StartOptions {
                    file: Some(path),
                    dialogs: Arc::new(FixedDialogs::default()),
                    welcome,
                    ..Default::default()
                },
            )
        }
    });
    settle(&mut h);
    let greeting: Vec<String> = h
        .state()
        .banners
        .list()
        .iter()
        .filter(|b| b.kind == BannerKind::Info)
        .map(|b| b.text.clone())
        .collect();
    assert!(
        greeting.len() == 1 && greeting[0].starts_with("Welcome") && greeting[0].contains("Ctrl+O"),
        "{greeting:?}"
    );
    assert!(
        h.query_all_by_label_contains("Welcome to Marginalia")
            .next()
            .is_some()
    );
    // The sample is a real file in the data folder: a note on it is saved beside it.
    let s = char_offset(&text_of(&h), "joint press briefing");
    annotate(&mut h, s..s + 20);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let sidecar = path.with_file_name("haiti-kenya.txt.annotations.json");
    assert!(sidecar.is_file(), "no sidecar beside {}", path.display());
}

#[test]
fn at_640_by_480_the_details_float_over_the_article_and_close_with_their_one_x() {
    let mut h = open_app_sized(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
        [640.0, 480.0],
    );
    let min = min_column_width(h.state().settings.zoom);
    apply(&mut h, AppCommand::Select(Item::Quote(0)));
    h.get_by_label("Copy with attribution");
    let column = h
        .state()
        .reader
        .view
        .column_width()
        .expect("the article is laid out");
    assert!(column >= min, "column {column} px, under {min} px");
    // One way to close: the panel's own ×, not a second one on a window title bar.
    assert_eq!(h.query_all_by_label("×").count(), 1);
    h.get_by_label("×").click();
    h.run_steps(3);
    assert!(h.state().details.selected.is_none());
}

#[test]
fn a_long_banner_wraps_and_keeps_its_dismiss_button_in_the_window() {
    let mut h = open_app_sized(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
        [640.0, 480.0],
    );
    let long = "Welcome to Marginalia. ".repeat(12);
    h.state_mut().banners.push(BannerKind::Info, long);
    h.run_steps(3);
    let dismiss = h.get_by_label("×").rect();
    assert!(
        dismiss.max.x <= 640.0,
        "× drawn outside the window at {dismiss:?}"
    );
    h.get_by_label("×").click();
    h.run_steps(3);
    assert!(h.state().banners.list().is_empty());
}
