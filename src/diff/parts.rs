//! The programme's other parts: goals, overview groups, theme headings and
//! aims, footnotes and glossary entries.

use super::words::{WordDiff, normalize};
use super::{EntryChange, EntryChangeKind, GroupChange, ThemeChange};
use crate::align::structure::Structure;
use crate::align::{align_texts, normalized_eq};
use crate::snapshot::{Footnote, Glossary, Group, Part, Section, Theme};
use std::collections::BTreeMap;

fn changed(old: &str, new: &str) -> Option<WordDiff> {
    if normalized_eq(old, new) {
        None
    } else {
        Some(WordDiff::of(old, new))
    }
}

/// Entries aligned by content (keys may shift); entries that differ only.
fn keyed_by_content(old: &[(String, &str)], new: &[(String, &str)]) -> Vec<EntryChange> {
    let old_texts: Vec<&str> = old.iter().map(|(_, t)| *t).collect();
    let new_texts: Vec<&str> = new.iter().map(|(_, t)| *t).collect();
    let mut out = Vec::new();
    for row in align_texts(&old_texts, &new_texts) {
        let a = row.old.and_then(|i| old.get(i));
        let b = row.new.and_then(|j| new.get(j));
        let entry = match (a, b) {
            (Some((ka, ta)), Some((kb, tb))) => {
                let words = changed(ta, tb);
                let kind = match (&words, ka == kb) {
                    (Some(_), _) => EntryChangeKind::Changed,
                    (None, false) => EntryChangeKind::Rekeyed,
                    (None, true) => continue,
                };
                EntryChange {
                    kind,
                    old_key: Some(ka.clone()),
                    new_key: Some(kb.clone()),
                    old_text: Some(normalize(ta)),
                    new_text: Some(normalize(tb)),
                    words,
                }
            }
            (Some((k, t)), None) => EntryChange {
                kind: EntryChangeKind::Removed,
                old_key: Some(k.clone()),
                new_key: None,
                old_text: Some(normalize(t)),
                new_text: None,
                words: None,
            },
            (None, Some((k, t))) => EntryChange {
                kind: EntryChangeKind::Added,
                old_key: None,
                new_key: Some(k.clone()),
                old_text: None,
                new_text: Some(normalize(t)),
                words: None,
            },
            (None, None) => continue,
        };
        out.push(entry);
    }
    out
}

fn positional(texts: &[String]) -> Vec<(String, &str)> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| ((i + 1).to_string(), t.as_str()))
        .collect()
}

/// Positions are not meaningful for goals: a goal moved is no change.
pub(super) fn goals(old: &[String], new: &[String]) -> Vec<EntryChange> {
    keyed_by_content(&positional(old), &positional(new))
        .into_iter()
        .filter(|e| e.kind != EntryChangeKind::Rekeyed)
        .collect()
}

pub(super) fn footnotes(old: &[Footnote], new: &[Footnote]) -> Vec<EntryChange> {
    fn list(f: &[Footnote]) -> Vec<(String, &str)> {
        f.iter()
            .map(|f| (f.number.to_string(), f.text.as_str()))
            .collect()
    }
    keyed_by_content(&list(old), &list(new))
}

/// Glossary entries by term (case-insensitive): added, removed, definition
/// changed. Ordered by term.
pub(super) fn glossary(old: Option<&Glossary>, new: Option<&Glossary>) -> Vec<EntryChange> {
    let map = |g: Option<&Glossary>| {
        let mut m: BTreeMap<String, (String, String)> = BTreeMap::new();
        for e in g.map(|g| g.entries.as_slice()).unwrap_or_default() {
            m.entry(e.term.to_lowercase())
                .or_insert_with(|| (e.term.clone(), e.definition.clone()));
        }
        m
    };
    let (old, new) = (map(old), map(new));
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for k in keys {
        let entry = match (old.get(k), new.get(k)) {
            (Some((ta, da)), Some((tb, db))) => match changed(da, db) {
                Some(words) => EntryChange {
                    kind: EntryChangeKind::Changed,
                    old_key: Some(ta.clone()),
                    new_key: Some(tb.clone()),
                    old_text: Some(normalize(da)),
                    new_text: Some(normalize(db)),
                    words: Some(words),
                },
                None => continue,
            },
            (Some((t, d)), None) => EntryChange {
                kind: EntryChangeKind::Removed,
                old_key: Some(t.clone()),
                new_key: None,
                old_text: Some(normalize(d)),
                new_text: None,
                words: None,
            },
            (None, Some((t, d))) => EntryChange {
                kind: EntryChangeKind::Added,
                old_key: None,
                new_key: Some(t.clone()),
                old_text: None,
                new_text: Some(normalize(d)),
                words: None,
            },
            (None, None) => continue,
        };
        out.push(entry);
    }
    out
}

fn parts(old: &[Part], new: &[Part]) -> Vec<EntryChange> {
    // Summary pages list parts unlabelled: key them by position then.
    fn list(p: &[Part]) -> Vec<(String, &str)> {
        p.iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    p.label.clone().unwrap_or_else(|| (i + 1).to_string()),
                    p.text.as_str(),
                )
            })
            .collect()
    }
    let labelled = |p: &[Part]| p.iter().all(|p| p.label.is_some());
    let changes = keyed_by_content(&list(old), &list(new));
    if labelled(old) && labelled(new) {
        changes
    } else {
        changes
            .into_iter()
            .filter(|e| e.kind != EntryChangeKind::Rekeyed)
            .collect()
    }
}

/// The words of a text with case and punctuation folded away: the same
/// folding `check` uses for a summary page against its programme (its
/// `summary/group-text` rule), so that `diff` and `check` agree.
fn folded_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Groups aligned by number, then unmatched ones by title. With `loose` (a
/// programme against a summary page) texts that differ in case and
/// punctuation alone are not differences.
pub(super) fn groups(old: &[Group], new: &[Group], loose: bool) -> Vec<GroupChange> {
    let changed = |a: &str, b: &str| {
        if loose && folded_words(a) == folded_words(b) {
            None
        } else {
            changed(a, b)
        }
    };
    let mut new_taken = vec![false; new.len()];
    let mut old_to: Vec<Option<usize>> = vec![None; old.len()];
    for (i, g) in old.iter().enumerate() {
        if let Some(j) = new.iter().position(|h| h.number == g.number) {
            if !new_taken[j] {
                new_taken[j] = true;
                old_to[i] = Some(j);
            }
        }
    }
    for (i, g) in old.iter().enumerate() {
        if old_to[i].is_some() {
            continue;
        }
        if let Some(j) = new.iter().enumerate().position(|(j, h)| {
            !new_taken[j] && normalized_eq(&h.title.to_lowercase(), &g.title.to_lowercase())
        }) {
            new_taken[j] = true;
            old_to[i] = Some(j);
        }
    }
    let mut out = Vec::new();
    for (i, g) in old.iter().enumerate() {
        match old_to[i].and_then(|j| new.get(j)) {
            Some(h) => {
                let title = changed(&g.title, &h.title);
                let text = changed(&g.text, &h.text);
                let mut parts = parts(&g.parts, &h.parts);
                if loose {
                    parts.retain(|e| {
                        e.kind != EntryChangeKind::Changed
                            || folded_words(e.old_text.as_deref().unwrap_or(""))
                                != folded_words(e.new_text.as_deref().unwrap_or(""))
                    });
                }
                if title.is_some() || text.is_some() || !parts.is_empty() || g.number != h.number {
                    out.push(GroupChange {
                        kind: EntryChangeKind::Changed,
                        old_number: Some(g.number),
                        new_number: Some(h.number),
                        old_title: Some(g.title.clone()),
                        new_title: Some(h.title.clone()),
                        title,
                        text,
                        parts,
                    });
                }
            }
            None => out.push(GroupChange {
                kind: EntryChangeKind::Removed,
                old_number: Some(g.number),
                new_number: None,
                old_title: Some(g.title.clone()),
                new_title: None,
                title: None,
                text: None,
                parts: Vec::new(),
            }),
        }
    }
    for (j, h) in new.iter().enumerate() {
        if !new_taken[j] {
            out.push(GroupChange {
                kind: EntryChangeKind::Added,
                old_number: None,
                new_number: Some(h.number),
                old_title: None,
                new_title: Some(h.title.clone()),
                title: None,
                text: None,
                parts: Vec::new(),
            });
        }
    }
    out.sort_by_key(|g| (g.new_number.or(g.old_number), g.old_number));
    out
}

/// Themes paired by content ([`Structure`]): number, heading, aim lines and
/// sections. Ordered by new number, removed themes by their old number.
pub(super) fn themes(old: &[Theme], new: &[Theme], structure: &Structure) -> Vec<ThemeChange> {
    let counterpart = |i: usize| structure.themes.get(i).copied().flatten();
    let pairs: Vec<(usize, usize)> = (0..old.len())
        .filter_map(|i| Some((i, counterpart(i).filter(|j| *j < new.len())?)))
        .collect();
    let numbers: Vec<(u32, u32)> = pairs
        .iter()
        .map(|&(i, j)| (old[i].number, new[j].number))
        .collect();
    let mut out = Vec::new();
    for &(i, j) in &pairs {
        let (a, b) = (&old[i], &new[j]);
        let title = changed(&a.title, &b.title);
        let aims = keyed_by_content(&positional(&a.aims), &positional(&b.aims));
        let no_sections = Vec::new();
        let sections = sections(a, b, structure.sections.get(i).unwrap_or(&no_sections));
        let renumbered = a.number != b.number;
        if !renumbered && title.is_none() && aims.is_empty() && sections.is_empty() {
            continue;
        }
        // Two themes traded numbers when the theme that now has this one's
        // old number had this one's new number.
        let swapped_with =
            (renumbered && numbers.contains(&(b.number, a.number))).then_some(b.number);
        out.push(ThemeChange {
            kind: if renumbered {
                EntryChangeKind::Renumbered
            } else {
                EntryChangeKind::Changed
            },
            number: b.number,
            old_number: Some(a.number),
            new_number: Some(b.number),
            swapped_with,
            old_title: Some(a.title.clone()),
            new_title: Some(b.title.clone()),
            title,
            aims,
            sections,
        });
    }
    for (i, a) in old.iter().enumerate() {
        if !pairs.iter().any(|p| p.0 == i) {
            out.push(ThemeChange {
                kind: EntryChangeKind::Removed,
                number: a.number,
                old_number: Some(a.number),
                new_number: None,
                swapped_with: None,
                old_title: Some(a.title.clone()),
                new_title: None,
                title: None,
                aims: Vec::new(),
                sections: Vec::new(),
            });
        }
    }
    for (j, b) in new.iter().enumerate() {
        if !pairs.iter().any(|p| p.1 == j) {
            out.push(ThemeChange {
                kind: EntryChangeKind::Added,
                number: b.number,
                old_number: None,
                new_number: Some(b.number),
                swapped_with: None,
                old_title: None,
                new_title: Some(b.title.clone()),
                title: None,
                aims: Vec::new(),
                sections: Vec::new(),
            });
        }
    }
    out.sort_by_key(|t| (t.number, t.new_number.is_none(), t.old_number));
    out
}

/// Sections of a pair of themes, paired as `pairs` says (for each old
/// section, its new counterpart); the compared text is the section's aims.
fn sections(a: &Theme, b: &Theme, pairs: &[Option<usize>]) -> Vec<EntryChange> {
    let aims = |s: &Section| s.aims.join(" ");
    let mut out = Vec::new();
    let mut taken = vec![false; b.sections.len()];
    for (i, old) in a.sections.iter().enumerate() {
        let new = pairs
            .get(i)
            .copied()
            .flatten()
            .and_then(|j| Some((j, b.sections.get(j)?)));
        match new {
            Some((j, new)) => {
                if let Some(t) = taken.get_mut(j) {
                    *t = true;
                }
                let words = changed(&aims(old), &aims(new));
                let renamed = old.title != new.title;
                if !renamed && words.is_none() {
                    continue;
                }
                out.push(EntryChange {
                    kind: if renamed {
                        EntryChangeKind::Renamed
                    } else {
                        EntryChangeKind::Changed
                    },
                    old_key: Some(old.title.clone()),
                    new_key: Some(new.title.clone()),
                    old_text: Some(aims(old)),
                    new_text: Some(aims(new)),
                    words,
                });
            }
            None => out.push(EntryChange {
                kind: EntryChangeKind::Removed,
                old_key: Some(old.title.clone()),
                new_key: None,
                old_text: Some(aims(old)),
                new_text: None,
                words: None,
            }),
        }
    }
    for (j, new) in b.sections.iter().enumerate() {
        if !taken[j] {
            out.push(EntryChange {
                kind: EntryChangeKind::Added,
                old_key: None,
                new_key: Some(new.title.clone()),
                old_text: None,
                new_text: Some(aims(new)),
                words: None,
            });
        }
    }
    out
}
