//! Renderers: pure functions from a computed value (a snapshot, a diff, a
//! check report) to text, one folder a format and in it one file a command:
//! `text/diff.rs` is the terminal report of `diff`, `html/check.rs` the HTML
//! report of `check`. Only the command layer decides where text goes.

pub mod color;
pub mod csv;
pub mod findings;
pub mod github;
pub mod html;
pub mod inert;
pub mod json;
pub mod markdown;
pub mod prose;
pub mod text;
