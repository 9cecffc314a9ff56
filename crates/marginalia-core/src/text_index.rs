//! Conversion between byte offsets and code-point (`char`) offsets.
//!
//! Every offset users and files see is a Unicode code-point index into `Document::text`; Rust
//! strings are indexed by bytes. [`TextIndex`] converts both ways in O(log n) using a sparse table of
//! per-block char counts, so callers can keep byte offsets internally and convert once at the boundary.

/// A byte ↔ char offset map over one text.
///
/// Invariant: `chars_before[k]` is the number of chars that begin before byte `k * STRIDE`.
/// Building it counts UTF-8 first bytes block by block (no decoding), which the compiler
/// vectorises; a lookup reads one entry and counts at most `STRIDE` bytes.
#[derive(Debug, Clone)]
pub struct TextIndex {
    chars_before: Vec<usize>,
    byte_len: usize,
    char_len: usize,
    ascii: bool,
}

const STRIDE: usize = 64;

/// Whether `b` begins a char (is no UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| starts_char(b)).count()
}

impl TextIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let ascii = text.is_ascii();
        let mut chars_before = Vec::new();
        let mut char_len = text.len();
        if !ascii {
            chars_before.reserve(text.len() / STRIDE + 1);
            let mut n = 0;
            for block in text.as_bytes().chunks(STRIDE) {
                chars_before.push(n);
                n += count_chars(block);
            }
            char_len = n;
        }
        Self {
            chars_before,
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
        // The last block that begins with no more than `char_idx` chars before it.
        let block = self
            .chars_before
            .partition_point(|&n| n <= char_idx)
            .saturating_sub(1);
        let mut seen = self.chars_before.get(block).copied().unwrap_or(0);
        let start = block * STRIDE;
        for (i, &b) in text.as_bytes().iter().enumerate().skip(start) {
            if starts_char(b) {
                if seen == char_idx {
                    return i;
                }
                seen += 1;
            }
        }
        self.byte_len
    }

    /// Char offset of byte `byte_idx`; a byte inside a multi-byte char maps to that char.
    pub fn char_of(&self, text: &str, byte_idx: usize) -> usize {
        if byte_idx >= self.byte_len {
            return self.char_len;
        }
        if self.ascii {
            return byte_idx;
        }
        let bytes = text.as_bytes();
        let block = byte_idx / STRIDE;
        let Some((&before, between)) = self
            .chars_before
            .get(block)
            .zip(bytes.get(block * STRIDE..byte_idx))
        else {
            return self.char_len;
        };
        let n = before + count_chars(between);
        match bytes.get(byte_idx) {
            Some(&b) if !starts_char(b) => n.saturating_sub(1),
            _ => n,
        }
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

    proptest::proptest! {
        #[test]
        fn agrees_with_counting_chars(text in "[a-zé“”🇭\n ]{0,300}") {
            let idx = TextIndex::new(&text);
            proptest::prop_assert_eq!(idx.char_len(), text.chars().count());
            for (c, (b, ch)) in text.char_indices().enumerate() {
                proptest::prop_assert_eq!(idx.byte_of(&text, c), b);
                for inner in b..b + ch.len_utf8() {
                    proptest::prop_assert_eq!(idx.char_of(&text, inner), c);
                }
            }
        }
    }
}
