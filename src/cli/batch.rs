//! `marginalia analyze PATH... --jsonl [--jobs N]`: the analysis of many articles, one JSON
//! object a line, in a stable order, on every core.
//!
//! Files are analysed a window at a time: the window's articles run in parallel, their lines are
//! written in input order, then the window is dropped. Memory therefore depends on the window
//! (a few articles per core), never on how many files there are. A file that cannot be read is
//! named on standard error and skipped; the run goes on and fails at the end with the count.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::analyze::{Output, write_summary};
use crate::analysis;
use crate::corpus::paths::{self, Expanded};

/// Articles held at once per worker thread: enough to keep every core busy between writes.
const WINDOW_PER_THREAD: usize = 4;

/// How the batch writes each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One compact JSON object a line (`--jsonl`, or `--json` with several files).
    JsonLines,
    /// The readable summary, one after the other.
    Summary,
}

/// What a batch run did, for its last words and its exit code.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Articles analysed and written.
    pub done: usize,
    /// Files that could not be read or analysed (each named on standard error).
    pub failed: usize,
}

/// Analyses every article `inputs` name (files, folders, globs) with `jobs` threads (all cores
/// when `None`), writing to `out` and naming failures on `err`.
pub fn run(
    inputs: &[PathBuf],
    format: Format,
    explain: bool,
    jobs: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Tally> {
    let Start {
        files,
        mut tally,
        pool,
        progress,
    } = start(inputs, jobs, err)?;
    let window = pool.current_num_threads().max(1) * WINDOW_PER_THREAD;
    for chunk in files.chunks(window) {
        let results: Vec<Result<String, String>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|f| render(f, format, explain))
                .collect()
        });
        for (file, result) in chunk.iter().zip(results) {
            match result {
                Ok(text) => {
                    out.write_all(text.as_bytes())?;
                    tally.done += 1;
                }
                Err(message) => {
                    progress.suspend(|| writeln!(err, "marginalia: {message}"))?;
                    tally.failed += 1;
                }
            }
            progress.inc(file_len(file));
        }
        out.flush()?;
    }
    progress.finish_and_clear();
    Ok(tally)
}

/// What every batch command starts from: the files its paths name, the paths that named nothing
/// (already reported on `err` and counted as failed), its thread pool and its progress bar.
pub(super) struct Start {
    pub(super) files: Vec<PathBuf>,
    pub(super) tally: Tally,
    pub(super) pool: rayon::ThreadPool,
    pub(super) progress: ProgressBar,
}

/// Expands `inputs`, reports the ones that name nothing, and makes the pool and the bar.
pub(super) fn start(
    inputs: &[PathBuf],
    jobs: Option<usize>,
    err: &mut dyn Write,
) -> anyhow::Result<Start> {
    let Expanded { files, problems } = paths::expand(inputs);
    let mut tally = Tally::default();
    for problem in &problems {
        writeln!(err, "marginalia: {problem}")?;
        tally.failed += 1;
    }
    let pool = thread_pool(jobs)?;
    let progress = progress_bar(&files);
    Ok(Start {
        files,
        tally,
        pool,
        progress,
    })
}

/// A pool of `jobs` threads, or one per core.
fn thread_pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        builder = builder.num_threads(n.max(1));
    }
    Ok(builder.build()?)
}

/// A bar over the bytes to read, drawn on standard error only when it is a terminal (indicatif
/// hides it on a pipe or a file), with articles done, MB/s and the time left.
fn progress_bar(files: &[PathBuf]) -> ProgressBar {
    let total: u64 = files.iter().map(|f| file_len(f)).sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{bar:30} {binary_bytes}/{binary_total_bytes}  {binary_bytes_per_sec}  {eta} left  {msg}",
    );
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar.set_message(format!("{} articles", files.len()));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The file's size in bytes, 0 if it cannot be read (its error comes when it is loaded).
pub(super) fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// The analysis of one file as the text to write, or the line that says why it failed.
fn render(file: &Path, format: Format, explain: bool) -> Result<String, String> {
    let doc = crate::document::load(file).map_err(|e| e.to_string())?;
    let mut analysis = analysis::analyze(&doc);
    if !explain {
        analysis.drop_reasons();
    }
    let name = file.display().to_string();
    match format {
        Format::JsonLines => {
            let output = Output {
                file: name,
                chars: doc.char_len(),
                analysis: &analysis,
            };
            let mut line =
                serde_json::to_string(&output).map_err(|e| format!("{}: {e}", file.display()))?;
            line.push('\n');
            Ok(line)
        }
        Format::Summary => {
            let mut text = Vec::new();
            write_summary(&name, &analysis, &mut text)
                .and_then(|()| writeln!(text))
                .map_err(|e| format!("{}: {e}", file.display()))?;
            Ok(String::from_utf8_lossy(&text).into_owned())
        }
    }
}
