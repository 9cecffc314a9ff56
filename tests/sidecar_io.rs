//! Reading and writing sidecar files: round trip, unknown fields, errors that name the file,
//! newer versions read-only, changes on disk merged, broken files kept aside, and every written
//! file valid against `docs/sidecar.schema.json`.

// Code shared by the tests sits outside #[test] functions: a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sidecar_schema_check;

use std::fs;
use std::path::Path;

use marginalia::annotations::sidecar::{
    SidecarErrorKind, describe_article, empty_sidecar, read_sidecar, save_merging, sidecar_path,
    to_json, write_sidecar,
};
use marginalia::annotations::{Annotation, Reply, Sidecar, Status, keep_aside};
use serde_json::{Value, json};

fn sample_path() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/haiti-kenya.txt"
    ))
}

/// The sample copied into a temporary folder, with a sidecar holding two annotations.
fn setup() -> (tempfile::TempDir, std::path::PathBuf, Sidecar) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("haiti-kenya.txt");
    fs::copy(sample_path(), &article).unwrap();
    let doc = marginalia::document::load(&article).unwrap();
    let mut s = empty_sidecar(describe_article(&article, &doc).unwrap());
    let at = |needle: &str| doc.text[..doc.text.find(needle).unwrap()].chars().count();
    let p = at("600,000 people remain displaced");
    let mut a = Annotation::new_on(&doc.text, p, p + 31, "Amina Odhiambo");
    a.note = "UNHCR put the figure at 700,000 in October — which is right?".into();
    a.tags = vec!["fact-check".into()];
    a.color = "#f2b138".into();
    a.status = Status::Disputed;
    a.replies
        .push(Reply::new("Tomás Reyes", "IOM says 703,000."));
    s.annotations.push(a);
    let q = at("Conille praised");
    s.annotations
        .push(Annotation::new_on(&doc.text, q, q + 7, "Tomás Reyes"));
    (dir, article, s)
}

#[test]
fn write_then_read_round_trips_and_fills_the_article_block() {
    let (_dir, article, s) = setup();
    let path = sidecar_path(&article);
    write_sidecar(&path, &s).unwrap();
    let loaded = read_sidecar(&path).unwrap().unwrap();
    assert_eq!(loaded.sidecar, s);
    assert!(!loaded.read_only);
    assert_eq!(loaded.sidecar.article.file, "haiti-kenya.txt");
    assert_eq!(loaded.sidecar.article.sha256.len(), 64);
    let doc = marginalia::document::load(&article).unwrap();
    assert_eq!(loaded.sidecar.article.chars, doc.text.chars().count());
    assert!(
        loaded
            .sidecar
            .article
            .title
            .starts_with("President William Ruto")
    );
    // Writing the same content again gives the same bytes (stable field order).
    let first = fs::read_to_string(&path).unwrap();
    write_sidecar(&path, &loaded.sidecar).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), first);
    let v: Value = serde_json::from_str(&first).unwrap();
    let keys: Vec<&String> = v["annotations"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "id", "created", "modified", "author", "target", "note", "tags", "color", "status",
            "replies", "deleted"
        ]
    );
}

#[test]
fn unknown_fields_survive_a_rewrite() {
    let (_dir, article, s) = setup();
    let path = sidecar_path(&article);
    let mut v: Value = serde_json::from_str(&to_json(&s)).unwrap();
    v["x-sync"] = json!({"peer": "laptop"});
    v["article"]["x-source"] = json!("https://example.org/story");
    v["annotations"][0]["x-confidence"] = json!(0.5);
    v["annotations"][0]["target"]["x-selector"] = json!({"type": "css", "value": "p:nth-child(5)"});
    v["annotations"][0]["replies"][0]["x-mood"] = json!("sure");
    fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let loaded = read_sidecar(&path).unwrap().unwrap();
    write_sidecar(&path, &loaded.sidecar).unwrap();
    let back: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(back, v);
}

#[test]
fn broken_json_error_names_file_line_and_column_and_leaves_it() {
    let (_dir, article, s) = setup();
    let path = sidecar_path(&article);
    let mut text = to_json(&s);
    text.insert_str(text.find("\"note\"").unwrap(), "oops ");
    fs::write(&path, &text).unwrap();
    let err = read_sidecar(&path).unwrap_err();
    let SidecarErrorKind::BrokenJson { line, column, .. } = &err.kind else {
        panic!("{err}");
    };
    let expected_line = text[..text.find("oops").unwrap()].lines().count();
    assert_eq!(*line, expected_line);
    assert!(*column > 1);
    let msg = err.to_string();
    assert!(msg.contains("haiti-kenya.txt.annotations.json"), "{msg}");
    assert!(msg.contains(&format!(":{line}:{column}:")), "{msg}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn wrong_shape_and_wrong_format_are_errors() {
    let (_dir, article, _) = setup();
    let path = sidecar_path(&article);
    fs::write(&path, r#"{"format":"marginalia.annotations","version":1,"article":{"file":"a"},"annotations":[{"id":3}]}"#).unwrap();
    let err = read_sidecar(&path).unwrap_err();
    assert!(
        matches!(err.kind, SidecarErrorKind::WrongShape { .. }),
        "{err}"
    );
    fs::write(
        &path,
        r#"{"format":"something.else","version":1,"article":{"file":"a"}}"#,
    )
    .unwrap();
    let err = read_sidecar(&path).unwrap_err();
    assert!(
        matches!(err.kind, SidecarErrorKind::NotASidecar(_)),
        "{err}"
    );
}

#[test]
fn a_newer_version_is_readable_but_read_only() {
    let (_dir, article, mut s) = setup();
    let path = sidecar_path(&article);
    s.version = 2;
    s.extra.insert("x-v2-feature".into(), json!(true));
    fs::write(&path, to_json(&s)).unwrap();
    let loaded = read_sidecar(&path).unwrap().unwrap();
    assert!(loaded.read_only);
    assert_eq!(loaded.sidecar.annotations.len(), 2);
    let before = fs::read(&path).unwrap();
    let err = write_sidecar(&path, &loaded.sidecar).unwrap_err();
    assert!(matches!(err.kind, SidecarErrorKind::ReadOnly(2)), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_change_on_disk_since_loading_is_merged_not_overwritten() {
    let (_dir, article, s) = setup();
    let path = sidecar_path(&article);
    let stamp = write_sidecar(&path, &s).unwrap();
    // Someone else adds an annotation and deletes one of ours, later.
    let doc = marginalia::document::load(&article).unwrap();
    let mut theirs = s.clone();
    let mut extra = Annotation::new_on(&doc.text, 0, 22, "Lea");
    extra.note = "Lead is strong".into();
    theirs.annotations.push(extra.clone());
    theirs.annotations[1].deleted = true;
    theirs.annotations[1].modified = "2099-01-01T00:00:00Z".into();
    write_sidecar(&path, &theirs).unwrap();
    // We edit our first annotation and save with the old stamp.
    let mut ours = s.clone();
    ours.annotations[0].note = "Checked: 703,000 (IOM)".into();
    ours.annotations[0].modified = "2099-01-01T00:00:00Z".into();
    let outcome = save_merging(&path, &ours, Some(&stamp)).unwrap();
    let report = outcome.merged.expect("the change on disk was merged");
    assert_eq!(report.added, vec![extra.id.clone()]);
    assert_eq!(report.deleted, vec![s.annotations[1].id.clone()]);
    let on_disk = read_sidecar(&path).unwrap().unwrap();
    assert_eq!(on_disk.sidecar.annotations.len(), 3);
    let find = |id: &str| {
        on_disk
            .sidecar
            .annotations
            .iter()
            .find(|a| a.id == id)
            .unwrap()
    };
    assert_eq!(find(&s.annotations[0].id).note, "Checked: 703,000 (IOM)");
    assert!(find(&s.annotations[1].id).deleted);
    assert_eq!(find(&extra.id).note, "Lead is strong");
    // Saving again with the new stamp does not merge.
    let again = save_merging(&path, &on_disk.sidecar, Some(&outcome.stamp)).unwrap();
    assert!(again.merged.is_none());
}

#[test]
fn a_missing_sidecar_reads_as_none() {
    let (_dir, article, _) = setup();
    assert!(read_sidecar(&sidecar_path(&article)).unwrap().is_none());
}

#[test]
fn a_broken_sidecar_can_be_kept_aside() {
    let (dir, article, _) = setup();
    let path = sidecar_path(&article);
    fs::write(&path, "{ not json").unwrap();
    let aside = keep_aside(&path).unwrap();
    assert!(!path.exists());
    assert_eq!(fs::read_to_string(&aside).unwrap(), "{ not json");
    assert_eq!(aside.parent().unwrap(), dir.path());
}

#[test]
fn written_files_are_valid_against_the_schema() {
    let (_dir, article, mut s) = setup();
    s.annotations[1].deleted = true;
    s.annotations[0]
        .extra
        .insert("x-other".into(), json!([1, 2]));
    let path = sidecar_path(&article);
    write_sidecar(&path, &s).unwrap();
    let doc: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let schema = sidecar_schema_check::load_schema();
    let errors = sidecar_schema_check::validate(&schema, &schema, &doc, "$");
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does catch mistakes.
    let mut bad = doc.clone();
    bad["annotations"][0]["status"] = json!("maybe");
    bad["annotations"][0]["color"] = json!("yellow");
    bad["annotations"][1]
        .as_object_mut()
        .unwrap()
        .remove("target");
    assert_eq!(
        sidecar_schema_check::validate(&schema, &schema, &bad, "$").len(),
        3
    );
}
