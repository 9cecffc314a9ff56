//! Work the window does not wait for: a file being opened, the analysis of the open article, and
//! a file dialog showing on its own thread. The app polls them once a frame and takes in what
//! finished.

use std::path::Path;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use super::analysis_job::{AnalysisJob, Progress};
use super::dialogs::{self, DialogAnswer, DialogPurpose, FileDialogs};
use super::loading::{LoadJob, Loaded};
use crate::analysis::Analysis;
use crate::document::Document;

/// Something background work finished.
pub enum Finished {
    /// A file opened (or failed to).
    Loaded(Box<Loaded>),
    /// The article's words are counted: the count and the reading minutes.
    Counted(usize, usize),
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
    /// An article to analyse once the frame showing its text has been painted: on a machine
    /// with few cores the analysis would otherwise take the processor from that frame.
    waiting: Option<Arc<Document>>,
    dialogs: Arc<dyn FileDialogs>,
    dialog: Option<(DialogPurpose, Receiver<DialogAnswer>)>,
}

impl Jobs {
    /// No work yet; dialogs are asked through `dialogs`.
    pub fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        Self {
            loading: None,
            analysis: None,
            waiting: None,
            dialogs,
            dialog: None,
        }
    }

    /// Whether anything is still under way.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.dialog.is_some() || self.is_analysing()
    }

    /// Whether the open article's analysis is under way or about to start.
    pub fn is_analysing(&self) -> bool {
        self.analysis.is_some() || self.waiting.is_some()
    }

    /// Starts opening `article` with the notes of `sidecar` (default: beside it); a file still
    /// opening is forgotten.
    pub fn open(&mut self, article: &Path, sidecar: Option<PathBuf>, ctx: &egui::Context) {
        self.loading = Some(LoadJob::start(article, sidecar, Some(ctx)));
    }

    /// Takes over a load started before the window existed.
    pub fn adopt(&mut self, job: LoadJob, ctx: &egui::Context) {
        job.attach(ctx);
        self.loading = Some(job);
    }

    /// Analyses `doc` from the next frame on (see [`Jobs::poll`]); an analysis still running
    /// (of the article before) stops now.
    pub fn analyse(&mut self, doc: Arc<Document>) {
        self.analysis = None;
        self.waiting = Some(doc);
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

    /// What finished since the last poll. Called as a frame starts, so an analysis asked for
    /// in the frame before starts now, after that frame was painted.
    pub fn poll(&mut self, ctx: &egui::Context) -> Vec<Finished> {
        let mut done = Vec::new();
        if let Some(doc) = self.waiting.take() {
            self.analysis = Some(AnalysisJob::start(doc, ctx));
        }
        for progress in self
            .analysis
            .as_ref()
            .map(AnalysisJob::poll)
            .unwrap_or_default()
        {
            match progress {
                Progress::Counted(words, minutes) => done.push(Finished::Counted(words, minutes)),
                Progress::Done(result) => {
                    self.analysis = None;
                    done.push(Finished::Analysed(result));
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::dialogs::NativeDialogs;

    /// Everything finished until `last` is among it (or two seconds passed).
    fn until(
        jobs: &mut Jobs,
        ctx: &egui::Context,
        last: impl Fn(&Finished) -> bool,
    ) -> Vec<Finished> {
        let mut all = Vec::new();
        for _ in 0..1000 {
            all.extend(jobs.poll(ctx));
            if all.iter().any(&last) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        all
    }

    #[test]
    fn the_analysis_starts_on_the_frame_after_the_text_was_shown() {
        let ctx = egui::Context::default();
        let mut jobs = Jobs::new(Arc::new(NativeDialogs));
        let doc = Arc::new(Document::from_text(
            "Headline\n“We will stay,” said Ann Lee.",
        ));
        jobs.analyse(doc);
        assert!(jobs.is_analysing() && jobs.is_busy());
        assert!(
            jobs.analysis.is_none(),
            "started in the frame that shows the text"
        );
        let done = until(&mut jobs, &ctx, |f| matches!(f, Finished::Analysed(_)));
        assert!(matches!(done.first(), Some(Finished::Counted(7, 1))));
        assert!(matches!(done.last(), Some(Finished::Analysed(Some(_)))));
        assert!(!jobs.is_busy());
    }

    #[test]
    fn a_load_started_before_the_window_is_taken_over_by_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "Headline\nText.").unwrap();
        let early = LoadJob::start(&path, None, None);
        let ctx = egui::Context::default();
        let mut jobs = Jobs::new(Arc::new(NativeDialogs));
        jobs.adopt(early, &ctx);
        let opened = |f: &Finished| matches!(f, Finished::Loaded(r) if r.as_ref().as_ref().is_ok_and(|(d, _)| d.text == "Headline\nText."));
        assert!(until(&mut jobs, &ctx, opened).iter().any(opened));
    }
}
