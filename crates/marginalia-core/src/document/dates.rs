//! Finding a publication date written in a byline ("By Jane Doe | June 1, 2025").
//!
//! Bylines put the date in a handful of shapes; the loaders only need to find it and keep it as
//! written, not to interpret it.

use std::sync::LazyLock;

use regex::Regex;

/// "June 1, 2025", "Jun. 1 2025", "1 June 2025", "2025-06-01".
static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    let pattern = format!(
        r"\b(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{month}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
    );
    Regex::new(&pattern).ok()
});

/// The first date written in `s`, as written.
pub fn find_date(s: &str) -> Option<&str> {
    let re = DATE.as_ref()?;
    re.find(s).map(|m| m.as_str())
}

/// Whether a line reads as a byline: short, one line, starting with "By ".
pub fn looks_like_byline(s: &str) -> bool {
    let s = s.trim();
    let starts_by = s
        .get(..3)
        .is_some_and(|head| head.eq_ignore_ascii_case("by "));
    starts_by && s.chars().count() <= 160 && !s.contains('\n')
}

/// A stricter test for a "By …" line found anywhere in a page: a name follows "By" (capital
/// letter) and the line does not end like a sentence ("By the river, the council met.").
pub fn looks_like_named_byline(s: &str) -> bool {
    let s = s.trim();
    looks_like_byline(s)
        && s[3..].trim_start().starts_with(char::is_uppercase)
        && !s.ends_with(['.', '!', '?', ':', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_in_common_byline_shapes() {
        assert_eq!(
            find_date("By Jane Doe | June 1, 2025"),
            Some("June 1, 2025")
        );
        assert_eq!(find_date("By Jane Doe, 3 March 2024"), Some("3 March 2024"));
        assert_eq!(find_date("Posted 2025-06-01 by staff"), Some("2025-06-01"));
        assert_eq!(find_date("By Sept. 4th 2023"), Some("Sept. 4th 2023"));
        assert_eq!(find_date("By Jane Doe"), None);
        assert_eq!(find_date("By May Lin"), None);
    }

    #[test]
    fn bylines_start_with_by() {
        assert!(looks_like_byline("By Jane Doe"));
        assert!(looks_like_byline("BY JANE DOE"));
        assert!(!looks_like_byline("Byron Bay council met today."));
        assert!(!looks_like_byline("Jane Doe"));
        assert!(looks_like_named_byline("By Jane Doe, Staff Reporter"));
        assert!(!looks_like_named_byline("By the river, the council met."));
        assert!(!looks_like_named_byline(
            "By Monday, the Council had agreed."
        ));
    }
}
