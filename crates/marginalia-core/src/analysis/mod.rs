//! The analysis engine: quotes with speakers, linked entities, figures with values.
//!
//! A pipeline of small passes over one tokenised text, each in its own module and tested alone:
//! [`text`] (tokens, sentences, headline) → [`quotes`] (pairing marks) → [`candidates`]
//! (capitalised runs, titles stripped) → [`linking`] (types and entities) → [`attribution`]
//! (speakers), plus [`figures`]. The output, [`Analysis`], is what `marginalia analyze --json`
//! prints and what the reader draws.

mod antecedents;
mod attribution;
mod candidates;
pub mod chunks;
pub mod describe;
mod fast_hash;
pub mod figures;
mod knowledge;
mod linking;
mod model;
mod name_context;
mod quotes;
pub mod report;
mod shapes;
mod speaker_model;
mod text;
mod typer;
pub mod words;

pub use model::{
    Analysis, Entity, EntityType, Figure, FigureKind, FigureValue, Mention, Quote, Speaker,
    Weighed, Why,
};

use std::sync::atomic::{AtomicBool, Ordering};

use crate::document::Document;
use crate::text_index::TextIndex;

/// Set from another thread to stop an analysis that is no longer wanted.
#[derive(Debug, Default)]
pub struct CancelFlag(AtomicBool);

impl CancelFlag {
    /// A flag that is not set.
    pub fn new() -> Self {
        Self::default()
    }
    /// Asks the analysis to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Analyses a document.
pub fn analyze(doc: &Document) -> Analysis {
    analyze_cancellable(doc, &CancelFlag::new()).unwrap_or_default()
}

/// Analyses a document, giving up (returning `None`) soon after `cancel` is set.
pub fn analyze_cancellable(doc: &Document, cancel: &CancelFlag) -> Option<Analysis> {
    if doc.text.len() > chunks::CHUNK_BYTES {
        return chunks::analyze_in_chunks(&doc.text, cancel, analyze_unnumbered);
    }
    analyze_text(&doc.text, cancel)
}

/// Runs every pass over `src`, checking `cancel` between passes.
fn analyze_text(src: &str, cancel: &CancelFlag) -> Option<Analysis> {
    let mut analysis = analyze_unnumbered(src, cancel)?;
    analysis.assign_ids();
    Some(analysis)
}

/// The analysis of `src` with entity ids from the linker but no quote or figure ids yet: the
/// parts of a long text are numbered once, when they are joined.
fn analyze_unnumbered(src: &str, cancel: &CancelFlag) -> Option<Analysis> {
    let k = knowledge::knowledge();
    let text = text::Text::new(src);
    if cancel.is_cancelled() {
        return None;
    }
    let raw_quotes = quotes::find_quotes(&text);
    let cands = candidates::find_candidates(&text, k, &raw_quotes);
    if cancel.is_cancelled() {
        return None;
    }
    let mut ents = linking::link(&text, k, &cands);
    let mut type_whys = typer::retype(&text, k, &cands, &mut ents, typer::entity_type_weights());
    if cancel.is_cancelled() {
        return None;
    }
    let attributions = attribution::attribute(&text, k, &ents, &raw_quotes);
    if cancel.is_cancelled() {
        return None;
    }
    let figures = figures::find_figures_lowered(src, &text.lower);
    if cancel.is_cancelled() {
        return None;
    }
    let index = TextIndex::new(src);
    let ch = |b: usize| index.char_of(src, b);
    let entity_id = |cl: usize| format!("e{}", cl + 1);
    let mut entities: Vec<Entity> = ents
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| Entity {
            id: entity_id(i),
            name: c.canonical.clone(),
            kind: c.kind,
            mentions: c
                .mentions
                .iter()
                .map(|&m| {
                    let m = ents.mentions[m];
                    Mention {
                        start: ch(m.start),
                        end: ch(m.end),
                        text: src[m.start..m.end].to_string(),
                    }
                })
                .collect(),
            roles: c.roles.clone(),
            why: type_whys.get_mut(i).and_then(Option::take).map(type_why),
        })
        .collect();
    entities.retain(|e| !e.mentions.is_empty());
    let figures = outside_names(figures, &entities);
    let quotes = raw_quotes
        .iter()
        .zip(attributions)
        .map(|(q, a)| Quote {
            id: String::new(),
            start: ch(q.start),
            end: ch(q.end),
            text: src[q.start..q.end].to_string(),
            speaker: a.speaker.map(|cl| Speaker {
                name: ents.clusters[cl].canonical.clone(),
                entity: Some(entity_id(cl)),
            }),
            cue: a.cue,
            why: a.why,
        })
        .collect();
    Some(Analysis {
        quotes,
        entities,
        figures,
    })
}

/// Drops the figures that lie inside an entity's name ("6th Circuit Court of Appeals", "101st
/// Airborne Division"): numbers inside names are not figures.
/// The typer's reasons in the shape the analysis output carries.
fn type_why(w: typer::TypeWhy) -> Why {
    let mut scores: Vec<Weighed> = (0..typer::CLASSES)
        .map(|c| {
            let name = typer::class_kind(c)
                .map_or("NONE".to_string(), |k| format!("{k:?}").to_uppercase());
            Weighed::new(name, w.scores[c])
        })
        .collect();
    scores.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    Why {
        scores,
        features: w
            .features
            .into_iter()
            .map(|(f, v)| Weighed::new(f, v))
            .collect(),
    }
}

/// The quotes, the capitalised runs and the entities the rules make of them: what the fitting
/// dumps read before the weights decide.
fn names_by_rules(
    text: &text::Text,
    k: &knowledge::Knowledge,
) -> (
    Vec<quotes::RawQuote>,
    Vec<candidates::Candidate>,
    linking::Entities,
) {
    let raw_quotes = quotes::find_quotes(text);
    let cands = candidates::find_candidates(text, k, &raw_quotes);
    let ents = linking::link(text, k, &cands);
    (raw_quotes, cands, ents)
}

/// The quotes and the entities as the analysis has them once the typer has decided: what the
/// attribution dumps read.
fn typed_names(
    text: &text::Text,
    k: &knowledge::Knowledge,
) -> (Vec<quotes::RawQuote>, linking::Entities) {
    let (raw_quotes, cands, mut ents) = names_by_rules(text, k);
    typer::retype(text, k, &cands, &mut ents, typer::entity_type_weights());
    (raw_quotes, ents)
}

/// Every entity mention of `src` with the typer's features, before the typer decides: what the
/// fitting script reads (`analyze --typer-features`): char offsets, the entity the rules put it
/// in, and the features.
pub fn typer_features(src: &str) -> Vec<(usize, usize, usize, Vec<String>)> {
    let k = knowledge::knowledge();
    let text = text::Text::new(src);
    let (_, cands, ents) = names_by_rules(&text, k);
    let feats = typer::features_by_mention(&text, k, &cands, &ents);
    let index = TextIndex::new(src);
    ents.mentions
        .iter()
        .zip(feats)
        .filter(|(m, _)| ents.clusters[m.cluster].kind != EntityType::Norp)
        .map(|(m, f)| {
            let (start, end) = (index.char_of(src, m.start), index.char_of(src, m.end));
            (start, end, m.cluster, f)
        })
        .collect()
}

/// A pronoun with the people it may point back to, as the fitting script reads them (`analyze
/// --pronoun-features`): char spans, entity indices, features.
#[derive(Debug, serde::Serialize)]
pub struct PronounFeatures {
    /// The pronoun's chars.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The entity the rules alone choose.
    pub by_rules: Option<usize>,
    /// The candidates in text order.
    pub candidates: Vec<CandidateFeatures>,
}

/// One candidate of a [`PronounFeatures`].
#[derive(Debug, serde::Serialize)]
pub struct CandidateFeatures {
    /// The mention's first char.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// Its entity.
    pub entity: usize,
    /// Its features.
    pub features: Vec<String>,
}

/// Every gendered pronoun of `src` outside quotes with its candidates, after the name typer.
pub fn pronoun_features(src: &str) -> Vec<PronounFeatures> {
    let k = knowledge::knowledge();
    let text = text::Text::new(src);
    let (raw_quotes, ents) = typed_names(&text, k);
    let index = TextIndex::new(src);
    let ch = |b: usize| index.char_of(src, b);
    attribution::pronoun_cases(&text, k, &ents, &raw_quotes)
        .into_iter()
        .map(|c| PronounFeatures {
            start: ch(c.span.0),
            end: ch(c.span.1),
            by_rules: c.by_rules,
            candidates: c
                .candidates
                .into_iter()
                .map(|((s, e), entity, features)| CandidateFeatures {
                    start: ch(s),
                    end: ch(e),
                    entity,
                    features,
                })
                .collect(),
        })
        .collect()
}

/// A quotation the rules attribute, with the entities that may have said it, as the fitting
/// script reads them (`analyze --speaker-features`): char spans, entity indices, features.
#[derive(Debug, serde::Serialize)]
pub struct SpeakerFeatures {
    /// The quotation's first char.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The entity the rules alone choose.
    pub by_rules: usize,
    /// The candidates.
    pub candidates: Vec<SpeakerCandidate>,
}

/// One candidate of a [`SpeakerFeatures`].
#[derive(Debug, serde::Serialize)]
pub struct SpeakerCandidate {
    /// Its entity.
    pub entity: usize,
    /// The entity's fullest name.
    pub name: String,
    /// Every mention of the entity, as char spans.
    pub mentions: Vec<(usize, usize)>,
    /// Its features.
    pub features: Vec<String>,
}

/// Every attributed quotation of `src` with its candidate speakers, after the name typer.
pub fn speaker_features(src: &str) -> Vec<SpeakerFeatures> {
    let k = knowledge::knowledge();
    let text = text::Text::new(src);
    let (raw_quotes, ents) = typed_names(&text, k);
    let index = TextIndex::new(src);
    let ch = |b: usize| index.char_of(src, b);
    attribution::speaker_cases(&text, k, &ents, &raw_quotes)
        .into_iter()
        .map(|c| SpeakerFeatures {
            start: ch(raw_quotes[c.quote].start),
            end: ch(raw_quotes[c.quote].end),
            by_rules: c.by_rules,
            candidates: c
                .candidates
                .into_iter()
                .map(|cand| {
                    let cl = &ents.clusters[cand.cluster];
                    SpeakerCandidate {
                        entity: cand.cluster,
                        name: cl.canonical.clone(),
                        mentions: cl
                            .mentions
                            .iter()
                            .map(|&m| (ch(ents.mentions[m].start), ch(ents.mentions[m].end)))
                            .collect(),
                        features: cand.features.names(),
                    }
                })
                .collect(),
        })
        .collect()
}

fn outside_names(mut figures: Vec<Figure>, entities: &[Entity]) -> Vec<Figure> {
    let mut names: Vec<(usize, usize)> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    if names.is_empty() {
        return figures;
    }
    names.sort_unstable();
    figures.retain(|f| {
        let i = names.partition_point(|&(start, _)| start <= f.start);
        !names[..i]
            .iter()
            .rev()
            .take(3)
            .any(|&(_, end)| f.end <= end)
    });
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(a: &Analysis) -> Vec<(String, EntityType, Vec<String>)> {
        a.entities
            .iter()
            .map(|e| {
                let texts = e.mentions.iter().map(|m| m.text.clone()).collect();
                (e.name.clone(), e.kind, texts)
            })
            .collect()
    }

    #[test]
    fn a_line_in_capitals_is_cut_into_its_names() {
        let a = analyze(&Document::from_text(
            "Match report\n\nRUGBY - KENYA EDGE PAST UGANDA IN NAIROBI THRILLER\n\nKenya beat Uganda on Saturday.\n",
        ));
        let got = names(&a);
        let mentions: Vec<&str> = got
            .iter()
            .flat_map(|(_, _, m)| m.iter().map(String::as_str))
            .collect();
        for name in ["KENYA", "UGANDA", "NAIROBI"] {
            assert!(mentions.contains(&name), "{name} in {got:?}");
        }
        assert!(
            mentions.iter().all(|m| !m.contains(' ')),
            "no name runs across words: {got:?}"
        );
    }

    #[test]
    fn a_titles_portfolio_stays_out_of_the_name() {
        let a = analyze(&Document::from_text(
            "Former Secretary of State Madeleine Albright said talks would resume.\n",
        ));
        let got = names(&a);
        assert!(
            got.iter()
                .any(|(n, k, _)| n == "Madeleine Albright" && *k == EntityType::Person),
            "{got:?}"
        );
    }

    #[test]
    fn a_sentence_opener_after_an_abbreviation_starts_a_sentence() {
        let a = analyze(&Document::from_text(
            "The delegation landed in Washington D.C. The team met officials on Monday.\n",
        ));
        let got = names(&a);
        assert!(
            got.iter()
                .all(|(_, _, m)| m.iter().all(|t| !t.ends_with("The"))),
            "{got:?}"
        );
    }

    #[test]
    fn a_person_named_at_the_start_of_a_foundations_name_is_the_person() {
        let a = analyze(&Document::from_text(
            "The Keith Haring Foundation sued the gallery. Keith Haring painted the mural in 1986.\n",
        ));
        let got = names(&a);
        let person = got.iter().find(|(n, _, _)| n == "Keith Haring");
        assert!(
            person.is_some_and(|(_, k, m)| *k == EntityType::Person && m == &["Keith Haring"]),
            "{got:?}"
        );
    }

    #[test]
    fn analysis_is_send_and_cancellable() {
        fn is_send<T: Send>(_: &T) {}
        let doc = Document::from_text("“It works,” said Ada Lovelace in London.");
        let a = analyze(&doc);
        is_send(&a);
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Ada Lovelace");
        let sp_id = a.quotes[0]
            .speaker
            .as_ref()
            .unwrap()
            .entity
            .clone()
            .unwrap();
        assert_eq!(a.entity(&sp_id).unwrap().name, "Ada Lovelace");
        let flag = CancelFlag::new();
        flag.cancel();
        assert!(analyze_cancellable(&doc, &flag).is_none());
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_valid_spans(s in "[A-Za-z“”‘’'\"., :;()é🇭\n0-9-]{0,200}") {
            let a = analyze(&Document::from_text(&s));
            let chars: Vec<char> = Document::from_text(&s).text.chars().collect();
            for q in &a.quotes {
                proptest::prop_assert!(q.start < q.end && q.end <= chars.len());
                proptest::prop_assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text.clone());
            }
            for e in &a.entities {
                for m in &e.mentions {
                    proptest::prop_assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text.clone());
                }
            }
        }
    }

    #[test]
    fn numbers_inside_names_are_no_figures() {
        let a = analyze(&Document::from_text(
            "Test Headline\nThe 6th Circuit Court of Appeals heard 3 cases on 6 March 2025.",
        ));
        let figures: Vec<&str> = a.figures.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(figures, vec!["3", "6 March 2025"]);
        assert!(
            a.entities
                .iter()
                .any(|e| e.name == "6th Circuit Court of Appeals")
        );
    }

    proptest::proptest! {
        #[test]
        fn name_shaped_text_gives_valid_spans(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Lachlan", "“Lockie”", "Moore", "King’s", "College", "of", "the", "and", "6th",
                "Court", "The", "’s", "said", "“", "”", "Dr", "BYRON", "BAY", ",", "—", "Café",
                "Zoë", "🇭", "\n", "Institute", "Research", "Police", "St", "John’s", "\"",
            ]),
            0..40,
        ), glue in proptest::collection::vec(proptest::bool::ANY, 40)) {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 && glue[i] {
                    s.push(' ');
                }
                s.push_str(w);
            }
            let doc = Document::from_text(&s);
            let a = analyze(&doc);
            let chars: Vec<char> = doc.text.chars().collect();
            for e in &a.entities {
                for m in &e.mentions {
                    proptest::prop_assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text.clone());
                }
            }
        }
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Café owners in Haiti’s capital met. “Ça va,” said Nadège Joseph.";
        let a = analyze(&Document::from_text(text));
        let chars: Vec<char> = text.chars().collect();
        for e in &a.entities {
            for m in &e.mentions {
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
        }
        for q in &a.quotes {
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        }
    }
}
