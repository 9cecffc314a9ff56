//! Where things sit in the article: the sentence around a span, and which paragraph it is in.

use std::ops::Range;

use crate::document::Document;

/// The sentence (within its paragraph) around the char range `r`.
pub fn sentence_around(doc: &Document, r: Range<usize>) -> Range<usize> {
    let Some(p) = doc
        .paragraphs
        .iter()
        .find(|p| p.start <= r.start && r.start < p.end.max(p.start + 1))
    else {
        return r;
    };
    let chars: Vec<char> = doc
        .text
        .chars()
        .skip(p.start)
        .take(p.end - p.start)
        .collect();
    let local_s = r.start - p.start;
    let local_e = (r.end.min(p.end)) - p.start;
    let is_end = |i: usize| -> bool {
        // A sentence ends at . ! ? (and a closing mark after it) followed by a space and a
        // capital or an opening mark.
        let c = chars[i];
        if !matches!(c, '.' | '!' | '?') {
            return false;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j], '”' | '"' | '’' | '\'' | ')') {
            j += 1;
        }
        if j >= chars.len() {
            return true;
        }
        if chars[j] != ' ' {
            return false;
        }
        let k = j + 1;
        k < chars.len() && (chars[k].is_uppercase() || matches!(chars[k], '“' | '"' | '‘'))
            // "Dr. Garry", "Mr. Smith": a short capitalised word before the stop is an abbreviation.
            && !is_abbreviation(&chars, i)
    };
    let mut s = local_s;
    while s > 0 && !is_end(s - 1) {
        s -= 1;
    }
    while s < chars.len() && chars[s] == ' ' {
        s += 1;
    }
    let mut e = local_e.max(s);
    while e < chars.len() && !is_end(e) {
        e += 1;
    }
    if e < chars.len() {
        e += 1;
        while e < chars.len() && matches!(chars[e], '”' | '"' | '’' | '\'' | ')') {
            e += 1;
        }
    }
    p.start + s..p.start + e
}

fn is_abbreviation(chars: &[char], stop: usize) -> bool {
    let mut k = stop;
    while k > 0 && chars[k - 1].is_alphabetic() {
        k -= 1;
    }
    let word: String = chars[k..stop].iter().collect();
    matches!(
        word.as_str(),
        "Dr" | "Mr"
            | "Mrs"
            | "Ms"
            | "Prof"
            | "St"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "No"
            | "Jr"
            | "Sr"
    ) || (word.len() == 1 && word.chars().all(char::is_uppercase))
}

/// 1-based number of the paragraph holding char `c`, and the paragraph count.
pub fn paragraph_number(doc: &Document, c: usize) -> (usize, usize) {
    let i = doc.paragraphs.partition_point(|p| p.end <= c);
    (i + 1, doc.paragraphs.len())
}

/// The text of a char range.
pub fn slice(doc: &Document, r: Range<usize>) -> String {
    doc.text.chars().skip(r.start).take(r.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence_and_keeps_titles_inside() {
        let doc = Document::from_text(
            "Headline Here\nSpeaking alongside Dr. Garry Conille, Ruto spoke. Conille praised Kenya’s action. “It works,” he said.",
        );
        let t = &doc.text;
        let at = t
            .find("Conille praised")
            .map(|b| t[..b].chars().count())
            .unwrap();
        let s = sentence_around(&doc, at..at + 7);
        assert_eq!(slice(&doc, s), "Conille praised Kenya’s action.");
        let at = t.find("Garry").map(|b| t[..b].chars().count()).unwrap();
        let s = sentence_around(&doc, at..at + 5);
        assert_eq!(
            slice(&doc, s),
            "Speaking alongside Dr. Garry Conille, Ruto spoke."
        );
        assert_eq!(paragraph_number(&doc, at), (2, 2));
    }
}
