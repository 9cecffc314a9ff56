//! The reader panel: the article column in the middle of the window. It owns the reading view,
//! the highlight the keyboard is on, and the painted overlay of notes and highlights; a click,
//! a hover or the context menu comes back as commands.

use egui::RichText;

use super::marks::{overlay_marks, style_runs};
use super::{Decorations, Marks, Overlay, ReaderResponse, ReaderView};
use crate::annotations::session::Session;
use crate::document::Document;
use crate::ui::article::Article;
use crate::ui::command_state::CommandState;
use crate::ui::commands::{AppCommand, NoteCommand};
use crate::ui::find::Find;
use crate::ui::highlights::Highlights;
use crate::ui::margin;
use crate::ui::theme::Palette;
use crate::ui::ui_command::UiCommand;

/// Windows narrower than this keep no margin for note cards beside the column.
const MARGIN_FROM_WIDTH: f32 = 760.0;

/// What the painted overlay was built for; another value means it is out of date.
#[derive(Debug, Clone, PartialEq)]
struct OverlayKey {
    dark: bool,
    revision: u64,
    anchors: usize,
    selected_note: Option<String>,
}

/// The reader's state.
#[derive(Default)]
pub struct ReaderPanel {
    /// The reading view (layout cache, scroll, selection).
    pub view: ReaderView,
    /// The highlight the keyboard is on (index into the highlights).
    pub focus: Option<usize>,
    overlay_for: Option<OverlayKey>,
}

/// What the reader draws from besides its own state.
pub struct ReaderInput<'a> {
    /// The open article.
    pub article: &'a Article,
    /// Its notes.
    pub session: &'a Session,
    /// The find bar, whose matches are marked while it is open.
    pub find: &'a Find,
    /// Which commands can run (for the context menu).
    pub commands: &'a CommandState,
    /// The colours.
    pub palette: &'a Palette,
    /// The reading zoom.
    pub zoom: f32,
}

impl ReaderPanel {
    /// Shows `doc` from now on: its paragraphs and inline styles, no focus, no overlay yet.
    pub fn open(&mut self, doc: &Document) {
        self.view.set_document(doc);
        let ranges = self.view.paragraph_ranges();
        let runs = style_runs(doc, &Palette::for_dark(false));
        self.view.set_decorations(Decorations::new(&ranges, runs));
        self.focus = None;
        self.overlay_for = None;
    }

    /// Marks the overlay out of date (the highlights or the kinds shown changed).
    pub fn invalidate_overlay(&mut self) {
        self.overlay_for = None;
    }

    /// Paints the notes and highlights again when they, the selected note or the theme changed.
    pub fn refresh_overlay(
        &mut self,
        highlights: &Highlights,
        session: &Session,
        selected_note: Option<&str>,
        dark: bool,
    ) {
        let key = OverlayKey {
            dark,
            revision: session.store.revision(),
            anchors: session.anchors.len(),
            selected_note: selected_note.map(str::to_string),
        };
        if self.overlay_for.as_ref() == Some(&key) {
            return;
        }
        let ranges = self.view.paragraph_ranges();
        let marks = overlay_marks(highlights, session, selected_note, dark);
        self.view.set_overlay(Overlay::new(&ranges, marks));
        self.overlay_for = Some(key);
    }

    /// Whether the view keeps a margin for note cards this frame.
    pub fn has_margin(&self) -> bool {
        self.view.reserve_right > 0.0
    }

    /// Draws the article; returns what was clicked or chosen.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        input: &ReaderInput<'_>,
    ) -> Vec<AppCommand> {
        let has_notes = input.session.store.live().next().is_some();
        self.view.reserve_right = if has_notes && ui.available_width() > MARGIN_FROM_WIDTH {
            margin::CARD_WIDTH + 2.0 * margin::GAP
        } else {
            0.0
        };
        let marks = self.marks(input);
        let r = self.view.show(ui, doc, input.palette, input.zoom, &marks);
        let mut out = Vec::new();
        if let Some(resp) = &r.response {
            context_menu(resp, input.commands, &mut out);
        }
        out.extend(clicks(&r, input));
        hover(ui, &r, input.article);
        out
    }

    /// The find matches (while the bar is open) and the focused highlight.
    fn marks(&self, input: &ReaderInput<'_>) -> Marks {
        let highlights = &input.article.highlights;
        Marks {
            find: if input.find.open {
                input.find.matches.clone()
            } else {
                Vec::new()
            },
            find_current: input.find.current,
            focus: self
                .focus
                .and_then(|i| highlights.all().get(i))
                .map(|h| h.range.clone()),
        }
    }
}

/// Right-click on the text: annotate or copy the selection.
fn context_menu(resp: &egui::Response, commands: &CommandState, out: &mut Vec<AppCommand>) {
    resp.context_menu(|ui| {
        for command in [UiCommand::Annotate, UiCommand::Copy] {
            if let Some(c) = commands.button(ui, command) {
                out.push(c);
                ui.close();
            }
        }
    });
}

/// A click on a note opens it; a click on a highlight outside notes opens its details.
fn clicks(r: &ReaderResponse, input: &ReaderInput<'_>) -> Option<AppCommand> {
    let c = r.clicked_char?;
    if let Some(id) = input.session.note_at(c) {
        return Some(AppCommand::Note(NoteCommand::SelectNote(id.to_string())));
    }
    let (_, h) = input.article.highlights.at(c)?;
    Some(AppCommand::Select(h.item))
}

/// Over a highlight: a pointing hand and its one-line summary.
fn hover(ui: &egui::Ui, r: &ReaderResponse, article: &Article) {
    let hovered = r
        .hovered_char
        .and_then(|c| article.highlights.at(c))
        .map(|(_, h)| h.item);
    if let (Some(item), Some(resp)) = (hovered, &r.response) {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        if let Some(text) = article.summary(item) {
            resp.clone().on_hover_text_at_pointer(text);
        }
    }
}

/// The middle of the window before any article is open.
pub fn empty_ui(ui: &mut egui::Ui, opening: bool, palette: &Palette) {
    ui.centered_and_justified(|ui| {
        let msg = if opening {
            "Opening…".to_string()
        } else {
            format!(
                "Open an article with File > Open… ({}), or drop a file here.",
                UiCommand::Open.shortcut_text(ui.ctx())
            )
        };
        ui.label(RichText::new(msg).color(palette.muted).size(16.0));
    });
}
