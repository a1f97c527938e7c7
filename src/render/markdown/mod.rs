//! GitHub-flavoured Markdown reports, for pull-request comments and issues.
//!
//! Every report is a pure function returning a `String`: a counts table
//! first, then collapsible `<details>` sections. Text from the data is escaped
//! ([`escape`]) so that a `*`, `|` or `<script>` in a measure stays text, and a
//! report is cut to fit a comment ([`LIMIT`]) with a note of what was left out.

mod check;
mod diff;
mod history;
mod show;

pub use check::{check, check_within};
pub use diff::{diff, diff_within};
pub use history::history;
pub(crate) use show::ranges;
pub use show::{show, show_within};

use crate::diff::{SegmentTag, WordDiff};
use crate::snapshot::{Certainty, StatusRecord};

/// The most characters a report may have. GitHub refuses comments over
/// 65,536 characters; the margin leaves room for a heading a bot adds.
pub const LIMIT: usize = 60_000;

/// Room kept free for the closing note of a cut report.
const RESERVE: usize = 1_500;

/// `text` safe in Markdown running text and table cells: white space collapsed
/// to single spaces, Markdown punctuation backslash-escaped, and `&`, `<`, `>`
/// written as character references so that no HTML can form.
pub fn escape(text: &str) -> String {
    let text = crate::render::inert::inert(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '@' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    // A paragraph that starts like a list item, a heading underline or an
    // ordered list marker must not become one.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// An identifier (a version id) as a code span when it is plain, else as
/// escaped text: nothing can be escaped inside a code span.
pub fn code(id: &str) -> String {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
    {
        format!("`{id}`")
    } else {
        escape(id)
    }
}

/// HTML escaping, for text inside the raw HTML GitHub passes through
/// (`<summary>`), where Markdown is not interpreted.
///
/// GitHub links `@name` and `#123` in raw HTML too; `@` and `#` become
/// character references there, which show the same and link nothing.
pub fn escape_html(text: &str) -> String {
    let collapsed: Vec<&str> = text.split_whitespace().collect();
    crate::render::html::escape(&collapsed.join(" "))
        .replace('#', "&#35;")
        .replace('@', "&#64;")
}

/// A status in words: `V`, `V (deduced)`, `? (uncertain: V or N)`.
pub fn status_words(s: &StatusRecord) -> String {
    match (s.certainty, s.value) {
        (Certainty::Confirmed, Some(v)) => v.to_string(),
        (Certainty::Deduced, Some(v)) => format!("{v} (deduced)"),
        _ if s.candidates.is_empty() => "? (uncertain)".to_string(),
        _ => {
            let c: Vec<String> = s.candidates.iter().map(|c| c.to_string()).collect();
            format!("? (uncertain: {})", c.join(" or "))
        }
    }
}

/// A word-level difference inline: `~~deleted~~` and `**inserted**`, escaped.
///
/// White space at the edges of a changed run is moved outside the markers
/// (GitHub ignores `~~ x~~`); where a run would touch a letter or digit on the
/// outside, `<del>`/`<ins>` are used instead, which GitHub renders the same.
pub fn words(w: &WordDiff) -> String {
    let segments: Vec<(SegmentTag, &str)> = w
        .segments
        .iter()
        .map(|s| (s.tag, s.text.as_str()))
        .collect();
    marked(&segments)
}

/// A whole text added or removed, marked as [`words`] marks a run.
pub(crate) fn whole(tag: SegmentTag, text: &str) -> String {
    marked(&[(tag, text)])
}

fn marked(segments: &[(SegmentTag, &str)]) -> String {
    let mut out = String::new();
    for (i, (mark, text)) in segments.iter().enumerate() {
        if *mark == SegmentTag::Equal {
            out.push_str(&escape_inline(text));
            continue;
        }
        let core = text.trim();
        if core.is_empty() {
            out.push_str(if text.is_empty() { "" } else { " " });
            continue;
        }
        let previous = i.checked_sub(1).and_then(|j| segments.get(j));
        // Two changed runs side by side (`~~old~~ **new**`) get a space
        // between them, so that they read as two words.
        let after_change = previous.is_some_and(|(m, _)| *m != SegmentTag::Equal);
        if text.starts_with(char::is_whitespace) || (after_change && !out.ends_with(' ')) {
            out.push(' ');
        }
        let before = match previous {
            Some((SegmentTag::Equal, t)) if !text.starts_with(char::is_whitespace) => {
                t.chars().last()
            }
            _ => None,
        };
        let after = match segments.get(i + 1) {
            Some((SegmentTag::Equal, t)) if !text.ends_with(char::is_whitespace) => {
                t.chars().next()
            }
            _ => None,
        };
        let tight = before.is_some_and(|c| c.is_alphanumeric())
            || after.is_some_and(|c| c.is_alphanumeric());
        let body = escape_inline(core);
        match (mark, tight) {
            (SegmentTag::Deleted, false) => out.push_str(&format!("~~{body}~~")),
            (SegmentTag::Inserted, false) => out.push_str(&format!("**{body}**")),
            (SegmentTag::Deleted, true) => out.push_str(&format!("<del>{body}</del>")),
            (SegmentTag::Inserted, true) => out.push_str(&format!("<ins>{body}</ins>")),
            (SegmentTag::Equal, _) => {}
        }
        if text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// [`escape`] without the line-start rules, keeping one space at each edge
/// if the text has white space there (for pieces inside a line).
fn escape_inline(text: &str) -> String {
    let core = text.trim();
    let mut escaped = String::new();
    if core.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".to_string()
        };
    }
    if text.starts_with(char::is_whitespace) {
        escaped.push(' ');
    }
    let mut e = escape(core);
    // escape() protects line starts; inside a line that is not needed.
    if let Some(rest) = e.strip_prefix('\\') {
        if rest.starts_with(['-', '+', '=']) {
            e = rest.to_string();
        }
    }
    escaped.push_str(&e);
    if text.ends_with(char::is_whitespace) {
        escaped.push(' ');
    }
    escaped
}

/// A report under construction that knows how much room is left.
#[derive(Debug)]
pub(crate) struct Budget {
    out: String,
    limit: usize,
    /// Descriptions of what did not fit, for the closing note.
    left_out: Vec<String>,
}

impl Budget {
    pub(crate) fn new(limit: usize) -> Budget {
        Budget {
            out: String::new(),
            limit,
            left_out: Vec::new(),
        }
    }

    /// Append `text` unconditionally (headers, the counts table).
    pub(crate) fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Append `text` if it fits with room for the closing note; say whether
    /// it did.
    pub(crate) fn try_push(&mut self, text: &str) -> bool {
        if self.out.len() + text.len() + RESERVE <= self.limit {
            self.out.push_str(text);
            true
        } else {
            false
        }
    }

    pub(crate) fn leave_out(&mut self, what: impl Into<String>) {
        self.left_out.push(what.into());
    }

    pub(crate) fn is_cut(&self) -> bool {
        !self.left_out.is_empty()
    }

    /// The report, with a note of what was left out if anything was.
    pub(crate) fn finish(mut self, full_report_hint: &str) -> String {
        if !self.left_out.is_empty() {
            let mut note = String::from(
                "\n> [!NOTE]\n> This report was shortened to fit a comment. Left out:\n",
            );
            for what in &self.left_out {
                note.push_str(&format!("> - {what}\n"));
            }
            note.push_str(&format!("> \n> {full_report_hint}\n"));
            // The reserve is sized for a note; a very long list is cut too.
            if self.out.len() + note.len() > self.limit {
                note = format!(
                    "\n> [!NOTE]\n> This report was shortened to fit a comment: {} parts were left out.\n> {full_report_hint}\n",
                    self.left_out.len()
                );
            }
            self.out.push_str(&note);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_and_html_are_escaped() {
        assert_eq!(
            escape("a *b* | [c](d) <script>&"),
            r"a \*b\* \| \[c\](d) &lt;script&gt;&amp;"
        );
    }

    #[test]
    fn a_text_that_looks_like_a_list_item_stays_a_paragraph() {
        assert_eq!(escape("- x"), r"\- x");
        assert_eq!(escape("12. x"), r"12\. x");
        assert_eq!(escape("12 x"), "12 x");
    }

    #[test]
    fn line_breaks_in_data_do_not_break_the_markdown() {
        assert_eq!(escape("a\n\n# b"), r"a \# b");
    }

    #[test]
    fn changed_words_are_struck_and_bold_with_spaces_outside() {
        let w = marked(&[
            (SegmentTag::Equal, "de "),
            (SegmentTag::Deleted, "oude "),
            (SegmentTag::Inserted, "nieuwe "),
            (SegmentTag::Equal, "tekst"),
        ]);
        assert_eq!(w, "de ~~oude~~ **nieuwe** tekst");
    }

    #[test]
    fn a_replaced_word_reads_as_two_words() {
        let w = marked(&[
            (SegmentTag::Equal, "wordt "),
            (SegmentTag::Deleted, "optimaal"),
            (SegmentTag::Inserted, "maximaal"),
            (SegmentTag::Equal, " ingezet"),
        ]);
        assert_eq!(w, "wordt ~~optimaal~~ **maximaal** ingezet");
    }

    #[test]
    fn a_change_inside_a_word_uses_html_tags() {
        let w = marked(&[
            (SegmentTag::Equal, "maat"),
            (SegmentTag::Inserted, "regel"),
            (SegmentTag::Equal, " x"),
        ]);
        assert_eq!(w, "maat<ins>regel</ins> x");
    }

    #[test]
    fn a_cut_report_says_what_was_left_out() {
        let mut b = Budget::new(RESERVE + 10);
        assert!(b.try_push("0123456789"));
        assert!(!b.try_push("x"));
        b.leave_out("measure 3");
        let out = b.finish("Run it again.");
        assert!(out.contains("- measure 3"), "{out}");
        assert!(out.starts_with("0123456789"));
    }
}
