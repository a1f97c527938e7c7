//! The Markdown `diff` report, for a pull-request comment: the counts first,
//! then one collapsible section per changed measure with its word-level
//! differences, status changes and renumbering in words; renumberings that
//! change nothing else in one line; then stale references and other parts.
//! Cut to [`LIMIT`] with a note of what was left out.

use super::show::{measure_text, ranges};
use super::{Budget, LIMIT, code, escape, escape_html, status_words, whole, words};
use crate::diff::story::{self, Story};
use crate::diff::{
    ChangeClass, Comparison, Diff, EntryChange, EntryChangeKind, GroupChange, ItemChange,
    ItemChangeKind, MeasureChange, SegmentTag, StaleReference, StatusChange, VersionRef, WordDiff,
};
use crate::render::prose::{self, entry_key, numbers_of, title};
use crate::snapshot::Snapshot;
use std::fmt::Write;

fn word_diff(w: &WordDiff) -> String {
    words(w)
}

/// The `diff` report as GitHub-flavoured Markdown, at most [`LIMIT`]
/// characters. `old` and `new` supply the text of added and removed measures.
pub fn diff(diff: &Diff, old: &Snapshot, new: &Snapshot) -> String {
    diff_within(diff, old, new, LIMIT)
}

/// [`diff`] with another size limit.
pub fn diff_within(diff: &Diff, old: &Snapshot, new: &Snapshot, limit: usize) -> String {
    let mut b = Budget::new(limit);
    // The same id on both sides (a pull request's base against its head):
    // say what changed, not `x → x`.
    if diff.old.id == diff.new.id {
        b.push(&format!(
            "## policydiff: changes to {}\n\n",
            code(&diff.new.id)
        ));
    } else {
        b.push(&format!(
            "## policydiff: {} → {}\n\n",
            code(&diff.old.id),
            code(&diff.new.id)
        ));
    }
    b.push(&format!(
        "**Old:** {}  \n**New:** {}\n\n",
        version(&diff.old),
        version(&diff.new)
    ));
    let story = Story::of(diff, old, new);
    b.push(&format!("**{}**\n\n", escape(&story.lead)));
    if story.is_empty() {
        return b.finish("");
    }
    if diff.comparison != Comparison::Programmes {
        b.push(&format!(
            "Compared at group level{}.\n\n",
            crate::render::prose::loose_note(diff.comparison)
        ));
    }
    for v in &story.version {
        let side = |t: &Option<String>, tag: SegmentTag| {
            t.as_deref().map_or("(none)".to_string(), |t| whole(tag, t))
        };
        b.push(&format!(
            "- Version {}: {} → {}\n",
            v.field,
            side(&v.old, SegmentTag::Deleted),
            side(&v.new, SegmentTag::Inserted)
        ));
    }
    if !story.version.is_empty() {
        b.push("\n");
    }
    b.push(&counts(diff));

    let renumbered_only: Vec<&MeasureChange> = diff
        .measures
        .iter()
        .filter(|m| story::renumbered_only(m))
        .collect();
    let mut detailed: Vec<(Option<&'static str>, &MeasureChange)> = Vec::new();
    for section in &story.sections {
        for (n, &i) in section.entries.iter().enumerate() {
            if let Some(m) = diff.measures.get(i) {
                detailed.push(((n == 0).then(|| section.kind.heading()), m));
            }
        }
    }
    let mut short: Vec<&MeasureChange> = Vec::new();
    for (heading, m) in &detailed {
        let mut text = heading.map(|h| format!("\n### {h}\n")).unwrap_or_default();
        text.push_str(&details(diff, m, old, new));
        if !short.is_empty() || !b.try_push(&text) {
            short.push(m);
        }
    }
    // What did not fit in full goes in one line each, while that fits.
    let mut left: Vec<String> = Vec::new();
    if !short.is_empty() {
        b.push("\nIn brief (no room for the details):\n\n");
        for m in short {
            if !left.is_empty() || !b.try_push(&one_line(m)) {
                left.push(numbers_of(m));
            }
        }
        b.leave_out("the word-level details of some changed measures (listed in brief above)");
    }
    if !left.is_empty() {
        b.leave_out(format!(
            "{} more changed measures: {}",
            left.len(),
            left.join(", ")
        ));
    }
    if !renumbered_only.is_empty() {
        let pairs = story.shift_words();
        let text = format!(
            "\n**Renumbered only** ({}, text and status unchanged): {}\n",
            renumbered_only.len(),
            pairs
        );
        if b.is_cut() || !b.try_push(&text) {
            let olds: Vec<u32> = renumbered_only
                .iter()
                .filter_map(|m| m.old.first().map(|r| r.number))
                .collect();
            b.leave_out(format!(
                "the list of measures only renumbered (old {})",
                ranges(&olds)
            ));
        }
    }
    if !diff.stale_references.is_empty() {
        let mut text = String::from("\n### Stale references\n\n");
        for s in &diff.stale_references {
            let _ = writeln!(text, "- {}", stale_words(s));
        }
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out(crate::render::html::plural(
                diff.stale_references.len(),
                "stale reference",
            ));
        }
    }
    other_parts(&mut b, diff);
    b.finish("`policydiff diff --format html -o report.html` writes the whole report.")
}

fn version(v: &VersionRef) -> String {
    format!(
        "{} · {} · {}{}",
        escape(&v.title),
        code(&v.id),
        v.kind.as_str(),
        v.date
            .as_deref()
            .map(|d| format!(" · {}", escape(d)))
            .unwrap_or_default()
    )
}

fn counts(diff: &Diff) -> String {
    let c = diff.counts();
    let mut out = String::from("| Change | Count |\n| :-- | --: |\n");
    if diff.comparison == Comparison::Programmes {
        let _ = writeln!(out, "| measures paired | {} |", c.paired);
    } else {
        let _ = writeln!(
            out,
            "| compared at group level | {} and {} |",
            diff.old.kind.as_str(),
            diff.new.kind.as_str()
        );
    }
    for (label, n) in [
        ("unchanged", c.unchanged),
        ("added", c.added),
        ("removed", c.removed),
        ("split", c.split),
        ("merged", c.merged),
        ("status changed", c.status),
        ("renumbered", c.renumbered),
        ("moved to another theme", c.moved),
        ("retitled", c.retitled),
        ("text changed", c.text),
        ("stale references", c.stale_references),
        ("goals that differ", c.goals),
        ("groups that differ", c.groups),
        ("themes that differ", c.themes),
        ("footnotes that differ", c.footnotes),
        ("glossary entries that differ", c.glossary),
    ] {
        if n > 0 {
            let _ = writeln!(out, "| {label} | {n} |");
        }
    }
    out
}

fn classes(m: &MeasureChange) -> String {
    match (&m.status, m.is_change()) {
        (Some(s), false) => format!("status {}", s.kind.as_str()),
        _ => {
            let c: Vec<&str> = m.classes.iter().map(|c| c.as_str()).collect();
            c.join(", ")
        }
    }
}

fn one_line(m: &MeasureChange) -> String {
    format!(
        "- **{}** ({}): {}\n",
        escape(&numbers_of(m)),
        classes(m),
        escape(title(m))
    )
}

fn details(diff: &Diff, m: &MeasureChange, old: &Snapshot, new: &Snapshot) -> String {
    let mut out = format!(
        "\n<details><summary><b>{}</b> · {} · {}</summary>\n\n",
        escape_html(&numbers_of(m)),
        escape_html(&classes(m)),
        escape_html(title(m))
    );
    let mut facts: Vec<String> = Vec::new();
    if m.has(ChangeClass::Added) {
        facts.push("Added: the old version has no such measure.".into());
    }
    if m.has(ChangeClass::Removed) {
        facts.push("Removed: the new version has no such measure.".into());
    }
    if let Some((what, others)) = prose::pieces(m) {
        let list: Vec<String> = others
            .iter()
            .map(|r| format!("{} ({})", r.number, escape(&r.title)))
            .collect();
        facts.push(format!("{what} {}.", list.join("; ")));
        if let Some(c) = m.confidence {
            facts.push(format!("The pieces hold {:.0}% of the content.", c * 100.0));
        }
    }
    if let (Some(a), Some(b)) = (m.old.first(), m.new.first()) {
        if m.has(ChangeClass::Renumbered) && m.old.len() == 1 && m.new.len() == 1 {
            facts.push(format!("Renumbered from {} to {}.", a.number, b.number));
        }
        if m.has(ChangeClass::Moved) {
            facts.push(prose::moved(a, b, &|s| escape(s)));
        }
    }
    if let Some(s) = &m.status {
        facts.push(status_sentence(s));
    } else if m.old.is_empty() || m.new.is_empty() {
        if let Some(r) = m.new.first().or(m.old.first()) {
            facts.push(format!(
                "Theme {}, status {}.",
                r.theme,
                escape(&status_words(&r.status))
            ));
        }
    }
    if let Some(w) = &m.title {
        facts.push(format!("Title: {}", word_diff(w)));
    }
    if let (Some(s), Some(c)) = (m.similarity, m.confidence) {
        if m.classes
            .iter()
            .any(|c| matches!(c, ChangeClass::Text | ChangeClass::Retitled))
            || c < 0.9
        {
            facts.push(format!(
                "Similarity {:.0}%, pairing confidence {:.0}%.",
                s * 100.0,
                c * 100.0
            ));
        }
    }
    for s in diff.stale_in(m) {
        facts.push(format!("⚠️ {}", stale_words(s)));
    }
    for f in facts {
        let _ = writeln!(out, "- {f}");
    }
    out.push('\n');
    if m.old.is_empty() || m.new.is_empty() {
        if let Some(full) = m.lone_measure(old, new) {
            measure_text(&mut out, full);
        }
    } else {
        for w in [&m.lead_in, &m.body].into_iter().flatten() {
            let _ = write!(out, "{}\n\n", word_diff(w));
        }
        if !m.items.is_empty() {
            out.push_str("Items:\n\n");
            for i in &m.items {
                item(&mut out, i);
            }
            out.push('\n');
        }
    }
    out.push_str("</details>\n");
    out
}

fn item(out: &mut String, i: &ItemChange) {
    let label = match (&i.old_label, &i.new_label) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    };
    let text = match i.kind {
        ItemChangeKind::Added => format!(
            "(added) {}",
            whole(SegmentTag::Inserted, i.new_text.as_deref().unwrap_or(""))
        ),
        ItemChangeKind::Removed => format!(
            "(removed) {}",
            whole(SegmentTag::Deleted, i.old_text.as_deref().unwrap_or(""))
        ),
        ItemChangeKind::Changed => {
            let sim = i
                .similarity
                .map(|s| format!(" ({:.0}% alike)", s * 100.0))
                .unwrap_or_default();
            format!(
                "{}{sim}",
                i.words.as_ref().map(word_diff).unwrap_or_default()
            )
        }
        ItemChangeKind::Relabelled => "(relabelled, text unchanged)".into(),
        ItemChangeKind::Unchanged => "(text unchanged)".into(),
    };
    let _ = write!(out, "- **{}** {text}", escape(&label));
    if let Some(s) = &i.status {
        let _ = write!(out, " — {}", status_sentence(s));
    }
    out.push('\n');
}

fn entry(e: &EntryChange, what: &str) -> String {
    let text = match e.kind {
        EntryChangeKind::Added => format!(
            "(added) {}",
            whole(SegmentTag::Inserted, e.new_text.as_deref().unwrap_or(""))
        ),
        EntryChangeKind::Removed => format!(
            "(removed) {}",
            whole(SegmentTag::Deleted, e.old_text.as_deref().unwrap_or(""))
        ),
        EntryChangeKind::Changed => e.words.as_ref().map(word_diff).unwrap_or_default(),
        EntryChangeKind::Rekeyed => "(renumbered, text unchanged)".into(),
        EntryChangeKind::Renumbered | EntryChangeKind::Renamed => {
            let how = if e.kind == EntryChangeKind::Renamed {
                "renamed"
            } else {
                "renumbered"
            };
            match &e.words {
                Some(w) => format!("({how}) {}", word_diff(w)),
                None => format!("({how})"),
            }
        }
    };
    format!("- {what} **{}**: {text}\n", escape(&entry_key(e)))
}

fn group(g: &GroupChange) -> String {
    let number = prose::group_number(g);
    let name = prose::group_title(g);
    let mut out = match g.kind {
        EntryChangeKind::Added => format!(
            "- group **{}** (added): {}\n",
            escape(&number),
            whole(SegmentTag::Inserted, name.as_str())
        ),
        EntryChangeKind::Removed => format!(
            "- group **{}** (removed): {}\n",
            escape(&number),
            whole(SegmentTag::Deleted, name.as_str())
        ),
        _ => format!(
            "- group **{}**: {}\n",
            escape(&number),
            g.title
                .as_ref()
                .map(word_diff)
                .unwrap_or_else(|| escape(&name))
        ),
    };
    if let Some(w) = &g.text {
        let _ = writeln!(out, "  - text: {}", word_diff(w));
    }
    for p in &g.parts {
        out.push_str("  ");
        out.push_str(&entry(p, "part"));
    }
    out
}

fn other_parts(b: &mut Budget, diff: &Diff) {
    let mut sections: Vec<(&str, String)> = Vec::new();
    let join = |v: Vec<String>| v.concat();
    sections.push((
        "Goals",
        join(diff.goals.iter().map(|e| entry(e, "goal")).collect()),
    ));
    sections.push(("Groups", join(diff.groups.iter().map(group).collect())));
    sections.push((
        "Themes",
        join(
            diff.themes
                .iter()
                .map(|t| {
                    let name = t
                        .new_title
                        .as_ref()
                        .or(t.old_title.as_ref())
                        .cloned()
                        .unwrap_or_default();
                    let how = prose::theme_renumbering(t)
                        .map(|h| format!(" ({h})"))
                        .unwrap_or_default();
                    let mut s = format!(
                        "- theme **{}**{how}: {}\n",
                        prose::theme_number(t),
                        t.title
                            .as_ref()
                            .map(word_diff)
                            .unwrap_or_else(|| escape(&name))
                    );
                    for e in t.aims.iter() {
                        s.push_str("  ");
                        s.push_str(&entry(e, "aim"));
                    }
                    for e in t.sections.iter() {
                        s.push_str("  ");
                        s.push_str(&entry(e, "section"));
                    }
                    s
                })
                .collect(),
        ),
    ));
    sections.push((
        "Footnotes",
        join(
            diff.footnotes
                .iter()
                .map(|e| entry(e, "footnote"))
                .collect(),
        ),
    ));
    sections.push((
        "Glossary",
        join(diff.glossary.iter().map(|e| entry(e, "term")).collect()),
    ));
    for (title, body) in sections {
        if body.is_empty() {
            continue;
        }
        let text = format!("\n### {title}\n\n{body}");
        if b.is_cut() || !b.try_push(&text) {
            b.leave_out(format!("the differences in {}", title.to_lowercase()));
        }
    }
}

fn status_sentence(s: &StatusChange) -> String {
    prose::status_sentence(s, &|v| format!("**{v}**"))
}

fn stale_words(s: &StaleReference) -> String {
    format!(
        "{} says “{}”, but {}.",
        escape(&prose::stale_place(s)),
        escape(&s.phrase),
        prose::stale_fix(s)
    )
}
