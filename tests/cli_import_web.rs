//! `marginalia import` with a W3C Web Annotation file (as other annotation tools write them).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use std::process::Command;

use marginalia::annotations::{Annotation, Status, export::w3c};

#[test]
fn a_w3c_collection_merges_into_the_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt"),
        &article,
    )
    .unwrap();
    let doc = marginalia::document::load(&article).unwrap();
    let start = doc
        .text
        .find("State House")
        .map(|b| doc.text[..b].chars().count())
        .unwrap();
    let mut a = Annotation::new_on(&doc.text, start, start + 11, "Tomás Reyes");
    a.note = "Venue to confirm".into();
    a.tags = vec!["venue".into()];
    a.status = Status::Open;
    let json = w3c::to_w3c(&doc, std::slice::from_ref(&a), "story.txt");
    let incoming = dir.path().join("from-web.jsonld");
    std::fs::write(&incoming, serde_json::to_string_pretty(&json).unwrap()).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("import")
        .arg(&article)
        .arg(&incoming)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("added"), "{stdout}");
    let side: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("story.txt.annotations.json")).unwrap(),
    )
    .unwrap();
    let first = &side["annotations"][0];
    assert_eq!(first["id"], a.id.as_str());
    assert_eq!(first["note"], "Venue to confirm");
    assert_eq!(first["target"]["exact"], "State House");
    assert_eq!(first["author"], "Tomás Reyes");

    // Importing the same file again changes nothing.
    let before = std::fs::read(dir.path().join("story.txt.annotations.json")).unwrap();
    let again = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("import")
        .arg(&article)
        .arg(&incoming)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        std::fs::read(dir.path().join("story.txt.annotations.json")).unwrap(),
        before
    );
}

#[test]
fn an_unrecognised_file_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, "Headline\nA line of text.").unwrap();
    let incoming = dir.path().join("notes.json");
    std::fs::write(&incoming, r#"{"hello": "world"}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("import")
        .arg(&article)
        .arg(&incoming)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes.json"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!dir.path().join("story.txt.annotations.json").exists());
}
