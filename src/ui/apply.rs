//! The one place commands are applied. Every key, menu entry, palette choice, button and click
//! becomes an [`AppCommand`] during the frame; [`MarginaliaApp::apply`] runs it after the frame.
//! The match names every command (no catch-all), so a new command cannot be forgotten here.

use std::ops::Range;

use super::app::{MarginaliaApp, theme_preference};
use super::commands::{AppCommand, NoteCommand};
use super::editor::EditorAction;
use super::highlights::Item;
use super::library::Library;
use super::settings::ThemeChoice;

impl MarginaliaApp {
    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: AppCommand) {
        match command {
            AppCommand::OpenDialog => self.ask_open(ctx),
            AppCommand::Open(path) => self.open_path(ctx, path),
            AppCommand::OpenFolderDialog => self.ask_open_folder(ctx),
            AppCommand::OpenFolder(path) => self.windows.library = Some(Library::open(&path, ctx)),
            AppCommand::DialogAnswered(purpose, path) => self.dialog_answered(ctx, purpose, path),
            AppCommand::ZoomIn => self.settings.zoom_by(1.1),
            AppCommand::ZoomOut => self.settings.zoom_by(1.0 / 1.1),
            AppCommand::ZoomReset => self.settings.zoom = 1.0,
            AppCommand::SetTheme(t) => self.set_theme(ctx, t),
            AppCommand::ToggleTheme => {
                let dark = ctx.global_style().visuals.dark_mode;
                let t = if dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
                self.set_theme(ctx, t);
            }
            AppCommand::SetAuthor(name) => self.settings.author = name,
            AppCommand::DismissBanner(id) => self.banners.dismiss(id),
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            AppCommand::Select(item) => self.select(ctx, item),
            AppCommand::JumpTo(r) => self.jump(ctx, r, true),
            AppCommand::Copy(text) => self.copy(ctx, text),
            AppCommand::CopySelection => self.copy_selection(ctx),
            AppCommand::CloseDetails => {
                if self.find.open {
                    self.find.open = false;
                } else {
                    self.details.selected = None;
                }
            }
            AppCommand::ToggleKind(kind) => {
                let on = self.article.highlights.is_visible(kind);
                self.article.highlights.set_visible(kind, !on);
                self.reader.invalidate_overlay();
            }
            AppCommand::NextHighlight => self.step_highlight(ctx, true),
            AppCommand::PrevHighlight => self.step_highlight(ctx, false),
            AppCommand::OpenFocused => {
                if let Some(h) = self.focused_highlight() {
                    self.details.selected = Some(h);
                }
            }
            AppCommand::FindOpen => self.open_find(),
            AppCommand::FindNext => self.step_find(ctx, true),
            AppCommand::FindPrev => self.step_find(ctx, false),
            AppCommand::FindClose => self.find.open = false,
            AppCommand::ToggleOutline => self.outline.open = !self.outline.open,
            AppCommand::Scroll(step) => self.reader.view.scroll_by(step, self.settings.zoom),
            AppCommand::ExtendSelection(delta) => {
                let from = self.reader.view.caret.unwrap_or(0);
                let len = self.article.doc.as_ref().map_or(0, |d| d.char_len());
                self.reader.view.extend_selection(delta, from, len);
            }
            AppCommand::CloseTopmost => self.close_topmost(ctx),
            AppCommand::TogglePalette => self.windows.palette.toggle(),
            AppCommand::ToggleShortcutSheet => {
                self.windows.shortcut_sheet = !self.windows.shortcut_sheet;
            }
            AppCommand::ToggleAbout => self.windows.about = !self.windows.about,
            AppCommand::Note(note) => self.apply_note(ctx, note),
        }
    }

    fn set_theme(&mut self, ctx: &egui::Context, theme: ThemeChoice) {
        self.settings.theme = theme;
        ctx.set_theme(theme_preference(theme));
    }

    /// Shows an item's details, puts the keyboard on it and scrolls to it.
    fn select(&mut self, ctx: &egui::Context, item: Item) {
        self.details.selected = Some(item);
        self.reader.focus = self.article.highlights.index_of(item);
        if let Some(r) = self.article.item_range(item) {
            self.jump(ctx, r, true);
        }
    }

    /// Scrolls to a char range, flashing it when asked.
    pub(crate) fn jump(&mut self, ctx: &egui::Context, range: Range<usize>, flash: bool) {
        self.reader
            .view
            .scroll_to(range, flash, ctx.input(|i| i.time));
    }

    fn copy(&mut self, ctx: &egui::Context, text: String) {
        let words = text.split_whitespace().count();
        ctx.copy_text(text);
        self.status
            .flash(format!("Copied ({words} words) to the clipboard"));
    }

    fn copy_selection(&mut self, ctx: &egui::Context) {
        if let (Some(doc), Some(sel)) = (&self.article.doc, self.reader.view.selection)
            && sel.anchor != sel.caret
        {
            ctx.copy_text(super::context::slice(doc, sel.range()));
        }
    }

    /// The item of the highlight the keyboard is on.
    fn focused_highlight(&self) -> Option<Item> {
        let i = self.reader.focus?;
        self.article.highlights.all().get(i).map(|h| h.item)
    }

    /// Moves the keyboard to the next (or previous) highlight; open details follow it.
    fn step_highlight(&mut self, ctx: &egui::Context, forward: bool) {
        let highlights = &self.article.highlights;
        self.reader.focus = highlights.step(self.reader.focus, forward);
        let Some(h) = self.reader.focus.and_then(|i| highlights.all().get(i)) else {
            return;
        };
        let (range, item) = (h.range.clone(), h.item);
        self.jump(ctx, range, false);
        if self.details.selected.is_some() {
            self.details.selected = Some(item);
        }
    }

    fn open_find(&mut self) {
        self.find.open = true;
        self.find.focus_field = true;
    }

    /// The next (or previous) match, opening the bar if needed.
    fn step_find(&mut self, ctx: &egui::Context, forward: bool) {
        if !self.find.open {
            self.open_find();
        }
        if let Some(doc) = &self.article.doc {
            self.find.update(&doc.text);
        }
        if let Some(r) = self.find.step(forward) {
            self.jump(ctx, r, false);
        }
    }

    /// Esc: closes the window, panel or bar on top, one per press, in the order the eye meets
    /// them (the windows, the note editor, the find bar, the details).
    fn close_topmost(&mut self, ctx: &egui::Context) {
        if self.windows.close_topmost() {
            return;
        }
        if self.editor.note.is_some() {
            self.apply_note(ctx, NoteCommand::Edit(EditorAction::Close));
        } else {
            self.apply(ctx, AppCommand::CloseDetails);
        }
    }
}
