//! Per-measure differences: change classes, word differences and the
//! alignment of lettered items inside each pair.

use super::status::{compare, compare_optional};
use super::words::{WordDiff, normalize};
use super::{ChangeClass, ItemChange, ItemChangeKind, MeasureChange, MeasureRef};
use crate::align::sequence::merge_rows;
use crate::align::structure::Structure;
use crate::align::{
    Alignment, ItemNode, ItemVocabulary, Pair, PairedBy, align_items, normalized_eq,
    unchanged_items,
};
use crate::snapshot::{Item, Measure, Snapshot};

fn reference(m: &Measure) -> MeasureRef {
    MeasureRef {
        number: m.number,
        title: m.title.clone(),
        theme: m.theme,
        section: m.section.clone(),
        status: m.status.clone(),
    }
}

fn bare(
    old: Vec<MeasureRef>,
    new: Vec<MeasureRef>,
    class: ChangeClass,
    confidence: Option<f64>,
) -> MeasureChange {
    MeasureChange {
        old,
        new,
        classes: vec![class],
        paired_by: None,
        confidence,
        similarity: None,
        status: None,
        title: None,
        lead_in: None,
        body: None,
        items: Vec::new(),
    }
}

/// Every measure entry, ordered by new number, removed ones by old number.
pub(super) fn measures(
    old: &Snapshot,
    new: &Snapshot,
    alignment: &Alignment,
    structure: &Structure,
    counted: Option<ItemVocabulary>,
) -> Vec<MeasureChange> {
    let o = |i: usize| old.measures.get(i);
    let n = |i: usize| new.measures.get(i);
    // Pairs are compared independently, on every core; the order is kept.
    use rayon::prelude::*;
    let vocabulary = Vocabulary {
        old,
        new,
        cell: counted.map_or_else(std::sync::OnceLock::new, std::sync::OnceLock::from),
    };
    let mut out: Vec<MeasureChange> = alignment
        .pairs
        .par_iter()
        .filter_map(|p| {
            let (a, b) = (o(p.old)?, n(p.new)?);
            let moved = structure.moved(
                old,
                new,
                (a.theme, a.section.as_deref()),
                (b.theme, b.section.as_deref()),
            );
            Some(pair(a, b, p, moved, &vocabulary))
        })
        .collect();
    for &i in &alignment.added {
        out.extend(n(i).map(|m| bare(Vec::new(), vec![reference(m)], ChangeClass::Added, None)));
    }
    for &i in &alignment.removed {
        out.extend(o(i).map(|m| bare(vec![reference(m)], Vec::new(), ChangeClass::Removed, None)));
    }
    for s in &alignment.splits {
        let olds = o(s.old).map(reference).into_iter().collect();
        let news = s.new.iter().filter_map(|i| n(*i)).map(reference).collect();
        out.push(bare(olds, news, ChangeClass::Split, Some(s.coverage)));
    }
    for m in &alignment.merges {
        let olds = m.old.iter().filter_map(|i| o(*i)).map(reference).collect();
        let news = n(m.new).map(reference).into_iter().collect();
        out.push(bare(olds, news, ChangeClass::Merged, Some(m.coverage)));
    }
    out.sort_by_key(sort_key);
    out
}

/// The item vocabulary of two versions, built the first time a pair's items
/// differ (most pairs' items do not), by whichever thread gets there first.
struct Vocabulary<'s> {
    old: &'s Snapshot,
    new: &'s Snapshot,
    cell: std::sync::OnceLock<ItemVocabulary>,
}

impl Vocabulary<'_> {
    fn get(&self) -> &ItemVocabulary {
        self.cell.get_or_init(|| vocabulary(self.old, self.new))
    }
}

/// How common each word is across the items and measure texts of both
/// versions, for aligning items by the words that tell them apart.
pub(super) fn vocabulary(old: &Snapshot, new: &Snapshot) -> ItemVocabulary {
    // Each item is a document, and so is each measure's own text (title,
    // lead-in and body together).
    let mut heads: Vec<String> = Vec::new();
    let mut items: Vec<&str> = Vec::new();
    for m in old.measures.iter().chain(&new.measures) {
        heads.push(m.own_text().collect::<Vec<_>>().join(" "));
        items.extend(m.items_flat().into_iter().map(|(_, i)| i.text.as_str()));
    }
    ItemVocabulary::of(heads.iter().map(String::as_str).chain(items))
}

fn sort_key(m: &MeasureChange) -> (u32, u8, u32) {
    let first_old = m.old.first().map_or(0, |r| r.number);
    match m.new.first() {
        Some(r) => (r.number, 0, first_old),
        None => (first_old, 1, first_old),
    }
}

/// Compare a pair of measures. `moved`: whether it went to another theme or
/// section than its old one's counterpart (see [`Structure::moved`]).
fn pair(
    a: &Measure,
    b: &Measure,
    p: &Pair,
    moved: bool,
    vocabulary: &Vocabulary<'_>,
) -> MeasureChange {
    let mut classes = Vec::new();
    let status = compare(&a.status, &b.status);
    if status.as_ref().is_some_and(|s| s.kind.is_change()) {
        classes.push(ChangeClass::Status);
    }
    if a.number != b.number {
        classes.push(ChangeClass::Renumbered);
    }
    if moved {
        classes.push(ChangeClass::Moved);
    }
    let title = changed(&a.title, &b.title);
    if title.is_some() {
        classes.push(ChangeClass::Retitled);
    }
    let lead_in = changed(
        a.lead_in.as_deref().unwrap_or(""),
        b.lead_in.as_deref().unwrap_or(""),
    );
    let body = changed(
        a.body.as_deref().unwrap_or(""),
        b.body.as_deref().unwrap_or(""),
    );
    let items = items(&a.items, &b.items, vocabulary);
    let item_text = items.iter().any(|i| {
        matches!(
            i.kind,
            ItemChangeKind::Added | ItemChangeKind::Removed | ItemChangeKind::Changed
        )
    });
    // Items that only moved (relabelled without any item added or removed)
    // are a reordering: a text change too.
    let reordered = !item_text && items.iter().any(|i| i.kind == ItemChangeKind::Relabelled);
    if lead_in.is_some() || body.is_some() || item_text || reordered {
        classes.push(ChangeClass::Text);
    }
    if items
        .iter()
        .any(|i| i.status.as_ref().is_some_and(|s| s.kind.is_change()))
        && !classes.contains(&ChangeClass::Status)
    {
        classes.push(ChangeClass::Status);
    }
    classes.sort();
    if classes.is_empty() {
        classes.push(ChangeClass::Unchanged);
    }
    let similarity = if lead_in.is_none() && body.is_none() && title.is_none() && !item_text {
        1.0
    } else {
        WordDiff::of(&a.full_text(), &b.full_text()).similarity
    };
    MeasureChange {
        old: vec![reference(a)],
        new: vec![reference(b)],
        classes,
        paired_by: Some(p.by),
        confidence: Some(if p.by == PairedBy::Override {
            1.0
        } else {
            p.confidence
        }),
        similarity: Some(similarity),
        status,
        title,
        lead_in,
        body,
        items,
    }
}

/// A word diff when the texts differ (white space aside).
fn changed(old: &str, new: &str) -> Option<WordDiff> {
    if normalized_eq(old, new) {
        None
    } else {
        Some(WordDiff::of(old, new))
    }
}

/// One item of a measure's flattened item tree.
struct Flat<'a> {
    item: &'a Item,
    /// Label path: `b`, `b.ii`.
    path: String,
    depth: usize,
    /// Index of the parent item in the flattened list.
    parent: Option<usize>,
}

fn flatten(items: &[Item]) -> Vec<Flat<'_>> {
    fn walk<'a>(
        items: &'a [Item],
        prefix: &str,
        depth: usize,
        parent: Option<usize>,
        out: &mut Vec<Flat<'a>>,
    ) {
        for item in items {
            let path = if prefix.is_empty() {
                item.label.clone()
            } else {
                format!("{prefix}.{}", item.label)
            };
            let at = out.len();
            out.push(Flat {
                item,
                path: path.clone(),
                depth,
                parent,
            });
            walk(&item.items, &path, depth + 1, Some(at), out);
        }
    }
    let mut out = Vec::new();
    walk(items, "", 0, None, &mut out);
    out
}

/// Align two item trees by content, every level at once (a sub-item
/// promoted to a lettered item keeps its identity), and report the items
/// that differ in new order, removed items after the item before them.
fn items(old: &[Item], new: &[Item], vocabulary: &Vocabulary<'_>) -> Vec<ItemChange> {
    // The common case: the same items, word for word, at the same places.
    if same_items(old, new) {
        return Vec::new();
    }
    let old_flat = flatten(old);
    let new_flat = flatten(new);
    fn node<'a>(f: &Flat<'a>) -> ItemNode<'a> {
        ItemNode {
            text: f.item.text.as_str(),
            depth: f.depth,
        }
    }
    let old_nodes: Vec<ItemNode<'_>> = old_flat.iter().map(node).collect();
    let new_nodes: Vec<ItemNode<'_>> = new_flat.iter().map(node).collect();
    let old_to = unchanged_items(&old_nodes, &new_nodes)
        .unwrap_or_else(|| align_items(&old_nodes, &new_nodes, vocabulary.get()));
    let counterpart = |i: usize| old_to.get(i).copied().flatten().map(|(j, _)| j);
    let mut rows: Vec<(Option<usize>, Option<usize>, Option<ItemChange>)> = Vec::new();
    for row in merge_rows(&old_to, new_flat.len()) {
        let a = row.old.and_then(|i| old_flat.get(i));
        let b = row.new.and_then(|j| new_flat.get(j));
        let change = match (a, b) {
            (Some(a), Some(b)) => {
                let words = changed(&a.item.text, &b.item.text);
                let status = compare_optional(a.item.status.as_ref(), b.item.status.as_ref());
                // Its parent's counterpart is its new parent: only the label
                // (if anything) changed; otherwise it went up or down a
                // level or to another parent.
                let same_parent = match (a.parent, b.parent) {
                    (None, None) => true,
                    (Some(p), Some(q)) => counterpart(p) == Some(q),
                    _ => false,
                };
                let kind = if words.is_some() {
                    ItemChangeKind::Changed
                } else if a.item.label != b.item.label || !same_parent {
                    ItemChangeKind::Relabelled
                } else {
                    ItemChangeKind::Unchanged
                };
                Some(ItemChange {
                    old_label: Some(a.path.clone()),
                    new_label: Some(b.path.clone()),
                    kind,
                    similarity: Some(words.as_ref().map_or(1.0, |w| w.similarity)),
                    old_text: Some(normalize(&a.item.text)),
                    new_text: Some(normalize(&b.item.text)),
                    words,
                    status,
                })
            }
            (Some(a), None) => Some(lone(a, true)),
            (None, Some(b)) => Some(lone(b, false)),
            (None, None) => None,
        };
        rows.push((row.old, row.new, change));
    }
    // An unchanged item is listed when something under it differs.
    let mut old_marked = vec![false; old_flat.len()];
    let mut new_marked = vec![false; new_flat.len()];
    let listed = |c: &ItemChange| c.kind != ItemChangeKind::Unchanged || c.status.is_some();
    for (i, j, change) in &rows {
        if !change.as_ref().is_some_and(listed) {
            continue;
        }
        let mut up = i.and_then(|i| old_flat.get(i)).and_then(|f| f.parent);
        while let Some(p) = up {
            if let Some(m) = old_marked.get_mut(p) {
                *m = true;
            }
            up = old_flat.get(p).and_then(|f| f.parent);
        }
        let mut up = j.and_then(|j| new_flat.get(j)).and_then(|f| f.parent);
        while let Some(p) = up {
            if let Some(m) = new_marked.get_mut(p) {
                *m = true;
            }
            up = new_flat.get(p).and_then(|f| f.parent);
        }
    }
    rows.into_iter()
        .filter_map(|(i, j, change)| {
            let change = change?;
            let under = i.is_some_and(|i| old_marked.get(i) == Some(&true))
                || j.is_some_and(|j| new_marked.get(j) == Some(&true));
            (listed(&change) || under).then_some(change)
        })
        .collect()
}

/// Whether two item trees read the same: labels, texts and statuses, at
/// every level (what [`items`] compares; footnote marks and source lines
/// are not). Then no item differs and there is nothing to list.
fn same_items(old: &[Item], new: &[Item]) -> bool {
    old.len() == new.len()
        && old.iter().zip(new).all(|(a, b)| {
            a.label == b.label
                && a.text == b.text
                && a.status == b.status
                && same_items(&a.items, &b.items)
        })
}

/// An item that exists on one side only (its sub-items are items of their
/// own and may have been paired elsewhere).
fn lone(f: &Flat<'_>, removed: bool) -> ItemChange {
    let text = Some(normalize(&f.item.text));
    ItemChange {
        old_label: removed.then(|| f.path.clone()),
        new_label: (!removed).then(|| f.path.clone()),
        kind: if removed {
            ItemChangeKind::Removed
        } else {
            ItemChangeKind::Added
        },
        similarity: None,
        old_text: if removed { text.clone() } else { None },
        new_text: if removed { None } else { text },
        words: None,
        status: None,
    }
}
