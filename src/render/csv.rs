//! CSV reports, for a spreadsheet, R or pandas: `diff` as one row per
//! measure entry, `history` as one row per lineage. The columns are
//! documented in `docs/csv-format.md`.
//!
//! Cells are written by the `csv` crate (quoting, embedded newlines). Text
//! from the data is made inert like every other sink (control characters
//! become visible pictures), and a cell that a spreadsheet would run as a
//! formula (`=`, `+`, `-`, `@` first) gets a leading `'`, the usual guard
//! against formula injection; numbers are written as numbers.

use crate::diff::{Diff, MeasureRef};
use crate::history::History;

/// A text cell, safe to open in a spreadsheet.
fn text(s: &str) -> String {
    let s = crate::render::inert::inert(s);
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.into_owned(),
    }
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    // Writing to memory cannot fail, and every cell is valid UTF-8.
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn numbers(refs: &[MeasureRef]) -> String {
    refs.iter()
        .map(|r| r.number.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn figure(x: Option<f64>) -> String {
    x.map(|x| format!("{:.3}", x)).unwrap_or_default()
}

/// `diff --format csv`: one row per measure entry (pairs, unchanged ones
/// included, added, removed, split and merged measures), in report order.
pub fn diff(diff: &Diff) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "old_numbers",
        "new_numbers",
        "classes",
        "old_status",
        "new_status",
        "status_change",
        "paired_by",
        "confidence",
        "similarity",
        "old_theme",
        "new_theme",
        "old_title",
        "new_title",
    ]);
    for m in &diff.measures {
        let classes: Vec<&str> = m.classes.iter().map(|c| c.as_str()).collect();
        let first = |refs: &[MeasureRef], f: &dyn Fn(&MeasureRef) -> String| {
            refs.first().map(f).unwrap_or_default()
        };
        let _ = w.write_record([
            numbers(&m.old),
            numbers(&m.new),
            classes.join(" "),
            first(&m.old, &|r| r.status.short()),
            first(&m.new, &|r| r.status.short()),
            m.status
                .as_ref()
                .map(|s| s.kind.as_str().to_string())
                .unwrap_or_default(),
            m.paired_by
                .map(|p| match p {
                    crate::align::PairedBy::Content => "content".to_string(),
                    crate::align::PairedBy::Override => "override".to_string(),
                })
                .unwrap_or_default(),
            figure(m.confidence),
            figure(m.similarity),
            first(&m.old, &|r| r.theme.to_string()),
            first(&m.new, &|r| r.theme.to_string()),
            first(&m.old, &|r| text(&r.title)),
            first(&m.new, &|r| text(&r.title)),
        ]);
    }
    finish(w)
}

/// `history --format csv`: one row per lineage, with a number and a status
/// column per version (empty where the lineage does not exist), its latest
/// title, and its events.
pub fn history(history: &History, only_changed: bool) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["lineage".to_string()];
    for v in &history.versions {
        let label = text(&v.label);
        header.push(format!("{label} number"));
        header.push(format!("{label} status"));
    }
    header.extend(["title", "event_kinds", "events"].map(String::from));
    let _ = w.write_record(&header);
    for (i, l) in history.shown(only_changed) {
        let mut row = vec![(i + 1).to_string()];
        for m in &l.measures {
            row.push(m.as_ref().map(|m| m.number.to_string()).unwrap_or_default());
            row.push(m.as_ref().map(|m| m.status.short()).unwrap_or_default());
        }
        row.push(l.latest().map(|m| text(&m.title)).unwrap_or_default());
        let kinds: Vec<&str> = l.events.iter().map(|e| e.kind.as_str()).collect();
        row.push(kinds.join(" "));
        let events: Vec<String> = l
            .events
            .iter()
            .map(|e| format!("{}: {}", history.versions[e.version].label, e.words))
            .collect();
        row.push(text(&events.join("; ")));
        let _ = w.write_record(&row);
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn a_cell_a_spreadsheet_would_run_as_a_formula_is_guarded() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("-1+1"), "'-1+1");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("Maatregel 12"), "Maatregel 12");
    }

    #[test]
    fn control_characters_in_a_cell_are_made_visible() {
        assert_eq!(text("a\u{1b}[31mb"), "a␛[31mb");
    }
}
