//! The right-hand panel: the open note's editor, else the selected item's details; beside the
//! article, or floating over it where the window is too narrow for both (see `layout_plan.rs`).

use super::app::MarginaliaApp;
use super::commands::AppCommand;
use super::layout_plan::{self, RightPanel};

/// What the right-hand panel shows this frame.
pub(crate) enum Right {
    /// The editor of the open note.
    Editor(Box<crate::annotations::Annotation>),
    /// The details of the selected item.
    Details,
}

impl MarginaliaApp {
    /// The open note's editor, else the selected item's details, else nothing.
    pub(crate) fn right_content(&self) -> Option<Right> {
        if let Some(note) = self.editor.open_note(&self.session) {
            return Some(Right::Editor(Box::new(note.clone())));
        }
        let ready = self.article.doc.is_some() && self.article.analysis.is_some();
        (ready && self.details.selected.is_some()).then_some(Right::Details)
    }

    /// The right-hand panel beside the article, or floating over it when the window is narrow.
    pub(crate) fn right_panel(
        &mut self,
        ui: &mut egui::Ui,
        how: RightPanel,
        right: &Right,
    ) -> Vec<AppCommand> {
        let mut cmds = Vec::new();
        let (id, title) = match right {
            Right::Editor(_) => ("editor", "Note"),
            Right::Details => ("details", "Details"),
        };
        match how {
            RightPanel::None => {}
            RightPanel::Side => {
                egui::Panel::right(id)
                    .resizable(true)
                    .default_size(layout_plan::RIGHT_WIDTH)
                    .size_range(260.0..=520.0)
                    .show(ui, |ui| cmds.extend(self.right_ui(ui, right)));
            }
            RightPanel::Overlay => {
                let ctx = ui.ctx().clone();
                let width = (ctx.content_rect().width() - 40.0).min(layout_plan::RIGHT_WIDTH);
                let height = (ctx.content_rect().height() - 120.0).max(160.0);
                // No title bar: the panel inside has its own heading and × (one way to close).
                egui::Window::new(title)
                    .id(egui::Id::unique(("overlay", id)))
                    .title_bar(false)
                    .anchor(egui::Align2::RIGHT_TOP, [-12.0, 64.0])
                    .collapsible(false)
                    .resizable(false)
                    .fixed_size([width, height])
                    .show(&ctx, |ui| cmds.extend(self.right_ui(ui, right)));
            }
        }
        cmds
    }

    fn right_ui(&mut self, ui: &mut egui::Ui, right: &Right) -> Vec<AppCommand> {
        match right {
            Right::Editor(note) => {
                let has_selection = self.has_selection();
                self.editor.ui(ui, note, &self.session, has_selection)
            }
            Right::Details => {
                let (Some(doc), Some(analysis)) = (&self.article.doc, &self.article.analysis)
                else {
                    return Vec::new();
                };
                let target = self.session.can_edit().then(|| {
                    self.details
                        .selected
                        .and_then(|item| self.article.item_range(item))
                });
                self.details.ui(ui, doc, analysis, target.flatten())
            }
        }
    }
}
