//! `marginalia analyze` end to end: the JSON matches `shared/spec/analysis-json.md` on the samples
//! and the gold articles, and the summary is readable.

// Fixtures of this crate: a failure to read one should fail the test loudly.
#![expect(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn articles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["samples", "tests/gold"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        out.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt")),
        );
    }
    out.sort();
    out
}

fn analyze(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .arg("analyze")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn json_follows_the_spec_on_every_article() {
    let files = articles();
    assert!(!files.is_empty());
    for path in files {
        let out = analyze(&[path.to_str().unwrap(), "--json"]);
        assert!(out.status.success(), "{}", path.display());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let text: Vec<char> = std::fs::read_to_string(&path).unwrap().chars().collect();
        assert_eq!(v["chars"].as_u64().unwrap() as usize, text.len());
        assert!(v["file"].is_string());
        let slice = |it: &Value| {
            let (s, e) = (
                it["start"].as_u64().unwrap() as usize,
                it["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= text.len());
            text[s..e].iter().collect::<String>()
        };
        let ids: Vec<&str> = v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        for (i, q) in v["quotes"].as_array().unwrap().iter().enumerate() {
            assert_eq!(q["id"], format!("q{}", i + 1));
            assert_eq!(q["text"].as_str().unwrap(), slice(q));
            if let Some(sp) = q["speaker"].as_object() {
                assert!(sp["name"].is_string());
                assert!(ids.contains(&sp["entity"].as_str().unwrap()));
            }
        }
        for (i, e) in v["entities"].as_array().unwrap().iter().enumerate() {
            assert_eq!(e["id"], format!("e{}", i + 1));
            assert!(["PERSON", "ORG", "PLACE", "NORP"].contains(&e["type"].as_str().unwrap()));
            for m in e["mentions"].as_array().unwrap() {
                assert_eq!(m["text"].as_str().unwrap(), slice(m));
            }
        }
        assert!(v["figures"].is_array());
    }
}

#[test]
fn summary_names_speakers_and_entities() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("tests/gold/haiti-kenya.txt");
    let out = analyze(&[path.to_str().unwrap()]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Quotes\n"), "{s}");
    assert!(s.contains("  William Ruto (8)"), "{s}");
    assert!(s.contains("  Garry Conille (3)"), "{s}");
    assert!(s.contains("People\n  William Ruto ×"), "{s}");
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let out = analyze(&["/nonexistent/article.txt", "--json"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("article.txt"), "{err}");
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    use std::process::Stdio;
    // An article long enough that its JSON overflows the pipe before anyone reads it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/haiti-kenya.txt"),
    )
    .unwrap();
    std::fs::write(&path, seed.repeat(40)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["analyze", path.to_str().unwrap(), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, as `| head` does.
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `--explain` gives every typed entity its scores, best first, and the features behind them;
/// without it the JSON carries no reasons.
#[test]
fn explain_says_why_each_entity_has_its_type() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/haiti-kenya.txt");
    let sample = sample.to_str().unwrap();
    let out = analyze(&[sample, "--json", "--explain"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ents = v["entities"].as_array().unwrap();
    let explained: Vec<&Value> = ents.iter().filter(|e| e.get("why").is_some()).collect();
    assert!(
        explained.len() * 10 >= ents.len() * 8,
        "most entities are explained"
    );
    for e in explained {
        let scores = e["why"]["scores"].as_array().unwrap();
        assert_eq!(scores.len(), 4, "{e}");
        assert_eq!(
            scores[0]["name"], e["type"],
            "the best score is the type: {e}"
        );
        let w: Vec<f64> = scores
            .iter()
            .map(|s| s["weight"].as_f64().unwrap())
            .collect();
        assert!(w.windows(2).all(|p| p[0] >= p[1]), "best first: {e}");
        assert!(!e["why"]["features"].as_array().unwrap().is_empty(), "{e}");
    }
    let plain = analyze(&[sample, "--json"]);
    let v: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("why").is_none())
    );
    let summary = String::from_utf8(analyze(&[sample, "--explain"]).stdout).unwrap();
    assert!(summary.contains("because: "), "{summary}");
}

/// A quote whose speaker a pronoun named says why with `--explain`: the people it may have
/// meant, best first, the first being the speaker given.
#[test]
fn explain_says_why_a_pronoun_names_the_speaker() {
    let mut explained = 0;
    for path in articles() {
        let out = analyze(&[path.to_str().unwrap(), "--json", "--explain"]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        for q in v["quotes"].as_array().unwrap() {
            let Some(why) = q.get("why") else { continue };
            explained += 1;
            assert_eq!(why["scores"][0]["name"], q["speaker"]["name"], "{q}");
            assert!(!why["features"].as_array().unwrap().is_empty(), "{q}");
        }
    }
    assert!(
        explained >= 10,
        "pronoun speakers are explained ({explained})"
    );
}
