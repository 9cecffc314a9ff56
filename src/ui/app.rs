//! The app: its state, one frame of drawing, and the one place commands are applied.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use egui::{Color32, RichText, Stroke};

use super::analysis_job::AnalysisJob;
use super::app_annotations::DialogPurpose;
use super::banner::{BannerKind, Banners};
use super::commands::{self, AppCommand, NoteCommand};
use super::details;
use super::dialogs::{self, DialogAnswer, FileDialogs, NativeDialogs};
use super::editor::{Editor, EditorAction};
use super::file_picker::{FilePicker, PickerOutcome};
use super::find::Find;
use super::highlights::{HighlightKind, Highlights, Item};
use super::layout_plan;
use super::loading::LoadJob;
use super::outline::Outline;
use super::palette::CommandPalette;
use super::reader::{Decor, Decorations, Marks, Overlay, PaintMark, ReaderView, Run};
use super::settings::{STORAGE_KEY, Settings, ThemeChoice};
use super::theme::{self, Palette};
use super::ui_command::UiCommand;
use crate::analysis::Analysis;
use crate::analysis::describe as format;
use crate::annotations::session::Session;
use crate::annotations::store::Filter;
use crate::document::{Document, InlineStyle};

/// How the app was started.
pub struct StartOptions {
    /// The file to open first (`None`: nothing; the binary passes the sample).
    pub file: Option<PathBuf>,
    /// Print the time to the first painted frame and close (for CI and start-up measurements).
    pub smoke: bool,
    /// When the process started.
    pub started: Instant,
    /// The file dialogs (native, or fixed answers in tests).
    pub dialogs: Arc<dyn FileDialogs>,
    /// With no file, show the bundled sample text.
    pub sample_fallback: bool,
    /// A message to greet the user with (first run).
    pub welcome: Option<String>,
}

/// The sample article, bundled so the app has something to show wherever it runs.
pub const SAMPLE_TEXT: &str = include_str!("../../samples/haiti-kenya.txt");

impl Default for StartOptions {
    fn default() -> Self {
        Self {
            file: None,
            smoke: false,
            started: Instant::now(),
            dialogs: Arc::new(NativeDialogs),
            sample_fallback: false,
            welcome: None,
        }
    }
}

/// The Marginalia window.
pub struct MarginaliaApp {
    /// Persisted preferences.
    pub settings: Settings,
    /// The article shown.
    pub doc: Option<Arc<Document>>,
    /// The reading view.
    pub view: ReaderView,
    /// Messages across the top.
    pub banners: Banners,
    /// Word count and reading minutes of the article (counted once when it opens).
    reading_stats: (usize, usize),
    /// The first-run welcome, shown once the sample has opened.
    pub(crate) greeting: Option<String>,
    /// A short confirmation in the status bar ("Copied…") and when it was given.
    pub(crate) flash: Option<(String, Instant)>,
    /// The analysis of the article, once done.
    pub analysis: Option<Arc<Analysis>>,
    analysis_job: Option<AnalysisJob>,
    /// Highlights of the analysis and which kinds are shown.
    pub highlights: Highlights,
    /// The item whose details are shown.
    pub selected: Option<Item>,
    /// The highlight the keyboard is on (index into `highlights.all()`).
    pub focus: Option<usize>,
    /// Whether the outline panel is shown.
    pub outline_open: bool,
    outline: Outline,
    /// The find bar.
    pub find: Find,
    overlay_dark: Option<bool>,
    loading: Option<LoadJob>,
    dialogs: Arc<dyn FileDialogs>,
    dialog_answer: Option<(DialogPurpose, Receiver<DialogAnswer>)>,
    /// The app's own file picker, open where the system's dialog could not be shown.
    pub(crate) file_picker: Option<(DialogPurpose, FilePicker)>,
    /// The annotations of the open article.
    pub session: Session,
    /// The annotation whose editor is open.
    pub selected_note: Option<String>,
    /// A note just made and not yet given anything; closing its editor takes it away again.
    pub(crate) fresh_note: Option<String>,
    pub editor: Editor,
    pub(crate) prefs_open: bool,
    /// The command palette.
    pub palette: CommandPalette,
    /// Whether Help ▸ Keyboard Shortcuts is shown.
    pub shortcut_sheet_open: bool,
    about_open: bool,
    pub(crate) note_filter: Filter,
    /// The outline's filter choices (tags, authors, colours) and the store revision they were
    /// gathered at: gathering them walks every note, too slow to do each frame for 100,000.
    pub(crate) note_choices: Option<(u64, NoteChoices)>,
    /// The store revision the overlay was built for.
    overlay_revision: Option<u64>,
    smoke: Option<Instant>,
    title_shown: String,
    fonts_installed: bool,
    pub(crate) egui_ctx: egui::Context,
}

/// The tags, authors and colours of the open article's notes, for the outline's filters.
pub(crate) type NoteChoices = (Vec<String>, Vec<String>, Vec<String>);

/// How long a confirmation stays in the status bar.
const FLASH_FOR: std::time::Duration = std::time::Duration::from_secs(3);

impl MarginaliaApp {
    /// Whether the in-app file picker is showing (the native dialog could not be).
    pub fn file_picker_open(&self) -> bool {
        self.file_picker.is_some()
    }

    /// Creates the app, restoring settings from eframe storage, and starts opening the first file.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .unwrap_or_default()
            .sanitize();
        let mut app = Self {
            settings,
            doc: None,
            view: ReaderView::default(),
            banners: Banners::default(),
            reading_stats: (0, 0),
            flash: None,
            greeting: None,
            analysis: None,
            analysis_job: None,
            highlights: Highlights::default(),
            selected: None,
            focus: None,
            outline_open: true,
            outline: Outline::default(),
            find: Find::default(),
            overlay_dark: None,
            loading: None,
            dialogs: options.dialogs,
            dialog_answer: None,
            file_picker: None,
            session: Session::default(),
            selected_note: None,
            fresh_note: None,
            editor: Editor::default(),
            prefs_open: false,
            palette: CommandPalette::default(),
            shortcut_sheet_open: false,
            about_open: false,
            note_filter: Filter::default(),
            note_choices: None,
            overlay_revision: None,
            smoke: options.smoke.then_some(options.started),
            title_shown: String::new(),
            fonts_installed: false,
            egui_ctx: cc.egui_ctx.clone(),
        };
        app.setup_context(&cc.egui_ctx);
        if let Some(w) = options.welcome {
            app.greeting = Some(w);
        }
        match options.file {
            Some(file) => app.apply(&cc.egui_ctx, AppCommand::Open(file)),
            // Run from outside the source tree: show the bundled copy of the sample.
            None if options.sample_fallback => app.show_document(Document::from_text(SAMPLE_TEXT)),
            None => {}
        }
        app
    }

    fn setup_context(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            theme::install_fonts(ctx);
            self.fonts_installed = true;
        }
        // Ctrl+= / Ctrl+- zoom the article, not the whole interface.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(theme_preference(self.settings.theme));
    }

    /// Whether a file is being opened.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Whether background work (opening, a dialog, analysis) is still under way.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.dialog_answer.is_some() || self.analysis_job.is_some()
    }

    /// Re-paints the highlights of the visible kinds (after analysis, a toggle, a theme change).
    fn rebuild_overlay(&mut self, dark: bool) {
        let ranges = self.view.paragraph_ranges();
        // Notes first (under), automatic highlights over them.
        let mut marks = self.note_marks(dark);
        marks.extend(self.highlights.shown().map(|(_, h)| PaintMark {
            range: h.range.clone(),
            style: theme::highlight_style(h.kind, dark),
        }));
        self.view.set_overlay(Overlay::new(&ranges, marks));
        self.overlay_dark = Some(dark);
        self.overlay_revision = Some(self.overlay_key());
    }

    /// What the overlay depends on besides the theme: the notes and which note is selected.
    fn overlay_key(&self) -> u64 {
        let sel = self.selected_note.as_ref().map_or(0, |s| {
            s.len() as u64 + s.bytes().map(u64::from).sum::<u64>()
        });
        self.session.store.revision().wrapping_mul(1_000_003)
            ^ sel
            ^ (self.session.anchors.len() as u64) << 40
    }

    /// The first char range of an item.
    fn item_range(&self, item: Item) -> Option<std::ops::Range<usize>> {
        let a = self.analysis.as_ref()?;
        match item {
            Item::Quote(i) => a.quotes.get(i).map(|q| q.start..q.end),
            Item::Entity(i) => a.entities.get(i)?.mentions.first().map(|m| m.start..m.end),
            Item::Figure(i) => a.figures.get(i).map(|f| f.start..f.end),
        }
    }

    /// The one-line summary of a highlight ("Person · William Ruto · President · 14 mentions").
    pub fn summary(&self, item: Item) -> Option<String> {
        let a = self.analysis.as_ref()?;
        Some(match item {
            Item::Quote(i) => format::quote_summary(a.quotes.get(i)?),
            Item::Entity(i) => format::entity_summary(a.entities.get(i)?),
            Item::Figure(i) => format::figure_summary(a.figures.get(i)?),
        })
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: AppCommand) {
        match command.clone() {
            AppCommand::OpenDialog => self.ask(ctx, DialogPurpose::Open, |d| d.pick_article()),
            AppCommand::Open(path) => self.open_path(ctx, path),
            AppCommand::ZoomIn => self.settings.zoom_by(1.1),
            AppCommand::ZoomOut => self.settings.zoom_by(1.0 / 1.1),
            AppCommand::ZoomReset => self.settings.zoom = 1.0,
            AppCommand::SetTheme(t) => {
                self.settings.theme = t;
                ctx.set_theme(theme_preference(t));
            }
            AppCommand::ToggleTheme => {
                let dark = ctx.global_style().visuals.dark_mode;
                let t = if dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
                self.apply(ctx, AppCommand::SetTheme(t));
            }
            AppCommand::DismissBanner(id) => self.banners.dismiss(id),
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            AppCommand::Select(item) => {
                self.selected = Some(item);
                self.focus = self.highlights.index_of(item);
                if let Some(r) = self.item_range(item) {
                    self.view.scroll_to(r, true, ctx.input(|i| i.time));
                }
            }
            AppCommand::JumpTo(r) => self.view.scroll_to(r, true, ctx.input(|i| i.time)),
            AppCommand::Copy(text) => {
                let words = text.split_whitespace().count();
                ctx.copy_text(text);
                self.flash = Some((
                    format!("Copied ({words} words) to the clipboard"),
                    Instant::now(),
                ));
            }
            AppCommand::CloseDetails => {
                if self.find.open {
                    self.find.open = false;
                } else {
                    self.selected = None;
                }
            }
            AppCommand::ToggleKind(kind) => {
                let on = self.highlights.is_visible(kind);
                self.highlights.set_visible(kind, !on);
                self.rebuild_overlay(ctx.global_style().visuals.dark_mode);
            }
            AppCommand::NextHighlight | AppCommand::PrevHighlight => {
                let forward = command == AppCommand::NextHighlight;
                self.focus = self.highlights.step(self.focus, forward);
                if let Some(h) = self.focus.and_then(|i| self.highlights.all().get(i)) {
                    self.view
                        .scroll_to(h.range.clone(), false, ctx.input(|i| i.time));
                    if self.selected.is_some() {
                        self.selected = Some(h.item);
                    }
                }
            }
            AppCommand::OpenFocused => {
                if let Some(h) = self.focus.and_then(|i| self.highlights.all().get(i)) {
                    self.selected = Some(h.item);
                }
            }
            AppCommand::FindOpen => {
                self.find.open = true;
                self.find.focus_field = true;
            }
            AppCommand::FindNext | AppCommand::FindPrev => {
                if !self.find.open {
                    self.find.open = true;
                    self.find.focus_field = true;
                }
                if let Some(doc) = &self.doc {
                    self.find.update(&doc.text);
                }
                if let Some(r) = self.find.step(command == AppCommand::FindNext) {
                    self.view.scroll_to(r, false, ctx.input(|i| i.time));
                }
            }
            AppCommand::FindClose => self.find.open = false,
            AppCommand::ToggleOutline => self.outline_open = !self.outline_open,
            AppCommand::Scroll(step) => self.view.scroll_by(step, self.settings.zoom),
            AppCommand::CopySelection => {
                if let (Some(doc), Some(sel)) = (&self.doc, self.view.selection)
                    && sel.anchor != sel.caret
                {
                    ctx.copy_text(super::context::slice(doc, sel.range()));
                }
            }
            AppCommand::CloseTopmost => self.close_topmost(ctx),
            AppCommand::TogglePalette => self.palette.toggle(),
            AppCommand::ToggleShortcutSheet => {
                self.shortcut_sheet_open = !self.shortcut_sheet_open;
            }
            AppCommand::ToggleAbout => self.about_open = !self.about_open,
            AppCommand::ExtendSelection(delta) => {
                let from = self.view.caret.unwrap_or(0);
                let len = self.doc.as_ref().map_or(0, |d| d.char_len());
                self.view.extend_selection(delta, from, len);
            }
            AppCommand::Note(note) => self.apply_note_command(ctx, note),
        }
    }

    /// Shows a file dialog on its own thread; the answer is handled when it arrives.
    /// Esc: closes the window, panel or bar on top, one per press, in the order the eye meets
    /// them (palette, help windows, preferences, note editor, find bar, details).
    fn close_topmost(&mut self, ctx: &egui::Context) {
        if self.file_picker.is_some() {
            self.file_picker = None;
        } else if self.palette.open {
            self.palette.toggle();
        } else if self.shortcut_sheet_open {
            self.shortcut_sheet_open = false;
        } else if self.about_open {
            self.about_open = false;
        } else if self.prefs_open {
            self.prefs_open = false;
        } else if self.selected_note.is_some() {
            self.apply_note_command(ctx, NoteCommand::Edit(EditorAction::Close));
        } else {
            self.apply(ctx, AppCommand::CloseDetails);
        }
    }

    pub(crate) fn ask(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        ask: impl FnOnce(&dyn FileDialogs) -> DialogAnswer + Send + 'static,
    ) {
        if self.dialog_answer.is_none() && self.file_picker.is_none() {
            self.dialog_answer =
                Some((purpose, dialogs::ask_in_background(&self.dialogs, ctx, ask)));
        }
    }

    /// Opens an article, or a sidecar's article with that sidecar.
    fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        if crate::annotations::sidecar::is_sidecar_path(&path) {
            match self.article_of_sidecar(&path) {
                Ok(article) => self.loading = Some(LoadJob::start(&article, Some(path), ctx)),
                Err(message) => self.banners.push_with_action(
                    BannerKind::Error,
                    message,
                    "Locate article…",
                    AppCommand::Note(NoteCommand::LocateArticle(path)),
                ),
            }
            return;
        }
        self.loading = Some(LoadJob::start(&path, None, ctx));
    }

    /// Opens the located article with the sidecar that pointed to it.
    pub(crate) fn open_with_sidecar(
        &mut self,
        ctx: &egui::Context,
        article: PathBuf,
        sidecar: PathBuf,
    ) {
        self.loading = Some(LoadJob::start(&article, Some(sidecar), ctx));
    }

    /// Shows a document with its notes read and placed on this thread (the previous one is
    /// replaced). Files open through [`LoadJob`], which does that work in the background.
    pub fn show_document(&mut self, doc: Document) {
        let session = Session::open(&doc, None);
        self.show_loaded(doc, session);
    }

    /// Shows a loaded document with its notes.
    fn show_loaded(&mut self, doc: Document, session: Session) {
        // What the banners said was about the file shown before (or one that failed to open).
        self.banners.clear();
        if let Some(w) = self.greeting.take() {
            self.banners.push(BannerKind::Info, w);
        }
        if let Some(path) = &doc.path {
            self.settings.remember(path);
            if doc.text.trim().is_empty() {
                self.banners.push(
                    BannerKind::Warning,
                    format!(
                        "{}: the file is empty; there is nothing to read in it.",
                        path.display()
                    ),
                );
            }
        }
        for w in &doc.warnings {
            let name = doc
                .path
                .as_deref()
                .map_or_else(String::new, |p| format!("{}: ", p.display()));
            self.banners.push(BannerKind::Warning, format!("{name}{w}"));
        }
        self.view.set_document(&doc);
        self.reading_stats = (doc.word_count(), doc.reading_minutes());
        let ranges = self.view.paragraph_ranges();
        let palette = Palette::for_dark(false);
        self.view
            .set_decorations(Decorations::new(&ranges, style_runs(&doc, &palette)));
        let doc = Arc::new(doc);
        self.analysis = None;
        self.highlights = Highlights::new(&Analysis::default(), self.highlights.visible);
        self.selected = None;
        self.focus = None;
        self.find.reset();
        self.overlay_dark = None;
        self.analysis_job = Some(AnalysisJob::start(Arc::clone(&doc), &self.egui_ctx));
        self.selected_note = None;
        self.editor = Editor::default();
        self.session = session;
        self.note_choices = None;
        self.overlay_revision = None;
        self.report_session_state();
        self.doc = Some(doc);
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.analysis_job
            && let Some(result) = job.poll()
        {
            self.analysis_job = None;
            if let Some(a) = result {
                self.highlights = Highlights::new(&a, self.highlights.visible);
                self.analysis = Some(Arc::new(a));
                self.rebuild_overlay(ctx.global_style().visuals.dark_mode);
            }
        }
        if let Some(job) = &self.loading
            && let Some(result) = job.poll()
        {
            self.loading = None;
            match result {
                Ok((doc, session)) => self.show_loaded(doc, session),
                Err(e) => self
                    .banners
                    .push(BannerKind::Error, format!("Could not open {e}")),
            }
        }
        if let Some((purpose, rx)) = &self.dialog_answer
            && let Ok(answer) = rx.try_recv()
        {
            let purpose = purpose.clone();
            self.dialog_answer = None;
            match answer {
                DialogAnswer::Picked(path) => self.dialog_answered(ctx, purpose, path),
                DialogAnswer::Cancelled => {}
                DialogAnswer::Unavailable(why) => self.open_file_picker(purpose, &why),
            }
        }
        if self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mut title = match &self.doc {
            Some(d) if !d.title.is_empty() => format!("Marginalia — {}", d.title),
            _ => "Marginalia".to_string(),
        };
        if self.session.is_dirty() {
            title.push_str(" • unsaved");
        }
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// The window title the app last set.
    pub fn window_title(&self) -> &str {
        &self.title_shown
    }

    fn status_bar(&self, ui: &mut egui::Ui, palette: &Palette) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            if let Some(job) = &self.loading {
                ui.spinner();
                ui.label(job.progress_line());
                ui.separator();
            }
            if let Some((text, at)) = &self.flash
                && at.elapsed() < FLASH_FOR
            {
                ui.label(RichText::new(text).strong());
                ui.ctx()
                    .request_repaint_after(FLASH_FOR.saturating_sub(at.elapsed()));
                ui.separator();
            }
            if let Some(doc) = &self.doc {
                let (words, minutes) = self.reading_stats;
                ui.label(
                    RichText::new(format!(
                        "{} words · {} min read",
                        group_thousands(words),
                        minutes
                    ))
                    .color(palette.muted),
                );
                if let Some(p) = &doc.path {
                    ui.separator();
                    ui.label(RichText::new(p.display().to_string()).color(palette.muted));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = ui.visuals().dark_mode;
                let label = if dark { "Light" } else { "Dark" };
                if ui
                    .button(label)
                    .on_hover_text(format!(
                        "Switch light/dark ({})",
                        UiCommand::ToggleTheme.shortcut_text(ui.ctx())
                    ))
                    .clicked()
                {
                    out.push(AppCommand::ToggleTheme);
                }
                ui.label(
                    RichText::new(format!("{:.0}%", self.settings.zoom * 100.0))
                        .color(palette.muted),
                )
                .on_hover_text(format!(
                    "Zoom ({} / {} / {})",
                    UiCommand::ZoomIn.shortcut_text(ui.ctx()),
                    UiCommand::ZoomOut.shortcut_text(ui.ctx()),
                    UiCommand::ZoomReset.shortcut_text(ui.ctx())
                ));
            });
        });
        out
    }
}

/// eframe's theme preference for a choice.
fn theme_preference(t: ThemeChoice) -> egui::ThemePreference {
    match t {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    }
}

/// 12345 → "12,345".
pub fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs for the document's own inline styles (emphasis, links).
fn style_runs(doc: &Document, palette: &Palette) -> Vec<Run> {
    doc.styles
        .iter()
        .map(|s| {
            let decor = match &s.style {
                InlineStyle::Emphasis => Decor {
                    italic: true,
                    ..Decor::default()
                },
                InlineStyle::Strong => Decor {
                    bold: true,
                    ..Decor::default()
                },
                InlineStyle::Code => Decor {
                    mono: true,
                    ..Decor::default()
                },
                InlineStyle::Link(_) => Decor {
                    color: Some(palette.link),
                    underline: Some(Stroke::new(1.0, palette.link)),
                    ..Decor::default()
                },
            };
            Run {
                range: s.start..s.end,
                decor,
            }
        })
        .collect()
}

impl MarginaliaApp {
    /// The legend: each kind with its count and a toggle.
    fn legend(&self, ui: &mut egui::Ui, dark: bool) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal_wrapped(|ui| {
            if self.analysis_job.is_some() {
                ui.spinner();
                ui.label("Analysing…");
                return;
            }
            if self.analysis.is_none() {
                return;
            }
            for kind in HighlightKind::ALL {
                let style = theme::highlight_style(kind, dark);
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(26.0, 16.0), egui::Sense::hover());
                let swatch = rect.shrink2(egui::vec2(2.0, 2.0));
                if let Some(fill) = style.fill {
                    ui.painter().rect_filled(swatch, 2.0, fill);
                }
                if let Some((_, stroke)) = style.line {
                    ui.painter()
                        .hline(swatch.x_range(), swatch.bottom(), stroke);
                }
                if let Some(stroke) = style.border {
                    ui.painter()
                        .rect_stroke(swatch, 2.0, stroke, egui::StrokeKind::Inside);
                }
                let mut on = self.highlights.is_visible(kind);
                let label = format!("{} {}", kind.plural(), self.highlights.count(kind));
                if ui
                    .checkbox(&mut on, label)
                    .on_hover_text(format!(
                        "Show or hide {} in the text",
                        kind.plural().to_lowercase()
                    ))
                    .changed()
                {
                    out.push(AppCommand::ToggleKind(kind));
                }
                ui.add_space(6.0);
            }
            ui.separator();
            let keys = |c: UiCommand| c.shortcut_text(ui.ctx());
            let hint = format!(
                "{}: next · {}: previous · {}: details · {}: find · {}: all commands",
                keys(UiCommand::NextHighlight),
                keys(UiCommand::PrevHighlight),
                keys(UiCommand::OpenDetails),
                keys(UiCommand::Find),
                keys(UiCommand::CommandPalette)
            );
            ui.label(RichText::new(hint).weak());
        });
        out
    }

    /// The find bar.
    fn find_bar(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.find.query).desired_width(260.0))
                .labelled_by(label.id);
            if self.find.focus_field {
                edit.request_focus();
                self.find.focus_field = false;
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                out.push(AppCommand::FindNext);
                self.find.focus_field = true;
            }
            if let Some(doc) = &self.doc
                && self.find.update(&doc.text)
                && let Some(r) = self.find.current.and_then(|c| self.find.matches.get(c))
            {
                out.push(AppCommand::JumpTo(r.clone()));
            }
            ui.label(self.find.status());
            if ui.button("Previous").on_hover_text("Shift+F3").clicked() {
                out.push(AppCommand::FindPrev);
            }
            if ui.button("Next").on_hover_text("F3").clicked() {
                out.push(AppCommand::FindNext);
            }
            if ui.button("Close").on_hover_text("Esc").clicked() {
                out.push(AppCommand::FindClose);
            }
        });
        out
    }
}

impl eframe::App for MarginaliaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(started) = self.smoke
            && ctx.cumulative_frame_nr() >= 1
        {
            println!("first frame after {} ms", started.elapsed().as_millis());
            self.smoke = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Tab moves between highlights while no widget has the keyboard, not between widgets.
        if ctx.memory(|m| m.focused().is_none()) && ctx.input(|i| i.key_pressed(egui::Key::Tab)) {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        self.poll_background(&ctx);
        if self.session.autosave_due() {
            self.save_now();
        } else if let Some(wait) = self.session.autosave_in() {
            ctx.request_repaint_after(wait);
        }
        self.update_title(&ctx);
        let dark = ui.visuals().dark_mode;
        if self.doc.is_some()
            && (self.overlay_dark != Some(dark)
                || self.overlay_revision != Some(self.overlay_key()))
        {
            self.rebuild_overlay(dark);
        }
        if self.prefs_open {
            self.preferences(&ctx);
        }
        let palette = Palette::for_dark(dark);
        let mut cmds: Vec<AppCommand> = UiCommand::pressed(&ctx)
            .into_iter()
            .filter(|c| self.can_run(*c))
            .map(UiCommand::to_app_command)
            .collect();
        cmds.extend(commands::selection_keys(&ctx));
        // The window system turns Ctrl+C into a copy event rather than a key.
        if ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
            && !ctx.egui_wants_keyboard_input()
        {
            cmds.push(AppCommand::CopySelection);
        }
        let runnable: Vec<UiCommand> = UiCommand::all().filter(|c| self.can_run(*c)).collect();
        if let Some(chosen) = self.palette.show(&ctx, |c| runnable.contains(&c)) {
            cmds.push(chosen.to_app_command());
        }
        if self.shortcut_sheet_open {
            self.shortcut_sheet_open = super::palette::shortcut_sheet(&ctx);
        }
        if self.about_open {
            self.about_open = super::palette::about(&ctx);
        }
        if let Some((purpose, picker)) = &mut self.file_picker {
            match picker.show(&ctx) {
                PickerOutcome::Open => {}
                PickerOutcome::Cancelled => self.file_picker = None,
                PickerOutcome::Chosen(path) => {
                    let purpose = purpose.clone();
                    self.file_picker = None;
                    self.dialog_answered(&ctx, purpose, path);
                }
            }
        }

        // Files dropped on the window open like File ▸ Open.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            cmds.push(AppCommand::Open(p));
        }

        egui::Panel::top("menu").show(ui, |ui| cmds.extend(self.menu_bar(ui)));
        if self.doc.is_some() {
            egui::Panel::top("legend").show(ui, |ui| cmds.extend(self.legend(ui, dark)));
        }
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| cmds.extend(self.find_bar(ui)));
        }
        egui::Panel::bottom("status").show(ui, |ui| cmds.extend(self.status_bar(ui, &palette)));
        if !self.banners.list().is_empty() {
            egui::Panel::top("banners")
                .frame(egui::Frame::new())
                .show(ui, |ui| cmds.extend(self.banners.show(ui, &palette)));
        }
        let note = self
            .selected_note
            .as_ref()
            .and_then(|id| self.session.store.get(id))
            .filter(|a| !a.deleted)
            .cloned();
        let details = match (self.selected, self.doc.clone(), self.analysis.clone()) {
            (Some(item), Some(doc), Some(a)) if note.is_none() => Some((item, doc, a)),
            _ => None,
        };
        let plan = layout_plan::plan(
            ctx.content_rect().width(),
            self.outline_open && self.doc.is_some(),
            note.is_some() || details.is_some(),
            super::reader::min_column_width(self.settings.zoom),
        );
        if plan.outline {
            let analysing = self.analysis_job.is_some();
            let analysis = self.analysis.clone();
            let selected = self.selected;
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(layout_plan::OUTLINE_WIDTH)
                .size_range(200.0..=460.0)
                .show(ui, |ui| {
                    cmds.extend(self.notes_outline(ui));
                    ui.separator();
                    cmds.extend(
                        self.outline
                            .show(ui, analysis.as_deref(), selected, analysing),
                    );
                });
        }
        let right_panel = |ui: &mut egui::Ui, app: &mut Self| -> Vec<AppCommand> {
            if let Some(a) = &note {
                let tags = app.session.store.tags();
                let orphaned = app.session.range_of(&a.id).is_none();
                let has_sel = app.view.selection.is_some_and(|s| s.anchor != s.caret);
                let read_only = !app.session.can_edit();
                let mut out = Vec::new();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let actions = app.editor.show(ui, a, &tags, orphaned, has_sel, read_only);
                        out.extend(
                            actions
                                .into_iter()
                                .map(|a| AppCommand::Note(NoteCommand::Edit(a))),
                        );
                    });
                out
            } else if let Some((item, doc, a)) = &details {
                let target = app
                    .session
                    .can_edit()
                    .then(|| app.item_range(*item))
                    .flatten();
                details::show(ui, doc, a, *item, target)
            } else {
                Vec::new()
            }
        };
        let right_id = if note.is_some() { "editor" } else { "details" };
        match plan.right {
            layout_plan::RightPanel::None => {}
            layout_plan::RightPanel::Side => {
                egui::Panel::right(right_id)
                    .resizable(true)
                    .default_size(layout_plan::RIGHT_WIDTH)
                    .size_range(260.0..=520.0)
                    .show(ui, |ui| cmds.extend(right_panel(ui, self)));
            }
            layout_plan::RightPanel::Overlay => {
                // Too narrow for a side panel: the details float over the article's right side.
                let width = (ctx.content_rect().width() - 40.0).min(layout_plan::RIGHT_WIDTH);
                let height = (ctx.content_rect().height() - 120.0).max(160.0);
                // No title bar: the panel inside has its own heading and × (one way to close).
                egui::Window::new(if note.is_some() { "Note" } else { "Details" })
                    .id(egui::Id::unique(("overlay", right_id)))
                    .title_bar(false)
                    .anchor(egui::Align2::RIGHT_TOP, [-12.0, 64.0])
                    .collapsible(false)
                    .resizable(false)
                    .fixed_size([width, height])
                    .show(&ctx, |ui| cmds.extend(right_panel(ui, self)));
            }
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(palette.paper))
            .show(ui, |ui| match self.doc.clone() {
                Some(doc) => {
                    let marks = Marks {
                        find: if self.find.open {
                            self.find.matches.clone()
                        } else {
                            Vec::new()
                        },
                        find_current: self.find.current,
                        focus: self
                            .focus
                            .and_then(|i| self.highlights.all().get(i))
                            .map(|h| h.range.clone()),
                    };
                    let has_notes = self.session.store.live().next().is_some();
                    let panel_w = ui.available_width();
                    self.view.reserve_right = if has_notes && panel_w > 760.0 {
                        super::margin::CARD_WIDTH + 2.0 * super::margin::GAP
                    } else {
                        0.0
                    };
                    let r = self
                        .view
                        .show(ui, &doc, &palette, self.settings.zoom, &marks);
                    if self.view.reserve_right > 0.0 {
                        cmds.extend(self.margin_cards(ui, dark));
                    }
                    if let Some(resp) = &r.response {
                        let app = &*self;
                        resp.context_menu(|ui| {
                            for command in [UiCommand::Annotate, UiCommand::Copy] {
                                if let Some(c) = app.command_button(ui, command) {
                                    cmds.push(c);
                                    ui.close();
                                }
                            }
                        });
                    }
                    if let Some(c) = r.clicked_char
                        && let Some(id) = self.note_at(c)
                    {
                        cmds.push(AppCommand::Note(NoteCommand::SelectNote(id)));
                    }
                    let hovered = r
                        .hovered_char
                        .and_then(|c| self.highlights.at(c))
                        .map(|(_, h)| h.item);
                    if let (Some(item), Some(resp)) = (hovered, &r.response) {
                        ctx.set_cursor_icon(egui::CursorIcon::PointingHand);
                        if let Some(text) = self.summary(item) {
                            resp.clone().on_hover_text_at_pointer(text);
                        }
                    }
                    if let Some(c) = r.clicked_char
                        && self.note_at(c).is_none()
                        && let Some((_, h)) = self.highlights.at(c)
                    {
                        cmds.push(AppCommand::Select(h.item));
                    }
                }
                None => {
                    ui.centered_and_justified(|ui| {
                        let msg = if self.loading.is_some() {
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
            });

        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
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

        for c in cmds {
            self.apply(&ctx, c);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    /// Notes are saved when the window closes.
    fn on_exit(&mut self) {
        self.save_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
