//! Every user action as one command: menus, keyboard shortcuts and buttons all produce these, and
//! the app applies them in one place after drawing the frame.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::settings::ThemeChoice;

/// Ctrl+O.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+=.
pub const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
/// Ctrl++ (the same as Ctrl+= on most layouts).
pub const ZOOM_IN_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
/// Ctrl+-.
pub const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
/// Ctrl+0.
pub const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
/// Ctrl+Q.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// Ctrl+Shift+L: switch light/dark.
pub const TOGGLE_THEME: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::L);

/// Something the user asked for.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Show the open dialog.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Use this theme.
    SetTheme(ThemeChoice),
    /// Switch between light and dark.
    ToggleTheme,
    /// Close the banner with this id.
    DismissBanner(u64),
    /// Close the window.
    Quit,
}

/// The shortcut-driven commands pressed this frame (consumed from the input).
pub fn from_shortcuts(ctx: &egui::Context) -> Vec<AppCommand> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        if i.consume_shortcut(&OPEN) {
            out.push(AppCommand::OpenDialog);
        }
        if i.consume_shortcut(&ZOOM_IN) || i.consume_shortcut(&ZOOM_IN_PLUS) {
            out.push(AppCommand::ZoomIn);
        }
        if i.consume_shortcut(&ZOOM_OUT) {
            out.push(AppCommand::ZoomOut);
        }
        if i.consume_shortcut(&ZOOM_RESET) {
            out.push(AppCommand::ZoomReset);
        }
        if i.consume_shortcut(&TOGGLE_THEME) {
            out.push(AppCommand::ToggleTheme);
        }
        if i.consume_shortcut(&QUIT) {
            out.push(AppCommand::Quit);
        }
    });
    out
}
