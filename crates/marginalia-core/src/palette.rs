//! The colours of the highlight kinds, shared by the app and the HTML export so a page exported
//! from the app looks like the app. Each kind also has its own shape (tint, solid, dashed or
//! dotted underline, box), so colour is never the only cue.

/// A highlight kind as the app shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A direct quotation (tinted).
    Quote,
    /// A person (solid underline).
    Person,
    /// An organisation (dashed underline).
    Org,
    /// A place (dotted underline).
    Place,
    /// A figure (boxed).
    Figure,
}

/// `(light page, dark page)` colour of a kind, as RGB.
pub fn rgb(kind: Kind) -> ([u8; 3], [u8; 3]) {
    match kind {
        Kind::Quote => ([0x2f, 0x6f, 0xc9], [0x8a, 0xb8, 0xff]),
        Kind::Person => ([0xb0, 0x3a, 0x2e], [0xff, 0x8f, 0x78]),
        Kind::Org => ([0x6a, 0x4c, 0xb8], [0xbb, 0xa6, 0xff]),
        Kind::Place => ([0x1b, 0x7a, 0x57], [0x6f, 0xd6, 0xa8]),
        Kind::Figure => ([0xb3, 0x6b, 0x00], [0xf2, 0xb8, 0x4b]),
    }
}

/// `#rrggbb` of a kind on a light page.
pub fn hex(kind: Kind) -> String {
    let [r, g, b] = rgb(kind).0;
    format!("#{r:02x}{g:02x}{b:02x}")
}
