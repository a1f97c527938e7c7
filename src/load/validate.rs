//! The rules a snapshot must keep to be loaded at all: the ones that would make
//! every later stage wrong (two measures with one number, a status the legend
//! does not know, items out of sequence).
//!
//! `check` reports the same problems as findings, so that a CI job sees all of
//! them at once; loading stops at the first.

use super::locate::JsonPath;
use crate::snapshot::{Certainty, Item, Kind, Snapshot, Status, StatusRecord, expected_label};
use std::collections::BTreeMap;

/// One broken rule: where, which rule, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// A stable rule id, shared with `check` (`numbering/duplicate`, …).
    pub rule: &'static str,
    pub path: JsonPath,
    /// What is wrong and how to fix it, as one lower-case phrase.
    pub message: String,
}

/// Every schema problem in the snapshot, in document order.
pub fn problems(snapshot: &Snapshot) -> Vec<Problem> {
    let mut out = Vec::new();
    let root = JsonPath::root();
    let mut push = |rule: &'static str, path: JsonPath, message: String| {
        out.push(Problem {
            rule,
            path,
            message,
        })
    };

    match snapshot.kind {
        Kind::Programme => {
            for (field, present) in [
                ("describes", snapshot.describes.is_some()),
                ("description", snapshot.description.is_some()),
                ("organisations", snapshot.organisations.is_some()),
            ] {
                if present {
                    push(
                        "schema/kind",
                        root.key(field),
                        format!(
                            "`{field}` belongs to summary snapshots; remove it or set `kind` to `summary`"
                        ),
                    );
                }
            }
        }
        Kind::Summary => {
            for (field, present) in [
                ("legend", snapshot.legend.is_some()),
                ("themes", !snapshot.themes.is_empty()),
                ("measures", !snapshot.measures.is_empty()),
                ("footnotes", !snapshot.footnotes.is_empty()),
                ("glossary", snapshot.glossary.is_some()),
            ] {
                if present {
                    push(
                        "schema/kind",
                        root.key(field),
                        format!(
                            "`{field}` belongs to programme snapshots; remove it or set `kind` to `programme`"
                        ),
                    );
                }
            }
        }
    }

    let legend: Vec<Status> = match &snapshot.legend {
        Some(l) => l.entries.iter().map(|e| e.status).collect(),
        None => Status::ALL.to_vec(),
    };

    let mut seen_groups = BTreeMap::new();
    for (i, group) in snapshot.groups.iter().enumerate() {
        if let Some(first) = seen_groups.insert(group.number, i) {
            push(
                "numbering/duplicate",
                root.key("groups").index(i).key("number"),
                format!(
                    "group number {} is used twice (also at groups[{first}]); give each group its own number",
                    group.number
                ),
            );
        }
    }

    let mut seen_themes = BTreeMap::new();
    for (i, theme) in snapshot.themes.iter().enumerate() {
        if let Some(first) = seen_themes.insert(theme.number, i) {
            push(
                "numbering/duplicate",
                root.key("themes").index(i).key("number"),
                format!(
                    "theme number {} is used twice (also at themes[{first}]); give each theme its own number",
                    theme.number
                ),
            );
        }
    }

    if let Some(problem) = crate::snapshot::id::id_problem(&snapshot.id) {
        push(
            "schema/id-name",
            root.key("id"),
            format!("{problem}; {}", crate::snapshot::id::ID_FIX),
        );
    }

    // Paths and wording are built only for a rule that is broken (most
    // snapshots break none, and a large one has millions of places).
    let mut seen_measures = BTreeMap::new();
    for (i, measure) in snapshot.measures.iter().enumerate() {
        let at = || root.key("measures").index(i);
        if measure.number == 0 {
            push(
                "numbering/zero",
                at().key("number"),
                "measure number 0; measures are numbered from 1".to_string(),
            );
        }
        if let Some(first) = seen_measures.insert(measure.number, i) {
            push(
                "numbering/duplicate",
                at().key("number"),
                format!(
                    "measure number {} is used twice (also at measures[{first}]); renumber one of them",
                    measure.number
                ),
            );
        }
        if !snapshot.themes.is_empty() {
            match snapshot.theme(measure.theme) {
                None => push(
                    "theme/unknown",
                    at().key("theme"),
                    format!(
                        "measure {} names theme {}, which `themes` does not list; add the theme or correct the number",
                        measure.number, measure.theme
                    ),
                ),
                Some(theme) => {
                    if let Some(section) = &measure.section {
                        if !theme.sections.iter().any(|s| &s.title == section) {
                            push(
                                "theme/unknown-section",
                                at().key("section"),
                                format!(
                                    "measure {} names section `{section}`, which theme {} does not list; use one of its section titles",
                                    measure.number, theme.number
                                ),
                            );
                        }
                    }
                }
            }
        }
        status_problems(
            &measure.status,
            &legend,
            &|| at().key("status"),
            &|| format!("measure {}", measure.number),
            &mut push,
        );
        item_problems(&measure.items, 0, &at, measure.number, &legend, &mut push);
    }
    out
}

fn item_problems(
    items: &[Item],
    depth: usize,
    parent: &dyn Fn() -> JsonPath,
    measure: u32,
    legend: &[Status],
    push: &mut impl FnMut(&'static str, JsonPath, String),
) {
    for (i, item) in items.iter().enumerate() {
        let at = || parent().key("items").index(i);
        let expected = expected_label(depth, i);
        if item.label != expected {
            let kind = if depth == 0 { "lettered" } else { "roman" };
            push(
                "items/sequence",
                at().key("label"),
                format!(
                    "item `{}` of measure {measure} is out of sequence: {kind} item {} should be `{expected}`; relabel the items in order",
                    item.label,
                    i + 1
                ),
            );
        }
        if depth >= 2 {
            push(
                "items/depth",
                at(),
                format!(
                    "item `{}` of measure {measure} is nested three deep; items go two levels deep (a, b … then i, ii …)",
                    item.label
                ),
            );
        }
        if let Some(status) = &item.status {
            status_problems(
                status,
                legend,
                &|| at().key("status"),
                &|| format!("item {measure}{}", item.label),
                push,
            );
        }
        item_problems(&item.items, depth + 1, &at, measure, legend, push);
    }
}

fn status_problems(
    record: &StatusRecord,
    legend: &[Status],
    at: &dyn Fn() -> JsonPath,
    what: &dyn Fn() -> String,
    push: &mut impl FnMut(&'static str, JsonPath, String),
) {
    let letters = || {
        legend
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for s in record.value.iter().chain(&record.candidates) {
        if !legend.contains(s) {
            push(
                "status/legend",
                at(),
                format!(
                    "{} has status `{s}`, which the legend does not define; use one of {}",
                    what(),
                    letters()
                ),
            );
        }
    }
    match record.certainty {
        Certainty::Uncertain => {
            if record.value.is_some() {
                push(
                    "status/certainty",
                    at().key("value"),
                    format!(
                        "{} is `uncertain` but has a value; set `value` to null and list the `candidates`, or change the certainty",
                        what()
                    ),
                );
            }
            if record.candidates.is_empty() {
                push(
                    "status/certainty",
                    at().key("candidates"),
                    format!(
                        "{} is `uncertain` without `candidates`; list the statuses the evidence allows",
                        what()
                    ),
                );
            }
        }
        Certainty::Confirmed | Certainty::Deduced => {
            if record.value.is_none() {
                push(
                    "status/certainty",
                    at().key("value"),
                    format!(
                        "{} is `{}` but has no value; give the status letter or make it `uncertain`",
                        what(),
                        record.certainty.as_str()
                    ),
                );
            }
            if !record.candidates.is_empty() {
                push(
                    "status/certainty",
                    at().key("candidates"),
                    format!(
                        "{} is `{}` but lists `candidates`; remove them or make it `uncertain`",
                        what(),
                        record.certainty.as_str()
                    ),
                );
            }
        }
    }
}
