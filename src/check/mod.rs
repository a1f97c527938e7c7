//! Consistency checks: findings about snapshots, about a summary page against
//! the programme it describes, and about a snapshot against its source text.
//!
//! `check` never stops at the first problem: snapshots are read without the
//! schema rules (`load::parse_unvalidated`) and every broken rule becomes a
//! finding, so that a reviewer or a CI job sees all of them at once.
//!
//! One file per rule family; [`finding`] is the model the renderers consume.
//! The rule ids and severities are listed in `docs/check-format.md`.

pub mod finding;
mod glossary_rules;
mod snapshot_rules;
mod source_rules;
mod summary_rules;
pub mod word_diff;

pub use finding::{CheckedVersion, Counts, Finding, Report, Severity};
pub use word_diff::WordDetail;

use crate::load::{JsonPath, Loaded};
use crate::snapshot::{Kind, Lines};

/// Check `versions`. `companions` are further versions (the programmes that
/// checked summary pages describe) that are compared with but not checked
/// themselves.
pub fn check(versions: &[Loaded], companions: &[Loaded]) -> Report {
    let mut findings = Vec::new();
    for loaded in versions {
        let mut sink = Sink::new(loaded);
        snapshot_rules::check(&mut sink);
        glossary_rules::check(&mut sink);
        summary_rules::check_count_word(&mut sink);
        summary_rules::check_theme_titles(&mut sink);
        source_rules::check(&mut sink);
        if loaded.snapshot.kind == Kind::Summary {
            if let Some(id) = &loaded.snapshot.describes {
                let programme = versions
                    .iter()
                    .chain(companions)
                    .find(|l| &l.snapshot.id == id && l.snapshot.kind == Kind::Programme);
                match programme {
                    Some(programme) => summary_rules::check_pair(programme, &mut sink),
                    None => {
                        sink.push(
                        "summary/describes",
                        Severity::Warning,
                        &JsonPath::root().key("describes"),
                        format!("summary `{}` describes `{id}`, which is not a programme in the version store; correct `describes` or add the programme", loaded.snapshot.id),
                        );
                    }
                }
            }
        }
        findings.extend(sink.findings);
    }
    let checked = versions
        .iter()
        .map(|l| CheckedVersion {
            id: l.snapshot.id.clone(),
            kind: l.snapshot.kind,
            file: l.path.clone(),
            source_file: l.source_path.clone(),
        })
        .collect();
    Report::new(checked, findings)
}

/// Collects the findings about one loaded snapshot, filling in its file and
/// the line of each JSON path.
#[derive(Debug)]
pub(crate) struct Sink<'a> {
    pub loaded: &'a Loaded,
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    fn new(loaded: &'a Loaded) -> Self {
        Sink {
            loaded,
            findings: Vec::new(),
        }
    }

    /// Record a finding at `path` in the snapshot; returns it so that the
    /// caller can add a source line or a word diff.
    pub fn push(
        &mut self,
        rule: &'static str,
        severity: Severity,
        path: &JsonPath,
        message: String,
    ) -> &mut Finding {
        let json_path = if *path == JsonPath::root() {
            String::new()
        } else {
            path.to_string()
        };
        self.findings.push(Finding {
            rule,
            severity,
            message,
            version: self.loaded.snapshot.id.clone(),
            file: self.loaded.path.clone(),
            json_path,
            line: self.loaded.line_of(path),
            source_file: None,
            source_line: None,
            detail: None,
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}

impl Finding {
    /// Point the finding at a line of the snapshot's source text.
    pub(crate) fn at_source(&mut self, loaded: &Loaded, lines: Option<Lines>) -> &mut Self {
        if let Some(lines) = lines {
            self.source_file = loaded.source_path.clone();
            self.source_line = Some(lines.first());
        }
        self
    }

    pub(crate) fn with_detail(&mut self, detail: WordDetail) -> &mut Self {
        self.detail = Some(detail);
        self
    }
}

/// `1, 2 and 5`: a list for messages.
pub(crate) fn and_list<T: std::fmt::Display>(items: &[T]) -> String {
    let words: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_for_messages_joins_with_commas_and_a_last_and() {
        assert_eq!(and_list::<u32>(&[]), "");
        assert_eq!(and_list(&[7]), "7");
        assert_eq!(and_list(&[1, 2]), "1 and 2");
        assert_eq!(and_list(&["1", "2", "5"]), "1, 2 and 5");
    }
}
