//! The Markdown `show` report: a version's status counts, then each measure
//! (or a summary page's groups) as a collapsible section.

use super::{Budget, LIMIT, code, escape, escape_html, status_words};
use crate::snapshot::{Item, Kind, Measure, Snapshot};
use crate::snapshot::{MeasureFilter, ThemeCount};
use std::fmt::Write;

/// The `show` report of `snapshot` as GitHub-flavoured Markdown, at most
/// [`LIMIT`] characters.
pub fn show(snapshot: &Snapshot, filter: &MeasureFilter) -> String {
    show_within(snapshot, filter, LIMIT)
}

/// [`show`] with another size limit (tests use a small one).
pub fn show_within(snapshot: &Snapshot, filter: &MeasureFilter, limit: usize) -> String {
    match snapshot.kind {
        Kind::Programme => programme(snapshot, filter, limit),
        Kind::Summary => summary(snapshot, limit),
    }
}

fn heading(snapshot: &Snapshot) -> String {
    let mut out = format!(
        "## {}\n\n{} · {}",
        escape(&snapshot.title),
        code(&snapshot.id),
        snapshot.kind.as_str()
    );
    if let Some(d) = &snapshot.date {
        let _ = write!(out, " · {}", escape(d));
    }
    out.push('\n');
    out
}

/// The per-theme counts as a Markdown table with a total row.
pub(crate) fn counts_table(counts: &[ThemeCount]) -> String {
    let mut out = String::from(
        "| Theme | Measures | B | V | N | Uncertain | of which deduced |\n| :-- | --: | --: | --: | --: | --: | --: |\n",
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
        let _ = write!(out, "| {} {} |", c.theme, escape(&c.title));
        for (slot, n) in total.iter_mut().zip(row) {
            *slot += n;
            let _ = write!(out, " {n} |");
        }
        out.push('\n');
    }
    out.push_str("| **All themes** |");
    for n in total {
        let _ = write!(out, " **{n}** |");
    }
    out.push('\n');
    out
}

const LEGEND: &str = "Status letters: **B** bestaand (existing), **V** versterkt (strengthened), **N** nieuw (new). A deduced status follows from other evidence by elimination; an uncertain one (`?`, with the letters the evidence allows) is counted under no letter.\n";

fn programme(snapshot: &Snapshot, filter: &MeasureFilter, limit: usize) -> String {
    let mut b = Budget::new(limit);
    let kept: Vec<&Measure> = snapshot
        .measures
        .iter()
        .filter(|m| filter.keeps(m))
        .collect();
    b.push(&heading(snapshot));
    b.push(&format!(
        "\n{} of {} measures shown.\n\n",
        kept.len(),
        snapshot.measures.len()
    ));
    b.push(&counts_table(&crate::render::html::shown_counts(
        snapshot, filter,
    )));
    b.push("\n");
    b.push(LEGEND);
    let mut skipped: Vec<u32> = Vec::new();
    for theme in &snapshot.themes {
        let ms: Vec<&&Measure> = kept.iter().filter(|m| m.theme == theme.number).collect();
        if ms.is_empty() {
            continue;
        }
        let mut head = format!("\n### Theme {}: {}\n", theme.number, escape(&theme.title));
        for a in &theme.aims {
            let _ = write!(head, "\n*{}*\n", escape(a));
        }
        let mut head_written = false;
        let mut section: Option<&str> = None;
        for m in ms {
            let mut text = String::new();
            if !head_written {
                text.push_str(&head);
            }
            if m.section.as_deref() != section {
                section = m.section.as_deref();
                if let Some(s) = section {
                    let _ = write!(text, "\n#### {}\n", escape(s));
                }
            }
            for p in theme.paragraphs.iter().filter(|p| p.before == m.number) {
                let _ = write!(text, "\n{}\n", escape(&p.text));
            }
            text.push_str(&measure(snapshot, m));
            if skipped.is_empty() && b.try_push(&text) {
                head_written = true;
            } else {
                skipped.push(m.number);
            }
        }
    }
    if !skipped.is_empty() {
        b.leave_out(format!(
            "the text of {} ({})",
            crate::render::html::plural(skipped.len(), "measure"),
            ranges(&skipped)
        ));
    }
    let footnotes = crate::render::html::shown_footnotes(snapshot, filter);
    if !footnotes.is_empty() {
        let mut text = String::from("\n### Footnotes\n\n");
        for f in footnotes {
            let _ = writeln!(text, "{}. {}", f.number, escape(&f.text));
        }
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out("the footnotes");
        }
    }
    let glossary = snapshot
        .glossary
        .as_ref()
        .filter(|_| crate::render::html::keeps_all(filter));
    if let Some(g) = glossary {
        let mut text = format!(
            "\n<details><summary>Glossary ({} terms)</summary>\n\n",
            g.entries.len()
        );
        for e in &g.entries {
            let _ = writeln!(text, "- **{}**: {}", escape(&e.term), escape(&e.definition));
        }
        text.push_str("\n</details>\n");
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out("the glossary");
        }
    }
    b.finish("`policydiff show --format html` writes the whole version.")
}

fn measure(snapshot: &Snapshot, m: &Measure) -> String {
    let mut out = format!(
        "\n<details><summary><b>{}</b> · {} · {}{}</summary>\n\n",
        m.number,
        escape_html(&status_words(&m.status)),
        escape_html(&m.title),
        sups(&m.footnotes)
    );
    if let Some(note) = &m.status.note {
        let _ = write!(out, "> Status evidence: {}\n\n", escape(note));
    }
    measure_text(&mut out, m);
    let refs = m.all_references();
    if !refs.is_empty() {
        let list: Vec<String> = refs
            .iter()
            .flat_map(|(path, r)| r.targets.iter().map(move |t| (path, t)))
            .map(|(path, t)| {
                let title = snapshot
                    .measure(t.measure)
                    .map(|t| escape(&t.title))
                    .unwrap_or_else(|| "**no such measure in this version**".to_string());
                format!(
                    "{}{} → measure {} ({title})",
                    m.number,
                    escape(&path.concat()),
                    escape(&t.to_string())
                )
            })
            .collect();
        let _ = write!(out, "References: {}\n\n", list.join("; "));
    }
    out.push_str("</details>\n");
    out
}

/// A measure's lead-in, body and items as Markdown paragraphs and a list.
pub(crate) fn measure_text(out: &mut String, m: &Measure) {
    if let Some(l) = &m.lead_in {
        let _ = write!(out, "{}\n\n", escape(l));
    }
    if let Some(body) = &m.body {
        let _ = write!(out, "{}\n\n", escape(body));
    }
    if !m.items.is_empty() {
        items(out, &m.items, 0);
        out.push('\n');
    }
}

fn sups(numbers: &[u32]) -> String {
    numbers.iter().map(|n| format!("<sup>{n}</sup>")).collect()
}

fn items(out: &mut String, items: &[Item], depth: usize) {
    for item in items {
        let _ = write!(
            out,
            "{}- **{}.** {}{}",
            "  ".repeat(depth),
            escape(&item.label),
            escape(&item.text),
            sups(&item.footnotes)
        );
        if let Some(s) = &item.status {
            let _ = write!(out, " *(status {})*", escape(&status_words(s)));
        }
        out.push('\n');
        self::items(out, &item.items, depth + 1);
    }
}

/// `1–3, 7, 9–10`.
pub(crate) fn ranges(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        let mut end = start;
        while i + 1 < numbers.len() && Some(numbers[i + 1]) == end.checked_add(1) {
            i += 1;
            end = numbers[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

fn summary(snapshot: &Snapshot, limit: usize) -> String {
    let mut b = Budget::new(limit);
    b.push(&heading(snapshot));
    if let Some(d) = &snapshot.description {
        b.push(&format!("\n{}\n", escape(d)));
    }
    if let Some(p) = &snapshot.describes {
        b.push(&format!("\nDescribes {}.\n", code(p)));
    }
    b.push(&format!(
        "\n| Group | Title | Parts |\n| --: | :-- | --: |\n{}",
        snapshot
            .groups
            .iter()
            .map(|g| format!(
                "| {} | {} | {} |\n",
                g.number,
                escape(&g.title),
                g.parts.len()
            ))
            .collect::<String>()
    ));
    if let Some(intro) = &snapshot.groups_intro {
        b.push(&format!("\n{}\n", escape(intro)));
    }
    for g in &snapshot.groups {
        let mut text = format!(
            "\n<details><summary><b>{}</b> · {}</summary>\n\n",
            g.number,
            escape_html(&g.title)
        );
        if !g.text.is_empty() {
            let _ = write!(text, "{}\n\n", escape(&g.text));
        }
        for (i, p) in g.parts.iter().enumerate() {
            let label = p.label.clone().unwrap_or_else(|| (i + 1).to_string());
            let _ = writeln!(text, "- **{}.** {}", escape(&label), escape(&p.text));
        }
        if !g.parts.is_empty() {
            text.push('\n');
        }
        text.push_str("</details>\n");
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out(format!("group {}", g.number));
        }
    }
    if !snapshot.goals.is_empty() {
        let mut text = String::from("\n### Goals\n\n");
        for g in &snapshot.goals {
            let _ = writeln!(text, "- {}", escape(g));
        }
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out("the goals");
        }
    }
    if let Some(o) = &snapshot.organisations {
        let text = format!("\n### Organisations\n\n{}\n", escape(o));
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out("the organisations");
        }
    }
    b.finish("`policydiff show --format html` writes the whole page.")
}

#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn number_ranges_never_wrap_around_the_largest_number() {
        assert_eq!(ranges(&[1, 2, 3, 5]), "1–3, 5");
        assert_eq!(ranges(&[u32::MAX - 1, u32::MAX]), "4294967294–4294967295");
        assert_eq!(ranges(&[u32::MAX, 0]), "4294967295, 0");
    }
}
