//! `list --format json`: the versions in the store.

use super::to_json;
use crate::snapshot::Snapshot;
use serde::Serialize;

/// One row of `list`.
#[derive(Debug, Serialize)]
struct ListRow<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    date: Option<&'a str>,
    measures: usize,
    groups: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    describes: Option<&'a str>,
}

fn list_rows<'a>(snapshots: &[&'a Snapshot]) -> Vec<ListRow<'a>> {
    snapshots
        .iter()
        .map(|s| ListRow {
            id: &s.id,
            kind: s.kind.as_str(),
            title: &s.title,
            date: s.date.as_deref(),
            measures: s.measures.len(),
            groups: s.groups.len(),
            describes: s.describes.as_deref(),
        })
        .collect()
}

pub fn render(snapshots: &[&Snapshot]) -> String {
    #[derive(Serialize)]
    struct ListView<'a> {
        format: &'static str,
        versions: Vec<ListRow<'a>>,
    }
    to_json(&ListView {
        format: "policydiff-list/1",
        versions: list_rows(snapshots),
    })
}
