//! The HTML `diff` report: the two versions in the header with the change
//! counts and an old-beside-new chart of statuses per theme, then the
//! programme's themes in order with every measure entry — changes as
//! articles marked `data-change`, added / removed / split / merged set apart,
//! unchanged measures collapsed — then stale references and the programme's
//! other parts.

use super::chart::{Series, status_chart};
use super::show::measure_text;
use super::{escape, plural, status_chip, words};
use crate::diff::story::{self, SectionKind, Story};
use crate::diff::{
    ChangeClass, Comparison, Diff, EntryChange, EntryChangeKind, GroupChange, ItemChange,
    ItemChangeKind, MeasureChange, StaleReference, StatusChange, WordDiff,
};
use crate::render::prose::{self, entry_key, numbers, numbers_of};
use crate::snapshot::{Kind, Snapshot};
use crate::snapshot::{MeasureFilter, theme_counts};
use std::fmt::Write;

/// A diff's word differences as HTML.
fn word_diff(w: &WordDiff) -> String {
    words(w)
}

/// The `diff` report as a complete HTML page. `old` and `new` are the
/// snapshots `diff` was computed from; they supply the full text of added,
/// removed and unchanged measures, and the per-theme status counts.
pub fn diff(diff: &Diff, old: &Snapshot, new: &Snapshot) -> String {
    let mut page = String::new();
    page_of(&mut page, &mut |_| {}, diff, old, new);
    page
}

/// [`diff`], written to `w` as it is made: a large report is never held
/// whole.
pub fn write_diff(
    w: &mut dyn std::io::Write,
    diff: &Diff,
    old: &Snapshot,
    new: &Snapshot,
) -> std::io::Result<()> {
    let mut written = Ok(());
    let mut page = String::new();
    page_of(
        &mut page,
        &mut |made| {
            if made.len() >= SPILL {
                if written.is_ok() {
                    written = w.write_all(made.as_bytes());
                }
                made.clear();
            }
        },
        diff,
        old,
        new,
    );
    written?;
    w.write_all(page.as_bytes())
}

/// How much of a page [`write_diff`] gathers before it writes it out.
const SPILL: usize = 1 << 16;

/// The page of [`diff`] into `out`; `spill` is offered what is made so far
/// after each measure, and may write it out and clear it.
fn page_of(
    out: &mut String,
    spill: &mut dyn FnMut(&mut String),
    diff: &Diff,
    old: &Snapshot,
    new: &Snapshot,
) {
    let title = format!("{} → {} · policydiff diff", diff.old.id, diff.new.id);
    super::page_start(out, &title);
    head(out, diff, old, new);
    let sections = theme_sections(diff, old, new);
    toc(out, diff, &sections);
    out.push_str("<main>\n");
    for s in &sections {
        theme_section(out, spill, diff, s, old, new);
    }
    stale_section(out, &diff.stale_references);
    other_parts(out, diff);
    out.push_str("</main>\n");
    super::page_end(out, super::FOOTER);
}

fn version_dd(out: &mut String, v: &crate::diff::VersionRef) {
    let _ = write!(
        out,
        "<dd><span lang=\"nl\">{}</span> · <code>{}</code> · {}{}</dd>",
        escape(&v.title),
        escape(&v.id),
        v.kind.as_str(),
        v.date
            .as_deref()
            .map(|d| format!(" · <time datetime=\"{0}\">{0}</time>", escape(d)))
            .unwrap_or_default()
    );
}

/// The counts of the summary, as (key, label, number): every measure class
/// when programmes are compared, the other parts when they differ.
fn count_list(diff: &Diff) -> Vec<(&'static str, &'static str, usize)> {
    let c = diff.counts();
    let all = [
        ("paired", "paired", c.paired),
        ("unchanged", "unchanged", c.unchanged),
        ("added", "added", c.added),
        ("removed", "removed", c.removed),
        ("split", "split", c.split),
        ("merged", "merged", c.merged),
        ("status", "status changed", c.status),
        ("renumbered", "renumbered", c.renumbered),
        ("moved", "moved", c.moved),
        ("retitled", "retitled", c.retitled),
        ("text", "text changed", c.text),
        ("stale", "stale references", c.stale_references),
        ("goals", "goals differ", c.goals),
        ("groups", "groups differ", c.groups),
        ("themes", "themes differ", c.themes),
        ("footnotes", "footnotes differ", c.footnotes),
        ("glossary", "glossary entries differ", c.glossary),
    ];
    all.into_iter()
        .filter(|(k, _, n)| {
            // The measure classes always (a table reads better complete);
            // the other parts where they differ.
            let measure_row = !matches!(
                *k,
                "stale" | "goals" | "groups" | "themes" | "footnotes" | "glossary"
            );
            (measure_row && diff.comparison == Comparison::Programmes) || *n > 0
        })
        .collect()
}

/// The story in order: each section with links to its measures, the
/// version's own changes, and the renumbering ranges.
fn story_list(out: &mut String, diff: &Diff, story: &Story) {
    if story.version.is_empty() && story.sections.is_empty() && story.renumbered_only == 0 {
        return;
    }
    out.push_str("<ul class=\"story\">");
    for v in &story.version {
        // The title is in the programme's language; dates and notes not.
        let lang = if v.field == "title" {
            " lang=\"nl\""
        } else {
            ""
        };
        let side = |t: &Option<String>, tag: &str| {
            t.as_deref().map_or("(none)".to_string(), |t| {
                format!("<{tag}><span{lang}>{}</span></{tag}>", escape(t))
            })
        };
        let _ = write!(
            out,
            "<li data-version-change=\"{0}\">Version {0}: {1} → {2}</li>",
            v.field,
            side(&v.old, "del"),
            side(&v.new, "ins")
        );
    }
    for section in &story.sections {
        let links: Vec<String> = section
            .entries
            .iter()
            .filter_map(|&i| diff.measures.get(i))
            .map(|m| {
                let id = match (m.new.first(), m.old.first()) {
                    (Some(n), _) => format!("new-{}", n.number),
                    (None, Some(o)) => format!("old-{}", o.number),
                    (None, None) => "entry".to_string(),
                };
                let status = m
                    .status
                    .as_ref()
                    .filter(|_| {
                        matches!(section.kind, SectionKind::Status | SectionKind::Certainty)
                    })
                    .map(|s| {
                        format!(
                            " ({} → {}, {})",
                            escape(&s.old.short()),
                            escape(&s.new.short()),
                            s.direction
                                .filter(|_| s.kind.is_change())
                                .unwrap_or(s.kind.as_str())
                        )
                    })
                    .unwrap_or_default();
                format!("<a href=\"#{id}\">{}</a>{status}", escape(&numbers_of(m)))
            })
            .collect();
        let _ = write!(
            out,
            "<li data-section=\"{}\"><strong>{}</strong>: {}</li>",
            section.kind.as_str(),
            section.kind.heading(),
            links.join(", ")
        );
    }
    if story.renumbered_only > 0 {
        let _ = write!(
            out,
            "<li data-section=\"renumbered-only\"><strong>Only renumbered</strong> ({}): {}</li>",
            story.renumbered_only,
            escape(&story.shift_words())
        );
    }
    out.push_str("</ul>\n");
}

fn head(out: &mut String, diff: &Diff, old: &Snapshot, new: &Snapshot) {
    let story = Story::of(diff, old, new);
    let _ = write!(
        out,
        "<header class=\"report-head\">\n<p class=\"eyebrow\">policydiff · diff · {}</p>\n<h1>{}</h1>\n<dl class=\"meta\"><dt>Old</dt>",
        diff.comparison.as_str(),
        if diff.old.id == diff.new.id {
            format!("Changes to <code>{}</code>", escape(&diff.new.id))
        } else {
            format!(
                "<code>{}</code> → <code>{}</code>",
                escape(&diff.old.id),
                escape(&diff.new.id)
            )
        }
    );
    version_dd(out, &diff.old);
    out.push_str("<dt>New</dt>");
    version_dd(out, &diff.new);
    out.push_str("</dl>\n");
    let _ = write!(
        out,
        "<p class=\"summary-line\" data-substantive=\"{}\" data-renumbered-only=\"{}\" data-stale=\"{}\">{}",
        story.substantive,
        story.renumbered_only,
        story.stale_references,
        escape(&story.lead)
    );
    if diff.comparison != Comparison::Programmes {
        let _ = write!(
            out,
            " Compared at group level ({} and {}){}.",
            diff.old.kind.as_str(),
            diff.new.kind.as_str(),
            crate::render::prose::loose_note(diff.comparison)
        );
    }
    out.push_str("</p>\n");
    story_list(out, diff, &story);
    out.push_str("<div class=\"head-grid\">\n<table class=\"counts\"><caption class=\"eyebrow\">Changes</caption><tbody>");
    for (key, label, n) in count_list(diff) {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{label}</th><td data-count=\"{key}\">{n}</td></tr>"
        );
    }
    out.push_str("</tbody></table>\n");
    if old.kind == Kind::Programme && new.kind == Kind::Programme {
        let all = MeasureFilter::default();
        let (a, b) = (theme_counts(old, &all), theme_counts(new, &all));
        let caption = "Measures per theme by status, old beside new: B bestaand, V versterkt, N nieuw, ? uncertain";
        let _ = writeln!(
            out,
            "<figure class=\"chart\">{}<figcaption>{}</figcaption></figure>",
            status_chart(
                caption,
                &[
                    Series {
                        label: "old",
                        counts: &a
                    },
                    Series {
                        label: "new",
                        counts: &b
                    }
                ]
            ),
            escape(caption)
        );
    }
    out.push_str("</div>\n</header>\n");
}

/// A theme of the report: its number and title (new side first) and the
/// indexes of the diff's measure entries filed under it.
struct ThemeSection<'a> {
    number: u32,
    title: &'a str,
    entries: Vec<usize>,
}

/// Each entry is filed under its new theme, or its old one when it has no new
/// side. Themes come in the new version's order, then themes only the old
/// version has.
fn theme_sections<'a>(diff: &Diff, old: &'a Snapshot, new: &'a Snapshot) -> Vec<ThemeSection<'a>> {
    let mut sections: Vec<ThemeSection<'a>> = Vec::new();
    for t in new.themes.iter().chain(&old.themes) {
        if !sections.iter().any(|s| s.number == t.number) {
            sections.push(ThemeSection {
                number: t.number,
                title: &t.title,
                entries: Vec::new(),
            });
        }
    }
    for (i, m) in diff.measures.iter().enumerate() {
        let Some(theme) = m.new.first().or(m.old.first()).map(|r| r.theme) else {
            continue;
        };
        match sections.iter_mut().find(|s| s.number == theme) {
            Some(s) => s.entries.push(i),
            None => sections.push(ThemeSection {
                number: theme,
                title: "",
                entries: vec![i],
            }),
        }
    }
    sections.retain(|s| !s.entries.is_empty());
    sections
}

fn toc(out: &mut String, diff: &Diff, sections: &[ThemeSection<'_>]) {
    out.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>",
    );
    for s in sections {
        let entries = || s.entries.iter().filter_map(|&i| diff.measures.get(i));
        let changed = entries()
            .filter(|m| m.is_change() && !story::renumbered_only(m))
            .count();
        let renumbered = entries().filter(|m| story::renumbered_only(m)).count();
        let _ = write!(
            out,
            "<li><a href=\"#theme-{0}\">Theme {0}: <span lang=\"nl\">{1}</span></a> <span class=\"n\">({2}{3} of {4})</span></li>",
            s.number,
            escape(s.title),
            plural(changed, "change"),
            if renumbered > 0 {
                format!(", {renumbered} renumbered")
            } else {
                String::new()
            },
            s.entries.len()
        );
    }
    if !diff.stale_references.is_empty() {
        out.push_str("<li><a href=\"#stale\">Stale references</a></li>");
    }
    if has_other_parts(diff) {
        out.push_str("<li><a href=\"#other\">Other parts</a></li>");
    }
    out.push_str("</ol></nav>\n");
}

fn theme_section(
    out: &mut String,
    spill: &mut dyn FnMut(&mut String),
    diff: &Diff,
    s: &ThemeSection<'_>,
    old: &Snapshot,
    new: &Snapshot,
) {
    let _ = writeln!(
        out,
        "<section id=\"theme-{0}\" class=\"theme\" aria-labelledby=\"theme-{0}-title\">\n<h2 id=\"theme-{0}-title\">Theme {0}: <span lang=\"nl\">{1}</span></h2>",
        s.number,
        escape(s.title)
    );
    // What the story tells, and any measure a stale reference stands in
    // (looked up in a set: every entry is asked).
    let stale_in: std::collections::HashSet<u32> =
        diff.stale_references.iter().map(|s| s.measure).collect();
    let told = |m: &MeasureChange| {
        (story::section_of(m).is_some() && !story::renumbered_only(m))
            || (m.is_change() && m.new.iter().any(|r| stale_in.contains(&r.number)))
    };
    let unchanged: Vec<&MeasureChange> = s
        .entries
        .iter()
        .map(|&i| &diff.measures[i])
        .filter(|m| !told(m))
        .collect();
    for &i in &s.entries {
        let m = &diff.measures[i];
        if told(m) {
            change(out, diff, m, old, new);
            spill(out);
        }
    }
    if !unchanged.is_empty() {
        // `9 measures unchanged (3–11); 2 only renumbered (12–13 → 13–14)`.
        let same: Vec<u32> = unchanged
            .iter()
            .filter(|m| !m.is_change())
            .filter_map(|m| m.new.first().map(|r| r.number))
            .collect();
        let moved: Vec<(u32, u32)> = unchanged
            .iter()
            .filter(|m| m.is_change())
            .filter_map(|m| Some((m.old.first()?.number, m.new.first()?.number)))
            .collect();
        let mut what: Vec<String> = Vec::new();
        if !same.is_empty() {
            what.push(format!(
                "{} unchanged ({})",
                plural(same.len(), "measure"),
                crate::render::markdown::ranges(&same)
            ));
        }
        if !moved.is_empty() {
            let runs: Vec<String> = story::shifts(&moved)
                .iter()
                .map(ToString::to_string)
                .collect();
            what.push(format!(
                "{} only renumbered ({})",
                moved.len(),
                runs.join(", ")
            ));
        }
        let _ = writeln!(
            out,
            "<details class=\"unchanged\"><summary>{}</summary>",
            what.join("; ")
        );
        for m in unchanged {
            let Some(r) = m.new.first() else { continue };
            let _ = writeln!(
                out,
                "<article class=\"measure\" id=\"new-{0}\" data-{4}=\"{0}\">\n<header class=\"m-head\"><span class=\"num\">{1}</span>{2}<h3 lang=\"nl\">{3}</h3></header>",
                r.number,
                numbers_of(m),
                status_chip(&r.status),
                escape(&r.title),
                if m.is_change() {
                    "renumbered"
                } else {
                    "unchanged"
                }
            );
            if let Some(full) = new.measure(r.number) {
                measure_text(out, full);
            }
            out.push_str("</article>\n");
            spill(out);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

/// The kind of entry that sets it apart (`added`, `removed`, `split`,
/// `merged`), or `changed`.
fn primary(m: &MeasureChange) -> &'static str {
    for c in [
        ChangeClass::Added,
        ChangeClass::Removed,
        ChangeClass::Split,
        ChangeClass::Merged,
    ] {
        if m.has(c) {
            return c.as_str();
        }
    }
    "changed"
}

fn badges(m: &MeasureChange) -> String {
    let mut out = String::from("<span class=\"badges\">");
    // A status that only became known or uncertain: say that, not "unchanged".
    if let (Some(s), false) = (&m.status, m.is_change()) {
        let _ = write!(
            out,
            "<span class=\"badge other\">status {}</span></span>",
            s.kind.as_str()
        );
        return out;
    }
    for c in &m.classes {
        let kind = match c {
            ChangeClass::Added
            | ChangeClass::Removed
            | ChangeClass::Split
            | ChangeClass::Merged => c.as_str(),
            _ => "other",
        };
        let _ = write!(out, "<span class=\"badge {kind}\">{}</span> ", c.as_str());
    }
    out.push_str("</span>");
    out
}

fn status_change(s: &StatusChange) -> String {
    let words = match (s.kind.is_change(), s.direction) {
        (true, Some(d)) => format!("status changed ({d})"),
        (true, None) => format!("status {}", s.kind.as_str()),
        (false, _) => format!("status {} (not a change)", s.kind.as_str()),
    };
    format!(
        "{} → {} <span class=\"status-words\">{}</span>",
        status_chip(&s.old),
        status_chip(&s.new),
        escape(&words)
    )
}

fn change(out: &mut String, diff: &Diff, m: &MeasureChange, old: &Snapshot, new: &Snapshot) {
    let classes: Vec<&str> = m.classes.iter().map(|c| c.as_str()).collect();
    let id = match (m.new.first(), m.old.first()) {
        (Some(n), _) => format!("new-{}", n.number),
        (None, Some(o)) => format!("old-{}", o.number),
        (None, None) => "entry".to_string(),
    };
    let side = m.new.first().or(m.old.first());
    let chip = match (&m.status, side) {
        (Some(s), _) => format!("{} → {}", status_chip(&s.old), status_chip(&s.new)),
        (None, Some(r)) => status_chip(&r.status),
        (None, None) => String::new(),
    };
    let title = match (&m.title, side) {
        (Some(w), _) => word_diff(w),
        (None, Some(r)) => escape(&r.title),
        (None, None) => String::new(),
    };
    // A renumbering alone says all it has to in its header.
    let compact = m.classes == [ChangeClass::Renumbered] && m.status.is_none();
    let _ = writeln!(
        out,
        "<article class=\"change {}{}\" id=\"{id}\" data-change=\"{}\">\n<header class=\"m-head\"><span class=\"num\">{}</span>{chip}<h3 lang=\"nl\">{title}</h3>{}</header>",
        primary(m),
        if compact { " compact" } else { "" },
        classes.join(" "),
        escape(&numbers_of(m)),
        badges(m)
    );
    let mut facts: Vec<String> = Vec::new();
    if let Some((what, others)) = prose::pieces(m) {
        let list: Vec<String> = others
            .iter()
            .map(|r| {
                format!(
                    "{} (<span lang=\"nl\">{}</span>)",
                    r.number,
                    escape(&r.title)
                )
            })
            .collect();
        facts.push(format!("{what} {}.", list.join("; ")));
        if let Some(c) = m.confidence {
            facts.push(format!("The pieces hold {:.0}% of the content.", c * 100.0));
        }
    }
    if let (Some(a), Some(b)) = (m.old.first(), m.new.first()) {
        if m.has(ChangeClass::Renumbered) && m.old.len() == 1 && m.new.len() == 1 && !compact {
            facts.push(format!("Renumbered from {} to {}.", a.number, b.number));
        }
        if m.has(ChangeClass::Moved) {
            facts.push(prose::moved(a, b, &|s| {
                format!("<span lang=\"nl\">{}</span>", escape(s))
            }));
        }
    }
    if let Some(s) = &m.status {
        facts.push(status_sentence(s));
    }
    if m.has(ChangeClass::Added) {
        facts.push("Added: the old version has no such measure.".to_string());
    }
    if m.has(ChangeClass::Removed) {
        facts.push("Removed: the new version has no such measure.".to_string());
    }
    if let (Some(s), Some(c)) = (m.similarity, m.confidence) {
        if m.classes
            .iter()
            .any(|c| matches!(c, ChangeClass::Text | ChangeClass::Retitled))
            || c < 0.9
        {
            facts.push(format!(
                "Similarity {:.0}%, pairing confidence {:.0}%{}.",
                s * 100.0,
                c * 100.0,
                if m.paired_by == Some(crate::align::PairedBy::Override) {
                    " (paired by hand)"
                } else {
                    ""
                }
            ));
        }
    }
    for s in diff.stale_in(m) {
        facts.push(format!("<span class=\"stale\">⚠ {}</span>", stale_words(s)));
    }
    if !facts.is_empty() {
        out.push_str("<ul class=\"facts\">");
        for f in facts {
            let _ = write!(out, "<li>{f}</li>");
        }
        out.push_str("</ul>\n");
    }
    // The text: word differences of a pair, or the whole measure when added
    // or removed.
    if m.old.is_empty() || m.new.is_empty() {
        if let Some(full) = m.lone_measure(old, new) {
            measure_text(out, full);
        }
    } else if m.old.len() > 1 || m.new.len() > 1 {
        // A split or merge: the new measure(s) in full, where the content
        // went.
        let _ = write!(
            out,
            "<details><summary>The text of new {}</summary>",
            escape(&numbers(&m.new))
        );
        for r in &m.new {
            if let Some(full) = new.measure(r.number) {
                let _ = write!(
                    out,
                    "<p class=\"piece\"><strong>{}</strong> <span lang=\"nl\">{}</span></p>",
                    r.number,
                    escape(&full.title)
                );
                measure_text(out, full);
            }
        }
        out.push_str("</details>\n");
    } else if m.old.len() == 1 && m.new.len() == 1 {
        let has_text = m.lead_in.is_some() || m.body.is_some() || !m.items.is_empty();
        if has_text {
            out.push_str("<div class=\"text\" lang=\"nl\">");
            for w in [&m.lead_in, &m.body].into_iter().flatten() {
                let _ = write!(out, "<p>{}</p>", word_diff(w));
            }
            if !m.items.is_empty() {
                out.push_str("<ol class=\"items\">");
                for i in &m.items {
                    item(out, i);
                }
                out.push_str("</ol>");
            }
            out.push_str("</div>\n");
        }
    }
    out.push_str("</article>\n");
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
            "<span class=\"item-kind\" lang=\"en\">added:</span> <ins>{}</ins>",
            escape(i.new_text.as_deref().unwrap_or(""))
        ),
        ItemChangeKind::Removed => format!(
            "<span class=\"item-kind\" lang=\"en\">removed:</span> <del>{}</del>",
            escape(i.old_text.as_deref().unwrap_or(""))
        ),
        ItemChangeKind::Changed => i.words.as_ref().map(word_diff).unwrap_or_default(),
        ItemChangeKind::Relabelled => {
            "<span class=\"item-kind\" lang=\"en\">relabelled, text unchanged</span>".to_string()
        }
        ItemChangeKind::Unchanged => escape(i.new_text.as_deref().unwrap_or("")),
    };
    let status = i
        .status
        .as_ref()
        .map(|s| format!(" <span lang=\"en\">{}</span>", status_change(s)))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<li data-item=\"{}\"><span class=\"label\">{}</span><div>{text}{status}</div></li>",
        item_kind(i.kind),
        escape(&label)
    );
}

fn stale_section(out: &mut String, stale: &[StaleReference]) {
    if stale.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"stale\" aria-labelledby=\"stale-title\"><h2 id=\"stale-title\">Stale references</h2><p>{} whose text still names the old number of a measure that was renumbered, merged, split or removed.</p><ul>",
        plural(stale.len(), "cross-reference")
    );
    for s in stale {
        let _ = write!(
            out,
            "<li class=\"stale\" data-stale=\"{}\"><a href=\"#new-{}\">{}</a></li>",
            s.measure,
            s.measure,
            stale_words(s)
        );
    }
    out.push_str("</ul></section>\n");
}

fn has_other_parts(diff: &Diff) -> bool {
    !(diff.goals.is_empty()
        && diff.groups.is_empty()
        && diff.themes.is_empty()
        && diff.footnotes.is_empty()
        && diff.glossary.is_empty())
}

fn entry(e: &EntryChange, what: &str) -> String {
    let text = match e.kind {
        EntryChangeKind::Added => {
            format!("<ins>{}</ins>", escape(e.new_text.as_deref().unwrap_or("")))
        }
        EntryChangeKind::Removed => {
            format!("<del>{}</del>", escape(e.old_text.as_deref().unwrap_or("")))
        }
        EntryChangeKind::Changed => e.words.as_ref().map(word_diff).unwrap_or_default(),
        EntryChangeKind::Rekeyed => {
            "<span lang=\"en\">(renumbered, text unchanged)</span>".to_string()
        }
        EntryChangeKind::Renumbered | EntryChangeKind::Renamed => {
            let how = entry_kind(e.kind);
            match &e.words {
                Some(w) => format!("<span lang=\"en\">({how})</span> {}", word_diff(w)),
                None => format!("<span lang=\"en\">({how})</span>"),
            }
        }
    };
    format!(
        "<li data-entry=\"{}\"><span class=\"badge other\">{}</span> {} {}: <span lang=\"nl\">{text}</span></li>",
        entry_kind(e.kind),
        entry_kind(e.kind),
        escape(what),
        escape(&entry_key(e))
    )
}

fn group(g: &GroupChange) -> String {
    let number = prose::group_number(g);
    let title = prose::group_title(g);
    let mut out = format!(
        "<li data-entry=\"{}\"><span class=\"badge other\">{}</span> group {}: <span lang=\"nl\">{}</span>",
        entry_kind(g.kind),
        entry_kind(g.kind),
        escape(&number),
        match &g.title {
            Some(w) => word_diff(w),
            None => escape(&title),
        }
    );
    if let Some(w) = &g.text {
        let _ = write!(out, "<p lang=\"nl\">{}</p>", word_diff(w));
    }
    if !g.parts.is_empty() {
        out.push_str("<ul>");
        for p in &g.parts {
            out.push_str(&entry(p, "part"));
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
    out
}

fn other_parts(out: &mut String, diff: &Diff) {
    if !has_other_parts(diff) {
        return;
    }
    out.push_str("<section id=\"other\" aria-labelledby=\"other-title\"><h2 id=\"other-title\">Other parts</h2>\n");
    let mut list = |title: &str, id: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(
            out,
            "<h3 id=\"other-{id}\">{title}</h3><ul class=\"entries\">{}</ul>",
            items.concat()
        );
    };
    list(
        "Goals",
        "goals",
        diff.goals.iter().map(|e| entry(e, "goal")).collect(),
    );
    list("Groups", "groups", diff.groups.iter().map(group).collect());
    list(
        "Themes",
        "themes",
        diff.themes
            .iter()
            .map(|t| {
                let how = prose::theme_renumbering(t)
                    .map(|h| format!(" ({})", escape(&h)))
                    .unwrap_or_default();
                let mut s = format!(
                    "<li data-entry=\"{}\"><span class=\"badge other\">{}</span> theme {}{how}: <span lang=\"nl\">{}</span>",
                    entry_kind(t.kind),
                    entry_kind(t.kind),
                    escape(&prose::theme_number(t)),
                    match &t.title {
                        Some(w) => word_diff(w),
                        None => escape(t.new_title.as_ref().or(t.old_title.as_ref()).map_or("", |s| s)),
                    }
                );
                let parts: Vec<String> = t
                    .aims
                    .iter()
                    .map(|e| entry(e, "aim"))
                    .chain(t.sections.iter().map(|e| entry(e, "section")))
                    .collect();
                if !parts.is_empty() {
                    let _ = write!(s, "<ul>{}</ul>", parts.concat());
                }
                s.push_str("</li>");
                s
            })
            .collect(),
    );
    list(
        "Footnotes",
        "footnotes",
        diff.footnotes
            .iter()
            .map(|e| entry(e, "footnote"))
            .collect(),
    );
    list(
        "Glossary",
        "glossary",
        diff.glossary.iter().map(|e| entry(e, "term")).collect(),
    );
    out.push_str("</section>\n");
}

pub(crate) fn entry_kind(k: EntryChangeKind) -> &'static str {
    match k {
        EntryChangeKind::Added => "added",
        EntryChangeKind::Removed => "removed",
        EntryChangeKind::Changed => "changed",
        EntryChangeKind::Rekeyed | EntryChangeKind::Renumbered => "renumbered",
        EntryChangeKind::Renamed => "renamed",
    }
}

pub(crate) fn item_kind(k: ItemChangeKind) -> &'static str {
    match k {
        ItemChangeKind::Added => "added",
        ItemChangeKind::Removed => "removed",
        ItemChangeKind::Changed => "changed",
        ItemChangeKind::Relabelled => "relabelled",
        ItemChangeKind::Unchanged => "unchanged",
    }
}

/// A status comparison in words: `Status changed from B (bestaand) to V
/// (versterkt): strengthened.` (Only the tool's own words: nothing to
/// escape but kept escaped all the same.)
fn status_sentence(s: &StatusChange) -> String {
    escape(&prose::status_sentence(s, &|v| v.to_string()))
}

fn stale_words(s: &StaleReference) -> String {
    format!(
        "Stale reference: {} says “<span lang=\"nl\">{}</span>”, but {}.",
        escape(&prose::stale_place(s)),
        escape(&s.phrase),
        escape(&prose::stale_fix(s))
    )
}
