//! Which measures a view shows, and how many of each status a theme has:
//! the selection and tally behind `show` in every format.

use super::{Certainty, Measure, Snapshot, Status};
use serde::Serialize;

/// Which measures `show` prints.
#[derive(Debug, Clone, Default)]
pub struct MeasureFilter {
    pub theme: Option<u32>,
    /// An uncertain status matches when the letter is among its candidates.
    pub status: Option<Status>,
    /// One measure, printed in full.
    pub measure: Option<u32>,
}

impl MeasureFilter {
    pub fn keeps(&self, m: &Measure) -> bool {
        self.theme.is_none_or(|t| m.theme == t)
            && self.measure.is_none_or(|n| m.number == n)
            && self.status.is_none_or(|s| m.status.allows(s))
    }
}

/// How many measures of each theme have each status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeCount {
    pub theme: u32,
    pub title: String,
    pub measures: usize,
    #[serde(rename = "B")]
    pub existing: usize,
    #[serde(rename = "V")]
    pub strengthened: usize,
    #[serde(rename = "N")]
    pub new: usize,
    /// Measures whose status is uncertain (counted in no letter).
    pub uncertain: usize,
    /// Of the lettered counts, how many are deduced rather than confirmed.
    pub deduced: usize,
}

pub fn theme_counts(snapshot: &Snapshot, filter: &MeasureFilter) -> Vec<ThemeCount> {
    snapshot
        .themes
        .iter()
        .filter(|t| filter.theme.is_none_or(|n| n == t.number))
        .map(|t| {
            let ms: Vec<&Measure> = snapshot
                .measures
                .iter()
                .filter(|m| m.theme == t.number && filter.keeps(m))
                .collect();
            let with = |s: Status| ms.iter().filter(|m| m.status.settled() == Some(s)).count();
            ThemeCount {
                theme: t.number,
                title: t.title.clone(),
                measures: ms.len(),
                existing: with(Status::Existing),
                strengthened: with(Status::Strengthened),
                new: with(Status::New),
                uncertain: ms
                    .iter()
                    .filter(|m| m.status.certainty == Certainty::Uncertain)
                    .count(),
                deduced: ms
                    .iter()
                    .filter(|m| m.status.certainty == Certainty::Deduced)
                    .count(),
            }
        })
        .collect()
}
