//! File ▸ Open Folder…: a folder's articles as a library with who is quoted in them; a click on a
//! title opens the article; where no folder dialog can be shown, the app's own picker chooses.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui_kittest::kittest::Queryable;
use marginalia::corpus::Voices;
use marginalia::ui::commands::AppCommand;
use marginalia::ui::ui_command::UiCommand;
use support::{FixedDialogs, open_app, sample, settle};

/// A folder with the three samples, one of them in a subfolder.
fn folder_of_samples() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("older")).unwrap();
    let mut placed = Vec::new();
    for (name, sub) in [
        ("haiti-kenya.txt", ""),
        ("harbour-bridge.md", "older"),
        ("river-cleanup.html", ""),
    ] {
        let to = dir.path().join(sub).join(name);
        std::fs::copy(sample(name), &to).unwrap();
        placed.push(to);
    }
    (dir, placed)
}

fn library_voices(h: &egui_kittest::Harness<'static, marginalia::ui::MarginaliaApp>) -> Voices {
    h.state()
        .windows
        .library
        .as_ref()
        .and_then(|l| l.voices().cloned())
        .expect("the library finished")
}

#[test]
fn open_folder_lists_the_articles_and_who_is_quoted_and_a_title_click_opens_it() {
    let (dir, placed) = folder_of_samples();
    let dialogs = Arc::new(FixedDialogs {
        folder: Mutex::new(Some(dir.path().to_path_buf())),
        ..Default::default()
    });
    let mut h = open_app(None, dialogs);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, UiCommand::OpenFolder.to_app_command());
    settle(&mut h);
    let voices = library_voices(&h);
    assert_eq!(voices.articles.len(), placed.len());
    // The same table the command line builds for the folder.
    let (cli, failures) = marginalia::corpus::voices_of_files(&placed, |_| {});
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(voices, cli);
    h.get_by_label_contains("Library");
    h.get_by_label("Who is quoted");
    let top = voices.ranked()[0].name.clone();
    h.get_by_label(&top);
    // A click on the sample's title opens it.
    let haiti = &voices.articles[&placed[0].display().to_string()];
    h.get_by_label(&haiti.title).click();
    settle(&mut h);
    let open = h.state().article.doc.as_ref().and_then(|d| d.path.clone());
    assert_eq!(open.as_deref(), Some(placed[0].as_path()));
}

#[test]
fn without_a_folder_dialog_the_own_picker_chooses_the_folder_shown() {
    let (dir, placed) = folder_of_samples();
    let article = placed[0].clone();
    let dialogs = Arc::new(FixedDialogs {
        unavailable: true,
        ..Default::default()
    });
    let mut h = open_app(Some(article), dialogs);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, AppCommand::OpenFolderDialog);
    settle(&mut h);
    assert!(h.state().file_picker_open());
    h.get_by_label("Choose Folder").click();
    settle(&mut h);
    assert!(!h.state().file_picker_open());
    let library = h.state().windows.library.as_ref().expect("a library");
    assert_eq!(library.folder, dir.path());
    assert_eq!(library_voices(&h).articles.len(), placed.len());
    // Esc closes the library first.
    h.state_mut().apply(&ctx, AppCommand::CloseTopmost);
    assert!(h.state().windows.library.is_none());
}
