//! Analysis throughput: builds 1, 5 and 20 MB of English news text by repeating the gold articles
//! and samples, analyses each three times on one thread and three times on every core, and prints
//! the median MB/s with the spread (target ≥ 10 MB/s on one thread, flat as size grows; a big
//! text's parts run in parallel, so all cores should give about N times that).

use std::path::Path;
use std::time::Instant;

use marginalia::analysis;
use marginalia::document::Document;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts = Vec::new();
    for dir in ["tests/gold", "samples"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt")
                && let Ok(s) = std::fs::read_to_string(&p)
            {
                parts.push(s);
            }
        }
    }
    parts.join("\n")
}

fn build(base: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + base.len());
    while s.len() < bytes {
        s.push_str(base);
        s.push('\n');
    }
    s
}

fn main() {
    let base = corpus();
    if base.is_empty() {
        eprintln!("no articles found under tests/gold or samples");
        std::process::exit(1);
    }
    // Warm up: loads the gazetteers once.
    let _ = analysis::analyze(&Document::from_text(&base));
    println!(
        "analysis throughput ({} KB of distinct articles repeated)",
        base.len() / 1024
    );
    // `cargo bench --bench analysis -- 1` measures only the sizes given (for profilers).
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![1, 5, 20];
    }
    // Each size is analysed three times; the median is reported with the spread, since the
    // machines this runs on are shared and a single run can be far off.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() else {
            eprintln!("no thread pool of {threads}");
            std::process::exit(1);
        };
        println!("{threads} thread(s)");
        pool.install(|| measure(&base, &sizes));
    }
}

/// Prints the median MB/s of each size, analysed three times.
fn measure(base: &str, sizes: &[usize]) {
    const RUNS: usize = 3;
    for &mb in sizes {
        let text = build(base, mb * 1024 * 1024);
        let doc = Document::from_text(&text);
        let mut times = Vec::with_capacity(RUNS);
        let mut last = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            let a = analysis::analyze(&doc);
            times.push(start.elapsed().as_secs_f64());
            last = Some(a);
        }
        times.sort_by(f64::total_cmp);
        let size = text.len() as f64 / (1024.0 * 1024.0);
        let (fastest, median, slowest) = (times[0], times[RUNS / 2], times[RUNS - 1]);
        let a = last.unwrap_or_default();
        println!(
            "{:>5.1} MB: {:>7.3} s  {:>5.1} MB/s median ({:.1}–{:.1})  ({} quotes, {} entities, {} figures)",
            size,
            median,
            size / median,
            size / slowest,
            size / fastest,
            a.quotes.len(),
            a.entities.len(),
            a.figures.len()
        );
    }
}
