//! The desktop app: a thin egui layer over the core. It turns user input into commands on the
//! core's state and draws that state; it holds no logic that the command line also needs.
//!
//! `app.rs` says what the app is made of: the persisted [`settings::Settings`], the open
//! [`article::Article`] and its notes (the core's session), and the panels, each owning its own
//! state and returning commands from its `ui()`. `frame.rs` draws one frame, `apply.rs` applies
//! the commands collected in it (one match over every [`commands::AppCommand`]); `files.rs`,
//! `apply_notes.rs` and `transfer.rs` hold what those commands do to files and notes.

pub mod analysis_job;
pub mod app;
mod apply;
mod apply_notes;
pub mod article;
pub mod banner;
pub mod command_state;
pub mod commands;
pub mod context;
pub mod details;
pub mod dialogs;
pub mod editor;
pub mod file_picker;
mod files;
pub mod find;
pub mod first_run;
mod frame;
pub mod highlights;
pub mod jobs;
pub mod layout_plan;
mod legend;
pub mod library;
pub mod loading;
pub mod margin;
mod menus;
pub mod outline;
pub mod palette;
pub mod reader;
mod right_panel;
pub mod settings;
mod smoke;
pub mod status_bar;
pub mod theme;
mod transfer;
pub mod ui_command;
pub mod windows;

pub use app::{MarginaliaApp, StartOptions};

/// Opens the window and runs until it is closed. The file to show starts loading first, while
/// the window and its graphics are made, so the first frame can show it.
pub fn run(mut options: StartOptions) -> anyhow::Result<()> {
    if options.loading.is_none()
        && let Some(file) = &options.file
        && let Ok(found) = crate::annotations::beside::article_and_sidecar(file)
    {
        options.loading = Some(loading::LoadJob::start(
            &found.article,
            Some(found.sidecar),
            None,
        ));
    }
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Marginalia")
            .with_app_id("marginalia")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([420.0, 300.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Marginalia",
        native,
        Box::new(|cc| Ok(Box::new(MarginaliaApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
