//! The outline panel on the left: the user's notes first, then what the analysis found. It owns
//! whether it is shown, the notes' filter and the analysis filter; a click on a row comes back
//! as a command.

mod analysis;
mod notes;

pub use analysis::{AnalysisOutline, MAX_ROWS};
pub use notes::NotesList;

use super::article::Article;
use super::commands::AppCommand;
use super::highlights::Item;
use crate::annotations::session::Session;

/// The outline's state.
pub struct OutlinePanel {
    /// Whether the user wants it shown (it gives way when the window is too narrow).
    pub open: bool,
    /// The notes list.
    pub notes: NotesList,
    /// The analysis lists.
    pub analysis: AnalysisOutline,
}

impl Default for OutlinePanel {
    fn default() -> Self {
        Self {
            open: true,
            notes: NotesList::default(),
            analysis: AnalysisOutline::default(),
        }
    }
}

/// What the outline marks as selected.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutlineSelection<'a> {
    /// The item whose details are shown.
    pub item: Option<Item>,
    /// The note whose editor is open.
    pub note: Option<&'a str>,
}

impl OutlinePanel {
    /// Draws the outline; `analysing` shows a spinner where the analysis will be.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        article: &Article,
        session: &Session,
        selection: OutlineSelection<'_>,
        analysing: bool,
    ) -> Vec<AppCommand> {
        let mut out = self.notes.ui(ui, session, selection.note);
        ui.separator();
        out.extend(
            self.analysis
                .show(ui, article.analysis.as_deref(), selection.item, analysing),
        );
        out
    }
}
