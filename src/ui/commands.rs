//! Every user action as one command: menus, keys, the palette, buttons and clicks all produce
//! these, and the app applies them in one place after drawing the frame. Commands without data
//! (the ones with a name and keys) are listed in [`super::ui_command::UiCommand`].

use std::path::PathBuf;

use egui::{Key, Modifiers};

use super::dialogs::DialogPurpose;
use super::highlights::{HighlightKind, Item};
use super::settings::ThemeChoice;

/// Something the user asked for.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Show the open dialog.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Ask for a folder to show as a library.
    OpenFolderDialog,
    /// Show this folder's articles as a library.
    OpenFolder(PathBuf),
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
    /// Scroll the article (arrows, Page Up/Down, Space, Home/End).
    Scroll(super::reader::ScrollStep),
    /// Copy the article's selected text.
    CopySelection,
    /// Close the top-most thing: a window, the note editor, the find bar, the details (Esc).
    CloseTopmost,
    /// Show or hide the command palette.
    TogglePalette,
    /// Show or hide the keyboard shortcut sheet.
    ToggleShortcutSheet,
    /// Show or hide the About window.
    ToggleAbout,
    /// Move the selection's end by this many chars (Shift+arrows).
    ExtendSelection(isize),
    /// Write this name into the notes added from now on (Preferences).
    SetAuthor(String),
    /// A file dialog (the system's or the app's own picker) answered with this file.
    DialogAnswered(DialogPurpose, PathBuf),
    /// A command on the user's notes.
    Note(NoteCommand),
}

/// A command on the user's notes and their file.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum NoteCommand {
    /// Annotate the selected text.
    Annotate,
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
    ExportDialog(crate::annotations::export::ExportFormat),
    /// Export to this file.
    Export(crate::annotations::export::ExportFormat, std::path::PathBuf),
    /// Ask where the article of a sidecar is, then open it with that sidecar.
    LocateArticle(std::path::PathBuf),
}

/// Shift+arrows (and Ctrl+Shift+arrows, by words' worth) extend the selection, while no text
/// field has the keyboard.
pub fn selection_keys(ctx: &egui::Context) -> Vec<AppCommand> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (key, delta) in [(Key::ArrowLeft, -1), (Key::ArrowRight, 1)] {
            if i.consume_key(Modifiers::SHIFT | Modifiers::COMMAND, key) {
                out.push(AppCommand::ExtendSelection(delta * 8));
            }
            if i.consume_key(Modifiers::SHIFT, key) {
                out.push(AppCommand::ExtendSelection(delta));
            }
        }
    });
    out
}
