//! The window's frame time while 100,000 short notes are being placed on an article that changed since
//! they were written (a paragraph added on top, one deleted, a typo in every tenth paragraph):
//! the notes are read and placed off the window's thread, so frames keep coming. Prints the
//! median and slowest frame while the notes load, and how long until they are placed.
//! Run with `cargo bench --bench anchoring_frames`; asserts nothing about time.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Lcg, paragraphs};
use egui_kittest::Harness;
use marginalia::annotations::sidecar::{empty_sidecar, to_json};
use marginalia::annotations::{Annotation, ArticleRef};
use marginalia::ui::dialogs::{DialogAnswer, FileDialogs};
use marginalia::ui::{MarginaliaApp, StartOptions};

const NOTES: usize = 100_000;

/// No dialogs in a benchmark.
struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_article(&self) -> DialogAnswer {
        DialogAnswer::Cancelled
    }
    fn pick_import(&self) -> DialogAnswer {
        DialogAnswer::Cancelled
    }
    fn save_as(&self, _suggested: &str) -> DialogAnswer {
        DialogAnswer::Cancelled
    }
}

fn median_ms(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v.get(v.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut rng = Lcg(7);
    let paras = paragraphs(&mut rng, 200_000);
    let text = paras.join("\n");
    let n = text.chars().count();
    let mut sidecar = empty_sidecar(ArticleRef {
        file: "story.txt".into(),
        ..ArticleRef::default()
    });
    for _ in 0..NOTES {
        // Short notes, as in the attack that froze the window (100,000 one-character notes):
        // 100,000 notes of sentence length would pass the 50 MB sidecar limit.
        let len = 1 + rng.next(8);
        let start = rng.next(n - len);
        sidecar
            .annotations
            .push(Annotation::new_on(&text, start, start + len, "Bench"));
    }
    let mut changed = paras.clone();
    changed.remove(changed.len() / 2);
    for (i, p) in changed.iter_mut().enumerate() {
        if i % 10 == 3
            && let Some(pos) = p.find(" the ")
        {
            p.replace_range(pos..pos + 5, " teh ");
        }
    }
    let edited = format!("A paragraph added on top.\n{}", changed.join("\n"));
    let dir = std::env::temp_dir().join(format!("marginalia-frames-{}", std::process::id()));
    let article = dir.join("story.txt");
    let json = to_json(&sidecar);
    println!("sidecar: {:.1} MB", json.len() as f64 / 1e6);
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&article, &edited))
        .and_then(|()| std::fs::write(dir.join("story.txt.annotations.json"), &json));
    if let Err(e) = written {
        eprintln!("cannot write the bench files in {}: {e}", dir.display());
        return;
    }

    let started = Instant::now();
    let mut h = Harness::builder()
        .with_size([1200.0, 820.0])
        .build_eframe(move |cc| {
            MarginaliaApp::new(
                cc,
                StartOptions {
                    file: Some(article),
                    dialogs: Arc::new(NoDialogs),
                    ..Default::default()
                },
            )
        });
    let mut frames = Vec::new();
    while h.state().is_busy() && started.elapsed() < Duration::from_secs(120) {
        let t = Instant::now();
        h.step();
        frames.push(t.elapsed());
        std::thread::sleep(Duration::from_millis(5));
    }
    let placed = started.elapsed();
    let mut after = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        h.step();
        after.push(t.elapsed());
    }
    let slowest_after = after.iter().max().copied().unwrap_or_default();
    if std::env::var_os("FRAMES").is_some() {
        println!(
            "frames while loading (ms): {:?}",
            frames.iter().map(|d| d.as_millis()).collect::<Vec<_>>()
        );
    }
    let counts = h.state().session.counts();
    let slowest = frames.iter().max().copied().unwrap_or_default();
    println!(
        "{NOTES} notes on a {:.0} KB article that changed: {} frames while loading, median {:.1} ms, slowest {:.1} ms; all placed after {:.2} s ({})",
        edited.len() as f64 / 1024.0,
        frames.len(),
        median_ms(frames),
        slowest.as_secs_f64() * 1000.0,
        placed.as_secs_f64(),
        counts.summary()
    );
    println!(
        "then, with every note drawn: median {:.1} ms, slowest {:.1} ms a frame",
        median_ms(after),
        slowest_after.as_secs_f64() * 1000.0
    );
    for b in h.state().banners.list() {
        println!("banner: {}", b.text);
    }
    if std::env::var_os("KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
