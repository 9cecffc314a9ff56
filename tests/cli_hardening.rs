//! Smaller hardening cases of the command line, each once broken: a sidecar saved with a BOM,
//! UTF-16 articles, a newer-version import blamed on the wrong file, an OS error said twice,
//! numbers in unknown fields rewritten, the target's own unknown fields dropped by an import, and
//! an export written over the article or its sidecar.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use marginalia::annotations::Annotation;
use marginalia::annotations::sidecar::{empty_sidecar, to_json, write_sidecar};

fn marginalia(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder with `story.txt` (the sample) and a sidecar holding one note; returns the folder,
/// the article and the sidecar's path.
fn story_with_note() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/haiti-kenya.txt");
    fs::copy(sample, &article).unwrap();
    let text = fs::read_to_string(&article).unwrap();
    let mut side = empty_sidecar(Default::default());
    side.article.file = "story.txt".into();
    side.annotations
        .push(Annotation::new_on(&text, 10, 20, "Amina"));
    let path = dir.path().join("story.txt.annotations.json");
    write_sidecar(&path, &side).unwrap();
    (dir, article, path)
}

#[test]
fn a_sidecar_saved_with_a_byte_order_mark_is_read() {
    let (_dir, article, side) = story_with_note();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&side).unwrap());
    fs::write(&side, &bytes).unwrap();
    let out = marginalia(&[
        "annotations".as_ref(),
        article.as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Amina"));
    assert_eq!(fs::read(&side).unwrap(), bytes, "reading changed the file");
}

#[test]
fn utf16_articles_with_a_byte_order_mark_are_text() {
    let dir = tempfile::tempdir().unwrap();
    let words = "\u{feff}Headline\n\n\u{201c}It works,\u{201d} she said in Nairobi.";
    let little: Vec<u8> = words.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = words.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le.txt", little), ("be.txt", big)] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let out = marginalia(&["text".as_ref(), path.as_os_str()]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "Headline\n\n\u{201c}It works,\u{201d} she said in Nairobi."
        );
    }
}

#[test]
fn importing_a_newer_version_file_names_that_file_and_changes_nothing() {
    let (dir, article, side) = story_with_note();
    let other = dir.path().join("from-the-future.annotations.json");
    let mut newer = empty_sidecar(Default::default());
    newer.version = 2;
    fs::write(&other, to_json(&newer)).unwrap();
    let before = fs::read(&side).unwrap();
    let out = marginalia(&["import".as_ref(), article.as_os_str(), other.as_os_str()]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("from-the-future.annotations.json"),
        "{message}"
    );
    assert!(!message.contains("story.txt.annotations.json"), "{message}");
    assert_eq!(fs::read(&side).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn an_os_error_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let looped = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let out = marginalia(&["text".as_ref(), looped.as_os_str()]);
    let message = stderr(&out);
    assert!(!out.status.success());
    assert_eq!(message.matches("os error").count(), 1, "{message}");
}

#[test]
fn import_keeps_unknown_numbers_digit_for_digit_and_the_targets_own_fields() {
    let (dir, article, side) = story_with_note();
    // The target's own unknown fields, in the article block and at the top.
    let mut target: serde_json::Value = serde_json::from_slice(&fs::read(&side).unwrap()).unwrap();
    target["article"]["x-desk"] = "foreign".into();
    target["x-top"] = "mine".into();
    fs::write(&side, serde_json::to_vec_pretty(&target).unwrap()).unwrap();
    // Another file whose note carries numbers no float holds.
    let text = fs::read_to_string(&article).unwrap();
    let mut theirs = empty_sidecar(Default::default());
    theirs.article.file = "story.txt".into();
    theirs
        .annotations
        .push(Annotation::new_on(&text, 30, 40, "Tomás"));
    let other_text = to_json(&theirs).replacen(
        "\"deleted\": false",
        "\"deleted\": false, \"x-big\": 123456789012345678901234567890, \"x-exp\": 1E+2, \"x-precise\": 0.10000000000000000555111512312578270211815834045410156250",
        1,
    );
    let other = dir.path().join("other.annotations.json");
    fs::write(&other, other_text).unwrap();
    let out = marginalia(&["import".as_ref(), article.as_os_str(), other.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let merged = fs::read_to_string(&side).unwrap();
    // The exponent's letter may change case; the number may not change.
    assert!(
        merged.to_lowercase().contains("\"x-exp\": 1e+2"),
        "{merged}"
    );
    for kept in [
        "123456789012345678901234567890",
        "0.10000000000000000555111512312578270211815834045410156250",
        "\"x-desk\": \"foreign\"",
        "\"x-top\": \"mine\"",
    ] {
        assert!(merged.contains(kept), "{kept} is not in\n{merged}");
    }
}

#[test]
fn an_export_never_replaces_the_article_or_its_sidecar() {
    let (dir, article, side) = story_with_note();
    let before = (fs::read(&article).unwrap(), fs::read(&side).unwrap());
    let relative_article = dir.path().join(".").join("story.txt");
    for target in [&article, &side, &relative_article] {
        let out = marginalia(&[
            "export".as_ref(),
            article.as_os_str(),
            "--format".as_ref(),
            "markdown".as_ref(),
            "-o".as_ref(),
            target.as_os_str(),
        ]);
        assert!(!out.status.success(), "-o {}", target.display());
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
    assert_eq!(
        (fs::read(&article).unwrap(), fs::read(&side).unwrap()),
        before
    );
    let elsewhere = dir.path().join("report.md");
    let out = marginalia(&[
        "export".as_ref(),
        article.as_os_str(),
        "--format".as_ref(),
        "markdown".as_ref(),
        "-o".as_ref(),
        elsewhere.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read_to_string(elsewhere).unwrap().contains("Amina"));
}
