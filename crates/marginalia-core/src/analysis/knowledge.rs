//! The word lists and gazetteers the analysis consults, compiled into the binary from `assets/knowledge/`.
//!
//! Knowledge lives in data files (see `assets/README.md` for sources and licences) so it can be
//! extended without touching the rules; it is parsed once, on first use, and shared read-only.

use super::fast_hash::{HashMap, HashSet};
use std::sync::OnceLock;

use super::EntityType;

/// What a gazetteer says about a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownName {
    /// The type the name has.
    pub kind: EntityType,
    /// The standard spelling ("São Paulo" for "Sao Paulo").
    pub canonical: String,
    /// Whether it is a town or city (not a country or region): towns lend their names to
    /// clubs and firms ("Thornbury" for "Thornbury Athletic").
    pub town: bool,
}

/// All loaded knowledge.
#[derive(Debug, Default)]
pub struct Knowledge {
    /// Places, organisations and demonyms by surface form.
    pub names: HashMap<String, KnownName>,
    /// Canonical names of the companies and clubs: a word of theirs can stand for the whole
    /// ("Goldman" for "Goldman Sachs", "Rovers" for "Bristol Rovers"), unlike one of the
    /// hand-written international bodies' ("Union" is not the European Union).
    pub shortening: HashSet<String>,
    /// Title words ("President", "Dr").
    pub titles: HashSet<String>,
    /// Words that make a title only before another title word ("Prime", "Council").
    pub title_modifiers: HashSet<String>,
    /// Letters after a name ("KC").
    pub postnominals: HashSet<String>,
    /// Speech verbs in all their forms, lower case.
    pub speech_verbs: HashSet<String>,
    /// Last words of organisation names.
    pub org_words: HashSet<String>,
    /// Last words of place names.
    pub place_words: HashSet<String>,
    /// First words of place names.
    pub place_heads: HashSet<String>,
    /// Capitalised words that are not names by themselves.
    pub common_words: HashSet<String>,
    /// Role nouns; the value says whether the role may stand for an organisation.
    pub role_nouns: HashMap<String, bool>,
    /// Given names in many languages ("Aoife", "Garry", "Wanjiru").
    pub given_names: WordList,
    /// Family names in many languages ("Okafor", "Lindqvist").
    pub surnames: WordList,
    /// Common English words, all in lower case ("rain", "welcomed").
    pub english_words: WordList,
    /// Given names only ever given to girls in the source lists ("Aoife").
    pub female_names: WordList,
    /// Given names only ever given to boys in the source lists ("Cathal").
    pub male_names: WordList,
}

/// A long word list kept as slices of the compiled-in file (no copies of its some 100,000
/// words), hashed for lookups that every candidate name makes several times.
#[derive(Debug, Default)]
pub struct WordList(HashSet<&'static str>);

impl WordList {
    fn new(data: &'static str) -> Self {
        Self(lines(data).collect())
    }

    /// Whether `word` is in the list (exact spelling).
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

fn lines(data: &str) -> impl Iterator<Item = &str> + '_ {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn word_set(data: &str) -> HashSet<String> {
    lines(data).map(str::to_string).collect()
}

fn add_names(names: &mut HashMap<String, KnownName>, data: &str, kind: EntityType, town: bool) {
    for line in lines(data) {
        let mut parts = line.split('\t');
        let (Some(surface), Some(canonical)) = (parts.next(), parts.next()) else {
            continue;
        };
        // The first source to name a surface wins (countries before cities).
        names.entry(surface.to_string()).or_insert(KnownName {
            kind,
            canonical: canonical.to_string(),
            town,
        });
    }
}

impl Knowledge {
    fn load() -> Self {
        let mut names = HashMap::default();
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/orgs.tsv"),
            EntityType::Org,
            false,
        );
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/places_extra.tsv"),
            EntityType::Place,
            false,
        );
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/countries.tsv"),
            EntityType::Place,
            false,
        );
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/demonyms.tsv"),
            EntityType::Norp,
            false,
        );
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/groups.tsv"),
            EntityType::Norp,
            false,
        );
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/regions.tsv"),
            EntityType::Place,
            false,
        );
        add_names(
            &mut names,
            include_str!("../../../../assets/knowledge/cities.tsv"),
            EntityType::Place,
            true,
        );
        // Companies and clubs come last: their lists leave out any name the others hold.
        let mut shortening = HashSet::default();
        for list in [
            include_str!("../../../../assets/knowledge/companies.tsv"),
            include_str!("../../../../assets/knowledge/clubs.tsv"),
        ] {
            add_names(&mut names, list, EntityType::Org, false);
            shortening.extend(lines(list).filter_map(|l| Some(l.split('\t').nth(1)?.to_string())));
        }
        let role_nouns = lines(include_str!("../../../../assets/knowledge/role_nouns.txt"))
            .map(|l| match l.strip_suffix('*') {
                Some(w) => (w.to_string(), true),
                None => (l.to_string(), false),
            })
            .collect();
        Self {
            names,
            shortening,
            titles: word_set(include_str!("../../../../assets/knowledge/titles.txt")),
            title_modifiers: word_set(include_str!(
                "../../../../assets/knowledge/title_modifiers.txt"
            )),
            postnominals: word_set(include_str!(
                "../../../../assets/knowledge/postnominals.txt"
            )),
            speech_verbs: word_set(include_str!(
                "../../../../assets/knowledge/speech_verbs.txt"
            )),
            org_words: word_set(include_str!("../../../../assets/knowledge/org_words.txt")),
            place_words: word_set(include_str!("../../../../assets/knowledge/place_words.txt")),
            place_heads: word_set(include_str!("../../../../assets/knowledge/place_heads.txt")),
            common_words: word_set(include_str!(
                "../../../../assets/knowledge/common_words.txt"
            )),
            role_nouns,
            given_names: WordList::new(include_str!(
                "../../../../assets/knowledge/given_names.txt"
            )),
            surnames: WordList::new(include_str!("../../../../assets/knowledge/surnames.txt")),
            english_words: WordList::new(include_str!(
                "../../../../assets/knowledge/english_words.txt"
            )),
            female_names: WordList::new(include_str!(
                "../../../../assets/knowledge/female_names.txt"
            )),
            male_names: WordList::new(include_str!("../../../../assets/knowledge/male_names.txt")),
        }
    }

    /// Whether a given name marks a woman (`Some(true)`) or a man (`Some(false)`).
    pub fn gender_of_name(&self, given: &str) -> Option<bool> {
        if self.female_names.contains(given) {
            Some(true)
        } else if self.male_names.contains(given) {
            Some(false)
        } else {
            None
        }
    }

    /// Whether a run of name words reads like a person's name: a known given name first, a
    /// known family name last, or an initial ("J. K. Rowling"). Names in capitals are looked up
    /// in title case.
    pub fn person_like(&self, words: &[&str]) -> bool {
        fn fixed(w: &str) -> std::borrow::Cow<'_, str> {
            if w.chars().any(char::is_lowercase) {
                w.into()
            } else {
                title_case(w).into()
            }
        }
        // "J." is an initial; "U.S." is a country.
        let initial = |w: &str| {
            w.ends_with('.')
                && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
                && w.chars().all(|c| !c.is_lowercase())
                && self.lookup(w).is_none()
        };
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        // "Jean-Robert": either half of a hyphenated given name.
        let given = |w: &str| {
            let w = fixed(w);
            self.given_names.contains(&w) || w.split('-').any(|p| self.given_names.contains(p))
        };
        // "Poetry Ireland": a family name that is also a place's says nothing.
        words.len() >= 2
            && (given(first)
                || self.surnames.contains(&fixed(last)) && self.lookup(last).is_none()
                || words[..words.len() - 1].iter().any(|w| initial(w)))
    }

    /// Whether `word` (with or without a final ".") is a title.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word.trim_end_matches('.'))
    }

    /// Whether a word of a name can stand for it, given the canonical name the gazetteers gave
    /// it, if any: names they do not know can, and of those they know, companies and clubs.
    pub fn shortens(&self, canonical: Option<&str>) -> bool {
        canonical.is_none_or(|c| self.shortening.contains(c))
    }

    /// Looks a name up as written, then in title case when it is written in capitals ("SAO PAULO").
    pub fn lookup(&self, name: &str) -> Option<&KnownName> {
        if let Some(k) = self.names.get(name) {
            return Some(k);
        }
        if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_alphabetic) {
            return None;
        }
        self.names.get(&title_case(name))
    }
}

/// "SAO PAULO" → "Sao Paulo".
pub fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// The knowledge, loaded on first use.
pub fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(Knowledge::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteers_know_places_demonyms_and_orgs() {
        let k = knowledge();
        assert_eq!(k.lookup("Kenya").unwrap().kind, EntityType::Place);
        assert_eq!(k.lookup("Kenyan").unwrap().kind, EntityType::Norp);
        assert_eq!(k.lookup("Nairobi").unwrap().kind, EntityType::Place);
        assert_eq!(k.lookup("SAO PAULO").unwrap().kind, EntityType::Place);
        assert_eq!(
            k.lookup("CARICOM").unwrap().canonical,
            "Caribbean Community"
        );
        assert_eq!(k.lookup("Ore.").unwrap().canonical, "Oregon");
        assert!(k.lookup("Ruto").is_none());
    }

    #[test]
    fn companies_and_clubs_are_organisations_that_take_no_place_name() {
        let k = knowledge();
        let kind = |name: &str| k.lookup(name).map(|n| n.kind);
        for org in [
            "Goldman Sachs",
            "Morgan Stanley",
            "Real Madrid",
            "Atletico Madrid",
        ] {
            assert_eq!(kind(org), Some(EntityType::Org), "{org}");
        }
        assert_eq!(
            k.lookup("Atletico Madrid").unwrap().canonical,
            "Atlético Madrid"
        );
        // A club named after its town leaves the town a place; a company named by a common
        // word or a surname is not a name by itself.
        assert_eq!(kind("Chelsea"), Some(EntityType::Place));
        assert_eq!(kind("New England"), Some(EntityType::Place));
        assert_eq!(kind("Target"), None);
        assert_eq!(kind("Ford"), None);
        // Their words stand for them ("Atletico"); an international body's do not.
        assert!(k.shortens(Some("Atlético Madrid")) && k.shortens(Some("Goldman Sachs")));
        assert!(!k.shortens(Some("European Union")) && k.shortens(None));
    }

    #[test]
    fn person_like_names() {
        let k = knowledge();
        assert!(k.person_like(&["Aoife", "Brennan"]));
        assert!(k.person_like(&["GARRY", "CONILLE"]));
        assert!(k.person_like(&["J.", "Okonkwo"]));
        assert!(!k.person_like(&["Corvane", "Therapeutics"]));
        assert!(!k.person_like(&["Labour", "Renewal"]));
        assert!(!k.person_like(&["Ruto"]));
    }

    #[test]
    fn word_lists_are_loaded() {
        let k = knowledge();
        assert!(k.is_title("Dr."));
        assert!(k.speech_verbs.contains("insisted"));
        assert!(k.common_words.contains("However"));
        assert!(k.given_names.contains("Aoife"));
        assert!(k.english_words.contains("welcomed") && !k.english_words.contains("arriva"));
        assert!(k.surnames.contains("Okafor") || k.surnames.contains("Lindqvist"));
        assert_eq!(k.role_nouns.get("company"), Some(&true));
        assert_eq!(k.role_nouns.get("spokeswoman"), Some(&false));
    }
}
