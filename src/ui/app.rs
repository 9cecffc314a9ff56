//! The app: its state, one frame of drawing, and the one place commands are applied.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use egui::{Color32, RichText, Stroke};

use super::banner::{BannerKind, Banners};
use super::commands::{self, AppCommand};
use super::dialogs::{self, FileDialogs, NativeDialogs};
use super::loading::LoadJob;
use super::reader::{Decor, Decorations, Marks, ReaderView, Run};
use super::settings::{STORAGE_KEY, Settings, ThemeChoice};
use super::theme::{self, Palette};
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
}

impl Default for StartOptions {
    fn default() -> Self {
        Self {
            file: None,
            smoke: false,
            started: Instant::now(),
            dialogs: Arc::new(NativeDialogs),
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
    loading: Option<LoadJob>,
    dialogs: Arc<dyn FileDialogs>,
    dialog_answer: Option<Receiver<Option<PathBuf>>>,
    smoke: Option<Instant>,
    title_shown: String,
    fonts_installed: bool,
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
            doc: None,
            view: ReaderView::default(),
            banners: Banners::default(),
            reading_stats: (0, 0),
            loading: None,
            dialogs: options.dialogs,
            dialog_answer: None,
            smoke: options.smoke.then_some(options.started),
            title_shown: String::new(),
            fonts_installed: false,
        };
        app.setup_context(&cc.egui_ctx);
        if let Some(file) = options.file {
            app.apply(&cc.egui_ctx, AppCommand::Open(file));
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
        self.loading.is_some() || self.dialog_answer.is_some()
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: AppCommand) {
        match command {
            AppCommand::OpenDialog => {
                if self.dialog_answer.is_none() {
                    self.dialog_answer =
                        Some(dialogs::ask_in_background(&self.dialogs, ctx, |d| {
                            d.pick_article()
                        }));
                }
            }
            AppCommand::Open(path) => self.loading = Some(LoadJob::start(&path, ctx)),
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
        }
    }

    /// Shows a loaded document (the previous one is replaced).
    pub fn show_document(&mut self, doc: Document) {
        if let Some(path) = &doc.path {
            self.settings.remember(path);
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
        self.doc = Some(Arc::new(doc));
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.loading
            && let Some(result) = job.poll()
        {
            self.loading = None;
            match result {
                Ok(doc) => self.show_document(doc),
                Err(e) => self
                    .banners
                    .push(BannerKind::Error, format!("Could not open {e}")),
            }
        }
        if let Some(rx) = &self.dialog_answer
            && let Ok(answer) = rx.try_recv()
        {
            self.dialog_answer = None;
            if let Some(path) = answer {
                self.apply(ctx, AppCommand::Open(path));
            }
        }
        if self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(d) if !d.title.is_empty() => format!("Marginalia — {}", d.title),
            _ => "Marginalia".to_string(),
        };
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// The window title the app last set.
    pub fn window_title(&self) -> &str {
        &self.title_shown
    }

    fn menu_bar(&self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(
                        egui::Button::new("Open…")
                            .shortcut_text(ui.ctx().format_shortcut(&commands::OPEN)),
                    )
                    .clicked()
                {
                    out.push(AppCommand::OpenDialog);
                }
                ui.menu_button("Open Recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(RichText::new("No recent files").weak());
                    }
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            out.push(AppCommand::Open(p.clone()));
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(
                        egui::Button::new("Quit")
                            .shortcut_text(ui.ctx().format_shortcut(&commands::QUIT)),
                    )
                    .clicked()
                {
                    out.push(AppCommand::Quit);
                }
            });
            ui.menu_button("View", |ui| {
                let ctx = ui.ctx().clone();
                let sc = |s| ctx.format_shortcut(s);
                if ui
                    .add(egui::Button::new("Zoom In").shortcut_text(sc(&commands::ZOOM_IN)))
                    .clicked()
                {
                    out.push(AppCommand::ZoomIn);
                }
                if ui
                    .add(egui::Button::new("Zoom Out").shortcut_text(sc(&commands::ZOOM_OUT)))
                    .clicked()
                {
                    out.push(AppCommand::ZoomOut);
                }
                if ui
                    .add(egui::Button::new("Actual Size").shortcut_text(sc(&commands::ZOOM_RESET)))
                    .clicked()
                {
                    out.push(AppCommand::ZoomReset);
                }
                ui.separator();
                for t in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                    if ui.radio(self.settings.theme == t, t.label()).clicked() {
                        out.push(AppCommand::SetTheme(t));
                    }
                }
                if ui
                    .add(
                        egui::Button::new("Switch Light/Dark")
                            .shortcut_text(sc(&commands::TOGGLE_THEME)),
                    )
                    .clicked()
                {
                    out.push(AppCommand::ToggleTheme);
                }
            });
        });
        out
    }

    fn status_bar(&self, ui: &mut egui::Ui, palette: &Palette) -> Vec<AppCommand> {
        let mut out = Vec::new();
        ui.horizontal(|ui| {
            if let Some(job) = &self.loading {
                ui.spinner();
                ui.label(job.progress_line());
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
                        ui.ctx().format_shortcut(&commands::TOGGLE_THEME)
                    ))
                    .clicked()
                {
                    out.push(AppCommand::ToggleTheme);
                }
                ui.label(
                    RichText::new(format!("{:.0}%", self.settings.zoom * 100.0))
                        .color(palette.muted),
                )
                .on_hover_text("Zoom (Ctrl+= / Ctrl+- / Ctrl+0)");
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
        self.poll_background(&ctx);
        self.update_title(&ctx);
        let palette = Palette::for_dark(ui.visuals().dark_mode);
        let mut cmds = commands::from_shortcuts(&ctx);

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
        egui::Panel::bottom("status").show(ui, |ui| cmds.extend(self.status_bar(ui, &palette)));
        if !self.banners.list().is_empty() {
            egui::Panel::top("banners")
                .frame(egui::Frame::new())
                .show(ui, |ui| cmds.extend(self.banners.show(ui, &palette)));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(palette.paper))
            .show(ui, |ui| match self.doc.clone() {
                Some(doc) => {
                    let marks = Marks::default();
                    self.view
                        .show(ui, &doc, &palette, self.settings.zoom, &marks);
                }
                None => {
                    ui.centered_and_justified(|ui| {
                        let msg = if self.loading.is_some() {
                            "Opening…"
                        } else {
                            "Open an article with File > Open… (Ctrl+O), or drop a file here."
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
}

/// The sample article shipped with the app: the project's copy when run from the source tree.
pub fn sample_path() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join("haiti-kenya.txt");
    p.is_file().then_some(p)
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
