//! The W3C Web Annotation export: required fields, the round trip through the web import, and
//! the import of W3C and Hypothesis files written elsewhere.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_fixture;

use export_fixture::*;
use marginalia::annotations::export::w3c::to_w3c;
use marginalia::annotations::web_import::{WebImportError, from_web_json};
use marginalia::annotations::{Annotation, Status};
use serde_json::{Value, json};

fn items(collection: &Value) -> &Vec<Value> {
    collection["first"]["items"].as_array().unwrap()
}

fn by_id<'a>(collection: &'a Value, id: &str) -> &'a Value {
    items(collection)
        .iter()
        .find(|i| i["id"] == format!("urn:uuid:{id}"))
        .unwrap_or_else(|| panic!("{id} not exported"))
}

#[test]
fn export_is_an_annotation_collection_with_the_required_fields() {
    let doc = doc();
    let anns = annotations(&doc);
    let c = to_w3c(&doc, &anns, "haiti-kenya.txt");
    assert_eq!(c["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(c["type"], "AnnotationCollection");
    assert_eq!(c["label"], doc.title.as_str());
    assert_eq!(c["first"]["type"], "AnnotationPage");
    // Five live annotations and one reply; the tombstone is left out.
    assert_eq!(c["total"], 6);
    assert_eq!(items(&c).len(), 6);
    assert!(!c.to_string().contains(TOMBSTONE_NOTE));

    for item in items(&c) {
        assert_eq!(item["type"], "Annotation");
        assert!(item["id"].as_str().unwrap().starts_with("urn:uuid:"));
        assert!(item["created"].is_string());
        assert_eq!(item["creator"]["type"], "Person");
        if item["motivation"] == "replying" {
            continue;
        }
        assert!(item["modified"].is_string());
        let target = &item["target"];
        assert_eq!(target["source"], "haiti-kenya.txt");
        let selectors = target["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        assert!(
            quote["exact"].is_string()
                && quote["prefix"].is_string()
                && quote["suffix"].is_string()
        );
        assert!(pos["start"].as_u64().unwrap() <= pos["end"].as_u64().unwrap());
    }

    let disputed = by_id(&c, "5b0f6c1e-8d2a-4f7e-9a51-0c3d2e7b9a44");
    assert_eq!(disputed["motivation"], "commenting");
    assert_eq!(disputed["creator"]["name"], "Amina Odhiambo");
    assert_eq!(disputed["created"], "2026-11-28T21:04:05Z");
    assert_eq!(disputed["modified"], "2026-11-28T21:06:40Z");
    assert_eq!(
        disputed["body"],
        json!([
            { "type": "TextualBody", "value": DISPUTED_NOTE, "format": "text/plain", "purpose": "commenting" },
            { "type": "TextualBody", "value": "fact-check", "purpose": "tagging" }
        ])
    );
    let selectors = &disputed["target"]["selector"];
    assert_eq!(selectors[0]["exact"], "600,000 people remain displaced");
    assert_eq!(selectors[0]["prefix"], slice(&doc, (1458 - 32, 1458)));
    assert_eq!(
        selectors[1],
        json!({ "type": "TextPositionSelector", "start": 1458, "end": 1489 })
    );
    assert_eq!(disputed["marginalia:status"], "disputed");
    assert_eq!(disputed["marginalia:color"], "#f2b138");

    let reply = by_id(&c, "c3a1e2f4-5b6d-4c7e-8f90-a1b2c3d4e5f6");
    assert_eq!(reply["motivation"], "replying");
    assert_eq!(
        reply["target"],
        "urn:uuid:5b0f6c1e-8d2a-4f7e-9a51-0c3d2e7b9a44"
    );
    assert_eq!(reply["creator"]["name"], "Tomás Reyes");
    assert_eq!(reply["body"]["value"], "IOM says 703,000.");

    let highlight = by_id(&c, "8e2f7a10-4b3c-4d5e-9f60-718293a4b5c6");
    assert_eq!(highlight["motivation"], "highlighting");
    assert!(highlight.get("body").is_none());
}

fn sorted(mut anns: Vec<Annotation>) -> Vec<Annotation> {
    anns.sort_by(|a, b| a.id.cmp(&b.id));
    anns
}

#[test]
fn round_trip_gives_back_the_same_annotations() {
    let doc = doc();
    let anns = annotations(&doc);
    let text = serde_json::to_string_pretty(&to_w3c(&doc, &anns, "haiti-kenya.txt")).unwrap();
    let back = from_web_json(&text, &doc).unwrap();
    let live: Vec<Annotation> = anns.into_iter().filter(|a| !a.deleted).collect();
    assert_eq!(sorted(back), sorted(live));
}

#[test]
fn single_annotations_pages_and_arrays_are_accepted() {
    let doc = doc();
    let anns = annotations(&doc);
    let c = to_w3c(&doc, &anns, "haiti-kenya.txt");
    let page = &c["first"];
    assert_eq!(from_web_json(&page.to_string(), &doc).unwrap().len(), 5);
    let array = Value::Array(items(&c).clone());
    assert_eq!(from_web_json(&array.to_string(), &doc).unwrap().len(), 5);
    let one = by_id(&c, "0d4c1b9e-3f6a-4e21-8b7d-2a9c5e1f6b30");
    let got = from_web_json(&one.to_string(), &doc).unwrap();
    assert_eq!(got, vec![anns[1].clone()]);
}

#[test]
fn foreign_w3c_annotation_is_found_by_its_quote() {
    let doc = doc();
    // As another tool writes it: a creator IRI, a plain-string body list, no position, no
    // Marginalia keys, a time with an offset.
    let text = r#"{
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "https://example.org/anno/42",
      "type": "Annotation",
      "motivation": ["commenting"],
      "created": "2026-11-28T23:00:00+02:00",
      "creator": "acct:lena@example.org",
      "body": { "type": "TextualBody", "value": "Which palace?" },
      "target": { "source": "https://example.org/haiti", "selector": {
        "type": "TextQuoteSelector", "exact": "National Palace", "prefix": "the ", "suffix": ", providing"
      } }
    }"#;
    let got = from_web_json(text, &doc).unwrap();
    assert_eq!(got.len(), 1);
    let a = &got[0];
    assert_eq!(
        (a.target.start, a.target.end),
        find(&doc, "National Palace")
    );
    assert_eq!(
        a.target.suffix,
        slice(&doc, (a.target.end, a.target.end + 32))
    );
    assert_eq!(a.note, "Which palace?");
    assert_eq!(a.author, "lena");
    assert_eq!(a.created, "2026-11-28T21:00:00Z");
    assert_eq!(a.modified, a.created);
    assert_eq!(a.status, Status::None);
    assert!(uuid::Uuid::parse_str(&a.id).is_ok());
    // The same file imported again gives the same id, so merging it twice changes nothing.
    assert_eq!(from_web_json(text, &doc).unwrap()[0].id, a.id);
}

/// A Hypothesis API search result for the article, as saved from `/api/search?…&_separate_replies=true`.
const HYPOTHESIS: &str = r#"{
  "total": 2,
  "rows": [
    {
      "id": "Qa3bX9zzEe-7aF3Ap1nGkw",
      "created": "2026-11-28T19:12:44.505861+00:00",
      "updated": "2026-11-28T19:15:02.118263+00:00",
      "user": "acct:amina_o@hypothes.is",
      "uri": "https://news.example.com/haiti-kenya",
      "text": "Source for the 600 extra officers?",
      "tags": ["fact-check", "numbers"],
      "group": "__world__",
      "permissions": { "read": ["group:__world__"] },
      "target": [{
        "source": "https://news.example.com/haiti-kenya",
        "selector": [
          { "type": "RangeSelector", "endOffset": 97, "startOffset": 65,
            "endContainer": "/div[2]/p[4]", "startContainer": "/div[2]/p[4]" },
          { "type": "TextPositionSelector", "start": 1270, "end": 1301 },
          { "type": "TextQuoteSelector", "exact": "an additional 600 officers",
            "prefix": "Ruto confirmed that ", "suffix": " are currently completing" }
        ]
      }],
      "document": { "title": ["Haiti and Kenya"] },
      "user_info": { "display_name": "Amina Odhiambo" },
      "flagged": false, "hidden": false
    },
    {
      "id": "Zk1pQ0aaEe-8bG4Bq2oHlx",
      "created": "2026-11-28T19:20:00.000000+00:00",
      "updated": "2026-11-28T19:20:00.000000+00:00",
      "user": "acct:treyes@hypothes.is",
      "uri": "https://news.example.com/haiti-kenya",
      "text": "",
      "tags": [],
      "target": [{
        "source": "https://news.example.com/haiti-kenya",
        "selector": [
          { "type": "TextQuoteSelector", "exact": "Haiti", "prefix": "the situation in ", "suffix": " is winnable" }
        ]
      }],
      "user_info": { "display_name": null }
    }
  ],
  "replies": [
    {
      "id": "Rr7yT2bbEe-9cH5Cr3pImy",
      "created": "2026-11-28T20:01:10.000000+00:00",
      "updated": "2026-11-28T20:01:10.000000+00:00",
      "user": "acct:treyes@hypothes.is",
      "uri": "https://news.example.com/haiti-kenya",
      "text": "The ministry's statement of 3 October.",
      "tags": [],
      "references": ["Qa3bX9zzEe-7aF3Ap1nGkw"],
      "target": [{ "source": "https://news.example.com/haiti-kenya" }]
    }
  ]
}"#;

#[test]
fn hypothesis_export_is_imported_with_replies() {
    let doc = doc();
    let got = from_web_json(HYPOTHESIS, &doc).unwrap();
    assert_eq!(got.len(), 2);
    let first = &got[0];
    assert_eq!(first.note, "Source for the 600 extra officers?");
    assert_eq!(first.tags, ["fact-check", "numbers"]);
    assert_eq!(first.author, "Amina Odhiambo");
    assert_eq!(first.created, "2026-11-28T19:12:44Z");
    assert_eq!(first.modified, "2026-11-28T19:15:02Z");
    assert_eq!(
        (first.target.start, first.target.end),
        find(&doc, "an additional 600 officers")
    );
    assert_eq!(first.target.exact, "an additional 600 officers");
    assert_eq!(first.replies.len(), 1);
    assert_eq!(first.replies[0].author, "treyes");
    assert_eq!(
        first.replies[0].note,
        "The ministry's statement of 3 October."
    );
    assert_eq!(first.color, "#f2d338");

    // "Haiti" occurs many times; the context picks the one in "The situation in Haiti is winnable".
    let second = &got[1];
    assert_eq!(second.author, "treyes");
    assert!(second.note.is_empty());
    let (start, end) = find(&doc, "Haiti is winnable");
    assert_eq!(
        (second.target.start, second.target.end),
        (start, end - " is winnable".len())
    );

    let again = from_web_json(HYPOTHESIS, &doc).unwrap();
    assert_eq!(
        again, got,
        "importing the same file twice gives the same annotations"
    );
}

#[test]
fn a_bare_array_of_hypothesis_annotations_is_accepted() {
    let doc = doc();
    let v: Value = serde_json::from_str(HYPOTHESIS).unwrap();
    let rows = v["rows"].to_string();
    assert_eq!(from_web_json(&rows, &doc).unwrap().len(), 2);
}

#[test]
fn quote_not_in_the_article_is_kept_for_anchoring_to_orphan() {
    let doc = doc();
    let text = r#"{"type": "Annotation", "id": "urn:uuid:11111111-2222-4333-8444-555555555555",
      "created": "2026-11-28T10:00:00Z",
      "target": {"source": "x", "selector": [
        {"type": "TextQuoteSelector", "exact": "a sentence that was removed", "prefix": "p", "suffix": "s"},
        {"type": "TextPositionSelector", "start": 40, "end": 67}]}}"#;
    let got = from_web_json(text, &doc).unwrap();
    assert_eq!(got[0].id, "11111111-2222-4333-8444-555555555555");
    assert_eq!(got[0].target.exact, "a sentence that was removed");
    assert_eq!(
        (got[0].target.start, got[0].target.prefix.as_str()),
        (40, "p")
    );
}

#[test]
fn bad_files_give_clear_errors() {
    let doc = doc();
    let err = from_web_json("{\n  \"type\": \"Annotation\",\n  oops\n}", &doc).unwrap_err();
    assert!(matches!(err, WebImportError::Json { line: 3, .. }), "{err}");

    let err = from_web_json(
        r#"{"format": "marginalia.annotations", "version": 1}"#,
        &doc,
    )
    .unwrap_err();
    assert!(err.to_string().contains("sidecar"), "{err}");

    let err = from_web_json(r#"{"hello": "world"}"#, &doc).unwrap_err();
    assert!(
        err.to_string().contains("neither a W3C Web Annotation"),
        "{err}"
    );

    let range_only = r#"[{"type": "Annotation", "id": "a1", "target": {"source": "x", "selector":
        {"type": "RangeSelector", "startSelector": {}, "endSelector": {}}}}]"#;
    let err = from_web_json(range_only, &doc).unwrap_err();
    assert!(err.to_string().starts_with("annotation a1: "), "{err}");
    assert!(err.to_string().contains("RangeSelector"), "{err}");

    let orphan_reply = r#"{"type": "Annotation", "id": "r1", "motivation": "replying",
        "body": {"value": "yes"}, "target": "urn:uuid:nowhere"}"#;
    let err = from_web_json(orphan_reply, &doc).unwrap_err();
    assert!(err.to_string().contains("a reply to nowhere"), "{err}");

    let bad_time = r#"{"type": "Annotation", "id": "t1", "created": "last week",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "Haiti"}}}"#;
    let err = from_web_json(bad_time, &doc).unwrap_err();
    assert!(
        err.to_string().contains("\"last week\" is not an RFC 3339"),
        "{err}"
    );

    let page_note = r#"{"rows": [{"id": "p1", "text": "Great read", "user": "acct:a@h",
        "target": [{"source": "https://x"}]}]}"#;
    let err = from_web_json(page_note, &doc).unwrap_err();
    assert!(err.to_string().contains("page note"), "{err}");

    let err = from_web_json("42", &doc).unwrap_err();
    assert!(
        err.to_string().contains("expected a JSON object or array"),
        "{err}"
    );
}

/// The Hypothesis client's own export: the user's annotations, a page note, a reply to
/// someone else's annotation (not in the file) and a reply to a reply.
const HYPOTHESIS_CLIENT_EXPORT: &str = r#"{
  "export_date": "2026-11-28T22:00:00.000Z",
  "export_userid": "acct:treyes@hypothes.is",
  "client_version": "1.1500.0",
  "annotations": [
    { "id": "A1", "created": "2026-11-28T19:00:00.000000+00:00", "updated": "2026-11-28T19:00:00.000000+00:00",
      "user": "acct:treyes@hypothes.is", "text": "Where is this?", "tags": [],
      "target": [{ "source": "https://x", "selector": [
        { "type": "TextQuoteSelector", "exact": "State House, Nairobi", "prefix": "briefing at ", "suffix": ", Ruto" } ] }] },
    { "id": "A2", "created": "2026-11-28T19:05:00.000000+00:00", "updated": "2026-11-28T19:05:00.000000+00:00",
      "user": "acct:treyes@hypothes.is", "text": "Good piece overall.", "tags": [],
      "target": [{ "source": "https://x" }] },
    { "id": "A3", "created": "2026-11-28T19:10:00.000000+00:00", "updated": "2026-11-28T19:10:00.000000+00:00",
      "user": "acct:treyes@hypothes.is", "text": "Agreed.", "references": ["SOMEONE-ELSES"],
      "target": [{ "source": "https://x" }] },
    { "id": "A4", "created": "2026-11-28T19:20:00.000000+00:00", "updated": "2026-11-28T19:20:00.000000+00:00",
      "user": "acct:treyes@hypothes.is", "text": "The presidential residence.", "references": ["A1"],
      "target": [{ "source": "https://x" }] }
  ]
}"#;

#[test]
fn lenient_import_keeps_what_it_can_and_lists_the_rest() {
    use marginalia::annotations::web_import::read_web_json;
    let doc = doc();
    let read = read_web_json(HYPOTHESIS_CLIENT_EXPORT, &doc).unwrap();
    assert_eq!(read.annotations.len(), 1);
    let a = &read.annotations[0];
    assert_eq!(
        (a.target.start, a.target.end),
        find(&doc, "State House, Nairobi")
    );
    assert_eq!(a.replies.len(), 1);
    assert_eq!(a.replies[0].note, "The presidential residence.");
    let skipped: Vec<String> = read.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].starts_with("annotation A2: a page note"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].starts_with("annotation A3: it is a reply to "),
        "{skipped:?}"
    );
    // The strict reader refuses the same file, naming the first problem.
    let err = from_web_json(HYPOTHESIS_CLIENT_EXPORT, &doc).unwrap_err();
    assert_eq!(err.to_string(), skipped[0]);
}

#[test]
fn replies_to_replies_join_the_root_thread() {
    let doc = doc();
    let text = serde_json::to_string(&to_w3c(&doc, &annotations(&doc), "s")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let items = v["first"]["items"].as_array_mut().unwrap();
    items.push(json!({
        "type": "Annotation", "id": "urn:uuid:d0d0d0d0-0000-4000-8000-000000000001",
        "motivation": "replying", "created": "2026-11-28T23:00:00Z",
        "creator": { "type": "Person", "name": "Amina Odhiambo" },
        "body": { "type": "TextualBody", "value": "Then 700,000 is out of date." },
        "target": "urn:uuid:c3a1e2f4-5b6d-4c7e-8f90-a1b2c3d4e5f6"
    }));
    let got = from_web_json(&v.to_string(), &doc).unwrap();
    let disputed = got.iter().find(|a| a.id.starts_with("5b0f6c1e")).unwrap();
    let notes: Vec<&str> = disputed.replies.iter().map(|r| r.note.as_str()).collect();
    assert_eq!(notes, ["IOM says 703,000.", "Then 700,000 is out of date."]);
}

#[test]
fn absurd_positions_do_not_panic() {
    let doc = doc();
    let text = r#"{"type": "Annotation", "id": "big", "created": "2026-11-28T10:00:00Z",
      "target": {"selector": [
        {"type": "TextQuoteSelector", "exact": "not in the article at all"},
        {"type": "TextPositionSelector", "start": 18446744073709551615, "end": 18446744073709551615}]}}"#;
    let got = from_web_json(text, &doc).unwrap();
    assert_eq!(got[0].target.exact, "not in the article at all");
    let only_position = r#"{"type": "Annotation", "id": "big2",
      "target": {"selector": {"type": "TextPositionSelector", "start": 5, "end": 18446744073709551615}}}"#;
    let err = from_web_json(only_position, &doc).unwrap_err();
    assert!(
        err.to_string().contains("past the end of the text"),
        "{err}"
    );
}
