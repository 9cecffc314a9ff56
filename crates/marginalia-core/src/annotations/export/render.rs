//! The one export path of every front end: the command line's `export` and the app's File ▸
//! Export both call [`render`], so an export of the same article and notes is the same file
//! whichever made it.
//!
//! The notes are anchored in the article's current text first, so the export of a changed
//! article shows each note on the text it is on now and lists the lost ones apart.

use std::path::Path;

use super::{ExportFormat, Placed, csv, html, in_reading_order, markdown, w3c};
use crate::analysis::{self, Analysis};
use crate::annotations::anchoring::Anchorer;
use crate::annotations::{Annotation, CONTEXT_CHARS};
use crate::document::Document;
use crate::text_index::TextIndex;

/// The export of the live `annotations` of `doc` in `format`, each placed where anchoring finds
/// it in the current text; `source` is what W3C targets point at (see [`source_name`]).
///
/// The readable formats show the analysis too: `analysis` when the caller has it already (the
/// app analyses in the background), else it is made here.
pub fn render(
    doc: &Document,
    annotations: &[Annotation],
    format: ExportFormat,
    source: &str,
    analysis: Option<&Analysis>,
) -> String {
    let (current, spans) = anchored_copies(doc, annotations);
    let placed = || {
        in_reading_order(
            current
                .iter()
                .zip(&spans)
                .map(|(annotation, &span)| Placed { annotation, span })
                .collect(),
        )
    };
    let made;
    let analysis = match analysis {
        Some(a) => a,
        None if format.needs_analysis() => {
            made = analysis::analyze(doc);
            &made
        }
        None => &Analysis::default(),
    };
    match format {
        ExportFormat::W3c => {
            let value = w3c::to_w3c(doc, &current, source);
            // Serialising a JSON value with string keys cannot fail.
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            text
        }
        ExportFormat::Markdown => markdown::to_markdown_placed(doc, analysis, &placed()),
        ExportFormat::Html => html::to_html_placed(doc, analysis, &placed()),
        ExportFormat::Csv => csv::to_csv_placed(doc, &placed()),
    }
}

/// What an export names its article by: the article's file name (the export usually travels
/// with it, so a folder path would only leak where it was made), or "article" for a text that
/// has no file.
pub fn source_name(article: Option<&Path>) -> String {
    match article {
        Some(p) => p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        None => "article".to_string(),
    }
}

/// The file name an export of `article` is offered under (`story.txt.md`).
pub fn suggested_file_name(article: Option<&Path>, format: ExportFormat) -> String {
    format!("{}.{}", source_name(article), format.extension())
}

/// The live annotations with their targets moved to where anchoring finds them in `doc`'s
/// current text (offsets, exact text and context), and where that is (`None`: orphaned; its
/// target is left as it was).
pub fn anchored_copies(
    doc: &Document,
    annotations: &[Annotation],
) -> (Vec<Annotation>, Vec<Option<(usize, usize)>>) {
    let live: Vec<&Annotation> = annotations.iter().filter(|a| !a.deleted).collect();
    let anchors = Anchorer::new(&doc.text).anchor_all(live.iter().map(|a| &a.target));
    let index = TextIndex::new(&doc.text);
    let text = &doc.text;
    live.into_iter()
        .zip(anchors)
        .map(|(a, anchor)| {
            let mut a = a.clone();
            let (Some(start), Some(end)) = (anchor.start, anchor.end) else {
                return (a, None);
            };
            if (a.target.start, a.target.end) != (start, end)
                || index.slice(text, start, end) != a.target.exact
            {
                a.target.start = start;
                a.target.end = end;
                a.target.exact = index.slice(text, start, end).to_string();
                a.target.prefix = index
                    .slice(text, start.saturating_sub(CONTEXT_CHARS), start)
                    .to_string();
                a.target.suffix = index.slice(text, end, end + CONTEXT_CHARS).to_string();
            }
            (a, Some((start, end)))
        })
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_named_after_the_article_file() {
        let p = Path::new("/home/ann/news/story.txt");
        assert_eq!(source_name(Some(p)), "story.txt");
        assert_eq!(source_name(None), "article");
        assert_eq!(
            suggested_file_name(Some(p), ExportFormat::W3c),
            "story.txt.jsonld"
        );
    }

    #[test]
    fn a_note_on_moved_text_is_exported_where_the_text_is_now() {
        let before = Document::from_text("Title\nThe council voted on Wednesday.");
        let note = Annotation::new_on(&before.text, 10, 17, "Ann");
        let after = Document::from_text("Title\nLate at night, the council voted on Wednesday.");
        let csv = render(&after, &[note], ExportFormat::Csv, "story.txt", None);
        let byte = after.text.find("council").unwrap();
        let start = after.text[..byte].chars().count();
        assert!(csv.contains(&format!(",{start},{},", start + 7)), "{csv}");
    }
}
