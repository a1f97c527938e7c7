//! From physical lines to logical units: a numbered line, a lettered or roman
//! item, or a paragraph of plain text, each with the lines it came from.
//!
//! This is where the extraction's artefacts are undone: U+FFFD and tabs are
//! gone already (see `source::lines`); here lines are joined, words broken
//! across lines are mended, and status marks and page numbers are stepped over.

use crate::snapshot::{Lines, roman_value};
use crate::source::SourceLine;

/// What a unit starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// `12.` — a measure, an overview group or a footnote. `tab` tells whether
    /// a tab followed the dot (measures and groups) or spaces (footnotes).
    Number {
        n: u32,
        tab: bool,
    },
    /// `a.` — a lettered item. `roman` is set when the label is also a roman
    /// numeral (`i.`), for the parser to decide.
    Letter {
        label: String,
        roman: bool,
    },
    /// `ii.` or `ii` — a roman sub-item.
    Roman {
        label: String,
    },
    None,
}

/// A logical unit of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub marker: Marker,
    /// The text after the marker, joined and mended.
    pub text: String,
    pub lines: Lines,
    /// The unit begins a new extracted page.
    pub page_start: bool,
    pub leading_tabs: usize,
}

impl Unit {
    /// Plain text that ends without sentence punctuation: a heading, an aim
    /// line or a label.
    pub fn is_unterminated(&self) -> bool {
        let mut chars: Vec<char> = self.text.trim_end().chars().collect();
        // "vergroten.5": a footnote digit does not end the sentence.
        if chars.len() > 1 && crate::source::is_glued_footnote_digit(&chars, chars.len() - 1) {
            chars.pop();
        }
        !chars
            .last()
            .is_some_and(|c| matches!(c, '.' | ':' | ';' | '!' | '?' | ')' | '”' | '"'))
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }

    pub fn starts_uppercase(&self) -> bool {
        self.text
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase())
    }
}

/// Words that follow a hyphen at a line end in an elliptical compound
/// ("aanslagmiddelen- en methoden"): the hyphen and the space stay.
const ELLIPSIS_WORDS: [&str; 5] = ["en", "of", "tot", "noch", "als"];

/// Split the source lines into units.
pub fn units(lines: &[SourceLine<'_>]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    // The last text line of the open unit, and whether a blank line followed.
    let mut open: Option<(usize, bool)> = None;
    for (idx, line) in lines.iter().enumerate() {
        if line.mark().is_some() || line.is_page_number() {
            continue;
        }
        if line.is_blank() {
            if let Some((_, blank)) = open.as_mut() {
                *blank = true;
            }
            continue;
        }
        let (marker, rest) = marker(line);
        if let (Marker::None, Some((prev_idx, blank)), Some(unit)) = (&marker, open, out.last_mut())
        {
            let prev = &lines[prev_idx];
            if continues(unit, prev, line, blank) {
                join(&mut unit.text, prev, &line.content);
                unit.lines.1 = line.number;
                open = Some((idx, false));
                continue;
            }
        }
        out.push(Unit {
            marker,
            text: rest.to_string(),
            lines: Lines(line.number, line.number),
            page_start: line.page_start,
            leading_tabs: line.leading_tabs,
        });
        open = Some((idx, false));
    }
    out
}

/// Whether `next` (a line without a marker) continues the open unit.
fn continues(
    unit: &Unit,
    prev: &SourceLine<'_>,
    next: &SourceLine<'_>,
    blank_between: bool,
) -> bool {
    let next_lower = next
        .content
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase());
    if next.page_start && !next_lower {
        return false;
    }
    // A heading at the top of a page ends at a blank line.
    if unit.page_start && unit.marker == Marker::None && blank_between && !next_lower {
        return false;
    }
    // After a finished sentence and a blank line, `Term: definition` starts
    // a new glossary entry even when the sentence ended in a soft wrap.
    if blank_between && prev.content.ends_with('.') && looks_like_entry(&next.content) {
        return false;
    }
    // A line that ends a sentence flush is not continued by a lower-case line
    // ("… Veiligheidsdienst." then "al Qa’ida: …").
    prev.trailing_space || (next_lower && !prev.content.ends_with('.'))
}

/// `Term: definition`: a short term, then a colon and a space.
fn looks_like_entry(content: &str) -> bool {
    content.split_once(": ").is_some_and(|(term, _)| {
        !term.is_empty() && term.split_whitespace().count() <= 6 && !term.contains(['.', ','])
    })
}

/// Append `next` to `text`, which ends with the content of `prev`.
fn join(text: &mut String, prev: &SourceLine<'_>, next: &str) {
    let first_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
    if let Some(stem) = text.strip_suffix('-') {
        let before = stem.chars().last();
        if ELLIPSIS_WORDS.contains(&first_word.as_str()) {
            text.push(' ');
        } else if before.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            // "EU-" + "lidstaat": a real hyphen that fell at the line end.
        } else if next_lower && !prev.trailing_space {
            // "gesig-" + "naleerd": a hyphenated break.
            text.pop();
        } else if prev.trailing_space {
            text.push(' ');
        }
        text.push_str(next);
        return;
    }
    let ends_in_letter = text.chars().last().is_some_and(|c| c.is_alphabetic());
    if !prev.trailing_space && ends_in_letter && next_lower {
        // "strijd" + "groepering": a word broken across lines.
    } else {
        text.push(' ');
    }
    text.push_str(next);
}

/// The marker a line starts with, and the text after it.
fn marker<'a>(line: &'a SourceLine<'_>) -> (Marker, &'a str) {
    let c = line.content.as_str();
    // `12.` followed by white space.
    let digits: String = c.chars().take_while(|ch| ch.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 3 {
        if let Some(rest) = c[digits.len()..].strip_prefix('.') {
            if rest.is_empty() || rest.starts_with(' ') {
                let n = digits.parse().unwrap_or(0);
                let tab =
                    raw_after(line.raw, &format!("{digits}.")).is_some_and(|r| r.starts_with('\t'));
                return (Marker::Number { n, tab }, rest.trim_start());
            }
        }
    }
    // `a.` or `ii.` followed by white space.
    let word: String = c.chars().take_while(|ch| ch.is_ascii_lowercase()).collect();
    if !word.is_empty() {
        let after = &c[word.len()..];
        let roman = roman_value(&word).is_some() && word.len() <= 4;
        if let Some(rest) = after.strip_prefix('.') {
            if rest.starts_with(' ') {
                if word.len() == 1 {
                    return (
                        Marker::Letter {
                            label: word.clone(),
                            roman,
                        },
                        rest.trim_start(),
                    );
                }
                if roman {
                    return (Marker::Roman { label: word }, rest.trim_start());
                }
            }
        }
        // An undotted roman numeral, indented: "→→  i→¤¤→¤  Aanpak".
        if roman
            && after.starts_with(' ')
            && line.leading_tabs >= 2
            && raw_after(line.raw, &word).is_some_and(|r| r.starts_with(['\t', '\u{FFFD}']))
        {
            return (Marker::Roman { label: word }, after.trim_start());
        }
    }
    (Marker::None, c)
}

/// The raw text after the first occurrence of `token` in the raw line.
fn raw_after<'a>(raw: &'a str, token: &str) -> Option<&'a str> {
    raw.find(token).map(|i| &raw[i + token.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::lines;

    fn texts(src: &str) -> Vec<String> {
        units(&lines(src)).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn broken_words_are_mended_and_real_hyphens_kept() {
        assert_eq!(
            texts("1.\tstrijd\ngroepering en gesig-\nnaleerd"),
            ["strijdgroepering en gesignaleerd"]
        );
        assert_eq!(
            texts("a.\tvoor een EU-\t\nlidstaat en aanslagmiddelen- \t\nen methoden"),
            ["voor een EU-lidstaat en aanslagmiddelen- en methoden"]
        );
        assert_eq!(
            texts("a.\tdan enkel de \n\nNederlandse. Het merendeel"),
            ["dan enkel de Nederlandse. Het merendeel"]
        );
    }

    #[test]
    fn a_hyphen_and_a_space_at_a_line_end_stay_before_a_lower_case_word() {
        // A word of a series of compounds, not a word broken in two.
        assert_eq!(
            texts("a.\tonderwijs-, zorg- \nwelzijns- en veiligheidspartners"),
            ["onderwijs-, zorg- welzijns- en veiligheidspartners"]
        );
    }

    #[test]
    fn a_line_with_a_colon_after_a_finished_sentence_is_an_entry_only_when_its_term_is_short() {
        // Both follow a sentence that ends in a soft wrap and a blank line.
        assert_eq!(
            texts("Een ideologie. \n\nJihadist: iemand die strijdt"),
            ["Een ideologie.", "Jihadist: iemand die strijdt"]
        );
        assert_eq!(
            texts("Een ideologie. \n\nDaarbij gaat het, zoals eerder afgesproken, om: scholen"),
            ["Een ideologie. Daarbij gaat het, zoals eerder afgesproken, om: scholen"]
        );
        assert_eq!(
            texts("Een ideologie. \n\nDaarbij gaat het om veel meer dan alleen dit: scholen"),
            ["Een ideologie. Daarbij gaat het om veel meer dan alleen dit: scholen"]
        );
    }

    #[test]
    fn marks_and_page_numbers_inside_a_sentence_are_stepped_over() {
        assert_eq!(
            texts("c.\tmet name wat \n\n(V)\n\n(N)\n betreft de\n\n12\n"),
            ["met name wat betreft de"]
        );
    }

    #[test]
    fn markers_are_told_apart() {
        let us = units(&lines(
            "3.\t Titel\n1. Voetnoot\n\t a.\tItem\n\t\t  i\t\u{FFFD}  Sub\n\t\t  ii.\t Sub twee\n",
        ));
        let ms: Vec<Marker> = us.into_iter().map(|u| u.marker).collect();
        assert_eq!(
            ms,
            [
                Marker::Number { n: 3, tab: true },
                Marker::Number { n: 1, tab: false },
                Marker::Letter {
                    label: "a".into(),
                    roman: false
                },
                Marker::Roman { label: "i".into() },
                Marker::Roman { label: "ii".into() },
            ]
        );
    }

    #[test]
    fn a_number_of_four_digits_or_a_lone_dot_starts_no_numbered_line() {
        let us = units(&lines("2014. Het jaar\n\n. Een punt\n\n.\n"));
        let ms: Vec<&Marker> = us.iter().map(|u| &u.marker).collect();
        assert_eq!(ms, [&Marker::None; 3], "{us:#?}");
    }

    #[test]
    fn an_indented_word_that_is_no_roman_numeral_is_no_marker() {
        // Indented as an undotted sub-item is ("i" of `markers_are_told_apart`).
        let us = units(&lines("\t\t  en\t\u{FFFD}  verder\n"));
        assert_eq!(us.len(), 1);
        assert_eq!(us[0].marker, Marker::None);
    }

    #[test]
    fn a_heading_at_a_page_top_ends_at_a_blank_line() {
        assert_eq!(
            texts(" Informatie-uitwisseling \nen samenwerking \n\nOptimaliseren van"),
            [
                "Informatie-uitwisseling en samenwerking",
                "Optimaliseren van"
            ]
        );
    }
}
