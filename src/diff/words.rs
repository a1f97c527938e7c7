//! Word-level differences of two texts, computed by `similar` and kept as
//! plain segments so that every renderer can mark them its own way. `diff`
//! uses them for measures, groups and glossary entries; `check` for texts
//! that should agree.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A word-level comparison of an old and a new text. The segments, read in
/// order, spell both texts (with white space folded): equal and deleted
/// segments make the old text, equal and inserted ones the new.
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

impl SegmentTag {
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentTag::Equal => "equal",
            SegmentTag::Deleted => "deleted",
            SegmentTag::Inserted => "inserted",
        }
    }
}

impl WordDiff {
    /// Compare two texts word by word. Words are the runs between white
    /// space, so a re-wrapped line is no difference, and spaces never line up
    /// on their own (with spaces as tokens, an alignment of spaces can
    /// outscore one of words).
    pub fn of(old: &str, new: &str) -> WordDiff {
        let old_words: Vec<&str> = old.split_whitespace().collect();
        let new_words: Vec<&str> = new.split_whitespace().collect();
        let diff = TextDiff::configure().diff_slices(&old_words, &new_words);
        // Words and the single spaces between them, borrowed from the texts;
        // `hunks` copies them into runs.
        let mut words: Vec<(SegmentTag, &str)> = Vec::new();
        for (n, change) in diff.iter_all_changes().enumerate() {
            if n > 0 {
                words.push((SegmentTag::Equal, " "));
            }
            let tag = match change.tag() {
                ChangeTag::Equal => SegmentTag::Equal,
                ChangeTag::Delete => SegmentTag::Deleted,
                ChangeTag::Insert => SegmentTag::Inserted,
            };
            words.push((tag, change.value()));
        }
        WordDiff {
            similarity: f64::from(diff.ratio()),
            segments: hunks(&words),
        }
    }

    /// Whether the texts differ at all.
    pub fn is_change(&self) -> bool {
        self.segments.iter().any(|s| s.tag != SegmentTag::Equal)
    }

    /// The old text (equal and deleted segments).
    pub fn old_text(&self) -> String {
        self.side(SegmentTag::Inserted)
    }

    /// The new text (equal and inserted segments).
    pub fn new_text(&self) -> String {
        self.side(SegmentTag::Deleted)
    }

    fn side(&self, leave_out: SegmentTag) -> String {
        let text: String = self
            .segments
            .iter()
            .filter(|s| s.tag != leave_out)
            .map(|s| s.text.as_str())
            .collect();
        // The spaces around a run that only one side has are both kept.
        normalize(&text)
    }

    /// The differences inline, `[-deleted-]` and `{+inserted+}`, as
    /// `git diff --word-diff` writes them.
    pub fn plain(&self) -> String {
        self.segments
            .iter()
            .map(|s| match s.tag {
                SegmentTag::Equal => s.text.clone(),
                SegmentTag::Deleted => format!("[-{}-]", s.text),
                SegmentTag::Inserted => format!("{{+{}+}}", s.text),
            })
            .collect()
    }
}

/// Join changes that only white space separates into one deleted and one
/// inserted run, so that a reworded phrase reads `[-a b c-]{+x y+}` rather
/// than alternating word by word. Equal runs are merged.
fn hunks(segments: &[(SegmentTag, &str)]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut pending_space = String::new();
    let flush = |out: &mut Vec<Segment>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [
            (SegmentTag::Deleted, deleted),
            (SegmentTag::Inserted, inserted),
        ] {
            if !text.is_empty() {
                out.push(Segment {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (n, &(tag, text)) in segments.iter().enumerate() {
        let in_hunk = !deleted.is_empty() || !inserted.is_empty();
        match tag {
            SegmentTag::Equal
                if in_hunk
                    && text.trim().is_empty()
                    && segments
                        .get(n + 1)
                        .is_some_and(|(next, _)| *next != SegmentTag::Equal) =>
            {
                pending_space.push_str(text);
            }
            // A space held back is always followed by a change, which
            // takes it: none is pending here or at the end.
            SegmentTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                match out.last_mut() {
                    Some(last) if last.tag == SegmentTag::Equal => last.text.push_str(text),
                    _ => out.push(Segment {
                        tag: SegmentTag::Equal,
                        text: text.to_string(),
                    }),
                }
            }
            SegmentTag::Deleted | SegmentTag::Inserted => {
                let side = if tag == SegmentTag::Deleted {
                    &mut deleted
                } else {
                    &mut inserted
                };
                // The space joins words of the same side only.
                if !side.is_empty() {
                    side.push_str(&pending_space);
                }
                pending_space.clear();
                side.push_str(text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// Collapse runs of white space to one space and trim.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(d: &WordDiff) -> Vec<(SegmentTag, &str)> {
        d.segments
            .iter()
            .map(|s| (s.tag, s.text.as_str()))
            .collect()
    }

    #[test]
    fn one_replaced_word_is_one_deleted_and_one_inserted_segment() {
        let d = WordDiff::of(
            "de burgemeester treft maatregelen",
            "de minister treft maatregelen",
        );
        assert_eq!(
            tags(&d),
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
    fn a_reworded_phrase_is_one_hunk_not_alternating_words() {
        let d = WordDiff::of(
            "van online radicaliserende content wordt",
            "van extremistische content op internet wordt",
        );
        assert_eq!(
            d.plain(),
            "van [-online radicaliserende-]{+extremistische+} content {+op internet+} wordt"
        );
        assert_eq!(d.old_text(), "van online radicaliserende content wordt");
        assert_eq!(d.new_text(), "van extremistische content op internet wordt");
        let d = WordDiff::of("Sociale media", "Sociale media en internet");
        assert_eq!(d.plain(), "Sociale media {+en internet+}");
    }

    #[test]
    fn rewrapped_text_is_no_change() {
        let d = WordDiff::of("een  tekst\nover twee regels", "een tekst over twee regels");
        assert!(!d.is_change());
        assert_eq!(d.similarity, 1.0);
    }

    proptest::proptest! {
        #[test]
        fn the_segments_spell_both_texts_in_runs_that_alternate(
            // Few words, so that texts share many; spaces and line breaks
            // of any length between them.
            old in "(( |\n){0,2}(de|het|maatregel|30|wordt|versterkt)){0,12}( ){0,2}",
            new in "(( |\n){0,2}(de|het|maatregel|31|wordt|nieuw)){0,12}( ){0,2}",
        ) {
            let d = WordDiff::of(&old, &new);
            proptest::prop_assert_eq!(d.old_text(), normalize(&old));
            proptest::prop_assert_eq!(d.new_text(), normalize(&new));
            proptest::prop_assert_eq!(d.is_change(), normalize(&old) != normalize(&new));
            // No empty segment, and no two equal runs side by side.
            let empty = d.segments.iter().any(|s| s.text.is_empty());
            let equal_twice = d
                .segments
                .windows(2)
                .any(|w| w[0].tag == SegmentTag::Equal && w[1].tag == SegmentTag::Equal);
            proptest::prop_assert!(!empty && !equal_twice, "{:?}", d.segments);
        }
    }
}
