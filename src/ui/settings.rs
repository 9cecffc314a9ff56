//! What the app remembers between runs: recent files, zoom, theme and the author name.
//!
//! Kept with eframe's persistence (together with the window size, which eframe keeps itself).
//! Runtime state never goes in here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files are listed.
pub const MAX_RECENT: usize = 10;

/// Smallest and largest reading zoom.
pub const ZOOM_RANGE: (f32, f32) = (0.6, 2.5);

/// The key settings are stored under.
pub const STORAGE_KEY: &str = "marginalia-settings";

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }
}

/// Persisted preferences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recently opened first, at most [`MAX_RECENT`].
    pub recent: Vec<PathBuf>,
    /// Reading zoom (1.0 = 18 pt body text).
    pub zoom: f32,
    /// Theme.
    pub theme: ThemeChoice,
    /// Name written into annotations.
    pub author: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            zoom: 1.0,
            theme: ThemeChoice::System,
            author: default_author(),
        }
    }
}

/// The OS user name, or "Reader" when the OS does not say.
pub fn default_author() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "Reader".to_string())
}

impl Settings {
    /// Puts `path` first in the recent list (absolute, no duplicates, at most [`MAX_RECENT`]).
    pub fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Multiplies the zoom, within [`ZOOM_RANGE`].
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        self.zoom = (self.zoom * 100.0).round() / 100.0;
    }

    /// Makes loaded values sane (a hand-edited or old file may hold anything).
    pub fn sanitize(mut self) -> Self {
        if !self.zoom.is_finite() {
            self.zoom = 1.0;
        }
        self.zoom = self.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        self.recent.truncate(MAX_RECENT);
        if self.author.trim().is_empty() {
            self.author = default_author();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(Path::new(&format!("/tmp/a{i}.txt")));
        }
        s.remember(Path::new("/tmp/a5.txt"));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], Path::new("/tmp/a5.txt"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("a5.txt")).count(), 1);
    }

    #[test]
    fn zoom_stays_in_range() {
        let mut s = Settings::default();
        for _ in 0..20 {
            s.zoom_by(1.1);
        }
        assert_eq!(s.zoom, ZOOM_RANGE.1);
        let bad = Settings {
            zoom: f32::NAN,
            ..Settings::default()
        }
        .sanitize();
        assert_eq!(bad.zoom, 1.0);
    }

    #[test]
    fn settings_round_trip_and_tolerate_missing_fields() {
        let s: Settings = serde_json::from_str(r#"{"zoom": 1.5}"#).unwrap();
        assert_eq!(s.zoom, 1.5);
        assert_eq!(s.theme, ThemeChoice::System);
    }
}
