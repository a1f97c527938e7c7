//! Per-measure differences: change classes, word differences and the
//! alignment of lettered items inside each pair.

use super::status::{compare, compare_optional};
use super::words::{WordDiff, normalize};
use super::{ChangeClass, ItemChange, ItemChangeKind, MeasureChange, MeasureRef};
use crate::align::{Alignment, Pair, PairedBy, align_texts, normalized_eq};
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
) -> Vec<MeasureChange> {
    let o = |i: usize| old.measures.get(i);
    let n = |i: usize| new.measures.get(i);
    // Pairs are compared independently, on every core; the order is kept.
    use rayon::prelude::*;
    let mut out: Vec<MeasureChange> = alignment
        .pairs
        .par_iter()
        .filter_map(|p| Some(pair(o(p.old)?, n(p.new)?, p)))
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

fn sort_key(m: &MeasureChange) -> (u32, u8, u32) {
    let first_old = m.old.first().map_or(0, |r| r.number);
    match m.new.first() {
        Some(r) => (r.number, 0, first_old),
        None => (first_old, 1, first_old),
    }
}

/// Compare a pair of measures.
fn pair(a: &Measure, b: &Measure, p: &Pair) -> MeasureChange {
    let mut classes = Vec::new();
    let status = compare(&a.status, &b.status);
    if status.as_ref().is_some_and(|s| s.kind.is_change()) {
        classes.push(ChangeClass::Status);
    }
    if a.number != b.number {
        classes.push(ChangeClass::Renumbered);
    }
    if a.theme != b.theme || a.section != b.section {
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
    let items = items(&a.items, &b.items, "");
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

fn path(prefix: &str, label: &str) -> String {
    if prefix.is_empty() {
        label.to_string()
    } else {
        format!("{prefix}.{label}")
    }
}

/// Align two item lists by content and report the items that differ;
/// sub-items of paired items are aligned the same way and follow their parent.
fn items(old: &[Item], new: &[Item], prefix_old: &str) -> Vec<ItemChange> {
    items_at(old, new, prefix_old, prefix_old)
}

fn items_at(old: &[Item], new: &[Item], prefix_old: &str, prefix_new: &str) -> Vec<ItemChange> {
    let old_texts: Vec<&str> = old.iter().map(|i| i.text.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|i| i.text.as_str()).collect();
    let mut out = Vec::new();
    for row in align_texts(&old_texts, &new_texts) {
        match (
            row.old.and_then(|i| old.get(i)),
            row.new.and_then(|j| new.get(j)),
        ) {
            (Some(a), Some(b)) => {
                let old_label = path(prefix_old, &a.label);
                let new_label = path(prefix_new, &b.label);
                let words = changed(&a.text, &b.text);
                let status = compare_optional(a.status.as_ref(), b.status.as_ref());
                let children = items_at(&a.items, &b.items, &old_label, &new_label);
                let kind = if words.is_some() {
                    ItemChangeKind::Changed
                } else if a.label != b.label {
                    ItemChangeKind::Relabelled
                } else {
                    ItemChangeKind::Unchanged
                };
                if kind != ItemChangeKind::Unchanged || status.is_some() || !children.is_empty() {
                    out.push(ItemChange {
                        old_label: Some(old_label),
                        new_label: Some(new_label),
                        kind,
                        similarity: Some(words.as_ref().map_or(1.0, |w| w.similarity)),
                        old_text: Some(normalize(&a.text)),
                        new_text: Some(normalize(&b.text)),
                        words,
                        status,
                    });
                }
                out.extend(children);
            }
            (Some(a), None) => whole(&mut out, a, prefix_old, true),
            (None, Some(b)) => whole(&mut out, b, prefix_new, false),
            (None, None) => {}
        }
    }
    out
}

/// An item (with its sub-items) that exists on one side only.
fn whole(out: &mut Vec<ItemChange>, item: &Item, prefix: &str, removed: bool) {
    let label = path(prefix, &item.label);
    let text = Some(normalize(&item.text));
    out.push(ItemChange {
        old_label: if removed { Some(label.clone()) } else { None },
        new_label: if removed { None } else { Some(label.clone()) },
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
    });
    for child in &item.items {
        whole(out, child, &label, removed);
    }
}
