//! Word-level differences between two texts that should agree (a group's
//! text in the programme and on the summary page), computed with `similar`.

use similar::{ChangeTag, TextDiff};

/// The words two texts share and where they part, for a finding's detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordDiff {
    /// What the old side is (`programme \`actieprogramma-2014\``).
    pub old_label: String,
    /// What the new side is.
    pub new_label: String,
    /// The texts as runs of equal, deleted and inserted words, in order.
    pub segments: Vec<Segment>,
}

/// A run of words that both texts share, or that only one has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub change: Change,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Equal,
    /// Only in the old text.
    Deleted,
    /// Only in the new text.
    Inserted,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Equal => "equal",
            Change::Deleted => "deleted",
            Change::Inserted => "inserted",
        }
    }
}

impl WordDiff {
    /// The word differences from `old` to `new`.
    pub fn between(
        old_label: impl Into<String>,
        old: &str,
        new_label: impl Into<String>,
        new: &str,
    ) -> WordDiff {
        // Words without the white space between them: with spaces as tokens
        // of their own, an alignment of spaces can outscore one of words.
        let old_words: Vec<&str> = old.split_whitespace().collect();
        let new_words: Vec<&str> = new.split_whitespace().collect();
        let diff = TextDiff::configure().diff_slices(&old_words, &new_words);
        let mut segments: Vec<Segment> = Vec::new();
        for (n, change) in diff.iter_all_changes().enumerate() {
            let kind = match change.tag() {
                ChangeTag::Equal => Change::Equal,
                ChangeTag::Delete => Change::Deleted,
                ChangeTag::Insert => Change::Inserted,
            };
            if n > 0 {
                segments.push(Segment {
                    change: Change::Equal,
                    text: " ".to_string(),
                });
            }
            segments.push(Segment {
                change: kind,
                text: change.value().to_string(),
            });
        }
        WordDiff {
            old_label: old_label.into(),
            new_label: new_label.into(),
            segments: hunks(segments),
        }
    }

    /// The differences inline, `[-deleted-]` and `{+inserted+}`, as
    /// `git diff --word-diff` writes them.
    pub fn plain(&self) -> String {
        self.segments
            .iter()
            .map(|s| match s.change {
                Change::Equal => s.text.clone(),
                Change::Deleted => format!("[-{}-]", s.text),
                Change::Inserted => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    /// Whether the texts differ at all.
    pub fn has_changes(&self) -> bool {
        self.segments.iter().any(|s| s.change != Change::Equal)
    }
}

/// Join changes that only white space separates into one deleted and one
/// inserted run, so that a reworded phrase reads `[-a b c-]{+x y+}` rather than
/// alternating word by word.
fn hunks(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut pending_space = String::new();
    let flush = |out: &mut Vec<Segment>, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push(Segment {
                change: Change::Deleted,
                text: std::mem::take(deleted),
            });
        }
        if !inserted.is_empty() {
            out.push(Segment {
                change: Change::Inserted,
                text: std::mem::take(inserted),
            });
        }
    };
    for (n, seg) in segments.iter().enumerate() {
        let in_hunk = !deleted.is_empty() || !inserted.is_empty();
        match seg.change {
            Change::Equal
                if in_hunk
                    && seg.text.trim().is_empty()
                    && segments
                        .get(n + 1)
                        .is_some_and(|s| s.change != Change::Equal) =>
            {
                pending_space.push_str(&seg.text);
            }
            Change::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                let text = format!("{}{}", std::mem::take(&mut pending_space), seg.text);
                match out.last_mut() {
                    Some(last) if last.change == Change::Equal => last.text.push_str(&text),
                    _ => out.push(Segment {
                        change: Change::Equal,
                        text,
                    }),
                }
            }
            Change::Deleted | Change::Inserted => {
                let side = if seg.change == Change::Deleted {
                    &mut deleted
                } else {
                    &mut inserted
                };
                // The space joins words of the same side only.
                if !side.is_empty() {
                    side.push_str(&pending_space);
                }
                pending_space.clear();
                side.push_str(&seg.text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    if !pending_space.is_empty() {
        out.push(Segment {
            change: Change::Equal,
            text: pending_space,
        });
    }
    out
}

/// The words of `text` in lower case without punctuation: two texts that
/// differ only in case and punctuation have the same words.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two texts differ in more than case and punctuation.
pub fn differ_in_words(a: &str, b: &str) -> bool {
    words(a) != words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_the_changed_words_only() {
        let d = WordDiff::between("old", "Sociale media", "new", "Sociale media en internet");
        assert_eq!(d.plain(), "Sociale media {+en internet+}");
        assert!(d.has_changes());
        assert!(!WordDiff::between("a", "x y", "b", "x y").has_changes());
        let d = WordDiff::between(
            "old",
            "van online radicaliserende content wordt",
            "new",
            "van extremistische content op internet wordt",
        );
        assert_eq!(
            d.plain(),
            "van [-online radicaliserende-]{+extremistische+} content {+op internet+} wordt"
        );
        let changes: Vec<Change> = d.segments.iter().map(|s| s.change).collect();
        use Change::*;
        assert_eq!(changes, [Equal, Deleted, Inserted, Equal, Inserted, Equal]);
    }

    #[test]
    fn case_and_punctuation_are_not_word_differences() {
        assert!(!differ_in_words(
            "De risico’s worden beperkt.",
            "de risico's worden beperkt"
        ));
        assert!(differ_in_words(
            "De risico’s worden beperkt.",
            "De risico’s worden verkleind."
        ));
    }
}
