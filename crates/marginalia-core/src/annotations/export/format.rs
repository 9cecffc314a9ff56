//! The export formats by name: what the command line accepts after `--format`, what the app's
//! File ▸ Export menu offers, and the file extension each is saved under.

use std::fmt;
use std::str::FromStr;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// W3C Web Annotation JSON-LD (an AnnotationCollection).
    W3c,
    /// A readable Markdown report.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// One row per annotation.
    Csv,
}

impl ExportFormat {
    /// Every format, in the order menus and help list them.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::W3c,
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Csv,
    ];

    /// The name on the command line (`--format csv`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::W3c => "w3c",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
        }
    }

    /// One line on what the format is, for help texts.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::W3c => "W3C Web Annotation JSON-LD (an AnnotationCollection)",
            ExportFormat::Markdown => "A readable Markdown report",
            ExportFormat::Html => "One self-contained HTML page",
            ExportFormat::Csv => "One row per annotation",
        }
    }

    /// The file extension an export in this format is saved with.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::W3c => "jsonld",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
        }
    }

    /// Whether the export shows the analysis (quotes, names, figures) besides the notes.
    pub fn needs_analysis(self) -> bool {
        matches!(self, ExportFormat::Markdown | ExportFormat::Html)
    }
}

/// A format name that is none of [`ExportFormat::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format “{0}” (known: w3c, markdown, html, csv)")]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_to_their_format() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
            assert_eq!(f.to_string(), f.name());
        }
        assert!("pdf".parse::<ExportFormat>().is_err());
    }
}
