//! Finding the parts of a saved news page: where the article is, its headline, byline and date,
//! and which boxes around it are page furniture (menus, ads, related stories) rather than article.
//!
//! Pages differ; these rules follow the common markup: `<article>`, `<main>`, `rel="author"`,
//! `.byline`, `itemprop`, `<time datetime>`, Open Graph `<meta>` tags, and class names that say
//! what a box is for.

use scraper::node::Element;
use scraper::{ElementRef, Html};

/// Tags whose content is never article text.
const DROPPED_TAGS: [&str; 28] = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "math",
    "button",
    "select",
    "textarea",
    "input",
    "dialog",
    "menu",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "head",
    "title",
    "img",
    "picture",
];

/// Words in a class or id that mark a box as page furniture.
const FURNITURE_WORDS: [&str; 45] = [
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "signup",
    "subscribe",
    "subscription",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "adslot",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "comments",
    "comment",
    "cookie",
    "cookies",
    "consent",
    "banner",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "sidebar",
    "toolbar",
    "paywall",
    "masthead",
    "outbrain",
    "taboola",
    "recommended",
    "recirculation",
    "trending",
    "most-read",
    "mostread",
    "hidden",
    "kicker",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: [&str; 8] = [
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "search",
    "dialog",
    "menu",
    "menubar",
];

/// Whether an element (with everything in it) is not article text.
pub fn is_furniture(el: &Element) -> bool {
    if DROPPED_TAGS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| FURNITURE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return true;
    }
    let names = el.attr("class").into_iter().chain(el.id());
    names.into_iter().any(|name| {
        name.split_whitespace().any(|class| {
            let class = class.to_ascii_lowercase();
            FURNITURE_WORDS.contains(&class.as_str())
                || class
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|word| FURNITURE_WORDS.contains(&word))
        })
    })
}

/// Whether the element or one of its ancestors is page furniture.
pub fn in_furniture(el: ElementRef<'_>) -> bool {
    is_furniture(el.value())
        || el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_furniture(a.value()))
}

/// Whether `el` is `ancestor` or inside it.
pub fn is_within(el: ElementRef<'_>, ancestor: ElementRef<'_>) -> bool {
    el.id() == ancestor.id() || el.ancestors().any(|a| a.id() == ancestor.id())
}

/// All elements of the page in document order.
fn elements(html: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    html.tree.root().descendants().filter_map(ElementRef::wrap)
}

/// Elements inside `root` (itself included) in document order.
fn elements_in(root: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    root.descendants().filter_map(ElementRef::wrap)
}

/// Text of an element with whitespace runs collapsed to one space and trimmed.
pub fn collapsed_text(el: ElementRef<'_>) -> String {
    collapse(&el.text().collect::<String>())
}

/// Collapses runs of HTML whitespace to one space and trims.
pub fn collapse(s: &str) -> String {
    s.split([' ', '\t', '\n', '\r', '\x0c'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the element's text, whitespace collapsed, has at most `limit` chars. Stops counting
/// once past the limit, so asking about a big element is cheap.
fn is_short(el: ElementRef<'_>, limit: usize) -> bool {
    let mut count = 0usize;
    let mut space = false;
    for c in el.text().flat_map(str::chars) {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            space = count > 0;
            continue;
        }
        count += 1 + usize::from(space);
        space = false;
        if count > limit {
            return false;
        }
    }
    true
}

/// Length of the paragraph text directly meaningful for choosing the article.
fn p_text_len(p: ElementRef<'_>) -> usize {
    p.text().map(|t| t.trim().len()).sum()
}

/// The element holding the article: the `<article>` with the most paragraph text, else `<main>`,
/// else the element whose paragraphs hold the most text, else `<body>`.
pub fn find_root<'a>(html: &'a Html) -> ElementRef<'a> {
    let score = |el: ElementRef<'_>| -> usize {
        elements_in(el)
            .filter(|e| e.value().name() == "p")
            .map(p_text_len)
            .sum()
    };
    let best_article = elements(html)
        .filter(|e| e.value().name() == "article" && !in_furniture(*e))
        .map(|e| (score(e), e))
        .fold(None::<(usize, ElementRef<'_>)>, |best, (s, e)| match best {
            Some((bs, _)) if bs >= s => best,
            _ => Some((s, e)),
        });
    if let Some((_, article)) = best_article {
        return article;
    }
    if let Some(main) = elements(html).find(|e| {
        (e.value().name() == "main" || e.value().attr("role") == Some("main")) && !in_furniture(*e)
    }) {
        return main;
    }
    // The parent whose paragraphs hold the most text (grandparents count half).
    let mut scores = std::collections::HashMap::new();
    let mut add = |el: ElementRef<'a>, n: usize| {
        scores.entry(el.id()).or_insert((el, 0)).1 += n;
    };
    for p in elements(html).filter(|e| e.value().name() == "p" && !in_furniture(*e)) {
        let n = p_text_len(p);
        let mut parents = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = parents.next() {
            add(parent, n);
            if let Some(grand) = parents.next() {
                add(grand, n / 2);
            }
        }
    }
    // Highest score; on a tie the element that comes first in the page.
    let best = scores
        .into_values()
        .max_by(|(a, sa), (b, sb)| sa.cmp(sb).then(b.id().cmp(&a.id())));
    if let Some((el, _)) = best {
        return el;
    }
    elements(html)
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| html.root_element())
}

/// The article's headline element: the first `<h1>` in the article.
pub fn find_headline(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    elements_in(root)
        .find(|e| e.value().name() == "h1" && !in_furniture(*e) && !collapsed_text(*e).is_empty())
}

/// The title from the page's metadata: `og:title`, else `<title>` without its " | Site" suffix.
pub fn meta_title(html: &Html) -> Option<String> {
    let og = elements(html)
        .filter(|e| e.value().name() == "meta")
        .find(|e| {
            matches!(
                e.value().attr("property").or(e.value().attr("name")),
                Some("og:title" | "twitter:title")
            )
        })
        .and_then(|e| e.value().attr("content"))
        .map(collapse)
        .filter(|t| !t.is_empty());
    if og.is_some() {
        return og;
    }
    let title = elements(html).find(|e| e.value().name() == "title")?;
    let title = collapsed_text(title);
    let title = strip_site_suffix(&title);
    (!title.is_empty()).then(|| title.to_string())
}

/// "Storm closes port | The Coast Herald" → "Storm closes port" (also " - ", " – ", " — ").
pub fn strip_site_suffix(title: &str) -> &str {
    let cut = [" | ", " - ", " – ", " — ", " :: "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i);
    match cut {
        Some((i, len)) if i > 0 && title.len() - i - len <= i => title[..i].trim(),
        _ => title.trim(),
    }
}

/// The byline element (`.byline`, `[itemprop=author]`, `[rel=author]`, `.author`, or a short
/// "By …" line), looked for in the article first, then in the whole page. An element that only
/// names the author is widened to its "By …" line when there is one.
pub fn find_byline<'a>(
    html: &'a Html,
    root: ElementRef<'a>,
    headline: Option<ElementRef<'a>>,
) -> Option<ElementRef<'a>> {
    let usable = |e: &ElementRef<'a>| {
        !is_within(root, *e)
            && !in_furniture(*e)
            && headline.is_none_or(|h| !is_within(*e, h))
            && !collapsed_text(*e).is_empty()
    };
    let rules: [&dyn Fn(&Element) -> bool; 4] = [
        &|e| has_class_containing(e, "byline"),
        &|e| {
            e.attr("itemprop")
                .is_some_and(|v| v.split_whitespace().any(|w| w == "author"))
        },
        &|e| {
            e.attr("rel")
                .is_some_and(|v| v.split_whitespace().any(|w| w == "author"))
        },
        &|e| {
            e.attr("class").is_some_and(|c| {
                c.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            })
        },
    ];
    for scope in [Some(root), None] {
        for rule in rules {
            let found = match scope {
                Some(r) => elements_in(r).find(|e| rule(e.value()) && usable(e)),
                None => elements(html).find(|e| rule(e.value()) && usable(e)),
            };
            if let Some(el) = found {
                return Some(widen_to_by_line(el));
            }
        }
    }
    // A short block in the article reading "By …": found from its text, so that the search stays
    // linear however deeply the page is nested.
    root.descendants()
        .filter(|n| {
            n.value()
                .as_text()
                .is_some_and(|t| super::dates::looks_like_byline(t))
        })
        .filter_map(|n| {
            n.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|e| matches!(e.value().name(), "p" | "div" | "span" | "address"))
        })
        .take(8)
        .find(|e| {
            usable(e)
                && super::dates::looks_like_named_byline(&collapsed_text(*e))
                && !elements_in(*e).skip(1).any(|d| d.value().name() == "p")
        })
}

/// An author name's enclosing "By …" line, if its parent or grandparent is one.
fn widen_to_by_line(el: ElementRef<'_>) -> ElementRef<'_> {
    if super::dates::looks_like_byline(&collapsed_text(el)) {
        return el;
    }
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .take(2)
        .find(|a| super::dates::looks_like_byline(&collapsed_text(*a)))
        .unwrap_or(el)
}

fn has_class_containing(el: &Element, word: &str) -> bool {
    el.attr("class").is_some_and(|c| {
        c.split_whitespace()
            .any(|w| w.to_ascii_lowercase().contains(word))
    })
}

/// Where the publication date is written.
#[derive(Debug, Clone, Copy)]
pub struct DateFound<'a> {
    /// The `<time>` element, when the date is one.
    pub time: Option<ElementRef<'a>>,
    /// The element to leave out of the paragraphs (the time, or the short line holding it).
    pub container: Option<ElementRef<'a>>,
}

/// The publication date: a `<time>` that is not inside a body paragraph (in the article first),
/// else page metadata (`article:published_time`, `itemprop=datePublished`, `name=date`).
/// Returns the date as written and where it is.
pub fn find_date<'a>(html: &'a Html, root: ElementRef<'a>) -> Option<(String, DateFound<'a>)> {
    let standalone_time = |e: &ElementRef<'a>| -> Option<(String, DateFound<'a>)> {
        if e.value().name() != "time" || in_furniture(*e) {
            return None;
        }
        let text = collapsed_text(*e);
        let date = if text.is_empty() {
            collapse(e.value().attr("datetime")?)
        } else {
            text.clone()
        };
        // Inside prose ("On <time>Monday</time> the council…") it is not the dateline.
        let block = e.ancestors().filter_map(ElementRef::wrap).find(|a| {
            matches!(
                a.value().name(),
                "p" | "li" | "blockquote" | "h2" | "h3" | "h4" | "h5" | "h6" | "div" | "header"
            )
        });
        let container = match block {
            Some(b) if matches!(b.value().name(), "p" | "div") => {
                if is_short(b, text.chars().count() + 20) {
                    Some(b)
                } else if b.value().name() == "p" {
                    return None;
                } else {
                    Some(*e)
                }
            }
            Some(b) if b.value().name() == "header" => Some(*e),
            Some(_) => return None,
            None => Some(*e),
        };
        Some((
            date,
            DateFound {
                time: Some(*e),
                container,
            },
        ))
    };
    if let Some(found) = elements_in(root).find_map(|e| standalone_time(&e)) {
        return Some(found);
    }
    if let Some(found) = elements(html).find_map(|e| standalone_time(&e)) {
        return Some(found);
    }
    elements(html).find_map(|e| {
        let v = e.value();
        let is_date = matches!(
            v.attr("property").or(v.attr("name")),
            Some("article:published_time" | "date" | "pubdate" | "publish-date" | "dc.date")
        ) || v.attr("itemprop") == Some("datePublished");
        if !is_date {
            return None;
        }
        let value = collapse(v.attr("content").or(v.attr("datetime"))?);
        (!value.is_empty()).then_some((
            value,
            DateFound {
                time: None,
                container: None,
            },
        ))
    })
}

/// The author named in `<meta name="author">`, for pages with no byline in the text.
pub fn meta_author(html: &Html) -> Option<String> {
    elements(html)
        .filter(|e| e.value().name() == "meta")
        .find(|e| e.value().attr("name") == Some("author"))
        .and_then(|e| e.value().attr("content"))
        .map(collapse)
        .filter(|a| !a.is_empty())
}
