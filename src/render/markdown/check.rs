//! The Markdown `check` report: the counts by severity and by file first,
//! then the findings of each file as a table with severity badges. Cut to
//! [`LIMIT`] with a note of what was left out.

use super::{Budget, LIMIT, code, escape, words};
use crate::check::{Finding, Report, Severity};
use std::fmt::Write;

/// The `check` report as GitHub-flavoured Markdown, at most [`LIMIT`]
/// characters.
pub fn check(report: &Report) -> String {
    check_within(report, LIMIT)
}

fn badge(s: Severity) -> &'static str {
    match s {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Info => "ℹ️ info",
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

fn row(f: &Finding) -> String {
    let mut cell = message(&f.message);
    if let Some(w) = &f.detail {
        let _ = write!(
            cell,
            "<br>{} → {}: {}",
            escape(&w.old_label),
            escape(&w.new_label),
            words(&w.words)
        );
    }
    let place = match (&f.source_file, f.source_line) {
        (Some(s), Some(l)) => format!("<br>source {}:{l}", escape(&s.display().to_string())),
        _ => String::new(),
    };
    format!(
        "| {} | {} | <code>{}</code> | {} | {cell}{place} |\n",
        badge(f.severity),
        f.line,
        escape(f.rule),
        if f.json_path.is_empty() {
            String::new()
        } else {
            format!("<code>{}</code>", escape(&f.json_path))
        },
    )
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
        "Checked {}: {}.\n\n",
        if ids.is_empty() {
            "nothing".to_string()
        } else {
            ids.join(", ")
        },
        counts.join(", ")
    ));
    let files = report.by_file();
    if files.is_empty() {
        b.push("No findings.\n");
        return b.finish("");
    }
    b.push("| File | Errors | Warnings | Infos |\n| :-- | --: | --: | --: |\n");
    for (name, list) in &files {
        let n = |s: Severity| list.iter().filter(|f| f.severity == s).count();
        b.push(&format!(
            "| {} | {} | {} | {} |\n",
            code(name),
            n(Severity::Error),
            n(Severity::Warning),
            n(Severity::Info)
        ));
    }
    for (name, list) in &files {
        let head = format!(
            "\n<details open><summary>{} — {} findings</summary>\n\n| Severity | Line | Rule | Where | Message |\n| :-- | --: | :-- | :-- | :-- |\n",
            super::escape_html(name),
            list.len()
        );
        if b.is_cut() || !b.try_push(&head) {
            b.leave_out(format!("the {} findings in {}", list.len(), escape(name)));
            continue;
        }
        let mut dropped = 0;
        for f in list {
            if dropped > 0 || !b.try_push(&row(f)) {
                dropped += 1;
            }
        }
        b.push("\n</details>\n");
        if dropped > 0 {
            b.leave_out(format!(
                "{dropped} of the {} findings in {}",
                list.len(),
                escape(name)
            ));
        }
    }
    b.finish("`policydiff check --format html -o check.html` writes every finding.")
}
