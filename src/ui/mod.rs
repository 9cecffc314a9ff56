//! The desktop app: a thin egui layer over the core. It turns user input into commands on the
//! core's state and draws that state; it holds no logic that the command line also needs.

pub mod reader;
pub mod theme;
