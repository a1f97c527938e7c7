//! The text report of `diff`: a summary line, a table of the measures that
//! changed, then each change word by word. Differences are coloured on a
//! terminal and marked `[-…-]` / `{+…+}` otherwise (see [`Palette`]).

use super::{cell, words, wrap};
use crate::diff::{
    ChangeClass, Comparison, Diff, EntryChange, EntryChangeKind, GroupChange, ItemChange,
    ItemChangeKind, MeasureChange, MeasureRef, StatusChange, Story,
};
use crate::render::color::Palette;
use crate::render::prose;
use comfy_table::{ContentArrangement, Table, presets};
use std::fmt::Write as _;

/// How much of the report to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Summary line and table only (`--stat`).
    pub stat: bool,
    /// Width the table and paragraphs wrap to.
    pub width: u16,
}

/// The headline: the two versions, then the story's lead sentence, wrapped
/// to `width`.
pub fn summary_line(diff: &Diff, story: &Story, width: u16) -> String {
    let sides = format!("{} → {}:", cell(&diff.old.id), cell(&diff.new.id));
    let mut out = wrap(&format!("{sides} {}", story.lead), usize::from(width), "");
    if diff.comparison != Comparison::Programmes {
        out.push_str(&wrap(
            &format!(
                "Compared at group level ({} and {}){}.",
                diff.old.kind.as_str(),
                diff.new.kind.as_str(),
                prose::loose_note(diff.comparison)
            ),
            usize::from(width),
            "",
        ));
    }
    out
}

/// The version's own changes (title, date, publishers, notes), one line each.
fn version_lines(story: &Story, palette: Palette, width: usize) -> String {
    let mut out = String::new();
    for v in &story.version {
        let side = |s: &Option<String>, mark: &dyn Fn(&str) -> String| {
            s.as_deref()
                .map_or("(none)".to_string(), |t| mark(&format!("“{t}”")))
        };
        out.push_str(&wrap(
            &format!(
                "{} → {}",
                side(&v.old, &|t| palette.deleted(t)),
                side(&v.new, &|t| palette.inserted(t))
            ),
            width,
            &format!("  version {}: ", v.field),
        ));
    }
    out
}

fn numbers(refs: &[MeasureRef]) -> String {
    if refs.is_empty() {
        "–".to_string()
    } else {
        refs.iter()
            .map(|r| r.number.to_string())
            .collect::<Vec<_>>()
            .join("+")
    }
}

fn status_cell(m: &MeasureChange) -> String {
    match &m.status {
        Some(s) => format!("{} → {}", s.old.short(), s.new.short()),
        None => m
            .new
            .first()
            .or(m.old.first())
            .map(|r| r.status.short())
            .unwrap_or_default(),
    }
}

/// The table of the measures that changed in substance, in the story's
/// order; pure renumberings are left to one line of ranges.
pub fn table(diff: &Diff, story: &Story, width: u16) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    t.set_header(vec![
        "Old",
        "New",
        "Changes",
        "Status",
        "Title",
        "Similarity",
    ]);
    let mut rows = 0;
    for section in &story.sections {
        for &i in &section.entries {
            let Some(m) = diff.measures.get(i) else {
                continue;
            };
            rows += 1;
            let classes: Vec<&str> = m
                .classes
                .iter()
                .filter(|c| **c != ChangeClass::Unchanged)
                .map(|c| c.as_str())
                .collect();
            let classes = if classes.is_empty() {
                m.status
                    .as_ref()
                    .map(|s| format!("status {}", s.kind.as_str()))
                    .unwrap_or_default()
            } else {
                classes.join(", ")
            };
            let figure = m
                .similarity
                .or(m.confidence)
                .map(|s| format!("{:.0}%", s * 100.0))
                .unwrap_or_else(|| "–".to_string());
            t.add_row(vec![
                numbers(&m.old),
                numbers(&m.new),
                classes,
                status_cell(m),
                cell(prose::title(m)),
                figure,
            ]);
        }
    }
    let mut out = if rows == 0 {
        String::new()
    } else {
        format!("{t}\n")
    };
    if story.renumbered_only > 0 {
        out.push_str(&wrap(
            &story.shift_words(),
            usize::from(width),
            &format!("Only renumbered ({}): ", story.renumbered_only),
        ));
    }
    out
}

fn status_words(s: &StatusChange) -> String {
    let base = format!("{} → {}", s.old.short(), s.new.short());
    match (s.kind.is_change(), s.direction) {
        (true, Some(d)) => format!("{base} ({d})"),
        (true, None) => format!("{base} ({})", s.kind.as_str()),
        (false, _) => format!("{base} ({}, not a change)", s.kind.as_str()),
    }
}

fn heading(m: &MeasureChange) -> String {
    let mut classes: Vec<&str> = m.classes.iter().map(|c| c.as_str()).collect();
    if let (["unchanged"], Some(s)) = (classes.as_slice(), &m.status) {
        classes = vec!["status", s.kind.as_str()];
    }
    let title = m
        .new
        .first()
        .or(m.old.first())
        .map(|r| r.title.as_str())
        .unwrap_or("");
    let numbers = match (m.old.is_empty(), m.new.is_empty()) {
        (true, _) => format!("Measure {} (new)", numbers(&m.new)),
        (_, true) => format!("Measure {} (old)", numbers(&m.old)),
        _ if m.old.len() == 1 && m.new.len() == 1 && m.old[0].number == m.new[0].number => {
            format!("Measure {}", m.old[0].number)
        }
        _ => format!("Measure {} → {}", numbers(&m.old), numbers(&m.new)),
    };
    format!("{numbers} [{}]: {title}", classes.join(", "))
}

fn item_line(i: &ItemChange, palette: Palette, width: usize) -> String {
    let label = match (&i.old_label, &i.new_label) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    };
    let mut out = match i.kind {
        ItemChangeKind::Added => wrap(
            &palette.inserted(i.new_text.as_deref().unwrap_or("")),
            width,
            &format!("    {label} (added): "),
        ),
        ItemChangeKind::Removed => wrap(
            &palette.deleted(i.old_text.as_deref().unwrap_or("")),
            width,
            &format!("    {label} (removed): "),
        ),
        ItemChangeKind::Changed => {
            let text = i
                .words
                .as_ref()
                .map(|w| words(w, palette))
                .unwrap_or_default();
            let similarity = i
                .similarity
                .map(|s| format!(", {:.0}%", s * 100.0))
                .unwrap_or_default();
            wrap(
                &text,
                width,
                &format!("    {label} (changed{similarity}): "),
            )
        }
        ItemChangeKind::Relabelled => format!("    {label} (relabelled, text unchanged)\n"),
        ItemChangeKind::Unchanged => String::new(),
    };
    if let Some(s) = &i.status {
        let _ = writeln!(out, "    {label} status: {}", status_words(s));
    }
    out
}

/// The details of one measure entry.
pub fn measure_details(m: &MeasureChange, palette: Palette, width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::new();
    out.push_str(&palette.bold(wrap(&heading(m), width, "").trim_end()));
    out.push('\n');
    if m.has(ChangeClass::Split) || m.has(ChangeClass::Merged) {
        let what = if m.has(ChangeClass::Split) {
            "split into"
        } else {
            "merged from"
        };
        let others = if m.has(ChangeClass::Split) {
            &m.new
        } else {
            &m.old
        };
        let list: Vec<String> = others
            .iter()
            .map(|r| format!("{} ({})", r.number, r.title))
            .collect();
        out.push_str(&wrap(&list.join("; "), width, &format!("  {what}: ")));
        if let Some(c) = m.confidence {
            let _ = writeln!(out, "  content accounted for: {:.0}%", c * 100.0);
        }
        return out;
    }
    if let (Some(a), Some(b)) = (m.old.first(), m.new.first()) {
        if m.has(ChangeClass::Renumbered) {
            let _ = writeln!(out, "  renumbered: {} → {}", a.number, b.number);
        }
        if m.has(ChangeClass::Moved) {
            let place = |r: &MeasureRef| {
                format!(
                    "theme {}{}",
                    r.theme,
                    r.section
                        .as_ref()
                        .map(|s| format!(" · {s}"))
                        .unwrap_or_default()
                )
            };
            let _ = writeln!(out, "  moved: {} → {}", place(a), place(b));
        }
    }
    if let Some(s) = &m.status {
        let _ = writeln!(out, "  status: {}", status_words(s));
    }
    for (name, w) in [
        ("title", &m.title),
        ("lead-in", &m.lead_in),
        ("body", &m.body),
    ] {
        if let Some(w) = w {
            out.push_str(&wrap(&words(w, palette), width, &format!("  {name}: ")));
        }
    }
    if !m.items.is_empty() {
        out.push_str("  items:\n");
        for i in &m.items {
            out.push_str(&item_line(i, palette, width));
        }
    }
    if let (Some(c), Some(s)) = (m.confidence, m.similarity) {
        if m.classes
            .iter()
            .any(|c| matches!(c, ChangeClass::Text | ChangeClass::Retitled))
            || c < 0.9
        {
            out.push_str(&palette.dim(&format!(
                "  similarity {:.0}%, pairing confidence {:.0}%",
                s * 100.0,
                c * 100.0
            )));
            out.push('\n');
        }
    }
    if m.old.is_empty() || m.new.is_empty() {
        let r = m.new.first().or(m.old.first());
        if let Some(r) = r {
            let _ = writeln!(out, "  theme {}, status {}", r.theme, r.status.short());
        }
    }
    out
}

fn entry_line(e: &EntryChange, what: &str, palette: Palette, width: usize) -> String {
    let key = match (&e.old_key, &e.new_key) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    };
    match e.kind {
        EntryChangeKind::Added => wrap(
            &palette.inserted(e.new_text.as_deref().unwrap_or("")),
            width,
            &format!("  {what} {key} (added): "),
        ),
        EntryChangeKind::Removed => wrap(
            &palette.deleted(e.old_text.as_deref().unwrap_or("")),
            width,
            &format!("  {what} {key} (removed): "),
        ),
        EntryChangeKind::Changed => wrap(
            &e.words
                .as_ref()
                .map(|w| words(w, palette))
                .unwrap_or_default(),
            width,
            &format!("  {what} {key} (changed): "),
        ),
        EntryChangeKind::Rekeyed => format!("  {what} {key} (renumbered, text unchanged)\n"),
        EntryChangeKind::Renumbered | EntryChangeKind::Renamed => {
            let how = if e.kind == EntryChangeKind::Renamed {
                "renamed"
            } else {
                "renumbered"
            };
            match &e.words {
                Some(w) => wrap(
                    &words(w, palette),
                    width,
                    &format!("  {what} {key} ({how}, changed): "),
                ),
                None => format!("  {what} {key} ({how})\n"),
            }
        }
    }
}

fn group_lines(g: &GroupChange, palette: Palette, width: usize) -> String {
    let mut out = String::new();
    let number = prose::group_number(g);
    let title = prose::group_title(g);
    match g.kind {
        EntryChangeKind::Added => out.push_str(&wrap(
            &palette.inserted(&title),
            width,
            &format!("  group {number} (added): "),
        )),
        EntryChangeKind::Removed => out.push_str(&wrap(
            &palette.deleted(&title),
            width,
            &format!("  group {number} (removed): "),
        )),
        _ => {
            let _ = writeln!(out, "  group {number}: {title}");
            if let Some(w) = &g.title {
                out.push_str(&wrap(&words(w, palette), width, "    title: "));
            }
            if let Some(w) = &g.text {
                out.push_str(&wrap(&words(w, palette), width, "    text: "));
            }
            for p in &g.parts {
                out.push_str(&entry_line(p, "  part", palette, width));
            }
        }
    }
    out
}

/// The whole text report, told as the [`Story`] orders it.
pub fn render(diff: &Diff, story: &Story, palette: Palette, options: TextOptions) -> String {
    crate::render::inert::terminal(&report(diff, story, palette, options))
}

fn report(diff: &Diff, story: &Story, palette: Palette, options: TextOptions) -> String {
    let width = usize::from(options.width);
    let mut out = summary_line(diff, story, options.width);
    if story.is_empty() {
        return out;
    }
    let version = version_lines(story, palette, width);
    if !version.is_empty() {
        out.push_str(&version);
    }
    let table = table(diff, story, options.width);
    if !table.is_empty() {
        out.push('\n');
        out.push_str(&table);
    }
    if options.stat {
        return out;
    }
    for section in &story.sections {
        out.push('\n');
        out.push_str(&palette.bold(section.kind.heading()));
        out.push('\n');
        for &i in &section.entries {
            if let Some(m) = diff.measures.get(i) {
                out.push_str(&measure_details(m, palette, options.width));
            }
        }
    }
    if !diff.stale_references.is_empty() {
        out.push('\n');
        out.push_str(&palette.bold("Stale references"));
        out.push('\n');
        for s in &diff.stale_references {
            out.push_str(&wrap(
                &format!(
                    "{} says “{}”: {}",
                    prose::stale_place(s),
                    s.phrase,
                    prose::stale_fix(s)
                ),
                width,
                "  ",
            ));
        }
    }
    let mut section = |title: &str, body: String| {
        if !body.is_empty() {
            out.push('\n');
            out.push_str(&palette.bold(title));
            out.push('\n');
            out.push_str(&body);
        }
    };
    section(
        "Goals",
        diff.goals
            .iter()
            .map(|e| entry_line(e, "goal", palette, width))
            .collect(),
    );
    section(
        "Groups",
        diff.groups
            .iter()
            .map(|g| group_lines(g, palette, width))
            .collect(),
    );
    let themes: String = diff
        .themes
        .iter()
        .map(|t| {
            let mut s = String::new();
            let title = t
                .new_title
                .as_ref()
                .or(t.old_title.as_ref())
                .cloned()
                .unwrap_or_default();
            match t.kind {
                EntryChangeKind::Added => s.push_str(&wrap(
                    &palette.inserted(&title),
                    width,
                    &format!("  theme {} (added): ", t.number),
                )),
                EntryChangeKind::Removed => s.push_str(&wrap(
                    &palette.deleted(&title),
                    width,
                    &format!("  theme {} (removed): ", t.number),
                )),
                _ => {
                    let how = prose::theme_renumbering(t)
                        .map(|h| format!(" ({h})"))
                        .unwrap_or_default();
                    let _ = writeln!(s, "  theme {}{how}: {title}", prose::theme_number(t));
                    if let Some(w) = &t.title {
                        s.push_str(&wrap(&words(w, palette), width, "    heading: "));
                    }
                    for a in &t.aims {
                        s.push_str(&entry_line(a, "  aim", palette, width));
                    }
                    for sec in &t.sections {
                        s.push_str(&entry_line(sec, "  section", palette, width));
                    }
                }
            }
            s
        })
        .collect();
    section("Themes", themes);
    section(
        "Footnotes",
        diff.footnotes
            .iter()
            .map(|e| entry_line(e, "footnote", palette, width))
            .collect(),
    );
    section(
        "Glossary",
        diff.glossary
            .iter()
            .map(|e| entry_line(e, "term", palette, width))
            .collect(),
    );
    out
}
