//! The reading view on a 20 MB article: time to load and show it, CPU time per frame while
//! scrolling (p50/p95), and peak memory. Runs the real app headless (no GPU; the figures are the
//! app's own CPU work per frame: layout, hit-testing, tessellation).
//!
//! `cargo bench --bench reader` (add `-- --mb 5` for another size).

use std::time::{Duration, Instant};

use egui::{Event, Modifiers, MouseWheelUnit, Pos2, vec2};
use egui_kittest::Harness;
use marginalia::ui::{MarginaliaApp, StartOptions};

fn main() {
    let mb: usize = std::env::args()
        .skip_while(|a| a != "--mb")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/haiti-kenya.txt"
    ))
    .unwrap_or_default();
    let mut text = String::from("A Very Long Article\n");
    let mut n = 0;
    while text.len() < mb * 1_000_000 {
        n += 1;
        for line in sample.lines() {
            text.push_str(&format!("{n}. {line}\n"));
        }
    }
    let dir = std::env::temp_dir().join(format!("marginalia-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("big.txt");
    if std::fs::write(&path, &text).is_err() {
        eprintln!("cannot write {}", path.display());
        return;
    }
    println!(
        "document: {:.1} MB, {} lines",
        text.len() as f64 / 1e6,
        text.lines().count()
    );
    drop(text);

    let t = Instant::now();
    let doc = marginalia::document::load(&path);
    println!(
        "load (read + decode + paragraphs): {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    drop(doc);

    let started = Instant::now();
    let file = Some(path.clone());
    let mut harness: Harness<'static, MarginaliaApp> = Harness::builder()
        .with_size([1200.0, 820.0])
        .build_eframe(move |cc| {
            MarginaliaApp::new(
                cc,
                StartOptions {
                    file,
                    ..Default::default()
                },
            )
        });
    while harness.state().article.doc.is_none() {
        harness.step();
        std::thread::sleep(Duration::from_millis(1));
    }
    harness.step();
    println!(
        "open + first frame laid out: {:.0} ms ({} of {} paragraphs laid out; the text is readable from here)",
        started.elapsed().as_secs_f64() * 1e3,
        harness.state().reader.view.laid_out,
        harness.state().reader.view.paragraph_count()
    );
    while harness.state().is_busy() {
        harness.step();
        std::thread::sleep(Duration::from_millis(1));
    }
    harness.step();
    let a = harness.state().article.analysis.clone().unwrap_or_default();
    println!(
        "analysis done (background) after {:.0} ms: {} quotes, {} entities, {} figures highlighted",
        started.elapsed().as_secs_f64() * 1e3,
        a.quotes.len(),
        a.entities.len(),
        a.figures.len()
    );

    let centre = Pos2::new(600.0, 400.0);
    harness.hover_at(centre);
    let mut frames = Vec::new();
    for k in 0..600 {
        // Mostly wheel scrolling, with a long jump every 100 frames (a scrollbar drag).
        if k % 100 == 50 {
            let count = harness.state().reader.view.paragraph_count();
            let at = (k * 997) % count.max(1);
            let ctx = harness.ctx.clone();
            let doc_len = harness
                .state()
                .article
                .doc
                .as_ref()
                .map_or(0, |d| d.paragraphs.get(at).map_or(0, |p| p.start));
            harness.state_mut().reader.view.scroll_to(
                doc_len..doc_len + 1,
                false,
                ctx.input(|i| i.time),
            );
        } else {
            harness.event(Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, -90.0),
                modifiers: Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
            });
        }
        let t = Instant::now();
        harness.step();
        frames.push(t.elapsed().as_secs_f64() * 1e3);
    }
    frames.sort_by(f64::total_cmp);
    let pct = |p: f64| frames[((frames.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "scrolling, CPU per frame over {} frames: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        frames.len(),
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
    println!(
        "paragraphs laid out after scrolling: {}",
        harness.state().reader.view.laid_out
    );
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM"))
    {
        println!(
            "peak memory (VmHWM): {}",
            line.trim_start_matches("VmHWM:").trim()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
