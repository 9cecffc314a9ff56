//! The English words the analysis rules look for ("said", "Hospital", "spokes…"), kept as data in
//! `assets/lexicon/` so that the rules read as rules and the words can be reviewed, extended and
//! corrected in one place.
//!
//! Each file groups lists by what their words mean (pronouns, prepositions, titles…), not by the
//! code that reads them. A file is made of sections: a `[name]` line, then one word or phrase per
//! line; lines starting with `#` are comments. The sections are declared once, in the
//! `lexicon!` table below, which names each field after its section, so a list cannot be read
//! under one name and written under another. Case is kept as written: a list of capitalised words
//! is compared with the text as written, a lower-case one with the lower-cased text, as the rules
//! always did.
//!
//! Like the gazetteers of [`super::knowledge`], the files are compiled into the binary and parsed
//! once, on first use (the first analysis), then shared read-only.

use super::fast_hash::HashSet;
use std::sync::OnceLock;

/// A set of words or phrases, for "is it one of these" tests.
///
/// The rules ask about nearly every word of a text, and nearly always the answer is no: the set
/// keeps the lengths and first bytes of its words, which rule most words out without hashing
/// them (as cheap as the string comparisons the rules once made).
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<&'static str>,
    /// Bit `n` set when a word of `n` bytes is in the set (63 for longer words).
    lengths: u64,
    /// Bit `b` set when a word starting with byte `b` is in the set.
    firsts: [u64; 4],
}

impl WordSet {
    fn parse(lines: &[&'static str]) -> Self {
        let mut set = Self::default();
        for &w in lines {
            let Some(&first) = w.as_bytes().first() else {
                continue;
            };
            set.lengths |= Self::length_bit(w);
            set.firsts[usize::from(first >> 6)] |= 1 << (first & 63);
            set.words.insert(w);
        }
        set
    }

    fn length_bit(w: &str) -> u64 {
        1 << w.len().min(63)
    }

    /// Whether `word` is in the set (exact spelling and case).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        self.lengths & Self::length_bit(word) != 0
            && self.firsts[usize::from(first >> 6)] & (1 << (first & 63)) != 0
            && self.words.contains(word)
    }

    /// Every word of the set, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }
}

/// Words in the order the file gives them, for lists whose order matters (endings tried in turn,
/// the first that fits winning).
#[derive(Debug, Default)]
pub struct WordSeq(Vec<&'static str>);

impl WordSeq {
    fn parse(lines: &[&'static str]) -> Self {
        Self(lines.to_vec())
    }

    /// The words in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }

    /// Whether `word` starts with one of the words ("spokeswoman" with "spokes").
    pub fn prefixes(&self, word: &str) -> bool {
        self.0.iter().any(|p| word.starts_with(p))
    }

    /// Whether `word` ends with one of the words ("running" with "ing").
    pub fn suffixes(&self, word: &str) -> bool {
        self.0.iter().any(|s| word.ends_with(s))
    }
}

/// `key | value` lines in file order ("Sen | Senator"); a key may repeat to take several values.
#[derive(Debug, Default)]
pub struct WordPairs(Vec<(&'static str, &'static str)>);

impl WordPairs {
    fn parse(lines: &[&'static str]) -> Self {
        Self(lines.iter().filter_map(|l| split_pair(l)).collect())
    }

    /// The first value given for `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// Whether `key | value` is one of the lines.
    pub fn holds(&self, key: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| *k == key && *v == value)
    }

    /// The values given for `key`, in file order.
    pub fn values_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| *k == key)
            .map(|(_, v)| *v)
    }

    /// Every pair in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().copied()
    }
}

/// Phrases of one or more words, tried longest first (file order among equals).
#[derive(Debug, Default)]
pub struct Phrases(Vec<Vec<&'static str>>);

impl Phrases {
    fn parse(lines: &[&'static str]) -> Self {
        let mut phrases: Vec<Vec<&'static str>> = lines
            .iter()
            .map(|l| l.split_whitespace().collect())
            .collect();
        // A stable sort keeps the file's order among phrases of one length.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Self(phrases)
    }

    /// How many words of the longest phrase that starts at word 0 of `word` (`None` past the end).
    pub fn longest_at<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> Option<usize> {
        self.0
            .iter()
            .find(|p| p.iter().enumerate().all(|(i, w)| word(i) == Some(*w)))
            .map(Vec::len)
    }

    /// Whether one of the phrases ends right before position `end`, `word(i)` giving the word at
    /// position `i`.
    pub fn ends_before<'w>(&self, end: usize, word: impl Fn(usize) -> &'w str) -> bool {
        self.0.iter().any(|p| {
            p.len() <= end
                && p.iter()
                    .enumerate()
                    .all(|(i, w)| word(end - p.len() + i) == *w)
        })
    }
}

/// One phrase shown to people ("speaker unknown"): a section of a single line.
#[derive(Debug, Default)]
pub struct Label(&'static str);

impl Label {
    fn parse(lines: &[&'static str]) -> Self {
        Self(lines.first().copied().unwrap_or_default())
    }

    /// The phrase (empty when the file lacks it, which the tests rule out).
    pub fn text(&self) -> &'static str {
        self.0
    }
}

/// `key | value`, both trimmed; `None` for a line without a `|`.
fn split_pair(line: &'static str) -> Option<(&'static str, &'static str)> {
    let (k, v) = line.split_once('|')?;
    Some((k.trim(), v.trim()))
}

/// A lexicon file cut into its sections: (name, entries) in file order.
#[derive(Debug, Default)]
struct Sections(Vec<(&'static str, Vec<&'static str>)>);

impl Sections {
    /// Splits a file into sections. Entries before the first `[name]` line have no section; they
    /// are kept under the empty name so that [`malformed`] can point at them.
    fn parse(src: &'static str) -> Self {
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for line in src.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                out.push((name.trim(), Vec::new()));
                continue;
            }
            match out.last_mut() {
                Some((_, entries)) => entries.push(line),
                None => out.push(("", vec![line])),
            }
        }
        Self(out)
    }

    /// The entries of section `name` (none when the file lacks it).
    fn entries(&self, name: &str) -> &[&'static str] {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, e)| e.as_slice())
    }
}

/// Declares the lexicon: for each file, a struct whose fields are its sections, each with the
/// type that parses it; then [`Words`], which holds one struct per file, and `FILES`.
macro_rules! lexicon {
    ($(
        $(#[$file_doc:meta])*
        $file:ident: $Group:ident {
            $( $(#[$doc:meta])* $field:ident: $Ty:ident, )*
        }
    )*) => {
        $(
            $(#[$file_doc])*
            #[derive(Debug, Default)]
            pub struct $Group {
                $( $(#[$doc])* pub $field: $Ty, )*
            }

            impl $Group {
                /// The file's text, compiled in.
                const TEXT: &'static str =
                    include_str!(concat!("../../../../assets/lexicon/", stringify!($file), ".txt"));
                /// The sections the rules read, with the form of their lines.
                const SECTIONS: &'static [(&'static str, Form)] =
                    &[$((stringify!($field), $Ty::FORM)),*];

                fn load() -> Self {
                    let sections = Sections::parse(Self::TEXT);
                    Self { $( $field: $Ty::parse(sections.entries(stringify!($field))), )* }
                }
            }
        )*

        /// Every word list of the analysis, by the file it lives in.
        #[derive(Debug, Default)]
        pub struct Words {
            $( $(#[$file_doc])* pub $file: $Group, )*
        }

        impl Words {
            fn load() -> Self {
                Self { $( $file: $Group::load(), )* }
            }
        }

        /// Every lexicon file: its name, its text and the sections read from it.
        const FILES: &[(&str, &str, &[(&str, Form)])] =
            &[$((stringify!($file), $Group::TEXT, $Group::SECTIONS)),*];
    };
}

/// What the lines of a section must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Words or phrases, one a line.
    Words,
    /// `key | value` lines.
    Pairs,
    /// One line.
    One,
}

/// The form of the lines a list type reads.
trait LineForm {
    const FORM: Form;
}
impl LineForm for WordSet {
    const FORM: Form = Form::Words;
}
impl LineForm for WordSeq {
    const FORM: Form = Form::Words;
}
impl LineForm for Phrases {
    const FORM: Form = Form::Words;
}
impl LineForm for WordPairs {
    const FORM: Form = Form::Pairs;
}
impl LineForm for Label {
    const FORM: Form = Form::One;
}

lexicon! {
    /// The words of the figure grammar.
    figure_words: FigureWords {
        /// Words and marks that open a figure beyond those of other lists ("a", "−").
        starters: WordSet,
        /// "magnitude" before an earthquake's size.
        magnitude: WordSet,
        /// "minus": a spelled sign.
        minus: WordSet,
        /// "plus" of "plus or minus".
        plus: WordSet,
        /// "mid", "pre"… joined to a year by a hyphen.
        year_prefixes: WordSet,
        /// "end", "start" joined to a number by a hyphen: no part of a name.
        period_edges: WordSet,
        /// Street words after an address number.
        streets: WordSet,
        /// "year", "years" after an age.
        age_years: WordSet,
        /// "old" of "years old".
        age_old: WordSet,
        /// "per" before a unit.
        per: WordSet,
        /// "half".
        half: WordSet,
        /// Words before "half" that make it no amount ("a half", "and a half").
        not_before_half: WordSet,
        /// Words after "half" that make it an amount ("half of", "half the").
        half_followers: WordSet,
        /// Words before "a third" that make it a fraction ("by", "than").
        fraction_lead: WordSet,
        /// "in", "out of" between two numbers.
        ratio_links: Phrases,
        /// "every" of "one in every four".
        ratio_every: WordSet,
        /// Words before "second" that make it a unit of time ("per second").
        time_unit_before: WordSet,
        /// Words after "second" that make it a unit of time ("seconds later").
        time_unit_after: WordSet,
        /// Plurals that name a vague amount before "of" ("dozens of").
        vague_amounts: WordSet,
        /// Scales after a vague amount ("tens of thousands").
        vague_scales: WordSet,
        /// "and" inside a spelled number ("three hundred and forty").
        number_joiners: WordSet,
        /// "and a half" after a spelled number.
        and_a_half: Phrases,
    }

    /// The words shown to people for what the analysis found.
    labels: Labels {
        /// Name of a count.
        kind_cardinal: Label,
        /// Name of a percentage.
        kind_percent: Label,
        /// Name of an amount of money.
        kind_money: Label,
        /// Name of a quantity.
        kind_quantity: Label,
        /// Name of a date.
        kind_date: Label,
        /// Name of an ordinal.
        kind_ordinal: Label,
        /// Name of a fraction.
        kind_fraction: Label,
        /// Name of a person entity.
        type_person: Label,
        /// Name of an organisation entity.
        type_org: Label,
        /// Name of a place entity.
        type_place: Label,
        /// Name of a group entity (nationality, religion, party).
        type_norp: Label,
        /// Precision of a relative date.
        precision_relative: Label,
        /// Precision of a vague amount.
        precision_vague: Label,
        /// Precision of an approximate figure.
        precision_approximate: Label,
        /// Precision of a date that names a year.
        precision_year: Label,
        /// Precision of a date that names a month.
        precision_month: Label,
        /// Precision of a date that names a day.
        precision_day: Label,
        /// Precision of an exact number.
        precision_exact: Label,
        /// Value of a date with no fixed day.
        relative_date: Label,
        /// Value of a vague amount.
        no_value: Label,
        /// Speaker of a quote nobody could be found for.
        speaker_unknown: Label,
        /// Speaker of such quotes in the list of who is quoted.
        unattributed: Label,
        /// Large numbers in words, largest first ("1e9 | billion").
        scale_names: WordPairs,
        /// Fractions with a common name ("1/2 | half"), the first that fits winning.
        fraction_names: WordPairs,
    }

    /// Abbreviations that keep their full stop.
    abbreviations: Abbreviations {
        /// Written with a full stop that does not end the sentence ("Dr", "Calif").
        keep_period: WordSet,
    }

    /// Articles, conjunctions and relative pronouns.
    function_words: FunctionWords {
        /// "the".
        definite_article: WordSet,
        /// "The", capitalised mid-sentence as part of a name.
        definite_article_capitalised: WordSet,
        /// "the", "a", "an" (lower-cased text).
        articles: WordSet,
        /// "known as": gives an organisation a short name.
        alias_cues: Phrases,
        /// "and".
        and: WordSet,
        /// "and", "or" between coordinated names.
        coordinators: WordSet,
        /// "of", "for", "&", "and": join the parts of one name.
        name_joiners: WordSet,
        /// Words a headline does not cut an organisation's name after.
        headline_name_links: WordSet,
        /// Longer words a Title Case headline leaves lower-cased ("into", "with").
        title_case_lowercase: WordSet,
        /// "who": the relative pronoun of people.
        relative_person: WordSet,
        /// "which": the relative pronoun of things and organisations.
        relative_thing: WordSet,
        /// "the", "The".
        the_any_case: WordSet,
        /// "A", "An", "The" opening a sentence.
        articles_capitalised: WordSet,
        /// "a", "an", "one", "another": someone unnamed.
        indefinites: WordSet,
        /// Determiners that make a role noun stand for someone (lower-cased text).
        role_determiners: WordSet,
        /// "the", "this": a role that points back (lower-cased text).
        definite_determiners: WordSet,
        /// Determiners before a role noun, in both cases.
        determiners: WordSet,
        /// Small words that join a name after an organisation noun.
        after_org_noun: WordSet,
        /// "&", "und", "et" inside a name.
        ampersands: WordSet,
        /// Words that show an institution's name goes on.
        name_continues: WordSet,
        /// Words that end an appositive before its head noun.
        appositive_ends: WordSet,
    }

    /// Prepositions, by what they say about the name after them.
    prepositions: Prepositions {
        /// "off", "near", "between" a place (lower-cased text).
        beside: WordSet,
        /// Before a town's name: the town, not its club (lower-cased text).
        town_location: WordSet,
        /// Before a single unknown word: a place (lower-cased text).
        place_before: WordSet,
        /// Before "the" and a single word: a place ("over the Atlantic").
        over_the: WordSet,
        /// "between" (lower-cased text).
        between: WordSet,
        /// "from": where people come from.
        origin: WordSet,
        /// "of", "for": the head of a name comes before them.
        name_links: WordSet,
        /// "for": inside a name, an organisation's.
        purpose: WordSet,
        /// Between a role and a name: the name employs the role.
        employer: WordSet,
        /// Before "the" and a name: a venue.
        venue: WordSet,
        /// Before a name of several words: a place.
        place_after: WordSet,
        /// "on", "via": where something was posted.
        platform: WordSet,
        /// Before a name that is an object, not a subject.
        object_markers: WordSet,
        /// Before a place that only says where the speakers are.
        speaker_location: WordSet,
        /// Between a member's name and the organisation's.
        membership: WordSet,
        /// After a score, before the side played.
        score_sides: WordSet,
    }

    /// Pronouns and possessive determiners.
    pronouns: Pronouns {
        /// "our", "their"… before a common word capitalised for respect.
        respectful_possessives: WordSet,
        /// "she", "he" right after a speech verb.
        personal_subjects: WordSet,
        /// Personal pronouns and possessives that stand for a person who speaks.
        personal: WordSet,
        /// "his", "her".
        personal_possessives: WordSet,
        /// "it", "they": stand for an organisation.
        impersonal: WordSet,
        /// "his", "its", "their"… before a role.
        possessives: WordSet,
    }

    /// Words that mark a person's gender.
    gender: Gender {
        /// Titles, roles and family words for a woman (lower case).
        female_words: WordSet,
        /// Titles, roles and family words for a man (lower case).
        male_words: WordSet,
        /// Pronouns that point back to a woman.
        female_pronouns: WordSet,
        /// Pronouns that point back to a man.
        male_pronouns: WordSet,
    }

    /// Titles: short forms and courtesy titles.
    titles: Titles {
        /// Courtesy titles that are no role.
        courtesy_not_roles: WordSet,
        /// Short title → the role it stands for ("Sen" → "Senator").
        short_forms: WordPairs,
        /// Role noun → a title it stands for ("judge" → "justice").
        for_roles: WordPairs,
        /// Titles only ever before a person's name ("Mr", "Mx").
        honorifics: WordSet,
        /// Government titles that take a portfolio before them ("Minister").
        with_portfolio: WordSet,
        /// Peers' titles ("Lord", "Baroness").
        peers: WordSet,
        /// Titles that govern a town or district ("District Commissioner", "Mayor").
        governing: Phrases,
    }

    /// Nouns for what people do and who they are.
    roles: Roles {
        /// Roles after the name of the organisation that employs them ("Rangers manager").
        staff: WordSet,
        /// "people", "residents"… of a place.
        inhabitants: WordSet,
        /// "people", "residents"… from a place.
        people_from: WordSet,
        /// "spokes": the start of every spokesperson's role.
        spokesperson_prefixes: WordSeq,
        /// "representative".
        representatives: WordSet,
        /// Roles only a business holds ("the company").
        business: WordSet,
        /// Job nouns beyond the knowledge base's role nouns.
        job_nouns: WordSet,
        /// Roles a club or firm gives a named person ("coach", "founder").
        employer: WordSet,
    }

    /// Verbs and auxiliaries.
    verbs: Verbs {
        /// "Reporting by", "Photos by" (lower-cased text).
        byline: WordSet,
        /// Words between a subject and its verb ("had", "also").
        auxiliaries: WordSet,
        /// "beat", "defeated": the side after them lost.
        victory: WordSet,
    }

    /// Words about saying things.
    speech: Speech {
        /// "ruled", "found": report what someone said or decided.
        reporting_verbs: WordSet,
        /// "statement": issued by someone who speaks through it.
        statement_nouns: WordSet,
        /// "said", "told": a verb that starts the next clause after a name and a comma.
        clause_verbs: WordSet,
    }

    /// Words inside or around people's names that are no names.
    names: Names {
        /// Lower-case particles inside people's names ("von", "da").
        particles: WordSet,
        /// Particles only people's names have ("bin", "Ó").
        person_particles: WordSet,
        /// Diseases named after people ("Parkinson").
        disease_eponyms: WordSet,
        /// Words whose possessive opens an institution's name ("King").
        possessive_heads: WordSet,
        /// "St", "Saint" before a possessive.
        saints: WordSet,
        /// Heads of storms' and events' names ("Hurricane").
        event_heads: WordSet,
        /// Tails of contests' and trophies' names ("Cup").
        award_tails: WordSet,
    }

    /// Nouns around place names.
    places: Places {
        /// Compass words that make regions ("North", "Central").
        directions: WordSet,
        /// "island", "town"… before "of" and a place.
        nouns_of: WordSet,
        /// "estate", "suburb"… right after a place's name.
        nouns_after: WordSet,
    }

    /// Words in the names of institutions, buildings and facilities.
    institutions: Institutions {
        /// "Hospital", "Infirmary": buildings.
        hospitals: WordSet,
        /// "City" after a town: a club.
        club_endings: WordSet,
        /// "Centre", "Center".
        centres: WordSet,
        /// Kinds of venue that make a centre a building.
        venue_kinds: WordSet,
        /// Bodies whose members are named as "X of the …".
        member_bodies: WordSet,
        /// Bodies that govern or serve a place.
        place_serving_bodies: WordSet,
        /// Public bodies, which are never "the company".
        public_bodies: WordSet,
        /// Facilities named later by their first word ("Heathrow").
        facilities: WordSet,
        /// "National", "State", "Nature" inside a facility's name.
        facility_qualifiers: WordSet,
        /// Head words that take "of" or "for" inside a name ("Bank", "Institute").
        connector_heads: WordSet,
    }

    /// Word endings.
    endings: Endings {
        /// Endings of common words that are no speaker even before a speech verb.
        common_word: WordSeq,
        /// "ing", "ly": participles and adverbs.
        participle_adverb: WordSeq,
        /// Demonym plural endings, in the order tried.
        demonym_plural: WordSeq,
        /// Demonym singular endings, in the order tried.
        demonym_singular: WordSeq,
        /// "ing": a participle.
        participle: WordSeq,
        /// Endings of nouns that name what someone does ("-er", "-ist").
        agentive: WordSeq,
        /// Endings of words ending in "s" that are no plurals ("glass", "bonus", "famous").
        not_plural: WordSeq,
    }
}

impl Roles {
    /// Whether a role is a spokesperson's ("spokeswoman").
    pub fn is_spokesperson(&self, role: &str) -> bool {
        self.spokesperson_prefixes.prefixes(role)
    }
}

/// The shared lexicon, parsed on first use.
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(Words::load)
}

/// What is wrong with the form of the lexicon files, one line per problem ("file [section]: …"):
/// files without a header comment, entries outside a section, sections the rules read that are
/// missing, empty or given twice, sections no rule reads, and `key | value` sections with a line
/// that is no pair. The tests require none.
pub fn malformed() -> Vec<String> {
    let mut out = Vec::new();
    for (file, text, read) in FILES {
        if !text.trim_start().starts_with('#') {
            out.push(format!("{file}: no header comment"));
        }
        let sections = Sections::parse(text);
        for (name, _) in &sections.0 {
            if name.is_empty() {
                out.push(format!("{file}: entries before the first section"));
            } else if !read.iter().any(|(r, _)| r == name) {
                out.push(format!("{file} [{name}]: no rule reads this section"));
            }
        }
        for (name, form) in *read {
            let entries = sections.entries(name);
            if entries.is_empty() {
                out.push(format!("{file} [{name}]: missing or empty"));
            }
            if sections.0.iter().filter(|(n, _)| n == name).count() > 1 {
                out.push(format!("{file} [{name}]: section given twice"));
            }
            let pairs = *form == Form::Pairs;
            if let Some(bad) = entries.iter().find(|l| pairs && split_pair(l).is_none()) {
                out.push(format!("{file} [{name}]: {bad:?} is not `key | value`"));
            }
            if *form == Form::One && entries.len() > 1 {
                out.push(format!("{file} [{name}]: a label has one line"));
            }
        }
    }
    out
}

/// Entries given twice in one section, as "file [section]: entry". The tests require none: a
/// repeated word is harmless to a set but usually means a list was merged carelessly.
pub fn duplicates() -> Vec<String> {
    let mut out = Vec::new();
    for (file, text, _) in FILES {
        for (name, entries) in &Sections::parse(text).0 {
            let mut seen: HashSet<&str> = HashSet::default();
            for e in entries {
                if !seen.insert(e) {
                    out.push(format!("{file} [{name}]: {e:?}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_parses_and_is_non_empty() {
        let problems = malformed();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // Loading reads every section into its field.
        let w = Words::load();
        assert!(w.function_words.definite_article.contains("the"));
        assert!(!w.function_words.definite_article.contains("The"));
    }

    #[test]
    fn no_lexicon_has_duplicate_entries() {
        let found = duplicates();
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn lookups_keep_case_and_order() {
        let set = WordSet::parse(&["Hospital", "und", "&"]);
        assert!(set.contains("Hospital") && set.contains("&") && set.contains("und"));
        assert!(!set.contains("hospital") && !set.contains("Hospitals") && !set.contains(""));
        let seq = WordSeq::parse(&["nians", "ians", "n"]);
        assert_eq!(seq.iter().collect::<Vec<_>>(), ["nians", "ians", "n"]);
        assert!(seq.suffixes("Italians") && !seq.suffixes("Kenya"));
        let pairs = WordPairs::parse(&["judge | justice", "judge|judge", "broken"]);
        assert_eq!(
            pairs.values_of("judge").collect::<Vec<_>>(),
            ["justice", "judge"]
        );
        assert!(pairs.holds("judge", "judge") && pairs.get("broken").is_none());
        let phrases = Phrases::parse(&["Mayor", "Deputy Commissioner"]);
        let words = ["Deputy", "Commissioner", "Jane"];
        assert_eq!(phrases.longest_at(|i| words.get(i).copied()), Some(2));
        assert!(phrases.ends_before(2, |i| words[i]));
        assert!(!phrases.ends_before(1, |i| words[i]));
    }

    #[test]
    fn sections_split_on_their_headers() {
        let s = Sections::parse("# about\n[a]\none\n  two words  \n\n# note\n[b]\nthree\n");
        assert_eq!(s.entries("a"), ["one", "two words"]);
        assert_eq!(s.entries("b"), ["three"]);
        assert!(s.entries("c").is_empty());
    }
}
