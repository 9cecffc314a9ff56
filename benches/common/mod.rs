//! What the annotation benchmarks share: a seeded pseudo-random sequence and an article of the
//! sample's words in a pseudo-random order.

#![allow(dead_code)]

/// A deterministic pseudo-random sequence.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next value in `0..n`.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// About `bytes` of text in paragraphs of 40–120 of the sample's words.
pub fn paragraphs(rng: &mut Lcg, bytes: usize) -> Vec<String> {
    let sample = include_str!("../../samples/haiti-kenya.txt");
    let words: Vec<&str> = sample.split_whitespace().collect();
    let mut out = Vec::new();
    let mut size = 0;
    while size < bytes {
        let n = 40 + rng.next(80);
        let p: Vec<&str> = (0..n).map(|_| words[rng.next(words.len())]).collect();
        let p = p.join(" ");
        size += p.len() + 1;
        out.push(p);
    }
    out
}
