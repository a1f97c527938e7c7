//! The history of a programme across a series of versions: the pairwise
//! alignments of consecutive versions (the same [`align`] and [`diff`] as
//! `policydiff diff`) chained into **lineages**, one per measure that ever
//! existed, followed through renumbering, retitles, moves, splits and merges.
//!
//! Each measure of each version belongs to exactly one lineage. A lineage
//! continues through a pair, and through the piece a split or merge continues
//! as; the other pieces of a split start lineages of their own, the other
//! measures of a merge end theirs. What happened at each step is an
//! [`Event`], decided here once (kind and words) for every report format.

use crate::align::{AlignError, Alignment, Overrides};
use crate::diff::story::status_words;
use crate::diff::{self, ChangeClass, Diff, MeasureRef, StatusChangeKind, Story, VersionRef};
use crate::snapshot::{Kind, Snapshot, Status};

/// A programme's history over a series of versions.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub versions: Vec<HistoryVersion>,
    /// `steps[k]` compares `versions[k]` with `versions[k + 1]`.
    pub steps: Vec<Step>,
    /// In order of first appearance: the first version's measures by number,
    /// then those each later version added (or split off), by number.
    pub lineages: Vec<Lineage>,
}

impl History {
    /// The lineages a report shows: all, or (`only_changed`) those that
    /// changed in more than their number.
    pub fn shown(&self, only_changed: bool) -> impl Iterator<Item = (usize, &Lineage)> {
        self.lineages
            .iter()
            .enumerate()
            .filter(move |(_, l)| !only_changed || l.substantive())
    }

    /// The headline, the same in every format: `41 measures in all: 9
    /// changed in substance, 23 only renumbered, 9 unchanged.`
    pub fn lead(&self) -> String {
        let substantive = self.lineages.iter().filter(|l| l.substantive()).count();
        let renumbered = self
            .lineages
            .iter()
            .filter(|l| l.changed() && !l.substantive())
            .count();
        let unchanged = self.lineages.len() - substantive - renumbered;
        format!(
            "{} measures in all across {} versions: {substantive} changed in substance, {renumbered} only renumbered, {unchanged} unchanged.",
            self.lineages.len(),
            self.versions.len()
        )
    }
}

impl History {
    /// The lineages that changed in more than their number at `version`, in
    /// the order of their number there (or, for those that ended, before).
    pub fn marked_at(&self, version: usize) -> Vec<&Lineage> {
        let mut out: Vec<&Lineage> = self
            .lineages
            .iter()
            .filter(|l| l.marked_at(version))
            .collect();
        out.sort_by_key(|l| l.at_step(version).map_or(0, |m| m.number));
        out
    }
}

/// One version of the series.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryVersion {
    /// How reports name the version: its id, or what tells apart versions
    /// that share one (`HEAD~1:versions/x/snapshot.json`, `2025-01-02 1a2b3c4`).
    pub label: String,
    pub info: VersionRef,
    pub counts: StatusTotals,
}

/// How many measures a version has of each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusTotals {
    pub measures: usize,
    pub existing: usize,
    pub strengthened: usize,
    pub new: usize,
    /// Measures whose status is uncertain (counted under no letter).
    pub uncertain: usize,
}

impl StatusTotals {
    fn of(s: &Snapshot) -> StatusTotals {
        let mut t = StatusTotals {
            measures: s.measures.len(),
            ..StatusTotals::default()
        };
        for m in &s.measures {
            match m.status.settled() {
                Some(Status::Existing) => t.existing += 1,
                Some(Status::Strengthened) => t.strengthened += 1,
                Some(Status::New) => t.new += 1,
                None => t.uncertain += 1,
            }
        }
        t
    }
}

/// The comparison of two consecutive versions, as `diff` computes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub diff: Diff,
    pub story: Story,
}

/// One measure's life: where it stands in each version, and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Lineage {
    /// One per version: the measure as that version has it, or `None` where
    /// the lineage does not exist (before it was added, after it ended).
    pub measures: Vec<Option<MeasureRef>>,
    /// One per step: the entry of `steps[k].diff.measures` that carries the
    /// lineage from version `k` to `k + 1`, if any.
    pub entries: Vec<Option<usize>>,
    /// In version order.
    pub events: Vec<Event>,
}

impl Lineage {
    /// Whether anything happened to it (more than being there all along).
    pub fn changed(&self) -> bool {
        !self.events.is_empty()
    }

    /// Whether it changed in more than its number at some point.
    pub fn substantive(&self) -> bool {
        self.events.iter().any(|e| e.kind != EventKind::Renumbered)
    }

    /// Its measure at `version`, or, where it ended there, the measure it
    /// was just before: what the events of that step are about.
    pub fn at_step(&self, version: usize) -> Option<&MeasureRef> {
        let before = version.saturating_sub(1);
        self.measures
            .get(version)
            .and_then(Option::as_ref)
            .or(self.measures.get(before).and_then(Option::as_ref))
    }

    /// Its numbers across the step into `version`: `12`, `12 → 13`, or the
    /// one side it has.
    pub fn numbers_at(&self, version: usize) -> String {
        let side = |v: usize| self.measures.get(v).and_then(Option::as_ref);
        match (side(version.saturating_sub(1)), side(version)) {
            (Some(a), Some(b)) if a.number != b.number => format!("{} → {}", a.number, b.number),
            (_, Some(m)) | (Some(m), None) => m.number.to_string(),
            (None, None) => String::new(),
        }
    }

    /// What a table cell says changed at `version`, renumbering left out
    /// (it shows in the number itself): `status, text`; empty when nothing.
    pub fn marks_at(&self, version: usize) -> String {
        let mut words: Vec<&str> = Vec::new();
        for e in self.events.iter().filter(|e| e.version == version) {
            if e.kind != EventKind::Renumbered && !words.contains(&e.kind.short()) {
                words.push(e.kind.short());
            }
        }
        words.join(", ")
    }

    /// The events at `version` in words, renumbering left out (reports name
    /// the numbers beside them): `strengthened B → V; retitled`.
    pub fn words_at(&self, version: usize) -> String {
        let words: Vec<&str> = self
            .events
            .iter()
            .filter(|e| e.version == version && e.kind != EventKind::Renumbered)
            .map(|e| e.words.as_str())
            .collect();
        words.join("; ")
    }

    /// Whether it changed in more than its number at `version`: what reports
    /// mark (a renumbering shows in the number itself).
    pub fn marked_at(&self, version: usize) -> bool {
        self.events
            .iter()
            .any(|e| e.version == version && e.kind != EventKind::Renumbered)
    }

    /// The version index it first appears in.
    pub fn first(&self) -> usize {
        self.measures.iter().position(Option::is_some).unwrap_or(0)
    }

    /// Its latest form: the measure in the last version it exists in.
    pub fn latest(&self) -> Option<&MeasureRef> {
        self.measures.iter().rev().find_map(Option::as_ref)
    }
}

/// Something that happened to a lineage when `version` came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The index of the version in which it is first seen.
    pub version: usize,
    pub kind: EventKind,
    /// The event in words, without the version: `strengthened B → V`,
    /// `renumbered 12 → 13`, `split off from 12`.
    pub words: String,
}

/// What can happen to a lineage between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// The lineage begins: a measure the previous version did not have.
    Added,
    /// The lineage begins as a piece split off another measure.
    SplitFrom,
    /// The lineage begins as a measure that merged several.
    MergedFrom,
    /// Its measure split; the lineage continues as one piece (or ends, when
    /// no piece continues it).
    Split,
    /// Other measures were merged into its measure.
    Merged,
    /// The lineage ends: its measure was merged into another.
    MergedInto,
    /// The lineage ends: its measure was removed.
    Removed,
    /// The status changed (B, V, N).
    Status,
    /// An uncertain status became certain (or the reverse): not a change of
    /// status, but worth knowing.
    Certainty,
    Renumbered,
    Moved,
    Retitled,
    Text,
}

impl EventKind {
    /// The word a table cell marks a change with.
    pub fn short(self) -> &'static str {
        match self {
            EventKind::Added => "added",
            EventKind::SplitFrom => "split off",
            EventKind::MergedFrom | EventKind::Merged | EventKind::MergedInto => "merged",
            EventKind::Split => "split",
            EventKind::Removed => "removed",
            EventKind::Status => "status",
            EventKind::Certainty => "certainty",
            EventKind::Renumbered => "renumbered",
            EventKind::Moved => "moved",
            EventKind::Retitled => "retitled",
            EventKind::Text => "text",
        }
    }

    /// The kind's name in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Added => "added",
            EventKind::SplitFrom => "split-from",
            EventKind::MergedFrom => "merged-from",
            EventKind::Split => "split",
            EventKind::Merged => "merged",
            EventKind::MergedInto => "merged-into",
            EventKind::Removed => "removed",
            EventKind::Status => "status",
            EventKind::Certainty => "certainty",
            EventKind::Renumbered => "renumbered",
            EventKind::Moved => "moved",
            EventKind::Retitled => "retitled",
            EventKind::Text => "text",
        }
    }
}

/// Why a series cannot be told.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error(
        "a history needs at least two versions, and {0} were given; name two or more programmes, or add versions to the store"
    )]
    TooFew(usize),
    #[error(
        "`{label}` is a summary page; a history follows measures, so name programmes only (compare a summary page with `policydiff diff`)"
    )]
    NotAProgramme { label: String },
    #[error(transparent)]
    Align(#[from] AlignError),
}

/// The history of `versions`, in the order given, each with its label.
/// Every pair of consecutive versions is aligned with no overrides.
pub fn build(versions: &[(String, &Snapshot)]) -> Result<History, HistoryError> {
    if versions.len() < 2 {
        return Err(HistoryError::TooFew(versions.len()));
    }
    if let Some((label, _)) = versions.iter().find(|(_, s)| s.kind != Kind::Programme) {
        return Err(HistoryError::NotAProgramme {
            label: label.clone(),
        });
    }
    let mut steps = Vec::with_capacity(versions.len() - 1);
    let mut alignments = Vec::with_capacity(versions.len() - 1);
    for w in versions.windows(2) {
        let (old, new) = (w[0].1, w[1].1);
        let (alignment, diff) = diff::align_and_compute(old, new, &Overrides::default())?;
        let story = Story::of(&diff, old, new);
        steps.push(Step { diff, story });
        alignments.push(alignment);
    }
    let snapshots: Vec<&Snapshot> = versions.iter().map(|(_, s)| *s).collect();
    let lineages = chain(&snapshots, &steps, &alignments);
    Ok(History {
        versions: versions
            .iter()
            .map(|(label, s)| HistoryVersion {
                label: label.clone(),
                info: VersionRef::of(s),
                counts: StatusTotals::of(s),
            })
            .collect(),
        steps,
        lineages,
    })
}

/// Chain the alignments into lineages.
fn chain(snapshots: &[&Snapshot], steps: &[Step], alignments: &[Alignment]) -> Vec<Lineage> {
    let versions = snapshots.len();
    let reference = |v: usize, i: usize| -> Option<MeasureRef> {
        snapshots[v].measures.get(i).map(|m| MeasureRef {
            number: m.number,
            title: m.title.clone(),
            theme: m.theme,
            section: m.section.clone(),
            status: m.status.clone(),
        })
    };
    let mut all: Vec<Lineage> = Vec::new();
    let start = |all: &mut Vec<Lineage>, v: usize, i: usize, event: Option<Event>| -> usize {
        let mut measures = vec![None; versions];
        measures[v] = reference(v, i);
        all.push(Lineage {
            measures,
            entries: vec![None; versions - 1],
            events: event.into_iter().collect(),
        });
        all.len() - 1
    };
    // For each measure of the current version, the lineage it belongs to.
    let mut current: Vec<usize> = (0..snapshots[0].measures.len())
        .map(|i| start(&mut all, 0, i, None))
        .collect();
    for (k, (step, alignment)) in steps.iter().zip(alignments).enumerate() {
        let v = k + 1;
        let (old, new) = (snapshots[k], snapshots[v]);
        let number_old = |i: usize| old.measures.get(i).map_or(0, |m| m.number);
        let number_new = |i: usize| new.measures.get(i).map_or(0, |m| m.number);
        // Each entry of the step's diff by its old and new numbers, looked
        // up once per link rather than searched for.
        let entries: std::collections::HashMap<(Vec<u32>, Vec<u32>), usize> = step
            .diff
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let numbers = |refs: &[MeasureRef]| refs.iter().map(|r| r.number).collect();
                ((numbers(&m.old), numbers(&m.new)), i)
            })
            .collect();
        let entry_of = |old_numbers: &[u32], new_numbers: &[u32]| {
            entries
                .get(&(old_numbers.to_vec(), new_numbers.to_vec()))
                .copied()
        };
        let event = |kind: EventKind, words: String| Event {
            version: v,
            kind,
            words,
        };
        let mut next: Vec<Option<usize>> = vec![None; new.measures.len()];
        let continue_as = |all: &mut Vec<Lineage>,
                           next: &mut [Option<usize>],
                           lineage: usize,
                           n: usize,
                           entry: Option<usize>| {
            let l = &mut all[lineage];
            l.measures[v] = reference(v, n);
            l.entries[k] = entry;
            if let Some(slot) = next.get_mut(n) {
                *slot = Some(lineage);
            }
        };
        for p in &alignment.pairs {
            let Some(&lineage) = current.get(p.old) else {
                continue;
            };
            let entry = entry_of(&[number_old(p.old)], &[number_new(p.new)]);
            if let Some(e) = entry {
                all[lineage]
                    .events
                    .extend(pair_events(&step.diff.measures[e], v));
            }
            continue_as(&mut all, &mut next, lineage, p.new, entry);
        }
        for s in &alignment.splits {
            let Some(&lineage) = current.get(s.old) else {
                continue;
            };
            let pieces: Vec<u32> = s.new.iter().map(|&n| number_new(n)).collect();
            let entry = entry_of(&[number_old(s.old)], &pieces);
            let list = join_numbers(&pieces);
            all[lineage]
                .events
                .push(event(EventKind::Split, format!("split into {list}")));
            match s.continued {
                Some(c) => continue_as(&mut all, &mut next, lineage, c, entry),
                None => all[lineage].entries[k] = entry,
            }
            for &n in s.new.iter().filter(|&&n| Some(n) != s.continued) {
                let words = format!("split off from {}", number_old(s.old));
                let l = start(&mut all, v, n, Some(event(EventKind::SplitFrom, words)));
                if let Some(slot) = next.get_mut(n) {
                    *slot = Some(l);
                }
            }
        }
        for m in &alignment.merges {
            let olds: Vec<u32> = m.old.iter().map(|&o| number_old(o)).collect();
            let entry = entry_of(&olds, &[number_new(m.new)]);
            let into = number_new(m.new);
            for &o in &m.old {
                let Some(&lineage) = current.get(o) else {
                    continue;
                };
                if Some(o) == m.continued {
                    let others: Vec<u32> = m
                        .old
                        .iter()
                        .filter(|&&x| x != o)
                        .map(|&x| number_old(x))
                        .collect();
                    all[lineage].events.push(event(
                        EventKind::Merged,
                        format!("merged with {} as {into}", join_numbers(&others)),
                    ));
                    continue_as(&mut all, &mut next, lineage, m.new, entry);
                } else {
                    let l = &mut all[lineage];
                    l.entries[k] = entry;
                    l.events
                        .push(event(EventKind::MergedInto, format!("merged into {into}")));
                }
            }
            if m.continued.is_none() {
                let words = format!("merged from {}", join_numbers(&olds));
                let l = start(
                    &mut all,
                    v,
                    m.new,
                    Some(event(EventKind::MergedFrom, words)),
                );
                if let Some(slot) = next.get_mut(m.new) {
                    *slot = Some(l);
                }
            }
        }
        for &o in &alignment.removed {
            let Some(&lineage) = current.get(o) else {
                continue;
            };
            let l = &mut all[lineage];
            l.entries[k] = entry_of(&[number_old(o)], &[]);
            l.events
                .push(event(EventKind::Removed, "removed".to_string()));
        }
        for &n in &alignment.added {
            let words = "added".to_string();
            let l = start(&mut all, v, n, Some(event(EventKind::Added, words)));
            all[l].entries[k] = entry_of(&[], &[number_new(n)]);
            if let Some(slot) = next.get_mut(n) {
                *slot = Some(l);
            }
        }
        // Every new measure belongs to a lineage; one the alignment left out
        // (it never does) would start its own rather than be lost.
        current = next
            .into_iter()
            .enumerate()
            .map(|(n, l)| l.unwrap_or_else(|| start(&mut all, v, n, None)))
            .collect();
    }
    let mut lineages = all;
    // Lineages are created in order of first appearance; within a version,
    // by number.
    lineages.sort_by_key(|l| {
        let first = l.first();
        (first, l.measures[first].as_ref().map_or(0, |m| m.number))
    });
    lineages
}

/// The events of a pair entry, in the order of the change classes.
fn pair_events(m: &diff::MeasureChange, version: usize) -> Vec<Event> {
    let (Some(a), Some(b)) = (m.old.first(), m.new.first()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |kind: EventKind, words: String| {
        out.push(Event {
            version,
            kind,
            words,
        });
    };
    for class in &m.classes {
        match class {
            ChangeClass::Status => {
                let words = match &m.status {
                    Some(s) if s.kind.is_change() => status_words(s),
                    // The status of an item changed.
                    _ => "an item's status changed".to_string(),
                };
                push(EventKind::Status, words);
            }
            ChangeClass::Renumbered => {
                push(
                    EventKind::Renumbered,
                    format!("renumbered {} → {}", a.number, b.number),
                );
            }
            ChangeClass::Moved => {
                let place = |r: &MeasureRef| match &r.section {
                    Some(s) => format!("theme {} ({s})", r.theme),
                    None => format!("theme {}", r.theme),
                };
                push(
                    EventKind::Moved,
                    format!("moved from {} to {}", place(a), place(b)),
                );
            }
            ChangeClass::Retitled => push(EventKind::Retitled, "retitled".to_string()),
            ChangeClass::Text => push(EventKind::Text, "text changed".to_string()),
            _ => {}
        }
    }
    if let Some(s) = &m.status {
        if matches!(
            s.kind,
            StatusChangeKind::Settled | StatusChangeKind::Unsettled | StatusChangeKind::Uncertain
        ) {
            push(EventKind::Certainty, status_words(s));
        }
    }
    out
}

/// `12`, `12 and 13`, `12, 13 and 14`.
fn join_numbers(numbers: &[u32]) -> String {
    let words: Vec<String> = numbers.iter().map(u32::to_string).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The lineage that holds measure `number` of version `version`.
pub fn find(history: &History, version: usize, number: u32) -> Option<&Lineage> {
    history.lineages.iter().find(|l| {
        l.measures
            .get(version)
            .and_then(Option::as_ref)
            .is_some_and(|m| m.number == number)
    })
}

#[cfg(test)]
mod tests {
    use super::join_numbers;

    #[test]
    fn numbers_are_joined_as_a_reader_writes_them() {
        assert_eq!(join_numbers(&[]), "");
        assert_eq!(join_numbers(&[12]), "12");
        assert_eq!(join_numbers(&[12, 13]), "12 and 13");
        assert_eq!(join_numbers(&[12, 13, 14]), "12, 13 and 14");
    }
}
