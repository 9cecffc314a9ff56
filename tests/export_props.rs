//! Property tests of the exports on random texts and random, freely overlapping highlights:
//! the HTML page always keeps the article text whole and each note's span exact, and the W3C
//! export always round-trips through the web import.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marginalia::analysis::{Analysis, Entity, EntityType, Figure, FigureKind, Mention, Quote};
use marginalia::annotations::export::{html::to_html, w3c::to_w3c};
use marginalia::annotations::web_import::from_web_json;
use marginalia::annotations::{Annotation, Reply, Status, Target};
use marginalia::document::Document;
use proptest::prelude::*;
use scraper::{ElementRef, Html, Selector};

/// Words to build texts from, with the characters that trip offset and escaping code.
const WORDS: &[&str] = &[
    "Haiti’s",
    "“quote”",
    "café",
    "🇭🇹",
    "a&b",
    "<tag>",
    "\"x\"",
    "it's",
    "600,000",
    "—",
    "word",
    "Ruto",
    "é",
    "ok.",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), 0..6u8), 1..60).prop_map(|words| {
        let mut out = String::new();
        for (w, sep) in words {
            out.push_str(w);
            out.push_str(match sep {
                0 => "\n",
                1 => ". ",
                _ => " ",
            });
        }
        out
    })
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn range(len: usize, a: usize, b: usize) -> (usize, usize) {
    let (a, b) = (a % (len + 1), b % (len + 1));
    (a.min(b), a.max(b))
}

fn annotation(text: &str, n: usize, (start, end): (usize, usize), note: &str) -> Annotation {
    Annotation {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        created: format!("2026-11-28T10:{:02}:00Z", n % 60),
        modified: "2026-11-28T11:00:00Z".into(),
        author: format!("Author “{n}” <x>"),
        target: Target {
            start,
            end,
            exact: slice(text, start, end),
            prefix: slice(text, start.saturating_sub(32), start),
            suffix: slice(text, end, end + 32),
            ..Target::default()
        },
        note: note.into(),
        tags: vec![format!("t{n}"), "a,b;c".into()],
        color: format!("#{:06x}", n * 0x1f3d5b % 0xffffff),
        status: Status::ALL[n % 4],
        replies: (0..n % 3)
            .map(|r| Reply {
                id: format!("10000000-0000-4000-8000-{n:06}{r:06}"),
                created: format!("2026-11-28T12:00:0{r}Z"),
                author: "R".into(),
                note: format!("reply {r} & <more>"),
                extra: Default::default(),
            })
            .collect(),
        deleted: false,
        extra: Default::default(),
    }
}

fn text_without_marks(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let in_mark = node
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "sup"));
        if !in_mark {
            out.push_str(text);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn html_keeps_text_and_spans_whatever_the_overlaps(
        text in text_strategy(),
        raw in prop::collection::vec((any::<usize>(), any::<usize>(), 0..4u8), 0..24),
    ) {
        let doc = Document::from_text(&text);
        let len = doc.char_len();
        let mut analysis = Analysis::default();
        let mut anns = Vec::new();
        for (i, (a, b, kind)) in raw.into_iter().enumerate() {
            let (s, e) = range(len, a, b);
            let t = slice(&doc.text, s, e);
            match kind {
                0 => analysis.quotes.push(Quote { id: format!("q{i}"), start: s, end: e, text: t, speaker: None, cue: None, why: None }),
                1 => analysis.entities.push(Entity { id: format!("e{i}"), name: t.clone(), kind: EntityType::Org,
                    mentions: vec![Mention { start: s, end: e, text: t }], roles: vec![], why: None }),
                2 => analysis.figures.push(Figure { id: format!("f{i}"), start: s, end: e, text: t,
                    kind: FigureKind::Cardinal, value: None, approximate: false, counted: None }),
                _ => if s < e { anns.push(annotation(&doc.text, i, (s, e), "n & <b>")) },
            }
        }
        let html = to_html(&doc, &analysis, &anns);
        prop_assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        let parsed = Html::parse_document(&html);
        let blocks = Selector::parse("article .row > :not(aside)").unwrap();
        let got: Vec<String> = parsed.select(&blocks).map(text_without_marks).collect();
        let want: Vec<String> = doc.paragraphs.iter().map(|p| slice(&doc.text, p.start, p.end)).collect();
        prop_assert_eq!(got, want);
        // Each note's runs, joined, are the text it is on (limited to the paragraphs it spans).
        let notes = Selector::parse(".hl-note").unwrap();
        let placed = marginalia::annotations::export::place_by_offsets(&doc, &anns);
        for (n, p) in placed.iter().enumerate() {
            let (s, e) = p.span.unwrap();
            let prefix = format!("Note {} ", n + 1);
            let joined: String = parsed
                .select(&notes)
                .filter(|el| el.value().attr("title").is_some_and(|t| t.starts_with(&prefix)))
                .map(text_without_marks)
                .collect();
            let inside: String = doc
                .paragraphs
                .iter()
                .filter(|para| para.start < e && para.end > s)
                .map(|para| slice(&doc.text, s.max(para.start), e.min(para.end)))
                .collect();
            prop_assert_eq!(joined, inside);
        }
    }

    #[test]
    fn w3c_round_trips(
        text in text_strategy(),
        raw in prop::collection::vec((any::<usize>(), any::<usize>(), "\\PC{0,12}"), 0..12),
    ) {
        let doc = Document::from_text(&text);
        let len = doc.char_len();
        let anns: Vec<Annotation> = raw
            .into_iter()
            .enumerate()
            .filter_map(|(i, (a, b, note))| {
                let (s, e) = range(len, a, b);
                (s < e).then(|| annotation(&doc.text, i, (s, e), &note))
            })
            .collect();
        let json = to_w3c(&doc, &anns, "story.txt").to_string();
        let mut back = from_web_json(&json, &doc).unwrap();
        back.sort_by(|a, b| a.id.cmp(&b.id));
        let mut want = anns.clone();
        want.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(back, want);
    }
}

/// Any JSON value built from the words the web import looks for.
fn json_strategy() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = prop::sample::select(vec![
        "type",
        "id",
        "items",
        "first",
        "next",
        "target",
        "selector",
        "exact",
        "prefix",
        "suffix",
        "start",
        "end",
        "body",
        "value",
        "purpose",
        "motivation",
        "creator",
        "created",
        "modified",
        "rows",
        "replies",
        "references",
        "text",
        "user",
        "tags",
        "annotations",
        "export_date",
        "marginalia:status",
        "marginalia:color",
        "marginalia:extra",
        "source",
        "format",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![
            "Annotation",
            "AnnotationPage",
            "AnnotationCollection",
            "TextQuoteSelector",
            "TextPositionSelector",
            "RangeSelector",
            "replying",
            "tagging",
            "Haiti",
            "",
            "urn:uuid:x",
            "acct:a@b",
            "2026-11-28T21:04:05Z",
            "disputed",
            "#123456",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn web_import_never_panics(value in json_strategy()) {
        let doc = Document::from_text("Haiti is winnable, said Ruto. Haiti!");
        let _ = from_web_json(&value.to_string(), &doc);
        let _ = marginalia::annotations::web_import::read_web_json(&value.to_string(), &doc);
    }
}
