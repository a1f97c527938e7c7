//! Stale cross-references: "maatregel 30" in a measure whose target is now
//! measure 31. Only a tool that aligns can see these: each number is valid in
//! the version it stands in, just no longer the right one.
//!
//! Staleness is judged per phrase, not per number: a phrase is stale when it
//! was carried over unchanged from the old text (its words are equal in the
//! word diff of its item, title, lead-in or body against the old one it
//! continues) and a measure it names now has another number or none. A
//! phrase an editor updated to the new number is not stale, even where the
//! old text also had a phrase with that number.

use super::{StaleName, StaleReference, StaleTarget};
use crate::align::{Alignment, align_texts};
use crate::snapshot::{Measure, Reference, Snapshot};
use similar::{ChangeTag, TextDiff};
use std::collections::HashMap;

/// Below this word similarity a new text is not the continuation of an old
/// one: it was written anew, and so were the references in it.
const SAME_TEXT: f32 = 0.5;

pub(super) fn stale(old: &Snapshot, new: &Snapshot, alignment: &Alignment) -> Vec<StaleReference> {
    let successors = alignment.successors(old.measures.len());
    // For each new measure: the old measures its content came from. A piece
    // split off an old measure comes from it as much as the piece that
    // continues it.
    let mut sources: Vec<Vec<usize>> = vec![Vec::new(); new.measures.len()];
    let mut add = |n: usize, o: usize| {
        if let Some(slot) = sources.get_mut(n) {
            slot.push(o);
        }
    };
    for p in &alignment.pairs {
        add(p.new, p.old);
    }
    for s in &alignment.splits {
        for &n in &s.new {
            add(n, s.old);
        }
    }
    for m in &alignment.merges {
        for &o in &m.old {
            add(m.new, o);
        }
    }
    // For each new measure: the old measure it continues.
    let mut predecessor: Vec<Option<usize>> = vec![None; new.measures.len()];
    for (o, n) in successors.iter().enumerate() {
        if let Some(slot) = n.and_then(|n| predecessor.get_mut(n)) {
            *slot = Some(o);
        }
    }
    // For each old measure: what became of it, for references to it.
    let mut fate: Vec<(StaleTarget, Option<u32>)> =
        vec![(StaleTarget::Removed, None); old.measures.len()];
    for (o, n) in successors.iter().enumerate() {
        if let Some(m) = n.and_then(|n| new.measures.get(n)) {
            fate[o] = (StaleTarget::Renumbered, Some(m.number));
        }
    }
    for s in &alignment.splits {
        if s.continued.is_none() {
            fate[s.old] = (StaleTarget::Split, None);
        }
    }
    for m in &alignment.merges {
        let number = new.measures.get(m.new).map(|x| x.number);
        for &o in &m.old {
            if Some(o) != m.continued {
                fate[o] = (StaleTarget::Merged, number);
            }
        }
    }

    let by_number: HashMap<u32, usize> = old
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.number, i))
        .collect();
    let fates = Fates {
        old,
        new,
        alignment,
        successors,
        sources,
        predecessor,
        fate,
        by_number,
    };
    // Each new measure is judged on its own, on every core; the order is
    // kept. Most measures hold no reference and are passed by at once.
    use rayon::prelude::*;
    let judged: Vec<Vec<StaleReference>> = new
        .measures
        .par_iter()
        .enumerate()
        .filter(|(_, measure)| measure.has_references())
        .map(|(n, measure)| fates.stale_in(n, measure))
        .collect();
    judged.into_iter().flatten().collect()
}

/// What became of every measure across the alignment, for judging the
/// references of the new version.
struct Fates<'a> {
    old: &'a Snapshot,
    new: &'a Snapshot,
    alignment: &'a Alignment,
    /// For each old measure: the new measure that continues it.
    successors: Vec<Option<usize>>,
    /// For each new measure: the old measures its content came from.
    sources: Vec<Vec<usize>>,
    /// For each new measure: the old measure it continues.
    predecessor: Vec<Option<usize>>,
    /// For each old measure: what became of it, and its new number.
    fate: Vec<(StaleTarget, Option<u32>)>,
    by_number: HashMap<u32, usize>,
}

impl Fates<'_> {
    /// The stale references of new measure `n`.
    fn stale_in(&self, n: usize, measure: &Measure) -> Vec<StaleReference> {
        let mut out = Vec::new();
        let old_elements: Vec<Element<'_>> = self.sources[n]
            .iter()
            .filter_map(|&o| self.old.measures.get(o))
            .flat_map(elements)
            .collect();
        if old_elements.is_empty() {
            return out; // an added measure: its references are all new
        }
        // The title, lead-in and body of the measure this one continues are
        // the same place however much they were reworded.
        let continued_head = self.predecessor[n]
            .and_then(|o| self.old.measures.get(o))
            .and_then(|m| elements(m).into_iter().next());
        for element in elements(measure) {
            if element.references.is_empty() {
                continue;
            }
            let counterpart = counterpart(&element, &old_elements).or(match element.item {
                None => continued_head.as_ref(),
                Some(_) => None,
            });
            for (index, r) in element.references.iter().enumerate() {
                if !counterpart.is_some_and(|old| carried_over(&element, index, old)) {
                    continue; // written for the new version
                }
                let names = self.names(r);
                let Some(first) = names.first() else {
                    continue;
                };
                out.push(StaleReference {
                    measure: measure.number,
                    item: element.item.clone(),
                    phrase: r.phrase.clone(),
                    says: first.says,
                    should_say: first.should_say,
                    target: first.target,
                    targets: names,
                });
            }
        }
        out
    }

    /// The names in a carried-over reference that no longer say where
    /// their target is.
    fn names(&self, r: &Reference) -> Vec<StaleName> {
        r.targets
            .iter()
            .filter_map(|t| {
                // A number dangling already in the old version is a `check`
                // matter.
                let &target = self.by_number.get(&t.measure)?;
                let (kind, now) = self.fate[target];
                // An item named is followed to where it is now: the measure
                // that continues its own (under the label it has there), a
                // piece split off (as an item or as the whole piece), or
                // nowhere.
                let found = t
                    .item
                    .as_deref()
                    .and_then(|path| self.item_place(target, path));
                let (should_say, should_say_item) = match found {
                    Some((number, label)) => (Some(number), label),
                    None => (now, t.item.clone()),
                };
                let moved = should_say != Some(t.measure) || should_say_item != t.item;
                moved.then(|| StaleName {
                    says: t.measure,
                    item: t.item.clone(),
                    should_say,
                    should_say_item,
                    target: kind,
                })
            })
            .collect()
    }

    /// Where item `path` of old measure `target` is now (see [`item_place`]).
    fn item_place(&self, target: usize, path: &str) -> Option<(u32, Option<String>)> {
        let from = self.old.measures.get(target)?;
        let pieces = self
            .alignment
            .splits
            .iter()
            .filter(|s| s.old == target)
            .flat_map(|s| s.new.iter().copied());
        let merged = self
            .alignment
            .merges
            .iter()
            .filter(|m| m.old.contains(&target))
            .map(|m| m.new);
        let places: Vec<usize> = self.successors[target]
            .into_iter()
            .chain(merged)
            .chain(pieces)
            .collect();
        item_place(from, path, &places, self.new)
    }
}

/// A text of a measure that can hold references: the measure's title,
/// lead-in and body together (item `None`; its `references` stand in any of
/// them), or one item.
struct Element<'a> {
    item: Option<String>,
    text: std::borrow::Cow<'a, str>,
    references: &'a [Reference],
}

fn elements(m: &Measure) -> Vec<Element<'_>> {
    let head: Vec<&str> = m.own_text().collect();
    let mut out = vec![Element {
        item: None,
        text: head.join(" ").into(),
        references: &m.references,
    }];
    for (path, item) in m.items_flat() {
        out.push(Element {
            item: Some(path.join(".")),
            text: item.text.as_str().into(),
            references: &item.references,
        });
    }
    out
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// The old text the new element continues: the most similar one, if it is
/// similar enough.
/// Of equally similar texts the first is taken, so the search ends at the
/// first text as it stands now: no later one can be more similar.
fn counterpart<'a>(new: &Element<'_>, old: &'a [Element<'a>]) -> Option<&'a Element<'a>> {
    let new_words = words(&new.text);
    let mut best: Option<(f32, &Element<'_>)> = None;
    for o in old {
        let ratio = if o.text == new.text {
            1.0
        } else {
            let old_words = words(&o.text);
            TextDiff::configure()
                .diff_slices(&old_words, &new_words)
                .ratio()
        };
        if ratio >= SAME_TEXT && best.is_none_or(|(b, _)| ratio > b) {
            best = Some((ratio, o));
        }
        if ratio >= 1.0 {
            break;
        }
    }
    best.map(|(_, o)| o)
}

/// Whether the `index`th reference of `new` stood in `old` as it stands now:
/// the old text has the same phrase, and the phrase's words are equal in the
/// word diff of the two texts (so "maatregel 31" that replaced "maatregel 30"
/// is new, even where the old text had another "maatregel 31").
fn carried_over(new: &Element<'_>, index: usize, old: &Element<'_>) -> bool {
    let Some(r) = new.references.get(index) else {
        return false;
    };
    let key = |p: &str| words(p).join(" ").to_lowercase();
    let phrase = key(&r.phrase);
    if !old.references.iter().any(|o| key(&o.phrase) == phrase) {
        return false;
    }
    if old.text == new.text {
        return true; // every word of the phrase stands as it stood
    }
    // The phrase's place in the new text: its occurrence that matches the
    // reference's rank among the references with this phrase.
    let rank = new.references[..index]
        .iter()
        .filter(|o| o.phrase == r.phrase)
        .count();
    let Some((start, _)) = new.text.match_indices(r.phrase.as_str()).nth(rank) else {
        // The phrase is not in the text as written (a hand-made snapshot):
        // the old text having it is all there is to go by.
        return true;
    };
    let end = start + r.phrase.len();
    let new_words = word_spans(&new.text);
    let covered: Vec<usize> = new_words
        .iter()
        .enumerate()
        .filter(|(_, (a, b))| *a < end && start < *b)
        .map(|(i, _)| i)
        .collect();
    // Words compared without the punctuation glued to them, so that
    // "(maatregel 30)." is the same phrase as "maatregel 30,".
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let new_list: Vec<String> = new_words
        .iter()
        .map(|&(a, b)| bare(&new.text[a..b]))
        .collect();
    let old_list: Vec<String> = words(&old.text).into_iter().map(bare).collect();
    let old_list: Vec<&str> = old_list.iter().map(String::as_str).collect();
    let new_list: Vec<&str> = new_list.iter().map(String::as_str).collect();
    let diff = TextDiff::configure().diff_slices(&old_list, &new_list);
    let mut equal = vec![false; new_list.len()];
    for change in diff.iter_all_changes() {
        if let (ChangeTag::Equal, Some(i)) = (change.tag(), change.new_index()) {
            if let Some(slot) = equal.get_mut(i) {
                *slot = true;
            }
        }
    }
    covered
        .iter()
        .all(|&i| equal.get(i).copied().unwrap_or(false))
}

/// The label path the item `path` of `old` has in `new`, the measure that
/// continues it: items are paired by content, level by level, as `diff`
/// pairs them. `None` when the item is gone (or was not there).
fn item_now(old: &Measure, new: &Measure, path: &str) -> Option<String> {
    let (mut old_items, mut new_items) = (&old.items, &new.items);
    let mut labels = Vec::new();
    for label in path.split('.') {
        let i = old_items.iter().position(|x| x.label == label)?;
        let old_texts: Vec<&str> = old_items.iter().map(|x| x.text.as_str()).collect();
        let new_texts: Vec<&str> = new_items.iter().map(|x| x.text.as_str()).collect();
        let j = align_texts(&old_texts, &new_texts)
            .into_iter()
            .find(|row| row.old == Some(i))?
            .new?;
        let (a, b) = (old_items.get(i)?, new_items.get(j)?);
        labels.push(b.label.clone());
        (old_items, new_items) = (&a.items, &b.items);
    }
    Some(labels.join("."))
}

/// Where item `path` of the old measure `from` is now, among the new
/// measures `places` (the one that continues `from` first, then the pieces
/// split off it): its measure's number and its label there, or no label
/// where the item became the piece itself.
fn item_place(
    from: &Measure,
    path: &str,
    places: &[usize],
    new: &Snapshot,
) -> Option<(u32, Option<String>)> {
    let candidates: Vec<&Measure> = places.iter().filter_map(|&n| new.measures.get(n)).collect();
    if let Some((m, label)) = candidates
        .iter()
        .find_map(|m| item_now(from, m, path).map(|label| (m, label)))
    {
        return Some((m.number, Some(label)));
    }
    let text = &from
        .items_flat()
        .into_iter()
        .find(|(p, _)| p.join(".") == path)?
        .1
        .text;
    let old_words = words(text);
    candidates.iter().skip(1).find_map(|m| {
        let head: Vec<&str> = m.own_text().flat_map(str::split_whitespace).collect();
        let ratio = TextDiff::configure().diff_slices(&old_words, &head).ratio();
        (ratio >= SAME_TEXT).then_some((m.number, None))
    })
}

/// The byte spans of the white-space separated words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}
