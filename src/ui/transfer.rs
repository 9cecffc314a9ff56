//! Notes in and out of the app: importing a colleague's sidecar or a W3C / Hypothesis export
//! into the open article's notes through the core's import (the one `marginalia import` uses),
//! and exporting them through the core's one dispatcher (the same file `marginalia export`
//! writes).

use std::path::Path;

use super::app::MarginaliaApp;
use super::banner::BannerKind;
use super::ui_command::UiCommand;
use crate::annotations::export::{self, ExportFormat};
use crate::annotations::write_atomic;

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
        match self.session.import_file(path, &doc) {
            Ok(r) if r.is_empty() => self.banners.push(
                BannerKind::Warning,
                format!("Nothing new in {}", path.display()),
            ),
            Ok(r) => {
                let undo = UiCommand::Undo.shortcut_text(ctx);
                self.banners.push(
                    BannerKind::Warning,
                    format!(
                        "Imported {}: {} added, {} updated, {} deleted, {} orphaned ({undo} undoes the import)",
                        path.display(),
                        r.merge.added.len(),
                        r.merge.updated.len(),
                        r.merge.deleted.len(),
                        r.orphaned.len()
                    ),
                );
            }
            Err(e) => self
                .banners
                .push(BannerKind::Error, format!("Could not import: {e}")),
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
