//! The HTML `check` report: the versions checked and the counts by severity
//! in the header, then the findings most severe first, one section a rule
//! ("9 abbreviations not in the glossary"), each said by its place with the
//! file, line and JSON path below and word differences where two texts were
//! compared; a footer that explains only the severities shown.

use super::{document_with, escape, plural, words};
use crate::check::{Report, Severity, WordDetail};
use crate::render::findings::{self, place};
use std::fmt::Write;

fn word_diff(w: &WordDetail) -> String {
    format!(
        "<p class=\"detail\"><span class=\"detail-label\">{} → {}:</span> <span lang=\"nl\">{}</span></p>",
        message(&w.old_label),
        message(&w.new_label),
        words(&w.words)
    )
}

/// A message with its `backticked` identifiers set as code, all escaped.
pub(crate) fn message(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

fn badge(s: Severity) -> String {
    let sign = match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    };
    format!(
        "<span class=\"badge sev-{0}\" data-severity=\"{0}\">{sign} {0}</span>",
        s.as_str()
    )
}

/// The `check` report as a complete HTML page.
pub fn check(report: &Report) -> String {
    let mut out = String::new();
    let c = report.counts;
    out.push_str("<header class=\"report-head\">\n<p class=\"eyebrow\">policydiff · check</p>\n<h1>Consistency check</h1>\n<dl class=\"meta\">");
    for v in &report.versions {
        let _ = write!(
            out,
            "<dt><code>{}</code></dt><dd>{} · <code>{}</code>{}</dd>",
            escape(&v.id),
            v.kind.as_str(),
            escape(&v.file.display().to_string()),
            v.source_file
                .as_ref()
                .map(|s| format!(
                    " · source <code>{}</code>",
                    escape(&s.display().to_string())
                ))
                .unwrap_or_default()
        );
    }
    let counts: Vec<String> = c
        .worded()
        .iter()
        .zip(["errors", "warnings", "infos"])
        .map(|((n, word), key)| format!("<strong data-count=\"{key}\">{n}</strong> {word}"))
        .collect();
    let _ = write!(
        out,
        "</dl>\n<p class=\"summary-line\">{} checked: {}.</p>\n</header>\n",
        plural(report.versions.len(), "version"),
        counts.join(", ")
    );
    let groups = findings::groups(report);
    out.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>",
    );
    for (i, g) in groups.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#rule-{i}\">{}</a> {}</li>",
            escape(&g.heading()),
            badge(g.severity)
        );
    }
    out.push_str("</ol></nav>\n<main>\n");
    if report.findings.is_empty() {
        out.push_str("<p class=\"summary-line\">No findings.</p>\n");
    }
    let mut shown: Vec<Severity> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        if !shown.contains(&g.severity) {
            shown.push(g.severity);
        }
        let _ = writeln!(
            out,
            "<section id=\"rule-{i}\" class=\"rule\" data-rule=\"{1}\" data-findings=\"{2}\" aria-labelledby=\"rule-{i}-title\"><h2 id=\"rule-{i}-title\">{3} {0}</h2><p class=\"evidence\">rule <code>{1}</code></p>",
            escape(&g.heading()),
            escape(g.rule),
            g.findings.len(),
            badge(g.severity)
        );
        for f in &g.findings {
            let _ = write!(
                out,
                "<article class=\"finding sev-{0}\" data-finding=\"{1}\">\n<h3>{2} <small>({3})</small></h3>\n<p>{4}</p>\n<p class=\"evidence\"><code>{5}:{6}</code>{7}{8}</p>\n",
                f.severity.as_str(),
                escape(f.rule),
                escape(&place(&f.json_path)),
                escape(&f.version),
                message(&f.message),
                escape(&f.file.display().to_string()),
                f.line,
                if f.json_path.is_empty() {
                    String::new()
                } else {
                    format!(" · <code>{}</code>", escape(&f.json_path))
                },
                match (&f.source_file, f.source_line) {
                    (Some(s), Some(l)) => format!(
                        " · source <code>{}:{l}</code>",
                        escape(&s.display().to_string())
                    ),
                    (Some(s), None) => format!(
                        " · source <code>{}</code>",
                        escape(&s.display().to_string())
                    ),
                    _ => String::new(),
                }
            );
            if let Some(w) = &f.detail {
                out.push_str(&word_diff(w));
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n");
    let mut footer = String::from("Made by policydiff.");
    for s in shown {
        let _ = write!(footer, " {}", escape(&capital(findings::meaning(s))));
        footer.push('.');
    }
    document_with("policydiff check", &out, &footer)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
