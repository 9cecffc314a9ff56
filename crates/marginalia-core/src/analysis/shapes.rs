//! Word shapes: a test, much cheaper than hashing, that rules a word out of a set.
//!
//! A shape is a word's length with the five low bits of its first and last bytes. Those bits are
//! the same for an ASCII letter in either case ('A' and 'a') and for the lead bytes of accented
//! capitals and small letters ("É", "é"), so shapes also match across case. A word whose shape
//! is absent is certainly not in the set; one whose shape is present must still be looked up.

/// The shapes (first byte, last byte, length) of the words of a set: a test, cheaper than
/// hashing, that rules most other words out.
#[derive(Debug, Clone)]
pub struct Shapes(Vec<u64>);

impl Default for Shapes {
    fn default() -> Self {
        Shapes(vec![0; 1024])
    }
}

impl Shapes {
    pub fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut s = Shapes::default();
        for w in words {
            s.add(w);
        }
        s
    }

    /// Adds the shape of `w`.
    pub fn add(&mut self, w: &str) {
        if let Some((slot, bit)) = Self::key(w) {
            self.0[slot] |= bit;
        }
    }

    /// The table slot (from the five low bits of the first and last bytes, which tell the
    /// letters apart) and the bit for the length.
    fn key(w: &str) -> Option<(usize, u64)> {
        let bytes = w.as_bytes();
        let (first, last) = (*bytes.first()?, *bytes.last()?);
        let slot = usize::from(first & 31) | usize::from(last & 31) << 5;
        Some((slot, 1 << w.len().min(63)))
    }

    /// False when no word of the set has this word's shape.
    pub fn may_hold(&self, w: &str) -> bool {
        Self::key(w).is_some_and(|(slot, bit)| self.0[slot] & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::Shapes;

    #[test]
    fn shapes_rule_out_and_ignore_case() {
        let s = Shapes::of(["march", "Éric", "five"].into_iter());
        assert!(s.may_hold("march") && s.may_hold("March") && s.may_hold("MARCH"));
        assert!(s.may_hold("éric"));
        assert!(!s.may_hold("marcher"));
        assert!(!s.may_hold("six"));
        assert!(!s.may_hold(""));
    }
}
