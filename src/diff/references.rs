//! Stale cross-references: "maatregel 30" in a measure whose target is now
//! measure 31. Only a tool that aligns can see these: each number is valid in
//! the version it stands in, just no longer the right one.

use super::{StaleReference, StaleTarget};
use crate::align::Alignment;
use crate::snapshot::Snapshot;
use std::collections::HashMap;

/// A reference is stale when the new measure it stands in continues an old
/// measure that had the same reference (the text was not updated), and the
/// old measure it names now has another number or none.
pub(super) fn stale(old: &Snapshot, new: &Snapshot, alignment: &Alignment) -> Vec<StaleReference> {
    let successors = alignment.successors(old.measures.len());
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
    let mut out = Vec::new();
    for (n, measure) in new.measures.iter().enumerate() {
        let Some(old_measure) = predecessor[n].and_then(|o| old.measures.get(o)) else {
            continue;
        };
        let old_refs: Vec<u32> = old_measure
            .all_references()
            .iter()
            .flat_map(|(_, r)| r.targets.iter().map(|t| t.measure))
            .collect();
        let named = measure
            .all_references()
            .into_iter()
            .flat_map(|(path, r)| r.targets.iter().map(move |t| (path.clone(), r, t.measure)));
        for (path, r, says) in named {
            if !old_refs.contains(&says) {
                continue; // written for the new version
            }
            let Some(&target) = by_number.get(&says) else {
                continue; // dangling already in the old version: a `check` matter
            };
            let (kind, now) = fate[target];
            if now == Some(says) {
                continue;
            }
            out.push(StaleReference {
                measure: measure.number,
                item: if path.is_empty() {
                    None
                } else {
                    Some(path.join("."))
                },
                phrase: r.phrase.clone(),
                says,
                should_say: now,
                target: kind,
            });
        }
    }
    out
}
