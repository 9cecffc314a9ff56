//! Entity candidates: runs of capitalised words, with titles, honorifics and leading function
//! words stripped off, and the clues around each run (a title, a role noun before it, an
//! appositive role after it, a parenthesised acronym) that later passes use to type and link it.

use super::knowledge::Knowledge;
use super::quotes::RawQuote;
use super::text::{Text, TokKind};
use super::words::words;

/// A capitalised run that may name an entity (byte offsets; titles not included).
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    /// First byte of the name.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// First token of the name.
    pub first_tok: usize,
    /// One past its last token.
    pub end_tok: usize,
    /// Title words stripped from the front ("Prime Minister", "Lady Justice").
    pub title: Option<String>,
    /// A lower-case role noun right before the name ("spokesman", "firm").
    pub role_before: Option<String>,
    /// The head noun of an appositive after the name ("Ofwat, the regulator for …").
    pub role_after: Option<String>,
    /// Whether the first word's capital may only mark a sentence start or a headline.
    pub uncertain: bool,
    /// Whether the name is an acronym in parentheses right after another candidate.
    pub acronym_of_previous: bool,
    /// Whether the run is in the headline.
    pub in_headline: bool,
}

/// Whether the capitalised words from `i` are one organisation or place word ("Court",
/// "Office", "Hospital") and nothing more.
fn possessed_institution(text: &Text, k: &Knowledge, i: usize) -> bool {
    let w = text.tok(i);
    let alone = text
        .tokens
        .get(i + 1)
        .is_none_or(|_| !is_cap(text, i + 1) || !same_line(text, i, i + 1));
    alone && (k.org_words.contains(w) || k.place_words.contains(w))
}

/// Whether token `i` starts with a capital and may be part of a name.
pub fn is_cap(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    if t.kind != TokKind::Word {
        return false;
    }
    let w = text.tok(i);
    // Most words are plain ASCII: their first byte answers without decoding.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => {
            if !b.is_ascii_uppercase() {
                return false;
            }
        }
        _ => {
            if !w.starts_with(char::is_uppercase) {
                return false;
            }
        }
    }
    // "Sen. Rand Paul, R-Ky.": a party and state label is no name.
    if let Some((party, state)) = w.split_once('-')
        && matches!(party, "D" | "R" | "I")
        && state.chars().next().is_some_and(char::is_uppercase)
        && state.chars().count() <= 2
    {
        return false;
    }
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 {
        return true;
    }
    // "AP4" is a name; "E195-E2" and "COVID-19" are not, nor is "VND18" (a currency and its
    // amount).
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let prefix = w
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .to_lowercase();
    letters >= 2
        && digits <= 2
        && !w.contains('-')
        && w.chars().all(|c| !c.is_lowercase())
        && !super::figures::lexicon::lexicon().is_currency_prefix(&prefix)
}

/// Finds the candidate names in `text`; names inside a quoted title (“Dark Skies, Bright
/// Futures”) are left out.
pub fn find_candidates(text: &Text, k: &Knowledge, quotes: &[RawQuote]) -> Vec<Candidate> {
    let mut cands = find_all(text, k);
    drop_portfolios(text, k, &mut cands);
    cands.retain(|c| !rating_or_unit(text, c));
    let titles: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| is_title_of_work(text, k, q))
        .map(|q| (q.start, q.end))
        .collect();
    if !titles.is_empty() {
        // Quotes are in text order and do not overlap: the one that could hold a name starts last
        // before it.
        cands.retain(|c| {
            let i = titles.partition_point(|&(a, _)| a <= c.start);
            i == 0 || c.end > titles[i - 1].1
        });
    }
    cands
}

/// "an AA+ rating", "514,000 TEUs": capitals that grade or count things are no names.
fn rating_or_unit(text: &Text, c: &Candidate) -> bool {
    if c.end_tok != c.first_tok + 1 {
        return false;
    }
    let w = text.tok(c.first_tok);
    let caps = |s: &str| s.len() >= 2 && s.chars().all(|ch| ch.is_ascii_uppercase());
    let rating = caps(w)
        && text.tokens.get(c.end_tok).is_some_and(|t| {
            t.start == text.tokens[c.first_tok].end && matches!(text.tok(c.end_tok), "+" | "-")
        })
        && text
            .tokens
            .get(c.end_tok + 1)
            .is_none_or(|t| t.start > text.tokens[c.end_tok].end);
    let unit = w.strip_suffix('s').is_some_and(caps)
        && c.first_tok > 0
        && text.tokens[c.first_tok - 1].kind == TokKind::Number;
    rating || unit
}

/// "Public Safety Minister Colleen Brandvold", "State Revenue and Disaster Management Minister
/// Jogen Hazarika": common words before a title and a name are the minister's portfolio, not a
/// name of their own.
fn drop_portfolios(text: &Text, k: &Knowledge, cands: &mut Vec<Candidate>) {
    let n = text.tokens.len();
    let mut portfolio = vec![false; cands.len()];
    for j in (0..cands.len()).rev() {
        let c = &cands[j];
        let e = c.end_tok;
        // (Only government offices take a portfolio: "Voltaic Chief Executive …" is a firm's.)
        let before_title =
            e + 1 < n && words().titles.with_portfolio.contains(text.tok(e)) && is_cap(text, e + 1);
        let before_portfolio = e < n
            && words().function_words.and.contains(text.tok(e))
            && j + 1 < cands.len()
            && portfolio[j + 1]
            && cands[j + 1].first_tok == e + 1;
        // (The word lookups only for the few names that stand before a title.)
        portfolio[j] = (before_title || before_portfolio)
            && (c.first_tok..c.end_tok).all(|i| {
                k.english_words.contains(text.tok_lower(i)) && k.lookup(text.tok(i)).is_none()
            });
    }
    let mut j = 0;
    cands.retain(|_| {
        j += 1;
        !portfolio[j - 1]
    });
}

/// A closed quotation of two to twelve words, every longer word capitalised.
fn is_title_of_work(text: &Text, k: &Knowledge, q: &RawQuote) -> bool {
    if !q.closed {
        return false;
    }
    let (a, b) = (text.token_at(q.start), text.token_at(q.end));
    let words: Vec<&str> = (a..b)
        .filter(|&i| text.tokens[i].kind == TokKind::Word)
        .map(|i| text.tok(i))
        .collect();
    (2..=12).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || w.chars().count() <= 3 && k.common_words.contains(&title_case_word(w)[..])
        })
}

fn title_case_word(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn find_all(text: &Text, k: &Knowledge) -> Vec<Candidate> {
    let wd = words();
    let mut out: Vec<Candidate> = Vec::new();
    let shouted: Vec<bool> = text
        .paragraphs
        .iter()
        .map(|p| is_shouted(text, p))
        .collect();
    let n = text.tokens.len();
    let mut i = 0;
    while i < n {
        // "R$ 10 billion", "US$5": a currency's letters, not a name.
        let currency =
            i + 1 < n && text.tok(i + 1) == "$" && text.tokens[i + 1].start == text.tokens[i].end;
        if !is_cap(text, i) || currency {
            i += 1;
            continue;
        }
        // "minus 80 °C", "40C": a unit letter after a degree sign or a number.
        let unit_after = |i: usize| {
            i > 0
                && text.tokens[i - 1].end == text.tokens[i].start
                && (text.tok(i - 1).ends_with('°')
                    || text.tokens[i - 1].kind == TokKind::Number
                        && matches!(text.tok(i), "C" | "F"))
        };
        if unit_after(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut end = i + 1;
        let mut joined_institution = false;
        // "National Institute for Health and Care Excellence": after "for", "and" joins too.
        let mut joined_for = false;
        loop {
            // "in Washington D.C. The six-member team": after an abbreviation's stop, a
            // capitalised sentence opener starts a sentence, not more of the name.
            let opener_after_stop = end < n
                && text.tok(end - 1).ends_with('.')
                && k.common_words.contains(text.tok(end));
            if end < n && is_cap(text, end) && same_line(text, end - 1, end) && !opener_after_stop {
                end += 1;
                continue;
            }
            // "Reserve Bank of New Zealand", "Portland Parks & Recreation", "Ludwig van Beethoven".
            let w = if end < n { text.tok(end) } else { "" };
            let prev = text.tok(end - 1);
            // "ACLU of Ohio": an acronym and the place it serves.
            if w == "of"
                && end - first == 1
                && prev.chars().count() >= 3
                && prev.chars().all(|c| c.is_ascii_uppercase())
                && end + 1 < n
                && k.lookup(text.tok(end + 1))
                    .is_some_and(|p| p.kind == super::EntityType::Place)
                && same_line(text, end, end + 1)
            {
                end += 2;
                continue;
            }
            // "Superintendency of the Environment (SMA)": "of (the)" inside a name whose
            // acronym follows and starts as the name does (foreign acronyms spell the name in
            // its own language).
            if w == "of" && end + 1 < n {
                let the = wd
                    .function_words
                    .definite_article
                    .contains(text.tok(end + 1));
                let from = end + 1 + usize::from(the);
                if let Some(after) = acronym_follows(text, first, from) {
                    end = after;
                    continue;
                }
            }
            // "Royal College of Surgeons in Ireland (RCSI)": "in" inside a name its acronym
            // spells out.
            if w == "in"
                && joined_institution
                && let Some(after) = spelled_by_acronym(text, first, end + 1)
            {
                end = after;
                continue;
            }
            // "Meteorology, Climatology and Geophysics Agency": a list of fields inside a name.
            if w == ","
                && let Some(list_end) = listed_name_end(text, k, first, end)
            {
                end = list_end;
                continue;
            }
            // "Lachlan “Lockie” Moore": a quoted nickname between a given name and a surname.
            if matches!(w, "“" | "\"" | "‘")
                && end + 3 < n
                && is_cap(text, end + 1)
                && matches!(text.tok(end + 2), "”" | "\"" | "’")
                && is_cap(text, end + 3)
                && same_line(text, end, end + 3)
                && text.tokens[end + 1].start == text.tokens[end].end
                && text.tokens[end + 2].start == text.tokens[end + 1].end
            {
                end += 4;
                continue;
            }
            // "King’s College London", "St John’s Wood", "People’s Bank of China": a possessive
            // that names an institution after a sovereign, a saint or a group of people.
            if matches!(w, "’" | "'")
                && end + 2 < n
                && text.tokens[end].start == text.tokens[end - 1].end
                && text.tok(end + 1) == "s"
                && text.tokens[end + 1].start == text.tokens[end].end
                && is_cap(text, end + 2)
                && same_line(text, end, end + 2)
                && (wd.names.possessive_heads.contains(prev)
                    || end >= 2 && wd.names.saints.contains(text.tok(end - 2))
                    // "Randburg Magistrate’s Court", "Prime Minister’s Office".
                    || (k.is_title(prev) || wd.names.disease_eponyms.contains(prev))
                        && possessed_institution(text, k, end + 2))
            {
                end += 3;
                continue;
            }
            // "National Farmers’ Union": a plural possessive inside a name.
            if matches!(w, "’" | "'")
                && prev.ends_with('s')
                && end + 1 < n
                && text.tokens[end].start == text.tokens[end - 1].end
                && is_cap(text, end + 1)
                && same_line(text, end, end + 1)
            {
                end += 2;
                continue;
            }
            // "the coalition Stop the Expansion", "the charity Save the Children": after an
            // organisation noun, small words join a name.
            let named_by_org_noun = first > 0
                && k.role_nouns.get(text.tok(first - 1)) == Some(&true)
                && wd.function_words.after_org_noun.contains(w);
            // "Institute for Ageing", "Office for the Coordination of Humanitarian Affairs": an
            // institution's head word takes "of"/"for" (and "the"), and once it has, later
            // "of"s stay inside the name too.
            // ("Bluefin Software of Austin" is a firm and its town.)
            let is_for = wd.prepositions.purpose.contains(w);
            let is_and = wd.function_words.and.contains(w);
            let org_head = wd.institutions.connector_heads.contains(prev)
                || is_for && k.org_words.contains(prev);
            let joins = (wd.prepositions.name_links.contains(w) && org_head
                || w == "of" && joined_institution
                || is_and && joined_for
                || is_and && and_inside_name(text, k, first, end, joined_institution)
                || wd.function_words.ampersands.contains(w)
                || named_by_org_noun
                || wd.names.particles.contains(w))
                && end + 1 < n
                && same_line(text, end, end + 1);
            if joins {
                let mut after = end + 1;
                // "the", and chains of particles: "von der Leyen".
                while after + 1 < n
                    && (wd.function_words.definite_article.contains(text.tok(after))
                        || wd.names.particles.contains(text.tok(after)))
                    && same_line(text, after, after + 1)
                {
                    after += 1;
                }
                if is_cap(text, after) {
                    joined_institution |= org_head;
                    // One "and" per "for": "… for Disease Control and Prevention and Marcus"
                    // ends before the second.
                    joined_for = org_head && is_for;
                    end = after + 1;
                    continue;
                }
            }
            break;
        }
        // "6th Circuit Court of Appeals", "101st Airborne Division": an ordinal opening an
        // institution's name.
        let last = text.tok(end - 1);
        let first = if first > 1
            && text.tokens[first - 2].kind == TokKind::Number
            && text.tokens[first - 2].end == text.tokens[first - 1].start
            && matches!(text.tok(first - 1), "st" | "nd" | "rd" | "th")
            && same_line(text, first - 2, first)
            && end - first >= 2
            && (k.org_words.contains(last) || k.place_words.contains(last) || joined_institution)
        {
            first - 2
        } else {
            first
        };
        // "Minister for Health Conor Ó Briain": the portfolio after a title's "for" or "of"
        // comes before the name.
        let first = portfolio_end(text, k, first, end).unwrap_or(first);
        // "U.S. President Donald Trump", "Apple CEO Tim Cook": a title inside a run starts a new name.
        let split = title_inside(text, k, first, end);
        // "Harris County Judge Lina Hidalgo": a place word opening the title closes the place
        // before it ("Harris County"), and the title is what follows.
        let split = split.map(|p| {
            let w = bare(text.tok(p));
            if k.place_words.contains(w) && !k.is_title(text.tok(p)) && p + 2 < end {
                p + 1
            } else {
                p
            }
        });
        for (a, b) in [(first, split.unwrap_or(end)), (split.unwrap_or(end), end)] {
            let parts = if a < b && shouted[text.tokens[a].paragraph] {
                shouted_parts(text, k, a, b)
            } else {
                vec![(a, b)]
            };
            for (a, b) in parts {
                if a < b
                    && let Some(c) = shape_candidate(text, k, a, b)
                {
                    out.push(c);
                }
            }
        }
        i = end;
        // "Lord Ashworth of Kendal", "Baroness Hale of Richmond": a peer's territorial
        // designation is part of the title, not a place in the story.
        let peer = wd.titles.peers.contains(text.tok(first));
        if peer && end + 1 < n && text.tok(end) == "of" && same_line(text, end, end + 1) {
            i = end + 1;
            while i < n && is_cap(text, i) && same_line(text, i - 1, i) {
                i += 1;
            }
        }
    }
    mark_acronyms(text, k, &mut out);
    out
}

/// Whether a line is written all in capitals, with two words or more ("BALTIMORE AT
/// CINCINNATI", "JAPAN GET LUCKY WIN"): there a capital says nothing about a name.
fn is_shouted(text: &Text, p: &super::text::Span) -> bool {
    let line = text.slice(p.start, p.end);
    let words = (p.first_tok..p.end_tok)
        .filter(|&i| text.tokens[i].kind == TokKind::Word)
        .count();
    words >= 2 && line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// The names inside a run of a line in capitals: each known name whole (the longest, up to
/// `SHOUTED_NAME_WORDS` words), and the stretches of words that are no English words; the
/// English words between them ("AT", "GET", "LUCKY") belong to no name.
fn shouted_parts(text: &Text, k: &Knowledge, first: usize, end: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = first;
    while i < end {
        let known = (i + 2..=end.min(i + SHOUTED_NAME_WORDS)).rev().find(|&j| {
            k.lookup(text.slice(text.tokens[i].start, text.tokens[j - 1].end))
                .is_some()
        });
        // ("SURPRISE" is a town too, but only a country or region outweighs the English word:
        // "JAPAN".)
        let common = text.tokens[i].kind == TokKind::Word
            && k.english_words.contains(text.tok_lower(i))
            && k.lookup(text.tok(i)).is_none_or(|n| n.town);
        if known.is_some() || common {
            parts.extend(open.take().map(|o| (o, i)));
        }
        match known {
            Some(j) => {
                parts.push((i, j));
                i = j;
            }
            None => {
                if !common {
                    open.get_or_insert(i);
                }
                i += 1;
            }
        }
    }
    parts.extend(open.map(|o| (o, end)));
    parts
}

/// Longest known name looked for inside a line in capitals, in words.
const SHOUTED_NAME_WORDS: usize = 5;

/// Whether the "and" at `end` joins two halves of one name: "Food and Drug Administration" (the
/// part after it ends like an organisation, the part before is no name of its own), "Institute
/// of Science Education and Research" (a short tail after an institution's "of" that is no
/// second institution).
fn and_inside_name(
    text: &Text,
    k: &Knowledge,
    first: usize,
    end: usize,
    joined_institution: bool,
) -> bool {
    let n = text.tokens.len();
    let mut after = end + 1;
    while after < n && is_cap(text, after) && same_line(text, end, after) {
        after += 1;
    }
    if after == end + 1 {
        return false;
    }
    let tail_last = text.tok(after - 1);
    let tail_is_org = k.org_words.contains(tail_last);
    let tail_len = after - end - 1;
    let possessive = after < n && matches!(text.tok(after), "’" | "'");
    if possessive || (end + 1..after).any(|i| k.is_title(text.tok(i))) {
        return false;
    }
    // "Odisha Bridge and Construction Corporation (OBCC)": the acronym spells the whole.
    if spelled_by_acronym(text, first, end + 1).is_some() {
        return true;
    }
    if joined_institution {
        let continues = after < n
            && words()
                .function_words
                .name_continues
                .contains(text.tok(after));
        let names_something = (end + 1..after).any(|i| {
            let w = text.tok(i);
            k.lookup(w).is_some() || k.given_names.contains(w)
        });
        return !tail_is_org && tail_len <= 2 && !continues && !names_something;
    }
    // "The National Disaster Risk Reduction and …": the article is no part of the count.
    let the = words()
        .function_words
        .the_any_case
        .contains(text.tok(first));
    let first = if the && first + 1 < end {
        first + 1
    } else {
        first
    };
    // "Odisha Bridge and Construction Corporation": a state's name may open it.
    let head_plain = (first..end).all(|i| {
        let w = text.tok(i);
        (k.lookup(w).is_none() || i == first && end - first >= 2)
            && !k.org_words.contains(w)
            && !k.place_words.contains(w)
            && !k.given_names.contains(w)
    });
    tail_is_org && end - first <= 4 && head_plain && !text.tokens[first].cap_uncertain
}

/// Where the name starts in a run that names a title's portfolio first ("Minister for Health
/// Conor Ó Briain", "Secretary of State Jane Roe"): at the first given name with a family name
/// after it.
fn portfolio_end(text: &Text, k: &Knowledge, first: usize, end: usize) -> Option<usize> {
    if first < 2
        || !words()
            .prepositions
            .name_links
            .contains(text.tok(first - 1))
        || !k.is_title(text.tok(first - 2))
    {
        return None;
    }
    (first + 1..end.saturating_sub(1)).find(|&j| {
        k.given_names.contains(text.tok(j)) && k.person_like(&[text.tok(j), text.tok(end - 1)])
    })
}

/// The capitalised run from token `from` when an acronym in parentheses follows it: where the
/// run ends (the "(") and the acronym.
fn run_before_acronym<'a>(text: &Text<'a>, from: usize) -> Option<(usize, &'a str)> {
    let n = text.tokens.len();
    let mut after = from;
    while after < n && is_cap(text, after) && same_line(text, from, after) {
        after += 1;
    }
    if after == from || after + 2 >= n || text.tok(after) != "(" || text.tok(after + 2) != ")" {
        return None;
    }
    Some((after, text.tok(after + 1)))
}

/// When the capitalised run from `from` is followed by an acronym in parentheses whose letters
/// are the initials of the whole name from `first` ("Royal College of Surgeons in Ireland
/// (RCSI)"), where that run ends.
fn spelled_by_acronym(text: &Text, first: usize, from: usize) -> Option<usize> {
    let (after, acronym) = run_before_acronym(text, from)?;
    let initials: String = (first..after)
        .map(|i| text.tok(i))
        .filter(|w| {
            w.starts_with(char::is_uppercase)
                && !words()
                    .function_words
                    .definite_article_capitalised
                    .contains(w)
        })
        .filter_map(|w| w.chars().next())
        .collect();
    (initials == acronym).then_some(after)
}

/// When the capitalised run from `from` is followed by an acronym in parentheses that begins
/// with the first letter of the name starting at `first`, where that run ends.
fn acronym_follows(text: &Text, first: usize, from: usize) -> Option<usize> {
    let (after, acronym) = run_before_acronym(text, from)?;
    let the = &words().function_words.definite_article_capitalised;
    let lead = if the.contains(text.tok(first)) {
        first + 1
    } else {
        first
    };
    let initial = text.tok(lead).chars().next()?;
    let caps = acronym.chars().count();
    ((2..=6).contains(&caps)
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && acronym.starts_with(initial))
    .then_some(after)
}

/// Where a name continued by a comma list ends: "Meteorology, Climatology and Geophysics
/// Agency" (single plain words separated by commas, then "and" and a tail that ends like an
/// organisation). `end` is the comma after the first part.
fn listed_name_end(text: &Text, k: &Knowledge, first: usize, end: usize) -> Option<usize> {
    let n = text.tokens.len();
    let plain = |i: usize| {
        let w = text.tok(i);
        is_cap(text, i)
            && k.lookup(w).is_none()
            && !k.given_names.contains(w)
            && !k.org_words.contains(w)
            && !k.place_words.contains(w)
    };
    if end - first != 1 || !plain(first) || text.tokens[first].cap_uncertain && first > 0 {
        return None;
    }
    let mut i = end;
    // ", Word" repeated, then "and".
    while i + 2 < n && text.tok(i) == "," && plain(i + 1) && same_line(text, first, i + 2) {
        i += 2;
    }
    if i == end || i >= n || !words().function_words.and.contains(text.tok(i)) {
        return None;
    }
    let mut j = i + 1;
    while j < n && is_cap(text, j) && same_line(text, i, j) {
        j += 1;
    }
    (j > i + 2 && k.org_words.contains(text.tok(j - 1))).then_some(j)
}

fn same_line(text: &Text, a: usize, b: usize) -> bool {
    text.tokens[a].paragraph == text.tokens[b].paragraph
}

fn bare(w: &str) -> &str {
    w.trim_end_matches('.')
}

/// Where a title chain starts inside a run (not at its start), when a name follows it.
fn title_inside(text: &Text, k: &Knowledge, first: usize, end: usize) -> Option<usize> {
    let is_title = |i: usize| k.is_title(text.tok(i));
    let is_modifier = |i: usize| k.title_modifiers.contains(bare(text.tok(i)));
    let starts_chain = |i: usize| is_title(i) || is_modifier(i) && i + 1 < end && is_title(i + 1);
    for p in first + 1..end {
        // "Irish College of General Practitioners": a title word after "of" is the name's.
        let joined = words()
            .function_words
            .name_joiners
            .contains(text.tok(p - 1));
        if !starts_chain(p) || is_title(p - 1) || is_modifier(p - 1) || joined {
            continue;
        }
        let mut q = p;
        while q < end && (is_title(q) || is_modifier(q)) {
            q += 1;
        }
        // The last word of an institution ("Royal Courts of Justice") is no title.
        if q < end
            && !k.org_words.contains(text.tok(end - 1))
            && !k.place_words.contains(text.tok(end - 1))
        {
            return Some(p);
        }
    }
    None
}

/// A title that only ever stands before a person's name.
fn is_honorific(w: &str) -> bool {
    words().titles.honorifics.contains(bare(w))
}

/// Strips titles and function words and gathers the clues around a run.
fn shape_candidate(
    text: &Text,
    k: &Knowledge,
    run_first: usize,
    run_end: usize,
) -> Option<Candidate> {
    let wd = words();
    let mut first = run_first;
    let mut end = run_end;
    let last_word = text.tok(end - 1);
    let institution =
        end - first > 1 && (k.org_words.contains(last_word) || k.place_words.contains(last_word));
    let mut title: Vec<&str> = Vec::new();
    let mut uncertain = text.tokens[first].cap_uncertain;
    let mut opening_role: Option<String> = None;
    // "Later Mr. Park": a name starts after the last honorific of a run.
    if let Some(h) = (first..end.saturating_sub(1))
        .rev()
        .find(|&i| is_honorific(text.tok(i)))
    {
        title.extend(
            (first..=h)
                .map(|i| text.tok(i))
                .filter(|w| k.is_title(w) || k.title_modifiers.contains(bare(w))),
        );
        first = h + 1;
        uncertain = false;
    }
    // "New Zealand": a gazetteer name keeps its first word even when that word is common.
    let known_whole = end - first >= 2
        && k.lookup(text.slice(text.tokens[first].start, text.tokens[end - 1].end))
            .is_some();
    while first < end && !known_whole {
        let w = text.tok(first);
        let next = (first + 1 < end).then(|| text.tok(first + 1));
        let next_is_title =
            next.is_some_and(|n| k.is_title(n) || k.title_modifiers.contains(bare(n)));
        // "published in The Lancet", "five-piece The Salt Lanterns": a capital "The" in the
        // middle of a sentence belongs to the name.
        let named_the = wd.function_words.definite_article_capitalised.contains(w)
            && !text.tokens[first].cap_uncertain
            && first + 1 < end;
        // "Boston-based Meridian Therapeutics": a compound modifier before the name.
        if first + 1 < end
            && w.rsplit('-')
                .next()
                .is_some_and(|p| p != w && p.starts_with(char::is_lowercase))
        {
            first += 1;
            uncertain = false;
            continue;
        }
        // Mid-sentence, a common word opening an institution's name or a person's given name
        // belongs to it ("the New Democratic Party", "by Jun Amparo").
        let by = first > 0 && text.tok(first - 1).eq_ignore_ascii_case("by");
        let keeps_common = (!uncertain || by)
            && first + 1 < end
            && (institution
                || by
                || k.given_names.contains(w) && k.person_like(&[w, text.tok(end - 1)]));
        // "Children’s Health Ireland": a possessive that was joined into the name stays.
        let possessive_name = wd.names.possessive_heads.contains(w)
            && first + 1 < end
            && matches!(text.tok(first + 1), "’" | "'");
        let keep = named_the || keeps_common || possessive_name || institution && first + 1 == end;
        if k.common_words.contains(bare(w)) && !keep && !opens_known_name(text, k, first, end) {
            first += 1;
            // The word after a stripped opener is still at the start of the sentence.
            uncertain = uncertain && text.tokens[first.min(end - 1)].cap_uncertain;
            continue;
        }
        if institution {
            break;
        }
        // "Forecaster Aoife Brennan said": a job noun capitalised only by the sentence start.
        let job = w.to_lowercase();
        // "The Opposition Biju Janata Dal": after a stripped "The", too.
        let after_the = first > run_first
            && wd.function_words.the_any_case.contains(text.tok(first - 1))
            && first + 1 < end
            && is_cap(text, first + 1);
        // ("University Hospital Limerick": an institution's head word opens its name, unless
        // a person's name follows, as in "Centre Kofi Mensah-Rees".)
        if (uncertain || after_the)
            && end - first >= 3
            && k.role_nouns.contains_key(job.as_str())
            && !k.is_title(w)
            && (!wd.institutions.connector_heads.contains(w)
                || k.person_like(&[text.tok(first + 1), text.tok(end - 1)]))
        {
            opening_role = Some(job);
            first += 1;
            uncertain = false;
            continue;
        }
        let is_title = k.is_title(w) || k.title_modifiers.contains(bare(w)) && next_is_title;
        let demonym_title = next_is_title
            && k.lookup(w)
                .is_some_and(|n| n.kind == super::EntityType::Norp);
        // "Italian Renato Ferrandi", "American Tyrese Holloway": a nationality before a name.
        let demonym_name = end - first >= 3
            && !institution
            && k.lookup(w)
                .is_some_and(|n| n.kind == super::EntityType::Norp)
            && k.person_like(&[text.tok(first + 1), text.tok(end - 1)]);
        if demonym_name {
            first += 1;
            uncertain = false;
            continue;
        }
        // "King’s College": a possessive title opens the name.
        let possessed = next.is_some_and(|n| matches!(n, "’" | "'"));
        if (is_title || demonym_title) && next.is_some() && !possessed {
            if is_title {
                title.push(w);
            }
            first += 1;
            uncertain = false;
            continue;
        }
        break;
    }
    // "Former Secretary of State Colin Powell": the title's portfolio goes with the title; the
    // name starts at the first given name after it, or after one portfolio word.
    if !title.is_empty() && first + 2 < end && text.tok(first).starts_with(char::is_lowercase) {
        first = (first + 1..end)
            .find(|&i| k.given_names.contains(text.tok(i)))
            .unwrap_or(first + 2);
    }
    while end > first + 1 && k.postnominals.contains(bare(text.tok(end - 1))) {
        end -= 1;
    }
    if first >= end || end - first == 1 && k.is_title(text.tok(first)) {
        return None;
    }
    // "Parkinson’s disease", "Alzheimer’s": a disease, not a person.
    let possessive_next = text
        .tokens
        .get(end)
        .is_some_and(|_| matches!(text.tok(end), "’" | "'"));
    if end - first == 1 && possessive_next && wd.names.disease_eponyms.contains(text.tok(first)) {
        return None;
    }
    if wd.names.event_heads.contains(text.tok(first))
        || end - first >= 2 && wd.names.award_tails.contains(text.tok(end - 1))
    {
        return None;
    }
    let in_headline = text.headline && text.tokens[first].paragraph == 0;
    Some(Candidate {
        start: text.tokens[first].start,
        end: text.tokens[end - 1].end,
        first_tok: first,
        end_tok: end,
        title: (!title.is_empty()).then(|| title.join(" ")),
        role_before: opening_role.or_else(|| role_before(text, k, run_first)),
        role_after: role_after(text, k, end),
        uncertain: uncertain || in_headline,
        acronym_of_previous: false,
        in_headline,
    })
}

/// "agency spokesman Budi Hartono", "The company, Kestrel Energy Systems,", "a spokesperson for
/// Severn Vale".
fn role_before(text: &Text, k: &Knowledge, first: usize) -> Option<String> {
    let wd = words();
    let determiners = &wd.function_words.determiners;
    let word = |i: usize| text.tok(i);
    // "The Environment Secretary, Tobias Wren,": a capitalised title counts as its role noun.
    // "one of the victims, Mere Paewai,": a plural role names one of its holders too.
    let role = |i: usize| {
        let w = word(i).to_lowercase();
        if text.tokens[i].kind != TokKind::Word {
            return None;
        }
        if k.role_nouns.contains_key(w.as_str()) {
            return Some(w);
        }
        let single = w.strip_suffix('s')?;
        k.role_nouns
            .contains_key(single)
            .then(|| single.to_string())
    };
    if first >= 1 && text.tokens[first - 1].paragraph == text.tokens[first].paragraph {
        if let Some(r) = role(first - 1) {
            return Some(r);
        }
        // "The company, Kestrel Energy Systems,", "Its chief executive, Daniel Park,".
        if first >= 3 && word(first - 1) == "," && role(first - 2).is_some() {
            let mut i = first - 2;
            while i > 0
                && i + 4 > first - 2
                && text.tokens[i - 1].kind == TokKind::Word
                && (word(i - 1).starts_with(char::is_lowercase)
                    || k.title_modifiers.contains(word(i - 1))
                    || k.is_title(word(i - 1)))
                && !determiners.contains(word(i - 1))
            {
                i -= 1;
            }
            if i > 0 && determiners.contains(word(i - 1)) {
                // "The leader of the council, Tony Dyer,": the role is the noun before "of".
                let mut j = first - 2;
                while j > 0 && (j + 6 > first) {
                    if wd.prepositions.name_links.contains(word(j - 1))
                        && let Some(head) = (j.saturating_sub(3)..j - 1).rev().find_map(role)
                    {
                        return Some(head);
                    }
                    j -= 1;
                }
                return role(first - 2);
            }
        }
        if first >= 2
            && wd.prepositions.employer.contains(word(first - 1))
            && let Some(r) = role(first - 2)
            && (k.role_nouns.get(&r) == Some(&true) || wd.roles.is_spokesperson(&r))
        {
            return Some(r);
        }
    }
    None
}

/// The head noun of ", a professor of materials science", ", the regulator for England".
/// Whether the words from token `first` up to some token before `end` are a gazetteer name
/// ("New South Wales" in "New South Wales Police", "New York" in "New York Police
/// Department"): then a common word opening them is the name's own.
fn opens_known_name(text: &Text, k: &Knowledge, first: usize, end: usize) -> bool {
    let start = text.tokens[first].start;
    (first + 1..end.saturating_sub(1))
        .any(|last| k.lookup(text.slice(start, text.tokens[last].end)).is_some())
}

/// Where a possessive name starting at token `i` ends ("Oman’s", "Mr. Trump’s"): the token
/// after its "s", when capitalised words (and the points of their abbreviations) lead to one
/// within a few tokens.
fn named_owner_end(text: &Text, i: usize) -> Option<usize> {
    const OWNER_TOKENS: usize = 5;
    let n = text.tokens.len();
    let mut j = i;
    while j < n && j < i + OWNER_TOKENS {
        let w = text.tok(j);
        if matches!(w, "’" | "'") {
            return (j > i && j + 1 < n && text.tok(j + 1) == "s").then_some(j + 2);
        }
        let capitalised = text.tokens[j].kind == TokKind::Word && w.starts_with(char::is_uppercase);
        if !(capitalised || w == ".") {
            return None;
        }
        j += 1;
    }
    None
}

fn role_after(text: &Text, k: &Knowledge, end: usize) -> Option<String> {
    let n = text.tokens.len();
    if end >= n || text.tok(end) != "," {
        return None;
    }
    let wd = words();
    let determiners = &wd.function_words.determiners;
    let mut head: Option<String> = None;
    let mut i = end + 1;
    let determined = i < n && determiners.contains(text.tok(i));
    while i < n && i < end + 7 {
        let t = &text.tokens[i];
        let w = text.tok(i);
        match t.kind {
            // "the bloc’s competition chief": the owner is not the role.
            TokKind::Punct if matches!(w, "’" | "'") && i + 1 < n && text.tok(i + 1) == "s" => {
                head = None;
                i += 2;
                continue;
            }
            // "Hamad bin Saif Al Kindi, Oman’s minister of energy", "Kellyanne Conway, Mr.
            // Trump’s campaign manager": a named owner, then the role.
            TokKind::Word if w.starts_with(char::is_uppercase) && head.is_none() => {
                match named_owner_end(text, i) {
                    Some(after) => {
                        i = after;
                        continue;
                    }
                    None => break,
                }
            }
            TokKind::Number => {}
            TokKind::Punct if w == "-" => {}
            TokKind::Word if determiners.contains(w) && head.is_none() => {}
            TokKind::Word if w.starts_with(char::is_lowercase) => {
                // "in Ferndale, police said": the subject of the next clause, no appositive.
                if wd.speech.clause_verbs.contains(w) {
                    return None;
                }
                if wd.function_words.appositive_ends.contains(w) {
                    break;
                }
                head = Some(w.to_string());
            }
            _ => break,
        }
        i += 1;
    }
    // "the largest penalty under …" is no role: after a determiner, only nouns that name what
    // someone does ("the regulator", "a geologist").
    let agentive = |h: &str| h.chars().count() > 4 && wd.endings.agentive.suffixes(h);
    head.filter(|h| k.role_nouns.contains_key(h.as_str()) || determined && agentive(h))
}

/// "Caribbean Community (CARICOM)": the acronym names the candidate before it.
fn mark_acronyms(text: &Text, k: &Knowledge, cands: &mut [Candidate]) {
    for j in 1..cands.len() {
        let c = &cands[j];
        let word = text.slice(c.start, c.end);
        // "(SCIA)", and mixed-case ones such as "(MoD)".
        let capitals = word.chars().filter(|ch| ch.is_uppercase()).count();
        // "Philippine Institute of Volcanology and Seismology (Phivolcs)", "Directorate for
        // Priority Crime Investigation (Hawks)": a short name after an institution's.
        let prev = &cands[j - 1];
        let institution_before =
            prev.end_tok - prev.first_tok >= 3 || k.org_words.contains(text.tok(prev.end_tok - 1));
        let short_name =
            institution_before && word.starts_with(char::is_uppercase) && k.lookup(word).is_none();
        let acronym = c.end_tok == c.first_tok + 1
            && word.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
            && (word.chars().all(|ch| !ch.is_lowercase())
                || capitals >= 2 && word.chars().count() <= 6
                || short_name);
        let wrapped = c.first_tok >= 1
            && text.tok(c.first_tok - 1) == "("
            && text
                .tokens
                .get(c.end_tok)
                .is_some_and(|_| text.tok(c.end_tok) == ")");
        if acronym && wrapped && cands[j - 1].end_tok + 1 == c.first_tok {
            cands[j].acronym_of_previous = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::knowledge::knowledge;

    #[test]
    fn of_the_inside_a_name_its_acronym_begins() {
        let got = name_texts(
            "The Superintendency of the Environment (SMA) said so. The head of the Environment \
             (ENV) agency left.",
        );
        assert_eq!(got[0], "Superintendency of the Environment", "{got:?}");
        assert!(got.iter().all(|n| !n.starts_with("head")), "{got:?}");
    }

    #[test]
    fn ministers_portfolios_are_no_names() {
        let got = name_texts(
            "Provincial Public Safety Minister Colleen Brandvold spoke. State Revenue and \
             Disaster Management Minister Jogen Hazarika came. Voltaic Chief Executive Rachel \
             Stone left.",
        );
        assert!(
            got.iter().all(|n| !matches!(
                n.as_str(),
                "Public Safety" | "State Revenue" | "Disaster Management"
            )),
            "{got:?}"
        );
        assert!(got.contains(&"Colleen Brandvold".to_string()), "{got:?}");
        assert!(got.contains(&"Jogen Hazarika".to_string()), "{got:?}");
        assert!(got.contains(&"Voltaic".to_string()), "{got:?}");
    }

    #[test]
    fn capital_saint_in_a_dateline_keeps_its_stop() {
        let got = name_texts("ST. PAUL, Minn. — The court ruled.");
        assert_eq!(got[0], "ST. PAUL", "{got:?}");
    }

    #[test]
    fn an_unknown_dateline_in_capitals_is_a_name() {
        let got = name_texts("KESTREL LAKE, Alta. — More than 7,400 residents left.");
        assert_eq!(got[0], "KESTREL LAKE", "{got:?}");
    }

    /// The candidates' texts only.
    fn name_texts(s: &str) -> Vec<String> {
        names(s).into_iter().map(|(n, _)| n).collect()
    }

    fn names(s: &str) -> Vec<(String, Option<String>)> {
        let t = Text::new(s);
        find_candidates(&t, knowledge(), &[])
            .into_iter()
            .map(|c| (s[c.start..c.end].to_string(), c.title))
            .collect()
    }

    #[test]
    fn titles_and_openers_are_stripped() {
        assert_eq!(
            names(
                "Speaking alongside Haitian Prime Minister Dr. Garry Conille, President William Ruto spoke."
            ),
            vec![
                ("Speaking".to_string(), None),
                ("Haitian".to_string(), None),
                (
                    "Garry Conille".to_string(),
                    Some("Prime Minister Dr.".to_string())
                ),
                ("William Ruto".to_string(), Some("President".to_string())),
            ]
        );
        assert_eq!(
            names("However, Lady Justice Okonkwo-Hale said so."),
            vec![("Okonkwo-Hale".to_string(), Some("Lady Justice".to_string()))]
        );
    }

    #[test]
    fn institutions_keep_connectors_and_lose_no_words() {
        let got: Vec<String> = name_texts(
            "The Reserve Bank of New Zealand and Portland Parks & Recreation met at General Hospital.",
        );
        assert_eq!(
            got,
            vec![
                "Reserve Bank of New Zealand",
                "Portland Parks & Recreation",
                "General Hospital"
            ]
        );
    }

    #[test]
    fn possessives_and_postnominals_stay_out() {
        let got: Vec<String> = name_texts("It was Haiti’s turn, said David Achterberg KC.");
        assert_eq!(got, vec!["Haiti", "David Achterberg"]);
    }

    #[test]
    fn plural_possessives_stay_inside_names_and_of_joins_only_institutions() {
        let got: Vec<String> = name_texts(
            "The National Farmers’ Union met Bluefin Software of Austin and the Bank of England.",
        );
        assert_eq!(
            got,
            vec![
                "National Farmers’ Union",
                "Bluefin Software",
                "Austin",
                "Bank of England"
            ]
        );
    }

    #[test]
    fn names_with_inner_and_ordinals_possessives_and_a_capital_the() {
        let got: Vec<String> = name_texts(
            "It asked the Food and Drug Administration. Dr Deshpande of the Indian Institute of \
             Science Education and Research spoke. The 6th Circuit Court of Appeals ruled. \
             Results were published in The Lancet Neurology, said Professor Lowe of King’s \
             College London.",
        );
        for want in [
            "Food and Drug Administration",
            "Indian Institute of Science Education and Research",
            "6th Circuit Court of Appeals",
            "The Lancet Neurology",
            "King’s College London",
        ] {
            assert!(got.iter().any(|g| g == want), "no {want} in {got:?}");
        }
    }

    #[test]
    fn a_comma_list_inside_an_agency_name() {
        let got: Vec<String> = name_texts(
            "Forecasters at the Meteorology, Climatology and Geophysics Agency warned Jakarta, \
             Bandung and Bogor.",
        );
        assert_eq!(
            got,
            vec![
                "Forecasters",
                "Meteorology, Climatology and Geophysics Agency",
                "Jakarta",
                "Bandung",
                "Bogor"
            ]
        );
    }

    #[test]
    fn a_clause_subject_after_a_comma_is_no_appositive() {
        let t = Text::new("He was stabbed in Ferndale, police said.");
        let c = find_candidates(&t, knowledge(), &[]);
        assert_eq!(t.slice(c[0].start, c[0].end), "Ferndale");
        assert_eq!(c[0].role_after, None);
    }

    #[test]
    fn diseases_named_after_people_are_no_names() {
        let got: Vec<String> = name_texts(
            "Parkinson’s affects millions, according to the Parkinson’s Foundation and the \
             National Institutes of Health.",
        );
        assert_eq!(
            got,
            vec!["Parkinson’s Foundation", "National Institutes of Health"]
        );
    }

    #[test]
    fn names_after_modifiers_with_short_names_and_foreign_connectors() {
        let t = Text::new(
            "It was developed by Boston-based Meridian Therapeutics and the Philippine Institute \
             of Volcanology and Seismology (Phivolcs), with Bankhaus Albrecht und Söhne, the New \
             Democratic Party, the Centers for Disease Control and Prevention and Marcus ‘Tank’ \
             Fairweather.",
        );
        let c = find_candidates(&t, knowledge(), &[]);
        let got: Vec<&str> = c.iter().map(|c| t.slice(c.start, c.end)).collect();
        for want in [
            "Meridian Therapeutics",
            "Philippine Institute of Volcanology and Seismology",
            "Phivolcs",
            "Bankhaus Albrecht und Söhne",
            "New Democratic Party",
            "Centers for Disease Control and Prevention",
            "Marcus ‘Tank’ Fairweather",
        ] {
            assert!(got.contains(&want), "no {want} in {got:?}");
        }
        let phivolcs = c
            .iter()
            .find(|c| t.slice(c.start, c.end) == "Phivolcs")
            .unwrap();
        assert!(phivolcs.acronym_of_previous);
    }

    #[test]
    fn two_institutions_joined_by_and_stay_apart() {
        let got: Vec<String> =
            name_texts("She studied at the University of Nairobi and Kenyatta University.");
        assert_eq!(got, vec!["University of Nairobi", "Kenyatta University"]);
    }

    #[test]
    fn honorifics_and_opening_job_words_are_stripped() {
        assert!(
            names("Municipal commissioner Shri Rajendra Bhosale spoke.")
                .contains(&("Rajendra Bhosale".to_string(), Some("Shri".to_string())))
        );
        let got: Vec<String> = name_texts(
            "Chipmaker Lumentra Inc. reported results. Chief Executive Dana Whitfield spoke.",
        );
        assert_eq!(got, vec!["Lumentra Inc.", "Dana Whitfield"]);
    }

    #[test]
    fn a_quoted_nickname_joins_the_name() {
        let got: Vec<String> = name_texts("Singer Lachlan “Lockie” Moore told the crowd.");
        assert_eq!(got, vec!["Lachlan “Lockie” Moore"]);
    }

    #[test]
    fn peers_territorial_designations_are_not_names() {
        let got: Vec<String> =
            name_texts("Lord Ashworth of Kendal and Baroness Hale of Richmond spoke.");
        assert_eq!(got, vec!["Ashworth", "Hale"]);
    }

    #[test]
    fn mixed_case_acronyms_in_parentheses() {
        let t = Text::new("The Ministry of Defence (MoD) said troops were ready.");
        let c = find_candidates(&t, knowledge(), &[]);
        assert_eq!(t.slice(c[1].start, c[1].end), "MoD");
        assert!(c[1].acronym_of_previous);
    }

    #[test]
    fn small_words_join_names_after_an_organisation_noun() {
        let got: Vec<String> = name_texts("He joined the coalition Stop the Expansion in May.");
        assert_eq!(got, vec!["Stop the Expansion"]);
    }

    #[test]
    fn quoted_titles_of_works_hold_no_names() {
        let s = "He co-wrote “Dark Skies, Bright Futures” with Mei Tanaka.";
        let t = Text::new(s);
        let q = crate::analysis::quotes::find_quotes(&t);
        let got: Vec<&str> = find_candidates(&t, knowledge(), &q)
            .iter()
            .map(|c| &s[c.start..c.end])
            .collect();
        assert_eq!(got, vec!["Mei Tanaka"]);
    }

    #[test]
    fn a_place_word_opening_a_title_closes_the_place_before_it() {
        assert_eq!(
            names("Harris County Judge Lina Hidalgo spoke. Ohio Governor Mike DeWine agreed."),
            vec![
                ("Harris County".to_string(), None),
                ("Lina Hidalgo".to_string(), Some("Judge".to_string())),
                ("Ohio".to_string(), None),
                ("Mike DeWine".to_string(), Some("Governor".to_string())),
            ]
        );
    }

    #[test]
    fn a_common_word_opening_a_known_place_inside_a_name_stays() {
        let got = name_texts(
            "New South Wales Police charged a man. New York Police Department officers came.",
        );
        assert!(
            got.contains(&"New South Wales Police".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"New York Police Department".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn an_appositive_role_after_a_titled_owner() {
        let t = Text::new(
            "Kellyanne Conway, Mr. Trump’s campaign manager, spoke first. Li Wei, Acme Corp's \
             chief engineer, followed.",
        );
        let c = find_candidates(&t, knowledge(), &[]);
        let roles: Vec<(String, Option<String>)> = c
            .iter()
            .map(|c| (t.slice(c.start, c.end).to_string(), c.role_after.clone()))
            .collect();
        assert!(
            roles.contains(&("Kellyanne Conway".to_string(), Some("manager".to_string()))),
            "{roles:?}"
        );
        assert!(
            roles.contains(&("Li Wei".to_string(), Some("engineer".to_string()))),
            "{roles:?}"
        );
    }

    #[test]
    fn appositive_roles_with_adjectives_and_owners() {
        let t = Text::new(
            "Its chief executive, Daniel Park, spoke with Margrethe Holm, the bloc's competition chief.",
        );
        let c = find_candidates(&t, knowledge(), &[]);
        assert_eq!(c[0].role_before.as_deref(), Some("executive"));
        assert_eq!(c[1].role_after.as_deref(), Some("chief"));
    }

    #[test]
    fn a_title_inside_a_run_starts_a_new_name() {
        assert_eq!(
            names("He met U.S. President Donald Trump and Ohio Governor Mike DeWine."),
            vec![
                ("U.S.".to_string(), None),
                ("Donald Trump".to_string(), Some("President".to_string())),
                ("Ohio".to_string(), None),
                ("Mike DeWine".to_string(), Some("Governor".to_string())),
            ]
        );
        let got: Vec<String> = name_texts("It was the Royal Courts of Justice.");
        assert_eq!(got, vec!["Royal Courts of Justice"]);
    }

    #[test]
    fn clues_around_names() {
        let t = Text::new(
            "Ofwat, the regulator for England, spoke to agency spokesman Budi Hartono and the campaign group Fair Water Bills (FWB).",
        );
        let c = find_candidates(&t, knowledge(), &[]);
        assert_eq!(c[0].role_after.as_deref(), Some("regulator"));
        let budi = c
            .iter()
            .find(|c| t.slice(c.start, c.end) == "Budi Hartono")
            .unwrap();
        assert_eq!(budi.role_before.as_deref(), Some("spokesman"));
        let fwb = c
            .iter()
            .find(|c| t.slice(c.start, c.end) == "Fair Water Bills")
            .unwrap();
        assert_eq!(fwb.role_before.as_deref(), Some("group"));
        assert!(c.last().unwrap().acronym_of_previous);
    }
}
