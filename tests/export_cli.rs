//! `marginalia export` end to end: the sidecar beside an article in a temporary folder, exported
//! in each format in-process and through the real binary.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_fixture;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use export_fixture::*;
use marginalia::annotations::web_import::from_web_json;
use marginalia::annotations::{Annotation, ArticleRef, FORMAT_NAME, FORMAT_VERSION, Sidecar};
use marginalia::cli::{Command, ExportFormat, run};

/// A folder with the sample article and its sidecar holding the fixture annotations.
fn folder_with_sidecar(article_text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("haiti-kenya.txt");
    std::fs::write(&article, article_text).unwrap();
    let doc = doc();
    let sidecar = Sidecar {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        article: ArticleRef {
            file: "haiti-kenya.txt".into(),
            chars: doc.char_len(),
            title: doc.title.clone(),
            ..ArticleRef::default()
        },
        annotations: annotations(&doc),
        extra: Default::default(),
    };
    let sidecar_path = dir.path().join("haiti-kenya.txt.annotations.json");
    std::fs::write(
        &sidecar_path,
        serde_json::to_string_pretty(&sidecar).unwrap(),
    )
    .unwrap();
    (dir, article)
}

fn sample_text() -> String {
    std::fs::read_to_string(sample_path()).unwrap()
}

fn export(file: &Path, format: ExportFormat) -> String {
    let mut out = Vec::new();
    let command = Command::Export {
        file: file.to_path_buf(),
        format,
        output: None,
    };
    run(&command, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn csv_of_an_unchanged_article_is_the_expected_file() {
    let (_dir, article) = folder_with_sidecar(&sample_text());
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/haiti-kenya.csv"),
    )
    .unwrap();
    assert_eq!(export(&article, ExportFormat::Csv), expected);
}

#[test]
fn exports_follow_the_text_when_the_article_changed() {
    let note = "Editor's note: this story was updated.\n";
    let (_dir, article) = folder_with_sidecar(&format!("{note}{}", sample_text()));
    let shift = note.chars().count();
    let csv = export(&article, ExportFormat::Csv);
    let row = csv.lines().find(|l| l.starts_with("5b0f6c1e")).unwrap();
    assert!(
        row.contains(&format!(
            ",{},{},\"600,000 people remain displaced\",",
            1458 + shift,
            1489 + shift
        )),
        "{row}"
    );
    let md = export(&article, ExportFormat::Markdown);
    assert!(md.contains("> 600,000 people remain displaced"));
    let orphans = md.split("## Orphaned annotations").nth(1).unwrap();
    assert!(orphans.contains("the bridge over the river"));
    assert!(!md.contains(TOMBSTONE_NOTE));
}

#[test]
fn w3c_export_of_the_sidecar_itself_round_trips() {
    let (dir, article) = folder_with_sidecar(&sample_text());
    let sidecar = dir.path().join("haiti-kenya.txt.annotations.json");
    let json = export(&sidecar, ExportFormat::W3c);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(
        value["first"]["items"][0]["target"]["source"],
        "haiti-kenya.txt"
    );
    let doc = marginalia::document::load(&article).unwrap();
    let mut back = from_web_json(&json, &doc).unwrap();
    back.sort_by(|a, b| a.id.cmp(&b.id));
    let mut live: Vec<Annotation> = annotations(&doc)
        .into_iter()
        .filter(|a| !a.deleted)
        .collect();
    live.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(back, live);
}

#[test]
fn binary_writes_html_to_the_output_file() {
    let (dir, article) = folder_with_sidecar(&sample_text());
    let out_file = dir.path().join("page.html");
    let result = Process::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("export")
        .arg(&article)
        .args(["--format", "html", "-o"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(result.stdout.is_empty());
    let page = std::fs::read_to_string(&out_file).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains("UNHCR put the figure at 700,000 in October, &quot;which is right?&quot;")
    );
    // Nothing else was left in the folder (the write was atomic, no temporary file remains).
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "haiti-kenya.txt",
            "haiti-kenya.txt.annotations.json",
            "page.html"
        ]
    );
}

#[test]
fn article_without_sidecar_exports_an_empty_report() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, sample_text()).unwrap();
    let csv = export(&article, ExportFormat::Csv);
    assert_eq!(csv, "id,author,status,tags,color,start,end,quote,note\r\n");
    assert!(export(&article, ExportFormat::Markdown).contains("No annotations."));
}

#[test]
fn broken_sidecar_is_a_one_line_error_naming_it() {
    let (dir, article) = folder_with_sidecar(&sample_text());
    let sidecar = dir.path().join("haiti-kenya.txt.annotations.json");
    std::fs::write(
        &sidecar,
        "{\n  \"format\": \"marginalia.annotations\",\n  oops\n}\n",
    )
    .unwrap();
    let result = Process::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("export")
        .arg(&article)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(!result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("haiti-kenya.txt.annotations.json:3:"),
        "{stderr}"
    );

    let missing = dir.path().join("nope.txt");
    let mut out = Vec::new();
    let err = run(
        &Command::Export {
            file: missing,
            format: ExportFormat::Html,
            output: None,
        },
        &mut out,
    )
    .unwrap_err();
    assert!(err.to_string().contains("nope.txt"), "{err}");
}

#[test]
fn sidecar_naming_an_article_outside_its_folder_is_refused() {
    let (dir, _article) = folder_with_sidecar(&sample_text());
    let sidecar = dir.path().join("haiti-kenya.txt.annotations.json");
    let text = std::fs::read_to_string(&sidecar).unwrap();
    let text = text.replace(
        "\"file\": \"haiti-kenya.txt\"",
        "\"file\": \"../haiti-kenya.txt\"",
    );
    std::fs::write(&sidecar, text).unwrap();
    let mut out = Vec::new();
    let err = run(
        &Command::Export {
            file: sidecar,
            format: ExportFormat::Csv,
            output: None,
        },
        &mut out,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("is not a file in the sidecar's folder"),
        "{err}"
    );
}

#[test]
fn markdown_export_is_the_report_ending_in_one_newline() {
    let (_dir, article) = folder_with_sidecar(&sample_text());
    let md = export(&article, ExportFormat::Markdown);
    assert!(md.starts_with("# President William Ruto"));
    assert!(md.ends_with("UTC\n") && !md.ends_with("\n\n"), "{md}");
}
