//! Property tests over what strangers' files reach: the loaders, the sidecar reader and import.
//! Inputs are real files of each kind, mutated (bytes flipped, cut, spliced with markup and JSON
//! tokens); proptest shrinks any failure to a small case. Each must give a result that keeps its
//! promises or an error naming the file — never a panic — and a failed import leaves the target
//! byte for byte as it was.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use marginalia::annotations::Annotation;
use marginalia::annotations::sidecar::{empty_sidecar, parse_sidecar, to_json, write_sidecar};
use marginalia::cli::{Command, run};
use marginalia::document::{Format, load_bytes};
use proptest::prelude::*;

fn sample(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name),
    )
    .unwrap()
}

/// Splices that break structure: markup, JSON tokens, quotes, invalid UTF-8, control bytes.
const SPLICES: &[&[u8]] = &[
    b"<div>",
    b"</p>",
    b"<!--",
    b"<script>",
    b"\xE2\x80\x9C",
    b"\"",
    b"{",
    b"]",
    b"\\u0000",
    b"\xFF\xFE",
    b"\x00",
    b"\r",
    b"> ",
    b"# ",
    b"1e999",
    b"null",
];

/// One mutation of a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Splice(usize, usize),
    Drop(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), 0..SPLICES.len()).prop_map(|(i, s)| Mutation::Splice(i, s)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Drop(i, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Flip(i, b) if !bytes.is_empty() => bytes[i % len] = b,
            Mutation::Cut(i) => bytes.truncate(i % len),
            Mutation::Splice(i, s) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, SPLICES[s].iter().copied());
            }
            Mutation::Drop(i, n) if !bytes.is_empty() => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {}
        }
    }
    bytes
}

/// The sample's text as the app sees it, and a valid sidecar with notes on it.
fn sidecar_bytes() -> (String, Vec<u8>) {
    let doc = load_bytes(&sample("haiti-kenya.txt"), Format::Text).unwrap();
    let mut side = empty_sidecar(Default::default());
    side.article.file = "story.txt".into();
    for i in 0..6 {
        let mut a = Annotation::new_on(&doc.text, 40 * i + 5, 40 * i + 25, "Amina");
        a.note = format!("note {i}");
        a.tags = vec!["fact-check".into()];
        side.annotations.push(a);
    }
    (doc.text.clone(), to_json(&side).into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn loaders_keep_their_layout_on_mutated_files(
        which in 0usize..3,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let (name, format) = [
            ("haiti-kenya.txt", Format::Text),
            ("harbour-bridge.md", Format::Markdown),
            ("river-cleanup.html", Format::Html),
        ][which];
        let bytes = mutate(sample(name), &mutations);
        if let Ok(doc) = load_bytes(&bytes, format) {
            let len = doc.text.chars().count();
            let mut previous_end = 0;
            for p in &doc.paragraphs {
                prop_assert!(p.start < p.end && p.end <= len);
                prop_assert!(p.start >= previous_end);
                previous_end = p.end;
            }
            for s in &doc.styles {
                prop_assert!(s.start < s.end && s.end <= len);
            }
        }
    }

    #[test]
    fn the_sidecar_reader_answers_every_mutated_file(
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let (_, valid) = sidecar_bytes();
        let bytes = mutate(valid, &mutations);
        let path = Path::new("story.txt.annotations.json");
        match parse_sidecar(path, &bytes) {
            Ok((side, _)) => {
                // What was read can be written and read back the same.
                let again = parse_sidecar(path, to_json(&side).as_bytes()).unwrap().0;
                prop_assert_eq!(again, side);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("story.txt.annotations.json")),
        }
    }
}

proptest! {
    // Each case writes files and runs a whole import: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn an_import_of_a_mutated_file_merges_or_changes_nothing(
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let (text, valid) = sidecar_bytes();
        let dir = tempfile::tempdir().unwrap();
        let article: PathBuf = dir.path().join("story.txt");
        fs::write(&article, sample("haiti-kenya.txt")).unwrap();
        let side = dir.path().join("story.txt.annotations.json");
        let mut own = empty_sidecar(Default::default());
        own.article.file = "story.txt".into();
        let mine = Annotation::new_on(&text, 300, 320, "Owner");
        own.annotations.push(mine.clone());
        write_sidecar(&side, &own).unwrap();
        let before = fs::read(&side).unwrap();
        let other = dir.path().join("other.annotations.json");
        fs::write(&other, mutate(valid, &mutations)).unwrap();

        let mut out = Vec::new();
        let result = run(&Command::Import { file: article.clone(), other: other.clone() }, &mut out);
        match result {
            Ok(()) => {
                let after = fs::read_to_string(&side).unwrap();
                prop_assert!(after.contains(&mine.id), "the target's own note was lost");
                parse_sidecar(&side, after.as_bytes()).unwrap();
            }
            Err(e) => {
                prop_assert_eq!(fs::read(&side).unwrap(), before);
                prop_assert!(format!("{e:#}").contains("other.annotations.json"), "{e:#}");
            }
        }
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        prop_assert_eq!(names, vec!["other.annotations.json", "story.txt", "story.txt.annotations.json"]);
    }
}
