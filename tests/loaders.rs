//! Loading real files of every format, and every way a file can be wrong.

use std::io::Write;
use std::path::{Path, PathBuf};

use marginalia::document::{
    Document, InlineStyle, LoadErrorKind, MAX_FILE_BYTES, ParagraphKind, load,
};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn slice(doc: &Document, start: usize, end: usize) -> String {
    doc.text.chars().skip(start).take(end - start).collect()
}

fn paragraph_texts(doc: &Document) -> Vec<String> {
    doc.paragraphs
        .iter()
        .map(|p| slice(doc, p.start, p.end))
        .collect()
}

/// Texts covered by a style, for the styles matching `want`.
fn styled(doc: &Document, want: impl Fn(&InlineStyle) -> bool) -> Vec<String> {
    doc.styles
        .iter()
        .filter(|s| want(&s.style))
        .map(|s| slice(doc, s.start, s.end))
        .collect()
}

/// The layout every loader promises: paragraphs in order, inside the text, trimmed, one blank
/// line between them, nothing else in the text; styles inside the text.
fn assert_layout(doc: &Document) {
    let len = doc.char_len();
    let mut rebuilt = String::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        assert!(
            p.start < p.end && p.end <= len,
            "paragraph {i} out of range"
        );
        let t = slice(doc, p.start, p.end);
        assert_eq!(t.trim(), t, "paragraph {i} not trimmed");
        if i > 0 {
            rebuilt.push_str("\n\n");
        }
        rebuilt.push_str(&t);
    }
    assert_eq!(rebuilt, doc.text, "text is not exactly the paragraphs");
    for s in &doc.styles {
        assert!(s.start < s.end && s.end <= len, "style out of range");
    }
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    path
}

#[test]
fn markdown_sample() {
    let doc = load(&sample("harbour-bridge.md")).unwrap();
    assert_layout(&doc);
    assert_eq!(
        doc.title,
        "Kestrel Harbour bridge to close for eight months as repair bill reaches £48.6 million"
    );
    assert_eq!(
        doc.byline.as_deref(),
        Some("By Hannah Corrie | November 12, 2026")
    );
    assert_eq!(doc.date.as_deref(), Some("November 12, 2026"));
    assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Heading(1));
    assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Byline);
    let texts = paragraph_texts(&doc);
    assert!(texts.contains(&"Traders fear a long winter".to_string()));
    let heading = texts
        .iter()
        .position(|t| t == "Traders fear a long winter")
        .unwrap();
    assert_eq!(doc.paragraphs[heading].kind, ParagraphKind::Heading(2));
    // Markup is gone, soft line breaks are spaces, quotes are kept as written.
    assert!(!doc.text.contains(['*', '#', '[', ']']));
    assert!(doc.text.contains(
        "“We did not take this decision lightly,” said Councillor Maeve Lindqvist, the council's leader."
    ));
    assert!(
        doc.text
            .contains("between the town of Brenmouth and the Tarrow peninsula")
    );
    // A quote running on into the next paragraph stays two paragraphs.
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("the list of things we can save gets shorter."))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("“If we had done this work"))
    );
    // Styles.
    assert_eq!(
        styled(&doc, |s| *s == InlineStyle::Emphasis),
        [
            "By Hannah Corrie | November 12, 2026",
            "roughly three-quarters",
            "Grey Heron"
        ]
    );
    assert_eq!(
        styled(&doc, |s| *s == InlineStyle::Strong),
        ["March 3, 2027"]
    );
    let link = doc
        .styles
        .iter()
        .find(|s| matches!(s.style, InlineStyle::Link(_)))
        .unwrap();
    assert_eq!(slice(&doc, link.start, link.end), "bridge project page");
    assert_eq!(
        link.style,
        InlineStyle::Link("https://www.tarrow.example/kestrel-bridge".to_string())
    );
    assert!(doc.warnings.is_empty());
}

#[test]
fn html_sample_keeps_only_the_article() {
    let doc = load(&sample("river-cleanup.html")).unwrap();
    assert_layout(&doc);
    assert_eq!(
        doc.title,
        "Volunteers pull 12 tonnes of waste from the River Wendle"
    );
    assert_eq!(
        doc.byline.as_deref(),
        Some("By Daniel Okoro, Environment Reporter")
    );
    assert_eq!(doc.date.as_deref(), Some("October 19, 2026"));
    let texts = paragraph_texts(&doc);
    assert_eq!(texts[0], doc.title);
    assert_eq!(
        texts[1],
        "By Daniel Okoro, Environment Reporter | October 19, 2026"
    );
    assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Byline);
    assert!(texts[2].starts_with("More than 1,100 volunteers spent the weekend wading"));
    // Menus, scripts, styles, ads, share boxes, captions, asides and footers are gone.
    for absent in [
        "Home",
        "Sport",
        "What’s On",
        "courierAnalytics",
        "Courier page ready",
        "font-family",
        "cookies",
        "Share this story",
        "Advertisement",
        "Photo: Courier staff",
        "Sign up",
        "Related stories",
        "weir repairs delayed",
        "All rights reserved",
        "Privacy policy",
        "Site header",
    ] {
        assert!(
            !doc.text.contains(absent),
            "{absent:?} should not be in the text"
        );
    }
    // Paragraphs, headings and the block quote are there, entities decoded.
    assert!(
        doc.text.contains(
            "“We expected a lot,” said Tomás Ferreira, the trust’s volunteer coordinator."
        )
    );
    assert!(
        doc.text
            .contains("pledged £230,000 over the next three years")
    );
    let kind_of = |text: &str| {
        let i = texts.iter().position(|t| t.starts_with(text)).unwrap();
        doc.paragraphs[i].kind
    };
    assert_eq!(kind_of("A river under strain"), ParagraphKind::Heading(2));
    assert_eq!(
        kind_of("“The people of this town"),
        ParagraphKind::BlockQuote
    );
    assert_eq!(kind_of("The trust plans to hold"), ParagraphKind::Body);
    assert!(texts.last().unwrap().ends_with("by the end of November."));
    // Inline styles.
    assert_eq!(styled(&doc, |s| *s == InlineStyle::Strong), ["12.4 tonnes"]);
    assert_eq!(
        styled(&doc, |s| *s == InlineStyle::Emphasis),
        ["more than half"]
    );
    let links = styled(&doc, |s| matches!(s, InlineStyle::Link(_)));
    assert_eq!(links, ["Daniel Okoro", "Wendle Rivers Trust"]);
}

#[test]
fn text_sample_is_the_file_itself() {
    let path = sample("haiti-kenya.txt");
    let doc = load(&path).unwrap();
    assert_eq!(doc.text, std::fs::read_to_string(&path).unwrap());
    assert_eq!(doc.path.as_deref(), Some(path.as_path()));
    assert!(doc.paragraphs.len() > 3);
    assert!(!doc.title.is_empty());
}

#[test]
fn byte_order_mark_is_removed_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let txt = load(&write_file(
        dir.path(),
        "a.txt",
        b"\xEF\xBB\xBFHello there.",
    ))
    .unwrap();
    assert_eq!(txt.text, "Hello there.");
    let md = load(&write_file(
        dir.path(),
        "a.md",
        b"\xEF\xBB\xBF# Title\n\nBody.",
    ))
    .unwrap();
    assert_eq!(md.title, "Title");
    assert_eq!(md.text, "Title\n\nBody.");
    let html = load(&write_file(
        dir.path(),
        "a.html",
        b"\xEF\xBB\xBF<article><h1>Title</h1><p>Body.</p></article>",
    ))
    .unwrap();
    assert_eq!(html.text, "Title\n\nBody.");
}

#[test]
fn crlf_and_lone_cr_become_lf() {
    let dir = tempfile::tempdir().unwrap();
    let txt = load(&write_file(
        dir.path(),
        "a.txt",
        b"Title\r\n\r\nOne\r\ntwo.\r\rThree.\r",
    ))
    .unwrap();
    assert_eq!(txt.text, "Title\n\nOne\ntwo.\n\nThree.\n");
    assert_eq!(paragraph_texts(&txt), ["Title", "One\ntwo.", "Three."]);
    let md = load(&write_file(
        dir.path(),
        "a.md",
        b"# Title\r\n\r\nOne\r\ntwo.\r\rThree.",
    ))
    .unwrap();
    assert_eq!(md.text, "Title\n\nOne two.\n\nThree.");
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        dir.path(),
        "legacy.txt",
        b"The caf\xe9 owner said \x93we will stay\x94 \x96 and meant it.",
    );
    let doc = load(&path).unwrap();
    assert_eq!(
        doc.text,
        "The café owner said “we will stay” – and meant it."
    );
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0].contains("Windows-1252"));

    let html = load(&write_file(
        dir.path(),
        "legacy.html",
        b"<article><h1>Caf\xe9s</h1><p>\x93Yes,\x94 she said.</p></article>",
    ))
    .unwrap();
    assert_eq!(html.text, "Cafés\n\n“Yes,” she said.");
    assert!(html.warnings[0].contains("Windows-1252"));
}

#[test]
fn binary_files_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let png = write_file(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    );
    let err = load(&png).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::Binary));
    let msg = err.to_string();
    assert!(msg.contains("photo.txt") && msg.contains("binary"), "{msg}");

    let nul = write_file(dir.path(), "nul.md", b"# Title\n\nText with a \0 in it.");
    assert!(matches!(
        load(&nul).unwrap_err().kind,
        LoadErrorKind::Binary
    ));
}

#[test]
fn empty_files_load_as_empty_documents() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["empty.txt", "empty.md", "empty.html"] {
        let doc = load(&write_file(dir.path(), name, b"")).unwrap();
        assert_eq!(doc.text, "", "{name}");
        assert!(doc.paragraphs.is_empty(), "{name}");
        assert_eq!(doc.title, "", "{name}");
        assert_eq!(doc.word_count(), 0);
    }
}

#[test]
fn missing_file_and_directory_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.md");
    let err = load(&missing).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::NotFound));
    assert!(err.to_string().contains("nowhere.md"));
    assert!(err.to_string().contains("no such file"));

    let err = load(dir.path()).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::IsDirectory));
    assert!(err.to_string().contains(&dir.path().display().to_string()));
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // Sparse: takes no disk space, and reading it would take a long time.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let err = load(&path).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::TooLarge(n) if n == MAX_FILE_BYTES + 1));
    let msg = err.to_string();
    assert!(
        msg.contains("huge.txt") && msg.contains("too large"),
        "{msg}"
    );
}

#[test]
fn a_50_mb_text_file_loads_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    // Each paragraph: 100 chars, 103 bytes (one “ and one ” are three bytes each).
    let para = format!("“{}”", "x".repeat(98));
    assert_eq!(para.chars().count(), 100);
    let count = 50_000_000 / (para.len() + 2);
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..count {
        if i > 0 {
            file.write_all(b"\n\n").unwrap();
        }
        file.write_all(para.as_bytes()).unwrap();
    }
    file.flush().unwrap();
    drop(file);
    assert!(std::fs::metadata(&path).unwrap().len() > 45_000_000);

    let doc = load(&path).unwrap();
    assert_eq!(doc.char_len(), count * 100 + (count - 1) * 2);
    assert_eq!(doc.paragraphs.len(), count);
    let last = doc.paragraphs[count - 1];
    assert_eq!(last.end, doc.char_len());
    assert_eq!(last.end - last.start, 100);
    assert!(doc.warnings.is_empty());
}
