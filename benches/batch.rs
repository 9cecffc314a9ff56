//! Batch analysis over an archive: writes 10,000 articles (≈ 50 MB, each two of the gold articles
//! and samples run together under a numbered headline) to a temporary folder, runs
//! `analyze --jsonl` over the folder on one thread and on every core, and prints articles/s,
//! MB/s and the peak memory of the process. `cargo bench --bench batch -- 2000` uses 2,000.

use std::path::{Path, PathBuf};
use std::time::Instant;

use marginalia::cli::batch::{self, Format};

fn sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/gold", "samples"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok()),
        );
    }
    out
}

/// The process's peak resident memory in MB (Linux), if it can be read.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let sources = sources();
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary folder");
        std::process::exit(1);
    };
    let mut bytes = 0usize;
    for i in 0..count {
        let first = &sources[i % sources.len()];
        let second = &sources[(i * 7 + 3) % sources.len()];
        let text = format!("Report {i}: {first}\n{second}");
        let sub = dir.path().join(format!("{:03}", i / 100));
        if std::fs::create_dir_all(&sub).is_err()
            || std::fs::write(sub.join(format!("{i:05}.txt")), &text).is_err()
        {
            eprintln!("cannot write the articles");
            std::process::exit(1);
        }
        bytes += text.len();
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{count} articles, {mb:.1} MB; peak memory before analysis {:.0} MB",
        peak_mb().unwrap_or(0.0)
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for jobs in [1, cores] {
        let start = Instant::now();
        let inputs = [dir.path().to_path_buf()];
        let result = batch::run(
            &inputs,
            Format::JsonLines,
            false,
            Some(jobs),
            &mut std::io::sink(),
            &mut std::io::sink(),
        );
        let secs = start.elapsed().as_secs_f64();
        match result {
            Ok(tally) => println!(
                "{jobs} thread(s): {:.0} articles/s, {:.1} MB/s ({} done, {} failed, {secs:.1} s); peak memory {:.0} MB",
                tally.done as f64 / secs,
                mb / secs,
                tally.done,
                tally.failed,
                peak_mb().unwrap_or(0.0)
            ),
            Err(e) => eprintln!("{jobs} thread(s): {e}"),
        }
    }
}
