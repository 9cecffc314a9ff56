//! The analysis as things to draw and visit: one [`Highlight`] per quote, entity mention and
//! figure, sorted in text order, with the per-kind visibility the legend toggles.

use std::ops::Range;

use crate::analysis::{Analysis, EntityType};

/// The kinds of highlight, in legend order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HighlightKind {
    /// A direct quotation.
    Quote,
    /// A person's name.
    Person,
    /// An organisation's name.
    Org,
    /// A place's name.
    Place,
    /// A figure.
    Figure,
}

impl HighlightKind {
    /// All kinds in legend order.
    pub const ALL: [HighlightKind; 5] = [
        HighlightKind::Quote,
        HighlightKind::Person,
        HighlightKind::Org,
        HighlightKind::Place,
        HighlightKind::Figure,
    ];

    /// Plural name for the legend and outline.
    pub fn plural(self) -> &'static str {
        match self {
            HighlightKind::Quote => "Quotes",
            HighlightKind::Person => "People",
            HighlightKind::Org => "Organisations",
            HighlightKind::Place => "Places",
            HighlightKind::Figure => "Figures",
        }
    }

    /// Singular name for tooltips.
    pub fn singular(self) -> &'static str {
        match self {
            HighlightKind::Quote => "Quote",
            HighlightKind::Person => "Person",
            HighlightKind::Org => "Organisation",
            HighlightKind::Place => "Place",
            HighlightKind::Figure => "Figure",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What a highlight stands for: an index into the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// `analysis.quotes[i]`.
    Quote(usize),
    /// `analysis.entities[i]`.
    Entity(usize),
    /// `analysis.figures[i]`.
    Figure(usize),
}

/// One marked span.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// Chars covered.
    pub range: Range<usize>,
    /// Its kind.
    pub kind: HighlightKind,
    /// What it stands for.
    pub item: Item,
}

/// All highlights of an analysis and which kinds are shown.
#[derive(Debug, Clone)]
pub struct Highlights {
    list: Vec<Highlight>,
    counts: [usize; 5],
    /// Whether each kind (in [`HighlightKind::ALL`] order) is shown.
    pub visible: [bool; 5],
}

impl Default for Highlights {
    fn default() -> Self {
        Self {
            list: Vec::new(),
            counts: [0; 5],
            visible: [true; 5],
        }
    }
}

/// The highlight kind of an entity type (NORP is not highlighted).
pub fn kind_of(t: EntityType) -> Option<HighlightKind> {
    match t {
        EntityType::Person => Some(HighlightKind::Person),
        EntityType::Org => Some(HighlightKind::Org),
        EntityType::Place => Some(HighlightKind::Place),
        EntityType::Norp => None,
    }
}

impl Highlights {
    /// Builds the highlights of `analysis`, keeping the visibility of `previous`.
    pub fn new(analysis: &Analysis, visible: [bool; 5]) -> Self {
        let mut list = Vec::new();
        let mut counts = [0; 5];
        for (i, q) in analysis.quotes.iter().enumerate() {
            list.push(Highlight {
                range: q.start..q.end,
                kind: HighlightKind::Quote,
                item: Item::Quote(i),
            });
        }
        counts[HighlightKind::Quote.index()] = analysis.quotes.len();
        for (i, e) in analysis.entities.iter().enumerate() {
            let Some(kind) = kind_of(e.kind) else {
                continue;
            };
            counts[kind.index()] += 1;
            for m in &e.mentions {
                list.push(Highlight {
                    range: m.start..m.end,
                    kind,
                    item: Item::Entity(i),
                });
            }
        }
        for (i, f) in analysis.figures.iter().enumerate() {
            list.push(Highlight {
                range: f.start..f.end,
                kind: HighlightKind::Figure,
                item: Item::Figure(i),
            });
        }
        counts[HighlightKind::Figure.index()] = analysis.figures.len();
        // Text order; an enclosing span (a quote) before what it contains.
        list.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end), h.kind));
        Self {
            list,
            counts,
            visible,
        }
    }

    /// Number of items of a kind (quotes, entities, figures — not mentions).
    pub fn count(&self, kind: HighlightKind) -> usize {
        self.counts[kind.index()]
    }

    /// Whether a kind is shown.
    pub fn is_visible(&self, kind: HighlightKind) -> bool {
        self.visible[kind.index()]
    }

    /// Shows or hides a kind.
    pub fn set_visible(&mut self, kind: HighlightKind, on: bool) {
        self.visible[kind.index()] = on;
    }

    /// All highlights in text order.
    pub fn all(&self) -> &[Highlight] {
        &self.list
    }

    /// Highlights of the visible kinds, in text order.
    pub fn shown(&self) -> impl Iterator<Item = (usize, &Highlight)> {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, h)| self.is_visible(h.kind))
    }

    /// The innermost visible highlight covering char `c` (an entity inside a quote wins).
    pub fn at(&self, c: usize) -> Option<(usize, &Highlight)> {
        let end = self.list.partition_point(|h| h.range.start <= c);
        // Highlights are short except quotes, and quotes stay within a paragraph: look back a
        // bounded way.
        self.list[..end]
            .iter()
            .enumerate()
            .rev()
            .take(256)
            .filter(|(_, h)| h.range.contains(&c) && self.is_visible(h.kind))
            .min_by_key(|(_, h)| h.range.len())
    }

    /// The next (or previous) visible highlight after (before) position `from` in the list.
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.list.len();
        if n == 0 {
            return None;
        }
        for k in 1..=n {
            let i = match (from, forward) {
                (None, true) => k - 1,
                (None, false) => n - k,
                (Some(f), true) => (f + k) % n,
                (Some(f), false) => (f + n - k % n) % n,
            };
            if self.is_visible(self.list[i].kind) {
                return Some(i);
            }
        }
        None
    }

    /// Index of the first highlight of `item`.
    pub fn index_of(&self, item: Item) -> Option<usize> {
        self.list.iter().position(|h| h.item == item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, Figure, FigureKind, FigureValue, Mention, Quote};

    fn sample() -> Analysis {
        Analysis {
            quotes: vec![Quote {
                id: "q1".into(),
                start: 10,
                end: 60,
                text: String::new(),
                speaker: None,
                cue: None,
                why: None,
            }],
            entities: vec![Entity {
                id: "e1".into(),
                name: "Kenya".into(),
                kind: EntityType::Place,
                mentions: vec![
                    Mention {
                        start: 20,
                        end: 25,
                        text: "Kenya".into(),
                    },
                    Mention {
                        start: 70,
                        end: 75,
                        text: "Kenya".into(),
                    },
                ],
                roles: vec![],
                why: None,
            }],
            figures: vec![Figure {
                id: "f1".into(),
                start: 30,
                end: 33,
                text: "600".into(),
                kind: FigureKind::Cardinal,
                value: Some(FigureValue::Number(600.0)),
                approximate: false,
                counted: None,
            }],
        }
    }

    #[test]
    fn innermost_visible_highlight_wins() {
        let mut h = Highlights::new(&sample(), [true; 5]);
        assert_eq!(h.at(21).map(|(_, x)| x.kind), Some(HighlightKind::Place));
        assert_eq!(h.at(12).map(|(_, x)| x.kind), Some(HighlightKind::Quote));
        h.set_visible(HighlightKind::Place, false);
        assert_eq!(h.at(21).map(|(_, x)| x.kind), Some(HighlightKind::Quote));
        assert!(h.at(5).is_none());
    }

    #[test]
    fn stepping_skips_hidden_kinds_and_wraps() {
        let mut h = Highlights::new(&sample(), [true; 5]);
        let order: Vec<_> = h.all().iter().map(|x| x.range.start).collect();
        assert_eq!(order, vec![10, 20, 30, 70]);
        assert_eq!(h.step(None, true), Some(0));
        assert_eq!(h.step(Some(3), true), Some(0));
        assert_eq!(h.step(Some(0), false), Some(3));
        h.set_visible(HighlightKind::Figure, false);
        assert_eq!(h.step(Some(1), true), Some(3));
        assert_eq!(h.count(HighlightKind::Place), 1);
    }
}
