//! Self-contained HTML reports: one file with its styles inline, no script, no
//! external font or image, that opens from disk in any browser and prints.
//!
//! Every report is a pure function of the computed value returning a
//! `String`; the diff's, the largest, can also be written out as it is made
//! ([`write_diff`]). All text from the data passes through [`escape::escape`], and
//! every page carries a Content-Security-Policy that forbids scripts as a
//! second line of defence. The page is English (`lang="en"`); every element
//! that holds the programme's own words is marked `lang="nl"`.

pub mod chart;
mod check;
mod diff;
pub mod escape;
mod history;
mod show;

pub use check::check;
pub use diff::{diff, write_diff};
pub use escape::escape;
pub use history::history;
pub use show::show;
pub(crate) use show::shown_counts;

use crate::diff::{Segment, SegmentTag, WordDiff};
use crate::snapshot::{Certainty, Footnote, Snapshot, StatusRecord};
use crate::snapshot::{MeasureFilter, ThemeCount};
use std::fmt::Write;

/// The stylesheet every report inlines.
const STYLE: &str = include_str!("style.css");

/// The policy in every page's `<meta>`: nothing may load or run but inline
/// styles and `data:` images.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// A complete page: doctype, head with charset, CSP and styles, then `body`
/// (already HTML) and a footer.
pub(crate) fn document(title: &str, body: &str) -> String {
    document_with(title, body, FOOTER)
}

/// The footer of [`document`].
const FOOTER: &str = "Made by policydiff. Statuses: B bestaand (existing), V versterkt (strengthened), N nieuw (new); a dashed chip is deduced or uncertain and never counted as a letter.";

/// [`document`] with a footer of its own (already HTML), so that a footer
/// explains only what its page shows.
pub(crate) fn document_with(title: &str, body: &str, footer: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 1024);
    page_start(&mut out, title);
    out.push_str(body);
    page_end(&mut out, footer);
    out
}

/// What a page holds before its body: doctype, head, `<body>`.
fn page_start(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"policydiff\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
}

/// What a page holds after its body: the footer and the closing tags.
fn page_end(out: &mut String, footer: &str) {
    let _ = writeln!(
        out,
        "<footer class=\"report-foot\"><p>{footer}</p></footer>"
    );
    out.push_str("</body>\n</html>\n");
}

/// A status as a chip: solid border when confirmed, dashed with a visible
/// "deduced" label when deduced, dashed and hatched with "?" and the
/// candidates when uncertain. The evidence goes into the tooltip.
pub fn status_chip(s: &StatusRecord) -> String {
    let note = s
        .note
        .as_deref()
        .map(|n| format!("; evidence: {n}"))
        .unwrap_or_default();
    match (s.certainty, s.value) {
        (Certainty::Uncertain, _) | (_, None) => {
            let candidates: Vec<String> = s.candidates.iter().map(|c| c.to_string()).collect();
            let which = if candidates.is_empty() {
                "uncertain".to_string()
            } else {
                format!("uncertain: {}", candidates.join(" or "))
            };
            format!(
                "<span class=\"chip uncertain\" data-status=\"?\" title=\"{}\">?<small>{}</small></span>",
                escape(&format!("status {which}{note}")),
                escape(&which)
            )
        }
        (certainty, Some(v)) => {
            let title = format!(
                "{v} {} ({}), {}{note}",
                v.dutch(),
                v.word(),
                certainty.as_str()
            );
            let (class, label) = match certainty {
                Certainty::Deduced => (" deduced", "<small>deduced</small>"),
                _ => ("", ""),
            };
            format!(
                "<span class=\"chip chip-{v}{class}\" data-status=\"{v}\" title=\"{}\">{v}{label}</span>",
                escape(&title)
            )
        }
    }
}

/// Per-theme status counts as a table, with a total row.
pub(crate) fn counts_table(caption: &str, counts: &[ThemeCount]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<table class=\"counts\"><caption class=\"eyebrow\">{}</caption><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Measures</th><th scope=\"col\" title=\"bestaand\">B</th><th scope=\"col\" title=\"versterkt\">V</th><th scope=\"col\" title=\"nieuw\">N</th><th scope=\"col\">Uncertain</th><th scope=\"col\">of which deduced</th></tr></thead><tbody>",
        escape(caption)
    );
    let mut total = [0usize; 6];
    for c in counts {
        let row = [
            c.measures,
            c.existing,
            c.strengthened,
            c.new,
            c.uncertain,
            c.deduced,
        ];
        let _ = write!(
            out,
            "<tr><th scope=\"row\" lang=\"nl\">{} {}</th>",
            c.theme,
            escape(&c.title)
        );
        for (slot, n) in total.iter_mut().zip(row) {
            *slot += n;
            let _ = write!(out, "<td>{n}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody><tfoot><tr><th scope=\"row\">All themes</th>");
    let names = ["measures", "B", "V", "N", "uncertain", "deduced"];
    for (name, n) in names.iter().zip(total) {
        let _ = write!(out, "<td data-count=\"{name}\">{n}</td>");
    }
    out.push_str("</tr></tfoot></table>");
    out
}

/// Whether `filter` keeps every measure: then a report shows the whole
/// version, glossary included.
pub(crate) fn keeps_all(filter: &MeasureFilter) -> bool {
    filter.theme.is_none() && filter.status.is_none() && filter.measure.is_none()
}

/// The footnotes a `show` report lists: all of them for the whole version,
/// else those the shown measures refer to.
pub(crate) fn shown_footnotes<'a>(
    snapshot: &'a Snapshot,
    filter: &MeasureFilter,
) -> Vec<&'a Footnote> {
    if keeps_all(filter) {
        return snapshot.footnotes.iter().collect();
    }
    let mut used: Vec<u32> = Vec::new();
    for m in snapshot.measures.iter().filter(|m| filter.keeps(m)) {
        used.extend(&m.footnotes);
        for (_, item) in m.items_flat() {
            used.extend(&item.footnotes);
        }
    }
    snapshot
        .footnotes
        .iter()
        .filter(|f| used.contains(&f.number))
        .collect()
}

/// A word-level difference as HTML: deleted runs in `<del>`, inserted runs
/// in `<ins>` (struck through / underlined and marked − / + by the
/// stylesheet, so that colour is never the only cue), all text escaped.
pub fn words(w: &WordDiff) -> String {
    let mut out = String::new();
    let mut previous = SegmentTag::Equal;
    for Segment { tag: mark, text } in &w.segments {
        let mark = *mark;
        // Two changed runs side by side read as two words.
        if mark != SegmentTag::Equal && previous != SegmentTag::Equal {
            out.push(' ');
        }
        previous = mark;
        match mark {
            SegmentTag::Equal => out.push_str(&escape(text)),
            SegmentTag::Deleted => {
                let _ = write!(out, "<del>{}</del>", escape(text));
            }
            SegmentTag::Inserted => {
                let _ = write!(out, "<ins>{}</ins>", escape(text));
            }
        }
    }
    out
}

/// `n word` or `n words`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    crate::wording::count(n, word, &format!("{word}s"))
}
