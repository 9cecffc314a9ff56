//! Exports of a document's annotations for people and tools without Marginalia.
//!
//! Each format is a pure function from the document, its analysis and its annotations to a
//! string or a JSON value; none of them touches files, so the app, the command line and tests
//! share them. Deleted annotations (tombstones) are never exported.
//!
//! - [`w3c`]: W3C Web Annotation Data Model JSON-LD, for web annotation tools;
//! - [`markdown`]: a readable report;
//! - [`html`]: one self-contained page showing the article with its highlights and notes;
//! - [`csv`]: one row per annotation, for spreadsheets.
//!
//! Front ends export through [`render`], the one dispatcher: it anchors the notes in the current
//! text, analyses the article when the format shows the analysis, and picks the format.
//!
//! The readable formats need to know whether each annotation's text is still in the document.
//! They take a list of [`Placed`] annotations (what anchoring found); [`place_by_offsets`] builds
//! it from the recorded offsets alone, which is right whenever the sidecar was written against
//! this very text.

pub mod csv;
mod destination;
mod format;
pub mod html;
pub mod markdown;
mod render;
pub mod w3c;

pub use destination::{OwnFile, check_destination, same_place};
pub use format::{ExportFormat, UnknownFormat};
pub use render::{anchored_copies, render, source_name, suggested_file_name};

use crate::annotations::Annotation;
use crate::document::Document;
use crate::text_index::TextIndex;

/// An annotation and where its text is in the current document.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    /// The annotation.
    pub annotation: &'a Annotation,
    /// Its range in the document text (code points, end exclusive), or `None` when the text
    /// it was written on is no longer found (the annotation is orphaned).
    pub span: Option<(usize, usize)>,
}

impl Placed<'_> {
    /// Whether the annotation's text was not found in the document.
    pub fn is_orphaned(&self) -> bool {
        self.span.is_none()
    }
}

/// Places the live annotations at their recorded offsets: an annotation whose `target.exact` is
/// not the document text between `target.start` and `target.end` is orphaned.
///
/// Tombstones are left out. The result is in reading order (by start, then creation time, then
/// id), with orphaned annotations last.
pub fn place_by_offsets<'a>(doc: &Document, annotations: &'a [Annotation]) -> Vec<Placed<'a>> {
    let index = TextIndex::new(&doc.text);
    let placed = annotations
        .iter()
        .filter(|a| !a.deleted)
        .map(|a| {
            let t = &a.target;
            let fits = t.start <= t.end
                && t.end <= index.char_len()
                && index.slice(&doc.text, t.start, t.end) == t.exact;
            Placed {
                annotation: a,
                span: fits.then_some((t.start, t.end)),
            }
        })
        .collect();
    in_reading_order(placed)
}

/// Drops tombstones and sorts into reading order: placed annotations by start (then end,
/// creation time and id), orphaned ones last (by creation time and id).
pub fn in_reading_order(mut placed: Vec<Placed<'_>>) -> Vec<Placed<'_>> {
    placed.retain(|p| !p.annotation.deleted);
    placed.sort_by(|a, b| {
        let key = |p: &Placed<'_>| {
            (
                p.span.is_none(),
                p.span.map_or((0, 0), |s| s),
                p.annotation.created.clone(),
                p.annotation.id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    placed
}

/// A count and its noun, plural unless the count is one ("1 annotation", "5 quotes").
pub fn counted(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The summary line of the readable exports: what the analysis found and how many notes.
pub(crate) fn summary(analysis: &crate::analysis::Analysis, annotations: usize) -> String {
    [
        counted(analysis.quotes.len(), "quote", "quotes"),
        counted(analysis.entities.len(), "name", "names"),
        counted(analysis.figures.len(), "figure", "figures"),
        counted(annotations, "annotation", "annotations"),
    ]
    .join(" · ")
}

/// Formats an RFC 3339 time for people ("2026-11-28 21:04 UTC"); any other text is returned as
/// it is.
pub fn readable_time(rfc3339: &str) -> String {
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;
    let Ok(t) = OffsetDateTime::parse(rfc3339, &Rfc3339) else {
        return rfc3339.to_string();
    };
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Status, Target};

    fn ann(id: &str, start: usize, end: usize, exact: &str, deleted: bool) -> Annotation {
        Annotation {
            id: id.into(),
            created: "2026-11-28T21:04:05Z".into(),
            modified: "2026-11-28T21:04:05Z".into(),
            author: "A".into(),
            target: Target {
                start,
                end,
                exact: exact.into(),
                ..Target::default()
            },
            note: String::new(),
            tags: vec![],
            color: "#f2d338".into(),
            status: Status::None,
            replies: vec![],
            deleted,
            extra: Default::default(),
        }
    }

    #[test]
    fn places_by_offsets_and_orders_orphans_last() {
        let doc = Document::from_text("Café “au lait” is hot.");
        let anns = vec![
            ann("x", 0, 3, "Caf", false),
            ann("gone", 0, 4, "nope", false),
            ann("dead", 0, 4, "Café", true),
            ann("y", 5, 14, "“au lait”", false),
        ];
        let placed = place_by_offsets(&doc, &anns);
        let ids: Vec<_> = placed.iter().map(|p| p.annotation.id.as_str()).collect();
        assert_eq!(ids, ["x", "y", "gone"]);
        assert_eq!(placed[1].span, Some((5, 14)));
        assert!(placed[2].is_orphaned());
    }

    #[test]
    fn readable_time_converts_to_utc() {
        assert_eq!(
            readable_time("2026-11-28T23:04:05+02:00"),
            "2026-11-28 21:04 UTC"
        );
        assert_eq!(readable_time("yesterday"), "yesterday");
    }
}
