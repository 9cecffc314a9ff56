//! Export to a readable Markdown report: the article's title and byline, its quotes grouped by
//! speaker, the names it mentions, its figures with their values, then every live annotation
//! with the text it is on, its note, tags, status, author and replies; annotations whose text is
//! no longer in the article are listed apart at the end.
//!
//! Text from the article and from notes is escaped so that Markdown shows it as written.

use std::fmt::Write as _;

use super::{Placed, counted, place_by_offsets, readable_time, summary};
use crate::analysis::{Analysis, EntityType, Figure, FigureKind, FigureValue};
use crate::annotations::{Annotation, Status};
use crate::document::Document;
use crate::text_index::TextIndex;

/// The report, with annotations placed at their recorded offsets.
pub fn to_markdown(doc: &Document, analysis: &Analysis, annotations: &[Annotation]) -> String {
    to_markdown_placed(doc, analysis, &place_by_offsets(doc, annotations))
}

/// The report for annotations already placed (e.g. by anchoring); tombstones are skipped.
pub fn to_markdown_placed(doc: &Document, analysis: &Analysis, placed: &[Placed<'_>]) -> String {
    let mut out = String::new();
    let title = if doc.title.trim().is_empty() {
        "Untitled article"
    } else {
        doc.title.trim()
    };
    let _ = writeln!(out, "# {}\n", escape_inline(title));
    if let Some(byline) = doc.byline.as_deref().filter(|b| !b.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", escape_inline(byline.trim()));
    }
    if let Some(date) = doc.date.as_deref().filter(|d| !d.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", escape_inline(date.trim()));
    }
    let live: Vec<&Placed<'_>> = placed.iter().filter(|p| !p.annotation.deleted).collect();
    if let Some(name) = doc.path.as_ref().and_then(|p| p.file_name()) {
        let _ = writeln!(out, "Article: {}  ", code_span(&name.to_string_lossy()));
    }
    let _ = writeln!(
        out,
        "{} · {}\n",
        counted(doc.word_count(), "word", "words"),
        summary(analysis, live.len())
    );
    write_quotes(&mut out, analysis);
    write_names(&mut out, analysis);
    write_figures(&mut out, analysis);
    write_annotations(&mut out, doc, &live);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// "Quotes by speaker": one subsection per speaker in order of first quote, unattributed last.
fn write_quotes(out: &mut String, analysis: &Analysis) {
    out.push_str("## Quotes by speaker\n\n");
    if analysis.quotes.is_empty() {
        out.push_str("No direct quotes.\n\n");
        return;
    }
    let mut speakers: Vec<(Option<&str>, Vec<&crate::analysis::Quote>)> = Vec::new();
    for q in &analysis.quotes {
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        match speakers.iter_mut().find(|(n, _)| *n == name) {
            Some((_, list)) => list.push(q),
            None => speakers.push((name, vec![q])),
        }
    }
    speakers.sort_by_key(|(name, _)| name.is_none());
    for (name, quotes) in speakers {
        let _ = writeln!(
            out,
            "### {}\n",
            name.map_or_else(|| "Unattributed".to_string(), escape_inline)
        );
        for q in quotes {
            let cue = q
                .cue
                .as_deref()
                .map(|c| format!(" ({})", escape_inline(c)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{cue}", escape_inline(&one_line(&q.text)));
        }
        out.push('\n');
    }
}

/// "Names": the entities by type, each with its number of mentions and roles.
fn write_names(out: &mut String, analysis: &Analysis) {
    if analysis.entities.is_empty() {
        return;
    }
    out.push_str("## Names\n\n");
    for (kind, heading) in [
        (EntityType::Person, "People"),
        (EntityType::Org, "Organisations"),
        (EntityType::Place, "Places"),
        (EntityType::Norp, "Groups and nationalities"),
    ] {
        let names: Vec<String> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let roles = if e.roles.is_empty() {
                    String::new()
                } else {
                    format!(", {}", escape_inline(&e.roles.join(", ")))
                };
                let n = e.mentions.len();
                let times = if n == 1 { "mention" } else { "mentions" };
                format!("{} ({n} {times}{roles})", escape_inline(&e.name))
            })
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "- **{heading}:** {}", names.join("; "));
        }
    }
    out.push('\n');
}

/// "Figures": a table of each figure, its kind, value and what it counts.
fn write_figures(out: &mut String, analysis: &Analysis) {
    out.push_str("## Figures\n\n");
    if analysis.figures.is_empty() {
        out.push_str("No figures.\n\n");
        return;
    }
    out.push_str("| Figure | Kind | Value | Counts |\n| --- | --- | --- | --- |\n");
    for f in &analysis.figures {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&f.text),
            crate::analysis::describe::figure_kind(f.kind),
            cell(&figure_value(f)),
            cell(f.counted.as_deref().unwrap_or("")),
        );
    }
    out.push('\n');
}

/// "Annotations" (placed, in reading order) and "Orphaned annotations".
fn write_annotations(out: &mut String, doc: &Document, live: &[&Placed<'_>]) {
    let index = TextIndex::new(&doc.text);
    out.push_str("## Annotations\n\n");
    let (placed, orphans): (Vec<&&Placed<'_>>, Vec<&&Placed<'_>>) =
        live.iter().partition(|p| p.span.is_some());
    if placed.is_empty() {
        out.push_str("No annotations.\n\n");
    }
    for (n, p) in placed.iter().enumerate() {
        let quote = p
            .span
            .map(|(s, e)| index.slice(&doc.text, s, e))
            .unwrap_or_default();
        write_annotation(out, n + 1, p.annotation, quote);
    }
    if !orphans.is_empty() {
        out.push_str("## Orphaned annotations\n\n");
        out.push_str("The text these were written on is no longer in the article.\n\n");
        for (n, p) in orphans.iter().enumerate() {
            write_annotation(
                out,
                placed.len() + n + 1,
                p.annotation,
                &p.annotation.target.exact,
            );
        }
    }
}

/// One annotation: heading, quoted text, note, details, replies.
fn write_annotation(out: &mut String, n: usize, a: &Annotation, quote: &str) {
    let author = if a.author.trim().is_empty() {
        "Anonymous".to_string()
    } else {
        cell(&a.author)
    };
    let _ = write!(out, "### {n}. {author}");
    if a.status != Status::None {
        let _ = write!(out, " — {}", a.status.as_str());
    }
    out.push_str("\n\n");
    for line in quote.lines() {
        let line = escape_inline(line.trim());
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
    if a.note.trim().is_empty() {
        out.push_str("*(highlight, no note)*\n\n");
    } else {
        let _ = writeln!(out, "{}\n", escape_block(a.note.trim()));
    }
    let mut details = Vec::new();
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| code_span(t)).collect();
        details.push(format!("Tags: {}", tags.join(", ")));
    }
    details.push(format!("Created {}", time_text(&a.created)));
    if a.modified != a.created {
        details.push(format!("modified {}", time_text(&a.modified)));
    }
    let _ = writeln!(out, "{}\n", details.join(" · "));
    if !a.replies.is_empty() {
        out.push_str("Replies:\n\n");
        for r in &a.replies {
            let who = if r.author.trim().is_empty() {
                "Anonymous".to_string()
            } else {
                cell(&r.author)
            };
            let note = escape_block(r.note.trim()).replace('\n', "\n  ");
            let _ = writeln!(out, "- **{who}** ({}): {note}", time_text(&r.created));
        }
        out.push('\n');
    }
}

/// A figure's value for people: `≈ 400`, `2024-06`, `—` when unknown.
fn figure_value(f: &Figure) -> String {
    let value = match &f.value {
        None => return "—".to_string(),
        Some(FigureValue::Date(d)) => d.clone(),
        Some(FigureValue::Number(x)) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
            format!("{}", *x as i64)
        }
        Some(FigureValue::Number(x)) => format!("{x}"),
    };
    let value = match f.kind {
        FigureKind::Percent => format!("{value}%"),
        _ => value,
    };
    if f.approximate {
        format!("≈ {value}")
    } else {
        value
    }
}

/// A time from the sidecar for people: readable when it is a timestamp, else the text as written,
/// escaped (a stranger's file may put anything in a time field).
fn time_text(rfc3339: &str) -> String {
    cell(&readable_time(rfc3339))
}

/// Line breaks and runs of spaces folded into single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes characters Markdown would read as formatting inside a line. A line break (which
/// could end the line's block and start another) becomes a space.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\n' | '\r') {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or a numbered item would become one.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if let Some(digits) = ordered_item_digits(&out) {
        out.insert(digits, '\\');
    }
    out
}

/// The number of leading digits when `s` starts like `12.` or `12)` (an ordered list item).
fn ordered_item_digits(s: &str) -> Option<usize> {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && s[digits..].starts_with(['.', ')'])).then_some(digits)
}

/// Escapes a multi-line note: each line escaped, line breaks (LF, CRLF or a lone CR, as
/// CommonMark reads them) kept as hard breaks.
fn escape_block(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = s.split('\n').map(|l| escape_inline(l.trim_end())).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev_blank = lines[i - 1].is_empty();
            out.push_str(if prev_blank || line.is_empty() {
                "\n"
            } else {
                "\\\n"
            });
        }
        out.push_str(line);
    }
    out
}

/// A table cell: one line, escaped.
fn cell(s: &str) -> String {
    escape_inline(&one_line(s))
}

/// A code span that holds `s` whatever backticks it contains, on one line (a blank line would
/// end the span's paragraph and let what follows be read as Markdown).
fn code_span(s: &str) -> String {
    let s = one_line(s);
    let s = s.as_str();
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape_inline("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape_inline("- item"), "\\- item");
        assert_eq!(escape_inline("12. twelve"), "12\\. twelve");
        assert_eq!(escape_inline("600,000 people"), "600,000 people");
    }

    #[test]
    fn multi_line_notes_keep_their_breaks() {
        assert_eq!(escape_block("one\ntwo\n\nthree"), "one\\\ntwo\n\nthree");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("tag"), "`tag`");
        assert_eq!(code_span("a`b"), "``a`b``");
    }

    #[test]
    fn nothing_a_sidecar_holds_leaves_its_line() {
        assert_eq!(code_span("t\n\n<img>\n\nu"), "`t <img> u`");
        assert_eq!(escape_inline("a\n\n<b>"), "a  \\<b\\>");
        assert_eq!(escape_block("t\r<img>"), "t\\\n\\<img\\>");
        assert_eq!(escape_block("a\r\nb"), "a\\\nb");
        assert_eq!(time_text("<img src=x>"), "\\<img src=x\\>");
    }
}
