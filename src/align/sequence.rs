//! Aligning short lists (the lettered items of a measure, goals, footnotes,
//! group parts): an item inserted in the middle must be one added item, not a
//! cascade of rewritten ones, so entries are paired by content, not position.

use super::profile::{set_dice, word_dice, word_set};

/// Least word similarity for two entries to count as the same one.
pub const MIN_ENTRY_SIMILARITY: f64 = 0.5;

/// Above this many candidate comparisons, identical texts are anchored by a
/// sequence diff and only the entries between anchors are compared, to keep
/// long lists cheap without pairing by position.
const MAX_COMPARISONS: usize = 40_000;

/// One row of a sequence alignment: an index into old, into new, or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aligned {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// Word similarity of a pair (1 for identical texts); 0 for one side only.
    pub similarity: f64,
}

/// Pair entries of `old` and `new` one-to-one by word similarity (at least
/// [`MIN_ENTRY_SIMILARITY`]), best pairs first, ties going to the pair whose
/// positions are closest. The rows come in new order, each unpaired old entry
/// right after the row of the old entry before it.
pub fn align_texts(old: &[&str], new: &[&str]) -> Vec<Aligned> {
    // The common case, nothing changed, costs one comparison an entry.
    if old.len() == new.len() && old.iter().zip(new).all(|(o, n)| o == n) {
        return (0..old.len())
            .map(|i| Aligned {
                old: Some(i),
                new: Some(i),
                similarity: 1.0,
            })
            .collect();
    }
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    if old.len().saturating_mul(new.len()) <= MAX_COMPARISONS {
        let old_sets: Vec<Vec<String>> = old.iter().map(|t| word_set(t)).collect();
        let new_sets: Vec<Vec<String>> = new.iter().map(|t| word_set(t)).collect();
        for (i, o) in old.iter().enumerate() {
            for (j, n) in new.iter().enumerate() {
                let s = if normalized_eq(o, n) {
                    1.0
                } else {
                    set_dice(&old_sets[i], &new_sets[j])
                };
                if s >= MIN_ENTRY_SIMILARITY {
                    edges.push((s, i, j));
                }
            }
        }
    } else {
        // Too many entries to compare all pairs: anchor identical texts with
        // a sequence diff (similar's Myers, bounded on hard inputs), and
        // compare only within the gaps between anchors, so one inserted
        // entry among hundreds stays one added entry.
        let ops = similar::capture_diff_slices(similar::Algorithm::Myers, old, new);
        for op in ops {
            let (tag, olds, news) = op.as_tag_tuple();
            match tag {
                similar::DiffTag::Equal => {
                    edges.extend(olds.zip(news).map(|(i, j)| (1.0, i, j)));
                }
                similar::DiffTag::Replace
                    if olds.len().saturating_mul(news.len()) <= MAX_COMPARISONS =>
                {
                    for i in olds.clone() {
                        for j in news.clone() {
                            let s = word_dice(old[i], new[j]);
                            if s >= MIN_ENTRY_SIMILARITY {
                                edges.push((s, i, j));
                            }
                        }
                    }
                }
                similar::DiffTag::Replace => {
                    // A huge rewritten block: pair in order where alike.
                    for (i, j) in olds.zip(news) {
                        let s = word_dice(old[i], new[j]);
                        if s >= MIN_ENTRY_SIMILARITY {
                            edges.push((s, i, j));
                        }
                    }
                }
                similar::DiffTag::Delete | similar::DiffTag::Insert => {}
            }
        }
    }
    edges.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then((a.1 + a.2).cmp(&(b.1 + b.2)))
            .then(a.1.cmp(&b.1))
    });
    let mut old_to: Vec<Option<(usize, f64)>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    for (s, i, j) in edges {
        if old_to[i].is_none() && !new_taken[j] {
            old_to[i] = Some((j, s));
            new_taken[j] = true;
        }
    }
    merge_rows(&old_to, new.len())
}

/// Rows in new order, unpaired old entries placed after their old
/// predecessor's row.
pub(crate) fn merge_rows(old_to: &[Option<(usize, f64)>], new_len: usize) -> Vec<Aligned> {
    let mut new_from: Vec<Option<(usize, f64)>> = vec![None; new_len];
    for (i, slot) in old_to.iter().enumerate() {
        if let Some((j, s)) = slot {
            if let Some(cell) = new_from.get_mut(*j) {
                *cell = Some((i, *s));
            }
        }
    }
    // Removed entries hang after the row holding the nearest paired old
    // entry before them (or before everything).
    let mut removed_after: Vec<Vec<usize>> = vec![Vec::new(); new_len + 1];
    let mut anchor = 0; // 0 = before the first new row; j + 1 = after row j
    for (i, slot) in old_to.iter().enumerate() {
        match slot {
            Some((j, _)) => anchor = j + 1,
            None => removed_after[anchor].push(i),
        }
    }
    let mut rows = Vec::with_capacity(new_len + old_to.len());
    let removed = |rows: &mut Vec<Aligned>, list: &[usize]| {
        rows.extend(list.iter().map(|i| Aligned {
            old: Some(*i),
            new: None,
            similarity: 0.0,
        }))
    };
    removed(&mut rows, &removed_after[0]);
    for (j, from) in new_from.iter().enumerate() {
        rows.push(match from {
            Some((i, s)) => Aligned {
                old: Some(*i),
                new: Some(j),
                similarity: *s,
            },
            None => Aligned {
                old: None,
                new: Some(j),
                similarity: 0.0,
            },
        });
        removed(&mut rows, &removed_after[j + 1]);
    }
    rows
}

/// Equal after collapsing white space.
pub fn normalized_eq(a: &str, b: &str) -> bool {
    // Most texts compared are byte-equal: one memcmp settles them.
    a == b || a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reworded_entry_moved_past_unchanged_ones_in_a_short_list_is_still_paired() {
        // Few enough entries to compare every pair: the first entry, reworded
        // and moved to the end, is found there, not removed and added.
        let old = [
            "de gemeente stelt een plan op",
            "de politie meldt",
            "het onderwijs signaleert",
        ];
        let new = [
            "de politie meldt",
            "het onderwijs signaleert",
            "de gemeente stelt een nieuw plan op",
        ];
        let pairs: Vec<(Option<usize>, Option<usize>)> = align_texts(&old, &new)
            .iter()
            .map(|r| (r.old, r.new))
            .collect();
        assert_eq!(
            pairs,
            [(Some(1), Some(0)), (Some(2), Some(1)), (Some(0), Some(2))]
        );
    }

    #[test]
    fn entries_all_reworded_in_a_block_too_large_to_compare_all_pairs_pair_in_place() {
        // Every one of 300 entries is reworded: no anchor, one replaced block
        // past the bound, whose entries pair in order where alike.
        let old: Vec<String> = (0..300)
            .map(|i| format!("onderdeel {i} over gemeente {} en wijk {}", i * 7, i * 13))
            .collect();
        let new: Vec<String> = old.iter().map(|t| t.replace("wijk", "buurt")).collect();
        let old: Vec<&str> = old.iter().map(String::as_str).collect();
        let new: Vec<&str> = new.iter().map(String::as_str).collect();
        let rows = align_texts(&old, &new);
        assert_eq!(rows.len(), 300);
        for (k, r) in rows.iter().enumerate() {
            assert_eq!((r.old, r.new), (Some(k), Some(k)));
            assert!(r.similarity >= MIN_ENTRY_SIMILARITY && r.similarity < 1.0);
        }
    }

    #[test]
    fn one_item_inserted_among_hundreds_is_one_added_row_not_a_cascade() {
        // 300 × 301 is past the all-pairs bound: the sequence diff anchors.
        let old: Vec<String> = (0..300)
            .map(|i| format!("onderdeel {i} over gemeente {} en wijk {}", i * 7, i * 13))
            .collect();
        let mut new = old.clone();
        new.insert(150, "een geheel nieuw onderdeel over scholen".to_string());
        new[200] = new[200].replace("wijk", "buurt");
        let old: Vec<&str> = old.iter().map(String::as_str).collect();
        let new: Vec<&str> = new.iter().map(String::as_str).collect();
        assert!(old.len() * new.len() > MAX_COMPARISONS);
        let rows = align_texts(&old, &new);
        let added: Vec<_> = rows.iter().filter(|r| r.old.is_none()).collect();
        let removed = rows.iter().filter(|r| r.new.is_none()).count();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].new, Some(150));
        assert_eq!(removed, 0);
        let changed: Vec<_> = rows
            .iter()
            .filter(|r| r.old.is_some() && r.new.is_some() && r.similarity < 1.0)
            .map(|r| (r.old, r.new))
            .collect();
        assert_eq!(changed, [(Some(199), Some(200))]);
    }

    #[test]
    fn two_reworded_entries_that_swap_places_among_hundreds_pair_with_their_own_texts() {
        // The two form one replaced block of the sequence diff, small enough
        // to compare all its pairs.
        let old: Vec<String> = (0..300)
            .map(|i| format!("onderdeel {i} over gemeente {} en wijk {}", i * 7, i * 13))
            .collect();
        let mut new = old.clone();
        new.swap(150, 151);
        for t in &mut new[150..152] {
            *t = t.replace("wijk", "buurt");
        }
        let old: Vec<&str> = old.iter().map(String::as_str).collect();
        let new: Vec<&str> = new.iter().map(String::as_str).collect();
        let rows = align_texts(&old, &new);
        let changed: Vec<_> = rows
            .iter()
            .filter(|r| r.similarity < 1.0)
            .map(|r| (r.old, r.new))
            .collect();
        assert_eq!(changed, [(Some(151), Some(150)), (Some(150), Some(151))]);
    }

    #[test]
    fn an_entry_pairs_once_with_its_best_match_and_a_near_copy_is_added() {
        let old = ["een twee drie vier"];
        let new = ["een twee drie vier", "een twee drie vijf"];
        let rows = align_texts(&old, &new);
        let pairs: Vec<(Option<usize>, Option<usize>)> =
            rows.iter().map(|r| (r.old, r.new)).collect();
        assert_eq!(pairs, vec![(Some(0), Some(0)), (None, Some(1))]);
        assert_eq!(rows[0].similarity, 1.0);
    }

    #[test]
    fn an_item_inserted_in_the_middle_is_one_added_row() {
        let old = [
            "de burgemeester treft maatregelen",
            "het paspoort wordt vervallen verklaard",
            "uitkeringen worden stopgezet",
        ];
        let new = [
            "de burgemeester treft maatregelen",
            "een geheel nieuw onderdeel over scholen",
            "het paspoort wordt vervallen verklaard",
            "uitkeringen worden stopgezet",
        ];
        let rows = align_texts(&old, &new);
        let pairs: Vec<(Option<usize>, Option<usize>)> =
            rows.iter().map(|r| (r.old, r.new)).collect();
        assert_eq!(
            pairs,
            vec![
                (Some(0), Some(0)),
                (None, Some(1)),
                (Some(1), Some(2)),
                (Some(2), Some(3))
            ]
        );
    }

    #[test]
    fn removed_entries_stay_where_they_stood() {
        let old = ["een", "twee drie", "vier vijf"];
        let new = ["een", "vier vijf"];
        let rows = align_texts(&old, &new);
        let pairs: Vec<(Option<usize>, Option<usize>)> =
            rows.iter().map(|r| (r.old, r.new)).collect();
        assert_eq!(
            pairs,
            vec![(Some(0), Some(0)), (Some(1), None), (Some(2), Some(1))]
        );
    }
}
