//! The JSON report of `history` (`docs/history-format.md`): the versions,
//! each step's headline, and every lineage with one entry per version
//! (`null` where it does not exist) and its events, so that `jq` can ask
//! "which lineages changed status":
//! `jq '.lineages[] | select(any(.events[]; .kind == "status"))'`.

use super::to_json;
use crate::diff::Counts;
use crate::history::{History, StatusTotals};
use serde::Serialize;

/// The `format` value of the report.
pub const FORMAT: &str = "policydiff-history/1";

#[derive(Debug, Serialize)]
struct HistoryView<'a> {
    format: &'static str,
    /// The version labels, oldest first: the index of every per-version list.
    versions: Vec<&'a str>,
    version_details: Vec<VersionView<'a>>,
    /// The headline every format leads with.
    lead: String,
    steps: Vec<StepView<'a>>,
    lineages: Vec<LineageView<'a>>,
}

#[derive(Debug, Serialize)]
struct VersionView<'a> {
    label: &'a str,
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    counts: CountsView,
}

#[derive(Debug, Serialize)]
struct CountsView {
    measures: usize,
    #[serde(rename = "B")]
    existing: usize,
    #[serde(rename = "V")]
    strengthened: usize,
    #[serde(rename = "N")]
    new: usize,
    uncertain: usize,
}

impl CountsView {
    fn of(c: StatusTotals) -> Self {
        CountsView {
            measures: c.measures,
            existing: c.existing,
            strengthened: c.strengthened,
            new: c.new,
            uncertain: c.uncertain,
        }
    }
}

#[derive(Debug, Serialize)]
struct StepView<'a> {
    from: &'a str,
    to: &'a str,
    /// The step's headline, as `diff` words it.
    lead: &'a str,
    counts: Counts,
}

#[derive(Debug, Serialize)]
struct LineageView<'a> {
    /// 1-based, in the report's order (first appearance).
    lineage: usize,
    /// Whether it changed in more than its number at some point.
    substantive: bool,
    measures: Vec<Option<MeasureView<'a>>>,
    /// One per step: how the measure was carried from one version to the
    /// next (`null` where it was not: before it began, after it ended).
    links: Vec<Option<LinkView>>,
    events: Vec<EventView<'a>>,
}

/// The evidence of one step of a lineage, as `diff` gives it for the entry.
#[derive(Debug, Serialize)]
struct LinkView {
    /// `pair`, `split` or `merge`.
    by: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
}

#[derive(Debug, Serialize)]
struct MeasureView<'a> {
    number: u32,
    status: String,
    title: &'a str,
    theme: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct EventView<'a> {
    /// The label of the version in which it is first seen.
    version: &'a str,
    kind: &'static str,
    words: &'a str,
}

/// Three decimals, as in every report.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The report; `only_changed` leaves out lineages nothing happened to.
pub fn render(history: &History, only_changed: bool) -> String {
    let label = |v: usize| history.versions[v].label.as_str();
    to_json(&HistoryView {
        format: FORMAT,
        versions: history.versions.iter().map(|v| v.label.as_str()).collect(),
        version_details: history
            .versions
            .iter()
            .map(|v| VersionView {
                label: &v.label,
                id: &v.info.id,
                title: &v.info.title,
                date: v.info.date.as_deref(),
                counts: CountsView::of(v.counts),
            })
            .collect(),
        steps: history
            .steps
            .iter()
            .enumerate()
            .map(|(k, s)| StepView {
                from: label(k),
                to: label(k + 1),
                lead: &s.story.lead,
                counts: s.diff.counts(),
            })
            .collect(),
        lead: history.lead(),
        lineages: history
            .shown(only_changed)
            .map(|(i, l)| LineageView {
                lineage: i + 1,
                substantive: l.substantive(),
                measures: l
                    .measures
                    .iter()
                    .map(|m| {
                        m.as_ref().map(|m| MeasureView {
                            number: m.number,
                            status: m.status.short(),
                            title: &m.title,
                            theme: m.theme,
                            section: m.section.as_deref(),
                        })
                    })
                    .collect(),
                links: l
                    .entries
                    .iter()
                    .enumerate()
                    .map(|(k, entry)| {
                        let m = history.steps[k].diff.measures.get((*entry)?)?;
                        // Only links that carry the lineage on: an entry
                        // that ends it (removed, merged into another) is not.
                        l.measures.get(k + 1)?.as_ref()?;
                        l.measures.get(k)?.as_ref()?;
                        let by = match (m.old.len(), m.new.len()) {
                            (1, 1) => "pair",
                            (1, _) => "split",
                            _ => "merge",
                        };
                        Some(LinkView {
                            by,
                            similarity: m.similarity.map(round),
                            confidence: m.confidence.map(round),
                        })
                    })
                    .collect(),
                events: l
                    .events
                    .iter()
                    .map(|e| EventView {
                        version: label(e.version),
                        kind: e.kind.as_str(),
                        words: &e.words,
                    })
                    .collect(),
            })
            .collect(),
    })
}
