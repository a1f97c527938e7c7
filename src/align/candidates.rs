//! Candidate pairs from an inverted index of sketch entries, so that only
//! measures sharing distinctive word trigrams (or a number) are compared: the
//! cost grows with the number of measures, not with its square.

use super::profile::{Key, Profile};
use rayon::slice::ParallelSliceMut;

/// A sketch entry shared by more measures than this (on either side) is too
/// common to point anywhere and is skipped.
const MAX_POSTINGS: usize = 8;

/// Into how many shares the sketch index is cut, to hold less at once.
const SHARES: u64 = 4;

/// How many sketch-sharing old measures are scored per new measure (the one
/// with the same number comes on top).
const MAX_PER_MEASURE: usize = 6;

/// Every (old, new) index pair worth scoring, sorted and without repeats:
/// the old measures sharing most sketch entries with each new one, plus
/// pairs with the same number.
pub(crate) fn candidates(
    old: &[Profile],
    new: &[Profile],
    old_numbers: &[u32],
    new_numbers: &[u32],
) -> Vec<(usize, usize)> {
    const NEW_SIDE: u32 = 1 << 31;
    // Each pair sharing an entry, as one number: the new index in the high
    // half, the old in the low (sorting these sorts by new, then old).
    let mut out: Vec<u64> = Vec::new();
    // The index is built a share of the entries at a time (by the hash's
    // low bits, so that the shares are even), which holds a quarter of it
    // at once: an entry's every posting falls in the same share.
    let entries = (old.len() + new.len()) * super::profile::SKETCH;
    let mut postings: Vec<(u64, u32)> = Vec::with_capacity(entries / SHARES as usize + 1024);
    for share in 0..SHARES {
        postings.clear();
        let in_share = |h: &&u64| *h % SHARES == share;
        for (i, p) in old.iter().enumerate() {
            let tag = u32::try_from(i).unwrap_or(u32::MAX) & !NEW_SIDE;
            postings.extend(p.sketch.iter().filter(in_share).map(|h| (*h, tag)));
        }
        for (j, p) in new.iter().enumerate() {
            let tag = (u32::try_from(j).unwrap_or(u32::MAX) & !NEW_SIDE) | NEW_SIDE;
            postings.extend(p.sketch.iter().filter(in_share).map(|h| (*h, tag)));
        }
        postings.par_sort_unstable();
        for group in postings.chunk_by(|a, b| a.0 == b.0) {
            // Tags sort old before new within a group.
            let split = group.partition_point(|(_, t)| t & NEW_SIDE == 0);
            let (olds, news) = group.split_at(split);
            if olds.is_empty()
                || news.is_empty()
                || olds.len() > MAX_POSTINGS
                || news.len() > MAX_POSTINGS
            {
                continue;
            }
            for (_, o) in olds {
                for (_, n) in news {
                    out.push((u64::from(n & !NEW_SIDE) << 32) | u64::from(*o));
                }
            }
        }
    }
    drop(postings);
    let new_of = |pair: u64| (pair >> 32) as usize;
    let old_of = |pair: u64| (pair & u64::from(u32::MAX)) as usize;
    // Keep, for each new measure, the old ones sharing the most sketch
    // entries: a bound on the pairs to score whatever the vocabulary.
    out.par_sort_unstable();
    let mut kept: Vec<(usize, usize)> =
        Vec::with_capacity(out.len().min(new.len() * (MAX_PER_MEASURE + 1)));
    let mut counted: Vec<(usize, usize)> = Vec::new();
    for same_new in out.chunk_by(|a, b| new_of(*a) == new_of(*b)) {
        counted.clear();
        for run in same_new.chunk_by(|a, b| a == b) {
            counted.push((run.len(), old_of(run[0])));
        }
        counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let n = new_of(same_new[0]);
        kept.extend(counted.iter().take(MAX_PER_MEASURE).map(|(_, o)| (*o, n)));
    }
    drop(out);
    let mut by_number: Vec<(u32, usize)> = new_numbers
        .iter()
        .enumerate()
        .map(|(j, n)| (*n, j))
        .collect();
    by_number.sort_unstable();
    for (i, n) in old_numbers.iter().enumerate() {
        if let Ok(at) = by_number.binary_search_by_key(n, |(number, _)| *number) {
            kept.push((i, by_number[at].1));
        }
    }
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// Pairs of measures with identical content, for the case the sketch index
/// cannot serve: a text repeated many times (copies, boilerplate measures)
/// has only sketch entries too common to point anywhere. Within each group
/// of identical measures, the k-th old one is offered the k-th new one and
/// its two neighbours, so that the assignment (which breaks ties by closeness
/// of number) pairs copies in order across an insertion or a deletion.
pub(crate) fn identical(old_keys: &[u64], new_keys: &[u64]) -> Vec<(usize, usize)> {
    // Each side's measures by key, in order within a key: the groups of
    // identical texts are the runs of a key found on both sides.
    let by_key = |keys: &[u64]| -> Vec<(u64, usize)> {
        let mut v: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
        v.sort_unstable();
        v
    };
    let (olds, news) = (by_key(old_keys), by_key(new_keys));
    let mut news = news.chunk_by(|a, b| a.0 == b.0).peekable();
    let mut out = Vec::new();
    for olds in olds.chunk_by(|a, b| a.0 == b.0) {
        let key = olds[0].0;
        while news.next_if(|n| n[0].0 < key).is_some() {}
        let Some(news) = news.next_if(|n| n[0].0 == key) else {
            continue;
        };
        for (k, (_, o)) in olds.iter().enumerate() {
            for (_, n) in news.iter().skip(k.saturating_sub(1)).take(3) {
                out.push((*o, *n));
            }
        }
    }
    out
}

/// A key for a measure's content: equal keys for equal texts. The same key
/// in every run; texts that share a key are compared in full before they
/// are taken for copies.
pub(crate) fn content_key<'a>(parts: impl Iterator<Item = &'a str>) -> u64 {
    let mut key = Key::new(0);
    for p in parts {
        let mut blocks = p.as_bytes().chunks_exact(8);
        for block in &mut blocks {
            let mut word = [0u8; 8];
            word.copy_from_slice(block);
            key.mix(u64::from_le_bytes(word));
        }
        let mut rest = [0u8; 8];
        rest[..blocks.remainder().len()].copy_from_slice(blocks.remainder());
        key.mix(u64::from_le_bytes(rest));
        // The length ends the part: ["ab", "c"] and ["a", "bc"] differ.
        key.mix(p.len() as u64);
    }
    key.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_offered_in_order_with_their_neighbours_and_a_unique_text_its_twin() {
        // Key 7: three old copies, two new ones; key 9 once on each side;
        // key 5 old only, key 6 new only.
        let old = [7, 9, 7, 5, 7];
        let new = [6, 7, 9, 7];
        let mut pairs = identical(&old, &new);
        pairs.sort_unstable();
        // The k-th old copy is offered the k-th new copy and its neighbours.
        assert_eq!(pairs, vec![(0, 1), (0, 3), (1, 2), (2, 1), (2, 3), (4, 3)]);
    }

    proptest::proptest! {
        #[test]
        fn identical_offers_the_pairs_of_grouping_by_key(
            old in proptest::collection::vec(0u64..6, 0..20),
            new in proptest::collection::vec(0u64..6, 0..20),
        ) {
            // The same pairs as gathering each key's measures in a map.
            let mut groups: std::collections::BTreeMap<u64, (Vec<usize>, Vec<usize>)> =
                std::collections::BTreeMap::new();
            for (i, k) in old.iter().enumerate() {
                groups.entry(*k).or_default().0.push(i);
            }
            for (j, k) in new.iter().enumerate() {
                groups.entry(*k).or_default().1.push(j);
            }
            let mut expected = Vec::new();
            for (olds, news) in groups.values() {
                for (k, o) in olds.iter().enumerate() {
                    for n in news.iter().skip(k.saturating_sub(1)).take(3) {
                        expected.push((*o, *n));
                    }
                }
            }
            expected.sort_unstable();
            let mut got = identical(&old, &new);
            got.sort_unstable();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
