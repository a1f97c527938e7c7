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
        let diff = TextDiff::from_words(old, new);
        let mut segments: Vec<Segment> = Vec::new();
        for change in diff.iter_all_changes() {
            let kind = match change.tag() {
                ChangeTag::Equal => Change::Equal,
                ChangeTag::Delete => Change::Deleted,
                ChangeTag::Insert => Change::Inserted,
            };
            let text = change.value();
            // A space between two changed words belongs to the change, so
            // that `[-a b-]` reads as one run rather than `[-a-] [-b-]`.
            match segments.last_mut() {
                Some(last) if last.change == kind => last.text.push_str(text),
                _ => segments.push(Segment {
                    change: kind,
                    text: text.to_string(),
                }),
            }
        }
        WordDiff {
            old_label: old_label.into(),
            new_label: new_label.into(),
            segments,
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
        assert_eq!(d.plain(), "Sociale media{+ en internet+}");
        assert!(d.has_changes());
        assert!(!WordDiff::between("a", "x y", "b", "x y").has_changes());
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
