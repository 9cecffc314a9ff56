//! Making new annotations and targets from the document text.
//!
//! A new annotation needs a fresh id, timestamps in the file's format and a target that carries
//! enough of the surrounding text to be found again after the article changes. These rules live
//! here so the app, the importers and the tests all make annotations the same way.

use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use super::model::{Annotation, Reply, Status, Target, default_color};

/// How many code points of context are stored before and after a target.
pub const CONTEXT_CHARS: usize = 32;

/// The current time as an RFC 3339 UTC string with second precision (`2026-11-28T21:04:05Z`).
pub fn now_rfc3339() -> String {
    format_time(OffsetDateTime::now_utc())
}

/// Formats a time as RFC 3339 UTC with second precision.
pub fn format_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Parses an RFC 3339 time; `None` when the text is not one.
pub fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// A `modified` value for an edit made now to something last modified at `previous`: the current
/// time, or one second after `previous` when the clock has not moved past it, so every edit is
/// strictly later than the copy it replaces and wins a merge against it.
pub fn next_modified(previous: &str, now: &str) -> String {
    match (parse_time(previous), parse_time(now)) {
        (Some(p), Some(n)) if n <= p => format_time(p + Duration::seconds(1)),
        (Some(_), Some(_)) | (None, Some(_)) => now.to_string(),
        (_, None) => now.to_string(),
    }
}

impl Target {
    /// The target for chars `start..end` of `text` (clamped to the text), with its exact text and
    /// up to [`CONTEXT_CHARS`] code points of context on each side.
    pub fn from_text(text: &str, start: usize, end: usize) -> Target {
        let index = crate::text_index::TextIndex::new(text);
        let len = index.char_len();
        let end = end.min(len);
        let start = start.min(end);
        let pre_start = start.saturating_sub(CONTEXT_CHARS);
        let suf_end = (end + CONTEXT_CHARS).min(len);
        Target {
            start,
            end,
            exact: index.slice(text, start, end).to_string(),
            prefix: index.slice(text, pre_start, start).to_string(),
            suffix: index.slice(text, end, suf_end).to_string(),
            extra: Default::default(),
        }
    }
}

impl Annotation {
    /// A new live annotation on chars `start..end` of `text` by `author`: a fresh UUID v4,
    /// `created` = `modified` = now, no note, no tags, the default colour, status `none`.
    pub fn new_on(text: &str, start: usize, end: usize, author: &str) -> Annotation {
        let now = now_rfc3339();
        Annotation {
            id: uuid::Uuid::new_v4().to_string(),
            created: now.clone(),
            modified: now,
            author: author.to_string(),
            target: Target::from_text(text, start, end),
            note: String::new(),
            tags: Vec::new(),
            color: default_color(),
            status: Status::None,
            replies: Vec::new(),
            deleted: false,
            extra: Default::default(),
        }
    }

    /// Whether the annotation is live (not a tombstone).
    pub fn is_live(&self) -> bool {
        !self.deleted
    }
}

impl Reply {
    /// A new reply by `author` with `note`, a fresh id and `created` = now.
    pub fn new(author: &str, note: &str) -> Reply {
        Reply {
            id: uuid::Uuid::new_v4().to_string(),
            created: now_rfc3339(),
            author: author.to_string(),
            note: note.to_string(),
            extra: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_carries_context_in_code_points() {
        let text = "Haiti’s security situation is contingent on continued support.";
        let start = text[..text.find("security").unwrap()].chars().count();
        let t = Target::from_text(text, start, start + 8);
        assert_eq!(t.exact, "security");
        assert_eq!(t.prefix, "Haiti’s ");
        assert!(t.suffix.starts_with(" situation"));
        assert_eq!(t.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn new_annotation_has_v4_id_and_second_precision_times() {
        let a = Annotation::new_on("Kenya sent officers.", 0, 5, "Amina");
        assert_eq!(uuid::Uuid::parse_str(&a.id).unwrap().get_version_num(), 4);
        assert_eq!(a.created.len(), 20);
        assert!(a.created.ends_with('Z'));
        assert!(parse_time(&a.created).is_some());
        assert_eq!(a.target.exact, "Kenya");
    }

    #[test]
    fn next_modified_is_strictly_later() {
        let p = "2026-11-28T21:04:05Z";
        assert_eq!(next_modified(p, p), "2026-11-28T21:04:06Z");
        assert_eq!(
            next_modified(p, "2026-11-28T21:04:00Z"),
            "2026-11-28T21:04:06Z"
        );
        assert_eq!(
            next_modified(p, "2026-11-29T00:00:00Z"),
            "2026-11-29T00:00:00Z"
        );
    }
}
