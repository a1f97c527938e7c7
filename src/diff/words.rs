//! Word-level differences of two texts, computed by `similar` and kept as
//! plain segments so that every renderer can mark them its own way.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A word-level comparison of an old and a new text. The segments, read in
/// order, spell both texts: equal and deleted segments make the old text,
/// equal and inserted ones the new.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordDiff {
    /// Share of words the two texts have in common, 0..=1 (`similar`'s ratio).
    pub similarity: f64,
    pub segments: Vec<Segment>,
}

/// A run of text that is equal on both sides, only in old, or only in new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub tag: SegmentTag,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentTag {
    Equal,
    Deleted,
    Inserted,
}

impl WordDiff {
    /// Compare two texts word by word. White space is normalised first, so a
    /// re-wrapped line is no difference.
    pub fn of(old: &str, new: &str) -> WordDiff {
        let old = normalize(old);
        let new = normalize(new);
        let diff = TextDiff::from_words(old.as_str(), new.as_str());
        let mut segments: Vec<Segment> = Vec::new();
        for change in diff.iter_all_changes() {
            let tag = match change.tag() {
                ChangeTag::Equal => SegmentTag::Equal,
                ChangeTag::Delete => SegmentTag::Deleted,
                ChangeTag::Insert => SegmentTag::Inserted,
            };
            let text = change.value();
            match segments.last_mut() {
                Some(last) if last.tag == tag => last.text.push_str(text),
                _ => segments.push(Segment {
                    tag,
                    text: text.to_string(),
                }),
            }
        }
        tidy(&mut segments);
        WordDiff {
            similarity: f64::from(diff.ratio()),
            segments,
        }
    }

    /// Whether the texts differ at all.
    pub fn is_change(&self) -> bool {
        self.segments.iter().any(|s| s.tag != SegmentTag::Equal)
    }

    /// The old text (equal and deleted segments).
    pub fn old_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.tag != SegmentTag::Inserted)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The new text (equal and inserted segments).
    pub fn new_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.tag != SegmentTag::Deleted)
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// Move white space at the edges of changed runs into the neighbouring equal
/// runs, so that `[-foo -]` reads `[-foo-] ` and renderers mark words only.
fn tidy(segments: &mut Vec<Segment>) {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for seg in segments.drain(..) {
        if seg.tag == SegmentTag::Equal {
            match out.last_mut() {
                Some(last) if last.tag == SegmentTag::Equal => last.text.push_str(&seg.text),
                _ => out.push(seg),
            }
            continue;
        }
        let lead = seg.text.len() - seg.text.trim_start().len();
        let trail = seg.text.len() - seg.text.trim_end().len();
        let core = seg.text.trim();
        if lead > 0 {
            push_equal(&mut out, &seg.text[..lead]);
        }
        if !core.is_empty() {
            out.push(Segment {
                tag: seg.tag,
                text: core.to_string(),
            });
        }
        if trail > 0 && !core.is_empty() {
            push_equal(&mut out, &seg.text[seg.text.len() - trail..]);
        }
    }
    *segments = out;
}

fn push_equal(out: &mut Vec<Segment>, text: &str) {
    match out.last_mut() {
        Some(last) if last.tag == SegmentTag::Equal => last.text.push_str(text),
        _ => out.push(Segment {
            tag: SegmentTag::Equal,
            text: text.to_string(),
        }),
    }
}

/// Collapse runs of white space to one space and trim.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_replaced_word_is_one_deleted_and_one_inserted_segment() {
        let d = WordDiff::of(
            "de burgemeester treft maatregelen",
            "de minister treft maatregelen",
        );
        let tags: Vec<(SegmentTag, &str)> = d
            .segments
            .iter()
            .map(|s| (s.tag, s.text.as_str()))
            .collect();
        assert_eq!(
            tags,
            vec![
                (SegmentTag::Equal, "de "),
                (SegmentTag::Deleted, "burgemeester"),
                (SegmentTag::Inserted, "minister"),
                (SegmentTag::Equal, " treft maatregelen")
            ]
        );
        assert_eq!(d.old_text(), "de burgemeester treft maatregelen");
        assert_eq!(d.new_text(), "de minister treft maatregelen");
        assert!(d.similarity > 0.5 && d.similarity < 1.0);
    }

    #[test]
    fn rewrapped_text_is_no_change() {
        let d = WordDiff::of("een  tekst\nover twee regels", "een tekst over twee regels");
        assert!(!d.is_change());
        assert_eq!(d.similarity, 1.0);
    }
}
