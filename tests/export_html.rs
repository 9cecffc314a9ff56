//! The HTML export: a self-contained page with every piece of text escaped, highlights nested
//! properly, and (when Chromium is installed) rendered by a real browser.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_fixture;

use std::path::Path;
use std::process::Command;

use export_fixture::*;
use marginalia::annotations::export::html::to_html;
use scraper::{ElementRef, Html, Selector};

fn page() -> String {
    let doc = doc();
    to_html(&doc, &analysis(&doc), &annotations(&doc))
}

#[test]
fn page_is_self_contained_and_escaped() {
    let html = page();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in [
        "<script", "http://", "https://", "url(", "@import", "<link", "<img",
    ] {
        assert!(!html.contains(forbidden), "page contains {forbidden}");
    }
    assert!(!html.contains(TOMBSTONE_NOTE));
    assert!(html.contains("Check &lt;b&gt;this&lt;/b&gt; &amp; that"));
    assert!(html.contains("Lee &lt;desk&gt;"));
    assert!(!html.contains("<b>this"));
    assert!(
        html.contains("UNHCR put the figure at 700,000 in October, &quot;which is right?&quot;")
    );
    assert!(html.contains("Prénom : Garry — vérifié ✓<br>See the *official* list [1]."));
    assert_eq!(
        html.matches("<span").count(),
        html.matches("</span>").count()
    );
}

/// Text of an element without the note marks (`sup.mark`) put in after annotated spans.
fn text_without_marks(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let in_mark = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name() == "sup" && e.classes().any(|c| c == "mark"))
        });
        if !in_mark {
            out.push_str(text);
        }
    }
    out
}

#[test]
fn article_text_survives_the_highlighting_intact() {
    let doc = doc();
    let parsed = Html::parse_document(&page());
    let blocks = Selector::parse("article .row > :not(aside)").unwrap();
    let texts: Vec<String> = parsed.select(&blocks).map(text_without_marks).collect();
    let expected: Vec<String> = doc
        .paragraphs
        .iter()
        .map(|p| slice(&doc, (p.start, p.end)))
        .collect();
    assert_eq!(texts, expected);
}

#[test]
fn highlights_and_notes_are_where_they_belong() {
    let parsed = Html::parse_document(&page());
    let sel = |s: &str| Selector::parse(s).unwrap();
    let texts = |s: &str| -> Vec<String> {
        parsed
            .select(&sel(s))
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert!(texts(".hl-figure").contains(&"nearly 400".to_string()));
    assert!(texts(".hl-person").iter().any(|t| t == "William Ruto"));
    assert!(
        texts(".hl-quote")
            .iter()
            .any(|t| t.starts_with("“Our officers"))
    );
    // The annotation crossing the end of a quote is cut in two runs, each inside its parent.
    let runs: Vec<String> = parsed
        .select(&sel(".hl-note"))
        .filter(|e| {
            e.value()
                .attr("title")
                .is_some_and(|t| t.starts_with("Note 2 "))
        })
        .map(text_without_marks)
        .collect();
    assert_eq!(runs.concat(), "lies ahead,” Ruto said");
    assert!(runs.len() >= 2, "{runs:?}");

    // Five live notes in cards, numbered in reading order; the orphan in its own section.
    assert_eq!(parsed.select(&sel(".card")).count(), 5);
    assert_eq!(parsed.select(&sel("sup.mark")).count(), 4);
    let orphans = texts(".orphans .card");
    assert_eq!(orphans.len(), 1);
    assert!(orphans[0].contains("the bridge over the river"));
    let disputed = parsed.select(&sel("#note-4")).next().unwrap();
    let card: String = disputed.text().collect();
    assert!(
        card.contains("Amina Odhiambo") && card.contains("disputed") && card.contains("fact-check")
    );
    assert!(card.contains("Tomás Reyes") && card.contains("IOM says 703,000."));
    assert_eq!(
        disputed.value().attr("style"),
        Some("--note: 242, 177, 56"),
        "the note's own colour"
    );
}

/// Runs headless Chromium on `args`; `None` when it is not installed.
fn chromium(args: &[&str]) -> Option<std::process::Output> {
    const CHROMIUM: &str = "/usr/bin/chromium";
    if !Path::new(CHROMIUM).exists() {
        eprintln!(
            "SKIPPED: {CHROMIUM} is not installed (apt-get install chromium); the HTML export was not rendered"
        );
        return None;
    }
    let profile = tempfile::tempdir().unwrap();
    let profile_arg = format!("--user-data-dir={}", profile.path().display());
    let output = Command::new("timeout")
        .arg("180")
        .arg(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &profile_arg,
        ])
        .args(args)
        .output()
        .unwrap();
    Some(output)
}

#[test]
fn chromium_renders_the_article_and_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("haiti-kenya.html");
    std::fs::write(&file, page()).unwrap();
    let url = format!("file://{}", file.display());

    let Some(dump) = chromium(&["--dump-dom", &url]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&dump.stderr);
    assert!(dump.status.success(), "chromium failed: {stderr}");
    assert!(!stderr.contains("Uncaught"), "{stderr}");
    let dom = String::from_utf8(dump.stdout).unwrap();
    // The DOM as the browser built it: the article text, the highlights and the notes.
    assert!(dom.contains("class=\"card\" id=\"note-4\""));
    assert!(dom.contains("UNHCR put the figure at 700,000 in October"));
    assert!(dom.contains("IOM says 703,000."));
    assert!(dom.contains("Check &lt;b&gt;this&lt;/b&gt; &amp; that"));
    let parsed = Html::parse_document(&dom);
    let blocks = Selector::parse("article .row > :not(aside)").unwrap();
    let rendered: Vec<String> = parsed.select(&blocks).map(text_without_marks).collect();
    assert_eq!(rendered.len(), doc().paragraphs.len());
    assert!(
        rendered[0].contains("has announced significant progress in Haiti’s security situation")
    );

    let shot = dir.path().join("page.png");
    let shot_arg = format!("--screenshot={}", shot.display());
    let Some(out) = chromium(&[&shot_arg, "--window-size=1400,1800", &url]) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "screenshot is {} bytes",
        png.len()
    );
    if let Ok(keep) = std::env::var("MARGINALIA_KEEP_SCREENSHOT") {
        std::fs::copy(&shot, &keep).unwrap();
        std::fs::copy(&file, format!("{keep}.html")).unwrap();
    }
}

/// The page looks like the app: each kind's CSS colour is the app's colour for it, and groups
/// (nationalities and the like), which the app does not mark, are not marked on the page either.
#[test]
fn the_page_uses_the_apps_colours_and_kinds() {
    use marginalia::ui::highlights::HighlightKind;
    use marginalia::ui::theme::kind_color;
    let html = page();
    let hex = |k| {
        let c = kind_color(k, false);
        format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
    };
    for (class, kind) in [
        (".hl-person {", HighlightKind::Person),
        (".hl-org {", HighlightKind::Org),
        (".hl-place {", HighlightKind::Place),
    ] {
        let rule = html
            .rsplit(class)
            .next()
            .unwrap()
            .split('}')
            .next()
            .unwrap();
        assert!(
            rule.contains(&hex(kind)),
            "{class} {rule} lacks {}",
            hex(kind)
        );
    }
    let figure = html
        .split(".hl-figure {")
        .nth(1)
        .unwrap()
        .split('}')
        .next()
        .unwrap();
    assert!(figure.contains(&hex(HighlightKind::Figure)), "{figure}");
    let quote = kind_color(HighlightKind::Quote, false);
    let tint = format!("rgba({}, {}, {}", quote.r(), quote.g(), quote.b());
    assert!(html.contains(&tint), "the quote tint is not the app's");
    assert!(!html.contains("hl-group") && !html.contains("Group"));
    let doc = Html::parse_document(&html);
    let marked: Vec<String> = doc
        .select(&Selector::parse("span[class^=hl-]").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert!(
        !marked.iter().any(|t| t == "Kenyan"),
        "a group was marked: {marked:?}"
    );
    assert!(marked.iter().any(|t| t == "Haiti"));
}
