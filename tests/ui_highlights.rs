//! Highlights in the reader, driven through the real app on the seed article (egui_kittest).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod support;

use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marginalia::ui::MarginaliaApp;
use marginalia::ui::highlights::{HighlightKind, Item};
use support::{FixedDialogs, click_at, open_app, sample};

fn seed() -> Harness<'static, MarginaliaApp> {
    let h = open_app(
        Some(sample("haiti-kenya.txt")),
        Arc::new(FixedDialogs::default()),
    );
    assert!(
        h.state().article.analysis.is_some(),
        "the analysis finished"
    );
    h
}

#[test]
fn clicking_the_first_quote_shows_its_speaker_in_the_details() {
    let mut h = seed();
    let q = h.state().article.analysis.as_ref().unwrap().quotes[0].clone();
    // A point inside the quote's text, away from the names inside it.
    let rects = h.state().reader.view.range_rects(q.start..q.start + 3);
    assert!(!rects.is_empty(), "the first quote is on screen");
    click_at(&mut h, rects[0].center());
    assert_eq!(h.state().details.selected, Some(Item::Quote(0)));
    h.get_by_label("Copy with attribution");
    // The speaker is a link in the details panel (the outline lists the name as plain text).
    h.get_by_role_and_label(egui::accesskit::Role::Link, "William Ruto");
    h.get_by_label("said");
}

#[test]
fn clicking_an_outline_entry_scrolls_the_text_to_it() {
    let mut h = seed();
    let a = h.state().article.analysis.clone().unwrap();
    let last = a.quotes.len() - 1;
    let q = &a.quotes[last];
    assert!(q.text.contains("The Haitian people now have hope"));
    let before = h.state().reader.view.scroll_offset();
    h.get_by_label_contains("“The Haitian people now have hope")
        .click();
    h.run_steps(6);
    let app = h.state();
    assert_eq!(app.details.selected, Some(Item::Quote(last)));
    assert!(
        app.reader.view.scroll_offset() > before + 200.0,
        "scrolled from {before} to {}",
        app.reader.view.scroll_offset()
    );
    let rects = app.reader.view.range_rects(q.start..q.end);
    assert!(!rects.is_empty(), "the quote is laid out");
    let top = rects[0].top();
    assert!(
        top > 0.0 && top < 820.0,
        "the quote is in the window (top at {top})"
    );
}

#[test]
fn toggling_a_kind_off_removes_its_highlights() {
    let mut h = seed();
    let figures: Vec<_> = h
        .state()
        .article
        .analysis
        .as_ref()
        .unwrap()
        .figures
        .iter()
        .map(|f| f.start..f.end)
        .collect();
    assert!(figures.len() >= 5);
    let marks_before = overlay_ranges(h.state());
    assert!(figures.iter().all(|f| marks_before.contains(f)));
    let label = format!("Figures {}", figures.len());
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(
        !h.state()
            .article
            .highlights
            .is_visible(HighlightKind::Figure)
    );
    let marks_after = overlay_ranges(h.state());
    assert!(
        figures.iter().all(|f| !marks_after.contains(f)),
        "no figure is painted any more"
    );
    assert!(!marks_after.is_empty(), "other kinds stay");
    // Clicking where a figure was no longer selects it.
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(
        figures
            .iter()
            .all(|f| overlay_ranges(h.state()).contains(f))
    );
}

fn overlay_ranges(app: &MarginaliaApp) -> Vec<std::ops::Range<usize>> {
    (0..app.reader.view.paragraph_count())
        .flat_map(|i| {
            app.reader
                .view
                .overlay()
                .for_paragraph(i)
                .iter()
                .map(|m| m.range.clone())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn n_steps_through_highlights_and_enter_opens_details() {
    let mut h = seed();
    let all: Vec<_> = h.state().article.highlights.all().to_vec();
    for k in 0..3 {
        h.key_press(Key::N);
        h.run_steps(2);
        assert_eq!(h.state().reader.focus, Some(k), "step {k}");
    }
    assert!(h.state().details.selected.is_none());
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().details.selected, Some(all[2].item));
    h.key_press(Key::P);
    h.run_steps(2);
    assert_eq!(h.state().reader.focus, Some(1));
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().details.selected.is_none());
}

#[test]
fn find_marks_every_match_of_conille() {
    let mut h = seed();
    let text = h.state().article.doc.as_ref().unwrap().text.clone();
    let expected = text.matches("Conille").count();
    assert!(expected >= 5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(3);
    h.get_by_label("Find").type_text("conille");
    h.run_steps(3);
    assert_eq!(h.state().find.matches.len(), expected);
    h.get_by_label(&format!("1 of {expected}"));
    h.key_press(Key::F3);
    h.run_steps(2);
    assert_eq!(h.state().find.current, Some(1));
    h.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    h.run_steps(2);
    assert_eq!(h.state().find.current, Some(0));
}

#[test]
fn alt_digits_toggle_kinds_from_the_keyboard() {
    let mut h = seed();
    h.key_press_modifiers(Modifiers::ALT, Key::Num5);
    h.run_steps(2);
    assert!(
        !h.state()
            .article
            .highlights
            .is_visible(HighlightKind::Figure)
    );
    h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    h.run_steps(2);
    assert!(
        !h.state()
            .article
            .highlights
            .is_visible(HighlightKind::Quote)
    );
    assert!(
        h.state()
            .article
            .highlights
            .is_visible(HighlightKind::Person)
    );
    // Stepping skips the hidden kinds.
    h.key_press(Key::N);
    h.run_steps(2);
    let focused = h
        .state()
        .reader
        .focus
        .map(|i| h.state().article.highlights.all()[i].kind);
    assert!(matches!(
        focused,
        Some(HighlightKind::Person | HighlightKind::Org | HighlightKind::Place)
    ));
}

#[test]
fn shift_tab_steps_back_and_tab_forward() {
    let mut h = seed();
    for _ in 0..3 {
        h.key_press(Key::Tab);
        h.run_steps(2);
    }
    assert_eq!(h.state().reader.focus, Some(2));
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(2);
    assert_eq!(h.state().reader.focus, Some(1));
}

#[test]
fn alt_digits_in_a_text_field_leave_the_highlights_alone() {
    let mut h = seed();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(3);
    h.get_by_label("Find").type_text("Ruto");
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    h.run_steps(2);
    assert!(
        h.state()
            .article
            .highlights
            .is_visible(HighlightKind::Quote)
    );
}

/// An entity's details say why it has its type: its score per type and the deciding features,
/// the same as `analyze --explain` gives.
#[test]
fn an_entitys_details_say_why_it_has_its_type() {
    let mut h = seed();
    let a = h.state().article.analysis.clone().unwrap();
    let (i, e) = a
        .entities
        .iter()
        .enumerate()
        .find(|(_, e)| e.name == "William Ruto")
        .unwrap();
    let why = e.why.clone().expect("the analysis explains the type");
    let m = &e.mentions[0];
    let rects = h.state().reader.view.range_rects(m.start..m.end);
    click_at(&mut h, rects[0].center());
    assert_eq!(h.state().details.selected, Some(Item::Entity(i)));
    h.get_by_label("Why this type").click();
    h.run_steps(3);
    let best = &why.scores[0];
    h.get_by_label_contains(&format!("{} {:+.1}", best.name, best.weight));
    h.get_by_label(&why.features[0].name);
}

/// A quote whose speaker a pronoun named says why in its details.
#[test]
fn a_pronoun_quotes_details_say_why_this_speaker() {
    let mut h = seed();
    let a = h.state().article.analysis.clone().unwrap();
    let (i, q) = a
        .quotes
        .iter()
        .enumerate()
        .find(|(_, q)| q.why.is_some())
        .expect("a quote whose speaker a pronoun named");
    let why = q.why.clone().unwrap();
    h.state_mut().details.selected = Some(Item::Quote(i));
    h.run_steps(3);
    h.get_by_label("Why this speaker").click();
    h.run_steps(3);
    h.get_by_label_contains(&format!(
        "{} {:+.1}",
        why.scores[0].name, why.scores[0].weight
    ));
}
