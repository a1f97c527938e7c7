//! A normalised form of text in which extraction artefacts no longer matter:
//! only letters and digits survive, so line breaks, broken words, tabs,
//! U+FFFD and punctuation drop out. Snapshot text is faithful when its
//! skeleton occurs in the skeleton of its source.

use super::SourceLine;

/// Letters and digits of `text`, in order.
pub fn skeleton(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The skeleton of a whole source text, without what is not text of the
/// document: status marks, page numbers, and footnote digits glued to the
/// word they annotate (`rekruteren.1`, `jihadgangers4.`).
pub fn source_skeleton(lines: &[SourceLine<'_>]) -> String {
    let mut out = String::new();
    for line in lines {
        if line.mark().is_some() || line.is_page_number() {
            continue;
        }
        let chars: Vec<char> = line.content.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if is_glued_footnote_digit(&chars, i) {
                continue;
            }
            if c.is_alphanumeric() {
                out.push(*c);
            }
        }
    }
    out
}

/// A single digit glued to a word or to its closing punctuation, and not part
/// of a longer number: the extraction's form of a footnote reference.
pub fn is_glued_footnote_digit(chars: &[char], i: usize) -> bool {
    let Some(c) = chars.get(i) else { return false };
    if !c.is_ascii_digit() || *c == '0' {
        return false;
    }
    let before = if i == 0 { None } else { chars.get(i - 1) };
    let after = chars.get(i + 1);
    let glued =
        before.is_some_and(|b| b.is_alphabetic() || matches!(b, '.' | ')' | ',' | '’' | '\''));
    // "jihadgangers.3" but not "1.5" or "art.3a": the digit stands alone.
    let two_before = if i >= 2 { chars.get(i - 2) } else { None };
    let after_ok =
        after.is_none_or(|a| a.is_whitespace() || matches!(a, '.' | ',' | ';' | ':' | ')'));
    glued && after_ok && !two_before.is_some_and(|t| t.is_ascii_digit() && before == Some(&'.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::lines;

    #[test]
    fn skeleton_ignores_breaks_marks_and_footnote_digits() {
        let src = "anderen radicaliseren of rekruteren.1\n(V)\nde strijd\ngroepering en EU-Kopgroep jihadgangers4. Het\n12\nart. 67 Vw";
        let sk = source_skeleton(&lines(src));
        assert_eq!(
            sk,
            "anderenradicaliserenofrekruterendestrijdgroeperingenEUKopgroepjihadgangersHetart67Vw"
        );
        assert!(sk.contains(&skeleton("de strijdgroepering")));
    }
}
