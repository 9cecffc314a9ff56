//! The app: what it is made of and how it starts. A frame is drawn in `frame.rs`, which collects
//! what the user asked for from the keys and the panels; `apply.rs` applies it, in one place.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::article::Article;
use super::banner::Banners;
use super::commands::AppCommand;
use super::details::DetailsPanel;
use super::dialogs::{FileDialogs, NativeDialogs};
use super::editor::EditorPanel;
use super::find::Find;
use super::jobs::Jobs;
use super::loading::LoadJob;
use super::margin::MarginPanel;
use super::outline::OutlinePanel;
use super::reader::ReaderPanel;
use super::settings::{STORAGE_KEY, Settings, ThemeChoice};
use super::status_bar::StatusBar;
use super::theme;
use super::windows::Windows;
use crate::annotations::session::Session;
use crate::document::Document;

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
    /// `file`, already loading (started before the window, see [`super::run`]).
    pub loading: Option<LoadJob>,
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
            loading: None,
        }
    }
}

/// The Marginalia window: the persisted settings, the open article and its notes, and the
/// panels, each owning its own state.
pub struct MarginaliaApp {
    /// What eframe keeps between runs (and nothing else).
    pub settings: Settings,
    /// The open article: document, analysis, highlights.
    pub article: Article,
    /// The notes of the open article.
    pub session: Session,
    /// The article column.
    pub reader: ReaderPanel,
    /// The outline on the left.
    pub outline: OutlinePanel,
    /// The details of a quote, name or figure.
    pub details: DetailsPanel,
    /// The note editor.
    pub editor: EditorPanel,
    /// Note cards beside the column.
    pub margin: MarginPanel,
    /// The find bar.
    pub find: Find,
    /// Messages across the top.
    pub banners: Banners,
    /// The status bar.
    pub status: StatusBar,
    /// The palette, help windows, preferences and the app's own file picker.
    pub windows: Windows,
    /// Opening, analysing and dialogs under way.
    pub(crate) jobs: Jobs,
    /// Bookkeeping of the window itself.
    pub(crate) runtime: Runtime,
}

/// What the app keeps about its window that is neither a panel's nor persisted.
pub(crate) struct Runtime {
    /// The first-run welcome, shown once the sample has opened.
    pub greeting: Option<String>,
    /// `--smoke`: when the process started, and what has been reported.
    pub smoke: Option<super::smoke::Smoke>,
    /// The window title last set.
    pub title_shown: String,
}

impl MarginaliaApp {
    /// Creates the app, restoring settings from eframe storage, and starts opening the first file.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .unwrap_or_default()
            .sanitize();
        let mut app = Self {
            settings,
            article: Article::default(),
            session: Session::default(),
            reader: ReaderPanel::default(),
            outline: OutlinePanel::default(),
            details: DetailsPanel::default(),
            editor: EditorPanel::default(),
            margin: MarginPanel,
            find: Find::default(),
            banners: Banners::default(),
            status: StatusBar::default(),
            windows: Windows::default(),
            jobs: Jobs::new(options.dialogs),
            runtime: Runtime {
                greeting: options.welcome,
                smoke: options
                    .smoke
                    .then(|| super::smoke::Smoke::new(options.started)),
                title_shown: String::new(),
            },
        };
        let ctx = &cc.egui_ctx;
        theme::install_fonts(ctx);
        // Ctrl+= / Ctrl+- zoom the article, not the whole interface.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(theme_preference(app.settings.theme));
        match (options.loading, options.file) {
            (Some(job), _) => app.jobs.adopt(job, ctx),
            (None, Some(file)) => app.apply(ctx, AppCommand::Open(file)),
            // Run from outside the source tree: show the bundled copy of the sample.
            (None, None) if options.sample_fallback => {
                let doc = Document::from_text(SAMPLE_TEXT);
                let session = Session::open(&doc, None);
                app.show_loaded(doc, session);
            }
            (None, None) => {}
        }
        app
    }

    /// Whether the in-app file picker is showing (the native dialog could not be).
    pub fn file_picker_open(&self) -> bool {
        self.windows.file_picker.is_some()
    }

    /// Whether a file is being opened.
    pub fn is_loading(&self) -> bool {
        self.jobs.loading.is_some()
    }

    /// Whether background work (opening, a dialog, analysis) is still under way.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
            || self
                .windows
                .library
                .as_ref()
                .is_some_and(|l| l.voices().is_none())
    }

    /// The window title the app last set.
    pub fn window_title(&self) -> &str {
        &self.runtime.title_shown
    }
}

/// eframe's theme preference for a choice.
pub(crate) fn theme_preference(t: ThemeChoice) -> egui::ThemePreference {
    match t {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    }
}

impl eframe::App for MarginaliaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let commands = self.frame(ui);
        let ctx = ui.ctx().clone();
        for command in commands {
            self.apply(&ctx, command);
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
