//! The Markdown and CSV exports of the sample article with a fixed set of annotations, compared
//! with the expected files in `tests/golden/` (`UPDATE_GOLDEN=1` rewrites them).

mod export_fixture;

use export_fixture::*;
use marginalia::annotations::export::{csv, markdown};

#[test]
fn markdown_report_matches_the_expected_file() {
    let doc = doc();
    let md = markdown::to_markdown(&doc, &analysis(&doc), &annotations(&doc));
    check_golden("haiti-kenya.md", &md);
}

#[test]
fn csv_matches_the_expected_file() {
    let doc = doc();
    let out = csv::to_csv(&doc, &annotations(&doc));
    check_golden("haiti-kenya.csv", &out);
}

#[test]
fn markdown_report_has_every_live_annotation_and_no_tombstone() {
    let doc = doc();
    let md = markdown::to_markdown(&doc, &analysis(&doc), &annotations(&doc));
    assert!(!md.contains(TOMBSTONE_NOTE));
    assert!(md.contains("### William Ruto"));
    assert!(md.contains("| nearly 400 | count | ≈ 400 | officers |"));
    assert!(md.contains("> 600,000 people remain displaced"));
    assert!(md.contains("UNHCR put the figure at 700,000 in October, \"which is right?\""));
    assert!(md.contains("**Tomás Reyes**"));
    assert!(md.contains("Prénom : Garry — vérifié ✓\\\nSee the \\*official\\* list \\[1\\]."));
    assert!(md.contains("Check \\<b\\>this\\</b\\> & that"));
    let orphans = md.split("## Orphaned annotations").nth(1).unwrap();
    assert!(orphans.contains("> the bridge over the river"));
}

#[test]
fn csv_has_one_row_per_live_annotation_with_rfc4180_quoting() {
    let doc = doc();
    let out = csv::to_csv(&doc, &annotations(&doc));
    assert!(out.starts_with("id,author,status,tags,color,start,end,quote,note\r\n"));
    assert!(!out.contains(TOMBSTONE_NOTE));
    // Five live annotations, one of whose notes has a line break inside quotes.
    assert_eq!(out.matches("\r\n").count(), 6);
    assert!(
        out.contains(
            ",\"UNHCR put the figure at 700,000 in October, \"\"which is right?\"\"\"\r\n"
        )
    );
    assert!(out.contains(",\"style, tone\","));
    let orphan = out.lines().find(|l| l.starts_with("9a8b7c6d")).unwrap();
    assert!(orphan.contains(",#f2d338,,,the bridge over the river,"));
}
