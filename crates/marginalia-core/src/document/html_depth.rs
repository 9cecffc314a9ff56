//! Bounding how deep a page's elements nest before the HTML parser sees it.
//!
//! The HTML tree builder checks the stack of open elements for every tag it meets, so a page of
//! 100,000 nested `<div>`s costs time that grows with the square of the depth (about a minute).
//! Browsers cap the depth of the tree for the same reason. No article nests anywhere near
//! [`MAX_DEPTH`] deep, so tags deeper than that are dropped — their text is kept — and the parser
//! then works in time proportional to the page.
//!
//! The scan is a small tokenizer that understands what can hide a `<`: comments, `<!…>`
//! declarations, quoted attribute values and the raw text of `<script>`, `<style>`, `<textarea>`
//! and `<title>`. Elements whose end tag is optional or absent (`<p>`, `<li>`, `<br>`, …) do not
//! count, since pages routinely leave them open.

use std::borrow::Cow;

/// Elements nested deeper than this have their tags dropped.
pub const MAX_DEPTH: usize = 400;

/// Elements that do not deepen the tree as the scan counts it: void elements and those whose
/// end tag may be left out.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// `page` with every tag nested deeper than `max_depth` removed; the page itself when it never
/// nests that deep (the common case, with no copy).
pub fn limit_depth(page: &str, max_depth: usize) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut kept_up_to = 0usize;
    let bytes = page.as_bytes();
    let mut i = 0usize;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let Some(tag) = read_tag(page, start) else {
            i = start + 1;
            continue;
        };
        i = tag.end;
        if tag.is_raw_text_open {
            i = skip_raw_text(page, i, tag.name);
        }
        let counted = !tag.self_closing && !NOT_COUNTED.contains(&tag.name);
        let drop = if !counted {
            false
        } else if tag.closing {
            let deep = depth > max_depth;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > max_depth
        };
        if drop {
            let kept = out.get_or_insert_with(|| String::with_capacity(page.len()));
            kept.push_str(&page[kept_up_to..start]);
            kept_up_to = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(page),
        Some(mut kept) => {
            kept.push_str(&page[kept_up_to..]);
            Cow::Owned(kept)
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// One tag found by the scan (names in ASCII lower case are compared case-insensitively).
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    is_raw_text_open: bool,
    /// Byte offset just past the tag's `>` (or past a comment or declaration).
    end: usize,
}

/// Reads the tag, comment or declaration starting at the `<` at `start`. Comments and
/// declarations come back as uncounted tags with an empty name.
fn read_tag(page: &str, start: usize) -> Option<Tag<'_>> {
    let rest = &page[start..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment
            .find("-->")
            .map_or(page.len(), |e| start + 4 + e + 3);
        return Some(Tag::uncounted(end));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(page.len(), |e| start + e + 1);
        return Some(Tag::uncounted(end));
    }
    let closing = rest.as_bytes().get(1) == Some(&b'/');
    let name_start = start + if closing { 2 } else { 1 };
    let name_len = page[name_start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 || !page.as_bytes()[name_start].is_ascii_alphabetic() {
        return None;
    }
    let end = end_of_tag(page, name_start + name_len)?;
    let name = &page[name_start..name_start + name_len];
    let canonical = NOT_COUNTED
        .iter()
        .chain(RAW_TEXT)
        .find(|known| known.eq_ignore_ascii_case(name))
        .copied()
        .unwrap_or(name);
    Some(Tag {
        name: canonical,
        closing,
        self_closing: page[..end - 1].ends_with('/'),
        is_raw_text_open: !closing && RAW_TEXT.contains(&canonical),
        end,
    })
}

impl Tag<'_> {
    fn uncounted(end: usize) -> Self {
        Tag {
            name: "",
            closing: false,
            self_closing: true,
            is_raw_text_open: false,
            end,
        }
    }
}

/// The offset just past the `>` that ends a tag whose attributes start at `from`, stepping over
/// quoted attribute values; `None` when the page ends first.
fn end_of_tag(page: &str, from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in page.as_bytes()[from..].iter().enumerate() {
        match (quote, *b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*b),
            (None, b'>') => return Some(from + i + 1),
            (None, _) => {}
        }
    }
    None
}

/// The offset of the end tag `</name` that closes raw text starting at `from` (the page's end
/// when there is none).
fn skip_raw_text(page: &str, from: usize, name: &str) -> usize {
    let lower = |s: &str| s.to_ascii_lowercase();
    let needle = format!("</{name}");
    let mut i = from;
    while let Some(offset) = page[i..].find("</") {
        let at = i + offset;
        let candidate = page.get(at..at + needle.len()).map(lower);
        if candidate.as_deref() == Some(needle.as_str()) {
            return at;
        }
        i = at + 2;
    }
    page.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!(
            "{}<p>Deep text.</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn ordinary_pages_are_not_copied() {
        let page = "<html><body><p>One<p>Two<ul><li>a<li>b</ul><!-- <div> --></body></html>";
        assert!(matches!(limit_depth(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_dropped_and_their_text_kept() {
        let page = nested(10);
        let limited = limit_depth(&page, 4);
        assert_eq!(limited.matches("<div>").count(), 4);
        assert_eq!(limited.matches("</div>").count(), 4);
        assert!(limited.contains("<p>Deep text.</p>"));
    }

    #[test]
    fn a_less_than_sign_in_scripts_comments_and_attributes_is_not_a_tag() {
        let page =
            "<div title='a>b'><script>if (a<b) { x = '<div>'; }</script><!-- <div><div> --></div>";
        // The div and the script are two levels; nothing inside them counts.
        assert!(matches!(limit_depth(page, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_and_broken_tags_do_not_panic() {
        for page in [
            "<",
            "<div",
            "<div title='x",
            "</",
            "<!--",
            "<script>",
            "<é>",
            "<a\u{301}>",
        ] {
            let _ = limit_depth(page, 1);
        }
    }
}
