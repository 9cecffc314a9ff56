//! The evidence about one name mention (its surface features, then its context features), as named features ("given_first", "prev:in",
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

use super::weights::Weights;

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

/// The features that only depend on the mention's words and its entity: the same for every
/// mention of one entity written the same way, so they can be reused.
pub fn surface_features(v: &MentionView, out: &mut Features) {
    out.add_str(&["b:"]);
    out.add(format_args!("rule:{:?}", v.cluster.kind));
    word_features(v, out);
    gazetteer_features(v, out);
    cluster_features(v, out);
}

/// The features of where the mention stands: its clues and neighbours, and the rules' type
/// paired with the evidence (which needs all the others first).
pub fn context_features(v: &MentionView, out: &mut Features) {
    clue_features(v, out);
    neighbour_features(v, out);
    rule_conjunctions(v.cluster.kind, out);
}

/// Where features go: kept as strings (for the fitting script) or looked up in the weights as
/// they are made, so scoring a text allocates no string per feature.
pub struct Features<'w> {
    /// The feature being written.
    buf: String,
    /// Features the rules' type is paired with, seen so far for this mention, one a line.
    conjoined: String,
    sink: Sink<'w>,
}

/// The features collected for part of a mention (see [`Features::snapshot`]).
pub struct Snapshot<'w> {
    conjoined: String,
    sink: Sink<'w>,
}

#[derive(Clone)]
enum Sink<'w> {
    Names(Vec<String>),
    Weights(&'w Weights, Vec<usize>),
}

impl<'w> Features<'w> {
    /// Collects the features' names.
    pub fn names() -> Self {
        Self::with(Sink::Names(Vec::new()))
    }

    /// Collects the indices of the features that `w` weighs.
    pub fn weighed_by(w: &'w Weights) -> Self {
        Self::with(Sink::Weights(w, Vec::new()))
    }

    fn with(sink: Sink<'w>) -> Self {
        Features {
            buf: String::new(),
            conjoined: String::new(),
            sink,
        }
    }

    /// Adds one feature written from parts ("prev:", "in"), without formatting machinery.
    pub fn add_str(&mut self, parts: &[&str]) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        self.commit();
    }

    /// Adds one feature.
    pub fn add(&mut self, name: std::fmt::Arguments) {
        use std::fmt::Write;
        self.buf.clear();
        // Writing into a String cannot fail.
        let _ = self.buf.write_fmt(name);
        self.commit();
    }

    /// Sends the feature in `buf` to the sink.
    fn commit(&mut self) {
        if CONJOINED.iter().any(|p| self.buf.starts_with(p)) {
            self.conjoined.push_str(&self.buf);
            self.conjoined.push('\n');
        }
        match &mut self.sink {
            Sink::Names(v) => v.push(self.buf.clone()),
            Sink::Weights(w, v) => v.extend(w.index(&self.buf)),
        }
    }

    /// What was collected so far for the mention, to be given back by [`Self::restore`].
    pub fn snapshot(&self) -> Snapshot<'w> {
        Snapshot {
            conjoined: self.conjoined.clone(),
            sink: self.sink.clone(),
        }
    }

    /// Adds what a snapshot held, as if its features were added again.
    pub fn restore(&mut self, snap: &Snapshot<'w>) {
        self.conjoined.push_str(&snap.conjoined);
        match (&mut self.sink, &snap.sink) {
            (Sink::Names(v), Sink::Names(s)) => v.extend(s.iter().cloned()),
            (Sink::Weights(_, v), Sink::Weights(_, s)) => v.extend(s),
            _ => {}
        }
    }

    /// The names collected for the mention, sorted, once each; ready for the next mention.
    pub fn take_names(&mut self) -> Vec<String> {
        self.conjoined.clear();
        match &mut self.sink {
            Sink::Names(v) => {
                let mut out = std::mem::take(v);
                out.sort_unstable();
                out.dedup();
                out
            }
            Sink::Weights(..) => Vec::new(),
        }
    }

    /// The weighed features collected for the mention, once each; ready for the next mention.
    pub fn take_weighed(&mut self) -> Vec<usize> {
        self.conjoined.clear();
        match &mut self.sink {
            Sink::Weights(_, v) => {
                let mut out = std::mem::take(v);
                out.sort_unstable();
                out.dedup();
                out
            }
            Sink::Names(_) => Vec::new(),
        }
    }
}

/// The mention's own words: how many, their shape, first and last word and the last's ending.
fn word_features(v: &MentionView, out: &mut Features) {
    let words = name_words(v);
    let Some(first) = words.first() else {
        return;
    };
    out.add(format_args!("n:{}", words.len().min(4)));
    let first_low = v.text.tok_lower(v.mention.first_tok);
    let last_low = v.text.tok_lower(v.end_tok - 1);
    out.add_str(&["first:", first_low]);
    out.add_str(&["last:", last_low]);
    // The last SUFFIX_CHARS chars, when the word is longer than that.
    if let Some((at, _)) = last_low.char_indices().rev().nth(SUFFIX_CHARS) {
        let suffix = &last_low[at..];
        let suffix = suffix
            .get(suffix.chars().next().map_or(0, char::len_utf8)..)
            .unwrap_or("");
        out.add_str(&["suf:", suffix]);
    }
    if words.iter().all(|w| is_capitals(w)) {
        if words.len() == 1 && first.chars().count() <= 5 {
            out.add_str(&["shape:acronym"]);
        } else {
            out.add_str(&["shape:capitals"]);
        }
    }
    if words.iter().any(|w| w.contains('-')) {
        out.add_str(&["shape:hyphen"]);
    }
    if words
        .iter()
        .any(|w| w.ends_with('.') && w.chars().count() <= 3)
    {
        out.add_str(&["shape:initial"]);
    }
    if v.k.english_words.contains(first_low) {
        out.add_str(&["eng:first"]);
    }
    if v.k.english_words.contains(last_low) {
        out.add_str(&["eng:last"]);
    }
    if words.len() > 1
        && (v.mention.first_tok..v.end_tok)
            .filter(|&i| v.text.tokens[i].kind == TokKind::Word)
            .all(|i| v.k.english_words.contains(v.text.tok_lower(i)))
    {
        out.add_str(&["eng:all"]);
    }
}

/// What the gazetteers and name lists say of the mention and its words.
fn gazetteer_features(v: &MentionView, out: &mut Features) {
    let k = v.k;
    let name = v.text.slice(v.mention.start, v.mention.end);
    if let Some(known) = k.lookup(name) {
        out.add(format_args!("known:{:?}", known.kind));
        if known.town {
            out.add_str(&["known:town"]);
        }
    }
    let words = name_words(v);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    if k.given_names.contains(first) {
        out.add_str(&["given:first"]);
    }
    if k.surnames.contains(last) {
        out.add_str(&["surname:last"]);
    }
    if let Some(female) = k.gender_of_name(first) {
        out.add(format_args!("gender:{female}"));
    }
    if k.person_like(&words) {
        out.add_str(&["person_like"]);
    }
    if k.org_words.contains(last.trim_end_matches('.')) {
        out.add_str(&["orgword:last"]);
    } else if words.iter().any(|w| k.org_words.contains(*w)) {
        out.add_str(&["orgword:inside"]);
    }
    if k.place_words.contains(last.trim_end_matches('.')) {
        out.add_str(&["placeword:last"]);
    }
    if k.place_heads.contains(*first) {
        out.add_str(&["placehead:first"]);
    }
    if words.len() > 1 && k.lookup(first).is_some_and(|n| n.kind == EntityType::Place) {
        out.add_str(&["known_first:Place"]);
    }
}

/// The clues the candidate finder kept: a title, a role noun before or after, a capital that
/// only marks a sentence start, the headline.
fn clue_features(v: &MentionView, out: &mut Features) {
    let Some(c) = v.cand else {
        return;
    };
    if c.title.is_some() {
        out.add_str(&["clue:title"]);
    }
    if let Some(r) = &c.role_before {
        out.add_str(&["role_before:", role_kind(v.k, r)]);
    }
    if let Some(r) = &c.role_after {
        out.add_str(&["role_after:", role_kind(v.k, r)]);
    }
    if c.uncertain {
        out.add_str(&["clue:uncertain"]);
    }
    if c.in_headline {
        out.add_str(&["clue:headline"]);
    }
}

/// The words around the mention: the one before, the one or two after ("said", "’s", "-based").
fn neighbour_features(v: &MentionView, out: &mut Features) {
    let text = v.text;
    let first = v.mention.first_tok;
    if first > 0 && same_sentence(text, first - 1, first) {
        out.add_str(&["prev:", &text.feature_key(first - 1)]);
    } else {
        out.add_str(&["prev:^"]);
    }
    let end = v.end_tok;
    if end < text.tokens.len() && same_sentence(text, end - 1, end) {
        out.add_str(&["next:", &text.feature_key(end)]);
    } else {
        out.add_str(&["next:$"]);
    }
}

/// The rules' type together with the evidence it most depends on, so the weights can trust a
/// type the rules gave from a gazetteer or a title more than one they fell back on.
fn rule_conjunctions(kind: EntityType, out: &mut Features) {
    let with = std::mem::take(&mut out.conjoined);
    if with.is_empty() {
        out.conjoined = with;
        return;
    }
    // The prefix is formatted once per mention, not once per paired feature.
    let prefix = format!("rule:{kind:?}&");
    for f in with.lines() {
        out.add_str(&[&prefix, f]);
    }
    out.conjoined = with;
    out.conjoined.clear();
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
fn cluster_features(v: &MentionView, out: &mut Features) {
    let cl = v.cluster;
    out.add(format_args!("c_size:{}", cl.mentions.len().min(4)));
    if let Some(female) = cl.female {
        out.add(format_args!("c_gender:{female}"));
    }
    if !cl.roles.is_empty() {
        out.add_str(&["c_roles"]);
    }
    if cl.known.is_some() {
        out.add_str(&["c_known"]);
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
