//! Many writers of one sidecar at once — `marginalia import` processes and app-style savers that
//! load the file, add notes and save with the state they loaded — must never lose anyone's notes:
//! after they all finish, the file holds the union.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use marginalia::annotations::sidecar::{
    empty_sidecar, read_sidecar, save_merging, sidecar_path, write_sidecar,
};
use marginalia::annotations::{Annotation, ArticleRef, Sidecar};

const IMPORTERS: usize = 4;
const NOTES_PER_IMPORT: usize = 400;
const SAVERS: usize = 2;
const SAVES_PER_SAVER: usize = 4;
const NOTES_PER_SAVE: usize = 15;
const ROUNDS: usize = 6;

fn article_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["text", path])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// `count` notes by `author` on spans spread over the text, each with a fresh id.
fn notes(text: &str, author: &str, count: usize, seed: usize) -> Vec<Annotation> {
    let n = text.chars().count();
    (0..count)
        .map(|i| {
            let start = (seed * 7919 + i * 131) % (n - 30);
            Annotation::new_on(text, start, start + 12, author)
        })
        .collect()
}

fn sidecar_with(list: Vec<Annotation>) -> Sidecar {
    let mut s = empty_sidecar(ArticleRef {
        file: "story.txt".into(),
        ..ArticleRef::default()
    });
    s.annotations = list;
    s
}

/// What the app does: load once, then add notes and save with the stamp of its last read or write.
fn app_style_saver(side: &Path, text: &str, author: &str) -> HashSet<String> {
    let loaded = read_sidecar(side).unwrap().unwrap();
    let mut ours = loaded.sidecar;
    let mut stamp = loaded.stamp;
    let mut added = HashSet::new();
    for round in 0..SAVES_PER_SAVER {
        let fresh = notes(text, author, NOTES_PER_SAVE, round + 100);
        added.extend(fresh.iter().map(|a| a.id.clone()));
        ours.annotations.extend(fresh);
        let outcome = save_merging(side, &ours, Some(&stamp)).unwrap();
        ours = outcome.written;
        stamp = outcome.stamp;
    }
    added
}

fn ids(list: &[Annotation]) -> HashSet<String> {
    list.iter().map(|a| a.id.clone()).collect()
}

fn one_round(dir: &Path, text: &str, round: usize) {
    let article = dir.join("story.txt");
    fs::write(&article, text).unwrap();
    let side = sidecar_path(&article);
    let old = notes(text, "Owner", 50, round);
    let mut want = ids(&old);
    write_sidecar(&side, &sidecar_with(old)).unwrap();

    let mut children = Vec::new();
    for k in 0..IMPORTERS {
        let list = notes(
            text,
            &format!("Importer {k}"),
            NOTES_PER_IMPORT,
            k + 10 * round,
        );
        want.extend(ids(&list));
        let other: PathBuf = dir.join(format!("other-{k}.annotations.json"));
        write_sidecar(&other, &sidecar_with(list)).unwrap();
        children.push(
            Command::new(env!("CARGO_BIN_EXE_marginalia"))
                .arg("import")
                .arg(&article)
                .arg(&other)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    let savers: Vec<_> = (0..SAVERS)
        .map(|k| {
            let (side, text) = (side.clone(), text.to_string());
            std::thread::spawn(move || app_style_saver(&side, &text, &format!("Window {k}")))
        })
        .collect();
    for saver in savers {
        want.extend(saver.join().unwrap());
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "round {round}: an import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let got = ids(&read_sidecar(&side).unwrap().unwrap().sidecar.annotations);
    let lost = want.difference(&got).count();
    assert_eq!(
        lost,
        0,
        "round {round}: {lost} of {} notes lost",
        want.len()
    );
    let left: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
        .collect();
    assert!(
        left.is_empty(),
        "round {round}: files left behind: {left:?}"
    );
}

#[test]
fn concurrent_importers_and_savers_keep_every_note() {
    let text = article_text();
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        one_round(dir.path(), &text, round);
    }
}
