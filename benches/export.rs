//! How long the exports take on a long article with many annotations and highlights.
//!
//! Run with `cargo bench --bench export`; prints one line per format.

use std::time::Instant;

use marginalia::analysis::{Analysis, Entity, EntityType, Mention, Quote};
use marginalia::annotations::export::{csv, html, markdown, w3c};
use marginalia::annotations::web_import::from_web_json;
use marginalia::annotations::{Annotation, Status, Target};
use marginalia::document::Document;

fn main() {
    let sample = include_str!("../samples/haiti-kenya.txt");
    let text = format!("{sample}\n").repeat(200);
    let doc = Document::from_text(&text);
    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let len = chars.len();

    let mut analysis = Analysis::default();
    let mut annotations = Vec::new();
    let mut pos = 0;
    let mut n = 0;
    while pos + 40 < len {
        analysis.quotes.push(Quote {
            id: format!("q{n}"),
            start: pos,
            end: pos + 30,
            text: slice(pos, pos + 30),
            speaker: None,
            cue: None,
            why: None,
        });
        analysis.entities.push(Entity {
            id: format!("e{n}"),
            name: "X".into(),
            kind: EntityType::Person,
            mentions: vec![Mention {
                start: pos + 20,
                end: pos + 35,
                text: slice(pos + 20, pos + 35),
            }],
            roles: vec![],
            why: None,
        });
        if n % 4 == 0 {
            annotations.push(Annotation {
                id: format!("00000000-0000-4000-8000-{n:012}"),
                created: "2026-11-28T10:00:00Z".into(),
                modified: "2026-11-28T10:00:00Z".into(),
                author: "A".into(),
                target: Target {
                    start: pos + 10,
                    end: pos + 25,
                    exact: slice(pos + 10, pos + 25),
                    prefix: slice(pos.saturating_sub(22), pos + 10),
                    suffix: slice(pos + 25, pos + 40),
                    ..Target::default()
                },
                note: "a note, with \"quotes\"".into(),
                tags: vec!["t".into()],
                color: "#f2d338".into(),
                status: Status::Open,
                replies: vec![],
                deleted: false,
                extra: Default::default(),
            });
        }
        pos += 97;
        n += 1;
    }
    println!(
        "{} chars, {} quotes, {} mentions, {} annotations",
        len,
        analysis.quotes.len(),
        analysis.entities.len(),
        annotations.len()
    );

    let t = Instant::now();
    let placed = marginalia::annotations::export::place_by_offsets(&doc, &annotations);
    println!("placing   {:>8.1} ms  ({} placed)", ms(t), placed.len());
    let t = Instant::now();
    let _ = marginalia::text_index::TextIndex::new(&doc.text);
    println!("index     {:>8.1} ms", ms(t));
    let t = Instant::now();
    let page = html::to_html(&doc, &analysis, &annotations);
    println!("html      {:>8.1} ms  ({} bytes)", ms(t), page.len());
    let t = Instant::now();
    let md = markdown::to_markdown(&doc, &analysis, &annotations);
    println!("markdown  {:>8.1} ms  ({} bytes)", ms(t), md.len());
    let t = Instant::now();
    let table = csv::to_csv(&doc, &annotations);
    println!("csv       {:>8.1} ms  ({} bytes)", ms(t), table.len());
    let t = Instant::now();
    let json = w3c::to_w3c(&doc, &annotations, "story.txt").to_string();
    println!("w3c       {:>8.1} ms  ({} bytes)", ms(t), json.len());
    let t = Instant::now();
    let back = from_web_json(&json, &doc).map_or(0, |v| v.len());
    println!("w3c read  {:>8.1} ms  ({back} annotations)", ms(t));
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
