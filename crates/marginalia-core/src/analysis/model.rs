//! The analysis output, shaped as `analyze --json` prints it (see `shared/spec/analysis-json.md`).
//!
//! All offsets are code points into `Document::text`, end exclusive; every `text` field equals
//! the document text between `start` and `end`.

use serde::{Deserialize, Serialize, Serializer};

/// Everything the analysis found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Direct quotations, in text order.
    pub quotes: Vec<Quote>,
    /// Named entities, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Figures (numbers, amounts, dates), in text order.
    pub figures: Vec<Figure>,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q1`, `q2`, … in text order.
    pub id: String,
    /// First char (the opening mark).
    pub start: usize,
    /// One past the last char (the closing mark, when there is one).
    pub end: usize,
    /// The quoted text with its marks.
    pub text: String,
    /// Who said it, or `None` when nobody can be identified.
    pub speaker: Option<Speaker>,
    /// The speech verb that attributes it ("said", "added"), if any.
    pub cue: Option<String>,
    /// When a pronoun named the speaker, why this person (`analyze --explain`, the details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Why>,
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical (fullest) name of the speaking entity.
    pub name: String,
    /// The entity's id, when the speaker is one of the entities.
    pub entity: Option<String>,
}

/// A named entity and all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "EntityJson", from = "EntityJson")]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    /// Canonical (fullest) name.
    pub name: String,
    /// PERSON, ORG, PLACE, or NORP (the JSON's `type`).
    pub kind: EntityType,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Roles and titles the article gives it ("President", "Prime Minister").
    pub roles: Vec<String>,
    /// Why it has its type (`analyze --explain` prints it; the details panel shows it).
    pub why: Option<Why>,
}

/// The evidence behind a decision: the score of each choice and the features that weighed most
/// in it, with their weights (positive for the choice made, negative against it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Why {
    /// Each choice with its score, best first ("PERSON" 2.1, "ORG" -0.4, …).
    pub scores: Vec<Weighed>,
    /// The features that decided between the best choice and the runner-up, largest first.
    pub features: Vec<Weighed>,
}

/// A name with a weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weighed {
    /// A choice ("PERSON") or a feature ("prev:in").
    pub name: String,
    /// Its score or weight, rounded to hundredths.
    pub weight: f32,
}

impl Weighed {
    /// `name` with `weight` rounded to hundredths.
    pub fn new(name: impl Into<String>, weight: f32) -> Self {
        Weighed {
            name: name.into(),
            weight: (weight * 100.0).round() / 100.0,
        }
    }
}

/// [`Entity`] as the JSON writes it. The JSON calls the kind `type`, a keyword in Rust: the
/// field is spelled as a raw identifier, so serde names it without a rename, while the code keeps
/// the clearer `kind`.
#[derive(Serialize, Deserialize)]
struct EntityJson {
    id: String,
    name: String,
    r#type: EntityType,
    mentions: Vec<Mention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    why: Option<Why>,
}

impl From<Entity> for EntityJson {
    fn from(e: Entity) -> Self {
        Self {
            id: e.id,
            name: e.name,
            r#type: e.kind,
            mentions: e.mentions,
            roles: e.roles,
            why: e.why,
        }
    }
}

impl From<EntityJson> for Entity {
    fn from(e: EntityJson) -> Self {
        Self {
            id: e.id,
            name: e.name,
            kind: e.r#type,
            mentions: e.mentions,
            roles: e.roles,
            why: e.why,
        }
    }
}

/// The kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation, company, agency, court, team.
    Org,
    /// A country, city, region, or named building.
    Place,
    /// A nationality or group adjective ("Kenyan"); not a place.
    Norp,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The mention's text.
    pub text: String,
}

/// A figure: a count, amount, percentage, quantity, fraction, ordinal or date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `f1`, `f2`, … in text order.
    pub id: String,
    /// First char (including an approximator such as "nearly").
    pub start: usize,
    /// One past the last char (excluding the counted noun).
    pub end: usize,
    /// The figure's text.
    pub text: String,
    /// What sort of figure.
    pub kind: FigureKind,
    /// The normalised value; `None` for relative dates or vague amounts.
    pub value: Option<FigureValue>,
    /// Whether an approximator ("nearly", "about", "more than") qualifies it.
    pub approximate: bool,
    /// The counted noun ("officers"), when there is one.
    pub counted: Option<String>,
}

/// The kinds of figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum FigureKind {
    /// A count.
    Cardinal,
    /// A percentage.
    Percent,
    /// An amount of money.
    Money,
    /// A measure with a unit.
    Quantity,
    /// A date.
    Date,
    /// "third", "12th".
    Ordinal,
    /// "half", "one in five".
    Fraction,
}

/// A figure's value: a number, or an ISO-8601 date prefix.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum FigureValue {
    /// Plain number (money in units of its currency, percent as the percentage, fraction in 0..1).
    Number(f64),
    /// ISO-8601 prefix: "2024", "2024-06", "2024-06-03".
    Date(String),
}

impl Serialize for FigureValue {
    /// Whole numbers are written without a fractional part (`600000`, not `600000.0`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FigureValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                s.serialize_i64(*n as i64)
            }
            FigureValue::Number(n) => s.serialize_f64(*n),
            FigureValue::Date(d) => s.serialize_str(d),
        }
    }
}

impl Analysis {
    /// Drops the reasons behind each entity's type and each quote's speaker, which only
    /// `--explain` and the details panel show.
    pub fn drop_reasons(&mut self) {
        for e in &mut self.entities {
            e.why = None;
        }
        for q in &mut self.quotes {
            q.why = None;
        }
    }

    /// Sorts items into text order and numbers them `q1…`, `e1…`, `f1…`, rewriting speaker
    /// references to entity ids that changed.
    pub fn assign_ids(&mut self) {
        self.quotes.sort_by_key(|q| (q.start, q.end));
        self.figures.sort_by_key(|f| (f.start, f.end));
        for e in &mut self.entities {
            e.mentions.sort_by_key(|m| (m.start, m.end));
        }
        self.entities
            .sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.start));
        let mut renames = std::collections::HashMap::new();
        for (i, e) in self.entities.iter_mut().enumerate() {
            let new = numbered('e', i + 1);
            renames.insert(std::mem::replace(&mut e.id, new.clone()), new);
        }
        for (i, q) in self.quotes.iter_mut().enumerate() {
            q.id = numbered('q', i + 1);
            if let Some(sp) = &mut q.speaker
                && let Some(old) = &sp.entity
            {
                sp.entity = renames.get(old).cloned();
            }
        }
        for (i, f) in self.figures.iter_mut().enumerate() {
            f.id = numbered('f', i + 1);
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// An id such as "f12": written digit by digit, as a long text has hundreds of thousands of
/// figures and the formatting machinery costs more than the rest of the numbering.
fn numbered(prefix: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut m = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(1 + digits.len() - k);
    s.push(prefix);
    s.extend(digits[k..].iter().map(|&d| char::from(d)));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_values_print_as_integers() {
        let v = serde_json::to_string(&FigureValue::Number(600000.0)).unwrap();
        assert_eq!(v, "600000");
        let v = serde_json::to_string(&FigureValue::Number(0.25)).unwrap();
        assert_eq!(v, "0.25");
        let v = serde_json::to_string(&FigureValue::Date("2024-06".into())).unwrap();
        assert_eq!(v, "\"2024-06\"");
    }

    #[test]
    fn ids_are_prefix_and_decimal_number() {
        assert_eq!(numbered('f', 1), "f1");
        assert_eq!(numbered('q', 10), "q10");
        assert_eq!(numbered('e', 987_654_321), "e987654321");
        assert_eq!(numbered('e', 0), "e0");
    }
}
