//! Words for people: figure values ("June 2024", "half", "1.2 million"), one-line summaries of
//! highlights, and the "copy with attribution" text.

use crate::analysis::figures::lexicon::lexicon as figures_lexicon;
use crate::analysis::words::words;
use crate::analysis::{Analysis, Entity, EntityType, Figure, FigureKind, FigureValue, Quote};

/// A number with thousands separators and at most 2 decimals ("600,000", "3.25").
pub fn number(n: f64) -> String {
    let neg = n < 0.0;
    let n = n.abs();
    let whole = n.trunc() as u64;
    let mut digits = whole.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    grouped = format!("{digits}{grouped}");
    let frac = n - n.trunc();
    if frac > 1e-9 {
        let f = format!("{:.2}", frac);
        let f = f.trim_start_matches('0').trim_end_matches('0');
        grouped.push_str(f);
    }
    if neg { format!("-{grouped}") } else { grouped }
}

/// Large numbers in words where that reads better ("1.2 billion"); others as [`number`].
pub fn scaled(n: f64) -> String {
    let a = n.abs();
    let Some((div, word)) = words()
        .labels
        .scale_names
        .iter()
        .filter_map(|(value, word)| Some((value.parse::<f64>().ok()?, word)))
        .find(|(div, _)| a >= *div)
    else {
        return number(n);
    };
    let v = n / div;
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} {word}")
}

/// "2024-06" → "June 2024"; "2025-03-03" → "3 March 2025"; "2019" → "2019".
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| figures_lexicon().month_name(m))
    };
    match parts.as_slice() {
        [y] => (*y).to_string(),
        [y, m] => month(m).map_or_else(|| iso.to_string(), |m| format!("{m} {y}")),
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// A fraction in words where it has a common name ("half", "a quarter", "two-thirds").
pub fn fraction_words(v: f64) -> Option<&'static str> {
    words()
        .labels
        .fraction_names
        .iter()
        .find(|(x, _)| ratio(x).is_some_and(|x| (x - v).abs() < 0.002))
        .map(|(_, w)| w)
}

/// "2/3" → 2.0 / 3.0 (the value the division gives, not a rounded decimal); a plain number as
/// written.
fn ratio(s: &str) -> Option<f64> {
    match s.split_once('/') {
        Some((a, b)) => Some(a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?),
        None => s.parse().ok(),
    }
}

/// An ordinal suffix: 1 → "1st", 12 → "12th", 23 → "23rd".
pub fn ordinal(n: f64) -> String {
    let n = n.round() as i64;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A figure's value for people ("600,000", "0.5 = half", "June 2024", "3.5%").
pub fn figure_value(f: &Figure) -> String {
    match (&f.value, f.kind) {
        (None, FigureKind::Date) => words().labels.relative_date.text().to_string(),
        (None, _) => words().labels.no_value.text().to_string(),
        (Some(FigureValue::Date(d)), _) => date(d),
        (Some(FigureValue::Number(n)), FigureKind::Percent) => format!("{}%", number(*n)),
        (Some(FigureValue::Number(n)), FigureKind::Fraction) => match fraction_words(*n) {
            Some(w) => format!("{} = {w}", number(*n)),
            None => number(*n),
        },
        (Some(FigureValue::Number(n)), FigureKind::Ordinal) => ordinal(*n),
        (Some(FigureValue::Number(n)), FigureKind::Money) => scaled(*n),
        (Some(FigureValue::Number(n)), _) => scaled(*n),
    }
}

/// The value as the command line and the JSON give it (ISO dates, plain numbers), when the
/// figure has one.
pub fn figure_machine_value(f: &Figure) -> Option<String> {
    match f.value.as_ref()? {
        FigureValue::Date(d) => Some(d.clone()),
        FigureValue::Number(n) => Some(plain_number(*n)),
    }
}

/// A number without grouping or trailing zeros ("600000", "0.5", "3.25").
fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// How precise a figure is: vague or relative (no value), approximate, or exact, with a date's
/// granularity.
pub fn figure_precision(f: &Figure) -> &'static str {
    let labels = &words().labels;
    let label = match (&f.value, f.approximate) {
        (None, _) if f.kind == FigureKind::Date => &labels.precision_relative,
        (None, _) => &labels.precision_vague,
        (Some(_), true) => &labels.precision_approximate,
        (Some(FigureValue::Date(d)), false) => match d.split('-').count() {
            1 => &labels.precision_year,
            2 => &labels.precision_month,
            _ => &labels.precision_day,
        },
        (Some(FigureValue::Number(_)), false) => &labels.precision_exact,
    };
    label.text()
}

/// The other figures about the same thing as figure `i`: the same counted noun (singular or
/// plural), or, for a figure that counts nothing named, the same kind and value.
pub fn same_thing(a: &Analysis, i: usize) -> Vec<usize> {
    let Some(f) = a.figures.get(i) else {
        return Vec::new();
    };
    let stem = |s: &str| {
        let s = s.to_lowercase();
        s.strip_suffix('s').map(str::to_string).unwrap_or(s)
    };
    let noun = f.counted.as_deref().map(stem);
    a.figures
        .iter()
        .enumerate()
        .filter(|(j, o)| {
            *j != i
                && match &noun {
                    Some(n) => o.counted.as_deref().map(stem).as_ref() == Some(n),
                    None => o.kind == f.kind && o.value.is_some() && o.value == f.value,
                }
        })
        .map(|(j, _)| j)
        .collect()
}

/// Human name of a figure kind.
pub fn figure_kind(k: FigureKind) -> &'static str {
    let labels = &words().labels;
    let label = match k {
        FigureKind::Cardinal => &labels.kind_cardinal,
        FigureKind::Percent => &labels.kind_percent,
        FigureKind::Money => &labels.kind_money,
        FigureKind::Quantity => &labels.kind_quantity,
        FigureKind::Date => &labels.kind_date,
        FigureKind::Ordinal => &labels.kind_ordinal,
        FigureKind::Fraction => &labels.kind_fraction,
    };
    label.text()
}

/// Human name of an entity type.
pub fn entity_type(t: EntityType) -> &'static str {
    let labels = &words().labels;
    let label = match t {
        EntityType::Person => &labels.type_person,
        EntityType::Org => &labels.type_org,
        EntityType::Place => &labels.type_place,
        EntityType::Norp => &labels.type_norp,
    };
    label.text()
}

/// "Quote · William Ruto · said".
pub fn quote_summary(q: &Quote) -> String {
    let who = q
        .speaker
        .as_ref()
        .map_or(words().labels.speaker_unknown.text(), |s| s.name.as_str());
    match &q.cue {
        Some(cue) => format!("Quote · {who} · {cue}"),
        None => format!("Quote · {who}"),
    }
}

/// "Person · William Ruto · President · 14 mentions".
pub fn entity_summary(e: &Entity) -> String {
    let mut s = format!("{} · {}", entity_type(e.kind), e.name);
    if let Some(role) = e.roles.first() {
        s.push_str(&format!(" · {}", role_title(role)));
    }
    let n = e.mentions.len();
    s.push_str(&format!(" · {n} mention{}", if n == 1 { "" } else { "s" }));
    s
}

/// A role as a title: "prime minister" → "Prime Minister".
pub fn role_title(role: &str) -> String {
    role.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Figure · 600,000 · people".
pub fn figure_summary(f: &Figure) -> String {
    let mut s = format!("Figure · {}", figure_value(f));
    if let Some(c) = &f.counted {
        s.push_str(&format!(" · {c}"));
    }
    if f.approximate {
        s.push_str(" · approximate");
    }
    s
}

/// “…” — William Ruto (the quote with its marks normalised to curly ones).
pub fn quote_with_attribution(q: &Quote) -> String {
    let inner = q
        .text
        .trim()
        .trim_matches(|c| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''));
    let inner = inner.trim_end_matches(',').trim();
    match &q.speaker {
        Some(s) => format!("“{inner}” — {}", s.name),
        None => format!("“{inner}”"),
    }
}

/// Words in a quote (for the "who is quoted" chart).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Speakers by number of quotes: (name, entity index if known, quotes, words), most quoted first.
pub fn speakers(a: &Analysis) -> Vec<(String, Option<usize>, usize, usize)> {
    let mut out: Vec<(String, Option<usize>, usize, usize)> = Vec::new();
    for q in &a.quotes {
        let name = q.speaker.as_ref().map_or_else(
            || words().labels.unattributed.text().to_string(),
            |s| s.name.clone(),
        );
        let ent = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_ref())
            .and_then(|id| a.entities.iter().position(|e| &e.id == id));
        let words = word_count(&q.text);
        match out.iter_mut().find(|(n, ..)| *n == name) {
            Some(row) => {
                row.2 += 1;
                row.3 += words;
            }
            None => out.push((name, ent, 1, words)),
        }
    }
    out.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(number(600000.0), "600,000");
        assert_eq!(number(3.25), "3.25");
        assert_eq!(number(-20.0), "-20");
        assert_eq!(scaled(1_200_000_000.0), "1.2 billion");
        assert_eq!(scaled(4_100_000.0), "4.1 million");
        assert_eq!(scaled(350_000.0), "350,000");
    }

    #[test]
    fn dates_read_well() {
        assert_eq!(date("2024-06"), "June 2024");
        assert_eq!(date("2025-03-03"), "3 March 2025");
        assert_eq!(date("2019"), "2019");
        assert_eq!(date("2019-13"), "2019-13");
    }

    #[test]
    fn fractions_and_ordinals() {
        assert_eq!(fraction_words(0.5), Some("half"));
        assert_eq!(fraction_words(0.333333), Some("a third"));
        assert_eq!(fraction_words(0.37), None);
        assert_eq!(ordinal(1.0), "1st");
        assert_eq!(ordinal(12.0), "12th");
        assert_eq!(ordinal(23.0), "23rd");
        assert_eq!(ordinal(111.0), "111th");
    }

    #[test]
    fn summaries_follow_the_pattern() {
        let f = Figure {
            id: "f1".into(),
            start: 0,
            end: 7,
            text: "600,000".into(),
            kind: FigureKind::Cardinal,
            value: Some(FigureValue::Number(600000.0)),
            approximate: false,
            counted: Some("people".into()),
        };
        assert_eq!(figure_summary(&f), "Figure · 600,000 · people");
        let q = Quote {
            id: "q1".into(),
            start: 0,
            end: 10,
            text: "“We will act,”".into(),
            speaker: Some(crate::analysis::Speaker {
                name: "William Ruto".into(),
                entity: None,
            }),
            cue: Some("said".into()),
            why: None,
        };
        assert_eq!(quote_summary(&q), "Quote · William Ruto · said");
        assert_eq!(quote_with_attribution(&q), "“We will act” — William Ruto");
        assert_eq!(role_title("prime minister"), "Prime Minister");
    }
}
