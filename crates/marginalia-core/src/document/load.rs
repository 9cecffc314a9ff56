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
///
/// Only regular files are read (a symlink is followed first): a FIFO would block for ever and a
/// device such as `/dev/zero` never ends. The read itself stops at the size limit, whatever the
/// metadata said, so a file that grows while it is read cannot take more than the limit.
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
    if !meta.is_file() {
        return Err(LoadError::new(path, LoadErrorKind::NotARegularFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::new(path, LoadErrorKind::TooLarge(meta.len())));
    }
    let bytes = read_limited(path, MAX_FILE_BYTES)
        .map_err(|e| LoadError::new(path, LoadErrorKind::Io(e)))?
        .ok_or_else(|| LoadError::new(path, LoadErrorKind::TooLarge(MAX_FILE_BYTES + 1)))?;
    let mut doc =
        load_bytes(&bytes, Format::from_path(path)).map_err(|kind| LoadError::new(path, kind))?;
    doc.path = Some(path.to_path_buf());
    Ok(doc)
}

/// Reads at most `limit` bytes of the regular file at `path`: `Ok(None)` when it holds more.
/// The file is opened without blocking and checked to be a regular file once open, so a path
/// swapped for a FIFO or a device after an earlier check is refused too.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let file = open_regular(path)?;
    let hint = file.metadata().map(|m| m.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Opens `path` for reading if it is a regular file (after following symlinks).
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO for reading would wait for a writer; with O_NONBLOCK it returns at once.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, device or socket)",
        ));
    }
    Ok(file)
}

/// Loads a document from bytes in a given format.
pub fn load_bytes(bytes: &[u8], format: Format) -> Result<Document, LoadErrorKind> {
    // UTF-16 text is full of NUL bytes: judge it by its decoded text instead.
    let utf16 = txt::decode_utf16(bytes);
    if looks_binary(utf16.as_deref().map_or(bytes, str::as_bytes)) {
        return Err(LoadErrorKind::Binary);
    }
    let (text, warning) = match utf16 {
        Some(text) => (txt::normalize_newlines(text), None),
        None => txt::decode(bytes),
    };
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

/// A file is binary when its start has a NUL byte or many control characters (UTF-16 text is
/// decoded before it is judged).
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
