//! Renderers: pure functions from a computed value (a snapshot, a diff, a list
//! of findings) to text. Only the command layer decides where text goes.

pub mod check_github;
pub mod check_json;
pub mod check_text;
pub mod color;
pub mod diff_json;
pub mod diff_text;
pub mod html;
pub mod markdown;
pub mod show;
