//! Notes in and out of the app: importing a colleague's sidecar or a W3C / Hypothesis export
//! into the open article's notes, and exporting them through the core's one dispatcher (the
//! same file `marginalia export` writes).

use std::path::Path;

use super::app::MarginaliaApp;
use super::banner::BannerKind;
use super::ui_command::UiCommand;
use crate::annotations::export::{self, ExportFormat};
use crate::annotations::store::Edit;
use crate::annotations::{Annotation, FORMAT_NAME, sidecar, web_import, write_atomic};
use crate::document::Document;

impl MarginaliaApp {
    /// Merges a sidecar, or a W3C / Hypothesis annotation file, into the open article's notes.
    pub(crate) fn import(&mut self, ctx: &egui::Context, path: &Path) {
        let Some(doc) = self.article.doc.clone() else {
            return;
        };
        if !self.session.can_edit() {
            self.banners.push(
                BannerKind::Warning,
                "Annotations cannot be changed now (see the message above).",
            );
            return;
        }
        let list = match read_import(path, &doc) {
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
                let undo = UiCommand::Undo.shortcut_text(ctx);
                self.banners.push(
                    BannerKind::Warning,
                    format!(
                        "Imported {}: {} added, {} updated, {} deleted, {} orphaned ({undo} undoes the import)",
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
    /// line's export of the same article and notes.
    pub(crate) fn export(&mut self, f: ExportFormat, path: &Path) {
        let Some(doc) = self.article.doc.clone() else {
            return;
        };
        if let (Some(article), Some(side)) = (&doc.path, &self.session.sidecar_path)
            && let Err(e) = export::check_destination(path, article, side)
        {
            self.banners
                .push(BannerKind::Error, format!("{e}; choose another file"));
            return;
        }
        let source = export::source_name(doc.path.as_deref());
        let analysis = self.article.analysis.as_deref();
        let body = export::render(&doc, self.session.store.all(), f, &source, analysis);
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
}

/// The notes in a file to import: a Marginalia sidecar's, or those of a W3C / Hypothesis export
/// (whose selectors refer to `doc`).
fn read_import(path: &Path, doc: &Document) -> Result<Vec<Annotation>, String> {
    let bytes = sidecar::read_annotation_bytes(path).map_err(|e| e.to_string())?;
    let looks_sidecar = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .is_some_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(FORMAT_NAME));
    if looks_sidecar {
        sidecar::parse_sidecar(path, &bytes)
            .map(|(s, _)| s.annotations)
            .map_err(|e| e.to_string())
    } else {
        let text = String::from_utf8_lossy(&bytes);
        web_import::from_web_json(&text, doc).map_err(|e| format!("{}: {e}", path.display()))
    }
}
