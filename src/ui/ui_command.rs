//! The one table of everything a user can ask the app to do from a menu, a key or the command
//! palette: each command owns its label, its tooltip, its shortcuts and the context in which its
//! keys work. Menus, the keyboard, the palette and the shortcut sheet are all made from it, so a
//! command's name and keys are written once.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator;

use super::commands::AppCommand;
use super::highlights::HighlightKind;
use super::reader::ScrollStep;
use super::settings::ThemeChoice;
use crate::annotations::export::ExportFormat;

/// A command a user can give without pointing at something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    /// File ▸ Open…
    Open,
    /// File ▸ Open Folder…: a folder's articles as a library, with who is quoted in them.
    OpenFolder,
    /// File ▸ Save Annotations.
    Save,
    /// File ▸ Import Annotations…
    Import,
    /// File ▸ Export ▸ W3C Web Annotations…
    ExportW3c,
    /// File ▸ Export ▸ Markdown report…
    ExportMarkdown,
    /// File ▸ Export ▸ HTML page…
    ExportHtml,
    /// File ▸ Export ▸ CSV table…
    ExportCsv,
    /// File ▸ Quit.
    Quit,
    /// Edit ▸ Undo.
    Undo,
    /// Edit ▸ Redo.
    Redo,
    /// Edit ▸ Annotate Selection.
    Annotate,
    /// Edit ▸ Copy.
    Copy,
    /// Edit ▸ Preferences…
    Preferences,
    /// View ▸ Zoom In.
    ZoomIn,
    /// View ▸ Zoom Out.
    ZoomOut,
    /// View ▸ Actual Size.
    ZoomReset,
    /// View ▸ theme follows the system.
    ThemeSystem,
    /// View ▸ light theme.
    ThemeLight,
    /// View ▸ dark theme.
    ThemeDark,
    /// View ▸ Switch Light/Dark.
    ToggleTheme,
    /// View ▸ Outline.
    ToggleOutline,
    /// View ▸ Quotes.
    ToggleQuotes,
    /// View ▸ People.
    TogglePeople,
    /// View ▸ Organisations.
    ToggleOrgs,
    /// View ▸ Places.
    TogglePlaces,
    /// View ▸ Figures.
    ToggleFigures,
    /// View ▸ Command Palette…
    CommandPalette,
    /// Go ▸ Find…
    Find,
    /// Go ▸ Find Next.
    FindNext,
    /// Go ▸ Find Previous.
    FindPrev,
    /// Go ▸ Next Highlight.
    NextHighlight,
    /// Go ▸ Previous Highlight.
    PrevHighlight,
    /// Go ▸ Open Details.
    OpenDetails,
    /// Go ▸ Close (the top-most panel, bar or window).
    Close,
    /// Go ▸ Line Down.
    LineDown,
    /// Go ▸ Line Up.
    LineUp,
    /// Go ▸ Page Down.
    PageDown,
    /// Go ▸ Page Up.
    PageUp,
    /// Go ▸ Start of Article.
    Top,
    /// Go ▸ End of Article.
    Bottom,
    /// Help ▸ Keyboard Shortcuts.
    ShortcutSheet,
    /// Help ▸ About Marginalia.
    About,
}

/// Where a command's keys work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// Everywhere, text fields included (keys with Ctrl or a function key).
    Global,
    /// Only while no text field has the keyboard (plain letters, arrows, Space, Tab, Alt+digits).
    Reading,
}

/// The menus, in menu-bar order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Go.
    Go,
    /// Help.
    Help,
}

impl Menu {
    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Go => "Go",
            Menu::Help => "Help",
        }
    }

    /// The commands of the menu in order; `None` is a separator.
    pub fn entries(self) -> Vec<Option<UiCommand>> {
        use UiCommand as C;
        let list: &[Option<UiCommand>] = match self {
            Menu::File => &[
                Some(C::Open),
                Some(C::OpenFolder),
                None,
                Some(C::Save),
                Some(C::Import),
                Some(C::ExportW3c),
                Some(C::ExportMarkdown),
                Some(C::ExportHtml),
                Some(C::ExportCsv),
                None,
                Some(C::Quit),
            ],
            Menu::Edit => &[
                Some(C::Undo),
                Some(C::Redo),
                None,
                Some(C::Annotate),
                Some(C::Copy),
                None,
                Some(C::Preferences),
            ],
            Menu::View => &[
                Some(C::ZoomIn),
                Some(C::ZoomOut),
                Some(C::ZoomReset),
                None,
                Some(C::ThemeSystem),
                Some(C::ThemeLight),
                Some(C::ThemeDark),
                Some(C::ToggleTheme),
                None,
                Some(C::ToggleOutline),
                Some(C::ToggleQuotes),
                Some(C::TogglePeople),
                Some(C::ToggleOrgs),
                Some(C::TogglePlaces),
                Some(C::ToggleFigures),
                None,
                Some(C::CommandPalette),
            ],
            Menu::Go => &[
                Some(C::Find),
                Some(C::FindNext),
                Some(C::FindPrev),
                None,
                Some(C::NextHighlight),
                Some(C::PrevHighlight),
                Some(C::OpenDetails),
                Some(C::Close),
                None,
                Some(C::LineDown),
                Some(C::LineUp),
                Some(C::PageDown),
                Some(C::PageUp),
                Some(C::Top),
                Some(C::Bottom),
            ],
            Menu::Help => &[Some(C::ShortcutSheet), Some(C::About)],
        };
        list.to_vec()
    }
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;

impl UiCommand {
    /// Every command, in table order.
    pub fn all() -> impl Iterator<Item = UiCommand> {
        UiCommand::iter()
    }

    /// The label in menus and the palette, and a one-line tooltip.
    pub fn text(self) -> (&'static str, &'static str) {
        use UiCommand as C;
        match self {
            C::Open => ("Open…", "Open an article or an annotations file"),
            C::OpenFolder => (
                "Open Folder…",
                "List a folder's articles and who is quoted in them",
            ),
            C::Save => (
                "Save Annotations",
                "Write your notes to the file beside the article now",
            ),
            C::Import => (
                "Import Annotations…",
                "Merge a colleague's notes, a W3C or a Hypothesis export",
            ),
            C::ExportW3c => ("Export W3C Web Annotations…", "Your notes as JSON-LD"),
            C::ExportMarkdown => (
                "Export Markdown Report…",
                "Quotes, names, figures and notes as a report",
            ),
            C::ExportHtml => (
                "Export HTML Page…",
                "The article with its highlights and notes, in one file",
            ),
            C::ExportCsv => ("Export CSV Table…", "One row per note, for spreadsheets"),
            C::Quit => ("Quit", "Save the notes and close the window"),
            C::Undo => ("Undo", "Take back the last change to the notes"),
            C::Redo => ("Redo", "Make the undone change again"),
            C::Annotate => ("Annotate Selection", "Add a note on the selected text"),
            C::Copy => ("Copy", "Copy the selected text"),
            C::Preferences => ("Preferences…", "Your name on notes"),
            C::ZoomIn => ("Zoom In", "Larger text"),
            C::ZoomOut => ("Zoom Out", "Smaller text"),
            C::ZoomReset => ("Actual Size", "The default text size"),
            C::ThemeSystem => ("Theme: Follow System", "Light or dark as the system is"),
            C::ThemeLight => ("Theme: Light", "Always light"),
            C::ThemeDark => ("Theme: Dark", "Always dark"),
            C::ToggleTheme => (
                "Switch Light/Dark",
                "Switch between the light and the dark theme",
            ),
            C::ToggleOutline => (
                "Outline",
                "Show or hide the outline of quotes, names, figures and notes",
            ),
            C::ToggleQuotes => ("Quotes", "Show or hide the quote highlights"),
            C::TogglePeople => ("People", "Show or hide the people highlights"),
            C::ToggleOrgs => ("Organisations", "Show or hide the organisation highlights"),
            C::TogglePlaces => ("Places", "Show or hide the place highlights"),
            C::ToggleFigures => ("Figures", "Show or hide the figure highlights"),
            C::CommandPalette => ("Command Palette…", "Find any command by name"),
            C::Find => ("Find…", "Find text in the article"),
            C::FindNext => ("Find Next", "The next match"),
            C::FindPrev => ("Find Previous", "The previous match"),
            C::NextHighlight => (
                "Next Highlight",
                "Step to the next highlight of the shown kinds",
            ),
            C::PrevHighlight => ("Previous Highlight", "Step to the previous highlight"),
            C::OpenDetails => ("Open Details", "Show the details of the focused highlight"),
            C::Close => ("Close", "Close the top-most panel, bar or window"),
            C::LineDown => ("Line Down", "Scroll down a line"),
            C::LineUp => ("Line Up", "Scroll up a line"),
            C::PageDown => ("Page Down", "Scroll down a screen"),
            C::PageUp => ("Page Up", "Scroll up a screen"),
            C::Top => ("Start of Article", "Scroll to the start"),
            C::Bottom => ("End of Article", "Scroll to the end"),
            C::ShortcutSheet => ("Keyboard Shortcuts", "Every command with its keys"),
            C::About => ("About Marginalia", "Version and licences"),
        }
    }

    /// The label alone.
    pub fn label(self) -> &'static str {
        self.text().0
    }

    /// The keys that give the command; the first is the one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use UiCommand as C;
        match self {
            C::Open => const { &[key(CTRL, Key::O)] },
            C::OpenFolder => const { &[key(CTRL_SHIFT, Key::O)] },
            C::Save => const { &[key(CTRL, Key::S)] },
            C::Quit => const { &[key(CTRL, Key::Q)] },
            C::Undo => const { &[key(CTRL, Key::Z)] },
            C::Redo => const { &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)] },
            C::Annotate => const { &[key(CTRL, Key::M)] },
            C::Copy => const { &[key(CTRL, Key::C)] },
            C::ZoomIn => const { &[key(CTRL, Key::Equals), key(CTRL, Key::Plus)] },
            C::ZoomOut => const { &[key(CTRL, Key::Minus)] },
            C::ZoomReset => const { &[key(CTRL, Key::Num0)] },
            C::ToggleTheme => const { &[key(CTRL_SHIFT, Key::L)] },
            C::ToggleOutline => const { &[key(CTRL, Key::B)] },
            C::ToggleQuotes => const { &[key(ALT, Key::Num1)] },
            C::TogglePeople => const { &[key(ALT, Key::Num2)] },
            C::ToggleOrgs => const { &[key(ALT, Key::Num3)] },
            C::TogglePlaces => const { &[key(ALT, Key::Num4)] },
            C::ToggleFigures => const { &[key(ALT, Key::Num5)] },
            C::CommandPalette => const { &[key(CTRL_SHIFT, Key::P), key(CTRL, Key::K)] },
            C::Find => const { &[key(CTRL, Key::F)] },
            C::FindNext => const { &[key(NONE, Key::F3)] },
            C::FindPrev => const { &[key(SHIFT, Key::F3)] },
            C::NextHighlight => const { &[key(NONE, Key::N), key(NONE, Key::Tab)] },
            C::PrevHighlight => const { &[key(NONE, Key::P), key(SHIFT, Key::Tab)] },
            C::OpenDetails => const { &[key(NONE, Key::Enter)] },
            C::Close => const { &[key(NONE, Key::Escape)] },
            C::LineDown => const { &[key(NONE, Key::ArrowDown)] },
            C::LineUp => const { &[key(NONE, Key::ArrowUp)] },
            C::PageDown => const { &[key(NONE, Key::PageDown), key(NONE, Key::Space)] },
            C::PageUp => const { &[key(NONE, Key::PageUp), key(SHIFT, Key::Space)] },
            C::Top => const { &[key(CTRL, Key::Home), key(NONE, Key::Home)] },
            C::Bottom => const { &[key(CTRL, Key::End), key(NONE, Key::End)] },
            C::ShortcutSheet => const { &[key(NONE, Key::F1)] },
            C::Import
            | C::ExportW3c
            | C::ExportMarkdown
            | C::ExportHtml
            | C::ExportCsv
            | C::Preferences
            | C::ThemeSystem
            | C::ThemeLight
            | C::ThemeDark
            | C::About => &[],
        }
    }

    /// Where the command's keys work.
    pub fn key_context(self) -> KeyContext {
        use UiCommand as C;
        match self {
            C::NextHighlight
            | C::PrevHighlight
            | C::OpenDetails
            | C::LineDown
            | C::LineUp
            | C::PageDown
            | C::PageUp
            | C::Top
            | C::Bottom
            | C::ToggleQuotes
            | C::TogglePeople
            | C::ToggleOrgs
            | C::TogglePlaces
            | C::ToggleFigures
            // Ctrl+C in a text field copies the field's text, not the article's selection.
            | C::Copy => KeyContext::Reading,
            _ => KeyContext::Global,
        }
    }

    /// The shortcuts as the platform writes them (Ctrl and M on Linux, ⌘M on a Mac), for menus,
    /// the palette and the sheet.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The shortcut text outside a running window (for a message made before it opens).
    pub fn shortcut_text_plain(self) -> String {
        let mac = cfg!(target_os = "macos");
        self.shortcuts()
            .iter()
            .map(|s| s.format(&egui::ModifierNames::NAMES, mac))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// What the command does, as the command the app applies.
    pub fn to_app_command(self) -> AppCommand {
        use super::commands::NoteCommand as N;
        use UiCommand as C;
        match self {
            C::Open => AppCommand::OpenDialog,
            C::OpenFolder => AppCommand::OpenFolderDialog,
            C::Save => AppCommand::Note(N::Save),
            C::Import => AppCommand::Note(N::ImportDialog),
            C::ExportW3c => AppCommand::Note(N::ExportDialog(ExportFormat::W3c)),
            C::ExportMarkdown => AppCommand::Note(N::ExportDialog(ExportFormat::Markdown)),
            C::ExportHtml => AppCommand::Note(N::ExportDialog(ExportFormat::Html)),
            C::ExportCsv => AppCommand::Note(N::ExportDialog(ExportFormat::Csv)),
            C::Quit => AppCommand::Quit,
            C::Undo => AppCommand::Note(N::Undo),
            C::Redo => AppCommand::Note(N::Redo),
            C::Annotate => AppCommand::Note(N::Annotate),
            C::Copy => AppCommand::CopySelection,
            C::Preferences => AppCommand::Note(N::TogglePreferences),
            C::ZoomIn => AppCommand::ZoomIn,
            C::ZoomOut => AppCommand::ZoomOut,
            C::ZoomReset => AppCommand::ZoomReset,
            C::ThemeSystem => AppCommand::SetTheme(ThemeChoice::System),
            C::ThemeLight => AppCommand::SetTheme(ThemeChoice::Light),
            C::ThemeDark => AppCommand::SetTheme(ThemeChoice::Dark),
            C::ToggleTheme => AppCommand::ToggleTheme,
            C::ToggleOutline => AppCommand::ToggleOutline,
            C::ToggleQuotes => AppCommand::ToggleKind(HighlightKind::Quote),
            C::TogglePeople => AppCommand::ToggleKind(HighlightKind::Person),
            C::ToggleOrgs => AppCommand::ToggleKind(HighlightKind::Org),
            C::TogglePlaces => AppCommand::ToggleKind(HighlightKind::Place),
            C::ToggleFigures => AppCommand::ToggleKind(HighlightKind::Figure),
            C::CommandPalette => AppCommand::TogglePalette,
            C::Find => AppCommand::FindOpen,
            C::FindNext => AppCommand::FindNext,
            C::FindPrev => AppCommand::FindPrev,
            C::NextHighlight => AppCommand::NextHighlight,
            C::PrevHighlight => AppCommand::PrevHighlight,
            C::OpenDetails => AppCommand::OpenFocused,
            C::Close => AppCommand::CloseTopmost,
            C::LineDown => AppCommand::Scroll(ScrollStep::Lines(1)),
            C::LineUp => AppCommand::Scroll(ScrollStep::Lines(-1)),
            C::PageDown => AppCommand::Scroll(ScrollStep::Pages(1)),
            C::PageUp => AppCommand::Scroll(ScrollStep::Pages(-1)),
            C::Top => AppCommand::Scroll(ScrollStep::Top),
            C::Bottom => AppCommand::Scroll(ScrollStep::Bottom),
            C::ShortcutSheet => AppCommand::ToggleShortcutSheet,
            C::About => AppCommand::ToggleAbout,
        }
    }

    /// The commands whose keys were pressed this frame (the keys are consumed). Reading keys are
    /// left to a text field that has the keyboard. Shortcuts with more modifiers are tried first,
    /// since a shortcut also matches a press with extra Shift or Alt held (Shift+Tab is not Tab).
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut keys: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::all()
            .filter(|c| !(typing && c.key_context() == KeyContext::Reading))
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
            .collect();
        keys.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            for (shortcut, command) in keys {
                if i.consume_shortcut(&shortcut) && !out.contains(&command) {
                    out.push(command);
                }
            }
        });
        out
    }
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.shift, m.ctrl || m.command || m.mac_cmd]
        .iter()
        .filter(|b| **b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_in_one_context() {
        let all: Vec<UiCommand> = UiCommand::all().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                // Global keys work while reading too, so they clash with reading keys as well.
                let overlap = a.key_context() == b.key_context()
                    || a.key_context() == KeyContext::Global
                    || b.key_context() == KeyContext::Global;
                if !overlap {
                    continue;
                }
                for s in a.shortcuts() {
                    assert!(!b.shortcuts().contains(s), "{a:?} and {b:?} share {s:?}");
                }
            }
        }
    }

    #[test]
    fn every_command_is_in_exactly_one_menu() {
        for command in UiCommand::all() {
            let menus: Vec<Menu> = Menu::iter()
                .filter(|m| m.entries().contains(&Some(command)))
                .collect();
            assert_eq!(menus.len(), 1, "{command:?} is in {menus:?}");
        }
    }

    #[test]
    fn labels_are_unique_and_tooltips_written() {
        let mut seen = std::collections::HashSet::new();
        for command in UiCommand::all() {
            let (label, tip) = command.text();
            assert!(seen.insert(label), "{label} twice");
            assert!(!tip.is_empty(), "{label} has no tooltip");
        }
    }
}
