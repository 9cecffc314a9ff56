//! The margin panel: note cards right of the article column, each beside the line its note
//! starts on, pushed apart so they never overlap. It keeps no state of its own: the cards are
//! placed each frame from the notes and the reader's layout of the last frame.

mod card;

pub use card::{author_color, card, card_height, initials, parse_color};

use egui::{Rect, Ui, pos2};

use super::commands::{AppCommand, NoteCommand};
use super::reader::ReaderView;
use crate::annotations::Annotation;
use crate::annotations::session::Session;

/// Width of a note card.
pub const CARD_WIDTH: f32 = 230.0;
/// Space kept between the text column and the cards, and between cards.
pub const GAP: f32 = 10.0;

/// Cards this far above the visible part are still placed, so a tall card whose note starts
/// above the window shows its lower part.
const ABOVE_VIEW: f32 = 400.0;
/// And this far below it.
const BELOW_VIEW: f32 = 50.0;

/// The margin beside the reader.
#[derive(Debug, Default)]
pub struct MarginPanel;

impl MarginPanel {
    /// Draws the cards of the notes in view beside `view`'s column; returns the note clicked.
    pub fn ui(
        &self,
        ui: &mut Ui,
        view: &ReaderView,
        session: &Session,
        selected_note: Option<&str>,
    ) -> Vec<AppCommand> {
        let clip = ui.clip_rect();
        let x = view.column_right() + GAP * 2.0;
        let painter_clip = Rect::from_min_max(pos2(x - 4.0, clip.top()), clip.max);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(painter_clip));
        child.set_clip_rect(painter_clip);
        let cards = cards_in_view(view, session, clip);
        // Measure each card where it wants to be, then push them apart.
        let desired: Vec<(f32, f32)> = cards
            .iter()
            .map(|(y, a)| (*y, card_height(&child, a)))
            .collect();
        let tops = place_cards(&desired, GAP);
        let dark = ui.visuals().dark_mode;
        let mut out = Vec::new();
        for ((_, a), top) in cards.iter().zip(tops) {
            let selected = selected_note == Some(a.id.as_str());
            let (_, clicked) = card(&mut child, pos2(x, top), a, selected, dark);
            if clicked {
                out.push(AppCommand::Note(NoteCommand::SelectNote(a.id.clone())));
            }
        }
        out
    }
}

/// The placed notes whose first line is near the visible part, top to bottom, with the screen
/// y of that line.
fn cards_in_view<'a>(
    view: &ReaderView,
    session: &'a Session,
    clip: Rect,
) -> Vec<(f32, &'a Annotation)> {
    let mut wanted: Vec<(f32, &Annotation)> = session
        .placed()
        .filter_map(|(a, r)| {
            let rect = view.range_rects(r?).into_iter().next()?;
            Some((rect.top(), a))
        })
        .filter(|(y, _)| *y > clip.top() - ABOVE_VIEW && *y < clip.bottom() + BELOW_VIEW)
        .collect();
    wanted.sort_by(|a, b| a.0.total_cmp(&b.0));
    wanted
}

/// Tops for cards that want to sit at `desired[i].0` with height `desired[i].1`, in the same
/// order, each at or below where it wants to be and never overlapping the one above.
pub fn place_cards(desired: &[(f32, f32)], gap: f32) -> Vec<f32> {
    let mut out = Vec::with_capacity(desired.len());
    let mut floor = f32::NEG_INFINITY;
    for &(top, height) in desired {
        let y = top.max(floor);
        out.push(y);
        floor = y + height + gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_pushed_apart_and_keep_order() {
        let tops = place_cards(
            &[(100.0, 50.0), (110.0, 40.0), (300.0, 20.0), (305.0, 20.0)],
            10.0,
        );
        assert_eq!(tops, vec![100.0, 160.0, 300.0, 330.0]);
    }
}
