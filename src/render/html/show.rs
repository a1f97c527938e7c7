//! The HTML `show` report: one version as a page — a programme's measures by
//! theme with status chips, items, footnotes and references, or a summary
//! page's groups.

use super::chart::{Series, status_chart};
use super::escape::slug;
use super::{counts_table, document, escape, keeps_all, plural, shown_footnotes, status_chip};
use crate::snapshot::{Item, Kind, Measure, Snapshot, Target};
use crate::snapshot::{MeasureFilter, ThemeCount, theme_counts};
use std::fmt::Write;

/// The `show` report of `snapshot` as a complete HTML page; only the measures
/// `filter` keeps are listed.
pub fn show(snapshot: &Snapshot, filter: &MeasureFilter) -> String {
    let title = format!("{} ({}) · policydiff", snapshot.title, snapshot.id);
    let body = match snapshot.kind {
        Kind::Programme => programme(snapshot, filter),
        Kind::Summary => summary(snapshot),
    };
    document(&title, &body)
}

fn head(snapshot: &Snapshot, out: &mut String) {
    let _ = write!(
        out,
        "<header class=\"report-head\">\n<p class=\"eyebrow\">policydiff · show · {}</p>\n<h1 lang=\"nl\">{}</h1>\n<dl class=\"meta\"><dt>Version</dt><dd><code>{}</code></dd>",
        snapshot.kind.as_str(),
        escape(&snapshot.title),
        escape(&snapshot.id)
    );
    if let Some(d) = &snapshot.date {
        let _ = write!(
            out,
            "<dt>Date</dt><dd><time datetime=\"{0}\">{0}</time></dd>",
            escape(d)
        );
    }
    if !snapshot.publishers.is_empty() {
        let _ = write!(
            out,
            "<dt>Published by</dt><dd lang=\"nl\">{}</dd>",
            escape(&snapshot.publishers.join("; "))
        );
    }
    if let Some(p) = &snapshot.describes {
        let _ = write!(out, "<dt>Describes</dt><dd><code>{}</code></dd>", escape(p));
    }
    if let Some(d) = &snapshot.description {
        let _ = write!(
            out,
            "<dt>Description</dt><dd lang=\"nl\">{}</dd>",
            escape(d)
        );
    }
    out.push_str("</dl>\n");
}

fn programme(snapshot: &Snapshot, filter: &MeasureFilter) -> String {
    let mut out = String::new();
    head(snapshot, &mut out);
    let counts = shown_counts(snapshot, filter);
    let kept: Vec<&Measure> = snapshot
        .measures
        .iter()
        .filter(|m| filter.keeps(m))
        .collect();
    let shown: Vec<u32> = kept.iter().map(|m| m.number).collect();
    let sum = |f: fn(&crate::snapshot::ThemeCount) -> usize| counts.iter().map(f).sum::<usize>();
    let _ = writeln!(
        out,
        "<p class=\"summary-line\"><strong data-count=\"shown\">{}</strong> of {} measures shown: {} B, {} V, {} N, and {} uncertain (counted under no letter); {} of the lettered statuses are deduced rather than confirmed.</p>",
        kept.len(),
        snapshot.measures.len(),
        sum(|c| c.existing),
        sum(|c| c.strengthened),
        sum(|c| c.new),
        sum(|c| c.uncertain),
        sum(|c| c.deduced),
    );
    out.push_str("<div class=\"head-grid\">\n");
    out.push_str(&counts_table("Statuses per theme", &counts));
    let caption = "Measures per theme by status: B bestaand, V versterkt, N nieuw, ? uncertain";
    let _ = write!(
        out,
        "\n<figure class=\"chart\">{}<figcaption>{}</figcaption></figure>\n",
        status_chart(
            caption,
            &[Series {
                label: "",
                counts: &counts
            }]
        ),
        escape(caption)
    );
    out.push_str("</div>\n</header>\n");

    // Table of contents by theme.
    out.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>",
    );
    if !snapshot.goals.is_empty() {
        out.push_str("<li><a href=\"#goals\">Goals</a></li>");
    }
    for c in counts.iter().filter(|c| c.measures > 0) {
        let _ = write!(
            out,
            "<li><a href=\"#theme-{0}\">Theme {0}: <span lang=\"nl\">{1}</span></a> <span class=\"n\">({2})</span></li>",
            c.theme,
            escape(&c.title),
            plural(c.measures, "measure")
        );
    }
    let footnotes = shown_footnotes(snapshot, filter);
    let glossary = snapshot.glossary.as_ref().filter(|_| keeps_all(filter));
    if !footnotes.is_empty() {
        out.push_str("<li><a href=\"#footnotes\">Footnotes</a></li>");
    }
    if glossary.is_some() {
        out.push_str("<li><a href=\"#glossary\">Glossary</a></li>");
    }
    out.push_str("</ol></nav>\n<main>\n");

    if !snapshot.goals.is_empty() {
        out.push_str("<section id=\"goals\" aria-labelledby=\"goals-title\"><h2 id=\"goals-title\">Goals</h2><ol lang=\"nl\">");
        for g in &snapshot.goals {
            let _ = write!(out, "<li>{}</li>", escape(g));
        }
        out.push_str("</ol></section>\n");
    }

    for theme in &snapshot.themes {
        let ms: Vec<&&Measure> = kept.iter().filter(|m| m.theme == theme.number).collect();
        if ms.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<section id=\"theme-{0}\" class=\"theme\" aria-labelledby=\"theme-{0}-title\">\n<h2 id=\"theme-{0}-title\">Theme {0}: <span lang=\"nl\">{1}</span></h2>\n",
            theme.number,
            escape(&theme.title)
        );
        aims(&mut out, &theme.aims);
        let mut section: Option<&str> = None;
        for m in ms {
            if m.section.as_deref() != section {
                section = m.section.as_deref();
                if let Some(title) = section {
                    let _ = writeln!(
                        out,
                        "<h3 id=\"{}\" lang=\"nl\">{}</h3>",
                        slug(&["theme", &theme.number.to_string(), title]),
                        escape(title)
                    );
                    if let Some(s) = theme.sections.iter().find(|s| s.title == title) {
                        aims(&mut out, &s.aims);
                    }
                }
            }
            for p in theme.paragraphs.iter().filter(|p| p.before == m.number) {
                let _ = writeln!(
                    out,
                    "<p class=\"interlude\" lang=\"nl\">{}</p>",
                    escape(&p.text)
                );
            }
            let level = if section.is_some() { 4 } else { 3 };
            measure(&mut out, snapshot, m, level, &shown);
        }
        out.push_str("</section>\n");
    }

    if !footnotes.is_empty() {
        out.push_str("<section id=\"footnotes\" class=\"footnotes\" aria-labelledby=\"footnotes-title\"><h2 id=\"footnotes-title\">Footnotes</h2><ol lang=\"nl\">");
        for f in footnotes {
            let _ = write!(
                out,
                "<li id=\"fn-{0}\" value=\"{0}\">{1}</li>",
                f.number,
                escape(&f.text)
            );
        }
        out.push_str("</ol></section>\n");
    }
    if let Some(g) = glossary {
        out.push_str("<section id=\"glossary\" class=\"glossary\" aria-labelledby=\"glossary-title\"><h2 id=\"glossary-title\">Glossary</h2>");
        if let Some(intro) = &g.intro {
            let _ = write!(out, "<p lang=\"nl\">{}</p>", escape(intro));
        }
        let _ = write!(
            out,
            "<details><summary>{}</summary><dl lang=\"nl\">",
            plural(g.entries.len(), "term")
        );
        for e in &g.entries {
            let _ = write!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&e.term),
                escape(&e.definition)
            );
        }
        out.push_str("</dl></details></section>\n");
    }
    unplaced(&mut out, snapshot);
    out.push_str("</main>\n");
    out
}

fn aims(out: &mut String, aims: &[String]) {
    if aims.is_empty() {
        return;
    }
    out.push_str("<ul class=\"aims\" lang=\"nl\">");
    for a in aims {
        let _ = write!(out, "<li>{}</li>", escape(a));
    }
    out.push_str("</ul>\n");
}

fn footnote_marks(out: &mut String, numbers: &[u32]) {
    for n in numbers {
        let _ = write!(
            out,
            "<sup class=\"fn\"><a href=\"#fn-{n}\" aria-label=\"footnote {n}\">{n}</a></sup>"
        );
    }
}

/// The per-theme counts a report shows: every theme for the whole version,
/// else the themes with a measure shown.
pub(crate) fn shown_counts(snapshot: &Snapshot, filter: &MeasureFilter) -> Vec<ThemeCount> {
    let mut counts = theme_counts(snapshot, filter);
    if !keeps_all(filter) {
        counts.retain(|c| c.measures > 0);
    }
    counts
}

fn measure(out: &mut String, snapshot: &Snapshot, m: &Measure, level: u8, shown: &[u32]) {
    let status = m
        .status
        .settled()
        .map(|s| s.to_string())
        .unwrap_or_else(|| "?".to_string());
    let _ = write!(
        out,
        "<article class=\"measure\" id=\"measure-{0}\" data-measure=\"{0}\" data-status=\"{1}\" data-certainty=\"{2}\">\n<header class=\"m-head\"><span class=\"num\" aria-label=\"measure {0}\">{0}</span>{3}<h{4} lang=\"nl\">{5}",
        m.number,
        status,
        m.status.certainty.as_str(),
        status_chip(&m.status),
        level,
        escape(&m.title)
    );
    footnote_marks(out, &m.footnotes);
    let _ = writeln!(out, "</h{level}></header>");
    if let Some(note) = &m.status.note {
        let _ = writeln!(
            out,
            "<p class=\"evidence\">Status evidence: <span lang=\"nl\">{}</span></p>",
            escape(note)
        );
    }
    measure_text(out, m);
    let refs = m.all_references();
    if !refs.is_empty() {
        out.push_str("<p class=\"refs\">References: ");
        let list: Vec<String> = refs
            .iter()
            .flat_map(|(path, r)| r.targets.iter().map(move |t| (path, t)))
            .map(|(path, t)| reference(snapshot, m, path, t, shown))
            .collect();
        out.push_str(&list.join("; "));
        out.push_str("</p>\n");
    }
    out.push_str("</article>\n");
}

fn reference(snapshot: &Snapshot, m: &Measure, path: &[&str], t: &Target, shown: &[u32]) -> String {
    let from = format!("{}{}", m.number, path.concat());
    match snapshot.measure(t.measure) {
        // A link only where the target is on the page.
        Some(target) if !shown.contains(&t.measure) => format!(
            "{} → measure {} (<span lang=\"nl\">{}</span>)",
            escape(&from),
            escape(&t.to_string()),
            escape(&target.title)
        ),
        Some(target) => format!(
            "{} → <a href=\"#measure-{}\">measure {}</a> (<span lang=\"nl\">{}</span>)",
            escape(&from),
            t.measure,
            escape(&t.to_string()),
            escape(&target.title)
        ),
        None => format!(
            "{} → <span class=\"stale\">measure {} (no such measure in this version)</span>",
            escape(&from),
            escape(&t.to_string())
        ),
    }
}

/// A measure's lead-in, body and items (not its title), as the `show` report
/// prints them; nothing when it has none.
pub(crate) fn measure_text(out: &mut String, m: &Measure) {
    let has_text = m.lead_in.is_some() || m.body.is_some() || !m.items.is_empty();
    if has_text {
        out.push_str("<div class=\"text\" lang=\"nl\">");
        if let Some(l) = &m.lead_in {
            let _ = write!(out, "<p>{}</p>", escape(l));
        }
        if let Some(b) = &m.body {
            let _ = write!(out, "<p>{}</p>", escape(b));
        }
        items(out, &m.items);
        out.push_str("</div>\n");
    }
}

fn items(out: &mut String, items: &[Item]) {
    if items.is_empty() {
        return;
    }
    out.push_str("<ol class=\"items\">");
    for item in items {
        let _ = write!(
            out,
            "<li><span class=\"label\">{}.</span><div>{}",
            escape(&item.label),
            escape(&item.text)
        );
        footnote_marks(out, &item.footnotes);
        if let Some(s) = &item.status {
            let _ = write!(out, " {}", status_chip(s));
        }
        out.push_str("</div>");
        self::items(out, &item.items);
        out.push_str("</li>");
    }
    out.push_str("</ol>");
}

fn unplaced(out: &mut String, snapshot: &Snapshot) {
    if snapshot.unplaced.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"unplaced\" class=\"warning-box\" aria-labelledby=\"unplaced-title\"><h2 id=\"unplaced-title\">Not placed by the importer</h2><p>{} of the source that no part of the snapshot holds:</p><ul>",
        plural(snapshot.unplaced.len(), "piece")
    );
    for u in &snapshot.unplaced {
        let _ = write!(
            out,
            "<li><span lang=\"nl\">{}</span> <small>({})</small></li>",
            escape(&u.text),
            escape(&u.reason)
        );
    }
    out.push_str("</ul></section>\n");
}

fn summary(snapshot: &Snapshot) -> String {
    let mut out = String::new();
    head(snapshot, &mut out);
    let _ = write!(
        out,
        "<p class=\"summary-line\">A summary page with <strong data-count=\"groups\">{}</strong>.</p>\n</header>\n",
        plural(snapshot.groups.len(), "group")
    );
    out.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>",
    );
    for g in &snapshot.groups {
        let _ = write!(
            out,
            "<li><a href=\"#group-{0}\">Group {0}: <span lang=\"nl\">{1}</span></a></li>",
            g.number,
            escape(&g.title)
        );
    }
    out.push_str("</ol></nav>\n<main>\n<section id=\"groups\" aria-labelledby=\"groups-title\"><h2 id=\"groups-title\">Groups</h2>\n");
    if let Some(intro) = &snapshot.groups_intro {
        let _ = writeln!(out, "<p lang=\"nl\">{}</p>", escape(intro));
    }
    for g in &snapshot.groups {
        let _ = write!(
            out,
            "<article class=\"group\" id=\"group-{0}\" data-group=\"{0}\"><header class=\"m-head\"><span class=\"num\">{0}</span><h3 lang=\"nl\">{1}</h3></header><div class=\"text\" lang=\"nl\">",
            g.number,
            escape(&g.title)
        );
        if !g.text.is_empty() {
            let _ = write!(out, "<p>{}</p>", escape(&g.text));
        }
        if !g.parts.is_empty() {
            out.push_str("<ol class=\"items\">");
            for (i, p) in g.parts.iter().enumerate() {
                let label = p.label.clone().unwrap_or_else(|| format!("{}", i + 1));
                let _ = write!(
                    out,
                    "<li><span class=\"label\">{}.</span><div>{}</div></li>",
                    escape(&label),
                    escape(&p.text)
                );
            }
            out.push_str("</ol>");
        }
        out.push_str("</div></article>\n");
    }
    out.push_str("</section>\n");
    if !snapshot.goals.is_empty() {
        out.push_str("<section id=\"goals\" aria-labelledby=\"goals-title\"><h2 id=\"goals-title\">Goals</h2><ol lang=\"nl\">");
        for g in &snapshot.goals {
            let _ = write!(out, "<li>{}</li>", escape(g));
        }
        out.push_str("</ol></section>\n");
    }
    if let Some(o) = &snapshot.organisations {
        let _ = writeln!(
            out,
            "<section id=\"organisations\" aria-labelledby=\"organisations-title\"><h2 id=\"organisations-title\">Organisations</h2><p lang=\"nl\">{}</p></section>",
            escape(o)
        );
    }
    unplaced(&mut out, snapshot);
    out.push_str("</main>\n");
    out
}
