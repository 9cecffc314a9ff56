//! Applying the commands on the user's notes: adding one on a selection, the editor's edits,
//! undo and redo, saving, and starting a fresh file in place of a broken one. Every change goes
//! through the session, so it can be undone and is saved.

use std::ops::Range;

use super::app::MarginaliaApp;
use super::banner::BannerKind;
use super::commands::NoteCommand;
use super::dialogs::DialogPurpose;
use super::editor::EditorAction;
use super::ui_command::UiCommand;
use crate::annotations::session::Blocked;
use crate::annotations::store::Edit;
use crate::annotations::{Annotation, Reply, Target};

impl MarginaliaApp {
    /// Applies a command on the notes.
    pub(crate) fn apply_note(&mut self, ctx: &egui::Context, command: NoteCommand) {
        match command {
            NoteCommand::Annotate => {
                let r = self.reader.view.selection.map_or(0..0, |s| s.range());
                self.annotate(ctx, r);
            }
            NoteCommand::AnnotateRange(r) => self.annotate(ctx, r),
            NoteCommand::SelectNote(id) => {
                self.flush_editor();
                if let Some(r) = self.session.range_of(&id) {
                    self.jump(ctx, r, true);
                }
                self.editor.note = Some(id);
            }
            NoteCommand::Edit(action) => self.editor_action(action),
            NoteCommand::Undo => {
                self.flush_editor();
                if !self.session.undo(self.article.text()) {
                    self.banners.push(BannerKind::Warning, "Nothing to undo.");
                }
            }
            NoteCommand::Redo => {
                if !self.session.redo(self.article.text()) {
                    self.banners.push(BannerKind::Warning, "Nothing to redo.");
                }
            }
            NoteCommand::Save => self.save_now(),
            NoteCommand::StartFresh => self.start_fresh(),
            NoteCommand::TogglePreferences => {
                self.windows.preferences = !self.windows.preferences;
            }
            NoteCommand::ImportDialog => {
                self.ask(ctx, DialogPurpose::Import, |d| d.pick_import());
            }
            NoteCommand::Import(path) => self.import(ctx, &path),
            NoteCommand::ExportDialog(f) => self.ask_export(ctx, f),
            NoteCommand::Export(f, path) => self.export(f, &path),
            NoteCommand::LocateArticle(side) => {
                self.ask(ctx, DialogPurpose::Locate(side), |d| d.pick_article());
            }
        }
    }

    /// Adds a note on `range` (without white space at its ends) and opens its editor.
    fn annotate(&mut self, ctx: &egui::Context, range: Range<usize>) {
        let Some(doc) = self.article.doc.clone() else {
            return;
        };
        if let Some(why) = self.why_not_editable() {
            self.banners.push(BannerKind::Warning, why);
            return;
        }
        let Some(range) = trim_blank_ends(&doc.text, range) else {
            let keys = UiCommand::Annotate.shortcut_text(ctx);
            self.banners.push(
                BannerKind::Warning,
                format!("Select some text first (not only spaces), then press {keys}."),
            );
            return;
        };
        let a = Annotation::new_on(&doc.text, range.start, range.end, &self.settings.author);
        let id = a.id.clone();
        match self.session.apply(Edit::Add(Box::new(a)), &doc.text) {
            Ok(_) => {
                self.editor.open_fresh(id);
                self.reader.view.selection = None;
            }
            Err(e) => self
                .banners
                .push(BannerKind::Error, format!("Could not add the note: {e}")),
        }
    }

    /// Why notes cannot be added now, if they cannot.
    fn why_not_editable(&self) -> Option<String> {
        match &self.session.blocked {
            None => None,
            Some(Blocked::NoFile) => Some(
                "This article is shown from memory; open it from a file to annotate it."
                    .to_string(),
            ),
            Some(Blocked::Broken(m)) | Some(Blocked::ReadOnly(m)) => Some(m.clone()),
        }
    }

    /// An edit made in the note editor.
    fn editor_action(&mut self, action: EditorAction) {
        match action {
            EditorAction::Update(next) => {
                let id = next.id.clone();
                self.edit(Edit::Update(id, next));
            }
            EditorAction::Delete(id) => {
                self.edit(Edit::Delete(id));
                self.editor.note = None;
            }
            EditorAction::Reply(id, note) => {
                if let Some(a) = self.session.store.get(&id) {
                    let mut next = a.clone();
                    next.replies.push(Reply::new(&self.settings.author, &note));
                    self.edit(Edit::Update(id, Box::new(next)));
                }
            }
            EditorAction::Reattach(id) => self.reattach(id),
            EditorAction::Close => {
                self.flush_editor();
                // A note made and closed without a word, tag or colour was not wanted.
                if self.editor.is_fresh() {
                    self.session.undo(self.article.text());
                }
                self.editor.close();
            }
        }
    }

    /// Attaches an orphaned note to the selected text.
    fn reattach(&mut self, id: String) {
        let sel = self
            .reader
            .view
            .selection
            .map(|s| s.range())
            .filter(|r| !r.is_empty());
        let (Some(r), Some(a)) = (sel, self.session.store.get(&id)) else {
            return;
        };
        let mut next = a.clone();
        next.target = Target::from_text(self.article.text(), r.start, r.end);
        self.edit(Edit::Update(id, Box::new(next)));
        self.reader.view.selection = None;
    }

    /// Applies an edit to the notes; a failure is said in a banner.
    fn edit(&mut self, edit: Edit) {
        let Some(doc) = self.article.doc.clone() else {
            return;
        };
        self.editor.fresh = None;
        if let Err(e) = self.session.apply(edit, &doc.text) {
            self.banners
                .push(BannerKind::Error, format!("Could not change the note: {e}"));
        }
    }

    /// Turns the editor's pending typing into an edit (before saving, closing or switching).
    pub(crate) fn flush_editor(&mut self) {
        if let Some(edit) = self.editor.pending_edit(&self.session) {
            self.edit(edit);
        }
    }

    /// Saves now; errors and merges are reported in banners.
    pub(crate) fn save_now(&mut self) {
        self.flush_editor();
        let Some(doc) = self.article.doc.clone() else {
            return;
        };
        if !self.session.is_dirty() {
            return;
        }
        match self.session.save(&doc) {
            Ok(Some(report)) => self.banners.push(
                BannerKind::Warning,
                format!(
                    "The annotations file had changed on disk; merged: {} added, {} updated, {} deleted",
                    report.added.len(),
                    report.updated.len(),
                    report.deleted.len()
                ),
            ),
            Ok(None) => {}
            Err(e) => self.banners.push(
                BannerKind::Error,
                format!("Could not save the annotations: {e}"),
            ),
        }
    }

    /// Keeps a broken sidecar aside and starts an empty one.
    fn start_fresh(&mut self) {
        let Some(doc) = self.article.doc.clone() else {
            return;
        };
        match self.session.start_fresh(&doc) {
            Ok(kept) => {
                self.banners.dismiss_matching(".annotations.json");
                self.banners.push(
                    BannerKind::Warning,
                    format!(
                        "The broken file was kept as {}; new notes go into a fresh file.",
                        kept.display()
                    ),
                );
            }
            Err(e) => self.banners.push(BannerKind::Error, e),
        }
    }
}

/// `range` without white space at either end; `None` when nothing else is in it.
fn trim_blank_ends(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let chars: Vec<char> = text.chars().skip(range.start).take(range.len()).collect();
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let last = chars.iter().rposition(|c| !c.is_whitespace())?;
    Some(range.start + first..range.start + last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_ends_are_trimmed_and_blank_ranges_refused() {
        let t = "a  café \n b";
        assert_eq!(trim_blank_ends(t, 1..8), Some(3..7));
        assert_eq!(trim_blank_ends(t, 7..10), None);
    }
}
