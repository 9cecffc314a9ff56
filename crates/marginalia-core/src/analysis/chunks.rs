//! Big texts analysed in parts.
//!
//! A 20 MB "document" is in practice many articles one after another; what links a name to its
//! earlier mentions, or a quote to its speaker, lies within a few paragraphs. Analysing such a
//! text in parts of about [`CHUNK_BYTES`], cut at paragraph ends, keeps the time linear in the
//! size, lets the cancel flag stop the work between parts, and lets the parts run on every core
//! (rayon; inside a one-thread pool they run one after another). The parts' results are joined
//! in text order: offsets shifted, entities with the same type and canonical name merged into
//! one, so the result is the same however many threads ran.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use super::{Analysis, CancelFlag, EntityType};

/// Texts longer than this (in bytes) are analysed in parts of about this size.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// Byte ranges of the parts of `src`: each ends after a line break (a blank line when there is
/// one soon after the nominal size), or at the end of the text. They cover `src` in order.
pub fn split_points(src: &str, chunk: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < src.len() {
        let mut end = start + chunk;
        if end >= src.len() {
            end = src.len();
        } else {
            while !src.is_char_boundary(end) {
                end += 1;
            }
            let rest = &src[end..];
            let mut lim = rest.len().min(chunk / 4);
            while !rest.is_char_boundary(lim) {
                lim += 1;
            }
            let near = &rest[..lim];
            end += near
                .find("\n\n")
                .map(|i| i + 2)
                .or_else(|| rest.find('\n').map(|i| i + 1))
                .unwrap_or(rest.len());
        }
        out.push(start..end);
        start = end;
    }
    out
}

/// Analyses `src` part by part with `analyze_part` and joins the results (`None` if cancelled).
pub fn analyze_in_chunks(
    src: &str,
    cancel: &CancelFlag,
    analyze_part: impl Fn(&str, &CancelFlag) -> Option<Analysis> + Sync,
) -> Option<Analysis> {
    analyze_in_parts(src, CHUNK_BYTES, cancel, analyze_part)
}

/// [`analyze_in_chunks`] with parts of about `chunk` bytes.
pub fn analyze_in_parts(
    src: &str,
    chunk: usize,
    cancel: &CancelFlag,
    analyze_part: impl Fn(&str, &CancelFlag) -> Option<Analysis> + Sync,
) -> Option<Analysis> {
    let parts: Vec<&str> = split_points(src, chunk)
        .into_iter()
        .map(|range| &src[range])
        .collect();
    let analysed: Vec<Analysis> = parts
        .par_iter()
        .map(|part| {
            if cancel.is_cancelled() {
                return None;
            }
            analyze_part(part, cancel)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(join(&parts, analysed))
}

/// Joins the analyses of consecutive `parts` into one of the whole text.
fn join(parts: &[&str], analysed: Vec<Analysis>) -> Analysis {
    let mut joined = Analysis::default();
    let mut by_name: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut char_base = 0usize;
    for (part, a) in parts.iter().zip(analysed) {
        // The part's entity ids → the joined entity ids.
        let mut ids: HashMap<String, String> = HashMap::new();
        for mut e in a.entities {
            for m in &mut e.mentions {
                m.start += char_base;
                m.end += char_base;
            }
            let slot = *by_name.entry((e.kind, e.name.clone())).or_insert_with(|| {
                joined.entities.push(super::Entity {
                    id: format!("j{}", joined.entities.len()),
                    name: e.name.clone(),
                    kind: e.kind,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    why: e.why.clone(),
                });
                joined.entities.len() - 1
            });
            let target = &mut joined.entities[slot];
            target.mentions.extend(e.mentions);
            for r in e.roles {
                if !target.roles.contains(&r) {
                    target.roles.push(r);
                }
            }
            ids.insert(e.id, target.id.clone());
        }
        joined.quotes.extend(a.quotes.into_iter().map(|mut q| {
            q.start += char_base;
            q.end += char_base;
            if let Some(sp) = &mut q.speaker {
                sp.entity = sp.entity.as_ref().and_then(|id| ids.get(id).cloned());
            }
            q
        }));
        joined.figures.extend(a.figures.into_iter().map(|mut f| {
            f.start += char_base;
            f.end += char_base;
            f
        }));
        char_base += part.chars().count();
    }
    joined.assign_ids();
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn parts_cover_the_text_and_end_at_line_breaks() {
        let text = "Line one.\nLine two is “longer”.\n\nA new paragraph “é”.\nLast ’’’’’’’’’’’’’";
        for size in 1..40 {
            let parts = split_points(text, size);
            assert_eq!(
                parts.iter().map(|r| &text[r.clone()]).collect::<String>(),
                text
            );
        }
        let parts = split_points(text, 12);
        assert_eq!(parts.first().map(|r| r.start), Some(0));
        assert_eq!(parts.last().map(|r| r.end), Some(text.len()));
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with('\n'));
        }
    }

    #[test]
    fn joined_parts_agree_with_the_whole_on_repeated_articles() {
        let sample = include_str!("../../../../samples/haiti-kenya.txt");
        let text = format!("{sample}\n\n{sample}\n\n{sample}");
        let doc = Document::from_text(&text);
        let whole = super::super::analyze(&Document::from_text(sample));
        let cancel = CancelFlag::new();
        let size = sample.len() - 100;
        assert_eq!(split_points(&doc.text, size).len(), 3);
        let parts = analyze_in_parts(&doc.text, size, &cancel, |t, c| {
            super::super::analyze_cancellable(&Document::from_text(t), c)
        })
        .unwrap_or_default();
        // Split so that each copy is one part: three times everything, entities merged by name.
        assert_eq!(parts.quotes.len(), 3 * whole.quotes.len());
        assert_eq!(parts.figures.len(), 3 * whole.figures.len());
        assert_eq!(parts.entities.len(), whole.entities.len());
        let chars: Vec<char> = doc.text.chars().collect();
        for q in &parts.quotes {
            assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_ref()) {
                assert!(parts.entity(id).is_some(), "speaker id {id} exists");
            }
        }
        for e in &parts.entities {
            for m in &e.mentions {
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
        }
    }

    #[test]
    fn one_thread_or_four_the_joined_analysis_is_the_same() {
        let sample = include_str!("../../../../samples/haiti-kenya.txt");
        let text = [sample; 6].join("\n\n");
        let doc = Document::from_text(&text);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                analyze_in_parts(&doc.text, sample.len() / 2, &CancelFlag::new(), |t, c| {
                    super::super::analyze_cancellable(&Document::from_text(t), c)
                })
            })
            .unwrap_or_default()
        };
        let one = serde_json::to_string(&run(1)).unwrap();
        let four = serde_json::to_string(&run(4)).unwrap();
        assert!(one.len() > 1000);
        assert_eq!(one, four);
    }

    #[test]
    fn a_cancelled_analysis_stops() {
        let cancel = CancelFlag::new();
        cancel.cancel();
        assert!(
            analyze_in_chunks("some text\n", &cancel, |_, _| Some(Analysis::default())).is_none()
        );
    }
}
