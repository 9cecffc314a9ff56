//! Who is quoted across a corpus: each speaker, linked across articles by canonical name and
//! type, with their quotes, words quoted, articles, the organisations named beside their quotes
//! and the first and last date they were seen; and the share of quotes by named people,
//! organisations and no one.
//!
//! A table is built one article at a time ([`Voices::add`]) and tables of disjoint article sets
//! combine ([`Voices::merge`]), so the same table comes out of one loop, a thread pool or a
//! cluster, whatever order the articles arrive in.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::figures::find_figures;
use crate::analysis::{Analysis, EntityType, FigureValue, Quote};
use crate::document::Document;

/// One speaker across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voice {
    /// Canonical name.
    pub name: String,
    /// `PERSON`, `ORG`, `PLACE`, or `UNKNOWN` when the speaker is named but not an entity.
    #[serde(rename = "type")]
    pub kind: String,
    /// Quotes given to them.
    pub quotes: usize,
    /// Words inside those quotes.
    pub words_quoted: usize,
    /// Articles that quote them (paths).
    pub articles: BTreeSet<String>,
    /// Organisations named in the paragraphs of their quotes, outside the quotes.
    pub organisations: BTreeSet<String>,
    /// Earliest article date (ISO) that quotes them.
    pub first_seen: Option<String>,
    /// Latest article date (ISO) that quotes them.
    pub last_seen: Option<String>,
}

/// One article, as a library lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// Where it was read from.
    pub path: String,
    /// Its title.
    pub title: String,
    /// Its date as an ISO value, when it states one.
    pub date: Option<String>,
    /// Words in it.
    pub words: usize,
    /// Direct quotes in it.
    pub quotes: usize,
    /// Distinct speakers quoted.
    pub speakers: usize,
}

/// The voices of a corpus. It serialises whole (speakers, articles, counts), so a part built on
/// one machine can be sent to another and merged there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voices {
    /// Speakers by [`speaker_id`] (type and canonical name).
    pub speakers: BTreeMap<String, Voice>,
    /// The articles added, by path.
    pub articles: BTreeMap<String, ArticleSummary>,
    /// Quotes given to a person.
    pub by_people: usize,
    /// Quotes given to an organisation.
    pub by_organisations: usize,
    /// Quotes given to a named speaker that is neither (a place, or no entity).
    pub by_others: usize,
    /// Quotes with no speaker.
    pub unattributed: usize,
}

impl Voices {
    /// Adds one analysed article read from `path`.
    pub fn add(&mut self, path: &str, doc: &Document, analysis: &Analysis) {
        let date = iso_date(doc);
        let mut speakers = BTreeSet::new();
        for quote in &analysis.quotes {
            let Some((kind, name)) = speaker_key(quote, analysis) else {
                self.unattributed += 1;
                continue;
            };
            match kind.as_str() {
                "PERSON" => self.by_people += 1,
                "ORG" => self.by_organisations += 1,
                _ => self.by_others += 1,
            }
            speakers.insert(speaker_id(&kind, &name));
            let voice = self
                .speakers
                .entry(speaker_id(&kind, &name))
                .or_insert_with(|| Voice {
                    name,
                    kind,
                    ..Voice::default()
                });
            voice.quotes += 1;
            voice.words_quoted += quote.text.split_whitespace().count();
            voice.articles.insert(path.to_string());
            voice
                .organisations
                .extend(organisations_beside(quote, doc, analysis));
            voice.seen_on(date.as_deref());
        }
        let summary = ArticleSummary {
            path: path.to_string(),
            title: doc.title.clone(),
            date,
            words: doc.word_count(),
            quotes: analysis.quotes.len(),
            speakers: speakers.len(),
        };
        self.articles.insert(path.to_string(), summary);
    }

    /// Adds the table of other articles (none of them in this one).
    pub fn merge(&mut self, other: Voices) {
        for (key, theirs) in other.speakers {
            let voice = self.speakers.entry(key).or_insert_with(|| Voice {
                name: theirs.name.clone(),
                kind: theirs.kind.clone(),
                ..Voice::default()
            });
            voice.quotes += theirs.quotes;
            voice.words_quoted += theirs.words_quoted;
            voice.articles.extend(theirs.articles);
            voice.organisations.extend(theirs.organisations);
            voice.seen_on(theirs.first_seen.as_deref());
            voice.seen_on(theirs.last_seen.as_deref());
        }
        self.articles.extend(other.articles);
        self.by_people += other.by_people;
        self.by_organisations += other.by_organisations;
        self.by_others += other.by_others;
        self.unattributed += other.unattributed;
    }

    /// The speaker of `kind` ("PERSON", "ORG", …) called `name`, if quoted.
    pub fn speaker(&self, kind: &str, name: &str) -> Option<&Voice> {
        self.speakers.get(&speaker_id(kind, name))
    }

    /// Every quote counted.
    pub fn total_quotes(&self) -> usize {
        self.by_people + self.by_organisations + self.by_others + self.unattributed
    }

    /// The table as the JSON `marginalia voices --json` prints: counts, shares and the ranked
    /// speakers.
    pub fn to_json(&self) -> serde_json::Value {
        let total = self.total_quotes();
        let share = |n: usize| {
            if total == 0 {
                0.0
            } else {
                n as f64 / total as f64
            }
        };
        serde_json::json!({
            "articles": self.articles.len(),
            "quotes": total,
            "share": {
                "people": share(self.by_people),
                "organisations": share(self.by_organisations),
                "others": share(self.by_others),
                "unattributed": share(self.unattributed),
            },
            "speakers": self.ranked(),
        })
    }

    /// The speakers, most quoted first (then by name), as a list.
    pub fn ranked(&self) -> Vec<&Voice> {
        let mut out: Vec<&Voice> = self.speakers.values().collect();
        out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        out
    }
}

impl Voice {
    /// Widens the first/last dates to include `date`.
    fn seen_on(&mut self, date: Option<&str>) {
        let Some(date) = date else { return };
        if self.first_seen.as_deref().is_none_or(|d| date < d) {
            self.first_seen = Some(date.to_string());
        }
        if self.last_seen.as_deref().is_none_or(|d| date > d) {
            self.last_seen = Some(date.to_string());
        }
    }
}

/// The key a speaker is linked by across articles: type and canonical name (a unit separator
/// between them, which no name holds).
pub fn speaker_id(kind: &str, name: &str) -> String {
    format!("{kind}\u{1f}{name}")
}

/// The (type, canonical name) a quote's speaker is known by, `None` when it has none.
fn speaker_key(quote: &Quote, analysis: &Analysis) -> Option<(String, String)> {
    let speaker = quote.speaker.as_ref()?;
    let entity = speaker.entity.as_deref().and_then(|id| analysis.entity(id));
    Some(match entity {
        Some(e) => (type_name(e.kind), e.name.clone()),
        None => ("UNKNOWN".to_string(), speaker.name.clone()),
    })
}

/// The analysis JSON's name of an entity type (its serde name, so the two cannot drift).
fn type_name(kind: EntityType) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => name,
        _ => format!("{kind:?}").to_uppercase(),
    }
}

/// The organisations named in the quote's paragraph outside any quote: who the speaker is
/// introduced as speaking for ("said Jane Doe, a spokeswoman for the ministry").
fn organisations_beside(quote: &Quote, doc: &Document, analysis: &Analysis) -> Vec<String> {
    let Some(para) = doc
        .paragraphs
        .iter()
        .find(|p| p.start <= quote.start && quote.start < p.end)
    else {
        return Vec::new();
    };
    let inside_a_quote = |at: usize| analysis.quotes.iter().any(|q| q.start <= at && at < q.end);
    analysis
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Org)
        .filter(|e| {
            e.mentions
                .iter()
                .any(|m| para.start <= m.start && m.end <= para.end && !inside_a_quote(m.start))
        })
        .map(|e| e.name.clone())
        .collect()
}

/// The article's date as an ISO value, read from its stated date the way figures are.
fn iso_date(doc: &Document) -> Option<String> {
    let written = doc.date.as_deref()?;
    find_figures(written)
        .into_iter()
        .find_map(|f| match f.value {
            Some(FigureValue::Date(iso)) => Some(iso),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn table(texts: &[(&str, &str)]) -> Voices {
        let mut v = Voices::default();
        for (path, text) in texts {
            let doc = Document::from_text(text);
            v.add(path, &doc, &analyze(&doc));
        }
        v
    }

    const ONE: &str = "Budget Vote Delayed in Capital\nBy Ann Reed | June 3, 2024\n\u{201c}We need more time,\u{201d} said Maria Lopez, a spokeswoman for the Finance Ministry.\n\u{201c}It is a disgrace,\u{201d} the opposition leader Tom Hale said.\n";
    const TWO: &str = "Budget Passes After Long Night\nBy Ann Reed | July 9, 2024\n\u{201c}The budget is fair,\u{201d} Maria Lopez said on Tuesday.\n";
    const SIGN: &str =
        "Notice\n\nThe sign on the door read \u{201c}closed for repairs\u{201d} all week.\n";

    #[test]
    fn speakers_are_linked_across_articles_with_counts_dates_and_shares() {
        let v = table(&[("a.txt", ONE), ("b.txt", TWO), ("c.txt", SIGN)]);
        let lopez = v.speaker("PERSON", "Maria Lopez").unwrap();
        assert_eq!(lopez.quotes, 2);
        assert_eq!(lopez.words_quoted, 4 + 4);
        assert_eq!(lopez.articles.len(), 2);
        assert_eq!(lopez.first_seen.as_deref(), Some("2024-06-03"));
        assert_eq!(lopez.last_seen.as_deref(), Some("2024-07-09"));
        assert!(
            lopez
                .organisations
                .iter()
                .any(|o| o.contains("Finance Ministry")),
            "{lopez:?}"
        );
        assert_eq!(v.articles.len(), 3);
        assert_eq!(
            v.total_quotes(),
            v.articles.values().map(|a| a.quotes).sum::<usize>()
        );
        assert!(v.unattributed >= 1);
        assert_eq!(v.ranked()[0].name, "Maria Lopez");
    }

    #[test]
    fn merging_tables_of_parts_equals_the_table_of_the_whole() {
        let whole = table(&[("a.txt", ONE), ("b.txt", TWO)]);
        let mut parts = table(&[("b.txt", TWO)]);
        parts.merge(table(&[("a.txt", ONE)]));
        assert_eq!(parts, whole);
        // A part sent as JSON and back merges the same.
        let sent: Voices = serde_json::from_str(&serde_json::to_string(&whole).unwrap()).unwrap();
        assert_eq!(sent, whole);
    }
}
