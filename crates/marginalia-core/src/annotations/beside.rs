//! The rule that ties an article to its notes: `story.txt` keeps them in
//! `story.txt.annotations.json` in the same folder, and a sidecar names its article by a file
//! name in its own folder. Every front end finds one from the other through here.

use std::path::{Component, Path, PathBuf};

use super::model::Sidecar;
use super::sidecar::{SidecarError, read_sidecar};

/// The suffix appended to an article's file name to name its sidecar.
pub const SIDECAR_SUFFIX: &str = ".annotations.json";

/// The sidecar path of an article: `story.txt` → `story.txt.annotations.json`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_os_string();
    name.push(SIDECAR_SUFFIX);
    PathBuf::from(name)
}

/// Whether a path names a sidecar file (`*.annotations.json`).
pub fn is_sidecar_path(path: &Path) -> bool {
    path.to_string_lossy().ends_with(SIDECAR_SUFFIX)
}

/// The article a sidecar belongs to: its `article.file` in the sidecar's folder. `None` when the
/// name is empty or would leave that folder (a path with folders, `..`, or an absolute path): a
/// program must then ask the user instead of following it. A leading `./` is allowed.
pub fn article_path_of(sidecar_path: &Path, sidecar: &Sidecar) -> Option<PathBuf> {
    let name = Path::new(&sidecar.article.file);
    let mut parts = name.components().filter(|c| *c != Component::CurDir);
    let (Some(Component::Normal(only)), None) = (parts.next(), parts.next()) else {
        return None;
    };
    let folder = sidecar_path.parent().unwrap_or(Path::new(""));
    Some(folder.join(only))
}

/// An article and the sidecar holding its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleAndSidecar {
    /// The article.
    pub article: PathBuf,
    /// Its sidecar (which need not exist yet).
    pub sidecar: PathBuf,
}

/// Why the article of a sidecar could not be found.
#[derive(Debug, thiserror::Error)]
pub enum LocateError {
    /// The sidecar named is not there.
    #[error("{}: no such file", .0.display())]
    NoSidecar(PathBuf),
    /// The sidecar could not be read.
    #[error(transparent)]
    Unreadable(#[from] SidecarError),
    /// The sidecar names an article outside its folder (or no article at all).
    #[error("{}: its article “{name}” is not a file in the sidecar's folder", sidecar.display())]
    Outside {
        /// The sidecar.
        sidecar: PathBuf,
        /// The name it gives its article.
        name: String,
    },
    /// The sidecar's article is not in its folder.
    #[error("{}: its article {} is missing", sidecar.display(), article.display())]
    ArticleMissing {
        /// The sidecar.
        sidecar: PathBuf,
        /// Where its article should be.
        article: PathBuf,
    },
}

/// The article and sidecar for `file`, which is either of them: an article's sidecar is beside
/// it; a sidecar's article is the file it names in its own folder, which must exist.
pub fn article_and_sidecar(file: &Path) -> Result<ArticleAndSidecar, LocateError> {
    if !is_sidecar_path(file) {
        return Ok(ArticleAndSidecar {
            article: file.to_path_buf(),
            sidecar: sidecar_path(file),
        });
    }
    let Some(loaded) = read_sidecar(file)? else {
        return Err(LocateError::NoSidecar(file.to_path_buf()));
    };
    let Some(article) = article_path_of(file, &loaded.sidecar) else {
        return Err(LocateError::Outside {
            sidecar: file.to_path_buf(),
            name: loaded.sidecar.article.file,
        });
    };
    if !article.is_file() {
        return Err(LocateError::ArticleMissing {
            sidecar: file.to_path_buf(),
            article,
        });
    }
    Ok(ArticleAndSidecar {
        article,
        sidecar: file.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::ArticleRef;
    use crate::annotations::sidecar::{empty_sidecar, write_sidecar};

    #[test]
    fn sidecar_path_appends_suffix() {
        assert_eq!(
            sidecar_path(Path::new("/a/story.txt")),
            PathBuf::from("/a/story.txt.annotations.json")
        );
        assert!(is_sidecar_path(Path::new("x/story.txt.annotations.json")));
    }

    #[test]
    fn article_path_stays_in_the_sidecar_folder() {
        let mut s = empty_sidecar(ArticleRef::default());
        let side = Path::new("/shared/story.txt.annotations.json");
        for good in ["story.txt", "./story.txt"] {
            s.article.file = good.into();
            assert_eq!(
                article_path_of(side, &s),
                Some(PathBuf::from("/shared/story.txt")),
                "{good}"
            );
        }
        for bad in ["../secret.txt", "/etc/passwd", "sub/story.txt", "", "."] {
            s.article.file = bad.into();
            assert_eq!(article_path_of(side, &s), None, "{bad}");
        }
    }

    #[test]
    fn a_sidecar_leads_to_its_article_only_when_it_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("story.txt");
        let side = sidecar_path(&article);
        let mut s = empty_sidecar(ArticleRef::default());
        s.article.file = "story.txt".into();
        write_sidecar(&side, &s).unwrap();
        assert!(matches!(
            article_and_sidecar(&side),
            Err(LocateError::ArticleMissing { .. })
        ));
        std::fs::write(&article, "Title\nText.").unwrap();
        let found = article_and_sidecar(&side).unwrap();
        assert_eq!(
            (found.article, found.sidecar),
            (article.clone(), side.clone())
        );
        assert_eq!(article_and_sidecar(&article).unwrap().sidecar, side);
        s.article.file = "../story.txt".into();
        write_sidecar(&side, &s).unwrap();
        let err = article_and_sidecar(&side).unwrap_err();
        assert!(
            err.to_string()
                .contains("is not a file in the sidecar's folder"),
            "{err}"
        );
    }
}
