//! The fitted weights of the name typer: for each feature, one weight per class. Read once from
//! `assets/models/entity_types.tsv`, which `scripts/fit/fit_entity_types.py` writes.

use crate::analysis::fast_hash::HashMap;
use std::sync::OnceLock;

/// The classes a name can be given, in the weights file's column order.
pub const CLASSES: usize = 4;

/// Weights per feature, one per class (person, organisation, place, not a name).
#[derive(Debug, Default)]
pub struct Weights {
    /// Each feature's row in `rows`.
    by_feature: HashMap<String, usize>,
    /// Feature names, by row.
    names: Vec<String>,
    /// The weights, by row.
    rows: Vec<[f32; CLASSES]>,
}

impl Weights {
    /// Parses the weights file: `feature<TAB>w0<TAB>w1<TAB>w2<TAB>w3` lines, `#` comments.
    /// A line that does not parse is left out (the file is ours and checked by a test).
    pub fn parse(data: &str) -> Self {
        let mut w = Weights::default();
        for (name, row) in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(parse_line)
        {
            if !w.by_feature.contains_key(&name) {
                w.by_feature.insert(name.clone(), w.rows.len());
                w.names.push(name);
                w.rows.push(row);
            }
        }
        w
    }

    /// The row of `feature`, if the fitting gave it weights.
    pub fn index(&self, feature: &str) -> Option<usize> {
        self.by_feature.get(feature).copied()
    }

    /// The weights of row `i`.
    pub fn row(&self, i: usize) -> &[f32; CLASSES] {
        &self.rows[i]
    }

    /// The feature of row `i`.
    pub fn name(&self, i: usize) -> &str {
        &self.names[i]
    }

    /// The weights of `feature`, if the fitting gave it any.
    #[cfg(test)]
    pub fn get(&self, feature: &str) -> Option<&[f32; CLASSES]> {
        self.index(feature).map(|i| self.row(i))
    }

    /// Whether there are no weights at all (then the rules' types stand).
    pub fn is_empty(&self) -> bool {
        self.by_feature.is_empty()
    }
}

fn parse_line(line: &str) -> Option<(String, [f32; CLASSES])> {
    let mut cols = line.split('\t');
    let feature = cols.next()?.to_string();
    let mut w = [0.0; CLASSES];
    for slot in &mut w {
        *slot = cols.next()?.trim().parse().ok()?;
    }
    Some((feature, w))
}

/// The shipped weights, parsed on first use.
pub fn entity_type_weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        Weights::parse(include_str!(
            "../../../../../assets/models/entity_types.tsv"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_whole() {
        let data = include_str!("../../../../../assets/models/entity_types.tsv");
        let lines = data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        let w = Weights::parse(data);
        assert_eq!(w.by_feature.len(), lines, "every weight line parses");
        assert!(w.get("b:").is_some(), "the bias is fitted");
    }

    #[test]
    fn a_short_line_is_left_out() {
        let w = Weights::parse("# c\nb:\t1\t2\t3\t4\nx\t1\t2\n");
        assert_eq!(w.get("b:"), Some(&[1.0, 2.0, 3.0, 4.0]));
        assert!(w.get("x").is_none());
    }
}
