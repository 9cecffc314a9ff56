//! File ▸ Open Folder…: a folder's articles as a library. Every article is analysed in the
//! background on every core (the same table `marginalia voices` prints); the window shows the
//! progress, then a table of the articles (title, date, words, quotes, speakers) to open with a
//! click, and a “who is quoted” chart for the whole folder.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::RichText;

use super::commands::AppCommand;
use crate::corpus::paths::{self, Expanded};
use crate::corpus::{Voices, voices_of_files};

/// Speakers drawn in the chart: the most quoted.
const CHART_SPEAKERS: usize = 12;

/// The library of one folder.
pub struct Library {
    /// The folder shown.
    pub folder: PathBuf,
    /// Articles found in it.
    pub total: usize,
    /// Articles analysed so far (shared with the worker threads).
    done: Arc<AtomicUsize>,
    /// The table, once every article is analysed.
    result: Option<(Voices, Vec<String>)>,
    /// Where the finished table arrives.
    rx: Option<Receiver<(Voices, Vec<String>)>>,
}

impl Library {
    /// Lists `folder`'s articles and starts analysing them on a background thread.
    pub fn open(folder: &Path, ctx: &egui::Context) -> Self {
        let Expanded { files, problems } = paths::expand(&[folder.to_path_buf()]);
        let done = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = channel();
        let (count, ctx, total) = (Arc::clone(&done), ctx.clone(), files.len());
        std::thread::spawn(move || {
            let (voices, mut failures) = voices_of_files(&files, |_| {
                count.fetch_add(1, Ordering::Relaxed);
                ctx.request_repaint();
            });
            failures.extend(problems);
            let _ = tx.send((voices, failures));
            ctx.request_repaint();
        });
        Self {
            folder: folder.to_path_buf(),
            total,
            done,
            result: None,
            rx: Some(rx),
        }
    }

    /// The finished table, if the analysis is done.
    pub fn voices(&self) -> Option<&Voices> {
        self.result.as_ref().map(|(v, _)| v)
    }

    /// Takes in the table if it has arrived.
    fn poll(&mut self) {
        if let Some(rx) = &self.rx
            && let Ok(result) = rx.try_recv()
        {
            self.result = Some(result);
            self.rx = None;
        }
    }

    /// Draws the library window; `open` turns false when it is closed. A clicked title comes
    /// back as the command that opens it.
    pub fn ui(&mut self, ctx: &egui::Context, open: &mut bool) -> Option<AppCommand> {
        self.poll();
        let title = format!("Library — {}", self.folder.display());
        let mut chosen = None;
        egui::Window::new(title)
            .id(egui::Id::unique("library"))
            .open(open)
            .default_size([760.0, 560.0])
            .show(ctx, |ui| match &self.result {
                None => self.progress_ui(ui),
                Some((voices, failures)) => {
                    chosen = articles_ui(ui, voices);
                    ui.separator();
                    voices_chart(ui, voices);
                    for f in failures {
                        ui.label(RichText::new(f).color(ui.visuals().warn_fg_color));
                    }
                }
            });
        chosen
    }

    /// The progress while the folder is analysed.
    fn progress_ui(&self, ui: &mut egui::Ui) {
        let done = self.done.load(Ordering::Relaxed);
        let share = if self.total == 0 {
            1.0
        } else {
            done as f32 / self.total as f32
        };
        ui.label(format!("Analysing {done} of {} articles…", self.total));
        ui.add(egui::ProgressBar::new(share).show_percentage());
    }
}

/// The table of articles, newest first; a click on a title opens it.
fn articles_ui(ui: &mut egui::Ui, voices: &Voices) -> Option<AppCommand> {
    let mut rows: Vec<_> = voices.articles.values().collect();
    rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.path.cmp(&b.path)));
    ui.label(format!(
        "{} articles, {} quotes",
        rows.len(),
        voices.total_quotes()
    ));
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .id_salt("library-articles")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("library-grid")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for head in ["Title", "Date", "Words", "Quotes", "Speakers"] {
                        ui.strong(head);
                    }
                    ui.end_row();
                    for a in rows {
                        let title = if a.title.is_empty() {
                            &a.path
                        } else {
                            &a.title
                        };
                        if ui.link(title).on_hover_text(&a.path).clicked() {
                            chosen = Some(AppCommand::Open(PathBuf::from(&a.path)));
                        }
                        ui.label(a.date.as_deref().unwrap_or("—"));
                        ui.label(a.words.to_string());
                        ui.label(a.quotes.to_string());
                        ui.label(a.speakers.to_string());
                        ui.end_row();
                    }
                });
        });
    chosen
}

/// Who is quoted: a bar per speaker (the most quoted), and the shares by kind of speaker.
fn voices_chart(ui: &mut egui::Ui, voices: &Voices) {
    let total = voices.total_quotes().max(1) as f32;
    ui.strong("Who is quoted");
    ui.label(format!(
        "People {:.0}% · organisations {:.0}% · others {:.0}% · unattributed {:.0}%",
        100.0 * voices.by_people as f32 / total,
        100.0 * voices.by_organisations as f32 / total,
        100.0 * voices.by_others as f32 / total,
        100.0 * voices.unattributed as f32 / total,
    ));
    let ranked = voices.ranked();
    let most = ranked.first().map_or(1, |v| v.quotes.max(1)) as f32;
    let bar_color = ui.visuals().selection.bg_fill;
    for v in ranked.into_iter().take(CHART_SPEAKERS) {
        ui.horizontal(|ui| {
            ui.add_sized([180.0, 18.0], egui::Label::new(&v.name).truncate());
            let width = 240.0 * v.quotes as f32 / most;
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(width.max(2.0), 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, bar_color);
            ui.label(format!(
                "{} in {}",
                plural(v.quotes, "quote"),
                plural(v.articles.len(), "article")
            ));
        });
    }
}

/// "1 quote", "3 quotes".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
