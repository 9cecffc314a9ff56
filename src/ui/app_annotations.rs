//! The app's annotation commands: creating, editing, undo, saving, importing, exporting, and
//! opening an article through its sidecar. Kept apart from `app.rs`, which draws the frame.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::app::MarginaliaApp;
use super::banner::BannerKind;
use super::commands::{AppCommand, NoteCommand};
use super::editor::{EditorAction, color_name};
use super::file_picker::{FilePicker, PickerMode};
use super::margin::{self, parse_color};
use super::reader::{LineStyle, MarkStyle, PaintMark};
use crate::annotations::beside::{LocateError, article_and_sidecar};
use crate::annotations::export;
use crate::annotations::export::ExportFormat;
use crate::annotations::session::Blocked;
use crate::annotations::store::{Edit, Filter};
use crate::annotations::{Annotation, Reply, Status, Target, sidecar, web_import, write_atomic};

/// What a pending file dialog is for.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogPurpose {
    /// An article (or sidecar) to open.
    Open,
    /// Annotations to import.
    Import,
    /// Where to write an export.
    Export(ExportFormat),
    /// Where the article of this sidecar is.
    Locate(PathBuf),
}

impl MarginaliaApp {
    /// Where the article of the sidecar at `path` is.
    pub(crate) fn article_of_sidecar(&self, path: &Path) -> Result<PathBuf, String> {
        match article_and_sidecar(path) {
            Ok(found) => Ok(found.article),
            Err(e @ LocateError::Outside { .. }) => {
                Err(format!("{e}; locate the article to open it"))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// The file name an export of the open article is offered under.
    fn export_file_name(&self, f: ExportFormat) -> String {
        export::suggested_file_name(self.doc.as_ref().and_then(|d| d.path.as_deref()), f)
    }

    /// Opens the app's own picker for `purpose`, because the system's dialog could not be shown
    /// (`why`); it starts in the open article's folder.
    pub(crate) fn open_file_picker(&mut self, purpose: DialogPurpose, why: &str) {
        let folder = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_deref())
            .and_then(Path::parent)
            .filter(|p| p.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        let (title, mode, name) = match &purpose {
            DialogPurpose::Open => ("Open article", PickerMode::Open, String::new()),
            DialogPurpose::Import => ("Import annotations", PickerMode::Open, String::new()),
            DialogPurpose::Export(f) => ("Export", PickerMode::Save, self.export_file_name(*f)),
            DialogPurpose::Locate(_) => ("Locate the article", PickerMode::Open, String::new()),
        };
        self.banners.push(
            BannerKind::Warning,
            format!("The system's file dialog could not be shown ({why}); choose the file in Marginalia's own picker."),
        );
        self.file_picker = Some((purpose, FilePicker::new(title, mode, &folder, &name)));
    }

    /// A dialog answered with `path`.
    pub(crate) fn dialog_answered(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        path: PathBuf,
    ) {
        match purpose {
            DialogPurpose::Open => self.apply(ctx, AppCommand::Open(path)),
            DialogPurpose::Import => self.apply(ctx, AppCommand::Note(NoteCommand::Import(path))),
            DialogPurpose::Export(f) => {
                self.apply(ctx, AppCommand::Note(NoteCommand::Export(f, path)))
            }
            DialogPurpose::Locate(side) => self.open_with_sidecar(ctx, path, side),
        }
    }

    /// Banners for the state of the sidecar just opened.
    pub(crate) fn report_session_state(&mut self) {
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
        if self.session.article_changed
            && let Some(p) = &self.session.sidecar_path
        {
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

    fn annotate(&mut self, range: std::ops::Range<usize>) {
        let Some(doc) = self.doc.clone() else { return };
        if !self.session.can_edit() {
            let why = match &self.session.blocked {
                Some(Blocked::NoFile) => {
                    "This article is shown from memory; open it from a file to annotate it."
                        .to_string()
                }
                Some(Blocked::Broken(m)) | Some(Blocked::ReadOnly(m)) => m.clone(),
                None => String::new(),
            };
            self.banners.push(BannerKind::Warning, why);
            return;
        }
        let Some(range) = trim_blank_ends(&doc.text, range) else {
            let keys = super::ui_command::UiCommand::Annotate.shortcut_text(&self.egui_ctx);
            self.banners.push(
                BannerKind::Warning,
                format!("Select some text first (not only spaces), then press {keys}."),
            );
            return;
        };
        let a = Annotation::new_on(&doc.text, range.start, range.end, &self.settings.author);
        let id = a.id.clone();
        match self.session.apply(Edit::Add(Box::new(a)), &doc.text) {
            Ok(_) => {
                self.selected_note = Some(id.clone());
                self.fresh_note = Some(id);
                self.view.selection = None;
            }
            Err(e) => self
                .banners
                .push(BannerKind::Error, format!("Could not add the note: {e}")),
        }
    }

    fn edit(&mut self, edit: Edit) {
        let Some(doc) = self.doc.clone() else { return };
        self.fresh_note = None;
        if let Err(e) = self.session.apply(edit, &doc.text) {
            self.banners
                .push(BannerKind::Error, format!("Could not change the note: {e}"));
        }
    }

    /// Turns the editor's pending typing into an edit (before saving, closing or switching).
    pub(crate) fn flush_editor(&mut self) {
        let Some(id) = self.selected_note.clone() else {
            return;
        };
        let Some(a) = self.session.store.get(&id).cloned() else {
            return;
        };
        if let Some(EditorAction::Update(next)) = self.editor.flush(&a) {
            self.edit(Edit::Update(id, next));
        }
    }

    /// Saves now; errors and merges are reported in banners.
    pub(crate) fn save_now(&mut self) {
        self.flush_editor();
        let Some(doc) = self.doc.clone() else { return };
        if !self.session.is_dirty() {
            return;
        }
        match self.session.save(&doc) {
            Ok(Some(report)) => self.banners.push(
                BannerKind::Warning,
                format!(
                    "The annotations file had changed on disk; merged: {} added, {} updated, {} deleted",
                    report.added.len(),
                    report.updated.len(),
                    report.deleted.len()
                ),
            ),
            Ok(None) => {}
            Err(e) => self.banners.push(BannerKind::Error, format!("Could not save the annotations: {e}")),
        }
    }

    /// Applies an annotation command.
    pub(crate) fn apply_note_command(&mut self, ctx: &egui::Context, command: NoteCommand) {
        let text = self
            .doc
            .as_ref()
            .map(|d| d.text.clone())
            .unwrap_or_default();
        match command {
            NoteCommand::Annotate => {
                let r = self.view.selection.map(|s| s.range()).unwrap_or(0..0);
                self.annotate(r);
            }
            NoteCommand::AnnotateRange(r) => self.annotate(r),
            NoteCommand::SelectNote(id) => {
                self.flush_editor();
                if let Some(r) = self.session.range_of(&id) {
                    self.view.scroll_to(r, true, ctx.input(|i| i.time));
                }
                self.selected_note = Some(id);
            }
            NoteCommand::Edit(action) => match action {
                EditorAction::Update(next) => {
                    let id = next.id.clone();
                    self.edit(Edit::Update(id, next));
                }
                EditorAction::Delete(id) => {
                    self.edit(Edit::Delete(id));
                    self.selected_note = None;
                }
                EditorAction::Reply(id, note) => {
                    if let Some(a) = self.session.store.get(&id) {
                        let mut next = a.clone();
                        next.replies.push(Reply::new(&self.settings.author, &note));
                        self.edit(Edit::Update(id, Box::new(next)));
                    }
                }
                EditorAction::Reattach(id) => {
                    let sel = self
                        .view
                        .selection
                        .map(|s| s.range())
                        .filter(|r| !r.is_empty());
                    if let (Some(r), Some(a)) = (sel, self.session.store.get(&id)) {
                        let mut next = a.clone();
                        next.target = Target::from_text(&text, r.start, r.end);
                        self.edit(Edit::Update(id, Box::new(next)));
                        self.view.selection = None;
                    }
                }
                EditorAction::Close => {
                    self.flush_editor();
                    // A note made and closed without a word, tag or colour was not wanted.
                    if self.fresh_note.is_some() && self.fresh_note == self.selected_note {
                        self.session.undo(&text);
                    }
                    self.fresh_note = None;
                    self.selected_note = None;
                }
            },
            NoteCommand::Undo => {
                self.flush_editor();
                if !self.session.undo(&text) {
                    self.banners.push(BannerKind::Warning, "Nothing to undo.");
                }
            }
            NoteCommand::Redo => {
                if !self.session.redo(&text) {
                    self.banners.push(BannerKind::Warning, "Nothing to redo.");
                }
            }
            NoteCommand::Save => self.save_now(),
            NoteCommand::StartFresh => {
                let Some(doc) = self.doc.clone() else { return };
                match self.session.start_fresh(&doc) {
                    Ok(kept) => {
                        self.banners.dismiss_matching(".annotations.json");
                        self.banners.push(
                            BannerKind::Warning,
                            format!(
                                "The broken file was kept as {}; new notes go into a fresh file.",
                                kept.display()
                            ),
                        );
                    }
                    Err(e) => self.banners.push(BannerKind::Error, e),
                }
            }
            NoteCommand::TogglePreferences => self.prefs_open = !self.prefs_open,
            NoteCommand::ImportDialog => self.ask(ctx, DialogPurpose::Import, |d| d.pick_import()),
            NoteCommand::Import(path) => self.import(&path),
            NoteCommand::ExportDialog(f) => {
                let suggested = self.export_file_name(f);
                self.ask(ctx, DialogPurpose::Export(f), move |d| {
                    d.save_as(&suggested)
                });
            }
            NoteCommand::Export(f, path) => self.export(f, &path),
            NoteCommand::LocateArticle(side) => {
                self.ask(ctx, DialogPurpose::Locate(side), |d| d.pick_article())
            }
        }
    }

    /// Merges a sidecar, or a W3C / Hypothesis annotation file, into the open article's notes.
    pub(crate) fn import(&mut self, path: &Path) {
        let Some(doc) = self.doc.clone() else { return };
        if !self.session.can_edit() {
            self.banners.push(
                BannerKind::Warning,
                "Annotations cannot be changed now (see the message above).",
            );
            return;
        }
        let read = sidecar::read_annotation_bytes(path).map_err(|e| e.to_string());
        let list = read.and_then(|bytes| {
            let looks_sidecar = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .is_some_and(|v| {
                    v.get("format").and_then(|f| f.as_str())
                        == Some(crate::annotations::FORMAT_NAME)
                });
            if looks_sidecar {
                sidecar::parse_sidecar(path, &bytes)
                    .map(|(s, _)| s.annotations)
                    .map_err(|e| e.to_string())
            } else {
                let text = String::from_utf8_lossy(&bytes);
                web_import::from_web_json(&text, &doc)
                    .map_err(|e| format!("{}: {e}", path.display()))
            }
        });
        let list = match list {
            Ok(l) => l,
            Err(e) => {
                self.banners
                    .push(BannerKind::Error, format!("Could not import {e}"));
                return;
            }
        };
        match self.session.apply(Edit::Import(list), &doc.text) {
            Ok(applied) => {
                let orphaned = self.session.orphans().len();
                let r = applied.merge.unwrap_or_default();
                self.banners.push(
                    BannerKind::Warning,
                    format!(
                        "Imported {}: {} added, {} updated, {} deleted, {} orphaned (Ctrl+Z undoes the import)",
                        path.display(),
                        r.added.len(),
                        r.updated.len(),
                        r.deleted.len(),
                        orphaned
                    ),
                );
            }
            Err(e) => self.banners.push(
                BannerKind::Error,
                format!("Could not import {}: {e}", path.display()),
            ),
        }
    }

    /// Writes an export of the notes (and, for reports, the analysis) to `path`: the command
    /// line's export of the same article and notes, through the core's one dispatcher.
    pub(crate) fn export(&mut self, f: ExportFormat, path: &Path) {
        let Some(doc) = self.doc.clone() else { return };
        if let (Some(article), Some(side)) = (&doc.path, &self.session.sidecar_path)
            && let Err(e) = export::check_destination(path, article, side)
        {
            self.banners
                .push(BannerKind::Error, format!("{e}; choose another file"));
            return;
        }
        let source = export::source_name(doc.path.as_deref());
        let body = export::render(
            &doc,
            self.session.store.all(),
            f,
            &source,
            self.analysis.as_deref(),
        );
        match write_atomic(path, body.as_bytes()) {
            Ok(()) => self.banners.push(
                BannerKind::Warning,
                format!("Exported to {}", path.display()),
            ),
            Err(e) => self.banners.push(
                BannerKind::Error,
                format!("Could not export to {}: {e}", path.display()),
            ),
        }
    }

    /// Painted marks for the placed annotations: a tint in their colour and a line on the bottom
    /// edge. On a dark page the tint is lighter, so the light text stays readable over it.
    pub(crate) fn note_marks(&self, dark: bool) -> Vec<PaintMark> {
        self.session
            .placed()
            .filter_map(|(a, r)| {
                let r = r?;
                let c = parse_color(&a.color).unwrap_or(egui::Color32::YELLOW);
                let selected = self.selected_note.as_deref() == Some(a.id.as_str());
                Some(PaintMark {
                    range: r,
                    style: MarkStyle {
                        fill: Some(note_fill(c, selected, dark)),
                        line: Some((
                            LineStyle::Edge,
                            egui::Stroke::new(if selected { 3.0 } else { 2.0 }, c),
                        )),
                        border: None,
                    },
                })
            })
            .collect()
    }

    /// The Annotations group of the outline: filters, search, the notes, and the orphans.
    pub(crate) fn notes_outline(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        let live = self.session.store.live().count();
        egui::CollapsingHeader::new(format!("Annotations ({live})"))
            .id_salt("outline-notes")
            .default_open(true)
            .show(ui, |ui| {
                let store = &self.session.store;
                let revision = store.revision();
                let (tags, authors, colors) = match &self.note_choices {
                    Some((r, choices)) if *r == revision => choices.clone(),
                    _ => {
                        let choices = (store.tags(), store.authors(), store.colors());
                        self.note_choices = Some((revision, choices.clone()));
                        choices
                    }
                };
                let f = &mut self.note_filter;
                // Filters only when there is something to filter.
                if live > 0 {
                    ui.horizontal(|ui| {
                        let label = ui.label("Search notes");
                        let mut text = f.text.clone().unwrap_or_default();
                        if ui
                            .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                            .labelled_by(label.id)
                            .changed()
                        {
                            f.text = (!text.trim().is_empty()).then_some(text);
                        }
                    });
                    ui.horizontal_wrapped(|ui| {
                        combo(ui, "Tag", &mut f.tag, &tags, |t| format!("#{t}"));
                        let statuses: Vec<Status> = Status::ALL.to_vec();
                        combo(ui, "Status", &mut f.status, &statuses, |s| {
                            s.as_str().to_string()
                        });
                        combo(ui, "Colour", &mut f.color, &colors, |c| color_name(c));
                        combo(ui, "Author", &mut f.author, &authors, |a| a.clone());
                    });
                }
                let filter = self.note_filter.clone();
                let mut shown: Vec<(&Annotation, Option<std::ops::Range<usize>>)> = self
                    .session
                    .placed()
                    .filter(|(a, _)| filter.matches(a))
                    .collect();
                let total = shown.len();
                let order =
                    |x: &(&Annotation, Option<std::ops::Range<usize>>),
                     y: &(&Annotation, Option<std::ops::Range<usize>>)| {
                        let start =
                            |r: &Option<std::ops::Range<usize>>| r.as_ref().map_or(0, |r| r.start);
                        (x.1.is_none(), start(&x.1))
                            .cmp(&(y.1.is_none(), start(&y.1)))
                            .then_with(|| x.0.created.cmp(&y.0.created))
                    };
                // Only the rows listed are sorted: a full sort of 100,000 notes each frame
                // would cost more than the frame.
                if total > OUTLINE_NOTE_ROWS {
                    shown.select_nth_unstable_by(OUTLINE_NOTE_ROWS, order);
                    shown.truncate(OUTLINE_NOTE_ROWS);
                }
                shown.sort_by(order);
                if shown.is_empty() {
                    ui.label(
                        RichText::new(if live == 0 {
                            "Select text and press Ctrl+M to add a note."
                        } else {
                            "No note matches."
                        })
                        .weak(),
                    );
                }
                let mut orphans_header = false;
                let hidden = total.saturating_sub(OUTLINE_NOTE_ROWS);
                for (a, r) in shown {
                    if r.is_none() && !orphans_header {
                        orphans_header = true;
                        ui.add_space(4.0);
                        ui.label(
                            RichText::new("Orphaned — text no longer in the article").strong(),
                        );
                    }
                    let dark = ui.visuals().dark_mode;
                    let title = if a.note.trim().is_empty() {
                        format!("“{}”", short(&a.target.exact, 50))
                    } else {
                        short(&a.note, 60)
                    };
                    let line = match r {
                        Some(_) => title,
                        None => format!("{title} — was on “{}”", short(&a.target.exact, 40)),
                    };
                    ui.horizontal(|ui| {
                        let c = parse_color(&a.color).unwrap_or(egui::Color32::YELLOW);
                        let (swatch, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().rect_filled(swatch, 2.0, c);
                        ui.label(
                            RichText::new(margin::initials(&a.author))
                                .color(margin::author_color(&a.author, dark))
                                .strong(),
                        )
                        .on_hover_text(&a.author);
                        let selected = self.selected_note.as_deref() == Some(a.id.as_str());
                        if ui
                            .add(egui::Button::selectable(selected, line).truncate())
                            .clicked()
                        {
                            out.push(AppCommand::Note(NoteCommand::SelectNote(a.id.clone())));
                        }
                    });
                }
                if hidden > 0 {
                    ui.label(
                        RichText::new(format!(
                            "… and {hidden} more: narrow the list with the filters or the search"
                        ))
                        .weak(),
                    );
                }
            });
        out
    }

    /// The preferences window.
    pub(crate) fn preferences(&mut self, ctx: &egui::Context) {
        let mut open = self.prefs_open;
        egui::Window::new("Preferences")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Author name");
                    ui.add(egui::TextEdit::singleline(&mut self.settings.author))
                        .labelled_by(label.id);
                });
                ui.label(RichText::new("Written into every note and reply you add.").weak());
            });
        self.prefs_open = open;
    }
}

/// The most notes the outline lists at once. Every listed note is a widget drawn each frame, so
/// a sidecar with 100,000 notes would make every frame take seconds; past this many the list
/// says how many more there are and the filters narrow it.
const OUTLINE_NOTE_ROWS: usize = 500;

fn short(s: &str, n: usize) -> String {
    let s = s.replace('\n', " ");
    let t: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

/// A combo box choosing one of `options` or "any".
fn combo<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    options: &[T],
    name: impl Fn(&T) -> String,
) {
    let current = value.as_ref().map_or_else(|| "any".to_string(), &name);
    egui::ComboBox::from_label(label)
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), "any").clicked() {
                *value = None;
            }
            for o in options {
                if ui
                    .selectable_label(value.as_ref() == Some(o), name(o))
                    .clicked()
                {
                    *value = Some(o.clone());
                }
            }
        });
}

/// Keeps `Filter` in scope for callers building one.
pub type NoteFilter = Filter;

impl MarginaliaApp {
    /// The note whose span covers char `c` (the shortest when they nest).
    pub(crate) fn note_at(&self, c: usize) -> Option<String> {
        self.session
            .placed()
            .filter_map(|(a, r)| {
                r.filter(|r| r.contains(&c))
                    .map(|r| (a.id.clone(), r.len()))
            })
            .min_by_key(|(_, len)| *len)
            .map(|(id, _)| id)
    }

    /// Note cards beside the lines their notes start on, for the notes in view.
    pub(crate) fn margin_cards(&mut self, ui: &mut egui::Ui, dark: bool) -> Vec<AppCommand> {
        let mut out = Vec::new();
        let clip = ui.clip_rect();
        let x = self.view.column_right() + margin::GAP * 2.0;
        let mut wanted: Vec<(f32, String)> = self
            .session
            .placed()
            .filter_map(|(a, r)| {
                let rect = self.view.range_rects(r?).into_iter().next()?;
                Some((rect.top(), a.id.clone()))
            })
            .filter(|(y, _)| *y > clip.top() - 400.0 && *y < clip.bottom() + 50.0)
            .collect();
        wanted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let painter_clip = egui::Rect::from_min_max(egui::pos2(x - 4.0, clip.top()), clip.max);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(painter_clip));
        child.set_clip_rect(painter_clip);
        // Measure each card where it wants to be, then push them apart.
        let cards: Vec<(f32, Annotation)> = wanted
            .into_iter()
            .filter_map(|(y, id)| self.session.store.get(&id).cloned().map(|a| (y, a)))
            .collect();
        let heights: Vec<f32> = cards
            .iter()
            .map(|(_, a)| margin::card_height(&child, a))
            .collect();
        let desired: Vec<(f32, f32)> = cards
            .iter()
            .zip(&heights)
            .map(|((y, _), h)| (*y, *h))
            .collect();
        let tops = margin::place_cards(&desired, margin::GAP);
        for ((_, a), top) in cards.iter().zip(tops) {
            let selected = self.selected_note.as_deref() == Some(a.id.as_str());
            let (_, clicked) = margin::card(&mut child, egui::pos2(x, top), a, selected, dark);
            if clicked {
                out.push(AppCommand::Note(NoteCommand::SelectNote(a.id.clone())));
            }
        }
        out
    }
}

/// `range` without white space at either end; `None` when nothing else is in it.
/// The tint under a note's text: light enough on a dark page that the page's light text stays
/// readable on it (a yellow at full strength would put white text on ochre).
pub(crate) fn note_fill(color: egui::Color32, selected: bool, dark: bool) -> egui::Color32 {
    let alpha = match (dark, selected) {
        (true, false) => 48,
        (true, true) => 80,
        (false, false) => 85,
        (false, true) => 130,
    };
    egui::Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

fn trim_blank_ends(text: &str, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let chars: Vec<char> = text.chars().skip(range.start).take(range.len()).collect();
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let last = chars.iter().rposition(|c| !c.is_whitespace())?;
    Some(range.start + first..range.start + last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::editor::PALETTE;
    use crate::ui::theme::Palette;

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: egui::Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn over(fill: egui::Color32, page: egui::Color32) -> egui::Color32 {
        // `fill` is stored premultiplied: undo that before mixing.
        let un = fill.to_srgba_unmultiplied();
        let a = f64::from(un[3]) / 255.0;
        let m = |f: u8, p: u8| (f64::from(f) * a + f64::from(p) * (1.0 - a)).round() as u8;
        egui::Color32::from_rgb(m(un[0], page.r()), m(un[1], page.g()), m(un[2], page.b()))
    }

    #[test]
    fn text_on_every_note_colour_keeps_readable_contrast_in_both_themes() {
        for dark in [false, true] {
            let p = Palette::for_dark(dark);
            for (name, hex) in PALETTE {
                let c = parse_color(hex).unwrap();
                for selected in [false, true] {
                    let bg = over(note_fill(c, selected, dark), p.paper);
                    let (a, b) = (luminance(p.ink), luminance(bg));
                    let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
                    assert!(
                        ratio >= 4.5,
                        "{name} (dark {dark}, selected {selected}): contrast {ratio:.2}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_note_fill_stays_a_tint_and_selection_deepens_it() {
        let yellow = parse_color("#f2d338").unwrap();
        for dark in [false, true] {
            let plain = note_fill(yellow, false, dark).to_srgba_unmultiplied()[3];
            let chosen = note_fill(yellow, true, dark).to_srgba_unmultiplied()[3];
            assert!(plain < chosen && chosen < 160, "{plain} {chosen}");
        }
    }
}
