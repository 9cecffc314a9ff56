//! Export to CSV (RFC 4180): one row per live annotation, for spreadsheets.
//!
//! Columns: `id, author, status, tags, color, start, end, quote, note`. Tags are joined with
//! `;`. `start`/`end` are code points into the document text and are empty for an orphaned
//! annotation (its text is no longer found), whose `quote` is then the text it was written on.
//! Rows end with CRLF; a field is quoted when it holds a comma, a semicolon, a double quote or a
//! line break, with double quotes doubled. Rows are in reading order, orphans last.

use super::{Placed, place_by_offsets};
use crate::annotations::Annotation;
use crate::document::Document;
use crate::text_index::TextIndex;

/// The header row's fields.
pub const HEADER: [&str; 9] = [
    "id", "author", "status", "tags", "color", "start", "end", "quote", "note",
];

/// The CSV of the live annotations, placed at their recorded offsets.
pub fn to_csv(doc: &Document, annotations: &[Annotation]) -> String {
    to_csv_placed(doc, &place_by_offsets(doc, annotations))
}

/// The CSV of annotations already placed (e.g. by anchoring); tombstones are skipped.
pub fn to_csv_placed(doc: &Document, placed: &[Placed<'_>]) -> String {
    let index = TextIndex::new(&doc.text);
    let mut out = String::new();
    write_row(&mut out, HEADER.iter().copied());
    for p in placed.iter().filter(|p| !p.annotation.deleted) {
        let a = p.annotation;
        let (start, end, quote) = match p.span {
            Some((s, e)) => (
                s.to_string(),
                e.to_string(),
                index.slice(&doc.text, s, e).to_string(),
            ),
            None => (String::new(), String::new(), a.target.exact.clone()),
        };
        let tags = a.tags.join(";");
        write_row(
            &mut out,
            [
                a.id.as_str(),
                a.author.as_str(),
                a.status.as_str(),
                tags.as_str(),
                a.color.as_str(),
                start.as_str(),
                end.as_str(),
                quote.as_str(),
                a.note.as_str(),
            ],
        );
    }
    out
}

/// Appends one row and its CRLF.
fn write_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// Appends one field, quoted when RFC 4180 needs it — and when it holds a `;`, so a spreadsheet
/// set to split on semicolons keeps it whole. A field a spreadsheet could run as a formula gets a
/// leading `'` (see [`looks_like_formula`]), so opening the file never executes what someone
/// wrote in a note.
fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if looks_like_formula(field) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\r', '\n', ';']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Whether a spreadsheet could read the field as a formula: its first character other than
/// white space is `=`, `+`, `-` or `@`, in ASCII or full width (spreadsheets fold `＝` to `=`),
/// or it starts with a tab, CR or LF.
fn looks_like_formula(field: &str) -> bool {
    if field.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    field.trim_start().starts_with([
        '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\u{fe66}', '\u{fe62}',
        '\u{fe63}',
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut out = String::new();
        write_row(&mut out, ["plain", "a,b", "say \"hi\"", "two\nlines", "é"]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",é\r\n");
    }

    #[test]
    fn formulas_are_not_left_for_spreadsheets_to_run() {
        let mut out = String::new();
        write_row(&mut out, ["=HYPERLINK(\"x\")", "-5", "@cmd", "ok"]);
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",'-5,'@cmd,ok\r\n");
    }

    #[test]
    fn formulas_behind_white_space_or_in_full_width_are_guarded_too() {
        for field in [" =1+1", "\n=1+1", "＝1+1", "  @SUM(A1)", "﹦1"] {
            assert!(looks_like_formula(field), "{field:?}");
        }
        for field in ["a=1", "1-2", "plain", ""] {
            assert!(!looks_like_formula(field), "{field:?}");
        }
        let mut out = String::new();
        write_row(&mut out, ["a;=1+1"]);
        assert_eq!(out, "\"a;=1+1\"\r\n");
    }
}
