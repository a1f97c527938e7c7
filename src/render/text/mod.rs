//! Plain-text reports for the terminal: tables in the house style and
//! word-wrapped paragraphs. `show`, `list`, `diff` and `check` each have a
//! file here.

pub mod check;
pub mod diff;
pub mod history;
pub mod list;
pub mod show;

use crate::diff::{SegmentTag, WordDiff};
use crate::render::color::Palette;
use comfy_table::{ContentArrangement, Table, presets};

/// The width text reports wrap to: `--width` if given, else the terminal's,
/// else `$COLUMNS` (set by shells for piped output too), else 100. Kept
/// between 20 and 1000 columns.
pub fn width(flag: Option<u16>, terminal: Option<u16>, columns: Option<&str>) -> u16 {
    flag.or(terminal)
        .or_else(|| columns.and_then(|c| c.trim().parse::<u16>().ok()))
        .unwrap_or(100)
        .clamp(20, 1000)
}

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

/// Data for a table cell, made inert (see [`crate::render::inert`]) before
/// the table measures it: no control characters, no megabyte-long words.
pub fn cell(text: &str) -> String {
    use crate::render::inert::{inert, shorten};
    shorten(&inert(text)).into_owned()
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
        let wlen = visible_len(word);
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

/// Characters a terminal shows: the palette's style marks take no room.
fn visible_len(word: &str) -> usize {
    let mut n = 0;
    let mut in_style = false;
    for c in word.chars() {
        match (in_style, c) {
            (_, crate::render::inert::MARK) => in_style = true,
            (true, 'm') => in_style = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

/// Inline word differences, marked with the palette. In colour, a deleted
/// run and an inserted one side by side are kept apart by a space, so that
/// they never read as one word.
pub fn words(w: &WordDiff, palette: Palette) -> String {
    let mut out = String::new();
    let mut previous: Option<&crate::diff::Segment> = None;
    for s in &w.segments {
        if let Some(p) = previous {
            if palette.enabled
                && p.tag != SegmentTag::Equal
                && s.tag != SegmentTag::Equal
                && !p.text.ends_with(char::is_whitespace)
                && !s.text.starts_with(char::is_whitespace)
            {
                out.push(' ');
            }
        }
        previous = Some(s);
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
    fn the_width_flag_wins_then_the_terminal_then_columns() {
        assert_eq!(width(Some(60), Some(120), Some("90")), 60);
        assert_eq!(width(None, Some(120), Some("90")), 120);
        assert_eq!(width(None, None, Some("90")), 90);
        assert_eq!(width(None, None, Some("wide")), 100);
        assert_eq!(width(None, None, None), 100);
        assert_eq!(width(None, None, Some("3")), 20);
    }

    #[test]
    fn wrapping_breaks_only_between_words_and_ignores_colour_marks() {
        let painted = Palette { enabled: true }.deleted("optimaal");
        let text = format!("een {painted} woord dat niet past");
        for line in wrap(&text, 20, "").lines() {
            assert!(visible_len(line) <= 20, "{line}");
        }
        assert!(wrap(&text, 20, "").contains(&painted));
    }
}
