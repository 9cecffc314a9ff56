//! The `marginalia` binary: parses the command line, runs a subcommand or starts the app.

use std::process::ExitCode;

use clap::Parser;
use marginalia::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            marginalia::cli::run(command, &mut lock)
        }
        None => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marginalia: {e:#}");
            ExitCode::FAILURE
        }
    }
}
