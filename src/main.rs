//! The `marginalia` binary: parses the command line, runs a subcommand or starts the app.

use std::process::ExitCode;

use clap::Parser;
use marginalia::cli::Cli;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => {
            // Buffered: the standard output is line-buffered, so pretty JSON went out one system
            // call per line (`analyze --json` on 2 MB: 0.76 s through a pipe, 0.36 s buffered).
            // `batch` still flushes after each window of files, so its output streams.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            marginalia::cli::run(command, &mut out)
                .and_then(|()| std::io::Write::flush(&mut out).map_err(Into::into))
        }
        None => {
            use marginalia::ui::first_run::{SampleSource, sample_copy, welcome};
            let (file, welcome) = match cli.file.clone() {
                Some(file) => (Some(file), None),
                None => {
                    // No file named: the sample, as the user's own copy in their data folder.
                    let source = sample_copy(eframe::storage_dir("marginalia").as_deref());
                    let open_keys =
                        marginalia::ui::ui_command::UiCommand::Open.shortcut_text_plain();
                    let greeting = welcome(&source, &open_keys);
                    match source {
                        SampleSource::File { path, .. } => (Some(path), greeting),
                        SampleSource::Memory(_) => (None, greeting),
                    }
                }
            };
            marginalia::ui::run(marginalia::ui::StartOptions {
                sample_fallback: file.is_none(),
                welcome,
                file,
                smoke: cli.smoke,
                started,
                ..Default::default()
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `marginalia analyze FILE | head`: the reader stopped listening; nothing went wrong.
        Err(e)
            if e.chain().any(|c| {
                let kind = c
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    .or_else(|| {
                        c.downcast_ref::<serde_json::Error>()
                            .and_then(serde_json::Error::io_error_kind)
                    });
                kind == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marginalia: {e:#}");
            ExitCode::FAILURE
        }
    }
}
