//! The text report of `history`: the versions with their status counts, a
//! table of lineages (one row per measure that ever existed, one column per
//! version), then what changed at each step in words. `--measure` prints one
//! lineage in full instead.

use super::{cell, new_table, wrap};
use crate::history::{History, Lineage};
use crate::render::color::Palette;
use comfy_table::{Cell, Color};
use std::fmt::Write as _;

/// The whole report; `only_changed` leaves out lineages nothing happened to.
pub fn render(history: &History, only_changed: bool, palette: Palette, width: u16) -> String {
    crate::render::inert::terminal(&report(history, only_changed, palette, width))
}

/// `actieprogramma-2014 (2014-08-29)`.
fn version_name(history: &History, v: usize) -> String {
    let version = &history.versions[v];
    match &version.info.date {
        Some(d) if !version.label.contains(d.as_str()) => format!("{} ({d})", version.label),
        _ => version.label.clone(),
    }
}

fn report(history: &History, only_changed: bool, palette: Palette, width: u16) -> String {
    let w = usize::from(width);
    let mut out = String::new();
    out.push_str(&wrap(&history.lead(), w, ""));
    for (v, version) in history.versions.iter().enumerate() {
        let c = version.counts;
        let uncertain = if c.uncertain > 0 {
            format!(", {} uncertain", c.uncertain)
        } else {
            String::new()
        };
        out.push_str(&wrap(
            &format!(
                "{}: {} measures ({} B, {} V, {} N{uncertain})",
                cell(&version_name(history, v)),
                c.measures,
                c.existing,
                c.strengthened,
                c.new
            ),
            w,
            &format!("  {}. ", v + 1),
        ));
    }
    out.push('\n');
    out.push_str(&table(history, only_changed, palette, width));
    out.push_str(&palette.dim(
        "  · what changed in that version, besides the number (see below); – not in that version\n",
    ));
    out.push('\n');
    out.push_str(&palette.bold("Changes"));
    out.push('\n');
    for (k, step) in history.steps.iter().enumerate() {
        let v = k + 1;
        out.push_str(&wrap(
            &format!(
                "{} → {}: {}",
                cell(&history.versions[k].label),
                cell(&version_name(history, v)),
                step.story.lead
            ),
            w,
            "",
        ));
        for l in history.marked_at(v) {
            let title = l.at_step(v).map(|m| m.title.as_str()).unwrap_or_default();
            out.push_str(&wrap(
                &format!("{} ({})", l.words_at(v), cell(title)),
                w,
                &format!("  {}: ", l.numbers_at(v)),
            ));
        }
    }
    out
}

/// The most of a title the table shows: one line, so that a row is a line.
const TITLE_CHARS: usize = 60;

/// `text` cut to `max` characters with `…`.
fn one_line(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

fn table(history: &History, only_changed: bool, palette: Palette, width: u16) -> String {
    // The title gets what the version columns leave of the width.
    let columns: usize = history
        .versions
        .iter()
        .map(|v| v.label.chars().count().max(8) + 3)
        .sum();
    let title_chars = usize::from(width)
        .saturating_sub(columns + 4)
        .clamp(20, TITLE_CHARS);
    let mut t = new_table(width, palette);
    let mut header: Vec<String> = history.versions.iter().map(|v| cell(&v.label)).collect();
    header.push("Title (latest)".to_string());
    t.set_header(header);
    for (_, l) in history.shown(only_changed) {
        let mut row: Vec<Cell> = Vec::new();
        for (v, m) in l.measures.iter().enumerate() {
            let text = match m {
                Some(m) => format!("{} {}", m.number, m.status.short()),
                None => "–".to_string(),
            };
            if l.marked_at(v) {
                let c = Cell::new(format!("{text} · {}", l.marks_at(v)));
                row.push(if palette.enabled {
                    c.fg(Color::Yellow)
                } else {
                    c
                });
            } else {
                row.push(Cell::new(text));
            }
        }
        row.push(Cell::new(one_line(
            &cell(l.latest().map(|m| m.title.as_str()).unwrap_or_default()),
            title_chars,
        )));
        t.add_row(row);
    }
    let mut out = crate::render::inert::trusted_table(&t.to_string());
    out.push('\n');
    out
}

/// `--measure`: one lineage in full, each version's title and status, then
/// what changed word by word at each step.
pub fn lineage(history: &History, l: &Lineage, palette: Palette, width: u16) -> String {
    let w = usize::from(width);
    let mut out = String::new();
    for (v, m) in l.measures.iter().enumerate() {
        let name = cell(&version_name(history, v));
        let _ = write!(out, "{}", palette.bold(&name));
        match m {
            None => out.push_str(": –\n"),
            Some(m) => {
                out.push('\n');
                out.push_str(&wrap(
                    &format!("{} ({}) {}", m.number, m.status.short(), cell(&m.title)),
                    w,
                    "  ",
                ));
            }
        }
        for e in l.events.iter().filter(|e| e.version == v) {
            out.push_str(&wrap(&e.words, w, "  · "));
        }
        if v > 0 {
            if let Some(entry) = l.entries[v - 1]
                .and_then(|i| history.steps[v - 1].diff.measures.get(i))
                // A renumbering alone is said by the event line above.
                .filter(|m| {
                    m.is_change()
                        && m.old.len() == 1
                        && m.new.len() == 1
                        && !crate::diff::story::renumbered_only(m)
                })
            {
                out.push_str(&super::diff::measure_details(entry, palette, width));
            }
        }
    }
    crate::render::inert::terminal(&out)
}
