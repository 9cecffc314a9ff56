//! `marginalia annotations` and `marginalia import`, end to end, on the real binary in temporary
//! folders.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use marginalia::annotations::sidecar::{
    describe_article, empty_sidecar, read_sidecar, sidecar_path, write_sidecar,
};
use marginalia::annotations::{Annotation, Sidecar};
use serde_json::Value;

fn marginalia(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A folder with a copy of the sample article.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("haiti-kenya.txt");
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt"),
        &article,
    )
    .unwrap();
    (dir, article)
}

/// A sidecar for `article` with one annotation per needle, by `author`.
fn sidecar_for(article: &Path, author: &str, needles: &[&str]) -> Sidecar {
    let doc = marginalia::document::load(article).unwrap();
    let mut s = empty_sidecar(describe_article(article, &doc).unwrap());
    for n in needles {
        let start = doc.text[..doc.text.find(n).unwrap()].chars().count();
        let mut a = Annotation::new_on(&doc.text, start, start + n.chars().count(), author);
        a.note = format!("note on {n}");
        a.tags = vec!["check".into()];
        s.annotations.push(a);
    }
    s
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

#[test]
fn no_sidecar_lists_nothing_and_creates_no_file() {
    let (dir, article) = folder();
    let out = marginalia(&[p("annotations"), &article, p("--json")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["annotations"], Value::Array(vec![]));
    assert_eq!(v["article_changed"], false);
    assert!(
        v["sidecar"]
            .as_str()
            .unwrap()
            .ends_with("haiti-kenya.txt.annotations.json")
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn annotations_are_anchored_in_the_edited_article_and_no_file_changes() {
    let (_dir, article) = folder();
    let s = sidecar_for(
        &article,
        "Amina Odhiambo",
        &["600,000 people remain displaced", "General Hospital"],
    );
    let side = sidecar_path(&article);
    write_sidecar(&side, &s).unwrap();
    let intro = "Updated: new figures from the UN.\n";
    let original = fs::read_to_string(&article).unwrap();
    fs::write(&article, format!("{intro}{original}")).unwrap();
    let before = fs::read(&side).unwrap();

    let out = marginalia(&[p("annotations"), &article, p("--json")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["article_changed"], true);
    let list = v["annotations"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    let shift = intro.chars().count() as u64;
    let displaced = list
        .iter()
        .find(|a| a["exact"] == "600,000 people remain displaced")
        .unwrap();
    assert_eq!(displaced["status"], "moved");
    assert_eq!(
        displaced["start"].as_u64().unwrap(),
        s.annotations[0].target.start as u64 + shift
    );
    assert_eq!(
        displaced["status_reason"],
        format!("text found {shift} characters later")
    );
    assert_eq!(displaced["author"], "Amina Odhiambo");
    assert_eq!(displaced["tags"][0], "check");
    assert_eq!(
        fs::read(&side).unwrap(),
        before,
        "the sidecar must not change"
    );

    let human = marginalia(&[p("annotations"), &article]);
    assert!(human.status.success());
    let text = stdout(&human);
    assert!(text.contains("2 annotations"), "{text}");
    assert!(text.contains("[moved]"), "{text}");
    assert!(text.contains("note on General Hospital"), "{text}");
}

#[test]
fn tombstones_only_with_all_and_orphans_have_null_offsets() {
    let (_dir, article) = folder();
    let mut s = sidecar_for(
        &article,
        "Amina",
        &["General Hospital", "sixth region of Africa"],
    );
    s.annotations[0].deleted = true;
    write_sidecar(&sidecar_path(&article), &s).unwrap();
    let original = fs::read_to_string(&article).unwrap();
    fs::write(
        &article,
        original.replace(
            "describing the latter as the “sixth region of Africa.”",
            "and left.",
        ),
    )
    .unwrap();
    let out = marginalia(&[p("annotations"), &article, p("--json")]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = v["annotations"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["status"], "orphaned");
    assert_eq!(list[0]["start"], Value::Null);
    assert_eq!(list[0]["end"], Value::Null);
    let out = marginalia(&[p("annotations"), &article, p("--json"), p("--all")]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = v["annotations"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().any(|a| a["deleted"] == true));
}

#[test]
fn a_broken_sidecar_is_an_error_naming_it_with_line_and_column() {
    let (_dir, article) = folder();
    let side = sidecar_path(&article);
    fs::write(
        &side,
        "{\n  \"format\": \"marginalia.annotations\",\n  \"version\": 1,,\n}",
    )
    .unwrap();
    let out = marginalia(&[p("annotations"), &article, p("--json")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("haiti-kenya.txt.annotations.json:3:16"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn import_creates_merges_reports_and_is_idempotent() {
    let (dir, article) = folder();
    let other_dir = tempfile::tempdir().unwrap();
    let other_article = other_dir.path().join("haiti-kenya.txt");
    fs::copy(&article, &other_article).unwrap();
    let theirs = sidecar_for(
        &other_article,
        "Tomás Reyes",
        &["National Palace", "El Salvador"],
    );
    let other = sidecar_path(&other_article);
    write_sidecar(&other, &theirs).unwrap();

    // Into an article with no sidecar yet: created.
    let out = marginalia(&[p("import"), &article, &other]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("added: 2"), "{text}");
    assert!(text.contains("orphaned: 0"), "{text}");
    assert!(text.contains(&theirs.annotations[0].id), "{text}");
    let side = sidecar_path(&article);
    let mine = read_sidecar(&side).unwrap().unwrap().sidecar;
    assert_eq!(mine.annotations.len(), 2);
    assert_eq!(mine.article.file, "haiti-kenya.txt");

    // Twice: nothing changes, not even the file.
    let before = fs::read(&side).unwrap();
    let out = marginalia(&[p("import"), &article, &other]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("added: 0"), "{}", stdout(&out));
    assert_eq!(fs::read(&side).unwrap(), before);

    // They delete one and edit the other later; the article changed here meanwhile.
    let mut theirs2 = theirs.clone();
    theirs2.annotations[0].deleted = true;
    theirs2.annotations[0].modified = "2099-01-01T00:00:00Z".into();
    theirs2.annotations[1].note = "and Canada?".into();
    theirs2.annotations[1].modified = "2099-01-01T00:00:00Z".into();
    write_sidecar(&other, &theirs2).unwrap();
    let original = fs::read_to_string(&article).unwrap();
    fs::write(
        &article,
        original.replace("and El Salvador, which recently", "which recently"),
    )
    .unwrap();
    let out = marginalia(&[p("import"), &article, &other]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("updated: 1"), "{text}");
    assert!(text.contains("deleted: 1"), "{text}");
    assert!(text.contains("orphaned: 1"), "{text}");
    let mine = read_sidecar(&side).unwrap().unwrap().sidecar;
    assert!(mine.annotations.iter().any(|a| a.deleted));
    assert!(mine.annotations.iter().any(|a| a.note == "and Canada?"));
    // No temporary files left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn import_refuses_a_read_only_sidecar_and_a_broken_other_file() {
    let (_dir, article) = folder();
    let mut s = sidecar_for(&article, "Amina", &["General Hospital"]);
    s.version = 2;
    let side = sidecar_path(&article);
    fs::write(&side, marginalia::annotations::sidecar::to_json(&s)).unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("x.annotations.json");
    fs::write(
        &other,
        marginalia::annotations::sidecar::to_json(&sidecar_for(&article, "Lea", &["Nairobi"])),
    )
    .unwrap();
    let out = marginalia(&[p("import"), &article, &other]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));

    fs::remove_file(&side).unwrap();
    fs::write(&other, "{\"format\": \"marginalia").unwrap();
    let out = marginalia(&[p("import"), &article, &other]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("x.annotations.json:1:22: not valid JSON"),
        "{err}"
    );
    assert!(!side.exists());
}

#[test]
fn import_never_overwrites_a_broken_sidecar() {
    let (_dir, article) = folder();
    let side = sidecar_path(&article);
    fs::write(&side, "{ \"format\": \"marginalia.annotations\", oops").unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("x.annotations.json");
    write_sidecar(&other, &sidecar_for(&article, "Lea", &["Nairobi"])).unwrap();
    let out = marginalia(&[p("import"), &article, &other]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("haiti-kenya.txt.annotations.json:1:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(&side).unwrap(),
        "{ \"format\": \"marginalia.annotations\", oops"
    );
}
