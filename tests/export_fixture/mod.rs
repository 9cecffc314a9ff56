//! The article, analysis and annotations the export tests share: the sample article with a fixed
//! hand-made analysis (so the expected files do not move when the analyser improves) and a fixed
//! set of annotations covering a reply, a tombstone, an orphan, non-ASCII text, a comma and a
//! quote in a note, markup in a note, highlights that cross each other and an unknown field.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use marginalia::analysis::{
    Analysis, Entity, EntityType, Figure, FigureKind, FigureValue, Mention, Quote, Speaker,
};
use marginalia::annotations::{Annotation, Reply, Status, Target};
use marginalia::document::{self, Document};

/// The sample article's path.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/haiti-kenya.txt")
}

/// The sample article.
pub fn doc() -> Document {
    document::load(&sample_path()).unwrap()
}

/// Char range of the `nth` (0-based) occurrence of `needle`.
pub fn find_nth(doc: &Document, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = doc
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the sample"));
    let start = doc.text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Char range of the first occurrence of `needle`.
pub fn find(doc: &Document, needle: &str) -> (usize, usize) {
    find_nth(doc, needle, 0)
}

/// Char range from the first `from` to the end of the first `to` after it.
pub fn between(doc: &Document, from: &str, to: &str) -> (usize, usize) {
    let (start, _) = find(doc, from);
    let byte = doc.text.char_indices().nth(start).unwrap().0;
    let rel = doc.text[byte..].find(to).unwrap();
    let end_byte = byte + rel + to.len();
    (start, doc.text[..end_byte].chars().count())
}

/// The text between two char offsets.
pub fn slice(doc: &Document, (start, end): (usize, usize)) -> String {
    doc.text.chars().skip(start).take(end - start).collect()
}

/// A sidecar target for a range, with 32 chars of context.
pub fn target(doc: &Document, (start, end): (usize, usize)) -> Target {
    let prefix_start = start.saturating_sub(32);
    Target {
        start,
        end,
        exact: slice(doc, (start, end)),
        prefix: slice(doc, (prefix_start, start)),
        suffix: slice(doc, (end, (end + 32).min(doc.char_len()))),
        ..Target::default()
    }
}

fn quote(doc: &Document, range: (usize, usize), speaker: Option<(&str, &str)>, cue: &str) -> Quote {
    Quote {
        id: String::new(),
        start: range.0,
        end: range.1,
        text: slice(doc, range),
        speaker: speaker.map(|(name, id)| Speaker {
            name: name.into(),
            entity: Some(id.into()),
        }),
        cue: Some(cue.into()),
        why: None,
    }
}

fn entity(
    doc: &Document,
    id: &str,
    name: &str,
    kind: EntityType,
    ranges: &[(usize, usize)],
) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        kind,
        mentions: ranges
            .iter()
            .map(|&r| Mention {
                start: r.0,
                end: r.1,
                text: slice(doc, r),
            })
            .collect(),
        roles: vec![],
        why: None,
    }
}

fn figure(
    doc: &Document,
    needle: &str,
    kind: FigureKind,
    value: Option<FigureValue>,
    approximate: bool,
    counted: Option<&str>,
) -> Figure {
    let range = find(doc, needle);
    Figure {
        id: String::new(),
        start: range.0,
        end: range.1,
        text: slice(doc, range),
        kind,
        value,
        approximate,
        counted: counted.map(str::to_string),
    }
}

/// A fixed analysis of the sample (a few of each kind, at their real offsets).
pub fn analysis(doc: &Document) -> Analysis {
    let mut ruto = entity(
        doc,
        "ruto",
        "William Ruto",
        EntityType::Person,
        &[find(doc, "William Ruto"), find_nth(doc, "Ruto said", 0)],
    );
    ruto.mentions[1].end = ruto.mentions[1].start + 4;
    ruto.mentions[1].text = "Ruto".into();
    ruto.roles = vec!["President".into()];
    let mut a = Analysis {
        quotes: vec![
            quote(
                doc,
                between(doc, "“Our officers", "lies ahead,”"),
                Some(("William Ruto", "ruto")),
                "said",
            ),
            quote(
                doc,
                between(doc, "“Kenya helped", "significant way.”"),
                Some(("Garry Conille", "conille")),
                "stating",
            ),
            quote(
                doc,
                between(doc, "“The situation in Haiti", "winnable,”"),
                Some(("William Ruto", "ruto")),
                "declared",
            ),
            quote(
                doc,
                between(doc, "“sixth region", "Africa.”"),
                None,
                "describing",
            ),
        ],
        entities: vec![
            ruto,
            entity(
                doc,
                "conille",
                "Garry Conille",
                EntityType::Person,
                &[find(doc, "Garry Conille")],
            ),
            entity(
                doc,
                "haiti",
                "Haiti",
                EntityType::Place,
                &[find(doc, "Haiti")],
            ),
            entity(
                doc,
                "hnp",
                "Haitian National Police",
                EntityType::Org,
                &[find(doc, "Haitian National Police")],
            ),
            entity(
                doc,
                "kenyan",
                "Kenyan",
                EntityType::Norp,
                &[find(doc, "Kenyan")],
            ),
        ],
        figures: vec![
            figure(
                doc,
                "June 2024",
                FigureKind::Date,
                Some(FigureValue::Date("2024-06".into())),
                false,
                None,
            ),
            figure(
                doc,
                "nearly 400",
                FigureKind::Cardinal,
                Some(FigureValue::Number(400.0)),
                true,
                Some("officers"),
            ),
            figure(
                doc,
                "nearly half",
                FigureKind::Fraction,
                Some(FigureValue::Number(0.5)),
                true,
                None,
            ),
            figure(
                doc,
                "600,000",
                FigureKind::Cardinal,
                Some(FigureValue::Number(600000.0)),
                false,
                Some("people"),
            ),
        ],
    };
    a.assign_ids();
    a
}

/// The note with a comma and double quotes in it.
pub const DISPUTED_NOTE: &str = "UNHCR put the figure at 700,000 in October, \"which is right?\"";
/// The note of the deleted annotation: must never appear in an export.
pub const TOMBSTONE_NOTE: &str = "SECRET-TOMBSTONE-NOTE";
/// A note with markup that must come out as text.
pub const MARKUP_NOTE: &str = "Check <b>this</b> & that";

/// The fixed annotations (one of them a tombstone, one orphaned).
pub fn annotations(doc: &Document) -> Vec<Annotation> {
    let base = |id: &str, range: (usize, usize)| Annotation {
        id: id.into(),
        created: "2026-11-28T21:04:05Z".into(),
        modified: "2026-11-28T21:04:05Z".into(),
        author: "Amina Odhiambo".into(),
        target: target(doc, range),
        note: String::new(),
        tags: vec![],
        color: "#f2d338".into(),
        status: Status::None,
        replies: vec![],
        deleted: false,
        extra: Default::default(),
    };
    let mut disputed = base(
        "5b0f6c1e-8d2a-4f7e-9a51-0c3d2e7b9a44",
        find(doc, "600,000 people remain displaced"),
    );
    disputed.modified = "2026-11-28T21:06:40Z".into();
    disputed.note = DISPUTED_NOTE.into();
    disputed.tags = vec!["fact-check".into()];
    disputed.color = "#f2b138".into();
    disputed.status = Status::Disputed;
    disputed.replies = vec![Reply {
        id: "c3a1e2f4-5b6d-4c7e-8f90-a1b2c3d4e5f6".into(),
        created: "2026-11-28T22:10:00Z".into(),
        author: "Tomás Reyes".into(),
        note: "IOM says 703,000.".into(),
        extra: Default::default(),
    }];
    disputed.extra.insert(
        "x-desk".into(),
        serde_json::json!({ "reviewer": "night desk" }),
    );

    let mut names = base(
        "0d4c1b9e-3f6a-4e21-8b7d-2a9c5e1f6b30",
        find(doc, "Dr. Garry Conille"),
    );
    names.author = "Tomás Reyes".into();
    names.created = "2026-11-28T20:00:00Z".into();
    names.modified = "2026-11-28T20:30:00Z".into();
    names.note = "Prénom : Garry — vérifié ✓\nSee the *official* list [1].".into();
    names.tags = vec!["people".into(), "names".into()];
    names.color = "#7ec8e3".into();
    names.status = Status::Verified;

    let mut highlight = base(
        "8e2f7a10-4b3c-4d5e-9f60-718293a4b5c6",
        find(doc, "nearly 400"),
    );
    highlight.status = Status::Open;

    let mut crossing = base(
        "2a7d9c4e-1b3f-4a5c-8d6e-9f0a1b2c3d4e",
        find(doc, "lies ahead,” Ruto said"),
    );
    crossing.author = "Lee <desk>".into();
    crossing.note = MARKUP_NOTE.into();
    crossing.tags = vec!["style, tone".into()];
    crossing.color = "#9fd59a".into();

    let mut tombstone = base(
        "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b",
        find(doc, "State House, Nairobi"),
    );
    tombstone.note = TOMBSTONE_NOTE.into();
    tombstone.deleted = true;

    let mut orphan = base("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", (10, 35));
    orphan.target.exact = "the bridge over the river".into();
    orphan.target.prefix = "an older version said ".into();
    orphan.target.suffix = " was closed".into();
    orphan.note = "This sentence was cut from the article.".into();
    orphan.created = "2026-11-27T09:00:00Z".into();
    orphan.modified = "2026-11-27T09:00:00Z".into();

    vec![disputed, names, highlight, crossing, tombstone, orphan]
}

/// Compares `actual` with the expected file `tests/golden/NAME`, or rewrites the file when
/// `UPDATE_GOLDEN=1`.
pub fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .split_inclusive('\n')
            .zip(actual.split_inclusive('\n'))
            .position(|(e, a)| e != a)
            .map_or_else(
                || "at the end".to_string(),
                |n| format!("at line {}", n + 1),
            );
        panic!(
            "{} differs from the export {line}; run with UPDATE_GOLDEN=1 to accept.\n--- actual ---\n{actual}",
            path.display()
        );
    }
}
