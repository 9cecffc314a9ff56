//! Opening files: an article or a sidecar (which leads to its article), file dialogs and the
//! app's own picker where no dialog can be shown, and taking in a file once it has loaded in the
//! background.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::app::MarginaliaApp;
use super::article::Article;
use super::banner::BannerKind;
use super::commands::{AppCommand, NoteCommand};
use super::dialogs::{DialogAnswer, DialogPurpose, FileDialogs};
use super::jobs::Finished;
use super::windows::picker_folder;
use crate::analysis::Analysis;
use crate::annotations::beside::{LocateError, article_and_sidecar};
use crate::annotations::export::{ExportFormat, suggested_file_name};
use crate::annotations::session::{Blocked, Session};
use crate::document::Document;

/// How often the window redraws while a file opens (for the progress line).
const LOADING_REDRAW: std::time::Duration = std::time::Duration::from_millis(100);

impl MarginaliaApp {
    /// Shows a file dialog for `purpose` unless one (or the app's own picker) is showing.
    pub(crate) fn ask(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        ask: impl FnOnce(&dyn FileDialogs) -> DialogAnswer + Send + 'static,
    ) {
        if self.windows.file_picker.is_none() {
            self.jobs.ask(ctx, purpose, ask);
        }
    }

    /// File ▸ Open…
    pub(crate) fn ask_open(&mut self, ctx: &egui::Context) {
        self.ask(ctx, DialogPurpose::Open, |d| d.pick_article());
    }

    /// File ▸ Open Folder….
    pub(crate) fn ask_open_folder(&mut self, ctx: &egui::Context) {
        self.ask(ctx, DialogPurpose::OpenFolder, |d| d.pick_folder());
    }

    /// File ▸ Export, offering the article's name with the format's extension.
    pub(crate) fn ask_export(&mut self, ctx: &egui::Context, f: ExportFormat) {
        let suggested = self.export_file_name(f);
        self.ask(ctx, DialogPurpose::Export(f), move |d| {
            d.save_as(&suggested)
        });
    }

    fn export_file_name(&self, f: ExportFormat) -> String {
        suggested_file_name(self.article_path(), f)
    }

    fn article_path(&self) -> Option<&Path> {
        self.article.doc.as_ref().and_then(|d| d.path.as_deref())
    }

    /// Opens an article, or a sidecar's article with that sidecar; a sidecar whose article
    /// cannot be found offers to locate it.
    pub(crate) fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        match article_and_sidecar(&path) {
            Ok(found) => self.jobs.open(&found.article, Some(found.sidecar), ctx),
            Err(e) => {
                let message = match e {
                    LocateError::Outside { .. } => format!("{e}; locate the article to open it"),
                    other => other.to_string(),
                };
                self.banners.push_with_action(
                    BannerKind::Error,
                    message,
                    "Locate article…",
                    AppCommand::Note(NoteCommand::LocateArticle(path)),
                );
            }
        }
    }

    /// A dialog (or the app's picker) answered with `path`.
    pub(crate) fn dialog_answered(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        path: PathBuf,
    ) {
        match purpose {
            DialogPurpose::Open => self.apply(ctx, AppCommand::Open(path)),
            DialogPurpose::OpenFolder => self.apply(ctx, AppCommand::OpenFolder(path)),
            DialogPurpose::Import => self.apply(ctx, AppCommand::Note(NoteCommand::Import(path))),
            DialogPurpose::Export(f) => {
                self.apply(ctx, AppCommand::Note(NoteCommand::Export(f, path)));
            }
            DialogPurpose::Locate(sidecar) => self.jobs.open(&path, Some(sidecar), ctx),
        }
    }

    /// Opens the app's own picker for `purpose`, because the system's dialog could not be shown
    /// (`why`); it starts in the open article's folder.
    fn open_file_picker(&mut self, purpose: DialogPurpose, why: &str) {
        let folder = picker_folder(self.article_path());
        let name = match &purpose {
            DialogPurpose::Export(f) => self.export_file_name(*f),
            DialogPurpose::Open
            | DialogPurpose::OpenFolder
            | DialogPurpose::Import
            | DialogPurpose::Locate(_) => String::new(),
        };
        self.banners.push(
            BannerKind::Warning,
            format!(
                "The system's file dialog could not be shown ({why}); choose the {} in Marginalia's own picker.",
                if purpose == DialogPurpose::OpenFolder { "folder" } else { "file" }
            ),
        );
        self.windows.open_picker(purpose, &folder, name);
    }

    /// Takes in what background work finished.
    pub(crate) fn take_finished(&mut self, ctx: &egui::Context) {
        for finished in self.jobs.poll(ctx) {
            match finished {
                Finished::Counted(words, minutes) => {
                    self.article.reading_stats = Some((words, minutes));
                }
                Finished::Analysed(Some(analysis)) => self.analysed(analysis),
                Finished::Analysed(None) => {}
                Finished::Loaded(result) => match *result {
                    Ok((doc, session)) => self.show_loaded(doc, session),
                    Err(e) => self
                        .banners
                        .push(BannerKind::Error, format!("Could not open {e}")),
                },
                Finished::Answered(purpose, DialogAnswer::Picked(path)) => {
                    self.dialog_answered(ctx, purpose, path);
                }
                Finished::Answered(_, DialogAnswer::Cancelled) => {}
                Finished::Answered(purpose, DialogAnswer::Unavailable(why)) => {
                    self.open_file_picker(purpose, &why);
                }
            }
        }
        if self.jobs.loading.is_some() {
            ctx.request_repaint_after(LOADING_REDRAW);
        }
    }

    fn analysed(&mut self, analysis: Analysis) {
        self.article.set_analysis(analysis);
        self.reader.invalidate_overlay();
    }

    /// Shows a loaded document with its notes (the one shown before is replaced); its words are
    /// counted and it is analysed once its text is on screen.
    pub(crate) fn show_loaded(&mut self, doc: Document, session: Session) {
        // What the banners said was about the file shown before (or one that failed to open).
        self.banners.clear();
        if let Some(w) = self.runtime.greeting.take() {
            self.banners.push(BannerKind::Info, w);
        }
        self.document_warnings(&doc);
        if let Some(path) = &doc.path {
            self.settings.remember(path);
        }
        self.reader.open(&doc);
        let doc = Arc::new(doc);
        let visible = self.article.highlights.visible;
        self.article = Article::opened(Arc::clone(&doc), visible);
        self.details.selected = None;
        self.find.reset();
        self.jobs.analyse(doc);
        self.editor.reset();
        self.session = session;
        self.outline.notes.reset();
        self.report_session_state();
    }

    /// Banners for an empty file and for what the loader warned about.
    fn document_warnings(&mut self, doc: &Document) {
        let name = doc
            .path
            .as_deref()
            .map_or_else(String::new, |p| format!("{}: ", p.display()));
        if doc.path.is_some() && doc.text.trim().is_empty() {
            self.banners.push(
                BannerKind::Warning,
                format!("{name}the file is empty; there is nothing to read in it."),
            );
        }
        for w in &doc.warnings {
            self.banners.push(BannerKind::Warning, format!("{name}{w}"));
        }
    }

    /// Banners for the state of the sidecar just opened.
    fn report_session_state(&mut self) {
        self.banners.dismiss_matching(".annotations.json");
        match &self.session.blocked {
            Some(Blocked::Broken(msg)) => self.banners.push_with_action(
                BannerKind::Error,
                format!("{msg}. The file is left as it is; annotating is off until you start a fresh file (the broken one is kept aside)."),
                "Start a fresh file",
                AppCommand::Note(NoteCommand::StartFresh),
            ),
            Some(Blocked::ReadOnly(msg)) => self.banners.push(BannerKind::Warning, msg.clone()),
            Some(Blocked::NoFile) | None => {}
        }
        let Some(p) = &self.session.sidecar_path else {
            return;
        };
        if self.session.article_changed {
            let counts = self.session.counts();
            let see = if counts.orphaned > 0 {
                " (the orphaned are listed in the outline)"
            } else {
                ""
            };
            self.banners.push(
                BannerKind::Warning,
                format!(
                    "{}: the article changed since these notes were written: {}{see}",
                    p.display(),
                    counts.summary()
                ),
            );
        }
    }
}
