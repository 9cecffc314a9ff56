//! Reading a file from disk and handing it to the loader for its format.

use std::io::Read;
use std::path::Path;

use super::{Document, LoadError, LoadErrorKind, html, markdown, txt};

/// Files larger than this are refused (100 MB).
pub const MAX_FILE_BYTES: u64 = 100_000_000;

/// The formats Marginalia reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt` and anything without a known extension).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`, `.xhtml`).
    Html,
}

impl Format {
    /// The format a file name implies; unknown extensions are read as text.
    pub fn from_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Loads the document at `path`, choosing the loader from its extension.
pub fn load(path: &Path) -> Result<Document, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        let kind = if e.kind() == std::io::ErrorKind::NotFound {
            LoadErrorKind::NotFound
        } else {
            LoadErrorKind::Io(e)
        };
        LoadError::new(path, kind)
    })?;
    if meta.is_dir() {
        return Err(LoadError::new(path, LoadErrorKind::IsDirectory));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::new(path, LoadErrorKind::TooLarge(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| LoadError::new(path, LoadErrorKind::Io(e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge(bytes.len() as u64),
        ));
    }
    let mut doc =
        load_bytes(&bytes, Format::from_path(path)).map_err(|kind| LoadError::new(path, kind))?;
    doc.path = Some(path.to_path_buf());
    Ok(doc)
}

/// Loads a document from bytes in a given format.
pub fn load_bytes(bytes: &[u8], format: Format) -> Result<Document, LoadErrorKind> {
    if looks_binary(bytes) {
        return Err(LoadErrorKind::Binary);
    }
    let (text, warning) = txt::decode(bytes);
    let mut doc = match format {
        Format::Text => txt::from_str(&text),
        Format::Markdown => markdown::from_str(&text),
        Format::Html => html::from_str(&text),
    };
    if let Some(w) = warning {
        doc.warnings.insert(0, w);
    }
    Ok(doc)
}

/// A file is binary when its start has a NUL byte or many control characters (UTF-16 text, which
/// has NULs, is not a format articles come in here).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 10 > head.len()
}
