//! The editor panel: which note is open, whether it was just made (closing it untouched takes
//! it away again), and the editor's typing. Drawn on the right, beside or over the article.

use super::{Editor, EditorAction};
use crate::annotations::Annotation;
use crate::annotations::session::Session;
use crate::annotations::store::Edit;
use crate::ui::commands::{AppCommand, NoteCommand};

/// The note editor's state.
#[derive(Debug, Default)]
pub struct EditorPanel {
    /// The id of the note whose editor is open.
    pub note: Option<String>,
    /// A note just made and not yet given anything; closing its editor takes it away again.
    pub fresh: Option<String>,
    /// Text typed and not yet turned into an edit.
    pub editor: Editor,
}

impl EditorPanel {
    /// Opens the editor on a note just made from a selection.
    pub fn open_fresh(&mut self, id: String) {
        self.note = Some(id.clone());
        self.fresh = Some(id);
    }

    /// Closes the editor.
    pub fn close(&mut self) {
        self.note = None;
        self.fresh = None;
    }

    /// Forgets everything (another article opened).
    pub fn reset(&mut self) {
        *self = EditorPanel::default();
    }

    /// Whether the open note is the one just made and never given anything.
    pub fn is_fresh(&self) -> bool {
        self.fresh.is_some() && self.fresh == self.note
    }

    /// The open note, while it exists and is not deleted.
    pub fn open_note<'a>(&self, session: &'a Session) -> Option<&'a Annotation> {
        let id = self.note.as_deref()?;
        session.store.get(id).filter(|a| !a.deleted)
    }

    /// The typing not yet turned into an edit, as an edit (before saving, closing or switching).
    pub fn pending_edit(&mut self, session: &Session) -> Option<Edit> {
        let a = session.store.get(self.note.as_deref()?)?;
        match self.editor.flush(a)? {
            EditorAction::Update(next) => Some(Edit::Update(a.id.clone(), next)),
            EditorAction::Delete(_)
            | EditorAction::Reply(..)
            | EditorAction::Reattach(_)
            | EditorAction::Close => None,
        }
    }

    /// Draws the editor of `note` (scrolling when long); returns the edits made.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        note: &Annotation,
        session: &Session,
        has_selection: bool,
    ) -> Vec<AppCommand> {
        let tags = session.store.tags();
        let orphaned = session.range_of(&note.id).is_none();
        let read_only = !session.can_edit();
        let mut out = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let actions = self
                    .editor
                    .show(ui, note, &tags, orphaned, has_selection, read_only);
                out.extend(
                    actions
                        .into_iter()
                        .map(|a| AppCommand::Note(NoteCommand::Edit(a))),
                );
            });
        out
    }
}
