//! JSON reports: each command's view types, serialised with a versioned,
//! documented shape (`docs/*-format.md`).

pub mod check;
pub mod diff;
pub mod history;
pub mod list;
pub mod show;

use crate::snapshot::Snapshot;
use serde::Serialize;

/// Who a version is, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub title: &'a str,
    pub date: Option<&'a str>,
}

impl<'a> VersionInfo<'a> {
    pub fn of(s: &'a Snapshot) -> Self {
        VersionInfo {
            id: &s.id,
            kind: s.kind.as_str(),
            title: &s.title,
            date: s.date.as_deref(),
        }
    }
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    // View types of strings and numbers always serialise.
    let mut s = serde_json::to_string_pretty(value).expect("view serialises");
    s.push('\n');
    // serde_json escapes C0 controls itself; DEL, C1 and bidi controls it
    // writes raw, and `jq -r` would print them raw.
    match crate::render::inert::json(&s) {
        std::borrow::Cow::Owned(escaped) => escaped,
        std::borrow::Cow::Borrowed(_) => s,
    }
}

/// A word-level difference, the one shape `diff` and `check` both use:
/// `{"similarity": 0.9, "segments": [{"tag": "equal", "text": "…"}, …]}`
/// with tags `equal`, `deleted` and `inserted`.
#[derive(Debug, Serialize)]
pub(crate) struct WordsView<'a> {
    similarity: f64,
    segments: Vec<SegmentView<'a>>,
}

#[derive(Debug, Serialize)]
struct SegmentView<'a> {
    tag: &'static str,
    text: &'a str,
}

impl<'a> WordsView<'a> {
    pub(crate) fn of(w: &'a crate::diff::WordDiff) -> Self {
        WordsView {
            similarity: (w.similarity * 1000.0).round() / 1000.0,
            segments: w
                .segments
                .iter()
                .map(|s| SegmentView {
                    tag: s.tag.as_str(),
                    text: &s.text,
                })
                .collect(),
        }
    }
}
