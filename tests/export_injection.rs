//! Exports of a stranger's sidecar cannot carry markup or formulas: every field the sidecar
//! controls (times, tags, authors, notes, replies) and the article's own file name is tried with
//! a raw-HTML payload and line breaks, through the real binary, and the Markdown is read back with
//! a CommonMark parser; the CSV is read back cell by cell.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use marginalia::annotations::sidecar::{empty_sidecar, sidecar_path, write_sidecar};
use marginalia::annotations::{Annotation, ArticleRef, Reply};
use pulldown_cmark::{Event, Parser};

/// Changes one note of a clean sidecar the way a hostile file would.
type Probe = Box<dyn Fn(&mut Annotation)>;

const PROBE: &str = "<img src=x onerror=alert(1)>";

fn sample_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/haiti-kenya.txt");
    std::fs::read_to_string(path).unwrap()
}

/// Writes `article` with one note changed by `hostile`, exports it, and returns the output.
fn export_with(article: &Path, format: &str, hostile: impl Fn(&mut Annotation)) -> String {
    let text = sample_text();
    std::fs::write(article, &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("text")
        .arg(article)
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    let mut a = Annotation::new_on(&shown, 0, 9, "Amina");
    a.note = "plain".into();
    hostile(&mut a);
    let mut side = empty_sidecar(ArticleRef {
        file: article.file_name().unwrap().to_string_lossy().into_owned(),
        ..ArticleRef::default()
    });
    side.annotations.push(a);
    write_sidecar(&sidecar_path(article), &side).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["export"])
        .arg(article)
        .args(["--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The raw HTML a CommonMark reader would pass through.
fn raw_html(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(h.to_string()),
            _ => None,
        })
        .collect()
}

fn blank_lines_around(s: &str) -> String {
    format!("t\n\n{s}\n\nu")
}

#[test]
fn no_field_of_a_sidecar_reaches_markdown_as_html() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("clean.txt");
    let probes: Vec<(&str, Probe)> = vec![
        ("created", Box::new(|a| a.created = PROBE.into())),
        ("modified", Box::new(|a| a.modified = PROBE.into())),
        (
            "reply created",
            Box::new(|a| {
                let mut r = Reply::new("R", "ok");
                r.created = PROBE.into();
                a.replies.push(r);
            }),
        ),
        (
            "reply author",
            Box::new(|a| a.replies.push(Reply::new(&blank_lines_around(PROBE), "ok"))),
        ),
        (
            "tag with blank lines",
            Box::new(|a| a.tags = vec![blank_lines_around(PROBE)]),
        ),
        (
            "note with blank lines",
            Box::new(|a| a.note = blank_lines_around(PROBE)),
        ),
        (
            "author with blank lines",
            Box::new(|a| a.author = blank_lines_around(PROBE)),
        ),
        (
            "note with lone CR",
            Box::new(|a| a.note = format!("t\r{PROBE}")),
        ),
    ];
    for (label, hostile) in probes {
        let md = export_with(&article, "markdown", hostile);
        assert!(raw_html(&md).is_empty(), "{label}: {:?}", raw_html(&md));
        assert!(
            md.contains("img src=x"),
            "{label}: the payload is shown as text"
        );
    }
}

#[test]
fn an_article_file_name_with_blank_lines_stays_in_its_code_span() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join(format!("probe\n\n{PROBE}\n\n.txt"));
    let md = export_with(&article, "markdown", |_| {});
    assert!(raw_html(&md).is_empty(), "{:?}", raw_html(&md));
}

#[test]
fn no_csv_cell_starts_like_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("clean.txt");
    for payload in [
        "=1+1", " =1+1", "\n=1+1", "\t=1+1", "＝1+1", "+1", "-2+3", "@SUM(A1)",
    ] {
        let csv = export_with(&article, "csv", |a| {
            a.note = payload.into();
            a.author = payload.into();
            a.tags = vec![payload.into(), "ok".into()];
        });
        let row = csv.split("\r\n").nth(1).unwrap();
        let cells = split_csv_row(row);
        for (i, cell) in cells.iter().enumerate() {
            let first = cell.trim_start().chars().next();
            assert!(
                !matches!(
                    first,
                    Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
                ) && !cell.starts_with(['\t', '\r', '\n']),
                "{payload:?}: cell {i} is {cell:?}"
            );
        }
    }
}

/// The cells of one RFC 4180 row (quoted cells may hold commas, doubled quotes, line breaks).
fn split_csv_row(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}
