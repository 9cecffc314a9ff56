//! `marginalia annotations FILE [--json] [--all]`.

use std::io::Write;
use std::path::Path;

/// Lists FILE's annotations anchored in the current text.
pub fn run(file: &Path, _json: bool, _all: bool, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!(
        "{}: listing annotations is not available in this build",
        file.display()
    )
}
