//! The findings model: what `check` computes and every check renderer
//! (text, JSON, GitHub annotations, and later Markdown and HTML) consumes.
//!
//! Plain public data, no behaviour beyond ordering and counting, so that a
//! renderer never needs to know how a rule works.

use super::word_diff::WordDetail;
use crate::snapshot::Kind;
use std::path::PathBuf;

/// How bad a finding is. Ordered: `Info < Warning < Error`, so that
/// `--fail-on` is a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing needs to change (an abbreviation the glossary
    /// does not define, a page whose statuses rest on other evidence).
    Info,
    /// Probably wrong, or the documents disagree; a person should look.
    Warning,
    /// The snapshot is wrong: it breaks the format, or says something its
    /// source does not.
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// `error`, `warning` or `info`, as the outputs write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: which rule, how bad, what to do, and where.
///
/// Every finding points into a snapshot file (the file to edit); findings
/// about the source text point into it as well (`source_file`,
/// `source_line`).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// A stable rule id (`numbering/gap`, `source/marks-mismatch`, …); the
    /// list is in `docs/check-format.md`.
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong and how to fix it, as one lower-case phrase.
    pub message: String,
    /// The id of the version the finding is about.
    pub version: String,
    /// The snapshot file, as the user named it (or `<built-in>/ID/…`).
    pub file: PathBuf,
    /// Where in the snapshot: `measures[19].items[1].text`; empty for the
    /// file as a whole.
    pub json_path: String,
    /// The 1-based line of `json_path` in `file`.
    pub line: usize,
    /// The source text, for findings that compare the snapshot with it.
    pub source_file: Option<PathBuf>,
    /// The 1-based line in `source_file`.
    pub source_line: Option<u32>,
    /// Word-level differences, for findings that compare two texts.
    pub detail: Option<WordDetail>,
}

/// A checked version, for the report's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedVersion {
    pub id: String,
    pub kind: Kind,
    pub file: PathBuf,
    pub source_file: Option<PathBuf>,
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    /// Each count with its noun in the right number: `(1, "error")`,
    /// `(16, "infos")`; `summary` and the reports word them from this.
    pub fn worded(&self) -> [(usize, &'static str); 3] {
        let word =
            |n: usize, one: &'static str, many: &'static str| (n, if n == 1 { one } else { many });
        [
            word(self.errors, "error", "errors"),
            word(self.warnings, "warning", "warnings"),
            word(self.infos, "info", "infos"),
        ]
    }

    pub fn of(findings: &[Finding]) -> Counts {
        let mut counts = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }

    /// `2 errors, 1 warning, 0 infos`.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .worded()
            .iter()
            .map(|(n, w)| format!("{n} {w}"))
            .collect();
        parts.join(", ")
    }
}

/// The result of `check`: the versions checked and every finding, sorted by
/// file, line and rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub versions: Vec<CheckedVersion>,
    pub findings: Vec<Finding>,
    pub counts: Counts,
}

impl Report {
    /// The findings grouped by file, in the report's (sorted) order, with
    /// each file's name as it is shown.
    pub fn by_file(&self) -> Vec<(String, Vec<&Finding>)> {
        let mut files: Vec<(String, Vec<&Finding>)> = Vec::new();
        for f in &self.findings {
            let name = f.file.display().to_string();
            match files.iter_mut().find(|(n, _)| *n == name) {
                Some((_, list)) => list.push(f),
                None => files.push((name, vec![f])),
            }
        }
        files
    }

    /// A report of these findings, sorted stably and counted.
    pub fn new(versions: Vec<CheckedVersion>, mut findings: Vec<Finding>) -> Report {
        findings.sort_by(|a, b| {
            (&a.file, a.line, a.rule, &a.json_path, &a.message).cmp(&(
                &b.file,
                b.line,
                b.rule,
                &b.json_path,
                &b.message,
            ))
        });
        findings.dedup();
        let counts = Counts::of(&findings);
        Report {
            versions,
            findings,
            counts,
        }
    }

    /// Whether any finding is at least as severe as `threshold`: the exit
    /// code's question.
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }

    /// The findings with this rule id.
    pub fn with_rule(&self, rule: &str) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.rule == rule).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_severity_is_written_by_its_lower_case_name_in_words_and_display() {
        let names: Vec<(&str, String)> = Severity::ALL
            .iter()
            .map(|s| (s.as_str(), s.to_string()))
            .collect();
        assert_eq!(
            names,
            [
                ("error", "error".to_string()),
                ("warning", "warning".to_string()),
                ("info", "info".to_string())
            ]
        );
    }
}
