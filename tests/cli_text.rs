//! `marginalia text FILE` end to end: the printed text is exactly the loaded document's text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn run_text(file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("text")
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run marginalia: {e}"))
}

#[test]
fn prints_each_sample_exactly() {
    for name in ["haiti-kenya.txt", "harbour-bridge.md", "river-cleanup.html"] {
        let path = sample(name);
        let out = run_text(&path);
        assert!(out.status.success(), "{name}: {out:?}");
        assert!(out.stderr.is_empty(), "{name}: {out:?}");
        let doc = marginalia::document::load(&path).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), doc.text, "{name}");
    }
}

#[test]
fn text_file_is_printed_byte_for_byte() {
    let path = sample("haiti-kenya.txt");
    let out = run_text(&path);
    assert!(out.status.success());
    assert_eq!(out.stdout, std::fs::read(&path).unwrap());
}

#[test]
fn markdown_and_html_print_without_markup() {
    let md = String::from_utf8(run_text(&sample("harbour-bridge.md")).stdout).unwrap();
    assert!(md.starts_with(
        "Kestrel Harbour bridge to close for eight months as repair bill reaches £48.6 million\n\nBy Hannah Corrie | November 12, 2026\n\n"
    ));
    let html = String::from_utf8(run_text(&sample("river-cleanup.html")).stdout).unwrap();
    assert!(html.starts_with("Volunteers pull 12 tonnes of waste from the River Wendle\n\n"));
    assert!(!html.contains('<') && !html.contains("&ldquo;"));
}

#[test]
fn missing_file_fails_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-article.md");
    let out = run_text(&path);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no-such-article.md"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn binary_file_fails_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.html");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let out = run_text(&path);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("image.html") && err.contains("binary"),
        "{err}"
    );
}
