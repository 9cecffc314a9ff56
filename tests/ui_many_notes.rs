//! A stranger's sidecar with very many notes: the app opens it, places every note, and keeps the
//! outline to a list it can draw each frame, saying how many more there are.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;

use egui_kittest::kittest::Queryable;
use marginalia::annotations::sidecar::{empty_sidecar, to_json};
use marginalia::annotations::{Annotation, ArticleRef};
use support::{FixedDialogs, open_app, sample};

#[test]
fn six_hundred_notes_open_placed_and_the_outline_lists_five_hundred() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("haiti-kenya.txt");
    std::fs::copy(sample("haiti-kenya.txt"), &article).unwrap();
    let text = marginalia::document::load(&article).unwrap().text;
    let n = text.chars().count();
    let mut sidecar = empty_sidecar(ArticleRef {
        file: "haiti-kenya.txt".into(),
        ..ArticleRef::default()
    });
    for i in 0..600 {
        let start = i * 6;
        assert!(start + 5 < n);
        let mut a = Annotation::new_on(&text, start, start + 5, "Lee");
        a.note = format!("note number {i}");
        sidecar.annotations.push(a);
    }
    std::fs::write(
        dir.path().join("haiti-kenya.txt.annotations.json"),
        to_json(&sidecar),
    )
    .unwrap();
    let h = open_app(Some(article), Arc::new(FixedDialogs::default()));
    let placed = h
        .state()
        .session
        .placed()
        .filter(|(_, r)| r.is_some())
        .count();
    assert_eq!(placed, 600);
    h.get_by_label_contains("… and 100 more");
    // The first notes in reading order are the ones listed.
    h.get_by_label("note number 0");
    assert!(h.query_by_label("note number 599").is_none());
}
