//! Rules between a programme and a summary page that describes it: the same
//! groups with the same titles, texts and parts, and an intro whose count word
//! ("vijf groepen") matches. Also the programme's overview against its own
//! theme headings.

use super::word_diff::{WordDetail, differ_in_words, words};
use super::{Severity, Sink};
use crate::load::{JsonPath, Loaded};
use crate::snapshot::{Group, Kind};

/// The number a groups intro names: "in vijf groepen" or "in 5 groepen".
pub(super) fn count_word(intro: &str) -> Option<(String, usize)> {
    let tokens: Vec<String> = intro
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    let at = tokens.iter().position(|t| t.starts_with("groep"))?;
    let word = tokens.get(at.checked_sub(1)?)?;
    const NUMBERS: [&str; 10] = [
        "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    ];
    let n = match word.as_str() {
        "één" => 1,
        w => NUMBERS
            .iter()
            .position(|n| *n == w)
            .map(|p| p + 1)
            .or_else(|| w.parse().ok())?,
    };
    Some((word.clone(), n))
}

/// The groups intro's count word agrees with the number of groups.
pub(super) fn check_count_word(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let Some(intro) = &s.groups_intro else { return };
    let Some((word, n)) = count_word(intro) else {
        return;
    };
    if n != s.groups.len() {
        let message = format!(
            "the groups intro says \"{word} groepen\" but `groups` holds {}; correct the count word or the groups",
            s.groups.len()
        );
        sink.push(
            "summary/count-word",
            Severity::Error,
            &JsonPath::root().key("groups_intro"),
            message,
        );
    }
}

fn same_title(a: &str, b: &str) -> bool {
    words(a) == words(b)
}

/// The overview's group titles against the theme headings of the same number.
pub(super) fn check_theme_titles(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    if s.kind != Kind::Programme {
        return;
    }
    let mut found = Vec::new();
    for (i, g) in s.groups.iter().enumerate() {
        let Some(theme) = s.theme(g.number) else {
            continue;
        };
        if !same_title(&g.title, &theme.title) {
            found.push((
                i,
                format!("overview group {} is titled `{}` but theme {} is headed `{}`; make them agree if they should", g.number, g.title, theme.number, theme.title),
                WordDetail::between(format!("group {}", g.number), &g.title, format!("theme {}", theme.number), &theme.title),
            ));
        }
    }
    for (i, message, diff) in found {
        sink.push(
            "summary/theme-title",
            Severity::Info,
            &JsonPath::root().key("groups").index(i).key("title"),
            message,
        )
        .with_detail(diff);
    }
}

/// How alike two groups are, 0 to 1: their titles, else their texts.
fn likeness(a: &Group, b: &Group) -> f64 {
    if same_title(&a.title, &b.title) {
        return 1.0;
    }
    let title =
        strsim::normalized_levenshtein(&words(&a.title).join(" "), &words(&b.title).join(" "));
    let text_of = |g: &Group| {
        words(&format!(
            "{} {}",
            g.text,
            g.parts
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ))
        .join(" ")
    };
    let text = strsim::normalized_levenshtein(&text_of(a), &text_of(b));
    title.max(text) * 0.99
}

/// The least likeness for two groups to count as the same group.
const SAME_GROUP: f64 = 0.5;

/// Pair the programme's groups with the summary's, best matches first; a
/// dropped group must not shift every later group onto the wrong partner.
fn pair_groups(programme: &[Group], summary: &[Group]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in programme.iter().enumerate() {
        for (j, b) in summary.iter().enumerate() {
            let score = likeness(a, b);
            if score >= SAME_GROUP {
                candidates.push((score, i, j));
            }
        }
    }
    // Highest score first; ties in document order, so the result is stable.
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_a, mut used_b) = (vec![false; programme.len()], vec![false; summary.len()]);
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort();
    pairs
}

/// Compare a summary page (the sink's snapshot) with the programme it
/// describes.
pub(super) fn check_pair(programme: &Loaded, sink: &mut Sink<'_>) {
    let p = &programme.snapshot;
    let s = &sink.loaded.snapshot;
    let (pid, sid) = (&p.id, &s.id);
    let groups = JsonPath::root().key("groups");
    let mut found: Vec<(&'static str, Severity, JsonPath, String, Option<WordDetail>)> = Vec::new();
    if p.groups.len() != s.groups.len() {
        found.push((
            "summary/group-count",
            Severity::Error,
            groups.clone(),
            format!("summary `{sid}` has {} groups but programme `{pid}` has {}; add or remove groups so that they agree", s.groups.len(), p.groups.len()),
            None,
        ));
    }
    let pairs = pair_groups(&p.groups, &s.groups);
    for (i, g) in p.groups.iter().enumerate() {
        if !pairs.iter().any(|(a, _)| *a == i) {
            found.push((
                "summary/group-missing",
                Severity::Error,
                groups.clone(),
                format!(
                    "group {} of programme `{pid}` (`{}`) is missing from summary `{sid}`; add it",
                    g.number, g.title
                ),
                None,
            ));
        }
    }
    for (j, g) in s.groups.iter().enumerate() {
        if !pairs.iter().any(|(_, b)| *b == j) {
            found.push((
                "summary/group-extra",
                Severity::Error,
                groups.index(j),
                format!("group {} of summary `{sid}` (`{}`) matches no group of programme `{pid}`; remove it or correct its title", g.number, g.title),
                None,
            ));
        }
    }
    let old = |what: &str| format!("programme `{pid}` {what}");
    let new = |what: &str| format!("summary `{sid}` {what}");
    for &(i, j) in &pairs {
        let (a, b) = (&p.groups[i], &s.groups[j]);
        let at = groups.index(j);
        let what = format!("group {}", a.number);
        if !same_title(&a.title, &b.title) {
            found.push((
                "summary/group-title",
                Severity::Warning,
                at.key("title"),
                format!("the title of {what} differs: `{}` in programme `{pid}`, `{}` here; make the summary's title agree", a.title, b.title),
                Some(WordDetail::between(old(&what), &a.title, new(&what), &b.title)),
            ));
        }
        if differ_in_words(&a.text, &b.text) {
            found.push((
                "summary/group-text",
                Severity::Warning,
                at.key("text"),
                format!("the text of {what} differs from programme `{pid}` in more than case and punctuation; make the summary's words agree, or note why they differ"),
                Some(WordDetail::between(old(&what), &a.text, new(&what), &b.text)),
            ));
        }
        if a.parts.len() != b.parts.len() {
            found.push((
                "summary/parts",
                Severity::Warning,
                at.key("parts"),
                format!("{what} has {} parts in programme `{pid}` but {} here; add or remove parts so that they agree", a.parts.len(), b.parts.len()),
                None,
            ));
        }
        for (k, (pa, pb)) in a.parts.iter().zip(&b.parts).enumerate() {
            if differ_in_words(&pa.text, &pb.text) {
                let part = format!(
                    "part {} of {what}",
                    pa.label.clone().unwrap_or_else(|| (k + 1).to_string())
                );
                found.push((
                    "summary/parts",
                    Severity::Warning,
                    at.key("parts").index(k).key("text"),
                    format!("the text of {part} differs from programme `{pid}` in more than case and punctuation; make the summary's words agree"),
                    Some(WordDetail::between(old(&part), &pa.text, new(&part), &pb.text)),
                ));
            }
        }
    }
    for (rule, severity, path, message, diff) in found {
        let finding = sink.push(rule, severity, &path, message);
        if let Some(diff) = diff {
            finding.with_detail(diff);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words_are_read_in_dutch_and_in_digits() {
        assert_eq!(
            count_word("onder te verdelen in vijf groepen maatregelen:"),
            Some(("vijf".to_string(), 5))
        );
        assert_eq!(
            count_word("in 5 groepen maatregelen"),
            Some(("5".to_string(), 5))
        );
        assert_eq!(count_word("in één groep"), Some(("één".to_string(), 1)));
        assert_eq!(count_word("in groepen"), None);
        assert_eq!(count_word("enkele groepen"), None);
    }
}
