//! How long a sidecar with 10,000 annotations takes to load and anchor, on a ~45 KB article:
//! unchanged (every annotation at its offsets), moved (a paragraph inserted at the top), and
//! changed (a paragraph inserted, one deleted, and a typo in every tenth paragraph).
//! Run with `cargo bench --bench sidecar`; prints figures, asserts nothing about time.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use common::{Lcg, paragraphs};
use marginalia::annotations::anchoring::{AnchorStatus, Anchorer};
use marginalia::annotations::sidecar::{empty_sidecar, read_sidecar, to_json};
use marginalia::annotations::{Annotation, ArticleRef};

const ANNOTATIONS: usize = 10_000;
const RUNS: usize = 7;

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let mut rng = Lcg(42);
    let paragraphs = paragraphs(&mut rng, 45_000);
    let text = paragraphs.join("\n");
    let n = text.chars().count();
    let mut sidecar = empty_sidecar(ArticleRef {
        file: "bench.txt".into(),
        ..ArticleRef::default()
    });
    for _ in 0..ANNOTATIONS {
        let len = 10 + rng.next(50);
        let start = rng.next(n - len);
        let mut a = Annotation::new_on(&text, start, start + len, "Bench");
        a.note = "A note of a usual length, with a few words in it.".into();
        a.tags = vec!["bench".into()];
        sidecar.annotations.push(a);
    }
    let dir = std::env::temp_dir().join(format!("marginalia-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bench.txt.annotations.json");
    let json = to_json(&sidecar);
    if std::fs::write(&path, &json).is_err() {
        eprintln!("cannot write {}", path.display());
        return;
    }

    let moved = format!("A new first paragraph, added after the annotations were written.\n{text}");
    let mut changed_paras = paragraphs.clone();
    changed_paras.remove(changed_paras.len() / 2);
    for (i, p) in changed_paras.iter_mut().enumerate() {
        if i % 10 == 3
            && let Some(pos) = p.find(" the ")
        {
            p.replace_range(pos..pos + 5, " teh ");
        }
    }
    let changed = format!(
        "A new first paragraph, added after the annotations were written.\n{}",
        changed_paras.join("\n")
    );

    println!(
        "sidecar: {} annotations, {:.0} KB of JSON; article: {:.1} KB, {} chars",
        ANNOTATIONS,
        json.len() as f64 / 1024.0,
        text.len() as f64 / 1024.0,
        n
    );
    let mut loads = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let loaded = read_sidecar(&path);
        loads.push(t.elapsed());
        if !matches!(loaded, Ok(Some(_))) {
            eprintln!("could not read the sidecar back");
            return;
        }
    }
    println!("load (read + parse): {:.1} ms", median(loads.clone()));

    for (case, current) in [
        ("unchanged", &text),
        ("moved", &moved),
        ("changed", &changed),
    ] {
        let mut times = Vec::new();
        let mut anchor_times = Vec::new();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for run in 0..RUNS {
            let t = Instant::now();
            let Ok(Some(loaded)) = read_sidecar(&path) else {
                return;
            };
            let t_anchor = Instant::now();
            let anchorer = Anchorer::new(current);
            let anchors = anchorer.anchor_all(loaded.sidecar.annotations.iter().map(|a| &a.target));
            anchor_times.push(t_anchor.elapsed());
            times.push(t.elapsed());
            if run == 0 {
                for a in &anchors {
                    *counts.entry(a.status.as_str()).or_default() += 1;
                }
                let wrong = anchors
                    .iter()
                    .zip(&loaded.sidecar.annotations)
                    .filter(|(a, ann)| {
                        matches!(a.status, AnchorStatus::Anchored | AnchorStatus::Moved)
                            && current
                                .chars()
                                .skip(a.start.unwrap_or(0))
                                .take(a.end.unwrap_or(0) - a.start.unwrap_or(0))
                                .collect::<String>()
                                != ann.target.exact
                    })
                    .count();
                if wrong > 0 {
                    println!("  {wrong} exact placements on the wrong text!");
                }
            }
        }
        println!(
            "load + anchor, {case:9}: {:7.1} ms (anchor alone {:5.1} ms; median of {RUNS})  {counts:?}",
            median(times),
            median(anchor_times)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
