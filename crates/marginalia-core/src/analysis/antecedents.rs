//! Whom "he" or "she" points back to: a scored choice among the people named in the sentences
//! before the pronoun, by the fitted weights in `assets/models/pronoun_antecedents.tsv`.
//!
//! Each candidate mention is described by named features (how many sentences back, how recent
//! its person is among the others, whether its gender is known to fit, whether it opens its
//! sentence, the words around it); the weights, fitted on the coreference chains of real text,
//! say how much each counts. Words are only ever feature values, so the weights file holds them.

use crate::analysis::fast_hash::HashMap;
use crate::analysis::linking::{Entities, EntityMention};
use crate::analysis::text::Text;
use std::sync::OnceLock;

/// The feature of the candidates whose person the hand-written rules would choose.
pub const RULES_PICK: &str = "rules:";

/// The bias feature every candidate has: it weighs nothing between them.
pub const BIAS: &str = "b:";

/// Sentence distances and ranks beyond this share one feature.
const FAR: usize = 3;

/// One weight per feature.
#[derive(Debug, Default)]
pub struct Weights(HashMap<String, f32>);

impl Weights {
    /// Parses `feature<TAB>weight` lines; `#` lines are comments, a line that does not parse is
    /// left out (the file is ours and a test parses it whole).
    pub fn parse(data: &str) -> Self {
        Weights(
            data.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| {
                    let (f, w) = l.split_once('\t')?;
                    Some((f.to_string(), w.trim().parse().ok()?))
                })
                .collect(),
        )
    }

    /// Whether there are no weights (then the rules choose).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The weight of one feature, if it has one.
    pub fn weight(&self, feature: &str) -> Option<f32> {
        self.0.get(feature).copied()
    }

    /// The score of one candidate's features.
    pub fn score(&self, features: &[String]) -> f32 {
        features.iter().filter_map(|f| self.0.get(f)).sum()
    }
}

/// The shipped weights, parsed on first use.
pub fn weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        Weights::parse(include_str!(
            "../../../../assets/models/pronoun_antecedents.tsv"
        ))
    })
}

/// A pronoun to resolve.
pub struct Pronoun {
    /// Its token.
    pub tok: usize,
    /// Whether it is "she"/"her" (`Some(true)`), "he"/"his" (`Some(false)`).
    pub female: Option<bool>,
}

/// The features of each candidate (mentions of people before the pronoun, in text order).
pub fn features(
    text: &Text,
    ents: &Entities,
    female: &[Option<bool>],
    cands: &[&EntityMention],
    p: &Pronoun,
) -> Vec<Vec<String>> {
    let ranks = recency_ranks(cands);
    // Whether someone among the candidates is known to fit: then one whose gender is not known
    // is less likely meant than when nobody's is.
    let someone_fits = cands
        .iter()
        .any(|m| gender_fit(female[m.cluster], p.female) == "=");
    let p_sentence = text.tokens[p.tok].sentence;
    let p_paragraph = text.tokens[p.tok].paragraph;
    let mut first_of_sentence = usize::MAX;
    cands
        .iter()
        .zip(ranks)
        .map(|(m, rank)| {
            let t = text.tokens[m.first_tok];
            let opens_list = t.sentence != first_of_sentence;
            first_of_sentence = t.sentence;
            let mut f = vec![
                BIAS.to_string(),
                format!("d:{}", p_sentence.saturating_sub(t.sentence).min(FAR)),
                format!("rank:{}", rank.min(FAR)),
                format!("g:{}", gender_fit(female[m.cluster], p.female)),
                format!("size:{}", ents.clusters[m.cluster].mentions.len().min(4)),
            ];
            if opens_list {
                f.push("first_named".to_string());
            }
            if someone_fits && female[m.cluster].is_none() {
                f.push("g:?_another_fits".to_string());
            }
            if t.paragraph == p_paragraph {
                f.push("same_paragraph".to_string());
            }
            if m.first_tok == text.sentences[t.sentence].first_tok {
                f.push("opens_sentence".to_string());
            }
            if !ents.clusters[m.cluster].roles.is_empty() {
                f.push("has_role".to_string());
            }
            neighbours(text, m, &mut f);
            f
        })
        .collect()
}

/// The best-scoring candidate, if any.
pub fn choose(w: &Weights, features: &[Vec<String>]) -> Option<usize> {
    features
        .iter()
        .enumerate()
        .map(|(i, f)| (i, w.score(f)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
}

/// For each candidate, how many other people were named after its person's latest mention
/// before the pronoun (0: the most recent person).
fn recency_ranks(cands: &[&EntityMention]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    for m in cands.iter().rev() {
        if !order.contains(&m.cluster) {
            order.push(m.cluster);
        }
    }
    cands
        .iter()
        .map(|m| order.iter().position(|&c| c == m.cluster).unwrap_or(FAR))
        .collect()
}

/// `=` (fits), `!` (clashes) or `?` (not known): the person's gender against the pronoun's.
fn gender_fit(person: Option<bool>, pronoun: Option<bool>) -> &'static str {
    match (person, pronoun) {
        (Some(a), Some(b)) if a == b => "=",
        (Some(_), Some(_)) => "!",
        _ => "?",
    }
}

/// The word before and after the mention, in its sentence ("prev:from", "next:said").
fn neighbours(text: &Text, m: &EntityMention, f: &mut Vec<String>) {
    let t = text.tokens[m.first_tok];
    if m.first_tok > 0 && text.tokens[m.first_tok - 1].sentence == t.sentence {
        f.push(format!("prev:{}", text.feature_key(m.first_tok - 1)));
    }
    let end = text.tokens.partition_point(|x| x.start < m.end);
    if end < text.tokens.len() && text.tokens[end].sentence == t.sentence {
        f.push(format!("next:{}", text.feature_key(end)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_whole() {
        let data = include_str!("../../../../assets/models/pronoun_antecedents.tsv");
        let lines = data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(Weights::parse(data).0.len(), lines);
    }

    #[test]
    fn the_best_score_wins_and_ties_go_to_the_later_mention() {
        let w = Weights::parse("rank:0\t2\ng:!\t-5\n");
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(choose(&w, &[f(&["rank:1"]), f(&["rank:0"])]), Some(1));
        assert_eq!(
            choose(&w, &[f(&["rank:1"]), f(&["rank:0", "g:!"])]),
            Some(0)
        );
        assert_eq!(choose(&w, &[f(&["x"]), f(&["y"])]), Some(1));
        assert_eq!(choose(&w, &[]), None);
    }

    #[test]
    fn recency_counts_people_not_mentions() {
        let m = |cluster| EntityMention {
            start: 0,
            end: 0,
            first_tok: 0,
            cluster,
        };
        let (a, b, c) = (m(0), m(1), m(0));
        assert_eq!(recency_ranks(&[&a, &b, &c]), vec![0, 1, 0]);
    }
}
