//! `marginalia text FILE`: the document text exactly as the app sees it.

use std::io::Write;
use std::path::Path;

/// Prints the document text, byte for byte what all offsets refer to.
pub fn run(file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    out.write_all(doc.text.as_bytes())?;
    Ok(())
}
