//! Conversion between byte offsets and code-point (`char`) offsets.
//!
//! Every offset users and files see is a Unicode code-point index into `Document::text`; Rust
//! strings are indexed by bytes. [`TextIndex`] converts both ways in O(log n) using a sparse table of
//! checkpoints, so callers can keep byte offsets internally and convert once at the boundary.

/// A byte ↔ char offset map over one text.
///
/// Invariant: `checkpoints[k]` is the byte offset of char `k * STRIDE`; the last entry may be
/// followed by fewer than `STRIDE` chars.
#[derive(Debug, Clone)]
pub struct TextIndex {
    checkpoints: Vec<usize>,
    byte_len: usize,
    char_len: usize,
    ascii: bool,
}

const STRIDE: usize = 64;

impl TextIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        let mut char_len = 0;
        if !ascii {
            checkpoints.reserve(text.len() / STRIDE + 1);
            for (i, (byte, _)) in text.char_indices().enumerate() {
                if i % STRIDE == 0 {
                    checkpoints.push(byte);
                }
                char_len = i + 1;
            }
        } else {
            char_len = text.len();
        }
        Self {
            checkpoints,
            byte_len: text.len(),
            char_len,
            ascii,
        }
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of char `char_idx` (clamped to the end of the text).
    pub fn byte_of(&self, text: &str, char_idx: usize) -> usize {
        if char_idx >= self.char_len {
            return self.byte_len;
        }
        if self.ascii {
            return char_idx;
        }
        let block = char_idx / STRIDE;
        let start = self.checkpoints[block];
        let skip = char_idx - block * STRIDE;
        text[start..]
            .char_indices()
            .nth(skip)
            .map_or(self.byte_len, |(b, _)| start + b)
    }

    /// Char offset of byte `byte_idx`; a byte inside a multi-byte char maps to that char.
    pub fn char_of(&self, text: &str, byte_idx: usize) -> usize {
        if byte_idx >= self.byte_len {
            return self.char_len;
        }
        if self.ascii {
            return byte_idx;
        }
        let block = match self.checkpoints.binary_search(&byte_idx) {
            Ok(k) => return k * STRIDE,
            Err(k) => k.saturating_sub(1),
        };
        let start = self.checkpoints[block];
        let mut n = block * STRIDE;
        for (b, _) in text[start..].char_indices() {
            if start + b >= byte_idx {
                if start + b > byte_idx {
                    n -= 1;
                }
                return n;
            }
            n += 1;
        }
        self.char_len
    }

    /// The substring between two char offsets.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let s = self.byte_of(text, start);
        let e = self.byte_of(text, end.max(start));
        &text[s..e]
    }
}

/// Char length of a string (code points).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_byte_of(text: &str, c: usize) -> usize {
        text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
    }

    #[test]
    fn maps_non_ascii_both_ways() {
        let text = "“Haiti’s” café 🇭🇹 ok — done".repeat(20);
        let idx = TextIndex::new(&text);
        assert_eq!(idx.char_len(), text.chars().count());
        for c in 0..=idx.char_len() {
            let b = naive_byte_of(&text, c);
            assert_eq!(idx.byte_of(&text, c), b, "char {c}");
            assert_eq!(idx.char_of(&text, b), c, "byte {b}");
        }
    }

    #[test]
    fn byte_inside_a_char_maps_to_that_char() {
        let text = "a“b";
        let idx = TextIndex::new(text);
        assert_eq!(idx.char_of(text, 2), 1);
        assert_eq!(idx.char_of(text, 4), 2);
        assert_eq!(idx.slice(text, 1, 2), "“");
    }

    #[test]
    fn ascii_fast_path() {
        let text = "plain ascii";
        let idx = TextIndex::new(text);
        assert_eq!(idx.byte_of(text, 3), 3);
        assert_eq!(idx.char_of(text, 100), 11);
        assert_eq!(idx.slice(text, 6, 11), "ascii");
    }
}
