//! One frame: take in finished background work, then draw the panels in layout order, each
//! returning what the user asked for in it. Nothing here changes the article, its notes or the
//! settings: the commands collected are applied after the frame, in `apply.rs`.

use std::path::PathBuf;

use egui::Color32;

use super::app::MarginaliaApp;
use super::command_state::CommandState;
use super::commands::{self, AppCommand};
use super::layout_plan;
use super::legend::legend;
use super::menus::menu_bar;
use super::outline::OutlineSelection;
use super::reader::{self, ReaderInput};
use super::status_bar::StatusInput;
use super::theme::Palette;
use super::ui_command::UiCommand;

impl MarginaliaApp {
    /// Draws one frame; returns what the user asked for in it.
    pub(crate) fn frame(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let ctx = ui.ctx().clone();
        self.smoke_frame_starts(&ctx);
        moving_focus_is_reading(&ctx);
        self.take_finished(&ctx);
        self.autosave(&ctx);
        self.update_title(&ctx);
        let dark = ui.visuals().dark_mode;
        if self.article.doc.is_some() {
            self.reader.refresh_overlay(
                &self.article.highlights,
                &self.session,
                self.editor.note.as_deref(),
                dark,
            );
        }
        let state = self.command_state();
        let palette = Palette::for_dark(dark);
        let mut cmds = Vec::new();
        cmds.extend(self.windows.preferences_ui(&ctx, &self.settings.author));
        cmds.extend(keys(&ctx, &state));
        cmds.extend(self.windows.ui(&ctx, &state));
        cmds.extend(dropped_file(&ctx).map(AppCommand::Open));
        cmds.extend(self.bars(ui, &state, &palette));
        cmds.extend(self.sides(ui));
        cmds.extend(self.centre(ui, &state, &palette));
        drop_hint(&ctx);
        if let Some(smoke) = &mut self.runtime.smoke {
            smoke.frame_drawn(ctx.cumulative_frame_nr(), self.article.doc.is_some());
        }
        cmds
    }

    /// Which commands can run and which toggles are on, as of now.
    pub(crate) fn command_state(&self) -> CommandState {
        CommandState {
            has_doc: self.article.doc.is_some(),
            has_selection: self.has_selection(),
            can_edit: self.session.can_edit(),
            can_undo: self.session.store.can_undo(),
            can_redo: self.session.store.can_redo(),
            theme: self.settings.theme,
            outline_open: self.outline.open,
            visible: self.article.highlights.visible,
        }
    }

    /// Whether some text of the article is selected.
    pub(crate) fn has_selection(&self) -> bool {
        self.reader
            .view
            .selection
            .is_some_and(|s| s.anchor != s.caret)
    }

    /// `--smoke`: reports and closes the window once the text is on screen.
    fn smoke_frame_starts(&mut self, ctx: &egui::Context) {
        let waiting = self.article.doc.is_none() && self.jobs.loading.is_some();
        let Some(smoke) = &mut self.runtime.smoke else {
            return;
        };
        if smoke.frame_starts(ctx.cumulative_frame_nr(), waiting) {
            self.runtime.smoke = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Saves when the last edit is old enough, else wakes up when it will be.
    fn autosave(&mut self, ctx: &egui::Context) {
        if self.session.autosave_due() {
            self.save_now();
        } else if let Some(wait) = self.session.autosave_in() {
            ctx.request_repaint_after(wait);
        }
    }

    /// "Marginalia — Title • unsaved", set only when it changed.
    fn update_title(&mut self, ctx: &egui::Context) {
        let mut title = match &self.article.doc {
            Some(d) if !d.title.is_empty() => format!("Marginalia — {}", d.title),
            _ => "Marginalia".to_string(),
        };
        if self.session.is_dirty() {
            title.push_str(" • unsaved");
        }
        if title != self.runtime.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.runtime.title_shown = title;
        }
    }

    /// The menu bar, legend, find bar, status bar and banners.
    fn bars(
        &mut self,
        ui: &mut egui::Ui,
        state: &CommandState,
        palette: &Palette,
    ) -> Vec<AppCommand> {
        let mut cmds = Vec::new();
        let recent = &self.settings.recent;
        egui::Panel::top("menu").show(ui, |ui| cmds.extend(menu_bar(ui, state, recent)));
        if self.article.doc.is_some() {
            let analysing = self.jobs.is_analysing();
            let analysed = self.article.analysis.is_some();
            let highlights = &self.article.highlights;
            egui::Panel::top("legend").show(ui, |ui| {
                cmds.extend(legend(ui, highlights, analysing, analysed))
            });
        }
        if self.find.open {
            let text = self.article.text();
            let find = &mut self.find;
            egui::Panel::top("find").show(ui, |ui| cmds.extend(find.ui(ui, text)));
        }
        let status = StatusInput {
            article: &self.article,
            opening: self.jobs.loading.as_ref().map(|j| j.progress_line()),
            zoom: self.settings.zoom,
            palette,
        };
        egui::Panel::bottom("status").show(ui, |ui| cmds.extend(self.status.ui(ui, &status)));
        if !self.banners.list().is_empty() {
            egui::Panel::top("banners")
                .frame(egui::Frame::new())
                .show(ui, |ui| cmds.extend(self.banners.ui(ui, palette)));
        }
        cmds
    }

    /// The outline on the left and the note editor or details on the right, where they fit.
    fn sides(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let mut cmds = Vec::new();
        let right = self.right_content();
        let plan = layout_plan::plan(
            ui.ctx().content_rect().width(),
            self.outline.open && self.article.doc.is_some(),
            right.is_some(),
            reader::min_column_width(self.settings.zoom),
        );
        if plan.outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(layout_plan::OUTLINE_WIDTH)
                .size_range(200.0..=460.0)
                .show(ui, |ui| cmds.extend(self.outline_ui(ui)));
        }
        if let Some(right) = right {
            cmds.extend(self.right_panel(ui, plan.right, &right));
        }
        cmds
    }

    fn outline_ui(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let selection = OutlineSelection {
            item: self.details.selected,
            note: self.editor.note.as_deref(),
        };
        let analysing = self.jobs.is_analysing();
        self.outline
            .ui(ui, &self.article, &self.session, selection, analysing)
    }

    /// The article (and the note cards beside it), or a word on how to open one.
    fn centre(
        &mut self,
        ui: &mut egui::Ui,
        state: &CommandState,
        palette: &Palette,
    ) -> Vec<AppCommand> {
        let mut cmds = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(palette.paper))
            .show(ui, |ui| {
                let Some(doc) = self.article.doc.clone() else {
                    reader::empty_ui(ui, self.jobs.loading.is_some(), palette);
                    return;
                };
                let input = ReaderInput {
                    article: &self.article,
                    session: &self.session,
                    find: &self.find,
                    commands: state,
                    palette,
                    zoom: self.settings.zoom,
                };
                cmds.extend(self.reader.ui(ui, &doc, &input));
                if self.reader.has_margin() {
                    let note = self.editor.note.as_deref();
                    cmds.extend(self.margin.ui(ui, &self.reader.view, &self.session, note));
                }
            });
        cmds
    }
}

/// Tab moves between highlights while no widget has the keyboard, not between widgets.
fn moving_focus_is_reading(ctx: &egui::Context) {
    if ctx.memory(|m| m.focused().is_none()) && ctx.input(|i| i.key_pressed(egui::Key::Tab)) {
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
}

/// The commands whose keys were pressed (those that can run now), Shift+arrows, and Copy.
fn keys(ctx: &egui::Context, state: &CommandState) -> Vec<AppCommand> {
    let mut cmds: Vec<AppCommand> = UiCommand::pressed(ctx)
        .into_iter()
        .filter(|c| state.can_run(*c))
        .map(UiCommand::to_app_command)
        .collect();
    cmds.extend(commands::selection_keys(ctx));
    // The window system turns Ctrl+C into a copy event rather than a key.
    if ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
        && !ctx.egui_wants_keyboard_input()
    {
        cmds.push(AppCommand::CopySelection);
    }
    cmds
}

/// A file dropped on the window opens like File ▸ Open.
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    })
}

/// "Drop to open" over the window while a file is dragged over it.
fn drop_hint(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop"),
    ));
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(120));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop to open",
        egui::FontId::proportional(28.0),
        Color32::WHITE,
    );
}
