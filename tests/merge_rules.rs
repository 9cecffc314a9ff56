//! Merging sidecars: the rules of the format, and the algebra that makes sharing safe
//! (commutative, idempotent, associative), checked by example and by property.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marginalia::annotations::merge::{merge_annotations, merge_sidecars, precedence};
use marginalia::annotations::sidecar::empty_sidecar;
use marginalia::annotations::{Annotation, ArticleRef, Sidecar, Target};
use proptest::prelude::*;
use serde_json::json;

const TEXT: &str = "According to the Haitian Prime Minister, nearly half of Haiti’s population faces food insecurity, and 600,000 people remain displaced.";

fn ann(id: &str, modified: &str, author: &str, note: &str, deleted: bool) -> Annotation {
    let mut a = Annotation::new_on(TEXT, 4, 12, author);
    a.id = id.to_string();
    a.created = "2026-11-28T20:00:00Z".to_string();
    a.modified = modified.to_string();
    a.note = note.to_string();
    a.deleted = deleted;
    a
}

fn sidecar(list: Vec<Annotation>) -> Sidecar {
    let mut s = empty_sidecar(ArticleRef {
        file: "haiti-kenya.txt".into(),
        ..ArticleRef::default()
    });
    s.annotations = list;
    s
}

#[test]
fn new_ids_are_added_and_later_modified_wins() {
    let ours = vec![ann("a", "2026-11-28T21:00:00Z", "Amina", "mine", false)];
    let theirs = vec![
        ann("a", "2026-11-28T21:05:00Z", "Tomás", "theirs, later", false),
        ann("b", "2026-11-28T21:01:00Z", "Tomás", "new", false),
    ];
    let (merged, report) = merge_annotations(&ours, &theirs);
    assert_eq!(merged.len(), 2);
    assert_eq!(
        merged.iter().find(|a| a.id == "a").unwrap().note,
        "theirs, later"
    );
    assert_eq!(report.added, vec!["b"]);
    assert_eq!(report.updated, vec!["a"]);
    assert!(report.deleted.is_empty());
}

#[test]
fn tombstone_wins_over_older_live_copy_and_loses_to_newer() {
    let live_old = ann("a", "2026-11-28T21:00:00Z", "Amina", "x", false);
    let tomb = ann("a", "2026-11-28T21:10:00Z", "Amina", "x", true);
    let live_new = ann("a", "2026-11-28T21:20:00Z", "Amina", "x again", false);
    let (m, r) = merge_annotations(std::slice::from_ref(&live_old), std::slice::from_ref(&tomb));
    assert!(m[0].deleted);
    assert_eq!(r.deleted, vec!["a"]);
    let (m, r) = merge_annotations(&[tomb], &[live_new]);
    assert!(!m[0].deleted);
    assert_eq!(r.updated, vec!["a"]);
}

#[test]
fn ties_go_to_larger_author_then_larger_json() {
    let t = "2026-11-28T21:00:00Z";
    let a = ann("a", t, "Amina", "one", false);
    let b = ann("a", t, "Tomás", "two", false);
    assert_eq!(
        merge_annotations(std::slice::from_ref(&a), std::slice::from_ref(&b)).0[0].author,
        "Tomás"
    );
    assert_eq!(merge_annotations(&[b], &[a]).0[0].author, "Tomás");
    let x = ann("a", t, "Amina", "aaa", false);
    let y = ann("a", t, "Amina", "bbb", false);
    assert_eq!(
        merge_annotations(std::slice::from_ref(&x), std::slice::from_ref(&y)).0[0].note,
        "bbb"
    );
    assert_eq!(merge_annotations(&[y], &[x]).0[0].note, "bbb");
}

#[test]
fn unknown_fields_are_kept() {
    let mut a = ann("a", "2026-11-28T21:00:00Z", "Amina", "n", false);
    a.extra.insert("x-confidence".into(), json!(0.8));
    a.target.extra.insert("x-page".into(), json!(3));
    let mut ours = sidecar(vec![]);
    ours.extra.insert("x-project".into(), json!("haiti"));
    let mut theirs = sidecar(vec![a]);
    theirs
        .extra
        .insert("x-tool".into(), json!({"name": "other"}));
    let (m, _) = merge_sidecars(&ours, &theirs);
    assert_eq!(m.annotations[0].extra["x-confidence"], json!(0.8));
    assert_eq!(m.annotations[0].target.extra["x-page"], json!(3));
    assert_eq!(m.extra["x-project"], json!("haiti"));
    assert_eq!(m.extra["x-tool"], json!({"name": "other"}));
}

#[test]
fn importing_twice_changes_nothing() {
    let ours = sidecar(vec![ann("a", "2026-11-28T21:00:00Z", "Amina", "n", false)]);
    let theirs = sidecar(vec![ann("b", "2026-11-28T21:00:00Z", "Tomás", "m", false)]);
    let (once, r1) = merge_sidecars(&ours, &theirs);
    let (twice, r2) = merge_sidecars(&once, &theirs);
    assert_eq!(once, twice);
    assert_eq!(r1.added.len(), 1);
    assert!(r2.is_empty());
}

#[test]
fn the_winner_does_not_depend_on_the_import_order_when_a_time_is_malformed() {
    // As times, a < b; as text, b < c < a: a rule that compares times when both parse and text
    // otherwise goes round in a circle, and the last import decides.
    let copies = [
        ann("x", "2026-11-28T21:05:00Z", "Amina", "a", false),
        ann("x", "2026-11-28T20:10:00-01:00", "Amina", "b", false),
        ann("x", "2026-11-28T21:00", "Amina", "c", false),
    ];
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let winners: std::collections::BTreeSet<String> = orders
        .iter()
        .map(|order| {
            let mut merged = vec![copies[order[0]].clone()];
            for &i in &order[1..] {
                merged = merge_annotations(&merged, std::slice::from_ref(&copies[i])).0;
            }
            merged[0].note.clone()
        })
        .collect();
    assert_eq!(winners.len(), 1, "{winners:?}");
    // A valid time beats a malformed one; of the valid ones the later time wins.
    assert_eq!(winners.into_iter().next().unwrap(), "b");
}

fn arb_annotation() -> impl Strategy<Value = Annotation> {
    (
        0u8..6,
        0u8..4,
        0u8..4,
        prop::sample::select(vec!["Amina", "Tomás", "Lea"]),
        "[a-z ]{0,8}",
        any::<bool>(),
        0usize..20,
        prop::option::of("[a-z]{1,4}"),
    )
        .prop_map(|(id, minute, form, author, note, deleted, start, extra)| {
            // Times as other tools write them, and times a stranger's file may get wrong: the
            // merge must not depend on the order of the imports either way.
            let modified = match form {
                0 => format!("2026-11-28T21:0{minute}:00Z"),
                1 => format!("2026-11-28T20:0{minute}:30-01:00"),
                2 => format!("2026-11-28T21:0{minute}"),
                _ => format!("not a time {minute}"),
            };
            let mut a = ann(&format!("id-{id}"), &modified, author, &note, deleted);
            a.target = Target::from_text(TEXT, start, start + 10);
            if let Some(x) = extra {
                a.extra.insert("x-extra".into(), json!(x));
            }
            a
        })
}

fn arb_list() -> impl Strategy<Value = Vec<Annotation>> {
    prop::collection::vec(arb_annotation(), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn precedence_is_a_total_order(a in arb_annotation(), b in arb_annotation(), c in arb_annotation()) {
        use std::cmp::Ordering::*;
        prop_assert_eq!(precedence(&a, &b), precedence(&b, &a).reverse());
        if precedence(&a, &b) != Greater && precedence(&b, &c) != Greater {
            prop_assert_ne!(precedence(&a, &c), Greater);
        }
    }

    #[test]
    fn merge_is_commutative(a in arb_list(), b in arb_list()) {
        prop_assert_eq!(merge_annotations(&a, &b).0, merge_annotations(&b, &a).0);
    }

    #[test]
    fn merge_is_idempotent(a in arb_list(), b in arb_list()) {
        let (ab, _) = merge_annotations(&a, &b);
        let (abb, report) = merge_annotations(&ab, &b);
        prop_assert_eq!(&ab, &abb);
        prop_assert!(report.is_empty());
        prop_assert_eq!(merge_annotations(&ab, &ab).0, ab);
    }

    #[test]
    fn merge_is_associative(a in arb_list(), b in arb_list(), c in arb_list()) {
        let left = merge_annotations(&merge_annotations(&a, &b).0, &c).0;
        let right = merge_annotations(&a, &merge_annotations(&b, &c).0).0;
        prop_assert_eq!(left, right);
    }

    #[test]
    fn the_latest_copy_of_each_id_survives(a in arb_list(), b in arb_list()) {
        let (m, _) = merge_annotations(&a, &b);
        for x in a.iter().chain(&b) {
            let kept = m.iter().find(|y| y.id == x.id).unwrap();
            prop_assert!(precedence(kept, x) != std::cmp::Ordering::Less);
        }
        let ids: std::collections::HashSet<&str> = m.iter().map(|x| x.id.as_str()).collect();
        prop_assert_eq!(ids.len(), m.len());
    }
}
