//! Colours and fonts: the only place the app's look is decided.
//!
//! The reading column is set in Noto Serif (bundled, SIL Open Font License) on a paper-like
//! background; the chrome keeps egui's own sans-serif.

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId};

/// Font family names registered by [`install_fonts`].
pub const SERIF: &str = "serif";
/// Italic serif.
pub const SERIF_ITALIC: &str = "serif-italic";
/// Bold serif.
pub const SERIF_BOLD: &str = "serif-bold";

/// Registers the bundled reading fonts (keeping egui's defaults for the interface).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let faces: [(&str, &'static [u8]); 3] = [
        (
            SERIF,
            include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
        ),
        (
            SERIF_ITALIC,
            include_bytes!("../../assets/fonts/NotoSerif-Italic.ttf"),
        ),
        (
            SERIF_BOLD,
            include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf"),
        ),
    ];
    // Fallbacks for symbols and emoji the serif lacks: egui's own fonts.
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for (name, bytes) in faces {
        fonts.font_data.insert(
            name.to_owned(),
            std::sync::Arc::new(FontData::from_static(bytes)),
        );
        let mut chain = vec![name.to_owned()];
        chain.extend(fallbacks.iter().cloned());
        fonts.families.insert(FontFamily::Name(name.into()), chain);
    }
    // The interface font falls back to the serif for letters it lacks.
    if let Some(ui_chain) = fonts.families.get_mut(&FontFamily::Proportional) {
        ui_chain.push(SERIF.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// The serif font at a size.
pub fn serif(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF.into()))
}

/// The italic serif at a size.
pub fn serif_italic(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF_ITALIC.into()))
}

/// The bold serif at a size.
pub fn serif_bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(SERIF_BOLD.into()))
}

/// Colours of the reading surface for one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Page background.
    pub paper: Color32,
    /// Body text.
    pub ink: Color32,
    /// Secondary text (byline, status bar).
    pub muted: Color32,
    /// Links.
    pub link: Color32,
    /// Selected text background.
    pub selection: Color32,
    /// Find-in-text matches.
    pub find_match: Color32,
    /// The current find match.
    pub find_current: Color32,
    /// A flash on a jump target.
    pub flash: Color32,
    /// Error banner background.
    pub error_bg: Color32,
    /// Warning banner background.
    pub warn_bg: Color32,
    /// Welcome and hint banner background.
    pub info_bg: Color32,
    /// Banner text.
    pub banner_ink: Color32,
}

impl Palette {
    /// The palette for a dark or light interface.
    pub fn for_dark(dark: bool) -> Self {
        if dark {
            Self {
                paper: Color32::from_rgb(0x1c, 0x1d, 0x20),
                ink: Color32::from_rgb(0xe4, 0xe0, 0xd6),
                muted: Color32::from_rgb(0x9a, 0x96, 0x8c),
                link: Color32::from_rgb(0x8c, 0xb4, 0xff),
                selection: Color32::from_rgba_unmultiplied(0x4a, 0x7d, 0xd9, 110),
                find_match: Color32::from_rgba_unmultiplied(0xe0, 0xa0, 0x20, 90),
                find_current: Color32::from_rgba_unmultiplied(0xff, 0x8c, 0x00, 170),
                flash: Color32::from_rgba_unmultiplied(0xff, 0xd0, 0x40, 120),
                error_bg: Color32::from_rgb(0x5c, 0x21, 0x21),
                warn_bg: Color32::from_rgb(0x4f, 0x43, 0x16),
                info_bg: Color32::from_rgb(0x1f, 0x36, 0x52),
                banner_ink: Color32::from_rgb(0xf5, 0xf0, 0xe6),
            }
        } else {
            Self {
                paper: Color32::from_rgb(0xfb, 0xf8, 0xf1),
                ink: Color32::from_rgb(0x1f, 0x1d, 0x1a),
                muted: Color32::from_rgb(0x6b, 0x66, 0x5c),
                link: Color32::from_rgb(0x1f, 0x5f, 0xbf),
                selection: Color32::from_rgba_unmultiplied(0x5b, 0x9b, 0xff, 90),
                find_match: Color32::from_rgba_unmultiplied(0xff, 0xc8, 0x3d, 110),
                find_current: Color32::from_rgba_unmultiplied(0xff, 0x8c, 0x00, 170),
                flash: Color32::from_rgba_unmultiplied(0xff, 0xd8, 0x4d, 150),
                error_bg: Color32::from_rgb(0xfb, 0xe0, 0xdc),
                warn_bg: Color32::from_rgb(0xfb, 0xf0, 0xc8),
                info_bg: Color32::from_rgb(0xe2, 0xee, 0xfb),
                banner_ink: Color32::from_rgb(0x2a, 0x20, 0x1c),
            }
        }
    }
}

use super::highlights::HighlightKind;
use super::reader::{LineStyle, MarkStyle};
use egui::Stroke;

/// The colour that identifies a highlight kind (legend swatch, outline bullets).
pub fn kind_color(kind: HighlightKind, dark: bool) -> Color32 {
    use crate::palette::Kind;
    let (light, night) = crate::palette::rgb(match kind {
        HighlightKind::Quote => Kind::Quote,
        HighlightKind::Person => Kind::Person,
        HighlightKind::Org => Kind::Org,
        HighlightKind::Place => Kind::Place,
        HighlightKind::Figure => Kind::Figure,
    });
    let [r, g, b] = if dark { night } else { light };
    Color32::from_rgb(r, g, b)
}

/// How a highlight kind is drawn. Each kind differs in shape, not only colour: quotes are tinted,
/// people underlined solid, organisations dashed, places dotted, figures boxed.
pub fn highlight_style(kind: HighlightKind, dark: bool) -> MarkStyle {
    let c = kind_color(kind, dark);
    let tint = |alpha: u8| Some(Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha));
    let line = |style| Some((style, Stroke::new(2.0, c)));
    match kind {
        HighlightKind::Quote => MarkStyle {
            fill: tint(if dark { 46 } else { 34 }),
            ..MarkStyle::default()
        },
        HighlightKind::Person => MarkStyle {
            line: line(LineStyle::Solid),
            ..MarkStyle::default()
        },
        HighlightKind::Org => MarkStyle {
            line: line(LineStyle::Dashed),
            ..MarkStyle::default()
        },
        HighlightKind::Place => MarkStyle {
            line: line(LineStyle::Dotted),
            ..MarkStyle::default()
        },
        HighlightKind::Figure => MarkStyle {
            fill: tint(if dark { 40 } else { 30 }),
            border: Some(Stroke::new(1.2, c)),
            ..MarkStyle::default()
        },
    }
}
