//! Export to one self-contained HTML page: the article with its automatic highlights (quotes,
//! names by type, figures) and the annotations (marked in their colour, with note cards beside
//! each paragraph on wide screens and under it on narrow ones), for readers without Marginalia.
//!
//! The page has no scripts and loads nothing: the CSS is inline and the fonts are the reader's
//! own. Every piece of text is HTML-escaped and colours are checked before they reach the CSS.
//! Highlights may overlap in any way: each paragraph is cut at every highlight edge and the
//! elements are nested, closing and reopening an element where another one crosses its edge.

use std::fmt::Write as _;

use super::{Placed, place_by_offsets, readable_time, summary};
use crate::analysis::{Analysis, EntityType, FigureValue};
use crate::annotations::{Annotation, Status};
use crate::document::{Document, Paragraph, ParagraphKind};
use crate::text_index::TextIndex;

/// The page, with annotations placed at their recorded offsets.
pub fn to_html(doc: &Document, analysis: &Analysis, annotations: &[Annotation]) -> String {
    to_html_placed(doc, analysis, &place_by_offsets(doc, annotations))
}

/// The page for annotations already placed (e.g. by anchoring); tombstones are skipped.
pub fn to_html_placed(doc: &Document, analysis: &Analysis, placed: &[Placed<'_>]) -> String {
    let index = TextIndex::new(&doc.text);
    let live: Vec<&Placed<'_>> = placed.iter().filter(|p| !p.annotation.deleted).collect();
    // Numbers in reading order, placed ones first (the order `place_by_offsets` gives).
    let (anchored, orphans): (Vec<&Placed<'_>>, Vec<&Placed<'_>>) =
        live.iter().partition(|p| p.span.is_some());
    let paragraphs = paragraphs_of(doc, &index);
    let spans = highlight_spans(analysis, &anchored);
    let title = if doc.title.trim().is_empty() {
        "Untitled article"
    } else {
        doc.title.trim()
    };

    let mut out = String::with_capacity(doc.text.len() * 3 + 8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    let _ = writeln!(
        out,
        "<style>{STYLE}{}</style>\n</head>\n<body>",
        kind_style()
    );
    out.push_str("<header class=\"page-head\">\n");
    let has_headline = paragraphs
        .iter()
        .any(|p| p.kind == ParagraphKind::Heading(1));
    if !has_headline {
        let _ = writeln!(out, "<p class=\"doc-title\">{}</p>", esc(title));
    }
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        esc(&summary(analysis, live.len()))
    );
    out.push_str(LEGEND);
    out.push_str("</header>\n<main>\n<article>\n");

    // Each block's HTML and the cards of the annotations that start in it (or in the gap
    // before the next block).
    let mut blocks: Vec<(String, String)> = Vec::with_capacity(paragraphs.len());
    let mut next_card = 0;
    // Spans sorted by start; `active` holds those that may reach the current paragraph.
    let mut next_span = 0;
    let mut active: Vec<&Span> = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        while let Some(span) = spans.get(next_span).filter(|s| s.start < para.end) {
            active.push(span);
            next_span += 1;
        }
        active.retain(|s| s.end > para.start);
        let last = pi + 1 == paragraphs.len();
        let mut cards = String::new();
        while let Some(p) = anchored.get(next_card) {
            let start = p.span.map_or(0, |s| s.0);
            if start >= para.end && !last {
                break;
            }
            next_card += 1;
            write_card(
                &mut cards,
                next_card,
                p.annotation,
                &doc.text,
                &index,
                p.span,
            );
        }
        let mut block = String::new();
        write_paragraph(&mut block, doc, &index, para, &active);
        blocks.push((block, cards));
    }
    // A row runs from a block with cards to the next one: its cards sit beside all its blocks
    // on wide screens (so they need not push the text apart), after its first block on narrow.
    let mut i = 0;
    while i < blocks.len() {
        let run = 1 + blocks[i + 1..]
            .iter()
            .take_while(|(_, cards)| cards.is_empty())
            .count();
        let _ = writeln!(out, "<div class=\"row\" style=\"--blocks: {run}\">");
        for (k, (block, cards)) in blocks[i..i + run].iter().enumerate() {
            out.push_str(block);
            out.push('\n');
            if k == 0 && !cards.is_empty() {
                let _ = write!(out, "<aside class=\"notes\">\n{cards}</aside>\n");
            }
        }
        out.push_str("</div>\n");
        i += run;
    }
    out.push_str("</article>\n");
    if !orphans.is_empty() {
        out.push_str(
            "<section class=\"orphans\">\n<h2>Notes on text no longer in the article</h2>\n",
        );
        for (i, p) in orphans.iter().enumerate() {
            write_card(
                &mut out,
                anchored.len() + i + 1,
                p.annotation,
                &doc.text,
                &index,
                None,
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n<footer>Exported from Marginalia.</footer>\n</body>\n</html>\n");
    out
}

/// The blocks to show: the document's paragraphs, or the whole text as one when it has none.
fn paragraphs_of(doc: &Document, index: &TextIndex) -> Vec<Paragraph> {
    let len = index.char_len();
    let mut paras: Vec<Paragraph> = doc
        .paragraphs
        .iter()
        .filter(|p| p.start < p.end && p.end <= len)
        .copied()
        .collect();
    if paras.is_empty() && len > 0 {
        paras.push(Paragraph {
            start: 0,
            end: len,
            kind: ParagraphKind::Body,
        });
    }
    paras
}

/// One highlight over a range of the text.
#[derive(Debug, Clone)]
struct Span {
    /// First char.
    start: usize,
    /// One past the last char.
    end: usize,
    /// Which comes outermost when two start together and end together (lower is outer).
    rank: u8,
    /// The opening tag (the closing one is always `</span>`).
    open: String,
    /// For annotations: their number, to put a note mark after their last char.
    mark: Option<usize>,
}

/// Every highlight: quotes, entity mentions, figures and annotations.
fn highlight_spans(analysis: &Analysis, anchored: &[&Placed<'_>]) -> Vec<Span> {
    let mut spans = Vec::new();
    for q in &analysis.quotes {
        let who = q
            .speaker
            .as_ref()
            .map_or_else(|| "speaker unknown".to_string(), |s| s.name.clone());
        spans.push(Span {
            start: q.start,
            end: q.end,
            rank: 0,
            open: format!("<span class=\"hl-quote\" title=\"Quote: {}\">", esc(&who)),
            mark: None,
        });
    }
    for (i, p) in anchored.iter().enumerate() {
        let Some((start, end)) = p.span else { continue };
        let a = p.annotation;
        let (r, g, b) = rgb(&a.color);
        spans.push(Span {
            start,
            end,
            rank: 1,
            open: format!(
                "<span class=\"hl-note\" style=\"--note: {r}, {g}, {b}\" title=\"Note {}{}\">",
                i + 1,
                if a.author.is_empty() {
                    String::new()
                } else {
                    format!(" by {}", esc(&a.author))
                }
            ),
            mark: Some(i + 1),
        });
    }
    for e in &analysis.entities {
        // Groups (nationalities and the like) are not highlighted in the app either.
        let Some((class, kind)) = entity_class(e.kind) else {
            continue;
        };
        for m in &e.mentions {
            spans.push(Span {
                start: m.start,
                end: m.end,
                rank: 2,
                open: format!(
                    "<span class=\"{class}\" title=\"{kind}: {}\">",
                    esc(&e.name)
                ),
                mark: None,
            });
        }
    }
    for f in &analysis.figures {
        let value = match &f.value {
            Some(FigureValue::Number(x)) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
                format!("{}", *x as i64)
            }
            Some(FigureValue::Number(x)) => format!("{x}"),
            Some(FigureValue::Date(d)) => d.clone(),
            None => "no exact value".to_string(),
        };
        let approx = if f.approximate { "about " } else { "" };
        let counted = f
            .counted
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        spans.push(Span {
            start: f.start,
            end: f.end,
            rank: 3,
            open: format!(
                "<span class=\"hl-figure\" title=\"Figure: {}\">",
                esc(&format!("{approx}{value}{counted}"))
            ),
            mark: None,
        });
    }
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| s.start);
    spans
}

/// CSS class and readable kind of an entity type.
fn entity_class(kind: EntityType) -> Option<(&'static str, &'static str)> {
    match kind {
        EntityType::Person => Some(("hl-person", "Person")),
        EntityType::Org => Some(("hl-org", "Organisation")),
        EntityType::Place => Some(("hl-place", "Place")),
        EntityType::Norp => None,
    }
}

/// The highlight rules, in the app's colours and shapes (`crate::palette`): quotes tinted, people
/// underlined solid, organisations dashed, places dotted, figures boxed.
fn kind_style() -> String {
    use crate::palette::{Kind, hex, rgb};
    let [qr, qg, qb] = rgb(Kind::Quote).0;
    let [fr, fg, fb] = rgb(Kind::Figure).0;
    format!(
        ".hl-quote {{ background: rgba({qr}, {qg}, {qb}, .13); border-radius: 3px; box-decoration-break: clone;
  -webkit-box-decoration-break: clone; }}
.hl-person, .hl-org, .hl-place {{ border-bottom: 2px solid; padding-bottom: 1px; }}
.hl-person {{ border-color: {person}; }}
.hl-org {{ border-bottom-style: dashed; border-color: {org}; }}
.hl-place {{ border-bottom-style: dotted; border-color: {place}; }}
.hl-figure {{ background: rgba({fr}, {fg}, {fb}, .12); outline: 1px solid {figure}; outline-offset: 0;
  border-radius: 2px; font-variant-numeric: lining-nums; }}
",
        person = hex(Kind::Person),
        org = hex(Kind::Org),
        place = hex(Kind::Place),
        figure = hex(Kind::Figure),
    )
}

/// Writes one block with its highlights (`spans` must include every span that overlaps it),
/// nested properly however they overlap.
fn write_paragraph(
    out: &mut String,
    doc: &Document,
    index: &TextIndex,
    para: &Paragraph,
    spans: &[&Span],
) {
    let (open_block, close_block) = match para.kind {
        ParagraphKind::Heading(1) => ("<h1>", "</h1>"),
        ParagraphKind::Heading(_) => ("<h2>", "</h2>"),
        ParagraphKind::Byline => ("<p class=\"byline\">", "</p>"),
        ParagraphKind::BlockQuote => ("<blockquote><p>", "</p></blockquote>"),
        ParagraphKind::ListItem => ("<ul><li>", "</li></ul>"),
        ParagraphKind::Body => ("<p>", "</p>"),
    };
    out.push_str(open_block);
    // The spans in this block, clipped to it; `ends_here` says whether the span really ends in
    // this block (its note mark goes there).
    let mut local: Vec<(usize, usize, &Span, bool)> = spans
        .iter()
        .copied()
        .filter(|s| s.start < para.end && s.end > para.start)
        .map(|s| {
            (
                s.start.max(para.start),
                s.end.min(para.end),
                s,
                s.end <= para.end,
            )
        })
        .collect();
    local.sort_by(|a, b| (a.0, b.1, a.2.rank).cmp(&(b.0, a.1, b.2.rank)));
    let mut cuts: Vec<usize> = vec![para.start, para.end];
    for (s, e, _, _) in &local {
        cuts.push(*s);
        cuts.push(*e);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Stack of open spans (indices into `local`).
    let mut stack: Vec<usize> = Vec::new();
    let mut next_open = 0;
    for (ci, &at) in cuts.iter().enumerate() {
        // Close what ends here: pop down to the lowest span ending here, reopen the rest.
        if let Some(lowest) = stack.iter().position(|&i| local[i].1 == at) {
            let popped: Vec<usize> = stack.drain(lowest..).collect();
            for &i in popped.iter().rev() {
                out.push_str("</span>");
                if local[i].1 == at
                    && local[i].3
                    && let Some(n) = local[i].2.mark
                {
                    let _ = write!(
                        out,
                        "<sup class=\"mark\" id=\"mark-{n}\"><a href=\"#note-{n}\">{n}</a></sup>"
                    );
                }
            }
            for i in popped {
                if local[i].1 > at {
                    out.push_str(&local[i].2.open);
                    stack.push(i);
                }
            }
        }
        while let Some(&(s, _, span, _)) = local.get(next_open) {
            if s != at {
                break;
            }
            out.push_str(&span.open);
            stack.push(next_open);
            next_open += 1;
        }
        if let Some(&next) = cuts.get(ci + 1) {
            out.push_str(&esc(index.slice(&doc.text, at, next)));
        }
    }
    out.push_str(close_block);
}

/// Writes one note card.
fn write_card(
    out: &mut String,
    n: usize,
    a: &Annotation,
    text: &str,
    index: &TextIndex,
    span: Option<(usize, usize)>,
) {
    let (r, g, b) = rgb(&a.color);
    let _ = writeln!(
        out,
        "<div class=\"card\" id=\"note-{n}\" style=\"--note: {r}, {g}, {b}\">"
    );
    out.push_str("<p class=\"card-head\">");
    if span.is_some() {
        let _ = write!(out, "<a class=\"num\" href=\"#mark-{n}\">{n}</a>");
    } else {
        let _ = write!(out, "<span class=\"num\">{n}</span>");
    }
    let author = if a.author.trim().is_empty() {
        "Anonymous"
    } else {
        a.author.trim()
    };
    let _ = write!(out, " <span class=\"author\">{}</span>", esc(author));
    if a.status != Status::None {
        let _ = write!(
            out,
            " <span class=\"status status-{0}\">{0}</span>",
            a.status.as_str()
        );
    }
    out.push_str("</p>\n");
    let quote = match span {
        Some((s, e)) => index.slice(text, s, e),
        None => a.target.exact.as_str(),
    };
    let _ = writeln!(out, "<blockquote class=\"on\">{}</blockquote>", esc(quote));
    if a.note.trim().is_empty() {
        out.push_str("<p class=\"note empty\">Highlight</p>\n");
    } else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", multiline(a.note.trim()));
    }
    if !a.tags.is_empty() {
        out.push_str("<p class=\"tags\">");
        for t in &a.tags {
            let _ = write!(out, "<span class=\"tag\">{}</span>", esc(t));
        }
        out.push_str("</p>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"when\">{}</p>",
        esc(&readable_time(&a.modified))
    );
    if !a.replies.is_empty() {
        out.push_str("<ul class=\"replies\">\n");
        for r in &a.replies {
            let who = if r.author.trim().is_empty() {
                "Anonymous"
            } else {
                r.author.trim()
            };
            let _ = writeln!(
                out,
                "<li><span class=\"author\">{}</span> <span class=\"when\">{}</span><br>{}</li>",
                esc(who),
                esc(&readable_time(&r.created)),
                multiline(r.note.trim())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

/// Escaped text with its line breaks as `<br>`.
fn multiline(s: &str) -> String {
    s.lines().map(esc).collect::<Vec<_>>().join("<br>")
}

/// The red, green and blue of a `#rrggbb` colour; the default yellow for anything else.
fn rgb(color: &str) -> (u8, u8, u8) {
    let hex = color
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.is_ascii());
    let channel = |i: usize| hex.and_then(|h| u8::from_str_radix(&h[i..i + 2], 16).ok());
    match (channel(0), channel(2), channel(4)) {
        (Some(r), Some(g), Some(b)) => (r, g, b),
        _ => (0xf2, 0xd3, 0x38),
    }
}

/// HTML-escapes text for element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The key to the highlight colours.
const LEGEND: &str = "<p class=\"legend\">\
<span class=\"hl-quote\">Quote</span> \
<span class=\"hl-person\">Person</span> \
<span class=\"hl-org\">Organisation</span> \
<span class=\"hl-place\">Place</span> \
<span class=\"hl-figure\">Figure</span> \
<span class=\"hl-note\" style=\"--note: 242, 211, 56\">Annotation</span>\
</p>\n";

/// The page's whole style sheet.
const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f4ef; color: #1f1d1a;
  font: 18px/1.65 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "DejaVu Serif", serif; }
.page-head, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1.5rem; }
.page-head { padding-top: 2.5rem; }
.doc-title { font-size: 1.9rem; line-height: 1.25; font-weight: 700; margin: 0 0 .4rem; max-width: 38rem; }
.summary, .legend, .card, footer, .byline { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.summary { color: #6b655c; font-size: .85rem; margin: 0 0 .6rem; }
.legend { font-size: .8rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: 0 0 2rem;
  padding: .6rem .8rem; background: #fff; border: 1px solid #e4dfd4; border-radius: 6px; max-width: 38rem; }
article h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
article h2 { font-size: 1.4rem; }
.byline { color: #6b655c; font-size: .9rem; }
.row { display: grid; grid-template-columns: minmax(0, 38rem); column-gap: 2.5rem; align-items: start; }
.row > p, .row > blockquote, .row > ul { margin: 0 0 1.1rem; }
.row > blockquote { border-left: 3px solid #d8d2c4; padding-left: 1rem; color: #4a463f; }
.row > blockquote p { margin: 0; }
.notes { margin: 0 0 1.2rem; }
@media (min-width: 60rem) {
  .row { grid-template-columns: minmax(0, 38rem) minmax(0, 18rem); }
  .row > :not(.notes) { grid-column: 1; }
  .notes { grid-column: 2; grid-row: 1 / span var(--blocks); margin-top: .2rem; }
}
.hl-note { background: rgba(var(--note), .38); box-shadow: inset 0 -2px rgba(var(--note), .9);
  border-radius: 2px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.mark { font: 700 .7rem/1 "Helvetica Neue", Arial, sans-serif; margin-left: 1px; }
.mark a, .card a.num { text-decoration: none; color: #7a4e00; }
.card { position: relative; background: #fff; border: 1px solid #e4dfd4; border-left: 4px solid rgb(var(--note));
  border-radius: 6px; padding: .6rem .8rem; margin: 0 0 .8rem; font-size: .85rem; line-height: 1.45;
  box-shadow: 0 1px 2px rgba(0, 0, 0, .04); }
.card p { margin: 0 0 .35rem; }
.card-head { display: flex; align-items: baseline; gap: .4rem; flex-wrap: wrap; }
.num { font-weight: 700; }
.author { font-weight: 600; }
.status { font-size: .7rem; text-transform: uppercase; letter-spacing: .04em; padding: 0 .4rem;
  border-radius: 999px; background: #eee; color: #555; }
.status-open { background: #e6effa; color: #2a5c94; }
.status-verified { background: #e3f3e6; color: #256b34; }
.status-disputed { background: #fbe6e3; color: #a3362a; }
.card blockquote.on { margin: 0 0 .4rem; padding-left: .5rem; border-left: 2px solid #e4dfd4; color: #6b655c;
  font-style: italic; overflow-wrap: anywhere; }
.note { white-space: normal; overflow-wrap: anywhere; }
.note.empty { color: #8a847a; font-style: italic; }
.tags { display: flex; flex-wrap: wrap; gap: .3rem; }
.tag { background: #f1ede4; border-radius: 4px; padding: 0 .35rem; font-size: .75rem; }
.card .when { color: #8a847a; font-size: .75rem; }
.replies { list-style: none; margin: .4rem 0 0; padding: .4rem 0 0; border-top: 1px dashed #e4dfd4; }
.replies li { margin: 0 0 .35rem; }
.orphans { max-width: 38rem; margin: 2rem 0; }
.orphans h2 { font: 600 1rem "Helvetica Neue", Arial, sans-serif; color: #6b655c; }
footer { color: #8a847a; font-size: .8rem; padding: 2rem 1.5rem 3rem; }
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, Mention, Quote};

    #[test]
    fn escapes_everything() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn bad_colours_fall_back() {
        assert_eq!(rgb("#102030"), (16, 32, 48));
        assert_eq!(rgb("red; background: url(x)"), (0xf2, 0xd3, 0x38));
        assert_eq!(rgb("#é1234"), (0xf2, 0xd3, 0x38));
    }

    #[test]
    fn crossing_highlights_nest_properly() {
        // quote 0..10, entity 5..15 crosses it.
        let doc = Document::from_text("abcdefghijklmnopqrst.");
        let analysis = Analysis {
            quotes: vec![Quote {
                id: "q1".into(),
                start: 0,
                end: 10,
                text: "abcdefghij".into(),
                speaker: None,
                cue: None,
                why: None,
            }],
            entities: vec![Entity {
                id: "e1".into(),
                name: "Ef".into(),
                kind: EntityType::Person,
                mentions: vec![Mention {
                    start: 5,
                    end: 15,
                    text: "fghijklmno".into(),
                }],
                roles: vec![],
                why: None,
            }],
            figures: vec![],
        };
        let html = to_html(&doc, &analysis, &[]);
        let body = html
            .split("<div class=\"row\" style=\"--blocks: 1\">\n")
            .nth(1)
            .unwrap();
        let body = body.split('\n').next().unwrap();
        assert_eq!(
            body,
            "<p><span class=\"hl-quote\" title=\"Quote: speaker unknown\">abcde\
             <span class=\"hl-person\" title=\"Person: Ef\">fghij</span></span>\
             <span class=\"hl-person\" title=\"Person: Ef\">klmno</span>pqrst.</p>"
        );
    }
}
