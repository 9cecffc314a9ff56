//! Analysing the open article on a background thread: the text is readable and scrollable at once,
//! the highlights appear when the analysis is done, and opening another file cancels it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use crate::analysis::{self, Analysis, CancelFlag};
use crate::document::Document;

/// An analysis under way.
pub struct AnalysisJob {
    cancel: Arc<CancelFlag>,
    rx: Receiver<Option<Analysis>>,
    /// When it started.
    pub started: Instant,
}

impl AnalysisJob {
    /// Starts analysing `doc`; `ctx` is woken when done.
    pub fn start(doc: Arc<Document>, ctx: &egui::Context) -> Self {
        let cancel = Arc::new(CancelFlag::new());
        let (tx, rx) = channel();
        let flag = Arc::clone(&cancel);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = analysis::analyze_cancellable(&doc, &flag);
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        Self {
            cancel,
            rx,
            started: Instant::now(),
        }
    }

    /// The analysis once done (`Some(None)` when it was cancelled or its thread died).
    pub fn poll(&self) -> Option<Option<Analysis>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

impl Drop for AnalysisJob {
    /// A job that is dropped (another file opened) stops its thread soon.
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}
