//! Anchoring under the edits articles really go through: sentences and paragraphs inserted,
//! deleted and reworded, paragraphs moved, over the gold articles. Every character of the edited
//! text remembers where it came from, so the test knows, for each note, which text is its own.
//!
//! The rule: a placed note lies on text at least half of which descends from the note's old text,
//! and crosses no paragraph break its old text did not cross (0 misplaced); and of the notes whose
//! old text survives whole, at least 95% are placed.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use marginalia::annotations::Target;
use marginalia::annotations::anchoring::{AnchorStatus, Anchorer};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;

/// One character of the edited text and the position it had in the original (None: new text).
type Traced = (char, Option<usize>);

fn gold_articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| marginalia::document::load(p).unwrap().text)
        .collect()
}

#[derive(Debug, Clone)]
enum Edit {
    InsertSentence {
        para: Index,
        at: Index,
        seed: u64,
    },
    DeleteSentence {
        para: Index,
        which: Index,
    },
    RewordSentence {
        para: Index,
        which: Index,
        seed: u64,
    },
    InsertParagraph {
        at: Index,
        seed: u64,
    },
    DeleteParagraph {
        para: Index,
    },
    MoveParagraph {
        from: Index,
        to: Index,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), any::<Index>(), any::<u64>())
            .prop_map(|(para, at, seed)| Edit::InsertSentence { para, at, seed }),
        (any::<Index>(), any::<Index>())
            .prop_map(|(para, which)| Edit::DeleteSentence { para, which }),
        (any::<Index>(), any::<Index>(), any::<u64>())
            .prop_map(|(para, which, seed)| Edit::RewordSentence { para, which, seed }),
        (any::<Index>(), any::<u64>()).prop_map(|(at, seed)| Edit::InsertParagraph { at, seed }),
        any::<Index>().prop_map(|para| Edit::DeleteParagraph { para }),
        (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Edit::MoveParagraph { from, to }),
    ]
}

/// A small deterministic generator for the words of new sentences.
struct Words<'a> {
    vocabulary: &'a [String],
    state: u64,
}

impl Words<'_> {
    fn next(&mut self) -> &str {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        &self.vocabulary[(self.state >> 33) as usize % self.vocabulary.len()]
    }

    /// A sentence of the article's own words (the hardest new text: near misses everywhere).
    fn sentence(&mut self) -> String {
        let n = 6 + (self.state % 9) as usize;
        let mut s: Vec<String> = (0..n).map(|_| self.next().to_string()).collect();
        if let Some(first) = s.first_mut() {
            let mut c = first.chars();
            *first = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
        }
        format!("{}.", s.join(" "))
    }
}

/// The traced text split into paragraphs (without their line breaks).
fn paragraphs(doc: &[Traced]) -> Vec<Vec<Traced>> {
    doc.split(|(c, _)| *c == '\n')
        .map(<[Traced]>::to_vec)
        .collect()
}

fn join(paras: &[Vec<Traced>]) -> Vec<Traced> {
    let mut out = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if i > 0 {
            out.push(('\n', None));
        }
        out.extend_from_slice(p);
    }
    out
}

/// Sentence ranges of a paragraph: each ends after ". " (or at the paragraph's end).
fn sentences(para: &[Traced]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..para.len() {
        let ends =
            matches!(para[i].0, '.' | '?' | '!') && para.get(i + 1).is_some_and(|(c, _)| *c == ' ');
        if ends {
            out.push(start..i + 2);
            start = i + 2;
        }
    }
    if start < para.len() {
        out.push(start..para.len());
    }
    out
}

fn new_text(s: &str) -> Vec<Traced> {
    s.chars().map(|c| (c, None)).collect()
}

fn apply(doc: &[Traced], edit: &Edit, vocabulary: &[String]) -> Vec<Traced> {
    let mut paras = paragraphs(doc);
    let words = |seed| Words {
        vocabulary,
        state: seed,
    };
    match edit {
        Edit::InsertSentence { para, at, seed } => {
            let n = paras.len();
            let p = &mut paras[para.index(n)];
            let cuts = sentences(p);
            let cut = match cuts.len() {
                0 => 0,
                n => cuts[at.index(n)].start,
            };
            let sentence = format!("{} ", words(*seed).sentence());
            p.splice(cut..cut, new_text(&sentence));
        }
        Edit::DeleteSentence { para, which } => {
            let n = paras.len();
            let p = &mut paras[para.index(n)];
            let cuts = sentences(p);
            if !cuts.is_empty() {
                p.drain(cuts[which.index(cuts.len())].clone());
            }
        }
        Edit::RewordSentence { para, which, seed } => {
            let n = paras.len();
            let p = &mut paras[para.index(n)];
            let cuts = sentences(p);
            if !cuts.is_empty() {
                let range = cuts[which.index(cuts.len())].clone();
                let mut w = words(*seed);
                // Every third word of the sentence is replaced.
                let mut out = Vec::new();
                let mut word_no = 0;
                let mut in_word = false;
                for &(c, origin) in &p[range.clone()] {
                    if c.is_alphanumeric() {
                        if !in_word {
                            word_no += 1;
                            in_word = true;
                            if word_no % 3 == 0 {
                                out.extend(new_text(w.next()));
                            }
                        }
                        if word_no % 3 != 0 {
                            out.push((c, origin));
                        }
                    } else {
                        in_word = false;
                        out.push((c, origin));
                    }
                }
                p.splice(range, out);
            }
        }
        Edit::InsertParagraph { at, seed } => {
            let mut w = words(*seed);
            let text = format!("{} {}", w.sentence(), w.sentence());
            let at = at.index(paras.len() + 1);
            paras.insert(at, new_text(&text));
        }
        Edit::DeleteParagraph { para } => {
            if paras.len() > 2 {
                paras.remove(para.index(paras.len()));
            }
        }
        Edit::MoveParagraph { from, to } => {
            let p = paras.remove(from.index(paras.len()));
            paras.insert(to.index(paras.len() + 1), p);
        }
    }
    join(&paras)
}

/// Notes on word spans inside one paragraph each, chosen by `picks`.
fn notes(text: &str, picks: &[(Index, Index, Index)]) -> Vec<Target> {
    let chars: Vec<char> = text.chars().collect();
    let words: Vec<(usize, usize)> = {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in chars.iter().enumerate() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, chars.len()));
        }
        out
    };
    picks
        .iter()
        .filter_map(|(first, count, _)| {
            let a = first.index(words.len());
            let n = 3 + count.index(13);
            let b = (a + n - 1).min(words.len() - 1);
            let (s, e) = (words[a].0, words[b].1);
            // Keep to one paragraph: cut at the first line break.
            let e = chars[s..e]
                .iter()
                .position(|c| *c == '\n')
                .map_or(e, |p| s + p);
            (e - s >= 8).then(|| Target::from_text(text, s, e))
        })
        .collect()
}

#[derive(Debug, Default)]
struct Tally {
    notes: usize,
    placed: usize,
    misplaced: Vec<String>,
    whole: usize,
    whole_placed: usize,
}

fn check(original: &str, edits: &[Edit], picks: &[(Index, Index, Index)], tally: &mut Tally) {
    let vocabulary: Vec<String> = original
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut doc: Vec<Traced> = original
        .chars()
        .enumerate()
        .map(|(i, c)| (c, Some(i)))
        .collect();
    for e in edits {
        doc = apply(&doc, e, &vocabulary);
    }
    let edited: String = doc.iter().map(|(c, _)| *c).collect();
    let targets = notes(original, picks);
    let anchors = Anchorer::with_budget(&edited, None).anchor_all(targets.iter());
    for (t, a) in targets.iter().zip(&anchors) {
        tally.notes += 1;
        let survives_whole = (t.start..t.end).all(|o| doc.iter().any(|(_, from)| *from == Some(o)));
        if survives_whole {
            tally.whole += 1;
        }
        let (Some(s), Some(e)) = (a.start, a.end) else {
            continue;
        };
        assert_ne!(a.status, AnchorStatus::Orphaned);
        tally.placed += 1;
        if survives_whole {
            tally.whole_placed += 1;
        }
        let placed = &doc[s..e];
        let own = placed
            .iter()
            .filter(|(_, from)| from.is_some_and(|o| (t.start..t.end).contains(&o)))
            .count();
        let crosses = placed.iter().any(|(c, _)| *c == '\n') && !t.exact.contains('\n');
        if 2 * own < placed.len() || crosses {
            let text: String = placed.iter().map(|(c, _)| *c).collect();
            tally.misplaced.push(format!(
                "“{}” placed on “{text}” ({}; {own} of {} chars its own)",
                t.exact,
                a.reason,
                placed.len()
            ));
        }
    }
}

/// 300 cases from a fixed seed, so a run in CI is the same run as here; set
/// `PROPTEST_RNG_SEED` (and `PROPTEST_CASES`) to explore further.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::with_cases(300);
    if matches!(config.rng_seed, proptest::test_runner::RngSeed::Random) {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(0x6d61_7267_696e_616c);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn realistic_edits_never_put_a_note_on_other_text(
        article in any::<Index>(),
        edits in proptest::collection::vec(edit(), 1..5),
        picks in proptest::collection::vec(any::<(Index, Index, Index)>(), 6..12),
    ) {
        let articles = gold_articles();
        let original = &articles[article.index(articles.len())];
        let mut tally = Tally::default();
        check(original, &edits, &picks, &mut tally);
        prop_assert!(tally.misplaced.is_empty(), "{:#?}", tally.misplaced);
    }
}

/// The same over a fixed sweep, with the figures the rule promises: 0 misplaced, and at least 95%
/// of the notes whose text survives whole placed.
#[test]
fn a_sweep_of_edits_places_nearly_every_surviving_note_and_misplaces_none() {
    let articles = gold_articles();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let case = (
        proptest::collection::vec(edit(), 1..5),
        proptest::collection::vec(any::<(Index, Index, Index)>(), 8..9),
    );
    let mut tally = Tally::default();
    let mut edits_made = 0;
    for original in articles.iter().take(40) {
        for _ in 0..5 {
            let (edits, picks) = case.new_tree(&mut runner).unwrap().current();
            edits_made += edits.len();
            check(original, &edits, &picks, &mut tally);
        }
    }
    eprintln!(
        "{edits_made} edits: {} notes, {} placed, {} misplaced; {} survived whole, {} of them placed ({:.1}%)",
        tally.notes,
        tally.placed,
        tally.misplaced.len(),
        tally.whole,
        tally.whole_placed,
        100.0 * tally.whole_placed as f64 / tally.whole.max(1) as f64
    );
    assert!(tally.misplaced.is_empty(), "{:#?}", tally.misplaced);
    assert!(tally.whole > 100);
    assert!(
        tally.whole_placed * 100 >= tally.whole * 95,
        "{} of {} surviving notes placed",
        tally.whole_placed,
        tally.whole
    );
}

/// The case from the field: a line added on top and the start of paragraph 5 reworded. The
/// paragraph-5 note must not slide onto the end of paragraph 4.
#[test]
fn a_reworded_paragraph_start_does_not_pull_in_the_paragraph_before() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/haiti-kenya.txt");
    let text = marginalia::document::load(&path).unwrap().text;
    let paras: Vec<&str> = text.split('\n').collect();
    let p5 = paras[4];
    let start = text[..text.find(p5).unwrap()].chars().count();
    let note_len = p5.chars().count().min(120);
    let target = Target::from_text(&text, start, start + note_len);
    let first_words: String = p5.chars().take(40).collect();
    let reworded = text.replacen(&first_words, "XXXX removed paragraph text,", 1);
    let edited = format!("A line added on top.\n{reworded}");
    let a = Anchorer::with_budget(&edited, None).anchor(&target, 0);
    assert_eq!(a.status, AnchorStatus::Fuzzy, "{}", a.reason);
    let (s, e) = (a.start.unwrap(), a.end.unwrap());
    let placed: String = edited.chars().skip(s).take(e - s).collect();
    assert!(!placed.contains('\n'), "{placed:?} ({})", a.reason);
    assert!(
        p5.contains(placed.as_str()),
        "not on paragraph 5: {placed:?}"
    );
}
