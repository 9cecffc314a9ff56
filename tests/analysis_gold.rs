//! Scores the analyser on the gold articles in `tests/gold/` (our own and the shared dev set) the
//! way `shared/tools/score.py` does, and fails when a score drops below its threshold.

// The gold files are fixtures of this crate: a malformed one should fail the test loudly.
#![expect(clippy::unwrap_used)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use marginalia::analysis::{self, Analysis, EntityType, FigureValue};
use serde_json::Value;

/// Title words the scorer ignores when comparing names.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "dame",
    "prof",
    "professor",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "general",
    "gen",
    "chief",
    "secretary",
    "the",
    "king",
    "queen",
    "pope",
    "judge",
    "justice",
    "mayor",
    "ceo",
];
const QUOTE_TRIM: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', ' ', '\n', '\t', '.', ',', ';',
    ':', '!', '?', '—', '–', '-',
];

fn norm_name(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '’' || c == '\''))
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.trim_matches(['’', '\''])))
        .map(|w| w.replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `pred` names the gold entity `canonical` (strict: its canonical name, titles aside).
fn name_ok(
    pred: &str,
    canonical: &str,
    aliases: &HashMap<String, HashSet<String>>,
    strict: bool,
) -> bool {
    let p = norm_name(pred);
    if p.is_empty() {
        return false;
    }
    if !strict && aliases.get(canonical).is_some_and(|a| a.contains(&p)) {
        return true;
    }
    let c = norm_name(canonical);
    !c.is_empty() && format!(" {p} ").contains(&format!(" {c} "))
}

#[derive(Default, Debug)]
struct Tally {
    q_tp: usize,
    q_fp: usize,
    q_fn: usize,
    q_sp: usize,
    e_tp: usize,
    e_fp: usize,
    e_fn: usize,
    l_ok: usize,
    l_n: usize,
    f_tp: usize,
    f_fp: usize,
    f_fn: usize,
    v_ok: usize,
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn span(v: &Value) -> (usize, usize) {
    (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    )
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn type_name(t: EntityType) -> Option<&'static str> {
    match t {
        EntityType::Person => Some("PERSON"),
        EntityType::Org => Some("ORG"),
        EntityType::Place => Some("PLACE"),
        EntityType::Norp => None,
    }
}

fn score_file(gold: &Value, pred: &Analysis, chars: &[char], t: &mut Tally, log: &mut Vec<String>) {
    let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut aliases: HashMap<String, HashSet<String>> = HashMap::new();
    for e in gold["entities"].as_array().unwrap() {
        let name = e["name"].as_str().unwrap().to_string();
        let set = aliases
            .entry(name.clone())
            .or_insert_with(|| HashSet::from([norm_name(&name)]));
        set.insert(norm_name(e["text"].as_str().unwrap()));
    }
    // Quotes.
    let mut used = HashSet::new();
    for g in gold["quotes"].as_array().unwrap() {
        let gs = span(g);
        let gcore = g["text"].as_str().unwrap().trim_matches(QUOTE_TRIM);
        let hit = pred.quotes.iter().enumerate().find(|(i, p)| {
            if used.contains(i) {
                return false;
            }
            let union = p.end.max(gs.1) - p.start.min(gs.0);
            let iou = overlap((p.start, p.end), gs) as f64 / union as f64;
            text(p.start, p.end).trim_matches(QUOTE_TRIM) == gcore || iou >= 0.9
        });
        let optional = g["optional"].as_bool().unwrap_or(false);
        match hit {
            Some((i, _)) if optional => {
                used.insert(i);
            }
            None if optional => {}
            None => {
                t.q_fn += 1;
                log.push(format!("missed quote {gcore:?}"));
            }
            Some((i, p)) => {
                used.insert(i);
                t.q_tp += 1;
                let want = g["speaker"].as_str().unwrap_or_default();
                let got = p.speaker.as_ref().map_or("", |s| s.name.as_str());
                if name_ok(got, want, &aliases, false) {
                    t.q_sp += 1;
                } else {
                    log.push(format!("speaker {got:?} for {gcore:?}, want {want:?}"));
                }
            }
        }
    }
    t.q_fp += pred.quotes.len() - used.len();
    // Entities.
    let optional: Vec<(usize, usize)> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["optional"].as_bool().unwrap_or(false))
        .map(span)
        .collect();
    let mut pm: HashMap<(usize, usize), (&str, &str)> = HashMap::new();
    for e in &pred.entities {
        let Some(ty) = type_name(e.kind) else {
            continue;
        };
        for m in &e.mentions {
            if optional.iter().any(|&o| overlap((m.start, m.end), o) > 0) {
                continue;
            }
            pm.entry((m.start, m.end)).or_insert((ty, e.name.as_str()));
        }
    }
    let mut gspans = HashSet::new();
    for g in gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| !g["optional"].as_bool().unwrap_or(false))
    {
        let gs = span(g);
        gspans.insert(gs);
        match pm.get(&gs) {
            None => {
                t.e_fn += 1;
                log.push(format!("missed entity {:?}", g["text"]));
            }
            Some((ty, name)) if *ty == g["type"].as_str().unwrap() => {
                t.e_tp += 1;
                t.l_n += 1;
                if name_ok(name, g["name"].as_str().unwrap(), &aliases, true) {
                    t.l_ok += 1;
                } else {
                    log.push(format!("linked {:?} to {name:?}", g["text"]));
                }
            }
            Some((ty, _)) => {
                t.e_fn += 1;
                t.e_fp += 1;
                log.push(format!("{:?} typed {ty}", g["text"]));
            }
        }
    }
    for s in pm.keys().filter(|s| !gspans.contains(s)) {
        t.e_fp += 1;
        log.push(format!("extra entity {:?}", text(s.0, s.1)));
    }
    // Figures.
    let mut used = HashSet::new();
    for g in gold["figures"].as_array().unwrap() {
        let gs = span(g);
        let hit = pred
            .figures
            .iter()
            .enumerate()
            .find(|(i, p)| !used.contains(i) && overlap((p.start, p.end), gs) > 0);
        if let Some((i, _)) = hit {
            used.insert(i);
        }
        if g["optional"].as_bool().unwrap_or(false) {
            continue;
        }
        let Some((_, p)) = hit else {
            t.f_fn += 1;
            continue;
        };
        t.f_tp += 1;
        let ok = match (&p.value, &g["value"]) {
            (Some(FigureValue::Date(d)), Value::String(want)) => d.starts_with(want.as_str()),
            (Some(FigureValue::Number(n)), Value::Number(want)) => {
                let w = want.as_f64().unwrap();
                (n - w).abs() <= 1e-6 * w.abs().max(1.0)
            }
            _ => false,
        };
        if ok {
            t.v_ok += 1;
        }
    }
    t.f_fp += pred.figures.len() - used.len();
}

fn gold_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn analyser_meets_its_scores_on_the_gold_articles() {
    let mut t = Tally::default();
    let mut log = Vec::new();
    let files = gold_files();
    assert!(files.len() >= 3, "gold files missing");
    for gold_path in &files {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
        let txt = PathBuf::from(gold_path.to_string_lossy().replace(".gold.json", ".txt"));
        let doc = marginalia::document::load(&txt).unwrap();
        let pred = analysis::analyze(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        log.push(format!("{}:", txt.display()));
        score_file(&gold, &pred, &chars, &mut t, &mut log);
    }
    let quote_f1 = f1(t.q_tp, t.q_fp, t.q_fn);
    let speaker_acc = t.q_sp as f64 / t.q_tp.max(1) as f64;
    let entity_f1 = f1(t.e_tp, t.e_fp, t.e_fn);
    let linking_acc = t.l_ok as f64 / t.l_n.max(1) as f64;
    let figure_f1 = f1(t.f_tp, t.f_fp, t.f_fn);
    let value_acc = t.v_ok as f64 / t.f_tp.max(1) as f64;
    let line = format!(
        "quote_f1={quote_f1:.3} speaker_acc={speaker_acc:.3} entity_f1={entity_f1:.3} linking_acc={linking_acc:.3} figure_f1={figure_f1:.3} value_acc={value_acc:.3}"
    );
    println!("{}\n{line}", log.join("\n"));
    // Just under today's scores: the set is saturated, so it guards against regressions.
    assert!(quote_f1 >= 0.99, "{line}");
    assert!(speaker_acc >= 0.98, "{line}");
    assert!(entity_f1 >= 0.97, "{line}");
    assert!(linking_acc >= 0.99, "{line}");
    assert!(figure_f1 >= 0.98, "{line}");
    assert!(value_acc >= 0.99, "{line}");
}

#[test]
fn scoring_catches_a_wrong_speaker() {
    let gold: Value = serde_json::json!({
        "quotes": [{"start": 0, "end": 6, "text": "“Yes,”", "speaker": "Ada Lovelace", "optional": false}],
        "entities": [{"start": 7, "end": 19, "text": "Ada Lovelace", "type": "PERSON", "name": "Ada Lovelace", "optional": false}],
        "figures": []
    });
    let text = "“Yes,” Ada Lovelace said.";
    let chars: Vec<char> = text.chars().collect();
    let mut pred = analysis::analyze(&marginalia::document::Document::from_text(text));
    let mut t = Tally::default();
    score_file(&gold, &pred, &chars, &mut t, &mut Vec::new());
    assert_eq!((t.q_tp, t.q_sp, t.e_tp, t.l_ok), (1, 1, 1, 1));
    pred.quotes[0].speaker.as_mut().unwrap().name = "Charles Babbage".into();
    let mut t = Tally::default();
    score_file(&gold, &pred, &chars, &mut t, &mut Vec::new());
    assert_eq!((t.q_tp, t.q_sp), (1, 0));
}
