//! Plain-text reports for the terminal: tables in the house style and
//! word-wrapped paragraphs. `show`, `list`, `diff` and `check` each have a
//! file here.

pub mod check;
pub mod diff;
pub mod list;
pub mod show;

use crate::diff::{SegmentTag, WordDiff};
use crate::render::color::Palette;
use crate::render::safe;
use comfy_table::{ContentArrangement, Table, presets};

/// A table in the house style. Colour is the palette's decision, not
/// comfy-table's own terminal check.
pub fn new_table(width: u16, palette: Palette) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    if palette.enabled {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// The longest unbroken word a table cell shows in full. comfy-table's
/// wrapping takes time quadratic in a word's length, and no reader scans a
/// word of hundreds of characters in a cell anyway.
pub const MAX_CELL_WORD: usize = 60;

/// `text` for a table cell: made inert (see [`crate::render::safe`]; this
/// is what lets [`render_table`] pass comfy-table's own colour through), and
/// any word longer than [`MAX_CELL_WORD`] characters cut, with a note of how
/// much was left out (the full text is in `show --format json` and in the
/// details below the table).
pub fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    let text = safe::inert(text, safe::Medium::Document);
    let too_long = |w: &&str| w.len() > MAX_CELL_WORD && w.chars().count() > MAX_CELL_WORD;
    if !text.split_whitespace().any(|w| too_long(&w)) {
        return text;
    }
    let mut out = String::with_capacity(text.len().min(4096));
    let mut rest: &str = &text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        if too_long(&word) {
            let cut: String = word.chars().take(MAX_CELL_WORD).collect();
            let left = word.chars().count() - MAX_CELL_WORD;
            out.push_str(&format!("{cut}… (+{left} characters)"));
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A finished table as text. comfy-table writes its cell colours as ESC
/// sequences; they become the palette's colour mark, so that the sink lets
/// them through exactly when colour is on. Data cannot forge one: every data
/// cell went through [`cell_text`].
pub fn render_table(t: &Table) -> String {
    let mut out = t.to_string().replace('\u{1b}', &safe::SGR.to_string());
    out.push('\n');
    out
}

/// Word-wrap `text` to `width` columns, the first line after `indent` and the
/// rest aligned under it.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let hang = " ".repeat(indent.chars().count());
    let mut out = String::new();
    let mut line = indent.to_string();
    let mut line_len = indent.chars().count();
    let mut at_start = true;
    for word in text.split_whitespace() {
        let wlen = word.chars().count();
        if !at_start && line_len + 1 + wlen > width.max(20) {
            out.push_str(line.trim_end());
            out.push('\n');
            line = hang.clone();
            line_len = hang.len();
            at_start = true;
        }
        if !at_start {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += wlen;
        at_start = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// Inline word differences, marked with the palette.
pub fn words(w: &WordDiff, palette: Palette) -> String {
    let mut out = String::new();
    for s in &w.segments {
        match s.tag {
            SegmentTag::Equal => out.push_str(&s.text),
            SegmentTag::Deleted => out.push_str(&palette.deleted(&s.text)),
            SegmentTag::Inserted => out.push_str(&palette.inserted(&s.text)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurdly_long_words_are_cut_for_cells_and_ordinary_text_is_not() {
        let long = "x".repeat(1_000_000);
        let text = format!("een {long} woord");
        let shown = cell_text(&text);
        assert_eq!(
            shown,
            format!("een {}… (+999940 characters) woord", "x".repeat(60))
        );
        let title = "Versterken van de aanpak van online jihadistische content";
        assert!(matches!(cell_text(title), std::borrow::Cow::Borrowed(_)));
        // A table with the cut word renders (quickly) and holds the note.
        let mut t = new_table(80, Palette::PLAIN);
        t.add_row(vec![cell_text(&long).into_owned()]);
        assert!(t.to_string().contains("characters)"));
    }
}
