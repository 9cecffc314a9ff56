//! A fast, non-cryptographic hasher for the analysis's word tables.
//!
//! The analysis hashes every word of a document against its word lists; the standard library's
//! DoS-resistant SipHash is several times slower than needed for keys that come from our own data
//! and the user's own article. This is the multiply-rotate scheme used by rustc's `FxHasher`.

use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher for short keys.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(c);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_behave_like_maps() {
        let mut m: HashMap<&str, usize> = HashMap::default();
        for (i, w) in ["Ruto", "Kenya", "Haiti", "R", "Rutoo", ""]
            .iter()
            .enumerate()
        {
            m.insert(w, i);
        }
        assert_eq!(m.get("Haiti"), Some(&2));
        assert_eq!(m.get("Rutoo"), Some(&4));
        assert_eq!(m.get(""), Some(&5));
        assert_eq!(m.get("Nairobi"), None);
    }
}
