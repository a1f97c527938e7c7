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

/// A report as a JSON document: pretty-printed, with a final newline, and
/// inert ([`crate::render::inert::json`]).
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and view types of strings and numbers
    // always serialise.
    write_json(&mut out, value).expect("view serialises");
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`to_json`], written to `w` as it is serialised: a large report is never
/// held whole.
pub fn write_json<T: Serialize>(w: &mut dyn std::io::Write, value: &T) -> std::io::Result<()> {
    // serde_json escapes C0 controls itself; DEL, C1 and bidi controls it
    // writes raw, and `jq -r` would print them raw.
    let mut w = crate::render::inert::JsonWriter::new(w);
    serde_json::to_writer_pretty(&mut w, value)?;
    std::io::Write::write_all(&mut w, b"\n")?;
    std::io::Write::flush(&mut w)
}

/// A list serialised as the view of each element in turn, made as it is
/// written: no view of the whole list is held.
pub(crate) struct Each<'a, T, V>(pub &'a [T], pub fn(&'a T) -> V);

impl<T, V: Serialize> Serialize for Each<'_, T, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

impl<T, V> std::fmt::Debug for Each<'_, T, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Each({} elements)", self.0.len())
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
