//! `marginalia import FILE OTHER`.

use std::io::Write;
use std::path::Path;

/// Merges OTHER into FILE's sidecar.
pub fn run(file: &Path, _other: &Path, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!(
        "{}: importing is not available in this build",
        file.display()
    )
}
