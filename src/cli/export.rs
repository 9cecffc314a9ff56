//! `marginalia export FILE --format … [-o OUT]`.

use std::io::Write;
use std::path::Path;

use super::ExportFormat;

/// Exports FILE's annotations.
pub fn run(
    file: &Path,
    _format: ExportFormat,
    _output: Option<&Path>,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!(
        "{}: exporting is not available in this build",
        file.display()
    )
}
