//! The counted noun after a count: "600 officers", "27 clinics and hospitals", "60 new
//! officers" (adjectives before the noun are skipped).

use super::scanner::Scanner;
use super::tokens::TokenKind;
use crate::analysis::words::words;

/// How many words after the number are read looking for the noun.
const LOOKAHEAD: usize = 4;

impl Scanner<'_, '_> {
    /// The counted noun starting the search at token `k`, if a plural noun follows soon.
    pub fn counted_noun(&self, k: usize) -> Option<String> {
        let mut j = k;
        for _ in 0..LOOKAHEAD {
            let t = self.joined(j)?;
            if t.is_hyphen() && !t.space_before {
                j += 1;
                continue;
            }
            if t.kind != TokenKind::Word || t.is_capitalised() {
                return None;
            }
            let w = t.lower;
            if self.lex.counted_stops.contains(w) || self.lex.number_word(t).is_some() {
                return None;
            }
            if self.looks_plural(w) {
                // "title-winning sides": skip the hyphenated modifier.
                if self.glued(j + 1).is_some_and(|h| h.is_hyphen()) {
                    j += 2;
                    continue;
                }
                return Some(t.text.to_string());
            }
            j += 1;
        }
        None
    }

    /// Whether a lower-case word looks like a plural noun.
    pub fn looks_plural(&self, w: &str) -> bool {
        if self.lex.plurals.contains(w) {
            return true;
        }
        w.len() > 3 && w.ends_with('s') && !words().endings.not_plural.suffixes(w)
    }
}
