//! Saved web pages: the article's own text, without the page around it.
//!
//! A saved news page holds far more than the article: menus, scripts, related-story boxes, share
//! buttons, footers. The reader wants only the article, so this loader finds it (see
//! [`super::html_page`]) and lays it out like the other formats: the headline, the byline line
//! (with the date when the page gives one), then the article's paragraphs, headings, list items
//! and block quotes, one blank line between. Inline emphasis, strong text, code and links are
//! kept as style ranges; entities are decoded and whitespace collapsed as a browser would. Nothing
//! is ever fetched: links and images stay references.

use scraper::{ElementRef, Html};

use super::html_page::{
    find_byline, find_date, find_headline, find_root, is_within, meta_author, meta_title,
};
use super::html_walk::Walker;
use super::{Document, ParagraphKind, title_from};

/// Extracts the article from an HTML page.
pub fn from_str(text: &str) -> Document {
    let text = super::html_depth::limit_depth(text, super::html_depth::MAX_DEPTH);
    let html = Html::parse_document(&text);
    let root = find_root(&html);
    let mut walker = Walker::default();
    let mut skip: Vec<ElementRef<'_>> = Vec::new();

    let headline = find_headline(root);
    let title = write_headline(&mut walker, &html, headline, &mut skip);
    let (byline, date) = write_byline_line(&mut walker, &html, root, headline, &mut skip);
    walker.walk(root, &skip);

    let built = walker.out.finish();
    let mut doc = Document {
        text: built.text,
        paragraphs: built.paragraphs,
        styles: built.styles,
        byline,
        date,
        ..Document::default()
    };
    doc.title = title.unwrap_or_else(|| first_paragraph_title(&doc));
    doc
}

/// The title of a page without a headline: the start of its first paragraph after the byline.
fn first_paragraph_title(doc: &Document) -> String {
    doc.paragraphs
        .iter()
        .find(|p| p.kind != ParagraphKind::Byline)
        .map(|p| {
            let first: String = doc
                .text
                .chars()
                .skip(p.start)
                .take(p.end - p.start)
                .collect();
            title_from(&first)
        })
        .unwrap_or_default()
}

/// Writes the headline block (the article's `<h1>`, else the page's title) and returns its text.
fn write_headline<'a>(
    walker: &mut Walker,
    html: &'a Html,
    headline: Option<ElementRef<'a>>,
    skip: &mut Vec<ElementRef<'a>>,
) -> Option<String> {
    walker.out.open_block(ParagraphKind::Heading(1));
    match headline {
        Some(h1) => {
            walker.walk_inline(h1);
            skip.push(h1);
        }
        None => {
            if let Some(title) = meta_title(html) {
                walker.out.push_text(&title, ParagraphKind::Heading(1));
            }
        }
    }
    walker.out.close_block();
    (walker.out.paragraph_count() == 1).then(|| walker.out.last_paragraph_text().to_string())
}

/// Writes the byline block — the byline, then the date when the page writes it elsewhere — and
/// returns the byline and the date as written.
fn write_byline_line<'a>(
    walker: &mut Walker,
    html: &'a Html,
    root: ElementRef<'a>,
    headline: Option<ElementRef<'a>>,
    skip: &mut Vec<ElementRef<'a>>,
) -> (Option<String>, Option<String>) {
    let byline = find_byline(html, root, headline);
    walker.out.open_block(ParagraphKind::Byline);
    if let Some(el) = byline {
        walker.walk_inline(el);
        skip.push(el);
    } else if let Some(author) = meta_author(html) {
        walker.out.push_text(&author, ParagraphKind::Byline);
    }
    let written = walker.out.current_block_text().trim().to_string();
    let byline_text = (!written.is_empty()).then_some(written);

    let date = write_date(walker, html, root, byline, byline_text.is_some(), skip);
    walker.out.close_block();
    let date = date.or_else(|| {
        byline_text
            .as_deref()
            .and_then(super::dates::find_date)
            .map(str::to_string)
    });
    (byline_text, date)
}

/// Writes the page's date after the byline when the page writes it elsewhere (a date inside the
/// byline is already written), leaving its element out of the body; returns the date as written.
fn write_date<'a>(
    walker: &mut Walker,
    html: &'a Html,
    root: ElementRef<'a>,
    byline: Option<ElementRef<'a>>,
    after_byline: bool,
    skip: &mut Vec<ElementRef<'a>>,
) -> Option<String> {
    let (written_date, found) = find_date(html, root)?;
    let in_byline = match (found.time, byline) {
        (Some(t), Some(b)) => is_within(t, b),
        _ => false,
    };
    if !in_byline && let Some(time) = found.time {
        // Never leave out the whole article because it holds the date.
        match found.container {
            Some(c) if !is_within(root, c) => skip.push(c),
            _ => skip.push(time),
        }
        if after_byline {
            walker.out.push_text(" | ", ParagraphKind::Byline);
        }
        walker.walk_inline(time);
    }
    Some(written_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InlineStyle;

    fn para(d: &Document, i: usize) -> String {
        let p = d.paragraphs[i];
        d.text.chars().skip(p.start).take(p.end - p.start).collect()
    }

    fn styled(d: &Document) -> Vec<(String, InlineStyle)> {
        d.styles
            .iter()
            .map(|s| {
                let t: String = d.text.chars().skip(s.start).take(s.end - s.start).collect();
                (t, s.style.clone())
            })
            .collect()
    }

    #[test]
    fn title_falls_back_to_the_page_title_without_the_site_name() {
        let d = from_str(
            "<html><head><title>Port reopens after storm | The Coast Herald</title></head>\
             <body><article><p>The port reopened on Monday.</p></article></body></html>",
        );
        assert_eq!(d.title, "Port reopens after storm");
        assert_eq!(
            d.text,
            "Port reopens after storm\n\nThe port reopened on Monday."
        );
        assert_eq!(d.paragraphs[0].kind, ParagraphKind::Heading(1));
        assert_eq!(d.byline, None);
    }

    #[test]
    fn og_title_wins_over_the_title_element() {
        let d = from_str(
            "<head><title>X - Site</title><meta property=\"og:title\" content=\"Real headline\"></head><p>Body text.</p>",
        );
        assert_eq!(d.title, "Real headline");
    }

    #[test]
    fn without_article_or_main_the_densest_block_is_the_article() {
        let d = from_str(
            "<body><div class=\"menu\"><p>Home</p></div><div id=\"x\">\
             <p>First paragraph of the story, long enough to count.</p>\
             <p>Second paragraph of the story, also long enough.</p></div>\
             <div><p>Short.</p></div></body>",
        );
        assert_eq!(
            d.text,
            "First paragraph of the story, long enough to count.\n\nSecond paragraph of the story, also long enough."
        );
        assert_eq!(
            d.title,
            "First paragraph of the story, long enough to count."
        );
    }

    #[test]
    fn entities_whitespace_and_inline_styles() {
        let d = from_str(
            "<article><h1>Head &amp; line</h1><p>  Caf&eacute;\n   owners  said <em>no</em>,\
             <strong> loudly </strong>, to <a href=\"/x\">the&nbsp;plan</a> &ldquo;today&rdquo;.</p></article>",
        );
        assert_eq!(d.title, "Head & line");
        assert_eq!(
            para(&d, 1),
            "Café owners said no, loudly , to the\u{a0}plan “today”."
        );
        assert_eq!(
            styled(&d),
            [
                ("no".to_string(), InlineStyle::Emphasis),
                ("loudly".to_string(), InlineStyle::Strong),
                (
                    "the\u{a0}plan".to_string(),
                    InlineStyle::Link("/x".to_string())
                ),
            ]
        );
    }

    #[test]
    fn lists_quotes_preformatted_and_line_breaks() {
        let d = from_str(
            "<article><ul><li>One</li><li><p>Two</p></li></ul>\
             <blockquote><p>Quoted.</p><p>Again.</p></blockquote>\
             <pre>a  b\n  c</pre><p>Line one<br>line two<br><br>New para</p>\
             <p>She said <q>yes</q>.</p></article>",
        );
        let kinds: Vec<_> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::ListItem,
                ParagraphKind::ListItem,
                ParagraphKind::BlockQuote,
                ParagraphKind::BlockQuote,
                ParagraphKind::Body,
                ParagraphKind::Body,
                ParagraphKind::Body,
                ParagraphKind::Body,
            ]
        );
        let texts: Vec<String> = (0..d.paragraphs.len()).map(|i| para(&d, i)).collect();
        assert_eq!(
            texts,
            [
                "One",
                "Two",
                "Quoted.",
                "Again.",
                "a  b\n  c",
                "Line one\nline two",
                "New para",
                "She said “yes”."
            ]
        );
    }

    #[test]
    fn furniture_inside_the_article_is_dropped() {
        let d = from_str(
            "<article><h1>T</h1><div class=\"share-bar\">Share on X</div>\
             <p hidden>Hidden</p><p style=\"display: none\">Gone</p>\
             <div aria-hidden=\"true\">Aria</div><div class=\"ad_box\">Buy</div>\
             <!-- a comment --><p>Kept.</p><div class=\"header\">Also kept.</div>\
             <figure><figcaption>Caption</figcaption></figure></article>",
        );
        assert_eq!(d.text, "T\n\nKept.\n\nAlso kept.");
    }

    #[test]
    fn a_time_in_prose_stays_in_the_text_and_meta_gives_the_date() {
        let d = from_str(
            "<head><meta property=\"article:published_time\" content=\"2025-06-01\"></head>\
             <article><h1>T</h1><p>On <time datetime=\"2025-05-30\">Friday</time> the council met to discuss the plan.</p></article>",
        );
        assert_eq!(d.date.as_deref(), Some("2025-06-01"));
        assert_eq!(
            d.text,
            "T\n\nOn Friday the council met to discuss the plan."
        );
    }

    #[test]
    fn a_by_line_without_markup_is_the_byline() {
        let d = from_str(
            "<article><h1>Headline</h1><p>By Ann Lee, 3 March 2024</p><p>Story text here.</p></article>",
        );
        assert_eq!(d.byline.as_deref(), Some("By Ann Lee, 3 March 2024"));
        assert_eq!(d.date.as_deref(), Some("3 March 2024"));
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Byline);
        assert_eq!(
            d.text,
            "Headline\n\nBy Ann Lee, 3 March 2024\n\nStory text here."
        );
    }

    #[test]
    fn a_date_inside_the_byline_is_not_repeated_and_inline_quotes_get_marks() {
        let d = from_str(
            "<article><h1>Mayor: <q>No</q></h1><div class=\"byline\">By <span itemprop=\"author\">Ann Lee</span> \
             <time datetime=\"2025-06-01\">June 1, 2025</time></div><p>Text.</p></article>",
        );
        assert_eq!(d.title, "Mayor: “No”");
        assert_eq!(d.byline.as_deref(), Some("By Ann Lee June 1, 2025"));
        assert_eq!(d.date.as_deref(), Some("June 1, 2025"));
        assert_eq!(d.text, "Mayor: “No”\n\nBy Ann Lee June 1, 2025\n\nText.");
    }

    #[test]
    fn the_article_itself_is_never_taken_for_its_byline_or_dateline() {
        let d = from_str(
            "<article class=\"story byline-large\"><h1>T</h1><time>May 2, 2025</time>\
             <p>By the river, the council met again.</p></article>",
        );
        assert_eq!(d.byline, None);
        assert_eq!(d.date.as_deref(), Some("May 2, 2025"));
        assert_eq!(
            d.text,
            "T\n\nMay 2, 2025\n\nBy the river, the council met again."
        );
    }

    #[test]
    fn empty_and_broken_pages_do_not_panic() {
        assert_eq!(from_str("").text, "");
        assert_eq!(from_str("<html><body></body></html>").title, "");
        let d = from_str("<p>Unclosed <b>bold <i>both</p> after");
        assert_eq!(d.text, "Unclosed bold both\n\nafter");
        let deep = "<div>".repeat(20_000) + "deep text";
        assert_eq!(from_str(&deep).text, "deep text");
    }
}
