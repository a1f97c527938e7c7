//! `show --format json`: the version, its measures as the snapshot holds them,
//! and the per-theme status counts.

use super::{VersionInfo, to_json};
use crate::snapshot::{Kind, Measure, MeasureFilter, Snapshot, ThemeCount, theme_counts};
use serde::Serialize;

/// The JSON view of `show`, documented in `docs/json-output.md`.
#[derive(Debug, Serialize)]
struct ShowView<'a> {
    format: &'static str,
    version: VersionInfo<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    measures: Vec<&'a Measure>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    theme_counts: Vec<ThemeCount>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    groups: Vec<&'a crate::snapshot::Group>,
}

pub fn render(snapshot: &Snapshot, filter: &MeasureFilter) -> String {
    let view = ShowView {
        format: "policydiff-show/1",
        version: VersionInfo::of(snapshot),
        measures: snapshot
            .measures
            .iter()
            .filter(|m| filter.keeps(m))
            .collect(),
        theme_counts: if filter.measure.is_some() {
            Vec::new()
        } else {
            theme_counts(snapshot, filter)
        },
        groups: if snapshot.kind == Kind::Summary {
            snapshot.groups.iter().collect()
        } else {
            Vec::new()
        },
    };
    to_json(&view)
}
