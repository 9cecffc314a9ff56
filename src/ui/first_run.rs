//! The sample article as a file of the user's own. With no file named, the app opens the sample;
//! a bundled text in memory could not be annotated, so on first run it is copied into the user's
//! data folder and opened from there, with a word on how to open one's own article.

use std::path::{Path, PathBuf};

use super::app::SAMPLE_TEXT;
use crate::annotations::write_atomic;

/// The sample's file name in the data folder.
pub const SAMPLE_NAME: &str = "haiti-kenya.txt";

/// Where the sample is shown from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SampleSource {
    /// The user's copy; `first_time` when it was made just now.
    File {
        /// The copy.
        path: PathBuf,
        /// Made on this run.
        first_time: bool,
    },
    /// From memory, for this reason (no data folder, or it cannot be written).
    Memory(String),
}

/// The user's copy of the sample in `data_dir`, made if it is not there yet. A copy the user
/// changed is left as it is.
pub fn sample_copy(data_dir: Option<&Path>) -> SampleSource {
    let Some(dir) = data_dir else {
        return SampleSource::Memory("no folder for application data was found".into());
    };
    let path = dir.join(SAMPLE_NAME);
    if path.is_file() {
        return SampleSource::File {
            path,
            first_time: false,
        };
    }
    let made =
        std::fs::create_dir_all(dir).and_then(|()| write_atomic(&path, SAMPLE_TEXT.as_bytes()));
    match made {
        Ok(()) => SampleSource::File {
            path,
            first_time: true,
        },
        Err(e) => SampleSource::Memory(format!("{}: {e}", path.display())),
    }
}

/// The welcome shown on first run (or when the sample is shown from memory, with why).
pub fn welcome(source: &SampleSource, open_keys: &str) -> Option<String> {
    match source {
        SampleSource::File {
            path,
            first_time: true,
        } => Some(format!(
            "Welcome to Marginalia. This sample article is your own copy ({}): select text and add a note to try it. Open your own article with File, Open… ({open_keys}) or drop a file on the window.",
            path.display()
        )),
        SampleSource::File { .. } => None,
        SampleSource::Memory(why) => Some(format!(
            "This sample is shown from memory and cannot be annotated ({why}). Open your own article with File, Open… ({open_keys}) or drop a file on the window."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::ui_command::UiCommand;

    /// The keys the welcome names, as the command table writes them.
    fn open_keys() -> String {
        UiCommand::Open.shortcut_text_plain()
    }

    #[test]
    fn the_first_run_copies_the_sample_and_later_runs_keep_the_users_copy() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("marginalia");
        let first = sample_copy(Some(&data));
        let SampleSource::File { path, first_time } = &first else {
            panic!("{first:?}");
        };
        assert!(*first_time);
        assert_eq!(std::fs::read_to_string(path).unwrap(), SAMPLE_TEXT);
        assert!(
            welcome(&first, &open_keys())
                .unwrap()
                .contains("your own copy")
        );
        std::fs::write(path, "my edited copy").unwrap();
        let again = sample_copy(Some(&data));
        assert_eq!(
            again,
            SampleSource::File {
                path: path.clone(),
                first_time: false
            }
        );
        assert_eq!(welcome(&again, &open_keys()), None);
        assert_eq!(std::fs::read_to_string(path).unwrap(), "my edited copy");
    }

    #[test]
    fn an_unwritable_data_folder_falls_back_to_memory_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "x").unwrap();
        let source = sample_copy(Some(&blocker.join("marginalia")));
        assert!(matches!(source, SampleSource::Memory(_)), "{source:?}");
        assert!(
            welcome(&source, &open_keys())
                .unwrap()
                .contains("cannot be annotated")
        );
        assert!(matches!(sample_copy(None), SampleSource::Memory(_)));
    }
}
