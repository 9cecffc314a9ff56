//! Where an export may be written: never over the article it was made from or over that
//! article's notes, whichever front end asked (a slip in a save dialog or a wrong `-o` would
//! otherwise replace the very files the export was made from).

use std::path::{Path, PathBuf};

/// An export destination that is one of the files it was made from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: is {what}; an export never replaces it", path.display())]
pub struct OwnFile {
    /// The destination asked for.
    pub path: PathBuf,
    /// Which of the files it is ("the article", "its annotations file").
    pub what: &'static str,
}

/// Refuses `output` when it is `article` or `sidecar`.
pub fn check_destination(output: &Path, article: &Path, sidecar: &Path) -> Result<(), OwnFile> {
    for (own, what) in [(article, "the article"), (sidecar, "its annotations file")] {
        if same_place(output, own) {
            return Err(OwnFile {
                path: output.to_path_buf(),
                what,
            });
        }
    }
    Ok(())
}

/// Whether two paths name the same place on disk, whether or not a file is there yet: their
/// folders resolved (links, `..`) and their file names compared.
pub fn same_place(a: &Path, b: &Path) -> bool {
    fn resolved(p: &Path) -> Option<PathBuf> {
        if let Ok(full) = std::fs::canonicalize(p) {
            return Some(full);
        }
        let folder = match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(folder).ok()?.join(p.file_name()?))
    }
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_and_its_sidecar_are_refused_by_any_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("story.txt");
        let side = dir.path().join("story.txt.annotations.json");
        std::fs::write(&article, "x").unwrap();
        let roundabout = dir.path().join(".").join("story.txt");
        assert!(check_destination(&roundabout, &article, &side).is_err());
        assert!(check_destination(&side, &article, &side).is_err());
        assert!(check_destination(&dir.path().join("out.md"), &article, &side).is_ok());
    }
}
