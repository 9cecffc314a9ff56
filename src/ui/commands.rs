//! Every user action as one command: menus, keyboard shortcuts and buttons all produce these, and
//! the app applies them in one place after drawing the frame.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::highlights::{HighlightKind, Item};
use super::reader::ScrollStep;
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

/// Ctrl+F.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// F3.
pub const FIND_NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F3);
/// Shift+F3.
pub const FIND_PREV: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F3);
/// Ctrl+B: show/hide the outline.
pub const TOGGLE_OUTLINE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::B);

/// Ctrl+M: annotate the selection.
pub const ANNOTATE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::M);
/// Ctrl+Z.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Ctrl+Y (redo, as on Windows).
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Ctrl+S.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);

/// Alt+1 … Alt+5: show or hide the n-th highlight kind (legend order).
pub fn toggle_kind_shortcut(n: usize) -> KeyboardShortcut {
    let key = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][n.min(4)];
    KeyboardShortcut::new(Modifiers::ALT, key)
}

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
    /// Select an analysis item: show its details, scroll to it and flash it.
    Select(Item),
    /// Scroll to a char range and flash it.
    JumpTo(std::ops::Range<usize>),
    /// Put text on the clipboard.
    Copy(String),
    /// Close the details panel.
    CloseDetails,
    /// Show or hide a highlight kind.
    ToggleKind(HighlightKind),
    /// Move to the next highlight of the visible kinds (`n`, Tab).
    NextHighlight,
    /// Move to the previous one (`p`, Shift+Tab).
    PrevHighlight,
    /// Open the details of the focused highlight (Enter).
    OpenFocused,
    /// Open the find bar (Ctrl+F).
    FindOpen,
    /// Next find match (F3, Enter in the find bar).
    FindNext,
    /// Previous find match (Shift+F3).
    FindPrev,
    /// Close the find bar.
    FindClose,
    /// Show or hide the outline panel.
    ToggleOutline,
    /// Annotate the selected text.
    Annotate,
    /// Scroll the article (arrows, Page Up/Down, Space, Home/End).
    Scroll(super::reader::ScrollStep),
    /// Move the selection's end by this many chars (Shift+arrows).
    ExtendSelection(isize),
    /// Annotate a char range (a highlight's span).
    AnnotateRange(std::ops::Range<usize>),
    /// Select an annotation (card and span) and open its editor.
    SelectNote(String),
    /// An edit made in the annotation editor.
    Edit(super::editor::EditorAction),
    /// Undo the last annotation change.
    Undo,
    /// Redo it.
    Redo,
    /// Save the annotations now.
    Save,
    /// Keep a broken sidecar aside and start an empty one.
    StartFresh,
    /// Show or hide the preferences window.
    TogglePreferences,
    /// Ask for a file of annotations to import.
    ImportDialog,
    /// Merge this file's annotations in.
    Import(std::path::PathBuf),
    /// Ask where to export, in a format.
    ExportDialog(crate::cli::ExportFormat),
    /// Export to this file.
    Export(crate::cli::ExportFormat, std::path::PathBuf),
    /// Ask where the article of a sidecar is, then open it with that sidecar.
    LocateArticle(std::path::PathBuf),
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
        if i.consume_shortcut(&FIND) {
            out.push(AppCommand::FindOpen);
        }
        if i.consume_shortcut(&FIND_PREV) {
            out.push(AppCommand::FindPrev);
        }
        if i.consume_shortcut(&FIND_NEXT) {
            out.push(AppCommand::FindNext);
        }
        if i.consume_shortcut(&TOGGLE_OUTLINE) {
            out.push(AppCommand::ToggleOutline);
        }
        if i.consume_shortcut(&ANNOTATE) {
            out.push(AppCommand::Annotate);
        }
        if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
            out.push(AppCommand::Redo);
        }
        if i.consume_shortcut(&UNDO) {
            out.push(AppCommand::Undo);
        }
        if i.consume_shortcut(&SAVE) {
            out.push(AppCommand::Save);
        }
    });
    // Alt+digit types a character in some layouts: in a text field it is the field's.
    if ctx.egui_wants_keyboard_input() {
        return out;
    }
    ctx.input_mut(|i| {
        for (n, kind) in HighlightKind::ALL.into_iter().enumerate() {
            if i.consume_shortcut(&toggle_kind_shortcut(n)) {
                out.push(AppCommand::ToggleKind(kind));
            }
        }
    });
    out
}

/// Reading-navigation keys (`n`/`p`, Tab/Shift+Tab, Enter, Esc), taken only while no text field
/// has the keyboard.
pub fn from_navigation_keys(ctx: &egui::Context) -> Vec<AppCommand> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(AppCommand::CloseDetails);
        }
        if typing {
            return;
        }
        // Shift+Tab first: a key without modifiers also matches it with Shift held.
        if i.consume_key(Modifiers::SHIFT, Key::Tab) || i.consume_key(Modifiers::NONE, Key::P) {
            out.push(AppCommand::PrevHighlight);
        }
        if i.consume_key(Modifiers::NONE, Key::N) || i.consume_key(Modifiers::NONE, Key::Tab) {
            out.push(AppCommand::NextHighlight);
        }
        if i.consume_key(Modifiers::NONE, Key::Enter) {
            out.push(AppCommand::OpenFocused);
        }
        out.extend(scroll_keys(i).map(AppCommand::Scroll));
        for (key, delta) in [(Key::ArrowLeft, -1), (Key::ArrowRight, 1)] {
            if i.consume_key(Modifiers::SHIFT, key) {
                out.push(AppCommand::ExtendSelection(delta));
            }
            if i.consume_key(Modifiers::SHIFT | Modifiers::COMMAND, key) {
                out.push(AppCommand::ExtendSelection(delta * 8));
            }
        }
    });
    out
}

/// The scrolling key pressed this frame, if any (consumed). Shifted and Ctrl forms are checked
/// before plain ones, which would also match them.
fn scroll_keys(i: &mut egui::InputState) -> Option<ScrollStep> {
    let keys = [
        (Modifiers::COMMAND, Key::Home, ScrollStep::Top),
        (Modifiers::COMMAND, Key::End, ScrollStep::Bottom),
        (Modifiers::NONE, Key::Home, ScrollStep::Top),
        (Modifiers::NONE, Key::End, ScrollStep::Bottom),
        (Modifiers::SHIFT, Key::Space, ScrollStep::Pages(-1)),
        (Modifiers::NONE, Key::Space, ScrollStep::Pages(1)),
        (Modifiers::NONE, Key::PageDown, ScrollStep::Pages(1)),
        (Modifiers::NONE, Key::PageUp, ScrollStep::Pages(-1)),
        (Modifiers::NONE, Key::ArrowDown, ScrollStep::Lines(1)),
        (Modifiers::NONE, Key::ArrowUp, ScrollStep::Lines(-1)),
    ];
    keys.into_iter()
        .find(|&(m, k, _)| i.consume_key(m, k))
        .map(|(_, _, step)| step)
}
