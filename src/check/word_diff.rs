//! Texts that should agree (a group's text in the programme and on the
//! summary page): their word differences, and whether they differ in more
//! than case and punctuation.

use crate::diff::WordDiff;

/// Two texts that should agree, with their word differences: a finding's
/// detail.
#[derive(Debug, Clone, PartialEq)]
pub struct WordDetail {
    /// What the old side is (`programme \`actieprogramma-2014\``).
    pub old_label: String,
    /// What the new side is.
    pub new_label: String,
    pub words: WordDiff,
}

impl WordDetail {
    /// The word differences from `old` to `new`.
    pub fn between(
        old_label: impl Into<String>,
        old: &str,
        new_label: impl Into<String>,
        new: &str,
    ) -> WordDetail {
        WordDetail {
            old_label: old_label.into(),
            new_label: new_label.into(),
            words: WordDiff::of(old, new),
        }
    }

    /// The differences inline, `[-deleted-]` and `{+inserted+}`.
    pub fn plain(&self) -> String {
        self.words.plain()
    }

    /// Whether the texts differ at all.
    pub fn has_changes(&self) -> bool {
        self.words.is_change()
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
    fn a_comparison_marks_the_changed_words_only() {
        let d = WordDetail::between("old", "Sociale media", "new", "Sociale media en internet");
        assert_eq!(d.plain(), "Sociale media {+en internet+}");
        assert!(d.has_changes());
        assert!(!WordDetail::between("a", "x y", "b", "x y").has_changes());
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
