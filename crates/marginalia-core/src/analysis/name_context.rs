//! What the words around an unknown name say about its kind, when the name itself says nothing:
//! a district officer's title after it (a place), a club's or firm's role for a named person
//! after it, a score beside it or a win over it (a club or firm).

use super::candidates::is_cap;
use super::text::{Text, TokKind};
use super::words::words;

/// Whether a title that governs a town or district, then a name, follows token `end`:
/// "Dhemaji Deputy Commissioner Pranjal Saikia", "Lagos State Governor …", "Leeds Mayor …".
pub fn governs_next(text: &Text, end: usize) -> bool {
    let n = text.tokens.len();
    // (A bare "Commissioner" or "Minister" is no sign: "EU Commissioner", "Health Minister".)
    let Some(title_len) = words()
        .titles
        .governing
        .longest_at(|i| (end + i < n).then(|| text.tok(end + i)))
    else {
        return false;
    };
    end + title_len < n && is_cap(text, end + title_len)
}

/// Whether the words from token `end` are a role of the employer's, then a person's name:
/// "Harlow head coach Andrea Bellucci", "Saltmarsh director of rugby Gareth Lomax", "Kenya
/// Power managing director Joseph Siror". (A spokesman may speak for a person, so does not
/// count: "Biden spokesman Andrew Bates".)
pub fn employs_next(text: &Text, end: usize) -> bool {
    let mut i = end;
    let mut role = false;
    while i < text.tokens.len() && i < end + 5 {
        let w = text.tok(i);
        if text.tokens[i].kind != TokKind::Word || !w.starts_with(char::is_lowercase) {
            break;
        }
        role |= words().roles.employer.contains(w);
        i += 1;
    }
    role && i > end
        && i + 1 < text.tokens.len()
        && text.tokens[i].sentence == text.tokens[end].sentence
        && is_cap(text, i)
        && is_cap(text, i + 1)
}

/// Whether a sports score follows token `end`: "who beat Tamar Valley 38-17", or the name is
/// one side of a score line ("Saltmarsh 27 Harlow Vale 24").
pub fn with_score(text: &Text, end: usize) -> bool {
    let num = |i: usize| {
        text.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Number && t.end - t.start <= 3)
    };
    if !num(end) {
        return false;
    }
    let glued = |i: usize| text.tokens[i].start == text.tokens[i - 1].end;
    if end + 2 < text.tokens.len()
        && matches!(text.tok(end + 1), "-" | "–")
        && num(end + 2)
        && glued(end + 1)
        && glued(end + 2)
    {
        return true;
    }
    let p = text.tokens[end].paragraph;
    let Some(para) = text.paragraphs.get(p) else {
        return false;
    };
    let toks = para.first_tok..para.end_tok;
    let numbers = toks.clone().filter(|&i| num(i)).count();
    numbers == 2
        && para.end_tok - para.first_tok >= 4
        && num(para.end_tok - 1)
        && toks.clone().all(|i| num(i) || is_cap(text, i))
}

/// Whether the name starting at token `first` is a side another beat or drew with: "came from
/// behind to beat Port Tilbury", "who drew 0-0 at Merton Vale", "lost 2-1 to Kingsford". (A
/// player beaten by a player has a person's name, which the caller checks.)
pub fn beaten_side(text: &Text, first: usize) -> bool {
    let w = |i: usize| text.tok(i);
    if first == 0 {
        return false;
    }
    let wd = words();
    if wd.verbs.victory.contains(w(first - 1)) {
        return true;
    }
    // A score, then the preposition before the side.
    first >= 4
        && wd.prepositions.score_sides.contains(w(first - 1))
        && text.tokens[first - 2].kind == TokKind::Number
        && matches!(w(first - 3), "-" | "–")
        && text.tokens[first - 4].kind == TokKind::Number
}
