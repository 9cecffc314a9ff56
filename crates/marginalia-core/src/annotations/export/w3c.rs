//! Export to the W3C Web Annotation Data Model (JSON-LD), so annotations move to web annotation
//! tools; [`crate::annotations::web_import`] reads such files back.
//!
//! The export is one `AnnotationCollection` whose `first` page holds every item. Each live
//! annotation becomes an `Annotation` with:
//! - `id` `urn:uuid:…`, `motivation` `commenting` (a note), `tagging` (tags but no note) or
//!   `highlighting` (neither);
//! - `body`: one `TextualBody` with the note (`purpose` `commenting`) and one per tag (`purpose`
//!   `tagging`);
//! - `creator` (`Person` with `name`), `created`, `modified`;
//! - `target`: `source` plus a `TextQuoteSelector` (`exact`, `prefix`, `suffix`) and a
//!   `TextPositionSelector` (`start`, `end`, code points as the W3C model defines them).
//!
//! Replies are separate annotations with `motivation` `replying`, listed right after the
//! annotation they answer and targeting its `id`, which is how web annotation tools thread
//! conversations. What only Marginalia knows (status, colour, fields from newer versions) goes
//! under keys in the `marginalia:` namespace ([`STATUS_KEY`], [`COLOR_KEY`], [`EXTRA_KEY`]) so
//! that a round trip through this format keeps it.

use serde_json::{Map, Value, json};

use crate::annotations::{Annotation, Reply, Target};
use crate::document::Document;

/// The JSON-LD context of the Web Annotation Data Model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Key of an annotation's fact-check status.
pub const STATUS_KEY: &str = "marginalia:status";
/// Key of an annotation's `#rrggbb` colour.
pub const COLOR_KEY: &str = "marginalia:color";
/// Key of the sidecar fields this version does not know, kept for the round trip.
pub const EXTRA_KEY: &str = "marginalia:extra";
/// Prefix that turns an annotation id into an IRI.
pub const ID_PREFIX: &str = "urn:uuid:";

/// Builds the `AnnotationCollection` of the live annotations of `doc`; `source` is the IRI or
/// file name the targets point at (the article's file name or URL).
pub fn to_w3c(doc: &Document, annotations: &[Annotation], source: &str) -> Value {
    let mut live: Vec<&Annotation> = annotations.iter().filter(|a| !a.deleted).collect();
    live.sort_by(|a, b| {
        (a.target.start, a.target.end, &a.created, &a.id).cmp(&(
            b.target.start,
            b.target.end,
            &b.created,
            &b.id,
        ))
    });
    let mut items = Vec::new();
    for a in live {
        items.push(annotation_to_w3c(a, source));
        for r in &a.replies {
            items.push(reply_to_w3c(r, a));
        }
    }
    json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    })
}

/// One annotation as a W3C `Annotation`.
pub fn annotation_to_w3c(a: &Annotation, source: &str) -> Value {
    let motivation = if !a.note.is_empty() {
        "commenting"
    } else if !a.tags.is_empty() {
        "tagging"
    } else {
        "highlighting"
    };
    let mut out = Map::new();
    out.insert("id".into(), Value::from(format!("{ID_PREFIX}{}", a.id)));
    out.insert("type".into(), Value::from("Annotation"));
    out.insert("motivation".into(), Value::from(motivation));
    out.insert("created".into(), Value::from(a.created.as_str()));
    out.insert("modified".into(), Value::from(a.modified.as_str()));
    if !a.author.is_empty() {
        out.insert("creator".into(), person(&a.author));
    }
    let mut bodies = Vec::new();
    if !a.note.is_empty() {
        bodies.push(json!({
            "type": "TextualBody",
            "value": a.note,
            "format": "text/plain",
            "purpose": "commenting",
        }));
    }
    for tag in &a.tags {
        bodies.push(json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" }));
    }
    if !bodies.is_empty() {
        out.insert("body".into(), Value::Array(bodies));
    }
    out.insert("target".into(), target_to_w3c(&a.target, source));
    out.insert(STATUS_KEY.into(), Value::from(a.status.as_str()));
    out.insert(COLOR_KEY.into(), Value::from(a.color.as_str()));
    if !a.extra.is_empty() {
        out.insert(EXTRA_KEY.into(), Value::Object(a.extra.clone()));
    }
    Value::Object(out)
}

/// A `SpecificResource` target with a quote and a position selector.
fn target_to_w3c(t: &Target, source: &str) -> Value {
    let mut quote = Map::new();
    quote.insert("type".into(), Value::from("TextQuoteSelector"));
    quote.insert("exact".into(), Value::from(t.exact.as_str()));
    quote.insert("prefix".into(), Value::from(t.prefix.as_str()));
    quote.insert("suffix".into(), Value::from(t.suffix.as_str()));
    let mut out = Map::new();
    out.insert("source".into(), Value::from(source));
    out.insert(
        "selector".into(),
        json!([
            Value::Object(quote),
            { "type": "TextPositionSelector", "start": t.start, "end": t.end },
        ]),
    );
    if !t.extra.is_empty() {
        out.insert(EXTRA_KEY.into(), Value::Object(t.extra.clone()));
    }
    Value::Object(out)
}

/// A reply as an annotation with `motivation` `replying` that targets its parent.
fn reply_to_w3c(r: &Reply, parent: &Annotation) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), Value::from(format!("{ID_PREFIX}{}", r.id)));
    out.insert("type".into(), Value::from("Annotation"));
    out.insert("motivation".into(), Value::from("replying"));
    out.insert("created".into(), Value::from(r.created.as_str()));
    if !r.author.is_empty() {
        out.insert("creator".into(), person(&r.author));
    }
    out.insert(
        "body".into(),
        json!({
            "type": "TextualBody",
            "value": r.note,
            "format": "text/plain",
            "purpose": "replying",
        }),
    );
    out.insert(
        "target".into(),
        Value::from(format!("{ID_PREFIX}{}", parent.id)),
    );
    if !r.extra.is_empty() {
        out.insert(EXTRA_KEY.into(), Value::Object(r.extra.clone()));
    }
    Value::Object(out)
}

/// A `Person` creator.
fn person(name: &str) -> Value {
    json!({ "type": "Person", "name": name })
}
