//! The name typer: every entity the rules found is given its type by the fitted weights of the
//! features of its mentions (see `features.rs`), and a cluster the weights find to be no name at
//! all is dropped. The rules' own type is one feature among the others, so the weights learn
//! where the rules hold and where other evidence outweighs them.

mod features;
mod weights;

pub use features::{Features, MentionView, Snapshot, context_features, surface_features};
pub use weights::{CLASSES, Weights, entity_type_weights};

use crate::analysis::candidates::Candidate;
use crate::analysis::fast_hash::HashMap;
use crate::analysis::knowledge::Knowledge;
use crate::analysis::linking::{Entities, EntityMention};
use crate::analysis::model::EntityType;
use crate::analysis::text::Text;

/// How many of an entity's mentions are weighed: its first ones say what it is, and a long text
/// naming one place thousands of times must not cost thousands of judgements. Eight were too
/// few: a travel guide's first mentions of "York" open sentences ("York is an ancient city")
/// as a person's name would, and only later ones ("in York") say it is a place. The fitting
/// script decides with as many (`JUDGED_MENTIONS` in `scripts/fit/fit_entity_types.py`).
const JUDGED_MENTIONS: usize = 16;

/// How many features an explanation lists.
const WHY_FEATURES: usize = 8;

/// Why an entity has its type: the scores of each class and the features that decided between
/// the chosen class and the runner-up, with how much each moved the choice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeWhy {
    /// The score of person, organisation, place and not-a-name, averaged over the mentions.
    pub scores: [f32; CLASSES],
    /// The features with the largest part in the choice, largest first: (feature, weight for
    /// the chosen class minus the runner-up's).
    pub features: Vec<(String, f32)>,
}

/// Retypes the clusters of `ents` by `w`. Returns, for every cluster kept, why it has its type
/// (`None` where the typer does not judge: nationalities, or no weights).
pub fn retype(
    text: &Text,
    k: &Knowledge,
    cands: &[Candidate],
    ents: &mut Entities,
    w: &Weights,
) -> Vec<Option<TypeWhy>> {
    if w.is_empty() {
        return vec![None; ents.clusters.len()];
    }
    let mut judged = vec![false; ents.mentions.len()];
    for cl in &ents.clusters {
        for &m in cl.mentions.iter().take(JUDGED_MENTIONS) {
            judged[m] = true;
        }
    }
    let feats = weighed_by_mention(text, k, cands, ents, &judged, w);
    let mut keep = vec![true; ents.clusters.len()];
    let mut retyped = vec![false; ents.clusters.len()];
    let mut whys = Vec::with_capacity(ents.clusters.len());
    for (ci, cl) in ents.clusters.iter_mut().enumerate() {
        if cl.kind == EntityType::Norp || cl.mentions.is_empty() {
            whys.push(None);
            continue;
        }
        let mention_feats: Vec<&[usize]> = cl
            .mentions
            .iter()
            .take(JUDGED_MENTIONS)
            .map(|&m| &feats[m][..])
            .collect();
        let why = judge(&mention_feats, w);
        match class_kind(best(&why.scores).0) {
            Some(kind) => {
                retyped[ci] = kind != cl.kind;
                cl.kind = kind;
                // "Aoife Brennan … she": a person found by the weights, not the rules, still
                // has the gender of their given name.
                if kind == EntityType::Person && cl.female.is_none() {
                    cl.female = cl
                        .canonical
                        .split(' ')
                        .next()
                        .and_then(|g| k.gender_of_name(g));
                }
            }
            None => keep[ci] = false,
        }
        whys.push(Some(why));
    }
    let target = join_retyped(text, ents, &retyped, &keep);
    remap_clusters(ents, &target);
    whys.into_iter()
        .enumerate()
        .filter(|(i, _)| target[*i] == Some(*i))
        .map(|(_, w)| w)
        .collect()
}

/// Every mention's features by name, in the order of `ents.mentions` (what the fitting reads).
pub fn features_by_mention(
    text: &Text,
    k: &Knowledge,
    cands: &[Candidate],
    ents: &Entities,
) -> Vec<Vec<String>> {
    let mut out = Features::names();
    let wanted = vec![true; ents.mentions.len()];
    each_mention(
        text,
        k,
        cands,
        ents,
        &wanted,
        &mut out,
        |f: &mut Features| f.take_names(),
    )
}

/// The weighed features (rows of `w`) of the mentions `wanted` marks; the others get none.
fn weighed_by_mention(
    text: &Text,
    k: &Knowledge,
    cands: &[Candidate],
    ents: &Entities,
    wanted: &[bool],
    w: &Weights,
) -> Vec<Vec<usize>> {
    let mut out = Features::weighed_by(w);
    each_mention(
        text,
        k,
        cands,
        ents,
        wanted,
        &mut out,
        |f: &mut Features| f.take_weighed(),
    )
}

/// Runs the features of each wanted mention into `out` and takes them with `take`.
fn each_mention<'w, T: Default>(
    text: &Text,
    k: &Knowledge,
    cands: &[Candidate],
    ents: &Entities,
    wanted: &[bool],
    out: &mut Features<'w>,
    take: impl Fn(&mut Features<'w>) -> T,
) -> Vec<T> {
    let mut by_start: Vec<usize> = (0..cands.len()).collect();
    by_start.sort_by_key(|&i| cands[i].first_tok);
    // The surface features of each entity's spellings, made once.
    let mut surfaces: HashMap<(usize, &str), Snapshot<'w>> = HashMap::default();
    ents.mentions
        .iter()
        .zip(wanted)
        .map(|(m, &wanted)| {
            if !wanted {
                return T::default();
            }
            let view = MentionView {
                text,
                k,
                mention: m,
                end_tok: end_tok(text, m),
                cand: candidate_of(cands, &by_start, m.first_tok),
                cluster: &ents.clusters[m.cluster],
            };
            let key = (m.cluster, text.slice(m.start, m.end));
            match surfaces.get(&key) {
                Some(snap) => out.restore(snap),
                None => {
                    surface_features(&view, out);
                    surfaces.insert(key, out.snapshot());
                }
            }
            context_features(&view, out);
            take(out)
        })
        .collect()
}

/// Scores the classes over a cluster's mentions (rows of `w` each) and keeps the features that
/// decided.
fn judge(mentions: &[&[usize]], w: &Weights) -> TypeWhy {
    // Each weighed feature once, with how many of the mentions have it.
    let mut all: Vec<usize> = mentions.iter().flat_map(|m| m.iter().copied()).collect();
    all.sort_unstable();
    let mut seen: Vec<(usize, f32)> = Vec::new();
    for f in all {
        match seen.last_mut() {
            Some(slot) if slot.0 == f => slot.1 += 1.0,
            _ => seen.push((f, 1.0)),
        }
    }
    let n = mentions.len().max(1) as f32;
    let mut scores = [0.0f32; CLASSES];
    for &(f, count) in &seen {
        for (c, s) in scores.iter_mut().enumerate() {
            *s += w.row(f)[c] * count / n;
        }
    }
    let (chosen, runner_up) = best(&scores);
    // Rows, not names, are sorted: only the few features kept are named (a String each).
    let mut part: Vec<(usize, f32)> = seen
        .iter()
        .map(|&(f, count)| {
            let fw = w.row(f);
            (f, (fw[chosen] - fw[runner_up]) * count / n)
        })
        .collect();
    part.sort_by(|a, b| {
        b.1.abs()
            .total_cmp(&a.1.abs())
            .then_with(|| w.name(a.0).cmp(w.name(b.0)))
    });
    part.truncate(WHY_FEATURES);
    TypeWhy {
        scores,
        features: part
            .into_iter()
            .map(|(f, v)| (w.name(f).to_string(), v))
            .collect(),
    }
}

/// The best class and the runner-up.
fn best(scores: &[f32; CLASSES]) -> (usize, usize) {
    let mut order: Vec<usize> = (0..CLASSES).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    (order[0], order[1])
}

/// The entity type of a class column; the last column is "not a name".
pub fn class_kind(class: usize) -> Option<EntityType> {
    match class {
        0 => Some(EntityType::Person),
        1 => Some(EntityType::Org),
        2 => Some(EntityType::Place),
        _ => None,
    }
}

/// One past the last token of a mention.
fn end_tok(text: &Text, m: &EntityMention) -> usize {
    text.tokens
        .partition_point(|t| t.start < m.end)
        .max(m.first_tok + 1)
}

/// The candidate whose tokens hold token `tok`.
fn candidate_of<'c>(
    cands: &'c [Candidate],
    by_start: &[usize],
    tok: usize,
) -> Option<&'c Candidate> {
    let i = by_start.partition_point(|&c| cands[c].first_tok <= tok);
    let c = &cands[*by_start.get(i.checked_sub(1)?)?];
    (tok < c.end_tok).then_some(c)
}

/// Moves each cluster's mentions to the cluster `target` names (itself to stay, `None` to drop
/// them), then removes the emptied clusters and renumbers what is left. Mentions stay in text
/// order.
fn remap_clusters(ents: &mut Entities, target: &[Option<usize>]) {
    if target.iter().enumerate().all(|(i, t)| *t == Some(i)) {
        return;
    }
    let mut new_index = vec![None; target.len()];
    let mut next = 0;
    for (i, t) in target.iter().enumerate() {
        if *t == Some(i) {
            new_index[i] = Some(next);
            next += 1;
        }
    }
    let old: Vec<EntityMention> = std::mem::take(&mut ents.mentions);
    ents.clusters = std::mem::take(&mut ents.clusters)
        .into_iter()
        .zip(target.iter().enumerate())
        .filter(|(_, (i, t))| **t == Some(*i))
        .map(|(mut c, _)| {
            c.mentions.clear();
            c
        })
        .collect();
    for m in old {
        let Some(ci) = target[m.cluster].and_then(|t| new_index[t]) else {
            continue;
        };
        ents.clusters[ci].mentions.push(ents.mentions.len());
        ents.mentions.push(EntityMention { cluster: ci, ..m });
    }
}

/// Where each retyped cluster goes: into the one longer name of its new type that it opens or
/// ends ("Cerro Blanco" → "Minera Cerro Blanco", "Tana" → "Tana Commercial Bank") — the rules
/// linked names only within the type they first gave — or nowhere else.
fn join_retyped(
    text: &Text,
    ents: &Entities,
    retyped: &[bool],
    keep: &[bool],
) -> Vec<Option<usize>> {
    let mut target: Vec<Option<usize>> = (0..ents.clusters.len())
        .map(|i| keep[i].then_some(i))
        .collect();
    if !retyped.iter().any(|r| *r) {
        return target;
    }
    // The names that may take one in, by their first and by their last word.
    let mut by_end_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, other) in ents.clusters.iter().enumerate() {
        if keep[j] && !retyped[j] {
            let mut words = other.canonical.split(' ');
            for w in [words.next(), other.canonical.rsplit(' ').next()]
                .into_iter()
                .flatten()
            {
                by_end_word.entry(w).or_default().push(j);
            }
        }
    }
    for (i, cl) in ents.clusters.iter().enumerate() {
        if !retyped[i] || !keep[i] {
            continue;
        }
        // Its own names: the canonical one and each as written ("UAE" for a gazetteer's
        // "United Arab Emirates").
        let mut own: Vec<&str> = std::iter::once(cl.canonical.as_str())
            .chain(
                cl.mentions
                    .iter()
                    .map(|&m| text.slice(ents.mentions[m].start, ents.mentions[m].end)),
            )
            .filter(|n| !n.is_empty())
            .collect();
        own.sort_unstable();
        own.dedup();
        let mut hosts: Vec<usize> = own
            .iter()
            .flat_map(|n| {
                let ends = [n.split(' ').next(), n.rsplit(' ').next()];
                ends.into_iter()
                    .flatten()
                    .flat_map(|w| by_end_word.get(w).into_iter().flatten())
                    .filter(|&&j| {
                        j != i
                            && ents.clusters[j].kind == cl.kind
                            && opens_or_ends(&ents.clusters[j].canonical, n)
                    })
            })
            .copied()
            .collect();
        hosts.sort_unstable();
        hosts.dedup();
        if let [j] = hosts[..] {
            target[i] = Some(j);
        }
    }
    target
}

/// Whether `short` is the first or last whole words of the longer name `long`.
fn opens_or_ends(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && (long
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '))
            || long
                .strip_suffix(short)
                .is_some_and(|rest| rest.ends_with(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::document::Document;

    fn entity<'a>(
        a: &'a crate::analysis::Analysis,
        name: &str,
    ) -> Option<&'a crate::analysis::Entity> {
        a.entities.iter().find(|e| e.name == name)
    }

    fn rows(w: &Weights, names: &[&str]) -> Vec<usize> {
        names.iter().filter_map(|n| w.index(n)).collect()
    }

    #[test]
    fn weights_decide_and_the_rules_type_is_one_vote() {
        let w = Weights::parse("b:\t0\t0\t0\t0\nrule:Org\t0\t1\t0\t0\nprev:in\t0\t0\t3\t0\n");
        let why = judge(&[&rows(&w, &["b:", "rule:Org", "prev:in"])], &w);
        assert_eq!(
            best(&why.scores).0,
            2,
            "place outvotes the rules' organisation"
        );
        assert_eq!(why.features[0], ("prev:in".to_string(), 3.0));
        assert_eq!(why.features[1], ("rule:Org".to_string(), -1.0));
    }

    #[test]
    fn scores_are_the_mean_over_an_entitys_mentions() {
        let w = Weights::parse("a:\t2\t0\t0\t0\nz:\t0\t4\t0\t0\n");
        let why = judge(&[&rows(&w, &["a:"]), &rows(&w, &["a:", "z:"])], &w);
        assert_eq!(why.scores, [2.0, 2.0, 0.0, 0.0]);
    }

    #[test]
    fn a_shorter_name_retyped_joins_the_one_longer_name_it_opens() {
        assert!(opens_or_ends("Tana Commercial Bank", "Tana"));
        assert!(opens_or_ends("Minera Cerro Blanco", "Cerro Blanco"));
        assert!(!opens_or_ends("Tanaka Bank", "Tana"));
        assert!(!opens_or_ends("Tana", "Tana"));
    }

    #[test]
    fn every_entity_says_why_it_has_its_type() {
        let a = analyze(&Document::from_text(
            "Mayor Lena Okafor visited Dunmore on Monday. Okafor said the Dunmore Rowing Club would \
             get a new boathouse.\n",
        ));
        let person = entity(&a, "Lena Okafor").map(|e| (e.kind, e.why.clone()));
        let Some((kind, Some(why))) = person else {
            panic!("Lena Okafor is found and explained: {:?}", a.entities);
        };
        assert_eq!(kind, EntityType::Person);
        assert_eq!(
            why.scores[0].name, "PERSON",
            "the best score is the type given"
        );
        assert!(
            why.features
                .iter()
                .any(|f| f.name == "clue:title" && f.weight > 0.0)
        );
    }
}
