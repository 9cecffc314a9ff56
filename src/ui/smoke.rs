//! `--smoke`: open the real window, report how long the first frame and the article's text took
//! to reach the screen, and close. For start-up measurements and a check that the window opens
//! at all (CI under Xvfb).

use std::time::Instant;

/// What the smoke run has reported so far.
#[derive(Debug)]
pub struct Smoke {
    started: Instant,
    first_frame: bool,
    /// The frame in which the article's text was first drawn.
    text_frame: Option<u64>,
}

impl Smoke {
    /// A smoke run of a process started at `started`.
    pub fn new(started: Instant) -> Self {
        Self {
            started,
            first_frame: false,
            text_frame: None,
        }
    }

    /// Called as frame `frame_nr` starts: a frame starting means the one before it was painted.
    /// `waiting_for_text` says an article is still on its way. Returns true when the run is
    /// over and the window should close.
    pub fn frame_starts(&mut self, frame_nr: u64, waiting_for_text: bool) -> bool {
        if frame_nr < 1 {
            return false;
        }
        if !self.first_frame {
            self.first_frame = true;
            println!(
                "first frame after {} ms",
                self.started.elapsed().as_millis()
            );
        }
        if let Some(drawn) = self.text_frame
            && frame_nr > drawn
        {
            println!("text shown after {} ms", self.started.elapsed().as_millis());
            return true;
        }
        self.text_frame.is_none() && !waiting_for_text
    }

    /// Called after frame `frame_nr` was drawn, with whether it drew an article's text.
    pub fn frame_drawn(&mut self, frame_nr: u64, drew_text: bool) {
        if drew_text && self.text_frame.is_none() {
            self.text_frame = Some(frame_nr);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_run_ends_the_frame_after_the_text_was_drawn() {
        let mut s = Smoke::new(Instant::now());
        assert!(!s.frame_starts(0, true));
        s.frame_drawn(0, false);
        assert!(!s.frame_starts(1, true));
        s.frame_drawn(1, true);
        assert!(s.frame_starts(2, false));
    }

    #[test]
    fn without_an_article_the_run_ends_after_the_first_frame() {
        let mut s = Smoke::new(Instant::now());
        s.frame_drawn(0, false);
        assert!(s.frame_starts(1, false));
    }
}
