//! Cross-reference phrases in the text of a measure: "maatregel 30",
//! "maatregel 30a" (an item), "maatregelen 30 en 31", "maatregelen 30, 31 en
//! 32", "maatregelen 30 tot en met 32". The importer records them and `check`
//! finds the ones a snapshot leaves unrecorded, with this one parser.

use crate::snapshot::{Reference, Target};

/// A range ("30 tot en met 32") longer than this is not read as a range: no
/// programme has that many measures, and a typo must not name thousands.
const LONGEST_RANGE: u32 = 100;

/// Every reference phrase in `text`, in reading order.
///
/// The keyword is matched ignoring ASCII case on the text itself, so that
/// every phrase is a span of `text` (lower-casing first would shift byte
/// offsets where a character grows, such as `İ`). It must start a word: the
/// "maatregel" in "tegenmaatregel 3" names no measure.
pub fn references(text: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut resume = 0;
    for (start, c) in text.char_indices() {
        if start < resume || !c.eq_ignore_ascii_case(&'m') {
            continue;
        }
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        if let Some((reference, end)) = phrase_at(text, start) {
            out.push(reference);
            resume = end;
        }
    }
    out
}

/// The phrase that starts at `start`, and the byte offset where it ends.
fn phrase_at(text: &str, start: usize) -> Option<(Reference, usize)> {
    const WORD: &str = "maatregel";
    let word = text.get(start..start + WORD.len())?;
    if !word.eq_ignore_ascii_case(WORD) {
        return None;
    }
    let rest = &text[start + WORD.len()..];
    let plural = rest.get(..3).is_some_and(|s| s.eq_ignore_ascii_case("en "));
    let first_at = if plural {
        start + WORD.len() + 3
    } else if rest.starts_with(' ') {
        start + WORD.len() + 1
    } else {
        return None;
    };
    let (first, mut end) = target_at(text, first_at)?;
    let mut targets = vec![first];
    if plural {
        end = list(text, end, &mut targets);
    }
    let mut unique: Vec<Target> = Vec::with_capacity(targets.len());
    for t in targets {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    Some((
        Reference {
            phrase: text[start..end].to_string(),
            targets: unique,
        },
        end,
    ))
}

/// The rest of a plural phrase's list after its first target: ", 31",
/// " en 32", " of 32", " tot en met 32", " t/m 32", "–32". Returns where the
/// list ends; a separator not followed by a target is not part of it.
fn list(text: &str, mut end: usize, targets: &mut Vec<Target>) -> usize {
    const RANGES: [&str; 4] = [" tot en met ", " t/m ", "–", "-"];
    loop {
        let rest = &text[end..];
        if let Some(sep) = RANGES.iter().find(|s| rest.starts_with(**s)) {
            let Some((to, after)) = target_at(text, end + sep.len()) else {
                return end;
            };
            let Some(from) = targets.last().cloned() else {
                return end;
            };
            if from.item.is_some()
                || to.item.is_some()
                || to.measure <= from.measure
                || to.measure - from.measure > LONGEST_RANGE
            {
                return end;
            }
            targets.extend((from.measure + 1..=to.measure).map(Target::measure));
            end = after;
            continue;
        }
        let (sep, last) = if rest.starts_with(", ") {
            (", ", false)
        } else if rest.starts_with(" en ") {
            (" en ", true)
        } else if rest.starts_with(" of ") {
            (" of ", true)
        } else {
            return end;
        };
        let Some((next, after)) = target_at(text, end + sep.len()) else {
            return end;
        };
        targets.push(next);
        end = after;
        if last {
            return end;
        }
    }
}

/// A measure number at `at`, with an item label glued to it ("30a"), and the
/// byte offset after it.
fn target_at(text: &str, at: usize) -> Option<(Target, usize)> {
    let rest = text.get(at..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let measure: u32 = rest[..digits].parse().ok()?;
    let after_digits = &rest[digits..];
    let letters = after_digits
        .bytes()
        .take_while(u8::is_ascii_lowercase)
        .count();
    let ends_word = !after_digits[letters..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    if (1..=2).contains(&letters) && ends_word {
        let item = after_digits[..letters].to_string();
        return Some((
            Target {
                measure,
                item: Some(item),
            },
            at + digits + letters,
        ));
    }
    Some((Target::measure(measure), at + digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Vec<String>)> {
        references(text)
            .into_iter()
            .map(|r| (r.phrase, r.targets.iter().map(Target::to_string).collect()))
            .collect()
    }

    fn one(phrase: &str, targets: &[&str]) -> (String, Vec<String>) {
        (
            phrase.to_string(),
            targets.iter().map(|t| t.to_string()).collect(),
        )
    }

    #[test]
    fn references_name_the_measure_number() {
        assert_eq!(
            read("worden geïdentificeerd (zie ook maatregel 30). Zie Maatregel 8."),
            [one("maatregel 30", &["30"]), one("Maatregel 8", &["8"])]
        );
    }

    #[test]
    fn reference_phrases_are_spans_of_the_text_even_after_growing_characters() {
        // `İ` lower-cases to two characters; the phrase must still be the
        // text's own.
        assert_eq!(
            read("İİİ Maatregel 30 en İ zie maatregel 31."),
            [one("Maatregel 30", &["30"]), one("maatregel 31", &["31"])]
        );
    }

    #[test]
    fn plural_phrases_name_every_measure_they_list() {
        assert_eq!(
            read("zie maatregelen 30 en 31; maatregelen 30, 31 en 32. Maatregelen 4 of 5"),
            [
                one("maatregelen 30 en 31", &["30", "31"]),
                one("maatregelen 30, 31 en 32", &["30", "31", "32"]),
                one("Maatregelen 4 of 5", &["4", "5"]),
            ]
        );
        assert_eq!(
            read("maatregelen 30 tot en met 32 en maatregelen 2–4, en verder"),
            [
                one("maatregelen 30 tot en met 32", &["30", "31", "32"]),
                one("maatregelen 2–4", &["2", "3", "4"]),
            ]
        );
    }

    #[test]
    fn an_item_letter_glued_to_the_number_names_the_item() {
        assert_eq!(
            read("zie maatregel 30a en maatregelen 12b en 13. Maatregel 7abc"),
            [
                one("maatregel 30a", &["30a"]),
                one("maatregelen 12b en 13", &["12b", "13"]),
                one("Maatregel 7", &["7"]),
            ]
        );
    }

    #[test]
    fn any_mix_of_the_phrase_fragments_reads_without_panicking() {
        // Every sequence of three fragments, some cut inside a multi-byte
        // character's neighbourhood, and the largest numbers.
        let fragments = [
            "maatregel",
            "Maatregelen",
            "maatregelen ",
            "maatregel ",
            " ",
            "3",
            "30a",
            "4294967295",
            "4294967296",
            " en ",
            " of ",
            ", ",
            " tot en met ",
            " t/m ",
            "–",
            "-",
            "é",
            "İ",
            "ab",
            "z",
            ".",
            "\u{202e}",
        ];
        for a in fragments {
            for b in fragments {
                for c in fragments {
                    let text = format!("{a}{b}{c}");
                    for r in references(&text) {
                        assert!(text.contains(&r.phrase), "{text:?}");
                        assert!(!r.targets.is_empty() && r.targets.len() <= 101, "{text:?}");
                    }
                }
            }
        }
        let range = references("maatregelen 4294967294 tot en met 4294967295");
        assert_eq!(range[0].targets.len(), 2);
    }

    #[test]
    fn what_is_not_a_reference_is_left_alone() {
        assert!(read("de ISD maatregel ook; tegenmaatregel 3; maatregelen nemen").is_empty());
        assert!(read("maatregel 99999999999999999999").is_empty());
        // A list separator without a number after it ends the phrase.
        assert_eq!(
            read("maatregelen 30 en andere, maatregelen 5, en"),
            [one("maatregelen 30", &["30"]), one("maatregelen 5", &["5"])]
        );
        // A backwards or absurd range is not read as one.
        assert_eq!(
            read("maatregelen 30 tot en met 3; maatregelen 1-4000000000"),
            [one("maatregelen 30", &["30"]), one("maatregelen 1", &["1"])]
        );
        // Nor a range from or to an item.
        assert_eq!(
            read("maatregelen 30a tot en met 32; maatregelen 4 t/m 6b"),
            [
                one("maatregelen 30a", &["30a"]),
                one("maatregelen 4", &["4"])
            ]
        );
    }
}
