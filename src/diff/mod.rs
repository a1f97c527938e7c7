//! The computed difference of two versions: a plain public data structure
//! that every renderer (text, JSON, Markdown, HTML) consumes.
//!
//! [`compute`] takes two snapshots and their [`Alignment`]; it decides the
//! change classes of each measure, word-level differences, item alignment,
//! stale cross-references and the differences in the programme's other parts
//! (goals, groups, themes, footnotes, glossary). A programme compared with a
//! summary page is compared at group level only.

mod measures;
mod parts;
mod references;
pub mod status;
pub mod story;
pub mod words;

pub use status::{StatusChange, StatusChangeKind};
pub use story::Story;
pub use words::{Segment, SegmentTag, WordDiff};

use crate::align::{Alignment, PairedBy};
use crate::snapshot::{Kind, Measure, Snapshot, StatusRecord};
use serde::Serialize;

/// Everything that differs between two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub old: VersionRef,
    pub new: VersionRef,
    pub comparison: Comparison,
    /// One entry per pair (unchanged pairs included), added, removed, split
    /// and merged measure, ordered by new number (removed ones by their old
    /// number, after the entries with that new number).
    pub measures: Vec<MeasureChange>,
    /// Cross-references in the new version that still name an old number.
    pub stale_references: Vec<StaleReference>,
    pub goals: Vec<EntryChange>,
    pub groups: Vec<GroupChange>,
    pub themes: Vec<ThemeChange>,
    /// Keyed by footnote number.
    pub footnotes: Vec<EntryChange>,
    /// Keyed by term; the text is the definition.
    pub glossary: Vec<EntryChange>,
}

/// Which version a side is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRef {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub date: Option<String>,
}

impl VersionRef {
    pub fn of(s: &Snapshot) -> VersionRef {
        VersionRef {
            id: s.id.clone(),
            kind: s.kind,
            title: s.title.clone(),
            date: s.date.clone(),
        }
    }
}

/// What was compared with what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// Two programmes: measures and every other part.
    Programmes,
    /// A programme and a summary page (either order): groups and goals only.
    ProgrammeSummary,
    /// Two summary pages: groups and goals.
    Summaries,
}

impl Comparison {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Programmes => "programmes",
            Comparison::ProgrammeSummary => "programme-summary",
            Comparison::Summaries => "summaries",
        }
    }
}

/// The change classes of a measure; several may apply to one pair. The order
/// here is the order in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeClass {
    Added,
    Removed,
    Split,
    Merged,
    Status,
    Renumbered,
    Moved,
    Retitled,
    Text,
    Unchanged,
}

impl ChangeClass {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::Added => "added",
            ChangeClass::Removed => "removed",
            ChangeClass::Split => "split",
            ChangeClass::Merged => "merged",
            ChangeClass::Status => "status",
            ChangeClass::Renumbered => "renumbered",
            ChangeClass::Moved => "moved",
            ChangeClass::Retitled => "retitled",
            ChangeClass::Text => "text",
            ChangeClass::Unchanged => "unchanged",
        }
    }
}

/// A measure as one side has it, for reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureRef {
    pub number: u32,
    pub title: String,
    pub theme: u32,
    pub section: Option<String>,
    pub status: StatusRecord,
}

/// One measure's fate: a pair (one old, one new), added (no old), removed (no
/// new), split (one old, several new) or merged (several old, one new).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureChange {
    pub old: Vec<MeasureRef>,
    pub new: Vec<MeasureRef>,
    /// Sorted, never empty: `unchanged` alone for an unchanged pair.
    pub classes: Vec<ChangeClass>,
    /// For pairs: what made the pair.
    pub paired_by: Option<PairedBy>,
    /// For pairs: how sure the pairing is (0..=1); for splits and merges: how
    /// much of the content the pieces account for; absent for added/removed.
    pub confidence: Option<f64>,
    /// For pairs: word similarity of the whole measure (title, lead-in, body,
    /// items), 0..=1.
    pub similarity: Option<f64>,
    /// For pairs whose status differs or is uncertain on one side.
    pub status: Option<StatusChange>,
    /// For retitled pairs.
    pub title: Option<WordDiff>,
    /// For pairs whose lead-in differs (a missing lead-in reads as empty).
    pub lead_in: Option<WordDiff>,
    /// For pairs whose body differs.
    pub body: Option<WordDiff>,
    /// For pairs: the items that differ, in new order (see [`ItemChange`]).
    pub items: Vec<ItemChange>,
}

impl MeasureChange {
    /// The measure an added or removed entry stands for, from the snapshot
    /// of the side it is on (`None` for pairs, splits and merges).
    pub fn lone_measure<'s>(&self, old: &'s Snapshot, new: &'s Snapshot) -> Option<&'s Measure> {
        match (self.old.as_slice(), self.new.as_slice()) {
            ([], [r]) => new.measure(r.number),
            ([r], []) => old.measure(r.number),
            _ => None,
        }
    }

    pub fn has(&self, class: ChangeClass) -> bool {
        self.classes.contains(&class)
    }

    /// Whether this entry is a difference at all.
    pub fn is_change(&self) -> bool {
        !self.has(ChangeClass::Unchanged)
    }
}

/// An item of a paired measure that differs. Sub-items follow their parent.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemChange {
    /// Label path in the old measure: `b`, or `b.ii` for a sub-item.
    pub old_label: Option<String>,
    pub new_label: Option<String>,
    pub kind: ItemChangeKind,
    /// For pairs of items: word similarity, 0..=1.
    pub similarity: Option<f64>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    /// For changed items.
    pub words: Option<WordDiff>,
    /// When the item's own status mark differs.
    pub status: Option<StatusChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemChangeKind {
    Added,
    Removed,
    /// The text differs.
    Changed,
    /// Same text under another label (an item was inserted or removed before
    /// it): not a text change.
    Relabelled,
    /// Same text and label; listed because its status or a sub-item differs.
    Unchanged,
}

/// An entry of a keyed list (goal, footnote, glossary entry, aim line, group
/// part, theme section) that differs.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryChange {
    pub kind: EntryChangeKind,
    /// The entry's key in old: position (goals, aims, parts), number
    /// (footnotes), term (glossary) or title (sections).
    pub old_key: Option<String>,
    pub new_key: Option<String>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    /// For changed entries.
    pub words: Option<WordDiff>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryChangeKind {
    Added,
    Removed,
    Changed,
    /// Same text under another key (a renumbered footnote).
    Rekeyed,
    /// A theme paired by content whose number changed (its heading, aims or
    /// sections may differ too: see [`ThemeChange`]).
    Renumbered,
    /// A section paired by content whose title changed (`words` when its
    /// aims changed too).
    Renamed,
}

/// A group of the overview (or summary page) that differs.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupChange {
    pub kind: EntryChangeKind,
    pub old_number: Option<u32>,
    pub new_number: Option<u32>,
    pub old_title: Option<String>,
    pub new_title: Option<String>,
    /// When the titles differ.
    pub title: Option<WordDiff>,
    /// When the texts differ.
    pub text: Option<WordDiff>,
    pub parts: Vec<EntryChange>,
}

/// A theme whose number, heading, aims or sections differ. Themes are
/// paired by content (heading, aims and the measures they hold), so a theme
/// that changed number is `renumbered`, not removed and added.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeChange {
    pub kind: EntryChangeKind,
    /// The new number, or the old one for a removed theme.
    pub number: u32,
    pub old_number: Option<u32>,
    pub new_number: Option<u32>,
    /// When two themes traded numbers: the old number of the other theme
    /// (which now has this one's old number).
    pub swapped_with: Option<u32>,
    pub old_title: Option<String>,
    pub new_title: Option<String>,
    pub title: Option<WordDiff>,
    pub aims: Vec<EntryChange>,
    /// Keyed by section title; the text is the section's aims. Sections are
    /// paired by content too: a renamed one is `renamed`.
    pub sections: Vec<EntryChange>,
}

/// A cross-reference whose text still names the number its target had in the
/// old version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleReference {
    /// The new measure the reference stands in.
    pub measure: u32,
    /// The item it stands in (`a`, `b.ii`), if not in the title or body.
    pub item: Option<String>,
    pub phrase: String,
    /// The number the text says.
    pub says: u32,
    /// The number it should say, where the target has one successor.
    pub should_say: Option<u32>,
    pub target: StaleTarget,
    /// Every stale measure the phrase names, in its order ("maatregelen 30
    /// en 31" can name two); `says`, `should_say` and `target` are the
    /// first's.
    pub targets: Vec<StaleName>,
}

/// One measure a stale phrase names by its old number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleName {
    /// The number the text says.
    pub says: u32,
    /// The item of it the phrase names (`a` in "maatregel 30a"), if any.
    pub item: Option<String>,
    /// The number it should say, where the target has one successor.
    pub should_say: Option<u32>,
    /// The item label it should say: `item`, or the label the item has now
    /// where the items of its measure were reordered.
    pub should_say_item: Option<String>,
    pub target: StaleTarget,
}

/// What became of the measure a stale reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StaleTarget {
    Renumbered,
    Merged,
    Split,
    Removed,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Pairs compared (changed or not).
    pub paired: usize,
    pub unchanged: usize,
    pub added: usize,
    pub removed: usize,
    pub split: usize,
    pub merged: usize,
    pub status: usize,
    pub renumbered: usize,
    pub moved: usize,
    pub retitled: usize,
    pub text: usize,
    pub stale_references: usize,
    /// Goals that differ.
    pub goals: usize,
    /// Groups that differ.
    pub groups: usize,
    /// Themes whose heading, aims or sections differ.
    pub themes: usize,
    /// Footnotes that differ.
    pub footnotes: usize,
    /// Glossary entries that differ.
    pub glossary: usize,
}

impl Diff {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for m in &self.measures {
            if m.old.len() == 1 && m.new.len() == 1 {
                c.paired += 1;
            }
            for class in &m.classes {
                let slot = match class {
                    ChangeClass::Added => &mut c.added,
                    ChangeClass::Removed => &mut c.removed,
                    ChangeClass::Split => &mut c.split,
                    ChangeClass::Merged => &mut c.merged,
                    ChangeClass::Status => &mut c.status,
                    ChangeClass::Renumbered => &mut c.renumbered,
                    ChangeClass::Moved => &mut c.moved,
                    ChangeClass::Retitled => &mut c.retitled,
                    ChangeClass::Text => &mut c.text,
                    ChangeClass::Unchanged => &mut c.unchanged,
                };
                *slot += 1;
            }
        }
        c.stale_references = self.stale_references.len();
        c.goals = self.goals.len();
        c.groups = self.groups.len();
        c.themes = self.themes.len();
        c.footnotes = self.footnotes.len();
        c.glossary = self.glossary.len();
        c
    }

    /// No differences at all (unchanged pairs are not differences).
    pub fn is_empty(&self) -> bool {
        self.measures.iter().all(|m| !m.is_change())
            && self.stale_references.is_empty()
            && self.goals.is_empty()
            && self.groups.is_empty()
            && self.themes.is_empty()
            && self.footnotes.is_empty()
            && self.glossary.is_empty()
    }

    /// The stale references that stand in this entry's new measure(s).
    pub fn stale_in<'a>(
        &'a self,
        m: &'a MeasureChange,
    ) -> impl Iterator<Item = &'a StaleReference> + 'a {
        self.stale_references
            .iter()
            .filter(move |s| m.new.iter().any(|r| r.number == s.measure))
    }

    /// The measures that differ.
    pub fn changed_measures(&self) -> impl Iterator<Item = &MeasureChange> {
        self.measures.iter().filter(|m| m.is_change())
    }

    /// This diff narrowed to what `filter` asks for. Filters select measures
    /// (and the stale references standing in them); the other parts are kept
    /// only when no filter is set.
    /// Without a filter, the diff itself (no copy).
    pub fn filtered(&self, filter: &Filter) -> std::borrow::Cow<'_, Diff> {
        if filter.is_empty() {
            return std::borrow::Cow::Borrowed(self);
        }
        let keep = |m: &MeasureChange| {
            let class_ok =
                filter.only.is_empty() || m.classes.iter().any(|c| filter.only.contains(c));
            let theme_ok = filter
                .theme
                .is_none_or(|t| m.old.iter().chain(&m.new).any(|r| r.theme == t));
            class_ok && theme_ok
        };
        let measures: Vec<MeasureChange> =
            self.measures.iter().filter(|m| keep(m)).cloned().collect();
        let kept_new: Vec<u32> = measures
            .iter()
            .flat_map(|m| m.new.iter().map(|r| r.number))
            .collect();
        std::borrow::Cow::Owned(Diff {
            old: self.old.clone(),
            new: self.new.clone(),
            comparison: self.comparison,
            stale_references: self
                .stale_references
                .iter()
                .filter(|s| kept_new.contains(&s.measure))
                .cloned()
                .collect(),
            measures,
            goals: Vec::new(),
            groups: Vec::new(),
            themes: Vec::new(),
            footnotes: Vec::new(),
            glossary: Vec::new(),
        })
    }
}

/// Which measures a report keeps (`--only`, `--theme`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep measures with any of these classes; empty keeps all.
    pub only: Vec<ChangeClass>,
    /// Keep measures in this theme on either side.
    pub theme: Option<u32>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.only.is_empty() && self.theme.is_none()
    }
}

/// Align two snapshots and compare them: what `diff`, `history` and the git
/// driver run. The item vocabulary (which comparing reworded items needs) is
/// counted from the words the alignment reads
/// ([`crate::align::align_counting_items`]) instead of reading every text
/// again; the result is [`compute`]'s.
pub fn align_and_compute(
    old: &Snapshot,
    new: &Snapshot,
    overrides: &crate::align::Overrides,
) -> Result<(Alignment, Diff), crate::align::AlignError> {
    let (alignment, vocabulary) = crate::align::align_counting_items(old, new, overrides)?;
    let programmes = old.kind == Kind::Programme && new.kind == Kind::Programme;
    let vocabulary = programmes.then_some(vocabulary);
    let diff = compute_with(old, new, &alignment, vocabulary);
    Ok((alignment, diff))
}

/// Compare two snapshots whose measures have been aligned.
pub fn compute(old: &Snapshot, new: &Snapshot, alignment: &Alignment) -> Diff {
    compute_with(old, new, alignment, None)
}

/// [`compute`], with the item vocabulary when it was counted already.
fn compute_with(
    old: &Snapshot,
    new: &Snapshot,
    alignment: &Alignment,
    vocabulary: Option<crate::align::ItemVocabulary>,
) -> Diff {
    let comparison = match (old.kind, new.kind) {
        (Kind::Programme, Kind::Programme) => Comparison::Programmes,
        (Kind::Summary, Kind::Summary) => Comparison::Summaries,
        _ => Comparison::ProgrammeSummary,
    };
    let mut diff = Diff {
        old: VersionRef::of(old),
        new: VersionRef::of(new),
        comparison,
        measures: Vec::new(),
        stale_references: Vec::new(),
        goals: parts::goals(&old.goals, &new.goals),
        groups: parts::groups(
            &old.groups,
            &new.groups,
            comparison == Comparison::ProgrammeSummary,
        ),
        themes: Vec::new(),
        footnotes: Vec::new(),
        glossary: Vec::new(),
    };
    if comparison == Comparison::Programmes {
        let structure = crate::align::structure::align_structure(old, new, alignment);
        diff.measures = measures::measures(old, new, alignment, &structure, vocabulary);
        diff.stale_references = references::stale(old, new, alignment);
        diff.themes = parts::themes(&old.themes, &new.themes, &structure);
        diff.footnotes = parts::footnotes(&old.footnotes, &new.footnotes);
        diff.glossary = parts::glossary(old.glossary.as_ref(), new.glossary.as_ref());
    }
    diff
}
