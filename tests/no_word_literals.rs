//! The analysis keeps its English words in `assets/lexicon/` (and the other asset lists), not in
//! its code: this test fails, naming file and line, for every word written as a string literal
//! in the core's `src/analysis/`.
//!
//! The rule is the one of the project's word-literal count: files named `tests.rs` (and folders
//! under `tests`) are skipped, each file is cut at its first `#[cfg(test)]`, `//` comments are
//! removed, and a literal counts when it is a plain word of three or more letters, or several
//! such words separated by spaces ("said", "Hospital", "per cent").

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use regex::Regex;

/// The rule's three patterns: a `//` comment, a string literal, and a literal that is words.
struct Rule {
    comment: Regex,
    literal: Regex,
    word: Regex,
}

impl Rule {
    fn new() -> Self {
        Self {
            comment: Regex::new(r"//[^\n]*").unwrap(),
            literal: Regex::new(r#""((?:[^"\\]|\\.)*)""#).unwrap(),
            // (`\n?$`: the count's pattern also accepts one final line break.)
            word: Regex::new(r"^[A-Za-z][a-z]{2,}(?: [A-Za-z][a-z]+)*\n?$").unwrap(),
        }
    }

    /// The word literals of one file's source, as (line, literal).
    fn word_literals(&self, src: &str) -> Vec<(usize, String)> {
        let code = src.split("#[cfg(test)]").next().unwrap_or("");
        let code = self.comment.replace_all(code, "");
        self.literal
            .captures_iter(&code)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let inner = c.get(1)?.as_str();
                let line = code[..whole.start()].matches('\n').count() + 1;
                self.word.is_match(inner).then(|| (line, inner.to_string()))
            })
            .collect()
    }
}

/// Every `.rs` file under `dir` the rule looks at, in a stable order (paths are judged from
/// `root`, so a checkout under a folder named `tests` is still read).
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            let rel = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .to_string();
            if !format!("/{rel}").contains("/tests") {
                rust_files(root, &p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs")
            && p.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(p);
        }
    }
}

#[test]
fn analysis_code_has_no_word_literals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(
        root,
        &root.join("crates/marginalia-core/src/analysis"),
        &mut files,
    );
    assert!(
        files.len() > 10,
        "crates/marginalia-core/src/analysis not found under {root:?}"
    );
    let rule = Rule::new();
    let mut found = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(root).unwrap_or(f).display().to_string();
        for (line, lit) in rule.word_literals(&src) {
            found.push(format!("{rel}:{line}: {lit:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "{} English word literal(s) in analysis code; move them to assets/lexicon/ (see \
         src/analysis/words.rs):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_rule_finds_words_and_nothing_else() {
    let src = "let a = \"said\"; // \"Hospital\" in a comment\n\
               let b = [\"per cent\", \"of\", \"UN\", \"Ltd.\", \"a b\", \"{x} said\"];\n\
               let c = \"Hospital\";\n\
               #[cfg(test)]\n\
               let d = \"ignored\";\n";
    let found = Rule::new().word_literals(src);
    assert_eq!(
        found,
        [
            (1, "said".to_string()),
            (2, "per cent".to_string()),
            (3, "Hospital".to_string())
        ]
    );
}
