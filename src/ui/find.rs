//! Find in the article: the find bar (Go ▸ Find…), every match marked, Go ▸ Find Next and Find
//! Previous to step through them.

use std::ops::Range;

use super::commands::AppCommand;
use super::ui_command::UiCommand;
use crate::text_index::TextIndex;

/// All case-insensitive matches of `query` in `text`, as char ranges, in order, not overlapping.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    // Lower-case char by char so char offsets stay the same as in `text`.
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect()
    };
    let hay = fold(text);
    let needle = fold(query);
    let index = TextIndex::new(&hay);
    let qlen = needle.chars().count();
    hay.match_indices(&needle)
        .map(|(b, _)| {
            let s = index.char_of(&hay, b);
            s..s + qlen
        })
        .collect()
}

/// The find bar: its state, and the matches the reader marks while it is open.
#[derive(Debug, Default)]
pub struct Find {
    /// Whether the bar is shown.
    pub open: bool,
    /// The text searched for.
    pub query: String,
    /// Matches of `query` in the current article.
    pub matches: Vec<Range<usize>>,
    /// The current match.
    pub current: Option<usize>,
    searched: String,
    /// Ask the text field for the keyboard next frame.
    pub focus_field: bool,
}

impl Find {
    /// Recomputes matches when the query changed; returns true if it did.
    pub fn update(&mut self, text: &str) -> bool {
        if self.query == self.searched {
            return false;
        }
        self.searched = self.query.clone();
        self.matches = find_all(text, &self.query);
        self.current = if self.matches.is_empty() {
            None
        } else {
            Some(0)
        };
        true
    }

    /// Forgets matches (another article opened).
    pub fn reset(&mut self) {
        self.searched.clear();
        self.matches.clear();
        self.current = None;
    }

    /// Moves to the next (or previous) match, wrapping; returns its range.
    pub fn step(&mut self, forward: bool) -> Option<Range<usize>> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let i = match (self.current, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current = Some(i);
        self.matches.get(i).cloned()
    }

    /// "3 of 12", "no matches".
    pub fn status(&self) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) if self.query.trim().is_empty() => String::new(),
            (_, 0) => "no matches".to_string(),
            (Some(c), n) => format!("{} of {n}", c + 1),
            (None, n) => format!("{n} matches"),
        }
    }
}

impl Find {
    /// Draws the bar over `text`; returns the match to show and the buttons pressed.
    pub fn ui(&mut self, ui: &mut egui::Ui, text: &str) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.query).desired_width(260.0))
                .labelled_by(label.id);
            if self.focus_field {
                edit.request_focus();
                self.focus_field = false;
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                out.push(AppCommand::FindNext);
                self.focus_field = true;
            }
            if self.update(text)
                && let Some(r) = self.current.and_then(|c| self.matches.get(c))
            {
                out.push(AppCommand::JumpTo(r.clone()));
            }
            ui.label(self.status());
            out.extend(buttons(ui));
        });
        out
    }
}

/// Previous, Next and Close, with their keys from the command table.
fn buttons(ui: &mut egui::Ui) -> Vec<AppCommand> {
    let mut out = Vec::new();
    let entries = [
        ("Previous", UiCommand::FindPrev, AppCommand::FindPrev),
        ("Next", UiCommand::FindNext, AppCommand::FindNext),
        ("Close", UiCommand::Close, AppCommand::FindClose),
    ];
    for (label, command, gives) in entries {
        let keys = command.shortcut_text(ui.ctx());
        if ui.button(label).on_hover_text(keys).clicked() {
            out.push(gives);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_with_char_offsets() {
        let text = "“Conille” said CONILLE; conille’s café";
        let m = find_all(text, "conille");
        assert_eq!(m, vec![1..8, 15..22, 24..31]);
        assert_eq!(find_all(text, "CAFÉ"), vec![34..38]);
        assert!(find_all(text, "  ").is_empty());
    }

    #[test]
    fn steps_wrap_around() {
        let mut f = Find {
            query: "a".into(),
            ..Find::default()
        };
        f.update("a b a");
        assert_eq!(f.status(), "1 of 2");
        assert_eq!(f.step(true), Some(4..5));
        assert_eq!(f.step(true), Some(0..1));
        assert_eq!(f.step(false), Some(4..5));
    }
}
