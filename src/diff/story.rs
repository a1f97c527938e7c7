//! What a report tells a reader, computed once from a [`Diff`] so that text,
//! Markdown, HTML and JSON tell the same story: the headline counts of
//! substantive changes, renumbering that changes nothing else collapsed into
//! ranges (`12–38 → 13–39`), the changed measures in reading order (status,
//! added/removed, split/merged, retitled, text, moved, then statuses that
//! only became more or less certain), the version's own changes (title, date,
//! publishers, notes) and one lead sentence a person can quote.

use super::{ChangeClass, Diff, MeasureChange, StatusChange, StatusChangeKind};
use crate::snapshot::Snapshot;
use crate::wording::count;

/// The story of one diff.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The sentence to quote: "3 measures changed in substance (1 added, 1
    /// strengthened B → V, 1 retitled); 27 only renumbered (12–38 → 13–39);
    /// 1 stale cross-reference."
    pub lead: String,
    /// Measures (entries of the diff) that changed in more than their number.
    pub substantive: usize,
    /// The substantive measures by what happened to them, in report order;
    /// each measure is counted once, under its first section.
    pub tally: Vec<Tally>,
    /// Measures that were only renumbered.
    pub renumbered_only: usize,
    /// Those renumberings as runs that moved together.
    pub shifts: Vec<Shift>,
    pub stale_references: usize,
    /// Differences in the version's own description.
    pub version: Vec<VersionChange>,
    /// Goals, groups, themes, footnotes and glossary entries that differ.
    pub other_parts: usize,
    /// The changed measures in reading order.
    pub sections: Vec<Section>,
}

/// One headline count: `1 strengthened B → V`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub count: usize,
    pub words: String,
}

/// A run of renumbered measures that moved by the same amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub old_first: u32,
    pub old_last: u32,
    pub new_first: u32,
    pub new_last: u32,
}

impl std::fmt::Display for Shift {
    /// `12 → 13` or `12–38 → 13–39`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.old_first == self.old_last {
            write!(f, "{} → {}", self.old_first, self.new_first)
        } else {
            write!(
                f,
                "{}–{} → {}–{}",
                self.old_first, self.old_last, self.new_first, self.new_last
            )
        }
    }
}

/// Renumberings as runs: consecutive old numbers that map to consecutive new
/// numbers. Never wraps at `u32::MAX`.
pub fn shifts(pairs: &[(u32, u32)]) -> Vec<Shift> {
    let mut pairs = pairs.to_vec();
    pairs.sort_unstable();
    let mut runs: Vec<Shift> = Vec::new();
    for (o, n) in pairs {
        match runs.last_mut() {
            Some(r)
                if r.old_last.checked_add(1) == Some(o) && r.new_last.checked_add(1) == Some(n) =>
            {
                r.old_last = o;
                r.new_last = n;
            }
            _ => runs.push(Shift {
                old_first: o,
                old_last: o,
                new_first: n,
                new_last: n,
            }),
        }
    }
    runs
}

/// A part of the version's description that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionChange {
    /// `title`, `date`, `publishers` or `notes`.
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What a section of the story is about, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SectionKind {
    Status,
    AddedRemoved,
    SplitMerged,
    Retitled,
    Text,
    Moved,
    /// A status that became known or uncertain: not a change, but a
    /// difference between the snapshots.
    Certainty,
}

impl SectionKind {
    pub fn heading(self) -> &'static str {
        match self {
            SectionKind::Status => "Status changes",
            SectionKind::AddedRemoved => "Added and removed",
            SectionKind::SplitMerged => "Split and merged",
            SectionKind::Retitled => "Retitled",
            SectionKind::Text => "Text changed",
            SectionKind::Moved => "Moved to another theme",
            SectionKind::Certainty => "Status more or less certain",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Status => "status",
            SectionKind::AddedRemoved => "added-removed",
            SectionKind::SplitMerged => "split-merged",
            SectionKind::Retitled => "retitled",
            SectionKind::Text => "text",
            SectionKind::Moved => "moved",
            SectionKind::Certainty => "certainty",
        }
    }
}

/// The measures of one section, as indexes into [`Diff::measures`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub entries: Vec<usize>,
}

/// Whether an entry is a renumbering and nothing else (no status difference
/// of any kind either).
pub fn renumbered_only(m: &MeasureChange) -> bool {
    m.classes == [ChangeClass::Renumbered] && m.status.is_none()
}

/// The section a changed entry is told in; `None` for unchanged entries and
/// pure renumberings.
pub fn section_of(m: &MeasureChange) -> Option<SectionKind> {
    let order = [
        (ChangeClass::Status, SectionKind::Status),
        (ChangeClass::Added, SectionKind::AddedRemoved),
        (ChangeClass::Removed, SectionKind::AddedRemoved),
        (ChangeClass::Split, SectionKind::SplitMerged),
        (ChangeClass::Merged, SectionKind::SplitMerged),
        (ChangeClass::Retitled, SectionKind::Retitled),
        (ChangeClass::Text, SectionKind::Text),
        (ChangeClass::Moved, SectionKind::Moved),
    ];
    if let Some((_, k)) = order.iter().find(|(c, _)| m.has(*c)) {
        return Some(*k);
    }
    // Unchanged or renumbered, with a status that only changed certainty.
    m.status.as_ref().map(|_| SectionKind::Certainty)
}

/// `strengthened B → V`, `settled ? → V`.
pub fn status_words(s: &StatusChange) -> String {
    let arrow = format!("{} → {}", s.old.short(), s.new.short());
    match (s.kind.is_change(), s.direction) {
        (true, Some(d)) => format!("{d} {arrow}"),
        _ => format!("status {} {arrow}", s.kind.as_str()),
    }
}

fn version_changes(old: &Snapshot, new: &Snapshot) -> Vec<VersionChange> {
    let mut out = Vec::new();
    let mut field = |field: &'static str, a: Option<String>, b: Option<String>| {
        if a != b {
            out.push(VersionChange {
                field,
                old: a,
                new: b,
            });
        }
    };
    let text = |t: &str| (!t.trim().is_empty()).then(|| t.to_string());
    field("title", text(&old.title), text(&new.title));
    field("date", old.date.clone(), new.date.clone());
    let list = |v: &[String]| (!v.is_empty()).then(|| v.join(" · "));
    field("publishers", list(&old.publishers), list(&new.publishers));
    field("notes", list(&old.notes), list(&new.notes));
    out
}

impl Story {
    /// The story of `diff`, computed from `old` and `new` (the snapshots the
    /// diff was made of, for the version's description).
    pub fn of(diff: &Diff, old: &Snapshot, new: &Snapshot) -> Story {
        let mut sections: Vec<Section> = Vec::new();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut tally: Vec<Tally> = Vec::new();
        let mut add_tally = |words: String| match tally.iter_mut().find(|t| t.words == words) {
            Some(t) => t.count += 1,
            None => tally.push(Tally { count: 1, words }),
        };
        let mut by_kind: Vec<(SectionKind, Vec<usize>)> = Vec::new();
        for (i, m) in diff.measures.iter().enumerate() {
            if !m.is_change() && m.status.is_none() {
                continue;
            }
            if renumbered_only(m) {
                if let (Some(a), Some(b)) = (m.old.first(), m.new.first()) {
                    pairs.push((a.number, b.number));
                }
                continue;
            }
            let Some(kind) = section_of(m) else { continue };
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, v)) => v.push(i),
                None => by_kind.push((kind, vec![i])),
            }
        }
        by_kind.sort_by_key(|(k, _)| *k);
        // Tallies in section order, so the lead reads like the report.
        let mut substantive = 0;
        for (kind, entries) in &by_kind {
            for &i in entries {
                let m = &diff.measures[i];
                let words = match kind {
                    SectionKind::Status | SectionKind::Certainty => {
                        m.status.as_ref().map(status_words).unwrap_or_default()
                    }
                    SectionKind::AddedRemoved if m.has(ChangeClass::Added) => "added".into(),
                    SectionKind::AddedRemoved => "removed".into(),
                    SectionKind::SplitMerged if m.has(ChangeClass::Split) => "split".into(),
                    SectionKind::SplitMerged => "merged".into(),
                    SectionKind::Retitled => "retitled".into(),
                    SectionKind::Text => "text changed".into(),
                    SectionKind::Moved => "moved to another theme".into(),
                };
                if *kind != SectionKind::Certainty {
                    substantive += 1;
                    add_tally(words);
                }
            }
            sections.push(Section {
                kind: *kind,
                entries: entries.clone(),
            });
        }
        let renumbered = pairs.len();
        let shifts = shifts(&pairs);
        // A summary page has no publishers or notes of its own: between
        // kinds, the version descriptions are not compared.
        let version = if old.kind == new.kind {
            version_changes(old, new)
        } else {
            Vec::new()
        };
        let c = diff.counts();
        let other_parts = c.goals + c.groups + c.themes + c.footnotes + c.glossary;
        let mut story = Story {
            lead: String::new(),
            substantive,
            tally,
            renumbered_only: renumbered,
            shifts,
            stale_references: diff.stale_references.len(),
            version,
            other_parts,
            sections,
        };
        story.lead = story.lead_sentence(diff);
        story
    }

    /// Whether there is anything at all to tell.
    pub fn is_empty(&self) -> bool {
        self.substantive == 0
            && self.renumbered_only == 0
            && self.stale_references == 0
            && self.version.is_empty()
            && self.other_parts == 0
            && self.sections.is_empty()
    }

    /// The renumbering runs as one phrase: `12–38 → 13–39, 40 → 42`.
    pub fn shift_words(&self) -> String {
        let s: Vec<String> = self.shifts.iter().map(Shift::to_string).collect();
        s.join(", ")
    }

    fn lead_sentence(&self, diff: &Diff) -> String {
        if self.is_empty() {
            return "No differences.".to_string();
        }
        let mut clauses: Vec<String> = Vec::new();
        let what = if diff.comparison == super::Comparison::Programmes {
            ("measure", "measures")
        } else {
            ("group", "groups")
        };
        if self.substantive > 0 {
            let t: Vec<String> = self
                .tally
                .iter()
                .map(|t| format!("{} {}", t.count, t.words))
                .collect();
            clauses.push(format!(
                "{} changed in substance ({})",
                count(self.substantive, what.0, what.1),
                t.join(", ")
            ));
        } else if diff.comparison == super::Comparison::Programmes {
            clauses.push("no measure changed in substance".to_string());
        }
        if self.renumbered_only > 0 {
            clauses.push(format!(
                "{} only renumbered ({})",
                self.renumbered_only,
                self.shift_words()
            ));
        }
        // Statuses that only changed certainty, by how.
        let mut by_kind: Vec<(StatusChangeKind, usize)> = Vec::new();
        for s in self
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Certainty)
        {
            for m in s.entries.iter().filter_map(|&i| diff.measures.get(i)) {
                if let Some(st) = &m.status {
                    match by_kind.iter_mut().find(|(k, _)| *k == st.kind) {
                        Some((_, n)) => *n += 1,
                        None => by_kind.push((st.kind, 1)),
                    }
                }
            }
        }
        by_kind.sort();
        for (kind, n) in by_kind {
            clauses.push(match kind {
                StatusChangeKind::Settled => count(
                    n,
                    "status settled (uncertain before)",
                    "statuses settled (uncertain before)",
                ),
                StatusChangeKind::Unsettled => count(
                    n,
                    "status now uncertain (settled before)",
                    "statuses now uncertain (settled before)",
                ),
                _ => count(
                    n,
                    "uncertain status with other candidates",
                    "uncertain statuses with other candidates",
                ),
            });
        }
        if self.stale_references > 0 {
            clauses.push(count(
                self.stale_references,
                "stale cross-reference",
                "stale cross-references",
            ));
        }
        let c = diff.counts();
        for (n, one, many) in [
            (c.goals, "goal differs", "goals differ"),
            (c.groups, "group differs", "groups differ"),
            (c.themes, "theme differs", "themes differ"),
            (c.footnotes, "footnote differs", "footnotes differ"),
            (
                c.glossary,
                "glossary entry differs",
                "glossary entries differ",
            ),
        ] {
            if n > 0 {
                clauses.push(count(n, one, many));
            }
        }
        if !self.version.is_empty() {
            let f: Vec<&str> = self.version.iter().map(|v| v.field).collect();
            let fields = match f.split_last() {
                Some((last, [])) => last.to_string(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            clauses.push(format!("the version's {fields} changed"));
        }
        let mut s = clauses.join("; ");
        if let Some(first) = s.get(..1) {
            let up = first.to_uppercase();
            s.replace_range(..1, &up);
        }
        s.push('.');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_renumberings_collapse_into_one_range() {
        let s = shifts(&[(13, 14), (12, 13), (14, 15), (20, 22)]);
        let words: Vec<String> = s.iter().map(Shift::to_string).collect();
        assert_eq!(words, ["12–14 → 13–15", "20 → 22"]);
    }

    #[test]
    fn a_range_never_wraps_around_the_largest_number() {
        let s = shifts(&[(u32::MAX, 0), (0, 1)]);
        let words: Vec<String> = s.iter().map(Shift::to_string).collect();
        assert_eq!(words, ["0 → 1", "4294967295 → 0"]);
    }
}
