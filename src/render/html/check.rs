//! The HTML `check` report: the versions checked and the counts by severity
//! in the header, then the findings grouped by file with severity badges,
//! where in the file they point, and word differences where two texts were
//! compared.

use super::{document, escape, plural, words};
use crate::check::{Report, Severity, WordDetail};
use std::fmt::Write;

fn word_diff(w: &WordDetail) -> String {
    format!(
        "<p class=\"detail\"><span class=\"detail-label\">{} → {}:</span> <span lang=\"nl\">{}</span></p>",
        escape(&w.old_label),
        escape(&w.new_label),
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
    let files = report.by_file();
    out.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>",
    );
    for (i, (name, list)) in files.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#file-{i}\"><code>{}</code></a> <span class=\"n\">({})</span></li>",
            escape(name),
            plural(list.len(), "finding")
        );
    }
    out.push_str("</ol></nav>\n<main>\n");
    if report.findings.is_empty() {
        out.push_str("<p class=\"summary-line\">No findings.</p>\n");
    }
    for (i, (name, list)) in files.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section id=\"file-{i}\" aria-labelledby=\"file-{i}-title\"><h2 id=\"file-{i}-title\"><code>{}</code></h2>",
            escape(name)
        );
        for sev in Severity::ALL {
            let n = list.iter().filter(|f| f.severity == sev).count();
            if n > 0 {
                let _ = write!(
                    out,
                    "{} ",
                    badge(sev).replace("</span>", &format!(" × {n}</span>"))
                );
            }
        }
        for f in list {
            let _ = write!(
                out,
                "<article class=\"finding sev-{0}\" data-finding=\"{1}\">\n<header class=\"m-head\">{2}<h3><code>{1}</code></h3></header>\n<p>{3}</p>\n<p class=\"evidence\">line {4}{5}{6}</p>\n",
                f.severity.as_str(),
                escape(f.rule),
                badge(f.severity),
                message(&f.message),
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
    document("policydiff check", &out)
}
