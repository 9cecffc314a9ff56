//! What a batch's paths name (the command line's PATH arguments, a folder opened in the app): files as given, folders searched recursively for
//! articles, and glob patterns the shell left unexpanded (quoted, or on a shell that does not
//! expand them).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// The extensions of article files a folder is searched for.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// The files to read, in a stable order, and the arguments that named nothing readable.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Files named directly come in argument order; each folder's and each glob's files follow
    /// in path order, so the same arguments give the same order on every machine.
    pub files: Vec<PathBuf>,
    /// One message per argument or folder entry that could not be used, naming it.
    pub problems: Vec<String>,
}

/// Expands `inputs` into article files.
pub fn expand(inputs: &[PathBuf]) -> Expanded {
    let mut out = Expanded::default();
    for input in inputs {
        if input.is_dir() {
            walk_folder(input, &mut out);
        } else if !input.exists() && is_pattern(input) {
            expand_glob(input, &mut out);
        } else {
            // A file, or a path that is missing: loading it says which.
            out.files.push(input.clone());
        }
    }
    out
}

/// True when `path` holds glob characters.
fn is_pattern(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}

/// Whether `path` has one of the article extensions (case-insensitively).
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Every article file under `folder`, sorted by path; symlink loops and unreadable entries are
/// reported, not followed forever.
fn walk_folder(folder: &Path, out: &mut Expanded) {
    let mut found = Vec::new();
    for entry in WalkDir::new(folder).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() && is_article(e.path()) => {
                found.push(e.into_path());
            }
            Ok(_) => {}
            Err(e) => out.problems.push(walk_problem(folder, &e)),
        }
    }
    out.files.extend(found);
}

/// The message for a folder entry that could not be read.
fn walk_problem(folder: &Path, e: &walkdir::Error) -> String {
    let at = e.path().unwrap_or(folder).display();
    match e.io_error() {
        Some(io) => format!("{at}: {io}"),
        None => format!("{at}: {e}"),
    }
}

/// The files a glob pattern matches, sorted; a pattern that matches nothing is a problem.
fn expand_glob(pattern: &Path, out: &mut Expanded) {
    let text = pattern.to_string_lossy();
    let paths = match glob::glob(&text) {
        Ok(paths) => paths,
        Err(e) => {
            out.problems
                .push(format!("{text}: not a valid pattern ({e})"));
            return;
        }
    };
    let before = out.files.len();
    let mut found = Vec::new();
    for p in paths {
        match p {
            Ok(p) if p.is_dir() => walk_folder(&p, out),
            Ok(p) => found.push(p),
            Err(e) => out
                .problems
                .push(format!("{}: {}", e.path().display(), e.error())),
        }
    }
    if found.is_empty() && out.files.len() == before {
        out.problems.push(format!("{text}: matches no file"));
    }
    found.sort();
    out.files.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, "Text.").unwrap();
    }

    #[test]
    fn folders_are_searched_recursively_for_articles_only_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.txt",
            "a.md",
            "sub/c.html",
            "sub/deeper/d.TXT",
            "notes.json",
            "x.png",
        ] {
            touch(&root.join(name));
        }
        let got = expand(&[root.to_path_buf()]);
        let names: Vec<_> = got
            .files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/c.html", "sub/deeper/d.TXT"]);
        assert!(got.problems.is_empty());
    }

    #[test]
    fn globs_expand_and_a_glob_matching_nothing_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["one.txt", "two.txt", "three.md"] {
            touch(&root.join(name));
        }
        let got = expand(&[root.join("*.txt"), root.join("none-*.txt")]);
        assert_eq!(got.files, [root.join("one.txt"), root.join("two.txt")]);
        assert_eq!(got.problems.len(), 1);
        assert!(got.problems[0].contains("none-*.txt"), "{:?}", got.problems);
    }

    #[test]
    fn files_keep_argument_order_and_missing_files_are_left_for_loading_to_name() {
        let got = expand(&[PathBuf::from("z.txt"), PathBuf::from("a.txt")]);
        assert_eq!(got.files, [PathBuf::from("z.txt"), PathBuf::from("a.txt")]);
    }
}
