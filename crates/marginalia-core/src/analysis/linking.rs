//! Typing candidates and linking mentions into entities.
//!
//! Evidence is weighed in order: gazetteers, titles ("President" → PERSON), name endings ("…
//! Bureau" → ORG, "… House" → PLACE), role nouns ("the research firm X"), and what the rest of the
//! article says about the same name ("Ruto" after "William Ruto", "Kestrel" after "Kestrel Energy
//! Systems", "CARICOM" after "Caribbean Community (CARICOM)"). Single words whose capital only
//! marks a sentence start or a headline are kept only when the article names them elsewhere.

use super::fast_hash::{HashMap, HashSet};
use super::shapes::Shapes;

use super::EntityType;
use super::candidates::{Candidate, is_cap};
use super::figures::lexicon::lexicon as figures_lexicon;
use super::knowledge::Knowledge;
use super::name_context::{beaten_side, employs_next, governs_next, with_score};
use super::text::{Text, TokKind};
use super::words::words;

/// One mention of an entity (byte offsets).
#[derive(Debug, Clone, Copy)]
pub struct EntityMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First token.
    pub first_tok: usize,
    /// The entity it belongs to (index into [`Entities::clusters`]).
    pub cluster: usize,
}

/// An entity: its type, name, roles and mentions.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Its type.
    pub kind: EntityType,
    /// The fullest name.
    pub canonical: String,
    /// The gazetteer's spelling, when it is a known name.
    pub known: Option<String>,
    /// Roles and titles the article gives it, lower case ("president", "spokeswoman").
    pub roles: Vec<String>,
    /// Its mentions (indices into [`Entities::mentions`]), in text order.
    pub mentions: Vec<usize>,
    /// For a person: whether the article marks them as a woman (`Some(true)`) or a man.
    pub female: Option<bool>,
}

/// All entities of a text.
#[derive(Debug, Default)]
pub struct Entities {
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
    /// The entities.
    pub clusters: Vec<Cluster>,
}

impl Entities {
    /// The mentions whose first byte lies in `start..end`, in order.
    pub fn mentions_in(&self, start: usize, end: usize) -> &[EntityMention] {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = self.mentions.partition_point(|m| m.start < end);
        &self.mentions[a..b]
    }
}

/// Resolved type of a candidate, before clustering.
#[derive(Debug, Clone)]
struct Typed {
    cand: usize,
    start: usize,
    end: usize,
    first_tok: usize,
    end_tok: usize,
    kind: EntityType,
    known: Option<String>,
}

/// Types and links the candidates of `text`.
pub fn link(text: &Text, k: &Knowledge, cands: &[Candidate]) -> Entities {
    let wd = words();
    // Every word the text writes in lower case ("march" makes a sentence-initial "March" a
    // common word). Only the words of names (and of the headline) are ever asked about, so
    // words of other shapes are left out without hashing them.
    let mut asked = Shapes::default();
    let headline_end = text.paragraphs.first().map_or(0, |p| p.end_tok);
    for i in cands
        .iter()
        .flat_map(|c| c.first_tok..c.end_tok)
        .chain(0..headline_end)
    {
        asked.add(text.tok(i));
    }
    let mut lower: HashSet<&str> = HashSet::default();
    lower.extend(
        text.tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokKind::Word)
            .map(|(i, _)| text.tok(i))
            .filter(|w| asked.may_hold(w) && w.starts_with(char::is_lowercase)),
    );
    let mut typed: Vec<Option<Typed>> = vec![None; cands.len()];
    // Pass 1: names with their own evidence.
    for (ci, c) in cands.iter().enumerate() {
        if c.in_headline {
            continue;
        }
        typed[ci] = type_by_evidence(text, k, ci, c, &lower);
    }
    // Pass 2: other multi-word names; a prefix of an organisation's name is that organisation.
    // Every proper prefix of an organisation's name, mapped to the name ("Severn Vale" → "Severn
    // Vale Water"); the first organisation named wins.
    let mut org_prefixes: HashMap<String, String> = HashMap::default();
    for t in typed.iter().flatten() {
        if t.kind == EntityType::Org && t.end_tok - t.first_tok >= 2 {
            let words: Vec<&str> = (t.first_tok..t.end_tok).map(|i| text.tok(i)).collect();
            // ("Andy Warhol" of "Andy Warhol Foundation" is the man, not the foundation.)
            for p in (1..words.len()).filter(|&p| !k.person_like(&words[..p])) {
                org_prefixes
                    .entry(words[..p].join(" "))
                    .or_insert_with(|| words.join(" "));
            }
        }
    }
    // Words of the names already known to be people's ("Pryce" of "Dr Pryce").
    let person_words: HashSet<&str> = typed
        .iter()
        .flatten()
        .filter(|t| t.kind == EntityType::Person)
        .flat_map(|t| (t.first_tok..t.end_tok).map(|i| text.tok(i)))
        .collect();
    // One name, one sense: a multi-word name typed by evidence somewhere ("Harlow Vale 24" in a
    // score line) keeps that type where it stands without evidence ("ending Harlow Vale’s run").
    let mut typed_names: HashMap<String, EntityType> = HashMap::default();
    for t in typed.iter().flatten() {
        if t.end_tok - t.first_tok >= 2 {
            typed_names
                .entry(fold(&name_words(text, t.first_tok, t.end_tok).join(" ")))
                .or_insert(t.kind);
        }
    }
    let mut pass2_person_suffixes: HashMap<String, String> = HashMap::default();
    for (ci, c) in cands.iter().enumerate() {
        if let Some(t) = &typed[ci]
            && t.kind == EntityType::Person
            && t.end_tok - t.first_tok >= 3
        {
            add_person_suffixes(text, t, &mut pass2_person_suffixes);
        }
        if typed[ci].is_some() || c.in_headline || c.acronym_of_previous {
            continue;
        }
        let (mut first, end) = (c.first_tok, c.end_tok);
        let opener = text.tok_lower(first);
        // "Opposition NDP leader …": an English word opening a sentence before an acronym is
        // no part of it ("Cricket Australia" and "Police Scotland" are names, though).
        // (A name written all in capitals, as in a dateline, is no word and acronym.)
        let english_before_name = end - first == 2
            && !is_acronym(text.tok(first))
            && k.english_words.contains(opener)
            && !k.given_names.contains(text.tok(first))
            && is_acronym(text.tok(first + 1));
        // "World Athletics said": a name that is the subject of a speech verb keeps its opener.
        let speaks_next = end < text.tokens.len()
            && k.speech_verbs.contains(text.tok(end))
            && !k.common_words.contains(text.tok(first));
        if c.uncertain
            && end - first >= 2
            && (lower.contains(opener) && !speaks_next || english_before_name)
            && !wd.names.particles.contains(opener)
        {
            first += 1;
        }
        if end - first < 2 {
            continue;
        }
        let words = name_words(text, first, end);
        if words.len() < 2 {
            continue;
        }
        let key = fold(&words.join(" "));
        // "Reis Forte added", after "Camila Reis Forte": the end of a longer person's name.
        if let Some(full) = pass2_person_suffixes.get(&key) {
            typed[ci] = Some(make(
                text,
                ci,
                first,
                end,
                EntityType::Person,
                Some(full.clone()),
            ));
            continue;
        }
        if k.role_nouns.get(&words[words.len() - 1].to_lowercase()) == Some(&false)
            && !named_by_org_noun(k, c)
            && !words.iter().any(|w| k.org_words.contains(*w))
        {
            // "Legal Affairs Correspondent" is a job, not a name.
            continue;
        }
        let org_prefix_of = org_prefixes.get(&words.join(" ")).cloned();
        let before = first.checked_sub(1).map(|p| text.tok_lower(p));
        let possessive = end < text.tokens.len() && matches!(text.tok(end), "’" | "'");
        let (kind, known) = if org_prefix_of.is_some() {
            (EntityType::Org, org_prefix_of)
        } else if let Some(&kind) = typed_names.get(&key) {
            (kind, None)
        } else if before == Some("of")
            && ci > 0
            && typed[ci - 1]
                .as_ref()
                .is_some_and(|t| t.kind == EntityType::Person && t.end_tok + 1 == first)
        {
            // "Rhian Powell of Celtic Sea Ferries": a person's affiliation.
            (EntityType::Org, None)
        } else if before.is_some_and(|b| wd.prepositions.beside.contains(b)) && !possessive {
            // "sheltered off Malin Head": people are not "off" or "between" anything.
            (EntityType::Place, None)
        } else if words.len() == 2
            && (wd.places.directions.contains(words[0])
                // "Dundee West": a constituency or district named after its town.
                || wd.places.directions.contains(words[1])
                    && k.lookup(words[0]).is_some_and(|n| n.kind == EntityType::Place))
            || dateline(text, first, end)
        {
            (EntityType::Place, None)
        } else if words.iter().any(|w| {
            !w.chars()
                .all(|ch| ch.is_alphabetic() || "-’'.".contains(ch))
        }) || first > 0 && text.tok(first - 1) == "at"
            || followed_by_which(text, end)
            || modifies_role_noun(text, k, end)
        {
            // "analysts at Goldman Sachs": people are rarely "at" someone.
            (EntityType::Org, None)
        } else if k
            .lookup(words[0])
            .is_some_and(|n| n.kind == EntityType::Org)
        {
            // "Meta Platforms", "Google Cloud": a known organisation's name opens it.
            (EntityType::Org, None)
        } else if words.len() == 2
            && k.english_words.contains(&words[0].to_lowercase())
            && !k.given_names.contains(words[0])
            && k.lookup(words[1])
                .is_some_and(|n| n.kind == EntityType::Place)
        {
            // "Poetry Ireland", "Tourism Australia": a field and a country name a body.
            (EntityType::Org, None)
        } else if k.person_like(&words) || person_context(text, k, c, end, &person_words) {
            (EntityType::Person, None)
        } else if words.iter().any(|w| k.org_words.contains(*w)) {
            // "in the Health Service Executive": an organisation word anywhere in the name
            // outweighs a preposition that would make it a place.
            (EntityType::Org, None)
        } else if place_context(text, first) {
            (EntityType::Place, None)
        } else {
            // "Corvane Therapeutics", "Labour Renewal": a name that reads like no person's.
            (EntityType::Org, None)
        };
        typed[ci] = Some(make(text, ci, first, end, kind, known));
        if let Some(t) = &typed[ci]
            && t.kind == EntityType::Person
            && t.end_tok - t.first_tok >= 3
        {
            add_person_suffixes(text, t, &mut pass2_person_suffixes);
        }
    }
    // The ends of people's longer names ("von der Leyen" → "Ursula von der Leyen").
    let mut person_suffixes: HashMap<String, String> = HashMap::default();
    for t in typed.iter().flatten() {
        if t.kind == EntityType::Person && t.end_tok - t.first_tok >= 3 {
            let words: Vec<&str> = (t.first_tok..t.end_tok).map(|i| text.tok(i)).collect();
            for p in 1..words.len() - 1 {
                person_suffixes
                    .entry(fold(&words[p..].join(" ")))
                    .or_insert_with(|| words.join(" "));
            }
        }
    }
    let mut ents = Entities::default();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::default();
    let mut cluster_of: Vec<Option<usize>> = vec![None; cands.len()];
    for ci in 0..cands.len() {
        let Some(t) = typed[ci].clone() else { continue };
        if t.end_tok - t.first_tok < 2 {
            continue;
        }
        let mut t = t;
        if t.kind == EntityType::Person {
            t.known = person_suffixes
                .get(&fold(&words_of(text, t.first_tok, t.end_tok)))
                .cloned();
        }
        if t.kind == EntityType::Org
            && t.known.is_none()
            && !k.org_words.contains(text.tok(t.end_tok - 1))
        {
            // "Severn Vale" is "Severn Vale Water"; "House of Lords" is not "House of Lords
            // Appointments Commission".
            t.known = org_prefixes
                .get(&words_of(text, t.first_tok, t.end_tok))
                .cloned();
        }
        let key = (
            t.kind,
            fold(
                t.known
                    .as_deref()
                    .unwrap_or(&without_nickname(text.slice(t.start, t.end))),
            ),
        );
        let cl = *by_key
            .entry(key)
            .or_insert_with(|| new_cluster(&mut ents, t.kind, t.known.clone()));
        cluster_of[ci] = Some(cl);
    }
    // Pass 3: single words and acronyms, linked to the longer names around them.
    let index = NameIndex::new(text, k, cands, &ents, &typed, &cluster_of);
    let single_certain: HashMap<&str, usize> = HashMap::default();
    let mut single_certain = single_certain;
    // Short names given in parentheses or with "known as", for their later mentions.
    let mut aliases: HashMap<&str, usize> = HashMap::default();
    for ci in 0..cands.len() {
        let c = &cands[ci];
        if cluster_of[ci].is_some() || c.in_headline {
            continue;
        }
        // "DENVER (AP)" is a dateline, not an acronym of the place.
        let after_place = ci > 0
            && cluster_of[ci - 1].is_some_and(|p| ents.clusters[p].kind == EntityType::Place)
            && typed[ci]
                .as_ref()
                .is_none_or(|t| t.kind != EntityType::Place);
        let w = text.tok(c.first_tok);
        // "Phivolcs" after "… Seismology (Phivolcs)": a short name learnt earlier.
        if c.end_tok - c.first_tok == 1
            && let Some(&cl) = aliases.get(w)
        {
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                cl,
                ents.clusters[cl].kind,
            );
            continue;
        }
        // "The Directorate for Priority Crime Investigation, known as the Hawks,".
        let known_as = c.first_tok >= 3 && {
            let the = wd
                .function_words
                .definite_article
                .contains(text.tok(c.first_tok - 1));
            let k0 = c.first_tok - usize::from(the);
            k0 >= 3
                && wd
                    .function_words
                    .alias_cues
                    .ends_before(k0, |i| text.tok(i))
        };
        if (c.acronym_of_previous || known_as)
            && !after_place
            && ci > 0
            && let Some(prev) = cluster_of[ci - 1]
            && (c.acronym_of_previous || ents.clusters[prev].kind == EntityType::Org)
        {
            if c.end_tok - c.first_tok == 1 {
                aliases.insert(w, prev);
            }
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                prev,
                ents.clusters[prev].kind,
            );
            continue;
        }
        if c.end_tok - c.first_tok != 1 {
            continue;
        }
        let w = text.tok(c.first_tok);
        if typed[ci].as_ref().is_none_or(|t| t.known.is_none())
            && k.role_nouns.contains_key(&w.to_lowercase())
        {
            // "the Government", "the Council": a capitalised common noun.
            continue;
        }
        let known = typed[ci].as_ref().is_some_and(|t| t.known.is_some());
        // "Meta" after "Meta Platforms": a known organisation still joins a longer name.
        // ("UN" stays the United Nations beside "UN Office for the Coordination of …".)
        let known_org = typed[ci].as_ref().is_some_and(|t| {
            t.kind == EntityType::Org && t.known.as_deref().is_some_and(|n| n == w)
        });
        if known_org && let Some(&cl) = index.org_first.get(w) {
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                cl,
                EntityType::Org,
            );
            continue;
        }
        // "Thornbury" after "Thornbury Athletic", "Meridian" after "Meridian Therapeutics": a
        // town's name standing for a club or firm named after it, unless it says where or
        // comes before the full name (a guide to Cleveland names the city long before "The
        // Cleveland Orchestra").
        let town = typed[ci]
            .as_ref()
            .is_some_and(|t| t.kind == EntityType::Place)
            && k.lookup(w).is_some_and(|n| n.town);
        let says_where = c.first_tok > 0
            && wd
                .prepositions
                .town_location
                .contains(text.tok_lower(c.first_tok - 1));
        if town
            && !says_where
            && let Some(&cl) = index.org_first.get(w)
            && !index.public_bodies.contains(&cl)
            && index.org_named_at.get(&cl).is_some_and(|&at| at < c.start)
        {
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                cl,
                EntityType::Org,
            );
            continue;
        }
        let found = index
            .person(
                w,
                c.start,
                title_gender(c.title.as_deref()),
                k.lookup(w).is_some_and(|n| n.kind == EntityType::Place),
            )
            .or_else(|| {
                if known {
                    return None;
                }
                index
                    .org_first
                    .get(w)
                    .copied()
                    .or_else(|| index.org_initials.get(w).filter(|_| is_acronym(w)).copied())
                    .or_else(|| index.org_last.get(w).copied())
                    .or_else(|| index.facility_first.get(w).copied())
            });
        if let Some(cl) = found {
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                cl,
                ents.clusters[cl].kind,
            );
            continue;
        }
        if let Some(t) = typed[ci].clone() {
            let key = (t.kind, fold(t.known.as_deref().unwrap_or(w)));
            let cl = *by_key
                .entry(key)
                .or_insert_with(|| new_cluster(&mut ents, t.kind, t.known.clone()));
            cluster_of[ci] = Some(cl);
            if !c.uncertain {
                single_certain.insert(w, cl);
            }
            continue;
        }
        // "Thornbury: Doherty; Okafor, Fairweather, …": a team line-up lists players.
        if in_lineup(text, c.first_tok) && !k.common_words.contains(w) {
            let key = (EntityType::Person, fold(w));
            let cl = *by_key
                .entry(key)
                .or_insert_with(|| new_cluster(&mut ents, EntityType::Person, None));
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                cl,
                EntityType::Person,
            );
            continue;
        }
        let contraction = w
            .split(['’', '\''])
            .next()
            .is_some_and(|p| p != w && k.common_words.contains(p));
        // "Greenpeace called the funding …": a sentence-initial word that is never written in
        // lower case and is the subject of a speech verb names someone.
        let speaks = c.end_tok < text.tokens.len()
            && k.speech_verbs.contains(text.tok(c.end_tok))
            && !wd.endings.common_word.suffixes(w)
            // "Arriva, which runs the route,", "Météo-France kept …".
            || followed_by_which(text, c.end_tok)
            || acts(text, k, c.end_tok, w)
            // ("July-September" is a span of months.)
            || capitalised_compound(w)
                && !w
                    .split('-')
                    .any(|p| k.common_words.contains(p) || figures_lexicon().is_month_name(p))
            // "Rangers manager Philippe Clement", "Lloyds, the bank, said".
            || !k.common_words.contains(w)
                && (modifies_role_noun(text, k, c.end_tok)
                    && wd.roles.staff.contains(text.tok(c.end_tok))
                    || c.role_after.as_ref().is_some_and(|r| k.role_nouns.get(r) == Some(&true)));
        if c.uncertain && !speaks
            || contraction
            || w.contains('-') && w.split('-').all(|p| figures_lexicon().is_month_name(p))
            || lower.contains(w.to_lowercase().as_str())
            || wd.endings.participle_adverb.suffixes(w)
            // "a Gibraltar-based consultancy": an adjective made from a name.
            || w.rsplit('-').next().is_some_and(|p| p != w && p.starts_with(char::is_lowercase))
        {
            continue;
        }
        // "the framers of our Constitution": a common word capitalised for respect.
        if c.first_tok > 0
            && wd
                .pronouns
                .respectful_possessives
                .contains(text.tok(c.first_tok - 1))
            && k.english_words.contains(text.tok_lower(c.first_tok))
        {
            continue;
        }
        // "the Works department", "the Finance ministry": a capitalised field before an
        // organisation noun.
        if !c.uncertain
            && k.english_words.contains(&w.to_lowercase())
            && text
                .tokens
                .get(c.end_tok)
                .is_some_and(|_| k.role_nouns.get(text.tok(c.end_tok)) == Some(&true))
        {
            continue;
        }
        // "Category 1", "Route 66", "Article 5": a label before a number.
        if text
            .tokens
            .get(c.end_tok)
            .is_some_and(|t| t.kind == TokKind::Number)
        {
            continue;
        }
        let prev = c.first_tok.checked_sub(1).map(|p| text.tok(p));
        let prev2 = c.first_tok.checked_sub(2).map(|p| text.tok(p));
        // "the island of Mull", "the villages of Lauderdale", "the people of Lauderdale".
        let place_of = prev == Some("of")
            && prev2.is_some_and(|p| {
                wd.places.nouns_of.contains(p)
                    || p.strip_suffix('s')
                        .is_some_and(|p| wd.places.nouns_of.contains(p))
                    || wd.roles.inhabitants.contains(p)
            });
        let prev_low = prev.map(str::to_lowercase);
        // "in Darfur and Kordofan": coordinated with a place just named.
        let after_place_and = prev.is_some_and(|p| wd.function_words.coordinators.contains(p))
            && ci > 0
            && cands[ci - 1].end_tok + 1 == c.first_tok
            && cluster_of[ci - 1].is_some_and(|p| ents.clusters[p].kind == EntityType::Place);
        // "In Brittany", "between Fishguard and Rosslare", "over the Atlantic".
        // "a 52-year-old farmer from Bhurbandha", "residents from Apapa": people come from places.
        let person_from = prev.is_some_and(|p| wd.prepositions.origin.contains(p))
            && prev2.is_some_and(|p| {
                k.role_nouns.get(p) == Some(&false) || wd.roles.people_from.contains(p)
            });
        let the_before = prev.is_some_and(|p| wd.function_words.definite_article.contains(p));
        let and_before = prev.is_some_and(|p| wd.function_words.and.contains(p));
        let place_prep = after_place_and
            || person_from
            || prev_low
                .as_deref()
                .is_some_and(|p| wd.prepositions.place_before.contains(p))
            || the_before && prev2.is_some_and(|p| wd.prepositions.over_the.contains(p))
            || and_before
                && c.first_tok >= 3
                && wd
                    .prepositions
                    .between
                    .contains(text.tok_lower(c.first_tok - 3));
        // "Hensley", "Okafor": a family name alone, as match reports and line-ups write them.
        let surname =
            |x: &str| k.surnames.contains(x) && !k.english_words.contains(&x.to_lowercase());
        let kind = if place_prep || place_of {
            EntityType::Place
        } else if (surname(w) || w.contains('-') && w.split('-').all(surname))
            // "the Dane" is a nationality, not a man called Dane.
            && !prev_low
                .as_deref()
                .is_some_and(|p| wd.function_words.articles.contains(p))
        {
            EntityType::Person
        } else {
            EntityType::Org
        };
        // Keyed as typed single words are, so both kinds of mention join one entity.
        let key = (kind, fold(w));
        let cl = *by_key
            .entry(key)
            .or_insert_with(|| new_cluster(&mut ents, kind, None));
        attach(text, &mut typed, &mut cluster_of, (ci, c), cl, kind);
        single_certain.insert(w, cl);
    }
    // Sentence-initial single words named elsewhere in the article.
    for ci in 0..cands.len() {
        let c = &cands[ci];
        if cluster_of[ci].is_some() || c.in_headline || c.end_tok - c.first_tok != 1 {
            continue;
        }
        let w = text.tok(c.first_tok);
        if let Some(&cl) = single_certain.get(w) {
            attach(
                text,
                &mut typed,
                &mut cluster_of,
                (ci, c),
                cl,
                ents.clusters[cl].kind,
            );
        }
    }
    link_headline(
        text,
        k,
        cands,
        &mut typed,
        &mut cluster_of,
        &mut ents,
        &lower,
    );
    for ci in 0..cands.len() {
        let (Some(t), Some(cl)) = (&typed[ci], cluster_of[ci]) else {
            continue;
        };
        ents.mentions.push(EntityMention {
            start: t.start,
            end: t.end,
            first_tok: t.first_tok,
            cluster: cl,
        });
        let c = &cands[ci];
        if c.in_headline {
            // Headline words are capitalised anyway: they say nothing about roles.
            continue;
        }
        let words = c.title.iter().flat_map(|t| t.split_whitespace());
        let words = words
            .chain(c.role_before.as_deref())
            .chain(c.role_after.as_deref());
        if let Some(f) = words.filter_map(gender_of_word).next() {
            ents.clusters[cl].female.get_or_insert(f);
        }
        let roles = &mut ents.clusters[cl].roles;
        for r in [
            title_role(c.title.as_deref()),
            c.role_before.clone(),
            c.role_after.clone(),
        ]
        .into_iter()
        .flatten()
        {
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
    }
    ents.mentions.sort_by_key(|m| m.start);
    for (i, m) in ents.mentions.iter().enumerate() {
        ents.clusters[m.cluster].mentions.push(i);
    }
    for cl in &mut ents.clusters {
        cl.canonical = canonical_name(text, &ents.mentions, cl);
        // "Aoife Brennan-Mulligan … she": a given name that only women bear.
        if cl.kind == EntityType::Person
            && cl.female.is_none()
            && cl.canonical.contains(' ')
            && let Some(given) = cl.canonical.split(' ').next()
        {
            cl.female = k.gender_of_name(given);
        }
    }
    ents
}

/// A key that ignores case and accents ("SAO PAULO", "São Paulo").
fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => {
                'o'
            }
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            '’' => '\'',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn make(
    text: &Text,
    cand: usize,
    first: usize,
    end: usize,
    kind: EntityType,
    known: Option<String>,
) -> Typed {
    Typed {
        cand,
        start: text.tokens[first].start,
        end: text.tokens[end - 1].end,
        first_tok: first,
        end_tok: end,
        kind,
        known,
    }
}

fn new_cluster(ents: &mut Entities, kind: EntityType, known: Option<String>) -> usize {
    ents.clusters.push(Cluster {
        kind,
        canonical: String::new(),
        known,
        roles: Vec::new(),
        mentions: Vec::new(),
        female: None,
    });
    ents.clusters.len() - 1
}

/// Whether a role names someone who speaks for another: a spokesperson or a representative.
fn speaks_for_others(role: &str) -> bool {
    let roles = &words().roles;
    roles.is_spokesperson(role) || roles.representatives.contains(role)
}

/// The gender a title marks ("Mrs." a woman, "Mr." a man), if any of its words marks one.
fn title_gender(title: Option<&str>) -> Option<bool> {
    title?.split_whitespace().find_map(gender_of_word)
}

/// Whether a title or role word marks a woman (`Some(true)`) or a man (`Some(false)`).
pub fn gender_of_word(w: &str) -> Option<bool> {
    let gender = &words().gender;
    let w = w.trim_end_matches('.').to_lowercase();
    if gender.female_words.contains(&w) {
        Some(true)
    } else if gender.male_words.contains(&w) {
        Some(false)
    } else {
        None
    }
}

/// "Prime Minister Dr." → "prime minister".
fn title_role(title: Option<&str>) -> Option<String> {
    let words: Vec<String> = title?
        .split_whitespace()
        .filter(|w| {
            !words()
                .titles
                .courtesy_not_roles
                .contains(w.trim_end_matches('.'))
        })
        .map(|w| expand_title(w.trim_end_matches('.')).to_lowercase())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// "Sen." → "Senator": the role a short title stands for, so "the senator said" finds it.
fn expand_title(w: &str) -> &str {
    words().titles.short_forms.get(w).unwrap_or(w)
}

/// Types a candidate from its own words and clues, or leaves it for later.
fn type_by_evidence(
    text: &Text,
    k: &Knowledge,
    ci: usize,
    c: &Candidate,
    lower: &HashSet<&str>,
) -> Option<Typed> {
    let wd = words();
    let name = text.slice(c.start, c.end);
    let words: Vec<&str> = (c.first_tok..c.end_tok).map(|i| text.tok(i)).collect();
    let single = words.len() == 1;
    // "Mrs Justice Hale": a titled name is a person even when a town shares it.
    if c.title.is_some() && k.lookup(name).is_none_or(|n| n.kind != EntityType::Person) {
        return Some(make(
            text,
            ci,
            c.first_tok,
            c.end_tok,
            EntityType::Person,
            None,
        ));
    }
    if let Some(known) = k.lookup(name) {
        // A sentence-initial word that the text also uses in lower case is a common word
        // ("March"), and so is a role noun ("Police said", though Police is a Polish town).
        let lower_name = text.lower_slice(c.start, c.end);
        // "Green councillor Emma Edwards": an English word before a role noun is an adjective.
        let before_role = k.english_words.contains(lower_name)
            && text
                .tokens
                .get(c.end_tok)
                .is_some_and(|_| k.role_nouns.contains_key(text.tok(c.end_tok)));
        let common =
            lower.contains(lower_name) || k.role_nouns.contains_key(lower_name) || before_role;
        if !(c.uncertain && single && common) {
            return Some(make(
                text,
                ci,
                c.first_tok,
                c.end_tok,
                known.kind,
                Some(known.canonical.clone()),
            ));
        }
        return None;
    }
    // "University Hospital Galway", "St James’s Hospital": hospitals are buildings.
    if !single
        && words.iter().any(|w| wd.institutions.hospitals.contains(w))
        && !k
            .org_words
            .contains(words[words.len() - 1].trim_end_matches('.'))
    {
        return Some(make(
            text,
            ci,
            c.first_tok,
            c.end_tok,
            EntityType::Place,
            None,
        ));
    }
    // "Ethiopia’s Haile Gebremariam Tessema", "Norway’s Sindre Buraas": a country's competitor
    // or leader.
    if !single
        && c.first_tok >= 3
        && text.tok(c.first_tok - 1) == "s"
        && matches!(text.tok(c.first_tok - 2), "’" | "'")
        && k.lookup(text.tok(c.first_tok - 3))
            .is_some_and(|n| n.kind == EntityType::Place && !n.town)
        && !k.org_words.contains(words[words.len() - 1])
        && !k.place_words.contains(words[words.len() - 1])
    {
        return Some(make(
            text,
            ci,
            c.first_tok,
            c.end_tok,
            EntityType::Person,
            None,
        ));
    }
    // "Nova Scotians", "Londoners", "Albertans": the people of a known place.
    // "Minnesotan", "Albertan": one of the people of a region or country (not of a town: a
    // "Bristoler" is rare and "Jordan" is no "Jorda"-n).
    let of_region = |stem: &&str| {
        k.lookup(stem)
            .is_some_and(|n| n.kind == EntityType::Place && !n.town)
    };
    if let Some(stem) = wd
        .endings
        .demonym_plural
        .iter()
        .filter_map(|s| name.strip_suffix(s))
        .find(|stem| k.lookup(stem).is_some_and(|n| n.kind == EntityType::Place))
        .or_else(|| {
            wd.endings
                .demonym_singular
                .iter()
                .filter_map(|s| name.strip_suffix(s))
                .filter(|stem| single && stem.chars().count() >= 4)
                .find(of_region)
        })
    {
        return Some(make(
            text,
            ci,
            c.first_tok,
            c.end_tok,
            EntityType::Norp,
            Some(stem.to_string()),
        ));
    }
    let head = words
        .iter()
        .position(|w| wd.prepositions.name_links.contains(w))
        .map_or(words[words.len() - 1], |p| words[p.saturating_sub(1)]);
    let head = head.trim_end_matches('.');
    let last = words[words.len() - 1].trim_end_matches('.');
    let person_role = c
        .role_before
        .as_ref()
        .is_some_and(|r| k.role_nouns.get(r) == Some(&false))
        // "a spokesman for Severn Water" gives the role to an organisation.
        && !(c.first_tok > 0 && wd.prepositions.employer.contains(text.tok(c.first_tok - 1)));
    // "Linda Park, 67, said": an age makes a person of a name that ends like a place.
    let n = text.tokens.len();
    let aged = !single
        && c.end_tok + 2 < n
        && text.tok(c.end_tok) == ","
        && text.tokens[c.end_tok + 1].kind == TokKind::Number
        && matches!(text.tok(c.end_tok + 2), "," | ")")
        && text
            .tok(c.end_tok + 1)
            .parse::<u32>()
            .is_ok_and(|age| (1..=120).contains(&age));
    // "the Maple Court estate", "the Kibera slum": a name before a place noun is a place.
    let place_noun_after = text
        .tokens
        .get(c.end_tok)
        .is_some_and(|_| wd.places.nouns_after.contains(text.tok(c.end_tok)));
    // "leaders Kingsford Athletic": an organisation's ending outweighs a person's role before
    // it, unless the name opens with a given name ("singer Charlotte Church").
    let org_named = !single && k.org_words.contains(last) && !k.given_names.contains(words[0]);
    let kind = if c.title.is_some()
        || person_role && !c.uncertain && !org_named
        || aged && !k.org_words.contains(last)
    {
        Some(EntityType::Person)
    } else if governs_next(text, c.end_tok) {
        Some(EntityType::Place)
    } else if employs_next(text, c.end_tok)
        || with_score(text, c.end_tok)
        || beaten_side(text, c.first_tok) && !k.person_like(&words)
        // "Alberta Wildfire, the provincial agency that …": an organisation's appositive.
        || c.role_after
            .as_ref()
            .is_some_and(|r| k.role_nouns.get(r) == Some(&true))
    {
        Some(EntityType::Org)
    } else if place_noun_after && !single {
        Some(EntityType::Place)
    } else if !single && wd.institutions.club_endings.contains(last) && words.len() == 2 {
        // "Bristol City" and "Castlebridge City" are clubs; "Quezon City" is in the gazetteer.
        Some(EntityType::Org)
    } else if !single
        && wd.institutions.centres.contains(last)
        && words
            .iter()
            .any(|w| wd.institutions.venue_kinds.contains(w))
    {
        // "Kenyatta International Convention Centre" is a building.
        Some(EntityType::Place)
    } else if !single
        && (k.org_words.contains(head)
            || k.org_words.contains(last)
            || words.iter().any(|w| wd.prepositions.purpose.contains(w)))
    {
        // "House of Lords Appointments Commission": an organisation word at the end wins.
        Some(EntityType::Org)
    } else if !single && (k.place_words.contains(head) || k.place_heads.contains(words[0])) {
        Some(EntityType::Place)
    } else if !single && k.org_words.contains(last) {
        Some(EntityType::Org)
    } else if !single && k.place_words.contains(last) {
        Some(EntityType::Place)
    } else if !single
        && k.role_nouns.get(&last.to_lowercase()) == Some(&false)
        && !named_by_org_noun(k, c)
        // ("Health Service Executive" is a body.)
        && !words.iter().any(|w| k.org_words.contains(*w))
    {
        // "Legal Affairs Correspondent" is a job, not a name ("the group Global Witness" is).
        return None;
    } else if let Some(r) = c.role_before.as_ref().filter(|_| !c.uncertain || !single) {
        // "NPA spokesperson Phindi Mjonondwane" is a person; "a spokesperson for Severn Water"
        // names the organisation.
        let named_spokesperson = speaks_for_others(r)
            && c.first_tok > 0
            && text.tok(c.first_tok - 1).eq_ignore_ascii_case(r);
        // "A spokeswoman for Eason": the role's employer.
        let employer =
            c.first_tok > 0 && wd.prepositions.employer.contains(text.tok(c.first_tok - 1));
        Some(
            if (k.role_nouns.get(r) == Some(&true) || employer) && !named_spokesperson {
                EntityType::Org
            } else {
                EntityType::Person
            },
        )
    } else if single
        && is_acronym(name)
        && dateline(text, c.first_tok, c.end_tok)
        && name.chars().count() >= 5
    {
        // "LUDWIGSHAFEN —": a town in a dateline, not an acronym.
        Some(EntityType::Place)
    } else if single && is_acronym(name) && !k.common_words.contains(name) {
        Some(EntityType::Org)
    } else {
        None
    };
    kind.map(|kind| make(text, ci, c.first_tok, c.end_tok, kind, None))
}

/// The last word of an organisation's name when it can stand for the whole ("Rovers" for
/// "Bristol Rovers", "Ledger" for "Northern Ledger"); not for names with "of"/"for" inside.
fn org_short_last<'a>(text: &Text<'a>, first: usize, end: usize) -> Option<&'a str> {
    let links = &words().function_words.name_joiners;
    let inner = (first..end).any(|i| links.contains(text.tok(i)));
    let last = text.tok(end - 1);
    (!inner && end - first >= 2 && last.chars().count() >= 3 && !is_acronym(last)).then_some(last)
}

/// Whether what surrounds an unknown name says it is a person's: a person's role before or
/// after it ("Corporator Sunita Gaikwad", "Amadou Sissoko, a farmer,"), "who" after it, or a
/// titled mention of its last word elsewhere ("Dr Pryce").
fn person_context(
    text: &Text,
    k: &Knowledge,
    c: &Candidate,
    end: usize,
    person_words: &HashSet<&str>,
) -> bool {
    let wd = words();
    // "NPA spokesperson Phindi Mjonondwane": a spokesperson who is named is a person.
    let person_role = |r: &Option<String>| {
        r.as_deref()
            .is_some_and(|r| k.role_nouns.get(r) == Some(&false) || speaks_for_others(r))
    };
    let n = text.tokens.len();
    let who = end + 1 < n
        && text.tok(end) == ","
        && wd
            .function_words
            .relative_person
            .contains(text.tok(end + 1));
    // "Mere Paewai, said she …": the pronoun after the verb is the name's.
    let subject = &wd.pronouns.personal_subjects;
    let said_she = end + 1 < n
        && k.speech_verbs.contains(text.tok(end))
        && subject.contains(text.tok(end + 1));
    let said_she = said_she
        || end + 2 < n
            && text.tok(end) == ","
            && k.speech_verbs.contains(text.tok(end + 1))
            && subject.contains(text.tok(end + 2));
    // "Hamad bin Saif Al Kindi", "Ursula von der Leyen": particles only people's names have.
    // Irish "Ó", "Ní", "Mac", "Nic" likewise ("Pádraig Ó Riordáin").
    let particle = (c.first_tok..end).any(|i| wd.names.person_particles.contains(text.tok(i)));
    person_role(&c.role_before)
        || person_role(&c.role_after)
        || who
        || said_she
        || particle
        || byline(text, c.first_tok)
        || person_words.contains(text.tok(end - 1))
        || affiliated(text, k, end)
}

/// Whether token `i` is a name in a line-up: a paragraph that opens with a team and a colon,
/// then only capitalised names between semicolons, commas and bracketed minutes ("Thornbury:
/// Doherty; Okafor, Fairweather; Tolley (Banks 72)").
fn in_lineup(text: &Text, i: usize) -> bool {
    let para = text.paragraphs[text.tokens[i].paragraph];
    let Some(colon) =
        (para.first_tok..para.end_tok.min(para.first_tok + 5)).find(|&j| text.tok(j) == ":")
    else {
        return false;
    };
    if i <= colon {
        return false;
    }
    let mut names = 0;
    let mut semicolons = 0;
    for j in colon + 1..para.end_tok {
        let w = text.tok(j);
        match text.tokens[j].kind {
            TokKind::Word if w.starts_with(char::is_uppercase) => names += 1,
            TokKind::Number => {}
            TokKind::Punct if w == ";" => semicolons += 1,
            TokKind::Punct if matches!(w, "," | "(" | ")" | "." | "-" | "’" | "'") => {}
            _ => return false,
        }
    }
    names >= 5 && semicolons >= 1
}

/// "By Lerato Mokoena | 15 April", "(Reporting by Liza Navarro and Paolo Dizon)": a byline
/// names people.
fn byline(text: &Text, first: usize) -> bool {
    if first == 0 || !text.tok(first - 1).eq_ignore_ascii_case("by") {
        return false;
    }
    let by = first - 1;
    let opens = by == 0 || text.tokens[by - 1].paragraph != text.tokens[by].paragraph;
    // "by Liza Navarro and Paolo Dizon": the second name of a pair counts too.
    let verb_at = |i: usize| words().verbs.byline.contains(text.tok_lower(i));
    opens || by > 0 && verb_at(by - 1)
}

/// "Mei Tanaka of the University of Arizona": a name followed by "of" and a university, an
/// institute or another body people belong to is a member's.
fn affiliated(text: &Text, k: &Knowledge, end: usize) -> bool {
    let n = text.tokens.len();
    if end + 1 >= n || text.tok(end) != "of" {
        return false;
    }
    let wd = words();
    let the = |w: &str| wd.function_words.definite_article.contains(w);
    let mut i = end + 1;
    if the(text.tok(i)) {
        i += 1;
    }
    let mut last = None;
    while i < n && is_cap(text, i) && text.tokens[i].paragraph == text.tokens[end].paragraph {
        last = Some(text.tok(i));
        i += 1;
    }
    // "Indian Institute of Technology": the body's word may come before its own "of".
    let first_word = (end + 1..i).map(|j| text.tok(j)).find(|w| !the(w));
    [last, first_word]
        .into_iter()
        .flatten()
        .any(|w| wd.institutions.member_bodies.contains(w) || k.org_words.contains(w))
}

/// "BYRON BAY, New South Wales —": a name in capitals opening a paragraph, before a comma or a
/// dash, is the dateline's place.
fn dateline(text: &Text, first: usize, end: usize) -> bool {
    let opens = first == 0 || text.tokens[first - 1].paragraph != text.tokens[first].paragraph;
    let capitals = (first..end).all(|i| !text.tok(i).chars().any(char::is_lowercase));
    opens
        && capitals
        && text
            .tokens
            .get(end)
            .is_some_and(|_| matches!(text.tok(end), "," | "—" | "–" | "-" | "("))
}

/// "in Dundee West", "from Port Sarum": people are not "in" or "from" anything.
fn place_context(text: &Text, first: usize) -> bool {
    // "held at the Old Billingsgate", "in the Corn Exchange": a venue.
    let wd = words();
    let at_the = first >= 2
        && wd
            .function_words
            .definite_article
            .contains(text.tok(first - 1))
        && wd.prepositions.venue.contains(text.tok(first - 2));
    // "published in The Lancet": a name with its own "The" is a title, not a place.
    at_the
        || first > 0
            && !wd
                .function_words
                .definite_article_capitalised
                .contains(text.tok(first))
            && wd.prepositions.place_after.contains(text.tok(first - 1))
}

/// "the campaign group Global Witness": an organisation noun right before the name.
fn named_by_org_noun(k: &Knowledge, c: &Candidate) -> bool {
    c.role_before
        .as_ref()
        .is_some_and(|r| k.role_nouns.get(r) == Some(&true))
}

/// "Arriva welcomed the decision": a sentence-initial word that is no English word, before a
/// verb in the past tense, names someone.
fn acts(text: &Text, k: &Knowledge, end: usize, w: &str) -> bool {
    let Some(next) = text.tokens.get(end) else {
        return false;
    };
    let verb = text.tok(end);
    next.kind == TokKind::Word
        && verb.ends_with("ed")
        && k.english_words.contains(verb)
        && w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && !k.english_words.contains(&w.to_lowercase())
}

/// The words of a name without a quoted nickname ("Marcus ‘Tank’ Fairweather" → Marcus,
/// Fairweather).
fn name_words<'a>(text: &Text<'a>, first: usize, end: usize) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(end - first);
    let mut i = first;
    while i < end {
        let w = text.tok(i);
        if matches!(w, "“" | "‘" | "\"") && i + 2 < end {
            i += 3;
            continue;
        }
        out.push(w);
        i += 1;
    }
    out
}

/// Joins candidate `ci` (the whole candidate `c`) to entity `cl` as a mention of type `kind`.
fn attach(
    text: &Text,
    typed: &mut [Option<Typed>],
    cluster_of: &mut [Option<usize>],
    (ci, c): (usize, &Candidate),
    cl: usize,
    kind: EntityType,
) {
    cluster_of[ci] = Some(cl);
    typed[ci] = Some(make(text, ci, c.first_tok, c.end_tok, kind, None));
}

/// Registers the ends of a person's name of three words or more ("Reis Forte" for "Camila Reis
/// Forte").
fn add_person_suffixes(text: &Text, t: &Typed, out: &mut HashMap<String, String>) {
    let words: Vec<&str> = (t.first_tok..t.end_tok).map(|i| text.tok(i)).collect();
    for p in 1..words.len() - 1 {
        out.entry(fold(&words[p..].join(" ")))
            .or_insert_with(|| words.join(" "));
    }
}

/// "Met Éireann, which said …": people take "who", not "which".
fn followed_by_which(text: &Text, end: usize) -> bool {
    end + 1 < text.tokens.len()
        && text.tok(end) == ","
        && words()
            .function_words
            .relative_thing
            .contains(text.tok(end + 1))
}

/// "the Liberal Democrat spokesman", "City boss Anna Lindqvist": a name right before a
/// person's role noun says whom they work for, so it is no person itself.
fn modifies_role_noun(text: &Text, k: &Knowledge, end: usize) -> bool {
    end < text.tokens.len()
        && text.tokens[end].kind == TokKind::Word
        && k.role_nouns.get(text.tok(end)) == Some(&false)
}

/// "Météo-France": a hyphenated word capitalised on both sides of the hyphen.
fn capitalised_compound(w: &str) -> bool {
    let mut parts = w.split('-');
    let starts_cap = |p: &str| p.starts_with(char::is_uppercase);
    w.contains('-') && parts.all(|p| starts_cap(p) && p.chars().count() >= 2)
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
}

fn words_of(text: &Text, first: usize, end: usize) -> String {
    (first..end)
        .map(|i| text.tok(i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's full name, as one of its words alone may point back to it.
#[derive(Debug, Clone, Copy)]
struct PersonPart {
    /// Its first byte.
    start: usize,
    /// Its entity.
    cluster: usize,
    /// The gender its given name or title marks.
    female: Option<bool>,
    /// Whether the part is the name's first word (a given name), not its surname.
    given: bool,
}

/// Lookups from a short form to the multi-word name it stands for.
struct NameIndex<'a> {
    /// First and last words of people's names → the full names holding them, in text order.
    person_parts: HashMap<&'a str, Vec<PersonPart>>,
    /// First word of an organisation's name ("Kestrel") → entity.
    org_first: HashMap<&'a str, usize>,
    /// Initials of an organisation's name ("MIT") → entity.
    org_initials: HashMap<String, usize>,
    /// Last word of an organisation's name ("Rovers" for "Bristol Rovers") → entity.
    org_last: HashMap<&'a str, usize>,
    /// First word of a facility's two-word name ("Heathrow" for "Heathrow Airport") → entity.
    facility_first: HashMap<&'a str, usize>,
    /// Organisations that govern or serve a place ("Bristol City Council"): their town's name
    /// alone still means the town.
    public_bodies: HashSet<usize>,
    /// Where each organisation's full name first stands: a town's name means a club or firm
    /// named after it only once the full name has been read.
    org_named_at: HashMap<usize, usize>,
}

impl<'a> NameIndex<'a> {
    fn new(
        text: &Text<'a>,
        k: &Knowledge,
        cands: &[Candidate],
        ents: &Entities,
        typed: &[Option<Typed>],
        cluster_of: &[Option<usize>],
    ) -> Self {
        let mut index = NameIndex {
            person_parts: HashMap::default(),
            org_first: HashMap::default(),
            org_initials: HashMap::default(),
            org_last: HashMap::default(),
            facility_first: HashMap::default(),
            public_bodies: HashSet::default(),
            org_named_at: HashMap::default(),
        };
        for (t, cl) in typed.iter().zip(cluster_of) {
            let (Some(t), Some(cl)) = (t, *cl) else {
                continue;
            };
            if t.end_tok - t.first_tok < 2 {
                continue;
            }
            let first = text.tok(t.first_tok);
            let last = text.tok(t.end_tok - 1);
            match ents.clusters[cl].kind {
                EntityType::Person => {
                    let female = title_gender(cands[t.cand].title.as_deref())
                        .or_else(|| k.gender_of_name(first));
                    index
                        .person_parts
                        .entry(last)
                        .or_default()
                        .push(PersonPart {
                            start: t.start,
                            cluster: cl,
                            female,
                            given: false,
                        });
                    if first != last {
                        index
                            .person_parts
                            .entry(first)
                            .or_default()
                            .push(PersonPart {
                                start: t.start,
                                cluster: cl,
                                female,
                                given: true,
                            });
                    }
                    // "Rodrigo Alarcón Vidal" … "Alarcón said": a paternal surname in the middle
                    // (a given name there is an English middle name, which stories do not use
                    // alone).
                    let middle = text.tok(t.first_tok + 1);
                    if t.end_tok - t.first_tok == 3
                        && middle.chars().count() > 2
                        && middle.starts_with(char::is_uppercase)
                        && !middle.ends_with('.')
                        && !k.given_names.contains(middle)
                    {
                        index
                            .person_parts
                            .entry(middle)
                            .or_default()
                            .push(PersonPart {
                                start: t.start,
                                cluster: cl,
                                female,
                                given: false,
                            });
                    }
                }
                EntityType::Org => {
                    index.org_named_at.entry(cl).or_insert(t.start);
                    if k.shortens(t.known.as_deref()) {
                        index.org_first.entry(first).or_insert(cl);
                        if let Some(l) = org_short_last(text, t.first_tok, t.end_tok) {
                            index.org_last.entry(l).or_insert(cl);
                        }
                    }
                    let initials: String = (t.first_tok..t.end_tok)
                        .map(|i| text.tok(i))
                        .filter(|x| x.starts_with(char::is_uppercase))
                        .filter_map(|x| x.chars().next())
                        .collect();
                    index.org_initials.entry(initials).or_insert(cl);
                    let serving = &words().institutions.place_serving_bodies;
                    if (t.first_tok..t.end_tok).any(|i| serving.contains(text.tok(i))) {
                        index.public_bodies.insert(cl);
                    }
                }
                // "Kosciuszko National Park" → "Kosciuszko".
                EntityType::Place
                    if words().institutions.facilities.contains(last)
                        && (t.first_tok + 1..t.end_tok - 1).all(|i| {
                            words()
                                .institutions
                                .facility_qualifiers
                                .contains(text.tok(i))
                        }) =>
                {
                    index.facility_first.entry(first).or_insert(cl);
                }
                _ => {}
            }
        }
        index
    }

    /// "Ruto" → the person "William Ruto" named most recently before `pos` (or first after it).
    /// A titled mention ("Mrs. Clinton") skips people known to be of the other gender ("Bill
    /// Clinton"), and is nobody's when all of them are. A place's name (`place`) stands for a
    /// person only as a surname: "Jordan" is Michael Jordan, but "York" alone is the city, not
    /// "York Minster" taken for a man's name.
    fn person(&self, w: &str, pos: usize, female: Option<bool>, place: bool) -> Option<usize> {
        let list = self.person_parts.get(w)?;
        let fits = |p: &&PersonPart| {
            (female.is_none() || p.female.is_none() || p.female == female) && !(place && p.given)
        };
        let i = list.partition_point(|p| p.start < pos);
        list[..i]
            .iter()
            .rev()
            .find(fits)
            .or_else(|| list.iter().find(fits))
            .map(|p| p.cluster)
    }
}

/// Headline words: keep the longest runs the body names (a gazetteer alone is not enough there:
/// "Deal" is a town, "Over" a village).
fn link_headline(
    text: &Text,
    k: &Knowledge,
    cands: &[Candidate],
    typed: &mut [Option<Typed>],
    cluster_of: &mut [Option<usize>],
    ents: &mut Entities,
    lower: &HashSet<&str>,
) {
    if !cands.iter().any(|c| c.in_headline) {
        return;
    }
    let wd = words();
    // Keyed without case: "BYRON BAY" in a dateline names the headline's "Byron Bay".
    let mut surfaces: HashMap<String, usize> = HashMap::default();
    for (t, cl) in typed.iter().zip(cluster_of.iter()) {
        if let (Some(t), Some(cl)) = (t, cl) {
            surfaces
                .entry(fold(text.slice(t.start, t.end)))
                .or_insert(*cl);
        }
    }
    // "Rheinfeld Chemie" for "Rheinfeld Chemie AG", "Liffey Prize" for "Liffey Prize for
    // Fiction": headlines shorten organisations' names.
    for (t, cl) in typed.iter().zip(cluster_of.iter()) {
        if let (Some(t), Some(cl)) = (t, cl)
            && ents.clusters[*cl].kind == EntityType::Org
            && t.end_tok - t.first_tok >= 3
        {
            for e in t.first_tok + 2..t.end_tok {
                if !wd
                    .function_words
                    .headline_name_links
                    .contains(text.tok(e - 1))
                {
                    let prefix = text.slice(t.start, text.tokens[e - 1].end);
                    surfaces.entry(fold(prefix)).or_insert(*cl);
                }
            }
        }
    }
    // Canonical names ("Portland" for "PORTLAND"), then the short forms the body would link: a
    // person's surname, an organisation's first word.
    let mut canon: Vec<(String, usize)> = Vec::new();
    let mut parts: HashMap<&str, usize> = HashMap::default();
    for (t, cl) in typed.iter().zip(cluster_of.iter()) {
        // A demonym's canonical name is its country's: "Philippine" does not name the
        // headline's "Philippines".
        if let (Some(t), Some(cl)) = (t, cl)
            && let Some(known) = &t.known
            && t.kind != EntityType::Norp
        {
            canon.push((known.clone(), *cl));
        }
    }
    for (t, cl) in typed.iter().zip(cluster_of.iter()) {
        if let (Some(t), Some(cl)) = (t, cl)
            && t.end_tok - t.first_tok >= 2
            && k.shortens(t.known.as_deref())
        {
            // Every headline word is capitalised: only a last word that names organisations
            // ("Rovers", "Ledger") stands for the whole there, not "Ferries".
            let org_last = (ents.clusters[*cl].kind == EntityType::Org)
                .then(|| org_short_last(text, t.first_tok, t.end_tok))
                .flatten()
                .filter(|w| k.org_words.contains(*w));
            let part = match ents.clusters[*cl].kind {
                EntityType::Person => text.tok(t.end_tok - 1),
                EntityType::Org => text.tok(t.first_tok),
                // "Kosciuszko" for "Kosciuszko National Park".
                EntityType::Place
                    if wd.institutions.facilities.contains(text.tok(t.end_tok - 1)) =>
                {
                    text.tok(t.first_tok)
                }
                _ => continue,
            };
            for part in std::iter::once(part).chain(org_last) {
                if !k.common_words.contains(part)
                    && !lower.contains(part.to_lowercase().as_str())
                    && !wd.names.disease_eponyms.contains(part)
                {
                    parts.entry(part).or_insert(*cl);
                }
            }
        }
    }
    let canon_map: HashMap<&str, usize> = canon.iter().map(|(n, cl)| (n.as_str(), *cl)).collect();
    let mut extra: Vec<(usize, Typed)> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        if !c.in_headline {
            continue;
        }
        let mut i = c.first_tok;
        while i < c.end_tok {
            let mut hit = None;
            for j in (i + 1..=c.end_tok.min(i + 5)).rev() {
                let s = text.slice(text.tokens[i].start, text.tokens[j - 1].end);
                if let Some(&cl) = surfaces
                    .get(&fold(s))
                    .or_else(|| canon_map.get(s))
                    .or_else(|| parts.get(s))
                {
                    hit = Some((j, ents.clusters[cl].kind, cl));
                    break;
                }
            }
            let hit = hit.or_else(|| {
                let (j, canonical) = headline_country(text, k, lower, i, c.end_tok)?;
                let cl = ents
                    .clusters
                    .iter()
                    .position(|x| {
                        x.kind == EntityType::Place && x.known.as_ref() == Some(&canonical)
                    })
                    .unwrap_or_else(|| new_cluster(ents, EntityType::Place, Some(canonical)));
                Some((j, EntityType::Place, cl))
            });
            let Some((j, kind, cl)) = hit else {
                i += 1;
                continue;
            };
            extra.push((cl, make(text, ci, i, j, kind, None)));
            i = j;
        }
    }
    for (cl, t) in extra {
        let ci = t.cand;
        if typed[ci].is_none() {
            typed[ci] = Some(t);
            cluster_of[ci] = Some(cl);
        } else {
            // A second name in the same headline run: keep it as its own mention.
            ents.mentions.push(EntityMention {
                start: t.start,
                end: t.end,
                first_tok: t.first_tok,
                cluster: cl,
            });
        }
    }
}

/// Countries and the well-known regions listed with them: names a headline may carry on its own.
fn headline_places() -> &'static HashSet<&'static str> {
    static PLACES: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| {
        [
            include_str!("../../../../assets/knowledge/countries.tsv"),
            include_str!("../../../../assets/knowledge/places_extra.tsv"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect()
    })
}

/// "… as Sudan Fighting Cuts Off Darfur Routes": a country or major region at headline token
/// `i` (up to three words), with where it ends and its gazetteer spelling. Words the article
/// also writes in lower case ("turkey") or that are common words are left out.
fn headline_country(
    text: &Text,
    k: &Knowledge,
    lower: &HashSet<&str>,
    i: usize,
    end: usize,
) -> Option<(usize, String)> {
    (i + 1..=end.min(i + 3)).rev().find_map(|j| {
        let s = text.slice(text.tokens[i].start, text.tokens[j - 1].end);
        let single = j == i + 1;
        // Several words that together name a region ("Nova Scotia") are as safe as a country.
        let region = !single
            && k.lookup(s)
                .is_some_and(|n| n.kind == EntityType::Place && !n.town);
        if !(headline_places().contains(s) || region)
            || single
                && (s.chars().count() < 4
                    || k.common_words.contains(s)
                    || lower.contains(s.to_lowercase().as_str()))
        {
            return None;
        }
        let known = k.lookup(s).filter(|n| n.kind == EntityType::Place)?;
        Some((j, known.canonical.clone()))
    })
}

/// "Lachlan “Lockie” Moore" → "Lachlan Moore": the name without a quoted nickname.
fn without_nickname(s: &str) -> std::borrow::Cow<'_, str> {
    let Some(open) = s.find(['“', '"', '‘']) else {
        return s.into();
    };
    let mark = s[open..].chars().next().map_or(1, char::len_utf8);
    let rest = &s[open + mark..];
    let Some(close) = rest.find(['”', '"', '’']) else {
        return s.into();
    };
    let after = rest[close..].chars().next().map_or(0, char::len_utf8);
    let tail = rest[close + after..].trim_start();
    format!("{}{}", &s[..open], tail).into()
}

/// The fullest written name; a gazetteer spelling when the text only has capitals or abbreviations.
fn canonical_name(text: &Text, mentions: &[EntityMention], cl: &Cluster) -> String {
    let mut best: Option<std::borrow::Cow<'_, str>> = None;
    for &m in &cl.mentions {
        let s = without_nickname(text.slice(mentions[m].start, mentions[m].end));
        let shouting = s.chars().any(char::is_alphabetic)
            && !s.chars().any(char::is_lowercase)
            && s.chars().count() > 3
            && cl.kind != EntityType::Org;
        if shouting
            || s.ends_with('.') && cl.kind == EntityType::Place
            || is_acronym(&s) && cl.known.is_some()
        {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|b| s.chars().count() > b.chars().count())
        {
            best = Some(s);
        }
    }
    match (best, &cl.known) {
        (Some(b), Some(known))
            if known.chars().count() > b.chars().count() && cl.kind == EntityType::Org =>
        {
            known.clone()
        }
        (Some(b), _) => b.to_string(),
        (None, Some(known)) => known.clone(),
        (None, None) => cl.mentions.first().map_or_else(String::new, |&m| {
            text.slice(mentions[m].start, mentions[m].end).to_string()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::candidates::find_candidates;
    use crate::analysis::knowledge::knowledge;

    fn entities(s: &str) -> Vec<(String, EntityType, String)> {
        let t = Text::new(s);
        let c = find_candidates(&t, knowledge(), &[]);
        let e = link(&t, knowledge(), &c);
        e.mentions
            .iter()
            .map(|m| {
                (
                    s[m.start..m.end].to_string(),
                    e.clusters[m.cluster].kind,
                    e.clusters[m.cluster].canonical.clone(),
                )
            })
            .collect()
    }

    fn has(got: &[(String, EntityType, String)], surface: &str, kind: EntityType, canonical: &str) {
        assert!(
            got.iter()
                .any(|(s, k, c)| s == surface && *k == kind && c == canonical),
            "no {kind:?} {surface} → {canonical} in {got:?}"
        );
    }

    #[test]
    fn unknown_names_that_read_like_no_person_are_organisations() {
        let got = entities(
            "Corvane Therapeutics said the drug worked. Labour Renewal fell to third place. \
             Shares of Northgate Securities rose, said Leah Brandt.",
        );
        has(
            &got,
            "Corvane Therapeutics",
            EntityType::Org,
            "Corvane Therapeutics",
        );
        has(&got, "Labour Renewal", EntityType::Org, "Labour Renewal");
        has(&got, "Leah Brandt", EntityType::Person, "Leah Brandt");
    }

    #[test]
    fn people_known_by_their_context_not_their_name() {
        let got = entities(
            "The report was written with Mei Tanaka of the University of Arizona. \
             Dr Pryce agreed, and Anwen Pryce later said so. Corporator Sunita Gaikwad voted no.",
        );
        has(&got, "Mei Tanaka", EntityType::Person, "Mei Tanaka");
        has(&got, "Anwen Pryce", EntityType::Person, "Anwen Pryce");
        has(&got, "Sunita Gaikwad", EntityType::Person, "Sunita Gaikwad");
    }

    #[test]
    fn clubs_by_their_coaches_scores_and_appositives() {
        let got = entities(
            "Match Report\nSaltmarsh 27 Harlow Vale 24\nIt ended Harlow Vale’s run. Harlow head \
             coach Andrea Bellucci was angry. They trail leaders Kingsford Athletic, who beat Tamar \
             Valley 38-17. Rangers manager Philippe Clement spoke. The fire grew, according to \
             Alberta Wildfire, the provincial agency that manages fires.",
        );
        for club in [
            "Saltmarsh",
            "Harlow Vale",
            "Harlow",
            "Kingsford Athletic",
            "Tamar Valley",
        ] {
            assert!(
                got.iter()
                    .any(|(s, k, _)| s == club && *k == EntityType::Org),
                "{club} in {got:?}"
            );
        }
        // The score line and the possessive are one club, not a club and a person.
        let harlow: Vec<_> = got.iter().filter(|(s, _, _)| s == "Harlow Vale").collect();
        assert!(harlow.len() == 2 && harlow.iter().all(|(_, k, _)| *k == EntityType::Org));
        has(
            &got,
            "Andrea Bellucci",
            EntityType::Person,
            "Andrea Bellucci",
        );
        has(
            &got,
            "Alberta Wildfire",
            EntityType::Org,
            "Alberta Wildfire",
        );
    }

    #[test]
    fn a_single_word_joins_one_entity_however_it_was_typed() {
        let got = entities(
            "Match Report\nSaltmarsh 27 Harlow Vale 24\nA try lifted Saltmarsh into second. \
             But Saltmarsh kicked the next penalty.",
        );
        let clusters: Vec<&String> = got
            .iter()
            .filter(|(s, _, _)| s == "Saltmarsh")
            .map(|(_, _, c)| c)
            .collect();
        assert_eq!(clusters.len(), 3, "{got:?}");
        let e = {
            let t = Text::new(
                "Match Report\nSaltmarsh 27 Harlow Vale 24\nA try lifted Saltmarsh into second. But Saltmarsh kicked.",
            );
            let c = find_candidates(&t, knowledge(), &[]);
            link(&t, knowledge(), &c)
        };
        let named: Vec<_> = e
            .clusters
            .iter()
            .filter(|c| c.canonical == "Saltmarsh")
            .collect();
        assert_eq!(named.len(), 1);
    }

    #[test]
    fn ratings_units_codes_demonyms_and_respectful_capitals_are_no_names() {
        let got = entities(
            "The state kept its AA+ rating. The port handled 514,000 TEUs. Loans average VND18 \
             million. Every Minnesotan walks past a store the framers of our Constitution knew. \
             Rafiqul Islam, a 52-year-old farmer from Bhurbandha, said so.",
        );
        for s in ["AA", "TEUs", "VND18", "Constitution"] {
            assert!(got.iter().all(|(g, _, _)| g != s), "{s} in {got:?}");
        }
        has(&got, "Minnesotan", EntityType::Norp, "Minnesotan");
        has(&got, "Bhurbandha", EntityType::Place, "Bhurbandha");
    }

    #[test]
    fn a_name_before_a_district_officers_title_is_the_district() {
        let got = entities(
            "The river rose, Dhemaji Deputy Commissioner Pranjal Saikia told reporters. In \
             Dhemaji alone, 2.38 lakh people were hit. Agriculture Commissioner Tomasz \
             Wierzbicki spoke.",
        );
        let dhemaji: Vec<_> = got.iter().filter(|(s, _, _)| s == "Dhemaji").collect();
        assert!(
            dhemaji.len() == 2 && dhemaji.iter().all(|(_, k, _)| *k == EntityType::Place),
            "{got:?}"
        );
        has(&got, "Pranjal Saikia", EntityType::Person, "Pranjal Saikia");
        assert!(got.iter().all(|(s, _, _)| s != "Agriculture"), "{got:?}");
    }

    #[test]
    fn institutions_irish_particles_and_possessive_names() {
        let got = entities(
            "Records began in 2006. University Hospital Limerick accounted for 541 of them. \
             Pádraig Ó Riordáin, whose daughter waits at Children’s Health Ireland, spoke. There \
             are vacant posts in the Health Service Executive today. Centre Kofi Mensah-Rees \
             scored.",
        );
        has(
            &got,
            "University Hospital Limerick",
            EntityType::Place,
            "University Hospital Limerick",
        );
        has(
            &got,
            "Pádraig Ó Riordáin",
            EntityType::Person,
            "Pádraig Ó Riordáin",
        );
        has(
            &got,
            "Children’s Health Ireland",
            EntityType::Org,
            "Children’s Health Ireland",
        );
        has(
            &got,
            "Health Service Executive",
            EntityType::Org,
            "Health Service Executive",
        );
        has(
            &got,
            "Kofi Mensah-Rees",
            EntityType::Person,
            "Kofi Mensah-Rees",
        );
    }

    #[test]
    fn beaten_sides_and_places_of_people_and_hills() {
        let got = entities(
            "Ashcombe Rovers came from behind to beat Port Tilbury. Hallowfield Town drew 0-0 at \
             Merton Vale. Turbines rose in the hills above Lauder, money went to the villages of \
             Lauderdale and the people of Kelso.",
        );
        has(&got, "Port Tilbury", EntityType::Org, "Port Tilbury");
        has(&got, "Merton Vale", EntityType::Org, "Merton Vale");
        has(&got, "Lauder", EntityType::Place, "Lauder");
        has(&got, "Lauderdale", EntityType::Place, "Lauderdale");
    }

    #[test]
    fn a_paternal_surname_in_the_middle_names_the_person() {
        let got = entities(
            "Environment Minister Rodrigo Alarcón Vidal spoke. “We stay,” Alarcón said. John Michael \
             Smith came; Michael stayed home.",
        );
        has(&got, "Alarcón", EntityType::Person, "Rodrigo Alarcón Vidal");
        assert!(
            got.iter()
                .all(|(s, _, c)| s != "Michael" || c != "John Michael Smith"),
            "{got:?}"
        );
    }

    #[test]
    fn unknown_datelines_in_capitals_are_places() {
        let got = entities("KESTREL LAKE, Alta. — More than 7,400 residents left.");
        has(&got, "KESTREL LAKE", EntityType::Place, "KESTREL LAKE");
        has(&got, "Alta.", EntityType::Place, "Alberta");
    }

    #[test]
    fn datelines_and_districts_are_places() {
        let got = entities(
            "Rain Cannot Dampen Byron Bay Crowds\nBYRON BAY, New South Wales — Fans came. \
             The party lost Dundee West.",
        );
        has(&got, "BYRON BAY", EntityType::Place, "Byron Bay");
        has(&got, "Byron Bay", EntityType::Place, "Byron Bay");
        has(&got, "Dundee West", EntityType::Place, "Dundee West");
    }

    #[test]
    fn a_sentence_initial_name_before_a_past_tense_verb() {
        let got = entities("Arriva welcomed the decision. Rain fell across the region.");
        has(&got, "Arriva", EntityType::Org, "Arriva");
        assert!(got.iter().all(|(s, _, _)| s != "Rain"), "{got:?}");
    }

    #[test]
    fn a_name_ending_in_a_job_word_after_an_organisation_noun() {
        let got = entities(
            "The campaign group Global Witness said so. Our Legal Affairs Correspondent reports.",
        );
        has(&got, "Global Witness", EntityType::Org, "Global Witness");
        assert!(
            got.iter().all(|(s, _, _)| !s.contains("Correspondent")),
            "{got:?}"
        );
    }

    #[test]
    fn an_english_word_opening_a_sentence_before_an_acronym() {
        let got = entities("Opposition NDP leader Marit Stiles spoke. The NDP disagreed.");
        has(&got, "NDP", EntityType::Org, "NDP");
        let got = entities("Cricket Australia said 48,212 people attended.");
        has(
            &got,
            "Cricket Australia",
            EntityType::Org,
            "Cricket Australia",
        );
        assert!(
            got.iter().all(|(s, _, _)| !s.contains("Opposition")),
            "{got:?}"
        );
    }

    #[test]
    fn a_headline_country_is_no_demonym_of_the_body() {
        let got = entities(
            "Quake Strikes Southern Philippines\nA quake struck the southern Philippine island.",
        );
        has(&got, "Philippines", EntityType::Place, "Philippines");
    }

    #[test]
    fn prizes_are_bodies_contests_no_entities_and_venues_places() {
        let got = entities(
            "She won the Booker Prize on Tuesday at a dinner held at the Old Billingsgate, \
             before the World Cup final.",
        );
        has(&got, "Booker Prize", EntityType::Org, "Booker Prize");
        assert!(got.iter().all(|(s, _, _)| !s.contains("World")), "{got:?}");
        has(
            &got,
            "Old Billingsgate",
            EntityType::Place,
            "Old Billingsgate",
        );
    }

    #[test]
    fn ranks_named_spokespeople_kin_and_streets() {
        let got = entities(
            "Gauteng police spokesperson Brigadier Brenda Muridili spoke. NPA spokesperson \
             Phindi Mjonondwane said so. His brother, Thabo, was stabbed on Bram Fischer Drive \
             and the case went to the Randburg Magistrate’s Court.",
        );
        has(
            &got,
            "Brenda Muridili",
            EntityType::Person,
            "Brenda Muridili",
        );
        has(
            &got,
            "Phindi Mjonondwane",
            EntityType::Person,
            "Phindi Mjonondwane",
        );
        has(&got, "Thabo", EntityType::Person, "Thabo");
        has(
            &got,
            "Bram Fischer Drive",
            EntityType::Place,
            "Bram Fischer Drive",
        );
        has(
            &got,
            "Randburg Magistrate’s Court",
            EntityType::Org,
            "Randburg Magistrate’s Court",
        );
    }

    #[test]
    fn the_head_of_an_appositive_role_and_adjectives_before_roles() {
        let got = entities(
            "The leader of the council, Tony Dyer, said so. Green councillor Emma Edwards \
             disagreed, and Mr Dyer left.",
        );
        has(&got, "Tony Dyer", EntityType::Person, "Tony Dyer");
        has(&got, "Emma Edwards", EntityType::Person, "Emma Edwards");
        assert!(got.iter().all(|(s, _, _)| s != "Green"), "{got:?}");
    }

    #[test]
    fn a_facility_named_by_its_first_word() {
        let got = entities("Flights left Heathrow Airport on Friday. At Heathrow, queues grew.");
        has(&got, "Heathrow", EntityType::Place, "Heathrow Airport");
    }

    #[test]
    fn a_known_club_lends_its_first_word() {
        let got = entities(
            "Atletico Madrid beat Real Betis on Sunday. Atletico are second in the table.",
        );
        has(&got, "Atletico Madrid", EntityType::Org, "Atletico Madrid");
        has(&got, "Atletico", EntityType::Org, "Atletico Madrid");
    }

    #[test]
    fn a_known_company_opening_a_longer_name() {
        let got =
            entities("The regulator fined Meta Platforms on Monday. Meta said it would appeal.");
        has(&got, "Meta Platforms", EntityType::Org, "Meta Platforms");
        has(&got, "Meta", EntityType::Org, "Meta Platforms");
    }

    #[test]
    fn a_name_before_a_place_noun_is_a_place() {
        let got = entities("Residents of the Maple Court estate said they were terrified.");
        has(&got, "Maple Court", EntityType::Place, "Maple Court");
    }

    #[test]
    fn bylines_datelines_demonyms_and_city_names() {
        let got = entities(
            "Plant Closes\nBy Lerato Mokoena | 15 April 2026\nLUDWIGSHAFEN — The survey of \
             1,204 Nova Scotians was run from Waterfall City, where Bristol City fans met at the \
             Kenyatta International Convention Centre. (Reporting by Liza Navarro and Paolo \
             Dizon)",
        );
        has(&got, "Lerato Mokoena", EntityType::Person, "Lerato Mokoena");
        has(&got, "LUDWIGSHAFEN", EntityType::Place, "LUDWIGSHAFEN");
        has(&got, "Bristol City", EntityType::Org, "Bristol City");
        has(
            &got,
            "Kenyatta International Convention Centre",
            EntityType::Place,
            "Kenyatta International Convention Centre",
        );
        has(&got, "Liza Navarro", EntityType::Person, "Liza Navarro");
        assert!(
            got.iter()
                .all(|(s, k, _)| !s.contains("Scotian") || *k == EntityType::Norp),
            "{got:?}"
        );
    }

    #[test]
    fn countries_in_organisation_names_and_initials() {
        let got = entities(
            "A grant from Poetry Ireland helped. The U.S. Geological Survey measured the quake.",
        );
        has(&got, "Poetry Ireland", EntityType::Org, "Poetry Ireland");
        has(
            &got,
            "U.S. Geological Survey",
            EntityType::Org,
            "U.S. Geological Survey",
        );
    }

    #[test]
    fn short_names_from_parentheses_and_known_as() {
        let got = entities(
            "The quake hit Manay, the Philippine Institute of Volcanology and Seismology \
             (Phivolcs) said. Phivolcs later raised it. The National Disaster Risk Reduction and \
             Management Council (NDRRMC) said homes fell. The Directorate for Priority Crime \
             Investigation, known as the Hawks, took over. The Hawks said so.",
        );
        let phivolcs = "Philippine Institute of Volcanology and Seismology";
        assert_eq!(
            got.iter()
                .filter(|(s, _, c)| s == "Phivolcs" && c == phivolcs)
                .count(),
            2,
            "{got:?}"
        );
        let council = "National Disaster Risk Reduction and Management Council";
        has(&got, "NDRRMC", EntityType::Org, council);
        let hawks = "Directorate for Priority Crime Investigation";
        assert_eq!(
            got.iter()
                .filter(|(s, _, c)| s == "Hawks" && c == hawks)
                .count(),
            2,
            "{got:?}"
        );
    }

    #[test]
    fn towns_standing_for_clubs_and_surnames_alone() {
        let got = entities(
            "Thornbury Athletic beat Woking in the rain. Thornbury scored twice and Hensley \
             hit the bar. Fans travelled from Thornbury. The Toronto Raptors won.",
        );
        assert_eq!(
            got.iter()
                .filter(|(s, k, c)| s == "Thornbury"
                    && *k == EntityType::Org
                    && c == "Thornbury Athletic")
                .count(),
            1,
            "{got:?}"
        );
        has(&got, "Thornbury", EntityType::Place, "Thornbury");
        has(&got, "Hensley", EntityType::Person, "Hensley");
        has(&got, "Toronto Raptors", EntityType::Org, "Toronto Raptors");
    }

    #[test]
    fn a_town_named_before_its_club_or_firm_is_the_town() {
        let got = entities(
            "Lincoln grew rich on wool. Visitors to Lincoln climb Steep Hill, and Lincoln \
             keeps its castle open late. The Lincoln Philharmonic Orchestra plays on Sundays.",
        );
        assert!(
            got.iter()
                .filter(|(s, ..)| s == "Lincoln")
                .all(|(_, k, c)| *k == EntityType::Place && c == "Lincoln"),
            "{got:?}"
        );
    }

    #[test]
    fn a_place_name_alone_is_a_person_only_as_a_surname() {
        let got = entities(
            "Florence Mabry opened the bakery in 1990. Florence is two hours away by train. \
             Michael Jordan retired on Monday. Jordan said he was tired.",
        );
        has(&got, "Florence", EntityType::Place, "Florence");
        has(&got, "Jordan", EntityType::Person, "Michael Jordan");
    }

    #[test]
    fn headlines_shorten_organisation_names_and_rivers_are_places() {
        let got = entities(
            "Rheinfeld Chemie To Cut Jobs\nThe chemicals group Rheinfeld Chemie AG will cut \
             jobs at its plant on the Rhine in Rhineland-Palatinate.",
        );
        has(
            &got,
            "Rheinfeld Chemie",
            EntityType::Org,
            "Rheinfeld Chemie AG",
        );
        has(&got, "Rhine", EntityType::Place, "Rhine");
        has(
            &got,
            "Rhineland-Palatinate",
            EntityType::Place,
            "Rhineland-Palatinate",
        );
    }

    #[test]
    fn short_titles_give_their_full_roles() {
        let t = Text::new("Sen. Rand Paul voted no, and Gov. Gavin Newsom signed it.");
        let e = link(&t, knowledge(), &find_candidates(&t, knowledge(), &[]));
        let roles: Vec<&str> = e
            .clusters
            .iter()
            .flat_map(|c| c.roles.iter().map(String::as_str))
            .collect();
        assert_eq!(roles, vec!["senator", "governor"]);
    }

    #[test]
    fn a_team_line_up_lists_players() {
        let got = entities(
            "Marcus Fairweather scored.\nThornbury: Doherty; Okafor, Fairweather, Hensley, \
             Quinn; Akinyemi, Ward; Tolley (Banks 72), Nightingale.",
        );
        for name in ["Doherty", "Okafor", "Ward", "Banks", "Nightingale"] {
            has(&got, name, EntityType::Person, name);
        }
        has(
            &got,
            "Fairweather",
            EntityType::Person,
            "Marcus Fairweather",
        );
    }

    #[test]
    fn nationalities_countries_portfolios_and_coordinated_places() {
        let got = entities(
            "Ethiopia’s Haile Gebremariam Tessema finished ahead of Italian Renato Ferrandi. \
             Minister for Health Conor Ó Briain visited University Hospital Galway. Rations were \
             cut in Darfur and Kordofan. The Royal College of Surgeons in Ireland (RCSI) and the \
             ACLU of Ohio agreed. The Odisha Bridge and Construction Corporation (OBCC) will \
             build it. Camila Reis Forte, chief economist at Banco Central do Brasil, spoke, and \
             Reis Forte added more.",
        );
        has(
            &got,
            "Haile Gebremariam Tessema",
            EntityType::Person,
            "Haile Gebremariam Tessema",
        );
        has(
            &got,
            "Renato Ferrandi",
            EntityType::Person,
            "Renato Ferrandi",
        );
        has(&got, "Conor Ó Briain", EntityType::Person, "Conor Ó Briain");
        has(
            &got,
            "University Hospital Galway",
            EntityType::Place,
            "University Hospital Galway",
        );
        has(&got, "Kordofan", EntityType::Place, "Kordofan");
        let rcsi = "Royal College of Surgeons in Ireland";
        has(&got, rcsi, EntityType::Org, rcsi);
        has(&got, "RCSI", EntityType::Org, rcsi);
        has(&got, "ACLU of Ohio", EntityType::Org, "ACLU of Ohio");
        let obcc = "Odisha Bridge and Construction Corporation";
        has(&got, "OBCC", EntityType::Org, obcc);
        has(
            &got,
            "Banco Central do Brasil",
            EntityType::Org,
            "Banco Central do Brasil",
        );
        has(&got, "Reis Forte", EntityType::Person, "Camila Reis Forte");
    }

    #[test]
    fn bodies_ending_in_job_words_and_month_spans() {
        let got = entities(
            "Patients at hospitals run by the Health Service Executive (HSE) were followed in \
             July-September.",
        );
        has(
            &got,
            "Health Service Executive",
            EntityType::Org,
            "Health Service Executive",
        );
        has(&got, "HSE", EntityType::Org, "Health Service Executive");
        assert!(got.iter().all(|(s, _, _)| !s.contains("July")), "{got:?}");
    }

    #[test]
    fn a_role_noun_opening_a_sentence_is_no_place() {
        let got = entities("Police said 27 people were charged in Lismore.");
        assert!(got.iter().all(|(s, _, _)| s != "Police"), "{got:?}");
        has(&got, "Lismore", EntityType::Place, "Lismore");
    }

    #[test]
    fn a_nickname_stays_inside_the_name_but_not_the_canonical_name() {
        let got = entities("Singer Lachlan “Lockie” Moore told the crowd. Moore smiled.");
        has(
            &got,
            "Lachlan “Lockie” Moore",
            EntityType::Person,
            "Lachlan Moore",
        );
        has(&got, "Moore", EntityType::Person, "Lachlan Moore");
    }

    #[test]
    fn institutions_with_for_keep_their_acronyms() {
        let got = entities(
            "The study, run by the Southern Cross Institute for Ageing (SCIA), enrolled volunteers. \
             The Office for the Coordination of Humanitarian Affairs (OCHA) warned of famine. \
             Later, OCHA said aid was blocked.",
        );
        let ageing = "Southern Cross Institute for Ageing";
        has(&got, ageing, EntityType::Org, ageing);
        has(&got, "SCIA", EntityType::Org, ageing);
        let ocha = "Office for the Coordination of Humanitarian Affairs";
        has(&got, ocha, EntityType::Org, ocha);
        assert_eq!(
            got.iter().filter(|(s, ..)| s == "OCHA").count(),
            2,
            "{got:?}"
        );
        assert!(
            got.iter()
                .all(|(s, ..)| s != "Ageing" && s != "Coordination")
        );
    }

    #[test]
    fn organisation_endings_beat_person_and_place() {
        let got = entities(
            "Rovers came from behind to beat Bristol City 2-1. Their striker joined on loan from \
             Sporting CP in January. He sits in the House of Lords and chairs the House of Lords \
             Appointments Commission. He sued The Northern Ledger, and the Ledger said it would fight.",
        );
        has(&got, "Bristol City", EntityType::Org, "Bristol City");
        has(&got, "Sporting CP", EntityType::Org, "Sporting CP");
        has(&got, "House of Lords", EntityType::Org, "House of Lords");
        let commission = "House of Lords Appointments Commission";
        has(&got, commission, EntityType::Org, commission);
        has(
            &got,
            "The Northern Ledger",
            EntityType::Org,
            "The Northern Ledger",
        );
        has(&got, "Ledger", EntityType::Org, "The Northern Ledger");
    }

    #[test]
    fn a_titled_surname_goes_to_the_person_of_its_gender() {
        let got = entities(
            "Hillary Clinton spoke in Ohio, joined by her husband, Bill Clinton. Mrs. Clinton \
             thanked the crowd. Mr. Clinton spoke after her. Then Mrs. Clinton left, and \
             Clinton stayed.",
        );
        let people: Vec<&str> = got
            .iter()
            .filter(|(_, k, _)| *k == EntityType::Person)
            .map(|(_, _, c)| c.as_str())
            .collect();
        assert_eq!(
            people,
            vec![
                "Hillary Clinton",
                "Bill Clinton",
                "Hillary Clinton",
                "Bill Clinton",
                "Hillary Clinton",
                // Untitled: the full name written last before it.
                "Bill Clinton",
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_titled_surname_nobody_of_its_gender_bears_is_someone_else() {
        let got = entities("Bill Clinton spoke first. Then Mrs. Clinton spoke.");
        let people: Vec<&str> = got
            .iter()
            .filter(|(_, k, _)| *k == EntityType::Person)
            .map(|(_, _, c)| c.as_str())
            .collect();
        assert_eq!(people.len(), 2, "{got:?}");
        assert_ne!(people[1], "Bill Clinton", "{got:?}");
    }

    #[test]
    fn short_forms_link_to_a_later_full_name() {
        let got = entities(
            "The derby was tense. Rovers scored late. Bristol Rovers had trailed until then, \
             and the Rovers fans sang.",
        );
        assert!(
            got.iter()
                .filter(|(s, ..)| s == "Rovers")
                .all(|(_, k, c)| *k == EntityType::Org && c == "Bristol Rovers"),
            "{got:?}"
        );
    }

    #[test]
    fn places_after_prepositions_without_a_cue() {
        let got = entities(
            "Ferry services between Fishguard and Rosslare were suspended. In Brittany, about \
             12,000 households lost power as a second system was forming over the Atlantic. \
             Gusts peaked at Roches Point.",
        );
        for p in [
            "Fishguard",
            "Rosslare",
            "Brittany",
            "Atlantic",
            "Roches Point",
        ] {
            has(&got, p, EntityType::Place, p);
        }
    }

    #[test]
    fn headlands_and_names_after_off_are_places() {
        let got = entities(
            "Ships sheltered off Malin Head overnight. Temperatures reached 40C in Seville. \
             In the Lords, peers objected.",
        );
        has(&got, "Malin Head", EntityType::Place, "Malin Head");
        has(&got, "Lords", EntityType::Org, "House of Lords");
        assert!(got.iter().all(|(s, ..)| s != "C"), "{got:?}");
    }

    #[test]
    fn and_stays_inside_an_institution_name_after_for() {
        let got = entities(
            "The National Institute for Health and Care Excellence (NICE) approved the drug.",
        );
        let nice = "National Institute for Health and Care Excellence";
        has(&got, nice, EntityType::Org, nice);
        has(&got, "NICE", EntityType::Org, nice);
    }

    #[test]
    fn sentence_initial_names_before_a_role_or_with_an_organisation_appositive() {
        let got = entities(
            "The match ended late. Rangers manager Philippe Clement said the win mattered. \
             Lloyds, the bank, said profits rose.",
        );
        has(&got, "Rangers", EntityType::Org, "Rangers");
        has(&got, "Lloyds", EntityType::Org, "Lloyds");
        has(
            &got,
            "Philippe Clement",
            EntityType::Person,
            "Philippe Clement",
        );
    }

    #[test]
    fn titled_people_are_never_places() {
        let got = entities("Mrs Justice Hale said the peer had not been defamed.");
        has(&got, "Hale", EntityType::Person, "Hale");
    }

    #[test]
    fn unit_letters_and_generic_abbreviations_are_not_organisations() {
        let got =
            entities("Samples were stored at minus 80 °C, or −112 °F. Talk to your GP first.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn sentence_initial_one_word_organisations() {
        let got = entities(
            "The council approved the scheme. Arriva, which runs the route, welcomed the vote. \
             Météo-France kept four departments on orange alert, according to Met Éireann, which \
             said more rain was due.",
        );
        has(&got, "Arriva", EntityType::Org, "Arriva");
        has(&got, "Météo-France", EntityType::Org, "Météo-France");
        has(&got, "Met Éireann", EntityType::Org, "Met Éireann");
    }

    #[test]
    fn names_before_a_role_noun_and_place_adjectives() {
        let got = entities(
            "Rhodri Evans, the Liberal Democrat spokesman, said a Gibraltar-based consultancy was paid. \
             In the Commons, ministers were asked about it.",
        );
        has(
            &got,
            "Liberal Democrat",
            EntityType::Org,
            "Liberal Democrat",
        );
        has(&got, "Commons", EntityType::Org, "House of Commons");
        assert!(got.iter().all(|(s, ..)| s != "Gibraltar-based"), "{got:?}");
    }

    #[test]
    fn job_nouns_at_sentence_start_stay_out_of_names() {
        let got = entities("Forecaster Aoife Brennan said the season was unusual.");
        assert_eq!(
            got,
            vec![(
                "Aoife Brennan".into(),
                EntityType::Person,
                "Aoife Brennan".into()
            )]
        );
    }

    #[test]
    fn headline_short_forms_need_an_organisation_word() {
        let got = entities(
            "Rovers Win as Ferries Halted\n\nBristol Rovers won on Saturday, said Rhian Powell, a director at \
             Celtic Sea Ferries.",
        );
        has(&got, "Rovers", EntityType::Org, "Bristol Rovers");
        assert!(got.iter().all(|(s, ..)| s != "Ferries"), "{got:?}");
    }

    #[test]
    fn a_persons_affiliation_after_of_is_an_organisation() {
        let got = entities("“We decided early,” said Rhian Powell of Celtic Sea Ferries.");
        has(&got, "Rhian Powell", EntityType::Person, "Rhian Powell");
        has(
            &got,
            "Celtic Sea Ferries",
            EntityType::Org,
            "Celtic Sea Ferries",
        );
    }

    #[test]
    fn countries_in_a_title_case_headline_are_places() {
        let got = entities(
            "Aid Agencies Warn of Famine Risk as Sudan Fighting Cuts Off Darfur Routes\n\n\
             Aid agencies said on Tuesday that roads were closed.",
        );
        has(&got, "Sudan", EntityType::Place, "Sudan");
        has(&got, "Darfur", EntityType::Place, "Darfur");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn surnames_link_to_full_names() {
        let got =
            entities("President William Ruto spoke in Nairobi. Later, Ruto said Kenya was ready.");
        assert_eq!(
            got[0],
            (
                "William Ruto".into(),
                EntityType::Person,
                "William Ruto".into()
            )
        );
        assert_eq!(
            got[1],
            ("Nairobi".into(), EntityType::Place, "Nairobi".into())
        );
        assert_eq!(
            got[2],
            ("Ruto".into(), EntityType::Person, "William Ruto".into())
        );
        assert_eq!(got[3], ("Kenya".into(), EntityType::Place, "Kenya".into()));
    }

    #[test]
    fn acronyms_in_parentheses_join_their_name() {
        let got = entities(
            "He called on the Caribbean Community (CARICOM) and the Massachusetts Institute of Technology (MIT). MIT agreed.",
        );
        assert!(got.iter().all(|g| g.1 == EntityType::Org));
        assert_eq!(got[1].2, "Caribbean Community");
        assert_eq!(got[3].2, "Massachusetts Institute of Technology");
        assert_eq!(got[4].2, "Massachusetts Institute of Technology");
    }

    #[test]
    fn sentence_openers_and_common_words_are_not_entities() {
        let got = entities(
            "However, the plan failed. Despite this, Statistically nothing changed. Funding has come.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn headline_keeps_only_names_the_body_uses() {
        let got = entities(
            "Ashgrove Rovers Clinch Third League Title Over Lindenfield\nAshgrove Rovers beat Lindenfield United on Saturday.",
        );
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Ashgrove Rovers",
                "Lindenfield",
                "Ashgrove Rovers",
                "Lindenfield United"
            ]
        );
        assert_eq!(got[1].2, "Lindenfield United");
    }

    #[test]
    fn datelines_in_capitals_use_the_written_or_gazetteer_name() {
        let got = entities(
            "Airline Deal Agreed\nSAO PAULO (Reuters) - The airline flies from São Paulo. PORTLAND, Ore. - The vote.",
        );
        assert_eq!(got[0].0, "SAO PAULO");
        assert_eq!(got[0].2, "São Paulo");
        assert_eq!(got[1].1, EntityType::Org);
        let ore = got.iter().find(|g| g.0 == "Ore.").unwrap();
        assert_eq!(ore.2, "Oregon");
    }

    #[test]
    fn honorifics_beat_place_endings_and_link_surnames() {
        let got =
            entities("Its chief executive, Daniel Park, spoke. Later Mr. Park flew to Seattle.");
        assert_eq!(
            got[0],
            (
                "Daniel Park".into(),
                EntityType::Person,
                "Daniel Park".into()
            )
        );
        assert_eq!(
            got[1],
            ("Park".into(), EntityType::Person, "Daniel Park".into())
        );
        assert_eq!(got[2].1, EntityType::Place);
    }

    #[test]
    fn company_endings_agency_datelines_and_capitalised_common_nouns() {
        let got = entities(
            "DENVER (AP) — Analysts at Goldman Sachs said Northwind Corp. would fight. Northwind agreed. The Government said nothing.",
        );
        assert_eq!(got[0].1, EntityType::Place);
        assert_eq!(
            got[1],
            ("AP".into(), EntityType::Org, "Associated Press".into())
        );
        assert_eq!(
            got[2],
            (
                "Goldman Sachs".into(),
                EntityType::Org,
                "Goldman Sachs".into()
            )
        );
        assert_eq!(got[3].2, "Northwind Corp.");
        assert_eq!(got[4].2, "Northwind Corp.");
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn names_with_particles_link_by_their_end() {
        let got = entities("He met Ursula von der Leyen in May. Von der Leyen said little.");
        assert_eq!(got[0].0, "Ursula von der Leyen");
        assert_eq!(
            got[1],
            (
                "Von der Leyen".into(),
                EntityType::Person,
                "Ursula von der Leyen".into()
            )
        );
    }

    #[test]
    fn roles_are_recorded() {
        let t = Text::new(
            "His spokeswoman, Renee Albright, spoke. Then Ofwat, the regulator for England, agreed. Mayor Keith Wilson left.",
        );
        let c = find_candidates(&t, knowledge(), &[]);
        let e = link(&t, knowledge(), &c);
        let roles = |name: &str| {
            e.clusters
                .iter()
                .find(|c| c.canonical == name)
                .unwrap()
                .roles
                .clone()
        };
        assert_eq!(roles("Renee Albright"), vec!["spokeswoman"]);
        assert_eq!(roles("Ofwat"), vec!["regulator"]);
        assert_eq!(roles("Keith Wilson"), vec!["mayor"]);
    }
}
