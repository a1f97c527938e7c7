//! Rules about the glossary (begrippenlijst): terms unique, abbreviations the
//! measures use but the glossary does not define, entries nothing uses.

use super::snapshot_rules::walk_items;
use super::word_diff::words;
use super::{Severity, Sink, and_list};
use crate::load::JsonPath;
use crate::snapshot::Snapshot;
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check(sink: &mut Sink<'_>) {
    if sink.loaded.snapshot.glossary.is_none() {
        return;
    }
    duplicates(sink);
    undefined_abbreviations(sink);
    unused(sink);
}

fn duplicates(sink: &mut Sink<'_>) {
    let Some(glossary) = &sink.loaded.snapshot.glossary else {
        return;
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut found = Vec::new();
    for (i, e) in glossary.entries.iter().enumerate() {
        let key = words(&e.term).join(" ");
        if let Some(first) = seen.insert(key, i) {
            found.push((i, e.lines, format!("glossary term `{}` is defined twice (also at glossary.entries[{first}]); merge the two entries", e.term)));
        }
    }
    let loaded = sink.loaded;
    for (i, lines, message) in found {
        sink.push(
            "glossary/duplicate",
            Severity::Error,
            &JsonPath::root()
                .key("glossary")
                .key("entries")
                .index(i)
                .key("term"),
            message,
        )
        .at_source(loaded, lines);
    }
}

/// A token of two or more capital letters, possibly with digits and hyphens
/// (`AIVD`, `FIU-NL`, `SIS-II`), that is not a roman numeral.
pub(super) fn is_abbreviation(token: &str) -> bool {
    let mut chars = token.chars();
    let starts_upper = chars.next().is_some_and(|c| c.is_uppercase());
    let capitals = token.chars().filter(|c| c.is_uppercase()).count();
    let roman = token.chars().all(|c| "IVXLCDM".contains(c));
    starts_upper
        && capitals >= 2
        && !roman
        && token
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// The tokens of `text`: runs of letters, digits and inner hyphens.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|t| t.trim_matches('-'))
        .filter(|t| !t.is_empty())
}

/// Abbreviations written in parentheses: `Terroristen Afdeling (TA)`.
fn parenthesised_abbreviations(text: &str) -> Vec<&str> {
    text.split('(')
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(str::trim)
        .filter(|a| is_abbreviation(a))
        .collect()
}

/// What the glossary defines: its terms' abbreviations, every abbreviation it
/// gives in parentheses, and the short forms the text gives a glossary term
/// ("Terroristen Afdeling (TA)", where the glossary has `Terroristen
/// Afdeling`).
fn defined_abbreviations(snapshot: &Snapshot) -> BTreeSet<String> {
    let mut defined = BTreeSet::new();
    let entries = snapshot.glossary.iter().flat_map(|g| &g.entries);
    let mut terms: Vec<String> = Vec::new();
    for e in entries {
        defined.extend(
            tokens(&e.term)
                .filter(|t| is_abbreviation(t))
                .map(str::to_string),
        );
        defined.extend(
            parenthesised_abbreviations(&e.term)
                .into_iter()
                .map(str::to_string),
        );
        defined.extend(
            parenthesised_abbreviations(&e.definition)
                .into_iter()
                .map(str::to_string),
        );
        terms.extend(term_forms(&e.term).into_iter().map(|f| words(&f).join(" ")));
    }
    let text = corpus(snapshot, usize::MAX, true);
    for (before, rest) in text.split('(').zip(text.split('(').skip(1)) {
        let Some(short) = rest
            .split(')')
            .next()
            .map(str::trim)
            .filter(|a| is_abbreviation(a))
        else {
            continue;
        };
        let before = format!(" {}", words(before).join(" "));
        if terms.iter().any(|t| before.ends_with(&format!(" {t}"))) {
            defined.insert(short.to_string());
        }
    }
    defined
}

fn undefined_abbreviations(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let defined = defined_abbreviations(s);
    // Abbreviation → (first place it is used, measures that use it).
    let mut used: BTreeMap<&str, (JsonPath, Vec<u32>)> = BTreeMap::new();
    for (i, m) in s.measures.iter().enumerate() {
        let at = JsonPath::root().key("measures").index(i);
        let mut elements: Vec<(JsonPath, &str)> = vec![(at.key("title"), &m.title)];
        elements.extend(m.lead_in.as_deref().map(|t| (at.key("lead_in"), t)));
        elements.extend(m.body.as_deref().map(|t| (at.key("body"), t)));
        walk_items(&m.items, &at, &mut |path, item| {
            elements.push((path.key("text"), &item.text))
        });
        for (path, text) in elements {
            for token in tokens(text).filter(|t| is_abbreviation(t) && !defined.contains(*t)) {
                let entry = used
                    .entry(token)
                    .or_insert_with(|| (path.clone(), Vec::new()));
                if entry.1.last() != Some(&m.number) {
                    entry.1.push(m.number);
                }
            }
        }
    }
    for (abbreviation, (path, measures)) in used {
        let plural = if measures.len() == 1 { "" } else { "s" };
        sink.push(
            "glossary/undefined-abbreviation",
            Severity::Info,
            &path,
            format!("`{abbreviation}` is used in measure{plural} {} but the glossary does not define it; add a glossary entry if readers need one", and_list(&measures)),
        );
    }
}

/// Every text of the snapshot; the glossary's definitions only if asked,
/// and never the one at `skip`.
fn corpus(s: &Snapshot, skip: usize, with_definitions: bool) -> String {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(s.groups_intro.as_deref());
    for g in &s.groups {
        texts.push(&g.title);
        texts.push(&g.text);
        texts.extend(g.parts.iter().map(|p| p.text.as_str()));
    }
    if let Some(intro) = &s.introduction {
        texts.extend(intro.paragraphs.iter().map(String::as_str));
    }
    texts.extend(s.goals.iter().map(String::as_str));
    for t in &s.themes {
        texts.push(&t.title);
        texts.extend(t.aims.iter().map(String::as_str));
        for sec in &t.sections {
            texts.push(&sec.title);
            texts.extend(sec.aims.iter().map(String::as_str));
        }
        texts.extend(t.paragraphs.iter().map(|p| p.text.as_str()));
    }
    let measures: Vec<String> = s.measures.iter().map(|m| m.full_text()).collect();
    texts.extend(measures.iter().map(String::as_str));
    texts.extend(s.footnotes.iter().map(|f| f.text.as_str()));
    if let Some(g) = &s.glossary {
        texts.extend(g.intro.as_deref());
        if with_definitions {
            texts.extend(
                g.entries
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, e)| e.definition.as_str()),
            );
        }
    }
    texts.join("\n")
}

/// The forms in which a term can be used: the term without its parenthesised
/// parts and quotes, and each abbreviation it gives in parentheses.
fn term_forms(term: &str) -> Vec<String> {
    let mut main = String::new();
    let mut depth = 0usize;
    for c in term.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => main.push(c),
            _ => {}
        }
    }
    let mut forms = vec![main.trim().to_string()];
    forms.extend(
        parenthesised_abbreviations(term)
            .into_iter()
            .map(str::to_string),
    );
    forms.retain(|f| !words(f).is_empty());
    forms
}

fn unused(sink: &mut Sink<'_>) {
    let s = &sink.loaded.snapshot;
    let Some(glossary) = &s.glossary else { return };
    let mut found = Vec::new();
    // The snapshot's text without the glossary's definitions, then each
    // definition on its own: an entry's own definition does not use it.
    let searchable = |text: &str| {
        (
            tokens(text)
                .map(str::to_string)
                .collect::<BTreeSet<String>>(),
            format!(" {} ", words(text).join(" ")),
        )
    };
    let base = searchable(&corpus(s, usize::MAX, false));
    let definitions: Vec<_> = glossary
        .entries
        .iter()
        .map(|e| searchable(&e.definition))
        .collect();
    for (i, e) in glossary.entries.iter().enumerate() {
        let forms = term_forms(&e.term);
        let uses = |(tokens, flat): &(BTreeSet<String>, String)| {
            forms.iter().any(|form| {
                if is_abbreviation(form) {
                    tokens.contains(form.as_str())
                } else {
                    // A word-initial match, so that `Jihadganger` is used by
                    // "jihadgangers".
                    flat.contains(&format!(" {}", words(form).join(" ")))
                }
            })
        };
        let used = uses(&base)
            || definitions
                .iter()
                .enumerate()
                .any(|(j, d)| j != i && uses(d));
        if !used {
            found.push((i, e.lines, format!("glossary term `{}` is not used in the measures or anywhere else in the programme; remove the entry if it is not needed", e.term)));
        }
    }
    let loaded = sink.loaded;
    for (i, lines, message) in found {
        sink.push(
            "glossary/unused",
            Severity::Info,
            &JsonPath::root().key("glossary").key("entries").index(i),
            message,
        )
        .at_source(loaded, lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_runs_of_capitals() {
        for a in ["AIVD", "FIU-NL", "SIS-II", "GCTF", "NCTV"] {
            assert!(is_abbreviation(a), "{a}");
        }
        for n in ["Jihad", "CT-infobox", "II", "B", "EU-Kopgroep", "33"] {
            assert!(!is_abbreviation(n), "{n}");
        }
        let toks: Vec<&str> = tokens("de (ISD) maatregel, FIU-NL’s en -EU-").collect();
        assert_eq!(toks, ["de", "ISD", "maatregel", "FIU-NL", "s", "en", "EU"]);
    }

    #[test]
    fn terms_are_used_in_their_forms() {
        assert_eq!(term_forms("(Mondiaal) jihadisme"), ["jihadisme"]);
        assert_eq!(
            term_forms("Terroristen Afdeling (TA)"),
            ["Terroristen Afdeling", "TA"]
        );
    }
}
