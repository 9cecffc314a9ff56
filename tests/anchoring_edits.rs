//! Anchoring against real edits of the sample article.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marginalia::annotations::Target;
use marginalia::annotations::anchoring::{Anchor, AnchorStatus, Anchorer};

fn sample() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt");
    marginalia::document::load(std::path::Path::new(path))
        .unwrap()
        .text
}

fn char_pos(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

fn target_on(text: &str, needle: &str) -> Target {
    let s = char_pos(text, needle);
    Target::from_text(text, s, s + needle.chars().count())
}

fn anchor(text: &str, t: &Target) -> Anchor {
    Anchorer::new(text).anchor_all([t]).remove(0)
}

fn text_at(text: &str, a: &Anchor) -> String {
    let (s, e) = (a.start.unwrap(), a.end.unwrap());
    text.chars().skip(s).take(e - s).collect()
}

const DISPLACED: &str = "600,000 people remain displaced";

#[test]
fn unchanged_text_is_anchored_in_place() {
    let text = sample();
    let t = target_on(&text, DISPLACED);
    let a = anchor(&text, &t);
    assert_eq!(a.status, AnchorStatus::Anchored);
    assert_eq!((a.start, a.end), (Some(t.start), Some(t.end)));
}

#[test]
fn paragraph_inserted_before_moves_it() {
    let text = sample();
    let t = target_on(&text, DISPLACED);
    let intro = "Editor's note: this story was updated with new figures.\n";
    let edited = format!("{intro}{text}");
    let a = anchor(&edited, &t);
    assert_eq!(a.status, AnchorStatus::Moved);
    assert_eq!(a.start, Some(t.start + intro.chars().count()));
    assert_eq!(text_at(&edited, &a), DISPLACED);
    assert_eq!(
        a.reason,
        format!("text found {} characters later", intro.chars().count())
    );
}

#[test]
fn paragraph_deleted_before_moves_it_earlier_and_orphans_its_own() {
    let text = sample();
    let first_para_end = text.find('\n').unwrap() + 1;
    let in_first = target_on(&text, "multinational mission aimed at restoring stability");
    let later = target_on(&text, DISPLACED);
    let edited = text[first_para_end..].to_string();
    let anchors = Anchorer::new(&edited).anchor_all([&in_first, &later]);
    assert_eq!(
        anchors[0].status,
        AnchorStatus::Orphaned,
        "{:?}",
        anchors[0]
    );
    assert_eq!(anchors[0].start, None);
    assert_eq!(anchors[1].status, AnchorStatus::Moved);
    assert_eq!(text_at(&edited, &anchors[1]), DISPLACED);
    assert!(
        anchors[1].reason.contains("earlier"),
        "{}",
        anchors[1].reason
    );
}

#[test]
fn typo_fixed_inside_the_span_is_a_fuzzy_match() {
    let text = sample();
    let original = text.replace(
        "widespread economic dislocation",
        "widesprad economic dislocation",
    );
    let t = target_on(
        &original,
        "rampant gang violence and widesprad economic dislocation",
    );
    let a = anchor(&text, &t);
    assert_eq!(a.status, AnchorStatus::Fuzzy, "{a:?}");
    assert_eq!(
        text_at(&text, &a),
        "rampant gang violence and widespread economic dislocation"
    );
    assert!(a.reason.contains("1 of 56"), "{}", a.reason);
}

#[test]
fn a_word_changed_inside_the_span_is_a_fuzzy_match() {
    let text = sample();
    let t = target_on(&text, DISPLACED);
    let edited = text.replace(DISPLACED, "700,000 people remain displaced");
    let a = anchor(&edited, &t);
    assert_eq!(a.status, AnchorStatus::Fuzzy);
    assert_eq!(text_at(&edited, &a), "700,000 people remain displaced");
}

#[test]
fn a_rewritten_sentence_orphans_the_annotation() {
    let text = sample();
    let sentence = "Ruto confirmed that an additional 600 officers are currently completing pre-deployment training and will be ready for duty by next month.";
    let t = target_on(
        &text,
        "an additional 600 officers are currently completing pre-deployment training",
    );
    let edited = text.replace(
        sentence,
        "More police are expected to join the force once their preparation ends.",
    );
    let a = anchor(&edited, &t);
    assert_eq!(a.status, AnchorStatus::Orphaned, "{a:?}");
    assert_eq!((a.start, a.end), (None, None));
}

#[test]
fn the_same_phrase_twice_is_found_by_its_context() {
    let text = sample();
    // "Ruto said" occurs several times; annotate the one before "We strongly implore".
    let needle = "Ruto said. “We strongly implore";
    let s = char_pos(&text, needle);
    let t = Target::from_text(&text, s, s + "Ruto said".len());
    assert!(text.matches("Ruto said").count() >= 3);
    let intro = "Ruto said little else. Ruto said more later.\n";
    let edited = format!("{intro}{text}");
    // Without the shift hint the context must pick the right occurrence.
    let a = Anchorer::new(&edited).anchor(&t, 0);
    assert_eq!(a.status, AnchorStatus::Moved);
    assert_eq!(a.start, Some(s + intro.chars().count()));
}

#[test]
fn blank_lines_added_between_paragraphs() {
    let text = sample();
    let targets: Vec<Target> = [
        "President William Ruto",
        "Haitian National Police",
        DISPLACED,
        "“sixth region of Africa.”",
        "The Haitian people now have hope in what can be achieved.",
    ]
    .iter()
    .map(|n| target_on(&text, n))
    .collect();
    let edited = text.replace('\n', "\n\n");
    let anchors = Anchorer::new(&edited).anchor_all(&targets);
    for (t, a) in targets.iter().zip(&anchors) {
        assert_ne!(a.status, AnchorStatus::Orphaned, "{t:?}");
        assert_eq!(text_at(&edited, a), t.exact);
    }
    assert_eq!(anchors[0].status, AnchorStatus::Anchored);
    assert_eq!(anchors[2].status, AnchorStatus::Moved);
}

#[test]
fn a_short_word_without_its_context_is_orphaned_not_moved() {
    let text = sample();
    let t = target_on(&text, "hope");
    // Remove the sentence with the first "hope"; other "hope"s remain elsewhere.
    let edited = text.replace(
        ", noting that the mission has brought a renewed sense of hope to the Haitian people",
        "",
    );
    assert!(edited.contains("hope"));
    let a = anchor(&edited, &t);
    assert_eq!(a.status, AnchorStatus::Orphaned, "{a:?}");
}

#[test]
fn an_empty_text_orphans_everything() {
    let text = sample();
    let t = target_on(&text, DISPLACED);
    assert_eq!(anchor("", &t).status, AnchorStatus::Orphaned);
}

#[test]
fn new_first_paragraph_and_fixed_typo_keep_every_note_in_place() {
    // Annotated while the article still had a typo; then edited: a new lead, the typo fixed.
    let text = sample();
    let with_typo = text.replace("recaptured key sites", "recaptued key sites");
    let needles = [
        "President William Ruto",
        "have already recaptued key sites",
        "nearly half of Haiti’s population",
        "The situation in Haiti is winnable",
        "Conille",
    ];
    let targets: Vec<Target> = needles.iter().map(|n| target_on(&with_typo, n)).collect();
    let edited = format!("Nairobi, Friday.\n{text}");
    let anchors = Anchorer::new(&edited).anchor_all(&targets);
    let expected = [
        "President William Ruto",
        "have already recaptured key sites",
        "nearly half of Haiti’s population",
        "The situation in Haiti is winnable",
        "Conille",
    ];
    for (a, want) in anchors.iter().zip(expected) {
        assert_ne!(a.status, AnchorStatus::Orphaned, "{want}: {a:?}");
        assert_eq!(text_at(&edited, a), want);
    }
    assert_eq!(anchors[1].status, AnchorStatus::Fuzzy);
    assert_eq!(anchors[0].status, AnchorStatus::Moved);
}

#[test]
fn a_word_inserted_inside_the_span_keeps_the_whole_span() {
    let text = sample();
    let t = target_on(&text, "recaptured key sites");
    let edited = text.replace("recaptured key sites", "recaptured several key sites");
    let a = anchor(&edited, &t);
    assert_eq!(a.status, AnchorStatus::Fuzzy, "{a:?}");
    assert_eq!(text_at(&edited, &a), "recaptured several key sites");
}
