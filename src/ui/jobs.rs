//! Work the window does not wait for: a file being opened, the analysis of the open article, and
//! a file dialog showing on its own thread. The app polls them once a frame and takes in what
//! finished.

use std::path::Path;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use super::analysis_job::AnalysisJob;
use super::dialogs::{self, DialogAnswer, DialogPurpose, FileDialogs};
use super::loading::LoadJob;
use crate::analysis::Analysis;
use crate::annotations::session::Session;
use crate::document::{Document, LoadError};

/// Something background work finished.
pub enum Finished {
    /// A file opened (or failed to).
    Loaded(Box<Result<(Document, Session), LoadError>>),
    /// The analysis is done (`None`: cancelled or failed).
    Analysed(Option<Analysis>),
    /// A file dialog answered.
    Answered(DialogPurpose, DialogAnswer),
}

/// The background work under way.
pub struct Jobs {
    /// The file being opened.
    pub loading: Option<LoadJob>,
    /// The analysis of the open article.
    pub analysis: Option<AnalysisJob>,
    dialogs: Arc<dyn FileDialogs>,
    dialog: Option<(DialogPurpose, Receiver<DialogAnswer>)>,
}

impl Jobs {
    /// No work yet; dialogs are asked through `dialogs`.
    pub fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        Self {
            loading: None,
            analysis: None,
            dialogs,
            dialog: None,
        }
    }

    /// Whether anything is still under way.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.dialog.is_some() || self.analysis.is_some()
    }

    /// Starts opening `article` with the notes of `sidecar` (default: beside it); a file still
    /// opening is forgotten.
    pub fn open(&mut self, article: &Path, sidecar: Option<PathBuf>, ctx: &egui::Context) {
        self.loading = Some(LoadJob::start(article, sidecar, ctx));
    }

    /// Starts analysing `doc`; an analysis still running (of the article before) stops.
    pub fn analyse(&mut self, doc: Arc<Document>, ctx: &egui::Context) {
        self.analysis = Some(AnalysisJob::start(doc, ctx));
    }

    /// Shows a file dialog for `purpose` on its own thread, unless one is showing already.
    pub fn ask(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        ask: impl FnOnce(&dyn FileDialogs) -> DialogAnswer + Send + 'static,
    ) {
        if self.dialog.is_none() {
            let answer = dialogs::ask_in_background(&self.dialogs, ctx, ask);
            self.dialog = Some((purpose, answer));
        }
    }

    /// What finished since the last poll.
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut done = Vec::new();
        if let Some(result) = self.analysis.as_ref().and_then(AnalysisJob::poll) {
            self.analysis = None;
            done.push(Finished::Analysed(result));
        }
        if let Some(result) = self.loading.as_ref().and_then(LoadJob::poll) {
            self.loading = None;
            done.push(Finished::Loaded(Box::new(result)));
        }
        if let Some((purpose, rx)) = &self.dialog
            && let Ok(answer) = rx.try_recv()
        {
            done.push(Finished::Answered(purpose.clone(), answer));
            self.dialog = None;
        }
        done
    }
}
