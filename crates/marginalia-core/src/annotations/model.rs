//! Typed view of a sidecar file (`ARTICLE.annotations.json`, format version 1).
//!
//! Every struct keeps the fields it does not know in `extra`, so a file written by a newer
//! version or another tool loses nothing when this app rewrites it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The `format` value of every sidecar file.
pub const FORMAT_NAME: &str = "marginalia.annotations";
/// The newest sidecar `version` this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// A whole sidecar file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// Format version; files newer than [`FORMAT_VERSION`] open read-only.
    pub version: u64,
    /// The article the annotations belong to.
    pub article: ArticleRef,
    /// Every annotation, tombstones included.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Which article a sidecar belongs to, as it was when the sidecar was last written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// File name relative to the sidecar's folder.
    pub file: String,
    /// SHA-256 (hex) of the article file's bytes.
    #[serde(default)]
    pub sha256: String,
    /// Length of the document text in code points.
    #[serde(default)]
    pub chars: usize,
    /// The article's title.
    #[serde(default)]
    pub title: String,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ArticleRef {
    /// Takes what this build knows about the article (file, hash, length, title) from `current`
    /// and keeps the fields it does not know, which another tool or version may have written.
    pub fn refresh(&mut self, current: ArticleRef) {
        self.file = current.file;
        self.sha256 = current.sha256;
        self.chars = current.chars;
        self.title = current.title;
    }
}

/// One annotation on a span of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// UUID v4, unique per annotation; merging matches on it.
    pub id: String,
    /// RFC 3339 UTC creation time.
    pub created: String,
    /// RFC 3339 UTC time of the last change; the later copy wins a merge.
    pub modified: String,
    /// Display name of whoever wrote it.
    #[serde(default)]
    pub author: String,
    /// The span it is on.
    pub target: Target,
    /// Plain-text note (may be empty for a bare highlight).
    #[serde(default)]
    pub note: String,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// `#rrggbb`.
    #[serde(default = "default_color")]
    pub color: String,
    /// Fact-check status.
    #[serde(default)]
    pub status: Status,
    /// Replies under the note.
    #[serde(default)]
    pub replies: Vec<Reply>,
    /// A tombstone: deleted, kept so an older copy cannot bring it back.
    #[serde(default)]
    pub deleted: bool,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The default annotation colour (a warm yellow).
pub fn default_color() -> String {
    "#f2d338".to_string()
}

/// Where an annotation sits: offsets plus the text and context needed to find it again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// First char (code points into the document text).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text between `start` and `end` when written.
    pub exact: String,
    /// Up to 32 chars before.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 chars after.
    #[serde(default)]
    pub suffix: String,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Fact-checking status of an annotation.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No status.
    #[default]
    None,
    /// To be checked.
    Open,
    /// Checked and right.
    Verified,
    /// Checked and in doubt.
    Disputed,
}

impl Status {
    /// All statuses in menu order.
    pub const ALL: [Status; 4] = [
        Status::None,
        Status::Open,
        Status::Verified,
        Status::Disputed,
    ];

    /// The name used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::None => "none",
            Status::Open => "open",
            Status::Verified => "verified",
            Status::Disputed => "disputed",
        }
    }
}

/// A reply under an annotation's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// UUID v4.
    pub id: String,
    /// RFC 3339 UTC.
    pub created: String,
    /// Display name.
    #[serde(default)]
    pub author: String,
    /// Plain text.
    #[serde(default)]
    pub note: String,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
