//! `show` as text: the measures table with per-theme counts, one measure in
//! full, or a summary page's groups.

use super::{cell, new_table, wrap};
use crate::render::color::Palette;
use crate::snapshot::{Certainty, Item, Kind, Measure, MeasureFilter, Snapshot, theme_counts};
use comfy_table::{Cell, Color};

/// `show` as text: a summary page's groups, one measure in full
/// (`--measure`), or the measures table.
pub fn render(snapshot: &Snapshot, filter: &MeasureFilter, palette: Palette, width: u16) -> String {
    let text = match (snapshot.kind, filter.measure) {
        (Kind::Summary, _) => summary_table(snapshot, palette, width),
        (Kind::Programme, Some(n)) => snapshot
            .measure(n)
            .map(|m| measure_full(snapshot, m, palette, width))
            .unwrap_or_default(),
        (Kind::Programme, None) => table(snapshot, filter, palette, width),
    };
    crate::render::inert::terminal(&text)
}

/// The status as a table cell: `V`, `V*` (deduced), `V|N?` (uncertain).
/// Colour goes through comfy-table, which then measures the cell right.
fn status_cell(m: &Measure, palette: Palette) -> Cell {
    let cell = Cell::new(m.status.short());
    match (palette.enabled, m.status.certainty) {
        (false, _) | (true, Certainty::Confirmed) => cell,
        (true, Certainty::Deduced) => cell.fg(Color::Cyan),
        (true, Certainty::Uncertain) => cell.fg(Color::Yellow),
    }
}

/// `4`, or `2 (+3)` for two lettered items holding three roman sub-items.
fn items_cell(items: &[Item]) -> String {
    let sub: usize = items.iter().map(|i| i.items.len()).sum();
    match (items.len(), sub) {
        (0, _) => "–".to_string(),
        (n, 0) => n.to_string(),
        (n, s) => format!("{n} (+{s})"),
    }
}

/// The measures as a table, then the per-theme status counts.
pub fn table(snapshot: &Snapshot, filter: &MeasureFilter, palette: Palette, width: u16) -> String {
    let mut out = String::new();
    out.push_str(&palette.bold(&format!("{} ({})", snapshot.title, snapshot.id)));
    if let Some(date) = &snapshot.date {
        out.push_str(&format!(", {date}"));
    }
    out.push('\n');
    let mut t = new_table(width, palette);
    t.set_header(vec!["No.", "Status", "Theme", "Title", "Items"]);
    let mut shown = 0;
    for m in snapshot.measures.iter().filter(|m| filter.keeps(m)) {
        shown += 1;
        let items = items_cell(&m.items);
        t.add_row(vec![
            Cell::new(m.number),
            status_cell(m, palette),
            Cell::new(m.theme),
            Cell::new(cell(&m.title)),
            Cell::new(items),
        ]);
    }
    out.push_str(&crate::render::inert::trusted_table(&t.to_string()));
    out.push('\n');
    out.push_str(&format!("{shown} of {} measures", snapshot.measures.len()));
    out.push_str(&palette.dim("  (* deduced, ? uncertain: the letters are the candidates)"));
    out.push('\n');
    out.push_str(&theme_counts_table(snapshot, filter, width));
    out
}

fn theme_counts_table(snapshot: &Snapshot, filter: &MeasureFilter, width: u16) -> String {
    let counts = theme_counts(snapshot, filter);
    let mut t = new_table(width, Palette::PLAIN);
    t.set_header(vec![
        "Theme",
        "Title",
        "Measures",
        "B",
        "V",
        "N",
        "Uncertain",
    ]);
    let mut total = [0usize; 5];
    for c in &counts {
        t.add_row(vec![
            c.theme.to_string(),
            cell(&c.title),
            c.measures.to_string(),
            c.existing.to_string(),
            c.strengthened.to_string(),
            c.new.to_string(),
            c.uncertain.to_string(),
        ]);
        for (slot, n) in
            total
                .iter_mut()
                .zip([c.measures, c.existing, c.strengthened, c.new, c.uncertain])
        {
            *slot += n;
        }
    }
    t.add_row(vec![
        "".to_string(),
        "all themes".to_string(),
        total[0].to_string(),
        total[1].to_string(),
        total[2].to_string(),
        total[3].to_string(),
        total[4].to_string(),
    ]);
    format!("{t}\n")
}

/// A summary page: its groups as a table.
pub fn summary_table(snapshot: &Snapshot, palette: Palette, width: u16) -> String {
    let mut out = String::new();
    out.push_str(&palette.bold(&format!(
        "{} ({}, summary page)",
        snapshot.title, snapshot.id
    )));
    out.push('\n');
    if let Some(d) = &snapshot.description {
        out.push_str(&wrap(d, width as usize, ""));
    }
    if let Some(p) = &snapshot.describes {
        out.push_str(&format!("Describes: {p}\n"));
    }
    let mut t = new_table(width, palette);
    t.set_header(vec!["No.", "Group", "Text", "Parts"]);
    for g in &snapshot.groups {
        let mut text = g.text.clone();
        for p in &g.parts {
            text.push_str(&format!(
                "\n• {}{}",
                p.label
                    .as_ref()
                    .map(|l| format!("{l}. "))
                    .unwrap_or_default(),
                p.text
            ));
        }
        t.add_row(vec![
            g.number.to_string(),
            cell(&g.title),
            cell(&text),
            g.parts.len().to_string(),
        ]);
    }
    out.push_str(&crate::render::inert::trusted_table(&t.to_string()));
    out.push('\n');
    if !snapshot.goals.is_empty() {
        out.push_str("Goals:\n");
        for g in &snapshot.goals {
            out.push_str(&wrap(g, width as usize, "  - "));
        }
    }
    if let Some(o) = &snapshot.organisations {
        out.push_str("Organisations:\n");
        out.push_str(&wrap(o, width as usize, "  "));
    }
    out
}

fn status_words(m: &Measure) -> String {
    let s = &m.status;
    let what = match (s.certainty, s.value) {
        (Certainty::Uncertain, _) => {
            let c: Vec<String> = s
                .candidates
                .iter()
                .map(|c| format!("{c} ({})", c.word()))
                .collect();
            format!("uncertain: one of {}", c.join(", "))
        }
        (c, Some(v)) => format!("{v} ({}), {}", v.word(), c.as_str()),
        (c, None) => format!("none, {}", c.as_str()),
    };
    match &s.note {
        Some(n) => format!("{what}; evidence: {n}"),
        None => what,
    }
}

fn push_items(out: &mut String, items: &[Item], depth: usize, width: usize) {
    for item in items {
        let indent = format!("{}{}. ", "    ".repeat(depth + 1), item.label);
        let mut text = item.text.clone();
        for f in &item.footnotes {
            text.push_str(&format!(" [{f}]"));
        }
        out.push_str(&wrap(&text, width, &indent));
        if let Some(s) = &item.status {
            let hang = " ".repeat(indent.chars().count());
            out.push_str(&format!(
                "{hang}status {}{}\n",
                s.short(),
                s.note
                    .as_ref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ));
        }
        push_items(out, &item.items, depth + 1, width);
    }
}

/// One measure in full: title, lead-in, body, items, footnotes, references.
pub fn measure_full(snapshot: &Snapshot, m: &Measure, palette: Palette, width: u16) -> String {
    let width = width as usize;
    let mut out = String::new();
    out.push_str(&palette.bold(&format!("Measure {} [{}]", m.number, m.status.short())));
    out.push_str(&format!("  {} ({})\n", snapshot.title, snapshot.id));
    let theme = snapshot
        .theme(m.theme)
        .map(|t| t.title.as_str())
        .unwrap_or("?");
    out.push_str(&format!("Theme {} {theme}", m.theme));
    if let Some(s) = &m.section {
        out.push_str(&format!(" · {s}"));
    }
    out.push('\n');
    out.push_str(&format!("Status: {}\n\n", status_words(m)));
    let mut title = m.title.clone();
    for f in &m.footnotes {
        title.push_str(&format!(" [{f}]"));
    }
    out.push_str(&palette.bold(wrap(&title, width, "").trim_end()));
    out.push('\n');
    if let Some(l) = &m.lead_in {
        out.push('\n');
        out.push_str(&wrap(l, width, ""));
    }
    if let Some(b) = &m.body {
        out.push('\n');
        out.push_str(&wrap(b, width, ""));
    }
    if !m.items.is_empty() {
        out.push('\n');
        push_items(&mut out, &m.items, 0, width);
    }
    let mut footnotes: Vec<u32> = m.footnotes.clone();
    for (_, item) in m.items_flat() {
        footnotes.extend(&item.footnotes);
    }
    if !footnotes.is_empty() {
        out.push_str("\nFootnotes:\n");
        for n in footnotes {
            let text = snapshot
                .footnotes
                .iter()
                .find(|f| f.number == n)
                .map(|f| f.text.as_str())
                .unwrap_or("(missing from the snapshot)");
            out.push_str(&wrap(text, width, &format!("  [{n}] ")));
        }
    }
    let refs = m.all_references();
    if !refs.is_empty() {
        out.push_str("\nReferences:\n");
        for (path, r) in refs {
            let from = format!("{}{}", m.number, path.concat());
            for t in &r.targets {
                let title = snapshot
                    .measure(t.measure)
                    .map(|t| t.title.as_str())
                    .unwrap_or("(no such measure)");
                out.push_str(&wrap(
                    &format!("{from} → measure {t}: {title}"),
                    width,
                    "  ",
                ));
            }
        }
    }
    if let Some(lines) = m.lines {
        out.push_str(&palette.dim(&format!("\nSource: lines {lines}")));
        out.push('\n');
    }
    out
}
