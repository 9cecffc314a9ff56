//! The details panel: everything about the selected quote, entity or figure, with links that
//! jump to (and flash) what they name. It owns which item is selected.

mod sections;

use std::ops::Range;

use egui::Ui;

use super::commands::{AppCommand, NoteCommand};
use super::highlights::Item;
use super::ui_command::UiCommand;
use crate::analysis::Analysis;
use crate::analysis::describe as format;
use crate::document::Document;

/// The details panel's state.
#[derive(Debug, Default)]
pub struct DetailsPanel {
    /// The item whose details are shown.
    pub selected: Option<Item>,
}

impl DetailsPanel {
    /// Draws the details of the selected item; returns what the user asked for.
    ///
    /// `target` is the span an "Annotate" button would put a note on (`None`: annotating is off).
    pub fn ui(
        &self,
        ui: &mut Ui,
        doc: &Document,
        analysis: &Analysis,
        target: Option<Range<usize>>,
    ) -> Vec<AppCommand> {
        let Some(item) = self.selected else {
            return Vec::new();
        };
        let mut out = header(ui, analysis, item, target);
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match item {
                Item::Quote(i) => {
                    if let Some(q) = analysis.quotes.get(i) {
                        sections::quote(ui, doc, analysis, i, q, &mut out);
                    }
                }
                Item::Entity(i) => {
                    if let Some(e) = analysis.entities.get(i) {
                        sections::entity(ui, doc, analysis, e, &mut out);
                    }
                }
                Item::Figure(i) => {
                    if let Some(f) = analysis.figures.get(i) {
                        sections::figure(ui, doc, analysis, i, f, &mut out);
                    }
                }
            });
        out
    }
}

/// The kind of item as a heading, with × and "Annotate" on the right.
fn header(
    ui: &mut Ui,
    analysis: &Analysis,
    item: Item,
    target: Option<Range<usize>>,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(match item {
            Item::Quote(_) => "Quote",
            Item::Entity(i) => analysis
                .entities
                .get(i)
                .map_or("Entity", |e| format::entity_type(e.kind)),
            Item::Figure(_) => "Figure",
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let keys = UiCommand::Close.shortcut_text(ui.ctx());
            let close = ui
                .button("×")
                .on_hover_text(format!("Close details ({keys})"));
            if close.clicked() {
                out.push(AppCommand::CloseDetails);
            }
            if let Some(r) = target
                && ui
                    .button("Annotate")
                    .on_hover_text("Add a note on this span")
                    .clicked()
            {
                out.push(AppCommand::Note(NoteCommand::AnnotateRange(r)));
            }
        });
    });
    out
}
