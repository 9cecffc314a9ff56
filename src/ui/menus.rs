//! The menu bar, made from the command table: each entry is a [`UiCommand`] with its label,
//! tooltip and platform-written shortcut; whether it can run now and whether it is checked come
//! from the frame's [`CommandState`]. File ▸ Open Recent is the one entry with data (the recent
//! files).

use std::path::PathBuf;

use egui::RichText;

use super::command_state::CommandState;
use super::commands::AppCommand;
use super::ui_command::{Menu, UiCommand};

/// The menu bar; returns the commands chosen.
pub fn menu_bar(ui: &mut egui::Ui, state: &CommandState, recent: &[PathBuf]) -> Vec<AppCommand> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in <Menu as strum::IntoEnumIterator>::iter() {
            ui.menu_button(menu.title(), |ui| {
                for entry in menu.entries() {
                    let Some(command) = entry else {
                        ui.separator();
                        continue;
                    };
                    out.extend(state.button(ui, command));
                    if command == UiCommand::Open {
                        recent_menu(ui, recent, &mut out);
                    }
                }
            });
        }
    });
    out
}

fn recent_menu(ui: &mut egui::Ui, recent: &[PathBuf], out: &mut Vec<AppCommand>) {
    ui.menu_button("Open Recent", |ui| {
        if recent.is_empty() {
            ui.label(RichText::new("No recent files").weak());
        }
        for p in recent {
            if ui.button(p.display().to_string()).clicked() {
                out.push(AppCommand::Open(p.clone()));
            }
        }
    });
}
