//! Rules inside one snapshot: the schema rules loading enforces, numbering,
//! statuses and their evidence, themes, footnotes and cross-references.

use super::{Severity, Sink, and_list};
use crate::load::{JsonPath, validate};
use crate::snapshot::{Certainty, Item, Kind, Measure, Reference, StatusRecord, Target};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check(sink: &mut Sink<'_>) {
    schema(sink);
    id_matches_folder(sink);
    unfinished_draft(sink);
    numbering(sink);
    status_evidence(sink);
    themes(sink);
    footnotes(sink);
    references(sink);
}

/// The rules that loading enforces, every one of them rather than the first.
fn schema(sink: &mut Sink<'_>) {
    for problem in validate::problems(&sink.loaded.snapshot) {
        sink.push(
            problem.rule,
            Severity::Error,
            &problem.path,
            problem.message,
        );
    }
}

/// A snapshot in the store (`versions/ID/snapshot.json`) carries its folder's
/// name as its id: that is the name every command finds it by.
fn id_matches_folder(sink: &mut Sink<'_>) {
    let path = &sink.loaded.path;
    if path
        .file_name()
        .is_none_or(|f| f != crate::load::SNAPSHOT_FILE)
    {
        return;
    }
    let Some(folder) = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|f| f.to_str())
    else {
        return;
    };
    let id = sink.loaded.snapshot.id.clone();
    if id != folder {
        sink.push(
            "schema/id",
            Severity::Warning,
            &JsonPath::root().key("id"),
            format!("the snapshot's id is `{id}` but its folder is `{folder}`; make them the same, or reports and `diff` will name it `{id}`"),
        );
    }
}

/// What `import` leaves to a person: text it could not place, a missing
/// title. A draft committed unfinished is caught here.
fn unfinished_draft(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let unplaced = s.unplaced.len();
    let untitled = s.title.trim().is_empty();
    if unplaced > 0 {
        sink.push(
            "draft/unplaced",
            Severity::Warning,
            &JsonPath::root().key("unplaced"),
            format!(
                "{unplaced} piece{} of text the importer could not place; move each where it belongs (or delete it if it is not part of the programme) and empty `unplaced`",
                if unplaced == 1 { "" } else { "s" }
            ),
        );
    }
    if untitled {
        sink.push(
            "draft/title",
            Severity::Warning,
            &JsonPath::root().key("title"),
            "the version has no title; fill in `title` (or re-import with `--title`)".to_string(),
        );
    }
}

/// Numbers run 1, 2, 3 … without gaps, in document order. Duplicates are a
/// schema rule (`numbering/duplicate`).
fn numbering(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let lists: [(&str, &str, Vec<u32>); 4] = [
        (
            "measures",
            "measure",
            s.measures.iter().map(|m| m.number).collect(),
        ),
        (
            "themes",
            "theme",
            s.themes.iter().map(|t| t.number).collect(),
        ),
        (
            "groups",
            "group",
            s.groups.iter().map(|g| g.number).collect(),
        ),
        (
            "footnotes",
            "footnote",
            s.footnotes.iter().map(|f| f.number).collect(),
        ),
    ];
    for (key, what, numbers) in lists {
        if numbers.is_empty() {
            continue;
        }
        let present: BTreeSet<u32> = numbers.iter().copied().collect();
        let gaps = gaps(&present);
        if let Some(&(first_missing, _)) = gaps.first() {
            // Point at the first element after the first gap.
            let after = numbers.iter().position(|n| *n > first_missing).unwrap_or(0);
            let count: u64 = gaps.iter().map(|(a, b)| u64::from(b - a) + 1).sum();
            let plural = if count == 1 { "" } else { "s" };
            sink.push(
                "numbering/gap",
                Severity::Error,
                &JsonPath::root().key(key).index(after).key("number"),
                format!("{key} skip {what} number{plural} {}; number the {key} 1–{} without gaps, or restore the missing ones", gap_list(&gaps), present.len()),
            );
        }
        for (i, pair) in numbers.windows(2).enumerate() {
            if pair[1] < pair[0] {
                sink.push(
                    "numbering/order",
                    Severity::Warning,
                    &JsonPath::root().key(key).index(i + 1).key("number"),
                    format!("{what} {} comes after {what} {} in `{key}`; keep the {key} in number order", pair[1], pair[0]),
                );
            }
        }
    }
}

/// The missing runs `(first, last)` in 1..=max of a set of numbers, walked
/// from gap to gap so that a stray huge number costs nothing.
fn gaps(present: &BTreeSet<u32>) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut expected = 1u32;
    for &n in present {
        if n > expected {
            out.push((expected, n - 1));
        }
        expected = n.saturating_add(1);
    }
    out
}

/// `5`, `5–7`, or a few runs and "…" when there are many.
fn gap_list(gaps: &[(u32, u32)]) -> String {
    const SHOWN: usize = 8;
    let runs: Vec<String> = gaps
        .iter()
        .take(SHOWN)
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    let mut text = and_list(&runs);
    if gaps.len() > SHOWN {
        let more = gaps.len() - SHOWN;
        text.push_str(&format!(
            " and {more} more {}",
            if more == 1 { "run" } else { "runs" }
        ));
    }
    text
}

/// Words in an evidence note that contradict a settled status.
const UNSETTLED_WORDS: [&str; 7] = [
    "uncertain",
    "not readable",
    "unreadable",
    "onzeker",
    "niet leesbaar",
    "guess",
    "unknown",
];
/// Words in an evidence note that say the status was deduced.
const DEDUCED_WORDS: [&str; 3] = ["deduced", "afgeleid", "by elimination"];

/// A settled status whose own note says it is not settled (or deduced, where
/// it claims to be confirmed). The schema rules (`status/certainty`) cover the
/// shape of the record; this covers what the note says.
fn status_evidence(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let mut found = Vec::new();
    for (i, m) in s.measures.iter().enumerate() {
        let at = JsonPath::root().key("measures").index(i);
        found.extend(
            evidence_problem(&m.status, &format!("measure {}", m.number))
                .map(|msg| (at.key("status").key("certainty"), msg, m.lines)),
        );
        walk_items(&m.items, &at, &mut |path, item| {
            if let Some(status) = &item.status {
                let what = format!("item {}{}", m.number, item.label);
                found.extend(
                    evidence_problem(status, &what)
                        .map(|msg| (path.key("status").key("certainty"), msg, item.lines)),
                );
            }
        });
    }
    let loaded = sink.loaded;
    for (path, message, lines) in found {
        sink.push("status/evidence", Severity::Warning, &path, message)
            .at_source(loaded, lines);
    }
}

fn evidence_problem(record: &StatusRecord, what: &str) -> Option<String> {
    let note = record.note.as_deref()?.to_lowercase();
    let certainty = record.certainty.as_str();
    match record.certainty {
        Certainty::Uncertain => None,
        Certainty::Confirmed | Certainty::Deduced => {
            if let Some(word) = UNSETTLED_WORDS.iter().find(|w| note.contains(*w)) {
                return Some(format!(
                    "{what} is `{certainty}` but its note says \"{word}\"; make it `uncertain` with `candidates`, or reword the note"
                ));
            }
            if record.certainty == Certainty::Confirmed {
                if let Some(word) = DEDUCED_WORDS.iter().find(|w| note.contains(*w)) {
                    return Some(format!(
                        "{what} is `confirmed` but its note says \"{word}\"; make it `deduced`, or reword the note"
                    ));
                }
            }
            None
        }
    }
}

/// Call `f` with the JSON path of every item and sub-item under `parent`.
pub(super) fn walk_items<'a>(
    items: &'a [Item],
    parent: &JsonPath,
    f: &mut impl FnMut(&JsonPath, &'a Item),
) {
    for (i, item) in items.iter().enumerate() {
        let at = parent.key("items").index(i);
        f(&at, item);
        walk_items(&item.items, &at, f);
    }
}

/// Every measure in a theme; each theme a contiguous range of measures, the
/// themes in order. A measure naming an unknown theme is a schema rule
/// (`theme/unknown`).
fn themes(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    if s.kind != Kind::Programme || s.measures.is_empty() {
        return;
    }
    if s.themes.is_empty() {
        sink.push(
            "theme/unknown",
            Severity::Error,
            &JsonPath::root().key("measures"),
            "the measures name themes but `themes` is empty; list the themes with their numbers and titles".to_string(),
        );
        return;
    }
    let order: BTreeMap<u32, usize> = s
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (t.number, i))
        .collect();
    let mut by_number: Vec<(usize, &Measure)> = s.measures.iter().enumerate().collect();
    by_number.sort_by_key(|(_, m)| m.number);
    let mut findings = Vec::new();
    // A measure flagged as an island is no evidence about its neighbours.
    let mut flagged = vec![false; by_number.len()];
    for (k, (i, m)) in by_number.iter().enumerate() {
        let Some(&rank) = order.get(&m.theme) else {
            continue;
        };
        if k > 0 && flagged[k - 1] {
            continue;
        }
        let prev = k
            .checked_sub(1)
            .and_then(|p| by_number.get(p))
            .map(|(_, m)| m);
        let next = by_number.get(k + 1).map(|(_, m)| m);
        let at = JsonPath::root().key("measures").index(*i).key("theme");
        match (prev, next) {
            // An island: both neighbours agree on another theme.
            (Some(p), Some(n)) if p.theme == n.theme && p.theme != m.theme => {
                flagged[k] = true;
                findings.push((
                    at,
                    format!("measure {} is in theme {} but measures {} and {} around it are in theme {}; themes cover contiguous ranges, so correct its `theme`", m.number, m.theme, p.number, n.number, p.theme),
                ));
            }
            (Some(p), _) if order.get(&p.theme).is_some_and(|r| *r > rank) => findings.push((
                at,
                format!("measure {} is in theme {} but measure {} before it is in theme {}, which comes later; keep the themes in order of their measures, or correct `theme`", m.number, m.theme, p.number, p.theme),
            )),
            _ => {}
        }
    }
    for (at, message) in findings {
        sink.push("theme/ranges", Severity::Error, &at, message);
    }
    for (i, t) in s.themes.iter().enumerate() {
        if !s.measures.iter().any(|m| m.theme == t.number) {
            sink.push(
                "theme/empty",
                Severity::Warning,
                &JsonPath::root().key("themes").index(i),
                format!(
                    "theme {} (`{}`) holds no measures; remove it or correct the measures' `theme`",
                    t.number, t.title
                ),
            );
        }
    }
}

/// Every footnote referenced, every reference to an existing footnote.
fn footnotes(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let defined: BTreeSet<u32> = s.footnotes.iter().map(|f| f.number).collect();
    let mut references: Vec<(JsonPath, u32, String)> = Vec::new();
    for (i, m) in s.measures.iter().enumerate() {
        let at = JsonPath::root().key("measures").index(i);
        for (j, n) in m.footnotes.iter().enumerate() {
            references.push((
                at.key("footnotes").index(j),
                *n,
                format!("measure {}", m.number),
            ));
        }
        walk_items(&m.items, &at, &mut |path, item| {
            for (j, n) in item.footnotes.iter().enumerate() {
                references.push((
                    path.key("footnotes").index(j),
                    *n,
                    format!("item {}{}", m.number, item.label),
                ));
            }
        });
    }
    if let Some(g) = &s.glossary {
        for (j, n) in g.footnotes.iter().enumerate() {
            references.push((
                JsonPath::root().key("glossary").key("footnotes").index(j),
                *n,
                "the glossary intro".to_string(),
            ));
        }
    }
    let referenced: BTreeSet<u32> = references.iter().map(|(_, n, _)| *n).collect();
    for (path, n, what) in &references {
        if !defined.contains(n) {
            sink.push("footnote/missing", Severity::Error, path, format!("{what} references footnote {n}, which `footnotes` does not hold; add the footnote or correct the number"));
        }
    }
    for (i, f) in s.footnotes.iter().enumerate() {
        if !referenced.contains(&f.number) {
            let loaded = sink.loaded;
            sink.push(
                "footnote/unreferenced",
                Severity::Warning,
                &JsonPath::root().key("footnotes").index(i),
                format!("footnote {} is referenced nowhere; add its number to the `footnotes` of the measure, item or glossary intro that cites it", f.number),
            )
            .at_source(loaded, f.lines);
        }
    }
}

/// Every cross-reference resolves to a measure (and to an item of it, where
/// the phrase names one), and every reference phrase in the text ("maatregel
/// 30", "maatregelen 30 en 31", "maatregel 30a") is recorded as one (the diff
/// relies on `references` to find stale numbers).
fn references(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let exists = |t: &Target| match s.measure(t.measure) {
        None => false,
        Some(m) => t.item.as_deref().is_none_or(|item| {
            m.items_flat()
                .iter()
                .any(|(path, _)| path.join(".") == item)
        }),
    };
    let mut found: Vec<(&'static str, Severity, JsonPath, String)> = Vec::new();
    for (i, m) in s.measures.iter().enumerate() {
        let at = JsonPath::root().key("measures").index(i);
        let mut check_element = |path: &JsonPath,
                                 what: String,
                                 texts: Vec<(&str, &str)>,
                                 refs: &[Reference]| {
            for (j, r) in refs.iter().enumerate() {
                let at_ref = path.key("references").index(j);
                for (k, t) in r.targets.iter().enumerate() {
                    if exists(t) {
                        continue;
                    }
                    // The JSON path follows the shape on disk: `measure`
                    // and `item` for one target, `targets[k]` for several.
                    let at_target = if r.targets.len() == 1 {
                        at_ref.clone()
                    } else {
                        at_ref.key("targets").index(k)
                    };
                    let message = match (&t.item, s.measure(t.measure)) {
                        (Some(item), Some(target)) => format!(
                            "{what} refers to item {}{item} (\"{}\"), which does not exist; measure {} has {}; correct the reference",
                            t.measure,
                            r.phrase,
                            t.measure,
                            item_labels(target)
                        ),
                        _ => format!(
                            "{what} refers to measure {} (\"{}\"), which does not exist; correct the reference",
                            t.measure, r.phrase
                        ),
                    };
                    let key = if t.item.is_some() && s.measure(t.measure).is_some() {
                        "item"
                    } else {
                        "measure"
                    };
                    found.push((
                        "xref/unresolved",
                        Severity::Error,
                        at_target.key(key),
                        message,
                    ));
                }
            }
            for (key, text) in texts {
                for said in crate::import::references(text) {
                    let recorded = said
                        .targets
                        .iter()
                        .all(|t| refs.iter().any(|r| r.targets.contains(t)));
                    if recorded {
                        continue;
                    }
                    let missing: Vec<String> = said
                        .targets
                        .iter()
                        .filter(|t| !exists(t))
                        .map(|t| match &t.item {
                            Some(_) if s.measure(t.measure).is_some() => {
                                format!("no item {t}")
                            }
                            _ => format!("no measure {}", t.measure),
                        })
                        .collect();
                    let missing = if missing.is_empty() {
                        String::new()
                    } else {
                        format!(" (and there is {})", and_list(&missing))
                    };
                    found.push((
                            "xref/unrecorded",
                            Severity::Warning,
                            path.key(key),
                            format!(
                                "{what} says \"{}\" but `references` does not record it{missing}; add {}",
                                said.phrase,
                                said.inline_json()
                            ),
                        ));
                }
            }
        };
        let texts: Vec<(&str, &str)> = [
            ("title", Some(m.title.as_str())),
            ("lead_in", m.lead_in.as_deref()),
            ("body", m.body.as_deref()),
        ]
        .into_iter()
        .filter_map(|(k, t)| t.map(|t| (k, t)))
        .collect();
        check_element(&at, format!("measure {}", m.number), texts, &m.references);
        let mut items = Vec::new();
        walk_items(&m.items, &at, &mut |path, item| {
            items.push((path.clone(), item))
        });
        for (path, item) in items {
            check_element(
                &path,
                format!("item {}{}", m.number, item.label),
                vec![("text", item.text.as_str())],
                &item.references,
            );
        }
    }
    for (rule, severity, path, message) in found {
        sink.push(rule, severity, &path, message);
    }
}

/// A measure's item labels for a message: `items a–f`, or `no items`.
fn item_labels(m: &Measure) -> String {
    match (m.items.first(), m.items.last()) {
        (Some(first), Some(last)) if m.items.len() > 1 => {
            format!("items {}–{}", first.label, last.label)
        }
        (Some(only), _) => format!("only item {}", only.label),
        _ => "no items".to_string(),
    }
}
