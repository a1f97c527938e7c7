//! The Markdown `check` report: the counts first, then the findings most
//! severe first, one collapsible list a rule ("9 abbreviations not in the
//! glossary"), each said by its place with the file and line below; a
//! footer that explains the severities shown. Cut to [`LIMIT`] with a note
//! of what was left out.

use super::{Budget, LIMIT, code, escape, words};
use crate::check::{Finding, Report, Severity};
use crate::render::findings::{self, place};
use std::fmt::Write;

/// The `check` report as GitHub-flavoured Markdown, at most [`LIMIT`]
/// characters.
pub fn check(report: &Report) -> String {
    check_within(report, LIMIT)
}

fn badge(s: Severity) -> &'static str {
    match s {
        Severity::Error => "❌ Errors",
        Severity::Warning => "⚠️ Warnings",
        Severity::Info => "ℹ️ Infos",
    }
}

/// A message with its `backticked` identifiers as `<code>`, all escaped (a
/// code span could not be escaped inside).
pub(crate) fn message(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else if !part.is_empty() {
            // Keep the spaces around identifiers that escape() would trim.
            if part.starts_with(char::is_whitespace) {
                out.push(' ');
            }
            out.push_str(&escape(part));
            if part.ends_with(char::is_whitespace) && !part.trim().is_empty() {
                out.push(' ');
            }
        }
    }
    out
}

fn entry(f: &Finding) -> String {
    let mut line = format!(
        "- **{}** ({}): {}",
        escape(&place(&f.json_path)),
        escape(&f.version),
        message(&f.message)
    );
    if let Some(w) = &f.detail {
        let _ = write!(
            line,
            "<br>{} → {}: {}",
            message(&w.old_label),
            message(&w.new_label),
            words(&w.words)
        );
    }
    let mut at = format!("{}:{}", f.file.display(), f.line);
    if !f.json_path.is_empty() {
        at.push_str(&format!(" · {}", f.json_path));
    }
    if let (Some(s), Some(l)) = (&f.source_file, f.source_line) {
        at.push_str(&format!(" · source {}:{l}", s.display()));
    }
    let _ = writeln!(line, "<br><sub>{}</sub>", escape(&at));
    line
}

/// [`check`] with another size limit.
pub fn check_within(report: &Report, limit: usize) -> String {
    let mut b = Budget::new(limit);
    let c = report.counts;
    b.push("## policydiff check\n\n");
    let ids: Vec<String> = report.versions.iter().map(|v| code(&v.id)).collect();
    let counts: Vec<String> = c
        .worded()
        .iter()
        .map(|(n, word)| format!("**{n}** {word}"))
        .collect();
    b.push(&format!(
        "Checked {}: {}.\n",
        if ids.is_empty() {
            "nothing".to_string()
        } else {
            ids.join(", ")
        },
        counts.join(", ")
    ));
    let groups = findings::groups(report);
    if groups.is_empty() {
        b.push("\nNo findings.\n");
        return b.finish("");
    }
    let mut current: Option<Severity> = None;
    let mut shown: Vec<Severity> = Vec::new();
    for g in &groups {
        if current != Some(g.severity) {
            b.push(&format!("\n### {}\n", badge(g.severity)));
            current = Some(g.severity);
            shown.push(g.severity);
        }
        let head = format!(
            "\n<details open><summary>{}</summary>\n\n",
            super::escape_html(&g.heading())
        );
        if b.is_cut() || !b.try_push(&head) {
            b.leave_out(escape(&g.heading()));
            continue;
        }
        let mut dropped = 0;
        for f in &g.findings {
            if dropped > 0 || !b.try_push(&entry(f)) {
                dropped += 1;
            }
        }
        b.push("\n</details>\n");
        if dropped > 0 {
            b.leave_out(format!("{dropped} of the {}", escape(&g.heading())));
        }
    }
    let mut foot = String::from("\n");
    for s in shown {
        let _ = writeln!(foot, "> {}  ", escape(findings::meaning(s)));
    }
    b.push(&foot);
    b.finish("`policydiff check --format html -o check.html` writes every finding.")
}
