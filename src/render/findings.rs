//! `check` findings as a person reads them, for the text, Markdown and HTML
//! reports alike: most severe first, the findings of one rule grouped under
//! one heading with a count and a plural that agrees ("9 abbreviations not in
//! the glossary"), and places said as a reader says them ("the 37th measure,
//! item b") with the file, line and JSON path kept as secondary detail.

use crate::check::{Finding, Report, Severity};

/// The findings of one rule and severity.
#[derive(Debug)]
pub struct RuleGroup<'a> {
    pub severity: Severity,
    pub rule: &'static str,
    pub findings: Vec<&'a Finding>,
}

impl RuleGroup<'_> {
    /// `9 abbreviations not in the glossary`, `1 gap in the numbering`.
    pub fn heading(&self) -> String {
        let n = self.findings.len();
        let (one, many) = rule_words(self.rule);
        crate::wording::count(n, one, many)
    }
}

/// The findings grouped by severity (errors first) and rule (in the order
/// the rule first appears).
pub fn groups(report: &Report) -> Vec<RuleGroup<'_>> {
    let mut out: Vec<RuleGroup<'_>> = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        for f in report.findings.iter().filter(|f| f.severity == severity) {
            match out
                .iter_mut()
                .find(|g| g.severity == severity && g.rule == f.rule)
            {
                Some(g) => g.findings.push(f),
                None => out.push(RuleGroup {
                    severity,
                    rule: f.rule,
                    findings: vec![f],
                }),
            }
        }
    }
    out
}

/// What a rule's findings are, in the singular and the plural.
pub fn rule_words(rule: &str) -> (&'static str, &'static str) {
    match rule {
        "footnote/missing" => ("missing footnote", "missing footnotes"),
        "footnote/unreferenced" => ("footnote nothing refers to", "footnotes nothing refers to"),
        "glossary/duplicate" => ("term defined twice", "terms defined twice"),
        "glossary/undefined-abbreviation" => (
            "abbreviation not in the glossary",
            "abbreviations not in the glossary",
        ),
        "glossary/unused" => ("glossary term not used", "glossary terms not used"),
        "numbering/gap" => ("gap in the numbering", "gaps in the numbering"),
        "numbering/order" => ("number out of order", "numbers out of order"),
        "schema/id" => (
            "id that is not its folder",
            "ids that are not their folders",
        ),
        "source/hash-mismatch" => (
            "source text changed since import",
            "source texts changed since import",
        ),
        "source/marks-mismatch" => (
            "status that disagrees with the source",
            "statuses that disagree with the source",
        ),
        "source/marks-unexplained" => ("status mark not explained", "status marks not explained"),
        "source/missing" => ("missing source text", "missing source texts"),
        "source/page-without-marks" => (
            "source page without status marks",
            "source pages without status marks",
        ),
        "source/text-not-found" => (
            "text not found in the source",
            "texts not found in the source",
        ),
        "status/evidence" => ("status without evidence", "statuses without evidence"),
        "summary/count-word" => ("count word that disagrees", "count words that disagree"),
        "summary/describes" => (
            "summary page that names no programme",
            "summary pages that name no programme",
        ),
        "summary/group-count" => ("group count that differs", "group counts that differ"),
        "summary/group-extra" => ("group the programme lacks", "groups the programme lacks"),
        "summary/group-missing" => ("group the summary lacks", "groups the summary lacks"),
        "summary/group-text" => (
            "group text that differs from the programme",
            "group texts that differ from the programme",
        ),
        "summary/group-title" => ("group title that differs", "group titles that differ"),
        "summary/parts" => ("group part that differs", "group parts that differ"),
        "summary/theme-title" => (
            "group title unlike its theme heading",
            "group titles unlike their theme headings",
        ),
        "theme/empty" => ("theme without measures", "themes without measures"),
        "theme/ranges" => ("theme range that disagrees", "theme ranges that disagree"),
        "theme/unknown" => ("measure in an unknown theme", "measures in unknown themes"),
        "xref/unrecorded" => (
            "cross-reference not recorded",
            "cross-references not recorded",
        ),
        "xref/unresolved" => (
            "cross-reference to no measure",
            "cross-references to no measure",
        ),
        _ => ("finding", "findings"),
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `37th`.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// An item label from its index: `a`, `b`, … `z`, then `27`.
fn letter(i: usize) -> String {
    u8::try_from(i)
        .ok()
        .filter(|i| *i < 26)
        .map_or_else(|| (i + 1).to_string(), |i| char::from(b'a' + i).to_string())
}

/// A roman sub-item label from its index: `i`, `ii`, … `x`, then `11`.
fn roman(i: usize) -> String {
    const R: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    R.get(i)
        .map_or_else(|| (i + 1).to_string(), |r| r.to_string())
}

/// A JSON path as a reader says it: `measures[36].items[1].text` → `the
/// 37th measure, item b`; `glossary.entries[7]` → `the 8th glossary entry`;
/// an empty path → `the whole file`. Positions, not numbers: the file may
/// number its measures otherwise, which is what some findings are about.
pub fn place(json_path: &str) -> String {
    if json_path.is_empty() {
        return "the whole file".to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut in_items = 0;
    let mut item_label = String::new();
    for segment in json_path.split('.') {
        let (name, index) = match segment.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        match (name, index) {
            ("items", Some(i)) => {
                in_items += 1;
                if in_items == 1 {
                    item_label = letter(i);
                } else {
                    item_label = format!("{item_label}.{}", roman(i));
                }
                continue;
            }
            (_, Some(i)) => {
                let noun = match name {
                    "measures" => "measure",
                    "themes" => "theme",
                    "groups" => "group",
                    "goals" => "goal",
                    "footnotes" => "footnote",
                    "entries" => "glossary entry",
                    "parts" => "part",
                    "aims" => "aim",
                    "sections" => "section",
                    "references" => "reference",
                    "targets" => "target",
                    other => other,
                };
                parts.push(format!("the {} {noun}", ordinal(i + 1)));
            }
            ("glossary" | "text", None) => {}
            ("lead_in", None) => parts.push("lead-in".into()),
            (other, None) => parts.push(other.replace('_', " ")),
        }
    }
    if !item_label.is_empty() {
        parts.insert(parts.len().min(1), format!("item {item_label}"));
    }
    if parts.is_empty() {
        json_path.to_string()
    } else {
        parts.join(", ")
    }
}

/// What a severity means, for the footer of a page that shows it.
pub fn meaning(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error: the snapshot is wrong and must be corrected",
        Severity::Warning => {
            "warning: probably wrong, or two documents disagree; a person should look"
        }
        Severity::Info => {
            "info: worth knowing; a change is optional (the message says what you could do)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_said_as_a_reader_says_them() {
        assert_eq!(
            place("measures[36].items[1].text"),
            "the 37th measure, item b"
        );
        assert_eq!(
            place("measures[33].items[0].items[1].text"),
            "the 34th measure, item a.ii"
        );
        assert_eq!(place("glossary.entries[7]"), "the 8th glossary entry");
        assert_eq!(place("groups[2].text"), "the 3rd group");
        assert_eq!(place("measures[21].status"), "the 22nd measure, status");
        assert_eq!(place(""), "the whole file");
        assert_eq!(
            place("measures[19].items[0].references[1].targets[0].item"),
            "the 20th measure, item a, the 2nd reference, the 1st target, item"
        );
    }

    #[test]
    fn rule_headings_agree_in_number() {
        assert_eq!(rule_words("numbering/gap").0, "gap in the numbering");
        assert_eq!(rule_words("numbering/gap").1, "gaps in the numbering");
    }
}
