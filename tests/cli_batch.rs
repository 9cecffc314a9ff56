//! `marginalia analyze PATH... --jsonl --jobs N` end to end: folders, globs and files become one
//! JSON line per article in a stable order, each line equal to the single-file analysis; a bad
//! file is named and skipped, and the run says how many failed.

// Fixtures of this crate: a failure to read one should fail the test loudly.
#![expect(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn marginalia(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .output()
        .unwrap()
}

/// A folder of real articles (samples and gold, some nested, one as Markdown) plus a file that is
/// not an article.
fn archive() -> (tempfile::TempDir, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut gold: Vec<PathBuf> = std::fs::read_dir(root.join("tests/gold"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    gold.sort();
    let mut placed = Vec::new();
    for (i, src) in gold.iter().take(9).enumerate() {
        let name = src.file_name().unwrap().to_string_lossy().into_owned();
        let dest = match i % 3 {
            0 => dir.path().join(&name),
            1 => dir.path().join("2024").join(&name),
            _ => dir
                .path()
                .join("2024/june")
                .join(name.replace(".txt", ".md")),
        };
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(src, &dest).unwrap();
        placed.push(dest);
    }
    std::fs::write(dir.path().join("README.json"), "{}").unwrap();
    placed.sort();
    (dir, placed)
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_folder_gives_one_line_per_article_in_path_order_equal_to_the_single_file_analysis() {
    let (dir, placed) = archive();
    let folder = dir.path().to_str().unwrap();
    let out = marginalia(&["analyze", folder, "--jsonl", "--jobs", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing but the JSON on a pipe: no progress bar on standard error.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    let files: Vec<&str> = got.iter().map(|v| v["file"].as_str().unwrap()).collect();
    let want: Vec<String> = placed.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(files, want);
    for (line, path) in got.iter().zip(&placed) {
        let single = marginalia(&["analyze", path.to_str().unwrap(), "--json"]);
        let single: Value = serde_json::from_slice(&single.stdout).unwrap();
        assert_eq!(line, &single, "{}", path.display());
        assert!(
            !line["quotes"].as_array().unwrap().is_empty()
                || !line["entities"].as_array().unwrap().is_empty()
        );
    }
    // One thread or many: the same bytes.
    let one = marginalia(&["analyze", folder, "--jsonl", "--jobs", "1"]);
    assert_eq!(one.stdout, out.stdout);
}

#[test]
fn globs_and_files_mix_and_a_bad_file_is_named_and_counted_while_the_rest_go_through() {
    let (dir, placed) = archive();
    let binary = dir.path().join("broken.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    let pattern = dir.path().join("*.txt");
    let missing = dir.path().join("gone.txt");
    let nested = dir.path().join("2024");
    let out = marginalia(&[
        "analyze",
        pattern.to_str().unwrap(),
        missing.to_str().unwrap(),
        nested.to_str().unwrap(),
        "--jsonl",
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.txt"), "{stderr}");
    assert!(stderr.contains("gone.txt"), "{stderr}");
    assert!(stderr.contains("2 of "), "{stderr}");
    let got = lines(&out);
    let top: Vec<&PathBuf> = placed
        .iter()
        .filter(|p| p.parent() == Some(dir.path()))
        .collect();
    let in_2024: Vec<&PathBuf> = placed.iter().filter(|p| p.starts_with(&nested)).collect();
    assert_eq!(got.len(), top.len() + in_2024.len());
    let files: Vec<String> = got
        .iter()
        .map(|v| v["file"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = top
        .iter()
        .chain(&in_2024)
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(files, want);
}

#[test]
fn several_files_without_jsonl_give_one_summary_each() {
    let (_dir, placed) = archive();
    let a = placed[0].to_str().unwrap();
    let b = placed[1].to_str().unwrap();
    let out = marginalia(&["analyze", a, b]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("{a}: ")), "{text}");
    assert!(text.contains(&format!("{b}: ")), "{text}");
    assert!(text.find(a) < text.find(b));
}

#[test]
fn voices_count_every_quote_of_the_folder_once_whatever_the_threads() {
    let (dir, _placed) = archive();
    let folder = dir.path().to_str().unwrap();
    let analysed = lines(&marginalia(&["analyze", folder, "--jsonl"]));
    let out = marginalia(&["voices", folder, "--json", "--jobs", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let voices: Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes: usize = analysed
        .iter()
        .map(|a| a["quotes"].as_array().unwrap().len())
        .sum();
    let attributed: usize = analysed
        .iter()
        .flat_map(|a| a["quotes"].as_array().unwrap())
        .filter(|q| !q["speaker"].is_null())
        .count();
    assert_eq!(voices["articles"], analysed.len());
    assert_eq!(voices["quotes"], quotes);
    let speakers = voices["speakers"].as_array().unwrap();
    let counted: u64 = speakers.iter().map(|s| s["quotes"].as_u64().unwrap()).sum();
    assert_eq!(counted as usize, attributed);
    // Most quoted first.
    let by_count: Vec<u64> = speakers
        .iter()
        .map(|s| s["quotes"].as_u64().unwrap())
        .collect();
    assert!(by_count.windows(2).all(|w| w[0] >= w[1]));
    let one = marginalia(&["voices", folder, "--json", "--jobs", "1"]);
    assert_eq!(one.stdout, out.stdout);
    let csv = marginalia(&["voices", folder, "--csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with(
        "speaker,type,quotes,words_quoted,articles,organisations,first_seen,last_seen\n"
    ));
    assert_eq!(csv.lines().count(), speakers.len() + 1);
}
