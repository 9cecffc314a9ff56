//! What the reader paints over the text besides the text's own styles: the user's notes (a tint
//! in their colour and a line on the bottom edge) and the analysis highlights of the shown kinds;
//! and the document's own inline styles (emphasis, links) as decoration runs.

use egui::{Color32, Stroke};

use super::{Decor, LineStyle, MarkStyle, PaintMark, Run};
use crate::annotations::session::Session;
use crate::document::{Document, InlineStyle};
use crate::ui::highlights::Highlights;
use crate::ui::margin::parse_color;
use crate::ui::theme::{self, Palette};

/// Every painted mark: notes first (under), the shown highlights over them.
pub fn overlay_marks(
    highlights: &Highlights,
    session: &Session,
    selected_note: Option<&str>,
    dark: bool,
) -> Vec<PaintMark> {
    let mut marks = note_marks(session, selected_note, dark);
    marks.extend(highlights.shown().map(|(_, h)| PaintMark {
        range: h.range.clone(),
        style: theme::highlight_style(h.kind, dark),
    }));
    marks
}

/// Painted marks for the placed notes. On a dark page the tint is lighter, so the light text
/// stays readable over it.
fn note_marks(session: &Session, selected_note: Option<&str>, dark: bool) -> Vec<PaintMark> {
    session
        .placed()
        .filter_map(|(a, r)| {
            let r = r?;
            let c = parse_color(&a.color).unwrap_or(Color32::YELLOW);
            let selected = selected_note == Some(a.id.as_str());
            Some(PaintMark {
                range: r,
                style: MarkStyle {
                    fill: Some(note_fill(c, selected, dark)),
                    line: Some((
                        LineStyle::Edge,
                        Stroke::new(if selected { 3.0 } else { 2.0 }, c),
                    )),
                    border: None,
                },
            })
        })
        .collect()
}

/// The tint under a note's text: light enough on a dark page that the page's light text stays
/// readable on it (a yellow at full strength would put white text on ochre).
pub fn note_fill(color: Color32, selected: bool, dark: bool) -> Color32 {
    let alpha = match (dark, selected) {
        (true, false) => 48,
        (true, true) => 80,
        (false, false) => 85,
        (false, true) => 130,
    };
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

/// Runs for the document's own inline styles (emphasis, links).
pub fn style_runs(doc: &Document, palette: &Palette) -> Vec<Run> {
    doc.styles
        .iter()
        .map(|s| {
            let decor = match &s.style {
                InlineStyle::Emphasis => Decor {
                    italic: true,
                    ..Decor::default()
                },
                InlineStyle::Strong => Decor {
                    bold: true,
                    ..Decor::default()
                },
                InlineStyle::Code => Decor {
                    mono: true,
                    ..Decor::default()
                },
                InlineStyle::Link(_) => Decor {
                    color: Some(palette.link),
                    underline: Some(Stroke::new(1.0, palette.link)),
                    ..Decor::default()
                },
            };
            Run {
                range: s.start..s.end,
                decor,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::editor::PALETTE;

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn over(fill: Color32, page: Color32) -> Color32 {
        // `fill` is stored premultiplied: undo that before mixing.
        let un = fill.to_srgba_unmultiplied();
        let a = f64::from(un[3]) / 255.0;
        let m = |f: u8, p: u8| (f64::from(f) * a + f64::from(p) * (1.0 - a)).round() as u8;
        Color32::from_rgb(m(un[0], page.r()), m(un[1], page.g()), m(un[2], page.b()))
    }

    #[test]
    fn text_on_every_note_colour_keeps_readable_contrast_in_both_themes() {
        for dark in [false, true] {
            let p = Palette::for_dark(dark);
            for (name, hex) in PALETTE {
                let c = parse_color(hex).unwrap();
                for selected in [false, true] {
                    let bg = over(note_fill(c, selected, dark), p.paper);
                    let (a, b) = (luminance(p.ink), luminance(bg));
                    let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
                    assert!(
                        ratio >= 4.5,
                        "{name} (dark {dark}, selected {selected}): contrast {ratio:.2}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_note_fill_stays_a_tint_and_selection_deepens_it() {
        let yellow = parse_color("#f2d338").unwrap();
        for dark in [false, true] {
            let plain = note_fill(yellow, false, dark).to_srgba_unmultiplied()[3];
            let chosen = note_fill(yellow, true, dark).to_srgba_unmultiplied()[3];
            assert!(plain < chosen && chosen < 160, "{plain} {chosen}");
        }
    }
}
