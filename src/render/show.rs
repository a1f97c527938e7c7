//! Rendering one snapshot (`show`) and the store's listing (`list`).

use super::color::Palette;
use crate::snapshot::{Certainty, Item, Kind, Measure, Snapshot, Status};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde::Serialize;

/// Which measures `show` prints.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub theme: Option<u32>,
    /// `B`, `V` or `N`; an uncertain status matches when the letter is among
    /// its candidates.
    pub status: Option<char>,
    /// One measure, printed in full.
    pub measure: Option<u32>,
}

impl Filter {
    pub fn keeps(&self, m: &Measure) -> bool {
        self.theme.is_none_or(|t| m.theme == t)
            && self.measure.is_none_or(|n| m.number == n)
            && self
                .status
                .and_then(Status::from_letter)
                .is_none_or(|s| m.status.allows(s))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowFormatKind {
    Table,
    Json,
    Markdown,
    Html,
}

/// The `show` report in the chosen format.
pub fn render(
    snapshot: &Snapshot,
    filter: &Filter,
    format: ShowFormatKind,
    palette: Palette,
    width: u16,
) -> anyhow::Result<String> {
    Ok(match format {
        ShowFormatKind::Json => json(snapshot, filter),
        ShowFormatKind::Table => match (snapshot.kind, filter.measure) {
            (Kind::Programme, Some(n)) => snapshot
                .measure(n)
                .map(|m| measure_full(snapshot, m, palette, width))
                .unwrap_or_default(),
            (Kind::Programme, None) => table(snapshot, filter, palette, width),
            (Kind::Summary, _) => summary_table(snapshot, palette, width),
        },
        ShowFormatKind::Markdown | ShowFormatKind::Html => anyhow::bail!(
            "this format is not available for `show` yet; use `--format table` or `--format json`"
        ),
    })
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

fn count_items(items: &[Item]) -> usize {
    items.iter().map(|i| 1 + count_items(&i.items)).sum()
}

/// The measures as a table, then the per-theme status counts.
pub fn table(snapshot: &Snapshot, filter: &Filter, palette: Palette, width: u16) -> String {
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
        let items = count_items(&m.items);
        let items = if items == 0 {
            "–".to_string()
        } else {
            items.to_string()
        };
        t.add_row(vec![
            Cell::new(m.number),
            status_cell(m, palette),
            Cell::new(m.theme),
            Cell::new(&m.title),
            Cell::new(items),
        ]);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    out.push_str(&format!("{shown} of {} measures", snapshot.measures.len()));
    out.push_str(&palette.dim("  (* deduced, ? uncertain: the letters are the candidates)"));
    out.push('\n');
    out.push_str(&theme_counts_table(snapshot, filter, width));
    out
}

/// How many measures of each theme have each status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeCount {
    pub theme: u32,
    pub title: String,
    pub measures: usize,
    #[serde(rename = "B")]
    pub existing: usize,
    #[serde(rename = "V")]
    pub strengthened: usize,
    #[serde(rename = "N")]
    pub new: usize,
    /// Measures whose status is uncertain (counted in no letter).
    pub uncertain: usize,
    /// Of the lettered counts, how many are deduced rather than confirmed.
    pub deduced: usize,
}

pub fn theme_counts(snapshot: &Snapshot, filter: &Filter) -> Vec<ThemeCount> {
    snapshot
        .themes
        .iter()
        .filter(|t| filter.theme.is_none_or(|n| n == t.number))
        .map(|t| {
            let ms: Vec<&Measure> = snapshot
                .measures
                .iter()
                .filter(|m| m.theme == t.number && filter.keeps(m))
                .collect();
            let with = |s: Status| ms.iter().filter(|m| m.status.settled() == Some(s)).count();
            ThemeCount {
                theme: t.number,
                title: t.title.clone(),
                measures: ms.len(),
                existing: with(Status::Existing),
                strengthened: with(Status::Strengthened),
                new: with(Status::New),
                uncertain: ms
                    .iter()
                    .filter(|m| m.status.certainty == Certainty::Uncertain)
                    .count(),
                deduced: ms
                    .iter()
                    .filter(|m| m.status.certainty == Certainty::Deduced)
                    .count(),
            }
        })
        .collect()
}

fn theme_counts_table(snapshot: &Snapshot, filter: &Filter, width: u16) -> String {
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
            c.title.clone(),
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
            g.title.clone(),
            text,
            g.parts.len().to_string(),
        ]);
    }
    out.push_str(&t.to_string());
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
            let target = snapshot
                .measure(r.measure)
                .map(|t| t.title.as_str())
                .unwrap_or("(no such measure)");
            out.push_str(&wrap(
                &format!("{from} → measure {}: {target}", r.measure),
                width,
                "  ",
            ));
        }
    }
    if let Some(lines) = m.lines {
        out.push_str(&palette.dim(&format!("\nSource: lines {lines}")));
        out.push('\n');
    }
    out
}

/// The JSON view of `show`: documented in `docs/json-output.md`.
#[derive(Debug, Serialize)]
struct ShowView<'a> {
    format: &'static str,
    version: VersionInfo<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    measures: Vec<&'a Measure>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    theme_counts: Vec<ThemeCount>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    groups: Vec<&'a crate::snapshot::Group>,
}

/// Who a version is, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub title: &'a str,
    pub date: Option<&'a str>,
}

impl<'a> VersionInfo<'a> {
    pub fn of(s: &'a Snapshot) -> Self {
        VersionInfo {
            id: &s.id,
            kind: s.kind.as_str(),
            title: &s.title,
            date: s.date.as_deref(),
        }
    }
}

pub fn json(snapshot: &Snapshot, filter: &Filter) -> String {
    let view = ShowView {
        format: "policydiff-show/1",
        version: VersionInfo::of(snapshot),
        measures: snapshot
            .measures
            .iter()
            .filter(|m| filter.keeps(m))
            .collect(),
        theme_counts: if filter.measure.is_some() {
            Vec::new()
        } else {
            theme_counts(snapshot, filter)
        },
        groups: if snapshot.kind == Kind::Summary {
            snapshot.groups.iter().collect()
        } else {
            Vec::new()
        },
    };
    to_json(&view)
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    // View types of strings and numbers always serialise.
    let mut s = serde_json::to_string_pretty(value).expect("view serialises");
    s.push('\n');
    s
}

/// One row of `list`.
#[derive(Debug, Serialize)]
struct ListRow<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    date: Option<&'a str>,
    measures: usize,
    groups: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    describes: Option<&'a str>,
}

fn list_rows<'a>(snapshots: &[&'a Snapshot]) -> Vec<ListRow<'a>> {
    snapshots
        .iter()
        .map(|s| ListRow {
            id: &s.id,
            kind: s.kind.as_str(),
            title: &s.title,
            date: s.date.as_deref(),
            measures: s.measures.len(),
            groups: s.groups.len(),
            describes: s.describes.as_deref(),
        })
        .collect()
}

pub fn list_table(snapshots: &[&Snapshot], width: u16) -> String {
    let mut t = new_table(width, Palette::PLAIN);
    t.set_header(vec!["Id", "Kind", "Title", "Date", "Contents"]);
    for r in list_rows(snapshots) {
        let contents = match r.kind {
            "programme" => format!("{} measures, {} groups", r.measures, r.groups),
            _ => format!(
                "{} groups{}",
                r.groups,
                r.describes
                    .map(|d| format!(", describes {d}"))
                    .unwrap_or_default()
            ),
        };
        t.add_row(vec![
            r.id.to_string(),
            r.kind.to_string(),
            r.title.to_string(),
            r.date.unwrap_or("–").to_string(),
            contents,
        ]);
    }
    format!("{t}\n")
}

pub fn list_json(snapshots: &[&Snapshot]) -> String {
    #[derive(Serialize)]
    struct ListView<'a> {
        format: &'static str,
        versions: Vec<ListRow<'a>>,
    }
    to_json(&ListView {
        format: "policydiff-list/1",
        versions: list_rows(snapshots),
    })
}
