//! Which side panels fit beside the article. The article column comes first: the outline gives
//! way (is hidden) and then the details or note editor float over the article as a window,
//! before the column would drop under about 45 characters.

/// Default width of the outline panel.
pub const OUTLINE_WIDTH: f32 = 290.0;
/// Default width of the details / note editor panel.
pub const RIGHT_WIDTH: f32 = 340.0;
/// Space around the article column.
const COLUMN_PADDING: f32 = 48.0;

/// How the right-hand panel (details or note editor) is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightPanel {
    /// Nothing to show.
    None,
    /// A side panel beside the article.
    Side,
    /// A window over the article (the window is too narrow for a side panel).
    Overlay,
}

/// What is shown this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Whether the outline panel is shown.
    pub outline: bool,
    /// How the details or editor are shown.
    pub right: RightPanel,
}

/// Plans the panels for a window `width` wide, given what the user has open and the narrowest
/// acceptable article column (`min_column`, which grows with the zoom).
pub fn plan(width: f32, outline_open: bool, right_open: bool, min_column: f32) -> Plan {
    let needed = min_column + COLUMN_PADDING;
    let fits = |outline: bool, right: bool| {
        let used =
            if outline { OUTLINE_WIDTH } else { 0.0 } + if right { RIGHT_WIDTH } else { 0.0 };
        width - used >= needed
    };
    if !right_open {
        return Plan {
            outline: outline_open && fits(true, false),
            right: RightPanel::None,
        };
    }
    if outline_open && fits(true, true) {
        return Plan {
            outline: true,
            right: RightPanel::Side,
        };
    }
    if fits(false, true) {
        return Plan {
            outline: false,
            right: RightPanel::Side,
        };
    }
    Plan {
        outline: outline_open && fits(true, false),
        right: RightPanel::Overlay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: f32 = 420.0;

    #[test]
    fn a_wide_window_shows_everything_beside_the_article() {
        let p = plan(1400.0, true, true, MIN);
        assert_eq!((p.outline, p.right), (true, RightPanel::Side));
    }

    #[test]
    fn the_outline_gives_way_first_then_the_details_float() {
        // 1000 px: outline + details would leave 370 px; without the outline 660 px.
        let p = plan(1000.0, true, true, MIN);
        assert_eq!((p.outline, p.right), (false, RightPanel::Side));
        // 800 px: even the details alone leave too little; they float over the article.
        let p = plan(800.0, true, true, MIN);
        assert_eq!((p.outline, p.right), (true, RightPanel::Overlay));
        // 640 px: nothing fits beside it.
        let p = plan(640.0, true, true, MIN);
        assert_eq!((p.outline, p.right), (false, RightPanel::Overlay));
        let p = plan(640.0, true, false, MIN);
        assert_eq!((p.outline, p.right), (false, RightPanel::None));
    }

    #[test]
    fn what_the_user_closed_stays_closed() {
        let p = plan(3840.0, false, false, MIN);
        assert_eq!((p.outline, p.right), (false, RightPanel::None));
    }
}
