//! Import of annotations made with web annotation tools: W3C Web Annotation JSON-LD (what
//! [`crate::annotations::export::w3c`] writes, and what other tools write) and Hypothesis
//! exports (the Hypothesis API's JSON).
//!
//! Accepted shapes: an `AnnotationCollection` (with its `first` page embedded; `next` pages that
//! are embedded are followed), an `AnnotationPage`, a single `Annotation`, an array of any of
//! these, a Hypothesis API search result (`{"rows": [...], "replies": [...]}`), the Hypothesis
//! client's export file (`{"export_date": …, "annotations": [...]}`) or an array of Hypothesis
//! annotations.
//!
//! Each annotation's text is found in the document: a `TextPositionSelector` is used as it is
//! when the text there is the `TextQuoteSelector`'s `exact` (W3C positions are code points);
//! otherwise the occurrence of `exact` that best fits `prefix`/`suffix` and the position wins
//! (Hypothesis positions count UTF-16 units, so for them the quote always decides). A quote that
//! is not in the document is kept with its quote and context, and anchoring lists it as
//! orphaned. `RangeSelector`s need the web page's DOM and are not used.
//!
//! Replies (`motivation` `replying`, or Hypothesis annotations with `references`) are attached
//! to the annotation at the root of their thread.
//!
//! [`from_web_json`] is strict: any annotation it cannot read is an error. [`read_web_json`]
//! keeps what it can and lists what it left out (page notes, replies whose annotation is not in
//! the file), which is what importing someone's Hypothesis export needs. Ids `urn:uuid:X` give back
//! `X`; other ids (a Hypothesis id, a URL) are turned into a UUID derived from them, so that
//! importing the same file twice gives the same ids; a missing id gets a new random UUID v4.

use std::collections::HashMap;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::annotations::export::w3c::{COLOR_KEY, EXTRA_KEY, ID_PREFIX, STATUS_KEY};
use crate::annotations::{Annotation, Reply, Status, Target};
use crate::document::Document;
use crate::text_index::TextIndex;

/// The colour of an annotation that does not say (the sidecar model's default).
const DEFAULT_COLOR: &str = "#f2d338";

/// How many code points of context `prefix` and `suffix` hold.
const CONTEXT_CHARS: usize = 32;

/// Why a web annotation file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebImportError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The JSON is not one of the accepted shapes.
    #[error("{0}")]
    Shape(String),
    /// One annotation in the file is unusable.
    #[error("annotation {id}: {problem}")]
    Annotation {
        /// Its id as written in the file (or its position when it has none).
        id: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// What a lenient import read: the annotations, and the items it had to leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct WebImport {
    /// The annotations, with their replies attached, in file order.
    pub annotations: Vec<Annotation>,
    /// One [`WebImportError::Annotation`] per item left out (a page note, a reply whose
    /// annotation is not in the file, an annotation with a bad time…).
    pub skipped: Vec<WebImportError>,
}

/// Reads W3C or Hypothesis annotations from `text` and places them in `doc`; any annotation
/// that cannot be read is an error.
pub fn from_web_json(text: &str, doc: &Document) -> Result<Vec<Annotation>, WebImportError> {
    let read = read_web_json(text, doc)?;
    match read.skipped.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(read.annotations),
    }
}

/// Reads W3C or Hypothesis annotations from `text` and places them in `doc`, leaving out (and
/// listing) the items that cannot be read; only a file that is not JSON or not one of the
/// accepted shapes is an error. Exports from Hypothesis often hold replies to other people's
/// annotations and page notes, which have no place in a sidecar; this keeps the rest.
pub fn read_web_json(text: &str, doc: &Document) -> Result<WebImport, WebImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| WebImportError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut raw = Vec::new();
    collect_items(&value, &mut raw, true)?;
    let ctx = Placer::new(doc);
    let mut tops: Vec<Annotation> = Vec::new();
    let mut replies: Vec<PendingReply> = Vec::new();
    let mut skipped = Vec::new();
    for (n, (item, flavour)) in raw.iter().enumerate() {
        let converted = match flavour {
            Flavour::W3c => from_w3c(item, n, &ctx),
            Flavour::Hypothesis => from_hypothesis(item, n, &ctx),
        };
        match converted {
            Ok(Item::Top(a)) => tops.push(*a),
            Ok(Item::Reply(pending)) => replies.push(*pending),
            Err(e) => skipped.push(e),
        }
    }
    let index: HashMap<String, usize> = tops
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    // A reply to a reply joins the thread of the annotation at its root.
    let reply_parent: HashMap<String, String> = replies
        .iter()
        .map(|r| (r.reply.id.clone(), r.parent.clone()))
        .collect();
    for PendingReply {
        file_id,
        parent,
        reply,
    } in replies
    {
        let mut root = parent;
        for _ in 0..reply_parent.len() {
            match reply_parent.get(&root) {
                Some(up) if !index.contains_key(&root) => root = up.clone(),
                _ => break,
            }
        }
        match index.get(&root) {
            Some(&i) => tops[i].replies.push(reply),
            None => skipped.push(WebImportError::Annotation {
                id: file_id,
                problem: format!("it is a reply to {root}, which is not in the file"),
            }),
        }
    }
    for a in &mut tops {
        a.replies
            .sort_by(|x, y| (&x.created, &x.id).cmp(&(&y.created, &y.id)));
    }
    Ok(WebImport {
        annotations: tops,
        skipped,
    })
}

/// Which vocabulary an item uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavour {
    W3c,
    Hypothesis,
}

/// A converted item: an annotation, or a reply waiting for its parent.
enum Item {
    Top(Box<Annotation>),
    Reply(Box<PendingReply>),
}

/// A reply and the id of the annotation it answers.
struct PendingReply {
    /// Its id as written in the file, for errors.
    file_id: String,
    /// The sidecar id of the annotation it answers.
    parent: String,
    /// The reply.
    reply: Reply,
}

/// Gathers the annotation objects of any accepted shape.
fn collect_items<'v>(
    value: &'v Value,
    out: &mut Vec<(&'v Value, Flavour)>,
    top: bool,
) -> Result<(), WebImportError> {
    match value {
        Value::Array(items) => {
            for item in items {
                collect_items(item, out, false)?;
            }
            Ok(())
        }
        Value::Object(obj) => {
            if obj.get("format").and_then(Value::as_str) == Some(crate::annotations::FORMAT_NAME) {
                return Err(WebImportError::Shape(
                    "this is a Marginalia sidecar file, not a web annotation file; merge it as a sidecar"
                        .into(),
                ));
            }
            if has_type(value, "AnnotationCollection") {
                let Some(first) = obj.get("first") else {
                    return Ok(()); // an empty collection
                };
                return collect_page(first, out);
            }
            if has_type(value, "AnnotationPage") {
                return collect_page(value, out);
            }
            if has_type(value, "Annotation") {
                out.push((value, Flavour::W3c));
                return Ok(());
            }
            if top && let Some(rows) = obj.get("rows") {
                let Value::Array(rows) = rows else {
                    return Err(WebImportError::Shape(
                        "`rows` is not a list of Hypothesis annotations".into(),
                    ));
                };
                for row in rows.iter().chain(
                    obj.get("replies")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten(),
                ) {
                    out.push((row, Flavour::Hypothesis));
                }
                return Ok(());
            }
            if top
                && let Some(Value::Array(rows)) = obj.get("annotations")
                && ["export_date", "export_userid", "client_version"]
                    .iter()
                    .any(|k| obj.contains_key(*k))
            {
                // The Hypothesis client's "Export annotations" file.
                out.extend(rows.iter().map(|r| (r, Flavour::Hypothesis)));
                return Ok(());
            }
            if obj.contains_key("target")
                && (obj.contains_key("text") || obj.contains_key("user") || obj.contains_key("uri"))
            {
                out.push((value, Flavour::Hypothesis));
                return Ok(());
            }
            Err(WebImportError::Shape(format!(
                "{} is neither a W3C Web Annotation (`type` Annotation, AnnotationPage or \
                 AnnotationCollection) nor a Hypothesis annotation (`target` with `text`/`user`)",
                if top { "the file" } else { "an item" }
            )))
        }
        _ => Err(WebImportError::Shape(
            "expected a JSON object or array of annotations".into(),
        )),
    }
}

/// The items of an `AnnotationPage`, then of its embedded `next` pages.
fn collect_page<'v>(
    page: &'v Value,
    out: &mut Vec<(&'v Value, Flavour)>,
) -> Result<(), WebImportError> {
    let mut page = page;
    loop {
        let Value::Object(obj) = page else {
            return Err(WebImportError::Shape(format!(
                "the collection links to its page {page} instead of including it; \
                 download the page itself"
            )));
        };
        match obj.get("items") {
            Some(Value::Array(items)) => {
                for item in items {
                    collect_items(item, out, false)?;
                }
            }
            Some(_) => {
                return Err(WebImportError::Shape(
                    "an AnnotationPage's `items` is not a list".into(),
                ));
            }
            None => {}
        }
        match obj.get("next") {
            Some(next @ Value::Object(_)) => page = next,
            _ => return Ok(()),
        }
    }
}

/// Whether `value.type` (a string or a list) names `name`.
fn has_type(value: &Value, name: &str) -> bool {
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(list)) => list.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// A value that may be one thing or a list of them, as a list.
fn as_list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
    }
}

/// A string field.
fn str_field<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

/// How an item is named in errors: its id, or its place in the file.
fn label(item: &Value, n: usize) -> String {
    str_field(item, "id")
        .or_else(|| str_field(item, "@id"))
        .map_or_else(|| format!("#{} (no id)", n + 1), str::to_string)
}

/// The sidecar id for a file id (see the module docs).
fn id_from(file_id: Option<&str>) -> String {
    let Some(file_id) = file_id.filter(|s| !s.trim().is_empty()) else {
        return uuid::Uuid::new_v4().to_string();
    };
    if let Some(rest) = file_id.strip_prefix(ID_PREFIX)
        && !rest.is_empty()
    {
        return rest.to_string();
    }
    if uuid::Uuid::parse_str(file_id).is_ok() {
        return file_id.to_string();
    }
    let digest = Sha256::digest(file_id.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// An RFC 3339 time in UTC: kept as written when it already ends in `Z`, else converted.
fn utc_time(raw: &str, what: &str, id: &str) -> Result<String, WebImportError> {
    let bad = || WebImportError::Annotation {
        id: id.to_string(),
        problem: format!("`{what}` {raw:?} is not an RFC 3339 date and time"),
    };
    let t = OffsetDateTime::parse(raw, &Rfc3339).map_err(|_| bad())?;
    if raw.ends_with('Z') {
        return Ok(raw.to_string());
    }
    let t = t.to_offset(time::UtcOffset::UTC);
    let t = t.replace_nanosecond(0).map_err(|_| bad())?;
    t.format(&Rfc3339).map_err(|_| bad())
}

/// `created`/`modified` of an item: missing `modified` is `created`, missing `created` is
/// `modified`, both missing is now.
fn times(
    created: Option<&str>,
    modified: Option<&str>,
    id: &str,
) -> Result<(String, String), WebImportError> {
    let created = created.map(|c| utc_time(c, "created", id)).transpose()?;
    let modified = modified.map(|m| utc_time(m, "modified", id)).transpose()?;
    Ok(match (created, modified) {
        (Some(c), Some(m)) => (c, m),
        (Some(c), None) => (c.clone(), c),
        (None, Some(m)) => (m.clone(), m),
        (None, None) => {
            let now = OffsetDateTime::now_utc()
                .replace_nanosecond(0)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH);
            let now = now.format(&Rfc3339).unwrap_or_default();
            (now.clone(), now)
        }
    })
}

/// A display name from a W3C `creator` (a Person object, a name or an account IRI).
fn creator_name(creator: Option<&Value>) -> String {
    let Some(first) = as_list(creator).into_iter().next() else {
        return String::new();
    };
    match first {
        Value::String(s) => account_name(s),
        Value::Object(_) => str_field(first, "name")
            .or_else(|| str_field(first, "nickname"))
            .map(str::to_string)
            .or_else(|| str_field(first, "id").map(account_name))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// `acct:name@host` → `name`; anything else as it is.
fn account_name(s: &str) -> String {
    match s.strip_prefix("acct:") {
        Some(acct) => acct.split('@').next().unwrap_or(acct).to_string(),
        None => s.to_string(),
    }
}

/// Converts a W3C annotation.
fn from_w3c(item: &Value, n: usize, placer: &Placer<'_>) -> Result<Item, WebImportError> {
    let file_id = label(item, n);
    let id = id_from(str_field(item, "id").or_else(|| str_field(item, "@id")));
    let (created, modified) = times(
        str_field(item, "created"),
        str_field(item, "modified"),
        &file_id,
    )?;
    let author = creator_name(item.get("creator"));
    let motivations: Vec<&str> = as_list(item.get("motivation"))
        .into_iter()
        .filter_map(Value::as_str)
        .collect();
    let tagging_only = motivations == ["tagging"];
    let mut notes = Vec::new();
    let mut tags = Vec::new();
    for body in as_list(item.get("body")) {
        let (value, purpose) = match body {
            Value::String(s) => (s.as_str(), None),
            Value::Object(_) => {
                let Some(v) = str_field(body, "value").or_else(|| str_field(body, "chars")) else {
                    continue; // a body that is a link to elsewhere: nothing to keep
                };
                (v, str_field(body, "purpose"))
            }
            _ => continue,
        };
        match purpose {
            Some("tagging") => tags.push(value.to_string()),
            None if tagging_only => tags.push(value.to_string()),
            _ => notes.push(value.to_string()),
        }
    }
    let note = notes.join("\n\n");
    let extra = match item.get(EXTRA_KEY) {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };

    if motivations.contains(&"replying") {
        let parent = as_list(item.get("target"))
            .into_iter()
            .find_map(|t| match t {
                Value::String(s) => Some(s.as_str()),
                _ => str_field(t, "id").or_else(|| str_field(t, "source")),
            })
            .ok_or_else(|| WebImportError::Annotation {
                id: file_id.clone(),
                problem: "a reply without the id of the annotation it answers as `target`".into(),
            })?;
        return Ok(Item::Reply(Box::new(PendingReply {
            file_id,
            parent: id_from(Some(parent)),
            reply: Reply {
                id,
                created,
                author,
                note,
                extra,
            },
        })));
    }

    let target = as_list(item.get("target"))
        .into_iter()
        .find(|t| t.get("selector").is_some())
        .ok_or_else(|| WebImportError::Annotation {
            id: file_id.clone(),
            problem: "its `target` has no `selector`, so it is not on a span of text".into(),
        })?;
    let target = placer.place(target, true, &file_id)?;
    let status = match str_field(item, STATUS_KEY) {
        None => Status::None,
        Some(s) => Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| WebImportError::Annotation {
                id: file_id.clone(),
                problem: format!(
                    "`{STATUS_KEY}` {s:?} is not one of none, open, verified, disputed"
                ),
            })?,
    };
    let color = str_field(item, COLOR_KEY)
        .filter(|c| is_hex_color(c))
        .unwrap_or(DEFAULT_COLOR)
        .to_string();
    Ok(Item::Top(Box::new(Annotation {
        id,
        created,
        modified,
        author,
        target,
        note,
        tags,
        color,
        status,
        replies: Vec::new(),
        deleted: false,
        extra,
    })))
}

/// Converts a Hypothesis annotation.
fn from_hypothesis(item: &Value, n: usize, placer: &Placer<'_>) -> Result<Item, WebImportError> {
    let file_id = label(item, n);
    let id = id_from(str_field(item, "id"));
    let (created, modified) = times(
        str_field(item, "created"),
        str_field(item, "updated"),
        &file_id,
    )?;
    let author = item
        .get("user_info")
        .and_then(|u| str_field(u, "display_name"))
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
        .or_else(|| str_field(item, "user").map(account_name))
        .unwrap_or_default();
    let note = str_field(item, "text").unwrap_or_default().to_string();
    let references: Vec<&str> = as_list(item.get("references"))
        .into_iter()
        .filter_map(Value::as_str)
        .collect();
    if let Some(root) = references.first() {
        return Ok(Item::Reply(Box::new(PendingReply {
            file_id,
            parent: id_from(Some(root)),
            reply: Reply {
                id,
                created,
                author,
                note,
                extra: Map::new(),
            },
        })));
    }
    let tags = as_list(item.get("tags"))
        .into_iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    let target = as_list(item.get("target"))
        .into_iter()
        .find(|t| t.get("selector").is_some())
        .ok_or_else(|| WebImportError::Annotation {
            id: file_id.clone(),
            problem: "a page note (its `target` has no `selector`); only notes on a span of \
                      text can be imported"
                .into(),
        })?;
    let target = placer.place(target, false, &file_id)?;
    Ok(Item::Top(Box::new(Annotation {
        id,
        created,
        modified,
        author,
        target,
        note,
        tags,
        color: DEFAULT_COLOR.to_string(),
        status: Status::None,
        replies: Vec::new(),
        deleted: false,
        extra: Map::new(),
    })))
}

/// Whether `c` is `#rrggbb`.
fn is_hex_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

/// Finds selected text in the document.
struct Placer<'d> {
    text: &'d str,
    index: TextIndex,
}

impl<'d> Placer<'d> {
    fn new(doc: &'d Document) -> Self {
        Self {
            text: &doc.text,
            index: TextIndex::new(&doc.text),
        }
    }

    /// Builds the sidecar target from a W3C/Hypothesis target's selectors. `positions_are_chars`
    /// says whether a `TextPositionSelector` counts code points (W3C) or UTF-16 units
    /// (Hypothesis; used only as a hint then).
    fn place(
        &self,
        target: &Value,
        positions_are_chars: bool,
        id: &str,
    ) -> Result<Target, WebImportError> {
        let mut quote: Option<(&str, Option<&str>, Option<&str>)> = None;
        let mut position: Option<(usize, usize)> = None;
        let mut has_range = false;
        for sel in as_list(target.get("selector")) {
            if has_type(sel, "TextQuoteSelector") {
                let Some(exact) = str_field(sel, "exact") else {
                    return Err(WebImportError::Annotation {
                        id: id.to_string(),
                        problem: "a TextQuoteSelector without `exact`".into(),
                    });
                };
                quote = Some((exact, str_field(sel, "prefix"), str_field(sel, "suffix")));
            } else if has_type(sel, "TextPositionSelector") {
                let num = |k: &str| sel.get(k).and_then(Value::as_u64).map(|v| v as usize);
                let (Some(start), Some(end)) = (num("start"), num("end")) else {
                    return Err(WebImportError::Annotation {
                        id: id.to_string(),
                        problem: "a TextPositionSelector without whole-number `start` and `end`"
                            .into(),
                    });
                };
                if start > end {
                    return Err(WebImportError::Annotation {
                        id: id.to_string(),
                        problem: format!(
                            "a TextPositionSelector with start {start} after end {end}"
                        ),
                    });
                }
                position = Some((start, end));
            } else if has_type(sel, "RangeSelector") {
                has_range = true;
            }
        }
        let extra = match target.get(EXTRA_KEY) {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        let len = self.index.char_len();
        match (quote, position) {
            (Some((exact, prefix, suffix)), pos) => {
                if exact.is_empty() {
                    return Err(WebImportError::Annotation {
                        id: id.to_string(),
                        problem: "its TextQuoteSelector's `exact` is empty".into(),
                    });
                }
                if positions_are_chars
                    && let Some((s, e)) = pos
                    && e <= len
                    && self.index.slice(self.text, s, e) == exact
                {
                    return Ok(Target {
                        start: s,
                        end: e,
                        exact: exact.to_string(),
                        prefix: prefix.map_or_else(|| self.prefix_at(s), str::to_string),
                        suffix: suffix.map_or_else(|| self.suffix_at(e), str::to_string),
                        extra,
                    });
                }
                let hint = pos.map(|(s, _)| s);
                if let Some(s) = self.best_occurrence(exact, prefix, suffix, hint) {
                    let e = s + exact.chars().count();
                    return Ok(Target {
                        start: s,
                        end: e,
                        exact: exact.to_string(),
                        prefix: self.prefix_at(s),
                        suffix: self.suffix_at(e),
                        extra,
                    });
                }
                // Not in this text: keep it whole; anchoring lists it as orphaned.
                let s = hint.unwrap_or(0);
                Ok(Target {
                    start: s,
                    end: s.saturating_add(exact.chars().count()),
                    exact: exact.to_string(),
                    prefix: prefix.unwrap_or_default().to_string(),
                    suffix: suffix.unwrap_or_default().to_string(),
                    extra,
                })
            }
            (None, Some((s, e))) if positions_are_chars => {
                if e > len || s == e {
                    return Err(WebImportError::Annotation {
                        id: id.to_string(),
                        problem: format!(
                            "its TextPositionSelector {s}..{e} is empty or past the end of the \
                             text ({len} characters), and there is no TextQuoteSelector"
                        ),
                    });
                }
                Ok(Target {
                    start: s,
                    end: e,
                    exact: self.index.slice(self.text, s, e).to_string(),
                    prefix: self.prefix_at(s),
                    suffix: self.suffix_at(e),
                    extra,
                })
            }
            _ => Err(WebImportError::Annotation {
                id: id.to_string(),
                problem: if has_range {
                    "it has only a RangeSelector, which needs the web page itself; a \
                     TextQuoteSelector is needed"
                        .into()
                } else {
                    "it has no TextQuoteSelector".into()
                },
            }),
        }
    }

    /// Up to [`CONTEXT_CHARS`] code points before char `start`.
    fn prefix_at(&self, start: usize) -> String {
        self.index
            .slice(self.text, start.saturating_sub(CONTEXT_CHARS), start)
            .to_string()
    }

    /// Up to [`CONTEXT_CHARS`] code points after char `end`.
    fn suffix_at(&self, end: usize) -> String {
        self.index
            .slice(self.text, end, end + CONTEXT_CHARS)
            .to_string()
    }

    /// The char start of the occurrence of `exact` whose surroundings best fit `prefix` and
    /// `suffix`, closest to `hint` on ties.
    fn best_occurrence(
        &self,
        exact: &str,
        prefix: Option<&str>,
        suffix: Option<&str>,
        hint: Option<usize>,
    ) -> Option<usize> {
        let mut best: Option<((usize, std::cmp::Reverse<usize>), usize)> = None;
        for (byte, _) in self.text.match_indices(exact) {
            let before = &self.text[..byte];
            let after = &self.text[byte + exact.len()..];
            let fit = prefix.map_or(0, |p| common_suffix_chars(before, p))
                + suffix.map_or(0, |s| common_prefix_chars(after, s));
            let start = self.index.char_of(self.text, byte);
            let distance = hint.map_or(0, |h| h.abs_diff(start));
            let key = (fit, std::cmp::Reverse(distance));
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, start));
            }
        }
        best.map(|(_, start)| start)
    }
}

/// How many chars at the end of `a` and `b` agree.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many chars at the start of `a` and `b` agree.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names_lose_the_host() {
        assert_eq!(account_name("acct:amina@hypothes.is"), "amina");
        assert_eq!(account_name("Amina"), "Amina");
    }

    #[test]
    fn foreign_ids_map_to_stable_uuids() {
        let a = id_from(Some("Qa3bX9zz"));
        assert_eq!(a, id_from(Some("Qa3bX9zz")));
        assert!(uuid::Uuid::parse_str(&a).is_ok());
        assert_eq!(id_from(Some("urn:uuid:abc")), "abc");
        assert_ne!(id_from(None), id_from(None));
    }

    #[test]
    fn times_become_utc() {
        assert_eq!(
            utc_time("2024-01-02T05:04:05.123456+02:00", "created", "x").unwrap(),
            "2024-01-02T03:04:05Z"
        );
        assert_eq!(
            utc_time("2024-01-02T03:04:05.5Z", "created", "x").unwrap(),
            "2024-01-02T03:04:05.5Z"
        );
        assert!(utc_time("soon", "created", "x").is_err());
    }

    #[test]
    fn quote_search_prefers_fitting_context() {
        let doc = Document::from_text("one cat here, one cat there, one cat everywhere");
        let p = Placer::new(&doc);
        assert_eq!(
            p.best_occurrence("cat", Some("one "), Some(" there"), None),
            Some(18)
        );
        assert_eq!(p.best_occurrence("cat", None, None, Some(30)), Some(33));
        assert_eq!(p.best_occurrence("dog", None, None, None), None);
    }
}
