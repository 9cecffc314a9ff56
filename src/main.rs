//! The `marginalia` binary: parses the command line, runs a subcommand or starts the app.

use std::process::ExitCode;

use clap::Parser;
use marginalia::cli::Cli;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            marginalia::cli::run(command, &mut lock)
        }
        None => {
            let file = cli.file.clone().or_else(marginalia::ui::app::sample_path);
            marginalia::ui::run(marginalia::ui::StartOptions {
                sample_fallback: file.is_none(),
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
