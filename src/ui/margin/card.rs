//! One note card: its look (the note's colour down its edge, the author's badge, a meta line
//! and the note), its size, and the colours and initials it shares with the outline.

use egui::{Color32, Rect, Sense, Ui, pos2, vec2};

use super::CARD_WIDTH;
use crate::annotations::Annotation;

/// A stable colour for an author's badge: the same name gets the same hue everywhere.
pub fn author_color(author: &str, dark: bool) -> Color32 {
    // FNV-1a: stable across runs and platforms.
    let mut h: u32 = 0x811c_9dc5;
    for b in author.trim().to_lowercase().bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    let hue = (h % 360) as f32 / 360.0;
    let (s, v) = if dark { (0.45, 0.85) } else { (0.6, 0.62) };
    egui::ecolor::Hsva::new(hue, s, v, 1.0).into()
}

/// Initials for a badge ("Amina Odhiambo" → "AO").
pub fn initials(author: &str) -> String {
    let s: String = author
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    if s.is_empty() {
        "?".into()
    } else {
        s.to_uppercase()
    }
}

/// Parses `#rrggbb`.
pub fn parse_color(hex: &str) -> Option<Color32> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    Some(Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// Text colour of cards.
fn card_ink(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xe4, 0xe0, 0xd6)
    } else {
        Color32::from_rgb(0x2a, 0x27, 0x22)
    }
}

/// The card's laid-out note and meta line, and its height.
fn card_layout(
    ui: &Ui,
    a: &Annotation,
    ink: Color32,
) -> (
    std::sync::Arc<egui::Galley>,
    std::sync::Arc<egui::Galley>,
    f32,
) {
    let width = CARD_WIDTH;
    let note = if a.note.trim().is_empty() {
        "(highlight)".to_string()
    } else {
        a.note.clone()
    };
    let note: String = note.chars().take(240).collect();
    let galley = ui
        .painter()
        .layout(note, egui::FontId::proportional(13.0), ink, width - 20.0);
    let meta = {
        let mut m = a.author.clone();
        if a.status != crate::annotations::Status::None {
            m.push_str(&format!(" · {}", a.status.as_str()));
        }
        if !a.tags.is_empty() {
            m.push_str(&format!(" · #{}", a.tags.join(" #")));
        }
        if !a.replies.is_empty() {
            m.push_str(&format!(
                " · {} repl{}",
                a.replies.len(),
                if a.replies.len() == 1 { "y" } else { "ies" }
            ));
        }
        m
    };
    let meta_galley = ui.painter().layout(
        meta,
        egui::FontId::proportional(11.0),
        ink.gamma_multiply(0.7),
        width - 44.0,
    );
    let height = 10.0 + meta_galley.size().y.max(18.0) + 6.0 + galley.size().y + 10.0;
    (galley, meta_galley, height)
}

/// The height a card for `a` takes (laid out as [`card`] lays it out).
pub fn card_height(ui: &Ui, a: &Annotation) -> f32 {
    card_layout(ui, a, card_ink(ui.visuals().dark_mode)).2
}

/// Draws one card at `top_left` (its height is decided by the content); returns its rect and
/// whether it was clicked.
pub fn card(
    ui: &mut Ui,
    top_left: egui::Pos2,
    a: &Annotation,
    selected: bool,
    dark: bool,
) -> (Rect, bool) {
    let ink = card_ink(dark);
    let (galley, meta_galley, height) = card_layout(ui, a, ink);
    let rect = Rect::from_min_size(top_left, vec2(CARD_WIDTH, height));
    let resp = ui.interact(rect, ui.scope_id().with(("card", &a.id)), Sense::click());
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Note by {}: {}", a.author, a.note),
        )
    });
    let painter = ui.painter();
    let color = parse_color(&a.color).unwrap_or(Color32::from_rgb(0xf2, 0xd3, 0x38));
    frame(painter, rect, color, selected, dark);
    // Author badge.
    let badge_c = pos2(rect.min.x + 22.0, rect.min.y + 19.0);
    painter.circle_filled(badge_c, 9.0, author_color(&a.author, dark));
    painter.text(
        badge_c,
        egui::Align2::CENTER_CENTER,
        initials(&a.author),
        egui::FontId::proportional(9.5),
        Color32::WHITE,
    );
    let meta_height = meta_galley.size().y;
    painter.galley(pos2(rect.min.x + 36.0, rect.min.y + 12.0), meta_galley, ink);
    let note_top = rect.min.y + 10.0 + meta_height.max(18.0) + 6.0;
    painter.galley(pos2(rect.min.x + 12.0, note_top), galley, ink);
    (rect, resp.clicked())
}

/// The card's ground, its outline (in the note's colour when selected) and the colour strip on
/// its left edge.
fn frame(painter: &egui::Painter, rect: Rect, color: Color32, selected: bool, dark: bool) {
    let fill = if dark {
        Color32::from_rgb(0x2a, 0x2b, 0x2f)
    } else {
        Color32::from_rgb(0xff, 0xfe, 0xf9)
    };
    let outline = if selected {
        color
    } else {
        card_ink(dark).gamma_multiply(0.18)
    };
    painter.rect_filled(rect, 6.0, fill);
    painter.rect_stroke(
        rect,
        6.0,
        egui::Stroke::new(if selected { 2.0 } else { 1.0 }, outline),
        egui::StrokeKind::Inside,
    );
    painter.rect_filled(
        Rect::from_min_size(rect.min, vec2(5.0, rect.height())),
        egui::CornerRadius {
            nw: 6,
            sw: 6,
            ne: 0,
            se: 0,
        },
        color,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_colours_are_stable_and_distinct() {
        assert_eq!(
            author_color("Amina Odhiambo", false),
            author_color("amina odhiambo ", false)
        );
        assert_ne!(
            author_color("Amina Odhiambo", false),
            author_color("Tomás Reyes", false)
        );
        assert_eq!(initials("Amina Odhiambo"), "AO");
        assert_eq!(initials(""), "?");
    }

    #[test]
    fn colours_parse() {
        assert_eq!(
            parse_color("#f2b138"),
            Some(Color32::from_rgb(0xf2, 0xb1, 0x38))
        );
        assert_eq!(parse_color("f2b138"), None);
        assert_eq!(parse_color("#zzzzzz"), None);
    }
}
