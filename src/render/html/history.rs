//! The HTML `history` page: the programme over time. A chart of B/V/N counts
//! per version, each step's headline and events, and the lineages as a
//! timeline (one row per measure, one column per version, a line through the
//! versions it exists in, changed versions highlighted with what happened).

use super::chart::versions_chart;
use super::{document_with, escape, status_chip};
use crate::history::{EventKind, History};
use crate::snapshot::ThemeCount;
use std::fmt::Write;

/// The page; `only_changed` leaves out lineages nothing happened to.
pub fn history(history: &History, only_changed: bool) -> String {
    let first = history.versions.first().map_or("", |v| v.label.as_str());
    let last = history.versions.last().map_or("", |v| v.label.as_str());
    let title = format!("{first} → {last} · policydiff history");
    let substantive = history.lineages.iter().filter(|l| l.substantive()).count();
    let mut out = String::new();
    let _ = write!(
        out,
        "<header class=\"report-head\">\n<p class=\"eyebrow\">policydiff · history</p>\n<h1>History of {} versions</h1>\n<p class=\"summary-line\" data-versions=\"{}\" data-lineages=\"{}\" data-substantive=\"{substantive}\">{}</p>\n<dl class=\"meta\">",
        history.versions.len(),
        history.versions.len(),
        history.lineages.len(),
        escape(&history.lead())
    );
    for v in &history.versions {
        let _ = write!(
            out,
            "<dt><code>{}</code></dt><dd><span lang=\"nl\">{}</span>{}</dd>",
            escape(&v.label),
            escape(&v.info.title),
            v.info
                .date
                .as_deref()
                .map(|d| format!(" · <time datetime=\"{0}\">{0}</time>", escape(d)))
                .unwrap_or_default()
        );
    }
    out.push_str("</dl>\n");
    let bars: Vec<(&str, ThemeCount)> = history
        .versions
        .iter()
        .map(|v| {
            (
                v.label.as_str(),
                ThemeCount {
                    theme: 0,
                    title: String::new(),
                    measures: v.counts.measures,
                    existing: v.counts.existing,
                    strengthened: v.counts.strengthened,
                    new: v.counts.new,
                    uncertain: v.counts.uncertain,
                    deduced: 0,
                },
            )
        })
        .collect();
    let caption = "Measures per version by status: B bestaand, V versterkt, N nieuw, ? uncertain";
    let _ = writeln!(
        out,
        "<figure class=\"chart-figure\">{}<figcaption class=\"eyebrow\">{}</figcaption></figure>",
        versions_chart(caption, &bars),
        escape(caption)
    );
    out.push_str("</header>\n<main>\n<section id=\"changes\"><h2>Changes</h2>\n");
    for (k, step) in history.steps.iter().enumerate() {
        let v = k + 1;
        let _ = write!(
            out,
            "<section class=\"step\" data-step=\"{v}\"><h3><code>{}</code> → <code>{}</code></h3><p class=\"summary-line\">{}</p><ul>",
            escape(&history.versions[k].label),
            escape(&history.versions[v].label),
            escape(&step.story.lead)
        );
        for l in history.marked_at(v) {
            let title = l.at_step(v).map(|m| escape(&m.title)).unwrap_or_default();
            let _ = write!(
                out,
                "<li><span class=\"num\">{}</span> {} — <span lang=\"nl\">{title}</span></li>",
                escape(&l.numbers_at(v)),
                escape(&l.words_at(v))
            );
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str("</section>\n<section id=\"timeline\"><h2>Measures over time</h2>\n<table class=\"timeline\"><thead><tr>");
    for v in &history.versions {
        let _ = write!(
            out,
            "<th scope=\"col\"><code>{}</code></th>",
            escape(&v.label)
        );
    }
    out.push_str("<th scope=\"col\">Title (latest)</th></tr></thead><tbody>\n");
    for (i, l) in history.shown(only_changed) {
        let _ = write!(
            out,
            "<tr data-lineage=\"{}\" data-substantive=\"{}\">",
            i + 1,
            l.substantive()
        );
        for (v, m) in l.measures.iter().enumerate() {
            let events: Vec<&str> = l
                .events
                .iter()
                .filter(|e| e.version == v && e.kind != EventKind::Renumbered)
                .map(|e| e.words.as_str())
                .collect();
            let Some(m) = m else {
                let _ = write!(
                    out,
                    "<td class=\"absent{}\" aria-label=\"not in this version\">–{}</td>",
                    if events.is_empty() { "" } else { " changed" },
                    if events.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "<small class=\"what\">{}</small>",
                            escape(&events.join("; "))
                        )
                    }
                );
                continue;
            };
            let (class, note) = if events.is_empty() {
                ("present", String::new())
            } else {
                (
                    "present changed",
                    format!(
                        "<small class=\"what\">{}</small>",
                        escape(&events.join("; "))
                    ),
                )
            };
            let _ = write!(
                out,
                "<td class=\"{class}\" data-number=\"{}\"><span class=\"num\">{}</span> {}{note}</td>",
                m.number,
                m.number,
                status_chip(&m.status)
            );
        }
        let _ = writeln!(
            out,
            "<td lang=\"nl\">{}</td></tr>",
            l.latest().map(|m| escape(&m.title)).unwrap_or_default()
        );
    }
    out.push_str("</tbody></table>\n</section>\n</main>\n");
    document_with(
        &title,
        &out,
        "Made by policydiff. Statuses: B bestaand (existing), V versterkt (strengthened), N nieuw (new); a dashed chip is deduced or uncertain. A highlighted cell changed in that version; – means the measure is not in that version.",
    )
}
