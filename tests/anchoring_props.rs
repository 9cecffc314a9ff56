//! Property tests: edits away from an annotation never move it off its text, and no edit makes
//! anchoring attach it to text it did not match.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marginalia::annotations::Target;
use marginalia::annotations::anchoring::{AnchorStatus, Anchorer};
use proptest::prelude::*;

fn sample() -> Vec<char> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt");
    marginalia::document::load(std::path::Path::new(path))
        .unwrap()
        .text
        .chars()
        .collect()
}

#[derive(Debug, Clone)]
enum EditOp {
    /// Insert `text` at the fraction `at` of the document.
    Insert(f64, String),
    /// Delete `len` chars at the fraction `at`.
    Delete(f64, usize),
}

fn edit_op() -> impl Strategy<Value = EditOp> {
    prop_oneof![
        (0.0..1.0f64, "[a-z ,.\n]{1,80}").prop_map(|(a, s)| EditOp::Insert(a, s)),
        (0.0..1.0f64, 1usize..120).prop_map(|(a, n)| EditOp::Delete(a, n)),
    ]
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut col: Vec<usize> = (0..=a.len()).collect();
    for (j, cb) in b.iter().enumerate() {
        let mut diag = col[0];
        col[0] = j + 1;
        for i in 1..=a.len() {
            let up = col[i];
            col[i] = (diag + usize::from(a[i - 1] != *cb))
                .min(up + 1)
                .min(col[i - 1] + 1);
            diag = up;
        }
    }
    col[a.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn edits_away_from_a_span_never_move_it_off_its_text(
        start_frac in 0.0..1.0f64,
        len in 8usize..60,
        ops in prop::collection::vec(edit_op(), 1..8),
    ) {
        let mut text = sample();
        let n = text.len();
        let start = ((n - len) as f64 * start_frac) as usize;
        let s: String = text.iter().collect();
        let target = Target::from_text(&s, start, start + len);
        // The protected zone: the span and its recorded context.
        let mut lo = start.saturating_sub(target.prefix.chars().count());
        let mut hi = start + len + target.suffix.chars().count();
        let mut span_start = start;
        for op in ops {
            match op {
                EditOp::Insert(at, ins) => {
                    let p = (text.len() as f64 * at) as usize;
                    if p > lo && p < hi { continue; }
                    let k = ins.chars().count();
                    text.splice(p..p, ins.chars());
                    if p <= lo { lo += k; hi += k; span_start += k; }
                }
                EditOp::Delete(at, d) => {
                    let p = (text.len() as f64 * at) as usize;
                    let e = (p + d).min(text.len());
                    if e > lo && p < hi { continue; }
                    text.drain(p..e);
                    if e <= lo { lo -= e - p; hi -= e - p; span_start -= e - p; }
                }
            }
        }
        let edited: String = text.iter().collect();
        let a = Anchorer::new(&edited).anchor_all([&target]).remove(0);
        prop_assert!(matches!(a.status, AnchorStatus::Anchored | AnchorStatus::Moved), "{:?}", a);
        prop_assert_eq!(a.start, Some(span_start));
        prop_assert_eq!(a.end, Some(span_start + len));
    }

    #[test]
    fn no_edit_attaches_an_annotation_to_text_it_did_not_match(
        start_frac in 0.0..1.0f64,
        len in 4usize..60,
        ops in prop::collection::vec(edit_op(), 1..10),
    ) {
        let mut text = sample();
        let n = text.len();
        let start = ((n - len) as f64 * start_frac) as usize;
        let s: String = text.iter().collect();
        let target = Target::from_text(&s, start, start + len);
        for op in ops {
            match op {
                EditOp::Insert(at, ins) => {
                    let p = (text.len() as f64 * at) as usize;
                    text.splice(p..p, ins.chars());
                }
                EditOp::Delete(at, d) => {
                    let p = (text.len() as f64 * at) as usize;
                    let e = (p + d).min(text.len());
                    text.drain(p..e);
                }
            }
        }
        let edited: String = text.iter().collect();
        let a = Anchorer::new(&edited).anchor_all([&target]).remove(0);
        let exact: Vec<char> = target.exact.chars().collect();
        match a.status {
            AnchorStatus::Orphaned => prop_assert_eq!(a.start, None),
            AnchorStatus::Anchored | AnchorStatus::Moved => {
                let (s, e) = (a.start.unwrap(), a.end.unwrap());
                prop_assert_eq!(&text[s..e], &exact[..]);
            }
            AnchorStatus::Fuzzy => {
                let (s, e) = (a.start.unwrap(), a.end.unwrap());
                let d = edit_distance(&exact, &text[s..e]);
                prop_assert!(d <= exact.len() / 2, "{:?} matched {:?} ({} edits)", target.exact, text[s..e].iter().collect::<String>(), d);
            }
        }
    }
}
