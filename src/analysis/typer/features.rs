//! The evidence about one name mention, as named features ("given_first", "prev:in",
//! "last:university", "rule:Org") that the fitted weights in `assets/models/` vote with.
//!
//! Features are strings so that the weights file, not this code, holds every word: a lexical
//! feature is a prefix and the word the text has there, and only the words the fitting found
//! useful carry a weight. The prefixes are stable names; renaming one means fitting again.

use crate::analysis::candidates::Candidate;
use crate::analysis::knowledge::Knowledge;
use crate::analysis::linking::{Cluster, EntityMention};
use crate::analysis::model::EntityType;
use crate::analysis::text::{Text, TokKind};

/// Longest suffix of the last word kept as a feature, in chars.
const SUFFIX_CHARS: usize = 3;

/// Everything the features of one mention are read from.
pub struct MentionView<'t, 'a> {
    /// The tokenised text.
    pub text: &'t Text<'a>,
    /// The gazetteers and word lists.
    pub k: &'t Knowledge,
    /// The mention.
    pub mention: &'t EntityMention,
    /// One past its last token.
    pub end_tok: usize,
    /// The capitalised run it came from, when one starts at or before it.
    pub cand: Option<&'t Candidate>,
    /// The entity the rules put it in, with the type they gave.
    pub cluster: &'t Cluster,
}

/// The features of one mention, each at most once.
pub fn mention_features(v: &MentionView) -> Vec<String> {
    let rule = format!("rule:{:?}", v.cluster.kind);
    let mut out = vec!["b:".to_string(), rule.clone()];
    word_features(v, &mut out);
    gazetteer_features(v, &mut out);
    clue_features(v, &mut out);
    neighbour_features(v, &mut out);
    cluster_features(v, &mut out);
    rule_conjunctions(&rule, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The mention's own words: how many, their shape, first and last word and the last's ending.
fn word_features(v: &MentionView, out: &mut Vec<String>) {
    let words = name_words(v);
    let Some(first) = words.first() else {
        return;
    };
    out.push(format!("n:{}", words.len().min(4)));
    let first_low = v.text.tok_lower(v.mention.first_tok);
    let last_low = v.text.tok_lower(v.end_tok - 1);
    out.push(format!("first:{first_low}"));
    out.push(format!("last:{last_low}"));
    let chars: Vec<char> = last_low.chars().collect();
    if chars.len() > SUFFIX_CHARS {
        let suffix: String = chars[chars.len() - SUFFIX_CHARS..].iter().collect();
        out.push(format!("suf:{suffix}"));
    }
    if words.iter().all(|w| is_capitals(w)) {
        out.push(if words.len() == 1 && first.chars().count() <= 5 {
            "shape:acronym".to_string()
        } else {
            "shape:capitals".to_string()
        });
    }
    if words.iter().any(|w| w.contains('-')) {
        out.push("shape:hyphen".to_string());
    }
    if words
        .iter()
        .any(|w| w.ends_with('.') && w.chars().count() <= 3)
    {
        out.push("shape:initial".to_string());
    }
    if v.k.english_words.contains(first_low) {
        out.push("eng:first".to_string());
    }
    if v.k.english_words.contains(last_low) {
        out.push("eng:last".to_string());
    }
    if words.len() > 1
        && words
            .iter()
            .all(|w| v.k.english_words.contains(&w.to_lowercase()))
    {
        out.push("eng:all".to_string());
    }
}

/// What the gazetteers and name lists say of the mention and its words.
fn gazetteer_features(v: &MentionView, out: &mut Vec<String>) {
    let k = v.k;
    let name = v.text.slice(v.mention.start, v.mention.end);
    if let Some(known) = k.lookup(name) {
        out.push(format!("known:{:?}", known.kind));
        if known.town {
            out.push("known:town".to_string());
        }
    }
    let words = name_words(v);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    if k.given_names.contains(first) {
        out.push("given:first".to_string());
    }
    if k.surnames.contains(last) {
        out.push("surname:last".to_string());
    }
    if let Some(female) = k.gender_of_name(first) {
        out.push(format!("gender:{female}"));
    }
    if k.person_like(&words) {
        out.push("person_like".to_string());
    }
    if k.org_words.contains(last.trim_end_matches('.')) {
        out.push("orgword:last".to_string());
    } else if words.iter().any(|w| k.org_words.contains(*w)) {
        out.push("orgword:inside".to_string());
    }
    if k.place_words.contains(last.trim_end_matches('.')) {
        out.push("placeword:last".to_string());
    }
    if k.place_heads.contains(*first) {
        out.push("placehead:first".to_string());
    }
    if words.len() > 1 && k.lookup(first).is_some_and(|n| n.kind == EntityType::Place) {
        out.push("known_first:Place".to_string());
    }
}

/// The clues the candidate finder kept: a title, a role noun before or after, a capital that
/// only marks a sentence start, the headline.
fn clue_features(v: &MentionView, out: &mut Vec<String>) {
    let Some(c) = v.cand else {
        return;
    };
    if c.title.is_some() {
        out.push("clue:title".to_string());
    }
    if let Some(r) = &c.role_before {
        out.push(format!("role_before:{}", role_kind(v.k, r)));
    }
    if let Some(r) = &c.role_after {
        out.push(format!("role_after:{}", role_kind(v.k, r)));
    }
    if c.uncertain {
        out.push("clue:uncertain".to_string());
    }
    if c.in_headline {
        out.push("clue:headline".to_string());
    }
}

/// The words around the mention: the one before, the one or two after ("said", "’s", "-based").
fn neighbour_features(v: &MentionView, out: &mut Vec<String>) {
    let text = v.text;
    let first = v.mention.first_tok;
    if first > 0 && same_sentence(text, first - 1, first) {
        out.push(format!("prev:{}", token_key(text, first - 1)));
        if first > 1 && same_sentence(text, first - 2, first) {
            out.push(format!(
                "prev2:{} {}",
                token_key(text, first - 2),
                token_key(text, first - 1)
            ));
        }
    } else {
        out.push("prev:^".to_string());
    }
    let end = v.end_tok;
    if end < text.tokens.len() && same_sentence(text, end - 1, end) {
        out.push(format!("next:{}", token_key(text, end)));
        if end + 1 < text.tokens.len() && same_sentence(text, end, end + 1) {
            out.push(format!(
                "next2:{} {}",
                token_key(text, end),
                token_key(text, end + 1)
            ));
        }
    } else {
        out.push("next:$".to_string());
    }
}

/// The rules' type together with the evidence it most depends on, so the weights can trust a
/// type the rules gave from a gazetteer or a title more than one they fell back on.
fn rule_conjunctions(rule: &str, out: &mut Vec<String>) {
    let with: Vec<String> = out
        .iter()
        .filter(|f| CONJOINED.iter().any(|p| f.starts_with(p)))
        .map(|f| format!("{rule}&{f}"))
        .collect();
    out.extend(with);
}

/// The features the rules' type is paired with (see [`rule_conjunctions`]).
const CONJOINED: &[&str] = &[
    "n:",
    "known:",
    "clue:",
    "role_",
    "orgword:",
    "placeword:",
    "given:",
];

/// What the other mentions of the same entity say: how often it is named, a known gender,
/// roles the article gives it.
fn cluster_features(v: &MentionView, out: &mut Vec<String>) {
    let cl = v.cluster;
    out.push(format!("c_size:{}", cl.mentions.len().min(4)));
    if let Some(female) = cl.female {
        out.push(format!("c_gender:{female}"));
    }
    if !cl.roles.is_empty() {
        out.push("c_roles".to_string());
    }
    if cl.known.is_some() {
        out.push("c_known".to_string());
    }
}

/// A token as a feature value: a word in lower case, a number as `0`, punctuation as itself.
fn token_key(text: &Text, i: usize) -> String {
    match text.tokens[i].kind {
        TokKind::Number => "0".to_string(),
        _ => text.tok_lower(i).replace('’', "'"),
    }
}

fn same_sentence(text: &Text, a: usize, b: usize) -> bool {
    text.tokens[a].sentence == text.tokens[b].sentence
}

/// The mention's word tokens (no punctuation inside it such as "&" or "-").
fn name_words<'a>(v: &MentionView<'_, 'a>) -> Vec<&'a str> {
    (v.mention.first_tok..v.end_tok)
        .filter(|&i| v.text.tokens[i].kind == TokKind::Word)
        .map(|i| v.text.tok(i))
        .collect()
}

/// Whether a role noun stands for an organisation (`O`), a person (`P`) or either (`?`).
fn role_kind(k: &Knowledge, role: &str) -> &'static str {
    match k.role_nouns.get(role) {
        Some(true) => "O",
        Some(false) => "P",
        None => "?",
    }
}

fn is_capitals(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}
