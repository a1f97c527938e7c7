//! The JSON report of `diff`: dedicated view types with a documented,
//! versioned shape (`docs/diff-format.md`), so that the internal model can
//! change without breaking `jq` scripts and CI thresholds.

use super::{WordsView, to_json};
use crate::align::PairedBy;
use crate::diff::{
    Counts, Diff, EntryChange, GroupChange, ItemChange, MeasureChange, MeasureRef, StaleReference,
    StatusChange, Story, ThemeChange, VersionRef,
};
use crate::snapshot::StatusRecord;
use serde::Serialize;

/// The `format` value of the report.
pub const FORMAT: &str = "policydiff-diff/2";

/// Round a figure to three decimals, so that output is stable across
/// platforms and readable.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Debug, Serialize)]
struct DiffView<'a> {
    format: &'static str,
    old: VersionView<'a>,
    new: VersionView<'a>,
    comparison: &'static str,
    differences: bool,
    counts: Counts,
    /// What the human formats lead with (see `crate::diff::story`).
    story: StoryView<'a>,
    /// Viewed one at a time as they are written: the longest list.
    measures: super::Each<'a, MeasureChange, MeasureView<'a>>,
    stale_references: Vec<StaleView<'a>>,
    goals: Vec<EntryView<'a>>,
    groups: Vec<GroupView<'a>>,
    themes: Vec<ThemeView<'a>>,
    footnotes: Vec<EntryView<'a>>,
    glossary: Vec<EntryView<'a>>,
}

/// The story, in the documented shape (`docs/diff-format.md#story`).
#[derive(Debug, Serialize)]
struct StoryView<'a> {
    lead: &'a str,
    substantive: usize,
    tally: Vec<TallyView<'a>>,
    renumbered_only: usize,
    shifts: Vec<ShiftView>,
    stale_references: usize,
    version: Vec<VersionChangeView<'a>>,
    other_parts: usize,
    sections: Vec<SectionView<'a>>,
}

#[derive(Debug, Serialize)]
struct TallyView<'a> {
    count: usize,
    words: &'a str,
}

#[derive(Debug, Serialize)]
struct ShiftView {
    old_first: u32,
    old_last: u32,
    new_first: u32,
    new_last: u32,
}

#[derive(Debug, Serialize)]
struct VersionChangeView<'a> {
    field: &'static str,
    old: Option<&'a str>,
    new: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct SectionView<'a> {
    kind: &'static str,
    entries: &'a [usize],
}

impl<'a> StoryView<'a> {
    fn of(s: &'a Story) -> Self {
        StoryView {
            lead: &s.lead,
            substantive: s.substantive,
            tally: s
                .tally
                .iter()
                .map(|t| TallyView {
                    count: t.count,
                    words: &t.words,
                })
                .collect(),
            renumbered_only: s.renumbered_only,
            shifts: s
                .shifts
                .iter()
                .map(|r| ShiftView {
                    old_first: r.old_first,
                    old_last: r.old_last,
                    new_first: r.new_first,
                    new_last: r.new_last,
                })
                .collect(),
            stale_references: s.stale_references,
            version: s
                .version
                .iter()
                .map(|v| VersionChangeView {
                    field: v.field,
                    old: v.old.as_deref(),
                    new: v.new.as_deref(),
                })
                .collect(),
            other_parts: s.other_parts,
            sections: s
                .sections
                .iter()
                .map(|x| SectionView {
                    kind: x.kind.as_str(),
                    entries: &x.entries,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct VersionView<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    date: Option<&'a str>,
}

impl<'a> VersionView<'a> {
    fn of(v: &'a VersionRef) -> Self {
        VersionView {
            id: &v.id,
            kind: v.kind.as_str(),
            title: &v.title,
            date: v.date.as_deref(),
        }
    }
}

#[derive(Debug, Serialize)]
struct MeasureView<'a> {
    old: Vec<MeasureRefView<'a>>,
    new: Vec<MeasureRefView<'a>>,
    classes: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paired_by: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<StatusView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead_in: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    items: Vec<ItemView<'a>>,
}

#[derive(Debug, Serialize)]
struct MeasureRefView<'a> {
    number: u32,
    title: &'a str,
    theme: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    status: String,
}

impl<'a> MeasureRefView<'a> {
    fn of(r: &'a MeasureRef) -> Self {
        MeasureRefView {
            number: r.number,
            title: &r.title,
            theme: r.theme,
            section: r.section.as_deref(),
            status: r.status.short(),
        }
    }
}

#[derive(Debug, Serialize)]
struct StatusView<'a> {
    kind: &'static str,
    change: bool,
    old: StatusSide<'a>,
    new: StatusSide<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct StatusSide<'a> {
    value: Option<char>,
    certainty: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    candidates: Vec<char>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> StatusSide<'a> {
    fn of(r: &'a StatusRecord) -> Self {
        StatusSide {
            value: r.value.map(|s| s.letter()),
            certainty: r.certainty.as_str(),
            candidates: r.candidates.iter().map(|s| s.letter()).collect(),
            note: r.note.as_deref(),
        }
    }
}

impl<'a> StatusView<'a> {
    fn of(s: &'a StatusChange) -> Self {
        StatusView {
            kind: s.kind.as_str(),
            change: s.kind.is_change(),
            old: StatusSide::of(&s.old),
            new: StatusSide::of(&s.new),
            direction: s.direction,
        }
    }
}

#[derive(Debug, Serialize)]
struct ItemView<'a> {
    kind: crate::diff::ItemChangeKind,
    old_label: Option<&'a str>,
    new_label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<StatusView<'a>>,
}

impl<'a> ItemView<'a> {
    fn of(i: &'a ItemChange) -> Self {
        // The texts are in `words` when there is a word diff.
        let plain = i.words.is_none();
        ItemView {
            kind: i.kind,
            old_label: i.old_label.as_deref(),
            new_label: i.new_label.as_deref(),
            similarity: i.similarity.map(round),
            // A relabelled item's text is the same on both sides: once is enough.
            old_text: if plain && i.kind != crate::diff::ItemChangeKind::Relabelled {
                i.old_text.as_deref()
            } else {
                None
            },
            new_text: if plain { i.new_text.as_deref() } else { None },
            words: i.words.as_ref().map(WordsView::of),
            status: i.status.as_ref().map(StatusView::of),
        }
    }
}

impl<'a> MeasureView<'a> {
    fn of(m: &'a MeasureChange) -> Self {
        MeasureView {
            old: m.old.iter().map(MeasureRefView::of).collect(),
            new: m.new.iter().map(MeasureRefView::of).collect(),
            classes: m.classes.iter().map(|c| c.as_str()).collect(),
            paired_by: m.paired_by.map(|b| match b {
                PairedBy::Content => "content",
                PairedBy::Override => "override",
            }),
            confidence: m.confidence.map(round),
            similarity: m.similarity.map(round),
            status: m.status.as_ref().map(StatusView::of),
            title: m.title.as_ref().map(WordsView::of),
            lead_in: m.lead_in.as_ref().map(WordsView::of),
            body: m.body.as_ref().map(WordsView::of),
            items: m.items.iter().map(ItemView::of).collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct StaleView<'a> {
    measure: u32,
    item: Option<&'a str>,
    phrase: &'a str,
    says: u32,
    should_say: Option<u32>,
    target: crate::diff::StaleTarget,
    targets: Vec<StaleNameView<'a>>,
}

/// One stale measure a phrase names.
#[derive(Debug, Serialize)]
struct StaleNameView<'a> {
    says: u32,
    says_item: Option<&'a str>,
    should_say: Option<u32>,
    should_say_item: Option<&'a str>,
    target: crate::diff::StaleTarget,
}

impl<'a> StaleView<'a> {
    fn of(s: &'a StaleReference) -> Self {
        StaleView {
            measure: s.measure,
            item: s.item.as_deref(),
            phrase: &s.phrase,
            says: s.says,
            should_say: s.should_say,
            target: s.target,
            targets: s
                .targets
                .iter()
                .map(|n| StaleNameView {
                    says: n.says,
                    says_item: n.item.as_deref(),
                    should_say: n.should_say,
                    should_say_item: n.should_say_item.as_deref(),
                    target: n.target,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct EntryView<'a> {
    kind: crate::diff::EntryChangeKind,
    old_key: Option<&'a str>,
    new_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<WordsView<'a>>,
}

impl<'a> EntryView<'a> {
    fn of(e: &'a EntryChange) -> Self {
        let plain = e.words.is_none();
        EntryView {
            kind: e.kind,
            old_key: e.old_key.as_deref(),
            new_key: e.new_key.as_deref(),
            old_text: if plain { e.old_text.as_deref() } else { None },
            new_text: if plain { e.new_text.as_deref() } else { None },
            words: e.words.as_ref().map(WordsView::of),
        }
    }
}

#[derive(Debug, Serialize)]
struct GroupView<'a> {
    kind: crate::diff::EntryChangeKind,
    old_number: Option<u32>,
    new_number: Option<u32>,
    old_title: Option<&'a str>,
    new_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<EntryView<'a>>,
}

impl<'a> GroupView<'a> {
    fn of(g: &'a GroupChange) -> Self {
        GroupView {
            kind: g.kind,
            old_number: g.old_number,
            new_number: g.new_number,
            old_title: g.old_title.as_deref(),
            new_title: g.new_title.as_deref(),
            title: g.title.as_ref().map(WordsView::of),
            text: g.text.as_ref().map(WordsView::of),
            parts: g.parts.iter().map(EntryView::of).collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct ThemeView<'a> {
    kind: crate::diff::EntryChangeKind,
    number: u32,
    old_number: Option<u32>,
    new_number: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    swapped_with: Option<u32>,
    old_title: Option<&'a str>,
    new_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<WordsView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aims: Vec<EntryView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sections: Vec<EntryView<'a>>,
}

impl<'a> ThemeView<'a> {
    fn of(t: &'a ThemeChange) -> Self {
        ThemeView {
            kind: t.kind,
            number: t.number,
            old_number: t.old_number,
            new_number: t.new_number,
            swapped_with: t.swapped_with,
            old_title: t.old_title.as_deref(),
            new_title: t.new_title.as_deref(),
            title: t.title.as_ref().map(WordsView::of),
            aims: t.aims.iter().map(EntryView::of).collect(),
            sections: t.sections.iter().map(EntryView::of).collect(),
        }
    }
}

/// The diff as pretty-printed JSON with a trailing newline.
pub fn render(diff: &Diff, story: &Story) -> String {
    to_json(&view(diff, story))
}

/// [`render`], written to `w` as it is serialised.
pub fn write(w: &mut dyn std::io::Write, diff: &Diff, story: &Story) -> std::io::Result<()> {
    super::write_json(w, &view(diff, story))
}

fn view<'a>(diff: &'a Diff, story: &'a Story) -> DiffView<'a> {
    DiffView {
        format: FORMAT,
        old: VersionView::of(&diff.old),
        new: VersionView::of(&diff.new),
        comparison: diff.comparison.as_str(),
        differences: !story.is_empty(),
        counts: diff.counts(),
        story: StoryView::of(story),
        measures: super::Each(&diff.measures, MeasureView::of),
        stale_references: diff.stale_references.iter().map(StaleView::of).collect(),
        goals: diff.goals.iter().map(EntryView::of).collect(),
        groups: diff.groups.iter().map(GroupView::of).collect(),
        themes: diff.themes.iter().map(ThemeView::of).collect(),
        footnotes: diff.footnotes.iter().map(EntryView::of).collect(),
        glossary: diff.glossary.iter().map(EntryView::of).collect(),
    }
}
