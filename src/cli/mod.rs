//! The command line: one binary, the desktop app without a subcommand, subcommands for scripts.
//!
//! Each subcommand lives in its own file and writes to a caller-given writer so tests can run it
//! in-process. Errors are returned to `main`, which prints them as one line and exits non-zero.

pub mod analyze;
pub mod annotations;
pub mod batch;
pub mod export;
pub mod import;
pub mod text;
pub mod voices;

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};

pub use crate::annotations::export::ExportFormat;

/// Marginalia: a reader for news articles that marks every quote and its speaker, every name and
/// every figure, and keeps your annotations in a sidecar file beside the article.
#[derive(Debug, Parser)]
#[command(
    name = "marginalia",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without a subcommand the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Article (.txt, .md, .html) or sidecar (*.annotations.json) to open; default: the sample.
    pub file: Option<PathBuf>,
    /// Open the real window, print `first frame after N ms` once it is painted and `text shown
    /// after N ms` once the article's text is, and exit.
    #[arg(long)]
    pub smoke: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the document text exactly as the app sees it (the text all offsets refer to).
    Text {
        /// The article.
        file: PathBuf,
    },
    /// Print the analysis: quotes with speakers, entities, figures. Several files, folders
    /// (searched recursively for .txt, .md and .html) and globs are analysed on every core.
    Analyze {
        /// The articles: files, folders or glob patterns.
        #[arg(value_name = "PATH", required = true, num_args = 1..)]
        paths: Vec<PathBuf>,
        /// Print JSON as `analysis-json.md` specifies, instead of a readable summary (one
        /// object a line when there are several articles).
        #[arg(long)]
        json: bool,
        /// Print one compact JSON object a line per article, with its path, in a stable order.
        #[arg(long)]
        jsonl: bool,
        /// Threads to analyse with (default: one per core).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Say why: each entity's type with the scores and the features that decided it.
        #[arg(long)]
        explain: bool,
        /// Print every entity mention with the name typer's features, one JSON object a line
        /// (what `scripts/fit/fit_entity_types.py` fits the weights on).
        #[arg(long, hide = true)]
        typer_features: bool,
        /// Print every gendered pronoun with the people it may point back to and their
        /// features, one JSON object a line (what `scripts/fit/fit_pronouns.py` fits on).
        #[arg(long, hide = true)]
        pronoun_features: bool,
        /// Print every attributed quotation with the entities that may have said it and their
        /// features, one JSON object a line (what `scripts/fit/fit_speakers.py` fits on).
        #[arg(long, hide = true)]
        speaker_features: bool,
    },
    /// Who is quoted across articles: each speaker with quotes, words quoted, articles,
    /// organisations and dates, and the share of quotes by people, organisations and no one.
    Voices {
        /// The articles: files, folders (searched recursively) or glob patterns.
        #[arg(value_name = "PATH", required = true, num_args = 1..)]
        paths: Vec<PathBuf>,
        /// Print CSV, one row per speaker.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Threads to analyse with (default: one per core).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
    },
    /// Anchor the sidecar's annotations in the current article text and print them (changes no file).
    Annotations {
        /// The article.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Include deleted annotations (tombstones).
        #[arg(long)]
        all: bool,
    },
    /// Merge another sidecar into FILE's sidecar (created if missing).
    Import {
        /// The article whose sidecar receives the annotations.
        file: PathBuf,
        /// The sidecar (or W3C / Hypothesis JSON) to merge in.
        other: PathBuf,
    },
    /// Export FILE's annotations.
    Export {
        /// The article.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_parser = export_format())]
        format: ExportFormat,
        /// Output file; default: standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// `--format`'s parser: the core's format names, listed with their descriptions in `--help`.
fn export_format() -> impl TypedValueParser<Value = ExportFormat> {
    PossibleValuesParser::new(
        ExportFormat::ALL.map(|f| PossibleValue::new(f.name()).help(f.description())),
    )
    .try_map(|name| name.parse::<ExportFormat>())
}

/// A batch's end: an error that says how many articles failed, if any did.
fn failed_any(tally: batch::Tally) -> anyhow::Result<()> {
    if tally.failed > 0 {
        anyhow::bail!(
            "{} of {} articles could not be analysed (named above)",
            tally.failed,
            tally.failed + tally.done
        );
    }
    Ok(())
}

/// The one file a single-file option works on.
fn one_file(paths: &[PathBuf]) -> anyhow::Result<&std::path::Path> {
    match paths {
        [file] => Ok(file),
        _ => anyhow::bail!("this option takes exactly one file"),
    }
}

/// Runs a subcommand, writing its output to `out`.
pub fn run(command: &Command, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    match command {
        Command::Text { file } => text::run(file, out),
        Command::Analyze {
            paths,
            typer_features: true,
            ..
        } => analyze::run_typer_features(one_file(paths)?, out),
        Command::Analyze {
            paths,
            pronoun_features: true,
            ..
        } => analyze::run_pronoun_features(one_file(paths)?, out),
        Command::Analyze {
            paths,
            speaker_features: true,
            ..
        } => analyze::run_speaker_features(one_file(paths)?, out),
        Command::Analyze {
            paths,
            json,
            jsonl,
            jobs,
            explain,
            ..
        } => {
            if let [file] = paths.as_slice()
                && !*jsonl
                && !file.is_dir()
                && (file.exists() || !file.to_string_lossy().contains(['*', '?', '[']))
            {
                return analyze::run(file, *json, *explain, out);
            }
            let format = if *json || *jsonl {
                batch::Format::JsonLines
            } else {
                batch::Format::Summary
            };
            let tally = batch::run(paths, format, *explain, *jobs, out, &mut std::io::stderr())?;
            failed_any(tally)
        }
        Command::Voices {
            paths,
            csv,
            json,
            jobs,
        } => {
            let format = match (*csv, *json) {
                (true, _) => voices::Format::Csv,
                (_, true) => voices::Format::Json,
                _ => voices::Format::Table,
            };
            let tally = voices::run(paths, format, *jobs, out, &mut std::io::stderr())?;
            failed_any(tally)
        }
        Command::Annotations { file, json, all } => annotations::run(file, *json, *all, out),
        Command::Import { file, other } => import::run(file, other, out),
        Command::Export {
            file,
            format,
            output,
        } => export::run(file, *format, output.as_deref(), out),
    }
}
