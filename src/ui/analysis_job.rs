//! Analysing the open article on a background thread: the text is readable and scrollable at once,
//! the word count and then the highlights appear when they are done, and opening another file
//! cancels it. Counting the words is part of it: on a 20 MB article the count alone takes tens of
//! milliseconds, which the window should not wait for before showing the text.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::analysis::{self, Analysis, CancelFlag};
use crate::document::{self, Document};

/// What the analysis thread reports.
pub enum Progress {
    /// The article's word count and reading minutes.
    Counted(usize, usize),
    /// The analysis, or `None` when it was cancelled or its thread died.
    Done(Option<Analysis>),
}

/// An analysis under way.
pub struct AnalysisJob {
    cancel: Arc<CancelFlag>,
    rx: Receiver<Progress>,
    /// When it started.
    pub started: Instant,
}

impl AnalysisJob {
    /// Starts counting and analysing `doc`; `ctx` is woken after each step.
    pub fn start(doc: Arc<Document>, ctx: &egui::Context) -> Self {
        let cancel = Arc::new(CancelFlag::new());
        let (tx, rx) = channel();
        let flag = Arc::clone(&cancel);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let words = doc.word_count();
            let _ = tx.send(Progress::Counted(words, document::reading_minutes(words)));
            ctx.request_repaint();
            let result = analysis::analyze_cancellable(&doc, &flag);
            let _ = tx.send(Progress::Done(result));
            ctx.request_repaint();
        });
        Self {
            cancel,
            rx,
            started: Instant::now(),
        }
    }

    /// What the thread reported since the last poll; after `Done` the job is over.
    pub fn poll(&self) -> Vec<Progress> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(p) => out.push(p),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if !out.iter().any(|p| matches!(p, Progress::Done(_))) {
                        out.push(Progress::Done(None));
                    }
                    break;
                }
            }
        }
        out
    }
}

impl Drop for AnalysisJob {
    /// A job that is dropped (another file opened) stops its thread soon.
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}
