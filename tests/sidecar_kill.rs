//! Atomic writes under `kill -9`: a child process rewrites a large sidecar over and over and is
//! killed at random moments; every time, the file must parse and equal the old or the new content.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use marginalia::annotations::sidecar::{
    empty_sidecar, read_sidecar, sidecar_path, to_json, write_sidecar,
};
use marginalia::annotations::{Annotation, ArticleRef, Sidecar};

const CHILD_ENV: &str = "MARGINALIA_KILL_TEST_DIR";

/// One of two large sidecars (about 1 MB), told apart by their notes.
fn big_sidecar(variant: usize) -> Sidecar {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt");
    let text = fs::read_to_string(path).unwrap();
    let n = text.chars().count();
    let mut s = empty_sidecar(ArticleRef {
        file: "haiti-kenya.txt".into(),
        ..ArticleRef::default()
    });
    for i in 0..3000 {
        let start = (i * 37) % (n - 40);
        let mut a = Annotation::new_on(&text, start, start + 30, "Amina Odhiambo");
        a.id = format!("00000000-0000-4000-8000-{i:012}");
        a.created = "2026-11-28T21:00:00Z".into();
        a.modified = a.created.clone();
        a.note = format!("variant {variant}: note number {i} with some words to make it longer");
        s.annotations.push(a);
    }
    s
}

/// The child: rewrite the sidecar with the two variants in turn until killed. Run only by the
/// test below, as a separate process (`--ignored --exact child_writer`).
#[test]
#[ignore = "the child process of kill_9_during_writes_always_leaves_old_or_new_file"]
fn child_writer() {
    let dir = std::env::var(CHILD_ENV).expect("run by the kill test, which names the folder");
    let path = sidecar_path(&Path::new(&dir).join("haiti-kenya.txt"));
    let variants = [big_sidecar(0), big_sidecar(1)];
    let mut i = 1;
    loop {
        write_sidecar(&path, &variants[i % 2]).unwrap();
        i += 1;
    }
}

#[test]
fn kill_9_during_writes_always_leaves_old_or_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sidecar_path(&dir.path().join("haiti-kenya.txt"));
    let variants = [to_json(&big_sidecar(0)), to_json(&big_sidecar(1))];
    write_sidecar(&path, &big_sidecar(0)).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut seen = [false, false];
    for round in 0..32 {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child has written once, then kill it at a random moment of its loop.
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        for _ in 0..2000 {
            if fs::metadata(&path)
                .and_then(|m| m.modified())
                .is_ok_and(|m| m != before)
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(seed % 400));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let which = variants.iter().position(|v| *v == text);
        assert!(
            which.is_some(),
            "round {round}: the file is neither the old nor the new content ({} bytes)",
            text.len()
        );
        seen[which.unwrap()] = true;
        assert!(read_sidecar(&path).unwrap().is_some());
    }
    // The child did get to write: both contents were seen at some point.
    assert!(seen[0] && seen[1], "{seen:?}");
}
