//! `check --format json`: the findings as a documented, versioned JSON shape
//! (`docs/check-format.md`), made of view types so that the internal model
//! can change without breaking `jq` scripts and CI thresholds.

use super::WordsView;
use crate::check::{Finding, Report, WordDetail};
use serde::Serialize;

/// The `format` value of this shape; bumped when a field changes meaning or
/// goes away (new fields do not bump it).
pub const FORMAT: &str = "policydiff-check/2";

#[derive(Debug, Serialize)]
struct ReportView<'a> {
    format: &'static str,
    versions: Vec<VersionView>,
    counts: CountsView,
    findings: Vec<FindingView<'a>>,
}

#[derive(Debug, Serialize)]
struct VersionView {
    id: String,
    kind: &'static str,
    file: String,
    source_file: Option<String>,
}

#[derive(Debug, Serialize)]
struct CountsView {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Debug, Serialize)]
struct FindingView<'a> {
    rule: &'static str,
    severity: &'static str,
    message: String,
    version: String,
    file: String,
    json_path: String,
    line: usize,
    source_file: Option<String>,
    source_line: Option<u32>,
    detail: Option<DetailView<'a>>,
}

#[derive(Debug, Serialize)]
struct DetailView<'a> {
    old: String,
    new: String,
    /// The differences inline: `[-deleted-]{+inserted+}`.
    diff: String,
    /// The same shape as a word difference in `diff --format json`.
    words: WordsView<'a>,
}

fn detail(d: &WordDetail) -> DetailView<'_> {
    DetailView {
        old: d.old_label.clone(),
        new: d.new_label.clone(),
        diff: d.plain(),
        words: WordsView::of(&d.words),
    }
}

fn finding(f: &Finding) -> FindingView<'_> {
    FindingView {
        rule: f.rule,
        severity: f.severity.as_str(),
        message: f.message.clone(),
        version: f.version.clone(),
        file: f.file.display().to_string(),
        json_path: f.json_path.clone(),
        line: f.line,
        source_file: f.source_file.as_ref().map(|p| p.display().to_string()),
        source_line: f.source_line,
        detail: f.detail.as_ref().map(detail),
    }
}

/// The report as pretty-printed JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    let view = ReportView {
        format: FORMAT,
        versions: report
            .versions
            .iter()
            .map(|v| VersionView {
                id: v.id.clone(),
                kind: v.kind.as_str(),
                file: v.file.display().to_string(),
                source_file: v.source_file.as_ref().map(|p| p.display().to_string()),
            })
            .collect(),
        counts: CountsView {
            error: report.counts.errors,
            warning: report.counts.warnings,
            info: report.counts.infos,
        },
        findings: report.findings.iter().map(finding).collect(),
    };
    // View types of strings and numbers always serialise.
    let mut s = serde_json::to_string_pretty(&view).expect("check report serialises");
    s.push('\n');
    s
}
