//! Who said a quotation, as a scored choice among the people and organisations around it, by the
//! fitted weights in `assets/models/quote_speakers.tsv`.
//!
//! The attribution rules find a cue and propose a speaker; this pass then weighs every entity
//! named near the quotation (in the sentence after it, the sentence it opens, its paragraph and
//! the paragraph before, plus the speaker of the quotation before) by named features: where it is
//! named relative to the quotation, whether it opens the paragraph, whether it spoke last, whether
//! its gender fits a pronoun in the cue, how recent and how often named it is, and whether the
//! rules chose it. The weights, fitted on real quotations (GUM's, labelled from their dependency
//! trees and coreference) and on our own gold articles, say how much each counts, so a quotation's
//! speaker can be explained feature by feature and refitted rather than patched.

use std::sync::OnceLock;

use super::EntityType;
use super::linking::{Entities, EntityMention};
use super::text::Text;

/// How the attribution rules found the speaker they chose: how far to trust them depends on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stage {
    /// A speech verb right after the closing mark ("…,” Ruto said").
    AfterQuote,
    /// The sentence around the opening mark ("Ruto told reporters: “…”").
    Sentence,
    /// No cue: the speaker of a quotation next to it.
    Continued,
}

impl Stage {
    /// The feature of the candidate the rules chose.
    fn feature(self) -> Feature {
        match self {
            Stage::AfterQuote => Feature::RulesAfter,
            Stage::Sentence => Feature::RulesSentence,
            Stage::Continued => Feature::RulesContinued,
        }
    }
}

/// Sentence distances, ranks and mention counts beyond this share one feature.
const FAR: usize = 3;

/// Every feature of a candidate speaker. The set is closed (no feature carries a word), so a
/// candidate's features are a bit set and its score a few array reads, not string lookups.
// Distances, ranks and sizes past the first are reached by offset (see `nth`), not by name.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
pub enum Feature {
    Bias,
    KindPerson,
    KindOrg,
    RulesAfter,
    RulesSentence,
    RulesContinued,
    AfterFirst,
    AfterLater,
    BeforeSameSentence,
    ParagraphFirst,
    PrevNear,
    PrevFar,
    D0,
    D1,
    D2,
    D3,
    DAfter,
    DNone,
    Rank0,
    Rank1,
    Rank2,
    Rank3,
    GenderFits,
    GenderClashes,
    GenderUnknown,
    GenderOrg,
    MostNamed,
    Size1,
    Size2,
    Size3,
    Size4,
    HasRole,
}

/// The features' names, in the order of [`Feature`]: what the weights file and the fitting
/// script call them.
pub const FEATURE_NAMES: [&str; 32] = [
    "b:",
    "kind:person",
    "kind:org",
    "rules:after",
    "rules:sentence",
    "rules:continued",
    "after:first",
    "after:later",
    "before:same_sentence",
    "paragraph:first",
    "prev:near",
    "prev:far",
    "d:0",
    "d:1",
    "d:2",
    "d:3",
    "d:after",
    "d:none",
    "rank:0",
    "rank:1",
    "rank:2",
    "rank:3",
    "g:=",
    "g:!",
    "g:?",
    "g:org",
    "most_named",
    "size:1",
    "size:2",
    "size:3",
    "size:4",
    "has_role",
];

/// The feature `n` places after `first` in [`Feature`]'s order ("d:2" is `D0` and 2).
fn nth(first: Feature, n: usize) -> usize {
    first as usize + n
}

/// A candidate's features.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features(u64);

impl Features {
    fn add(&mut self, f: Feature) {
        self.add_index(f as usize);
    }

    fn add_index(&mut self, i: usize) {
        self.0 |= 1 << i;
    }

    /// Their indices into [`FEATURE_NAMES`], in order.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        (0..FEATURE_NAMES.len()).filter(move |&i| self.0 & (1 << i) != 0)
    }

    /// Their names, in order.
    pub fn names(self) -> Vec<String> {
        self.indices()
            .map(|i| FEATURE_NAMES[i].to_string())
            .collect()
    }
}

/// One weight per feature; a feature the file does not weigh counts nothing.
#[derive(Debug, Default)]
pub struct Weights {
    weight: [f32; FEATURE_NAMES.len()],
    /// Which features the file gave a weight.
    given: u64,
}

impl Weights {
    /// Parses `feature<TAB>weight` lines; `#` lines are comments, a line that does not parse or
    /// names no known feature is left out (the file is ours and a test parses it whole).
    pub fn parse(data: &str) -> Self {
        let mut w = Weights::default();
        for l in data.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, value)) = l.split_once('\t') else {
                continue;
            };
            let (Some(i), Ok(v)) = (
                FEATURE_NAMES.iter().position(|n| *n == name),
                value.trim().parse::<f32>(),
            ) else {
                continue;
            };
            w.weight[i] = v;
            w.given |= 1 << i;
        }
        w
    }

    /// Whether no feature has a weight (then the rules choose alone).
    pub fn is_empty(&self) -> bool {
        self.given == 0
    }

    /// How many features have a weight.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.given.count_ones() as usize
    }

    /// The weight of feature `i` of [`FEATURE_NAMES`], if the file gives one.
    pub fn weight(&self, i: usize) -> Option<f32> {
        (self.given & (1 << i) != 0).then(|| self.weight[i])
    }

    /// The score of one candidate's features.
    pub fn score(&self, f: Features) -> f32 {
        f.indices().map(|i| self.weight[i]).sum()
    }
}

/// The shipped weights, parsed on first use.
pub fn weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        Weights::parse(include_str!("../../../../assets/models/quote_speakers.tsv"))
    })
}

/// What the features of one quotation's candidates are read from.
pub struct Scene<'a, 'b> {
    pub text: &'a Text<'b>,
    pub ents: &'a Entities,
    /// The quote covering each token, if any.
    pub quote_of_tok: &'a [Option<usize>],
    /// Each quote's first token and one past its last.
    pub quote_toks: &'a [(usize, usize)],
    /// Per entity: known to be a woman (`Some(true)`) or a man.
    pub female: &'a [Option<bool>],
    /// The person with the most mentions: a profile's subject.
    pub most_named: Option<usize>,
}

/// One entity that may have said a quotation, with its features.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The entity (index into [`Entities::clusters`]).
    pub cluster: usize,
    /// Its features.
    pub features: Features,
}

/// Where around the quotation the candidates are looked for, in tokens.
struct Window {
    /// The first token of the paragraph before the quotation's (or of its own).
    from: usize,
    /// The quotation's first token and one past its last.
    quote: (usize, usize),
    /// One past the last token of the cue region after the quotation (its sentence, up to the
    /// next quotation or the paragraph's end).
    after_end: usize,
    /// The first token of the sentence the quotation opens in.
    sentence_start: usize,
    /// The first token of the quotation's paragraph.
    paragraph_start: usize,
}

impl Scene<'_, '_> {
    fn window(&self, qi: usize) -> Window {
        let (a, b) = self.quote_toks[qi];
        let toks = &self.text.tokens;
        let last = b.saturating_sub(1).max(a).min(toks.len().saturating_sub(1));
        let para = toks.get(a).map_or(0, |t| t.paragraph);
        let paragraph = self.text.paragraphs[para];
        let before = self.text.paragraphs[para.saturating_sub(1)];
        let next_quote = self.quote_toks.get(qi + 1).map_or(toks.len(), |q| q.0);
        let sentence_end = toks
            .get(last)
            .map_or(b, |t| self.text.sentences[t.sentence].end_tok);
        Window {
            from: before.first_tok,
            quote: (a, b),
            after_end: sentence_end.max(b).min(next_quote).min(paragraph.end_tok),
            sentence_start: toks
                .get(a)
                .map_or(a, |t| self.text.sentences[t.sentence].first_tok),
            paragraph_start: paragraph.first_tok,
        }
    }

    /// The gender of the first "he" or "she" outside quotes in the cue region or the quotation's
    /// own sentence before it.
    fn cue_pronoun(&self, w: &Window) -> Option<bool> {
        (w.quote.1..w.after_end)
            .chain(w.sentence_start..w.quote.0)
            .filter(|&i| self.quote_of_tok[i].is_none())
            .find_map(|i| super::attribution::pronoun_gender(self.text.tok(i)))
    }

    /// The candidates of quotation `qi`, in order of first mention, each with its features.
    pub fn candidates(&self, qi: usize, given: &Given) -> Vec<Candidate> {
        let w = self.window(qi);
        let toks = &self.text.tokens;
        let byte = |i: usize| toks.get(i).map_or(usize::MAX, |t| t.start);
        let end_byte = toks
            .get(w.after_end.saturating_sub(1))
            .map_or(usize::MAX, |t| t.end);
        let mentions: Vec<&EntityMention> = self
            .ents
            .mentions_in(byte(w.from), end_byte)
            .iter()
            .filter(|m| {
                matches!(
                    self.ents.clusters[m.cluster].kind,
                    EntityType::Person | EntityType::Org
                ) && self.quote_of_tok[m.first_tok].is_none()
            })
            .collect();
        let mut order = first_seen(mentions.iter().map(|m| m.cluster));
        for c in [given.previous, Some(given.rules)].into_iter().flatten() {
            if !order.contains(&c) {
                order.push(c);
            }
        }
        let (before, after): (Vec<&EntityMention>, Vec<&EntityMention>) = mentions
            .iter()
            .filter(|m| m.first_tok < w.quote.0 || m.first_tok >= w.quote.1)
            .partition(|m| m.first_tok < w.quote.0);
        let around = Around {
            recency: first_seen(before.iter().rev().map(|m| m.cluster)),
            paragraph_first: mentions
                .iter()
                .find(|m| m.first_tok >= w.paragraph_start)
                .map(|m| m.cluster),
            pronoun: self.cue_pronoun(&w),
            sentence: toks.get(w.quote.0).map_or(0, |t| t.sentence),
            sentence_start: w.sentence_start,
            before,
            after,
        };
        order
            .into_iter()
            .map(|c| {
                let mut features = Features::default();
                self.where_named(c, &around, &mut features);
                self.who(c, &around, given, &mut features);
                Candidate {
                    cluster: c,
                    features,
                }
            })
            .collect()
    }

    /// Where entity `c` is named around the quotation: after it, in its sentence, first in its
    /// paragraph, how many sentences back and how recently.
    fn where_named(&self, c: usize, around: &Around, f: &mut Features) {
        if let Some(i) = around.after.iter().position(|m| m.cluster == c) {
            f.add(if i == 0 {
                Feature::AfterFirst
            } else {
                Feature::AfterLater
            });
        }
        if around
            .before
            .iter()
            .any(|m| m.cluster == c && m.first_tok >= around.sentence_start)
        {
            f.add(Feature::BeforeSameSentence);
        }
        if around.paragraph_first == Some(c) {
            f.add(Feature::ParagraphFirst);
        }
        match around.before.iter().rev().find(|m| m.cluster == c) {
            Some(m) => {
                let back = around
                    .sentence
                    .saturating_sub(self.text.tokens[m.first_tok].sentence);
                f.add_index(nth(Feature::D0, back.min(FAR)));
            }
            None if around.after.iter().any(|m| m.cluster == c) => f.add(Feature::DAfter),
            None => f.add(Feature::DNone),
        }
        if let Some(r) = around.recency.iter().position(|&x| x == c) {
            f.add_index(nth(Feature::Rank0, r.min(FAR)));
        }
    }

    /// What entity `c` is: its kind, whether the rules or the quotation before chose it, its
    /// gender against the cue's pronoun, how often it is named and whether it has a role.
    fn who(&self, c: usize, around: &Around, given: &Given, f: &mut Features) {
        let cl = &self.ents.clusters[c];
        f.add(Feature::Bias);
        f.add(if cl.kind == EntityType::Person {
            Feature::KindPerson
        } else {
            Feature::KindOrg
        });
        if given.rules == c {
            f.add(given.stage.feature());
        }
        if given.previous == Some(c) {
            f.add(if given.previous_near {
                Feature::PrevNear
            } else {
                Feature::PrevFar
            });
        }
        if let Some(g) = around.pronoun {
            f.add(gender_fit(cl.kind, self.female[c], g));
        }
        if self.most_named == Some(c) {
            f.add(Feature::MostNamed);
        }
        f.add_index(nth(Feature::Size1, cl.mentions.len().clamp(1, FAR + 1) - 1));
        if !cl.roles.is_empty() {
            f.add(Feature::HasRole);
        }
    }
}

/// What the attribution already decided for a quotation: the rules' speaker and how they found
/// it, and the speaker of the quotation before.
pub struct Given {
    /// The entity the rules chose.
    pub rules: usize,
    /// How they found it.
    pub stage: Stage,
    /// The speaker given to the quotation before, if any.
    pub previous: Option<usize>,
    /// Whether that quotation is in this paragraph or the one before.
    pub previous_near: bool,
}

/// The mentions around one quotation, as its candidates' features read them.
struct Around<'m> {
    /// Mentions before the quotation (from the paragraph before on), in text order.
    before: Vec<&'m EntityMention>,
    /// Mentions in the cue after it, in text order.
    after: Vec<&'m EntityMention>,
    /// Entities named before it, the most recent first.
    recency: Vec<usize>,
    /// The first entity named in its paragraph.
    paragraph_first: Option<usize>,
    /// The gender of a "he" or "she" in its cue.
    pronoun: Option<bool>,
    /// Its first sentence.
    sentence: usize,
    /// The first token of that sentence.
    sentence_start: usize,
}

/// Each value once, in the order first seen.
fn first_seen(values: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// How an entity fits a gendered pronoun in the cue (an organisation is never "he" or "she").
fn gender_fit(kind: EntityType, person: Option<bool>, pronoun: bool) -> Feature {
    if kind != EntityType::Person {
        return Feature::GenderOrg;
    }
    match person {
        Some(g) if g == pronoun => Feature::GenderFits,
        Some(_) => Feature::GenderClashes,
        None => Feature::GenderUnknown,
    }
}

/// The best-scoring candidate, if any (the first on a tie).
pub fn choose(w: &Weights, cands: &[Candidate]) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, c) in cands.iter().enumerate() {
        let s = w.score(c.features);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::attribution::speaker_cases;
    use crate::analysis::candidates::find_candidates;
    use crate::analysis::knowledge::knowledge;
    use crate::analysis::linking::link;
    use crate::analysis::quotes::find_quotes;

    /// Each attributed quotation's candidates as (name, features), by the rules' speakers.
    fn cases(s: &str) -> Vec<Vec<(String, Vec<String>)>> {
        let t = Text::new(s);
        let k = knowledge();
        let q = find_quotes(&t);
        let e = link(&t, k, &find_candidates(&t, k, &q));
        speaker_cases(&t, k, &e, &q)
            .into_iter()
            .map(|c| {
                c.candidates
                    .into_iter()
                    .map(|c| (e.clusters[c.cluster].canonical.clone(), c.features.names()))
                    .collect()
            })
            .collect()
    }

    fn has(cands: &[(String, Vec<String>)], who: &str, feature: &str) -> bool {
        cands
            .iter()
            .any(|(n, f)| n == who && f.iter().any(|x| x == feature))
    }

    #[test]
    fn the_shipped_weights_parse_whole() {
        let data = include_str!("../../../../assets/models/quote_speakers.tsv");
        let lines = data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert!(lines > 10, "the speaker weights are fitted ({lines} lines)");
        assert_eq!(
            Weights::parse(data).len(),
            lines,
            "every line names a feature"
        );
        for f in [
            Feature::RulesAfter,
            Feature::RulesSentence,
            Feature::PrevNear,
        ] {
            assert!(weights().weight(f as usize).is_some(), "{f:?} has a weight");
        }
    }

    #[test]
    fn candidates_say_where_each_entity_stands_around_the_quote() {
        let got = cases(
            "Garry Conille met the press on Monday.\n\n\
             “We will not stop,” said William Ruto, who spoke after Conille. \
             “The mission goes on,” he added.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        let first = &got[0];
        assert!(has(first, "William Ruto", "after:first"), "{first:?}");
        assert!(has(first, "William Ruto", "rules:after"), "{first:?}");
        assert!(has(first, "Garry Conille", "after:later"), "{first:?}");
        assert!(has(first, "Garry Conille", "d:1"), "{first:?}");
        let second = &got[1];
        assert!(has(second, "William Ruto", "prev:near"), "{second:?}");
        assert!(has(second, "William Ruto", "g:="), "{second:?}");
        assert!(!has(second, "Garry Conille", "prev:near"), "{second:?}");
    }

    #[test]
    fn the_best_score_wins_and_ties_go_to_the_first() {
        let w = Weights::parse("rules:after\t2\nprev:near\t3\nnot a feature\t9\n");
        assert_eq!(w.len(), 2);
        let c = |fs: &[Feature]| {
            let mut features = Features::default();
            for &f in fs {
                features.add(f);
            }
            Candidate {
                cluster: 0,
                features,
            }
        };
        let (after, prev) = (c(&[Feature::RulesAfter]), c(&[Feature::PrevNear]));
        assert_eq!(choose(&w, &[after.clone(), prev]), Some(1));
        assert_eq!(choose(&w, &[c(&[Feature::D0]), c(&[Feature::D1])]), Some(0));
        assert_eq!(choose(&w, &[]), None);
        assert_eq!(after.features.names(), vec!["rules:after"]);
    }

    #[test]
    fn an_organisation_never_fits_he_or_she() {
        let fit = |k, p, g| FEATURE_NAMES[gender_fit(k, p, g) as usize];
        assert_eq!(fit(EntityType::Org, Some(true), true), "g:org");
        assert_eq!(fit(EntityType::Person, Some(true), true), "g:=");
        assert_eq!(fit(EntityType::Person, Some(false), true), "g:!");
        assert_eq!(fit(EntityType::Person, None, false), "g:?");
    }
}
