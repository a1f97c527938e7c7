//! Aligning the items of a pair of measures: all lettered items and roman
//! sub-items of both sides at once, by the words that tell them apart, so
//! that a heavily reworded item is still one item and a sub-item promoted to
//! a lettered item (or demoted) keeps its identity across levels.
//!
//! Plain word overlap cannot tell a reword from an unrelated item: a
//! reworded item may keep only its few telling words, and an unrelated one
//! may share half its words ("indien sprake is van een … deze") with the
//! item it replaced. So each word is weighted twice over: by how rare it is
//! among all items and measure texts of both versions (squared, so that rare
//! words dominate), and by how few items of this measure share it (words
//! every item of the measure has do not tell its items apart).

use super::profile::{Corpus, Key, KeyHasher, Profile};
use super::sequence::normalized_eq;
use crate::snapshot::Measure;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Stem keys are well mixed already: the tables pass them through.
type StemMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Least weighted similarity for two items to count as the same item.
/// Reworded items in the shipped programme that keep their telling words
/// score 0.34 and up; unrelated items of the same measure score below 0.27
/// (see `tests/diff_item_alignment.rs`).
pub const MIN_ITEM_SIMILARITY: f64 = 0.3;

/// Above this many candidate comparisons, identical texts are anchored by a
/// sequence diff first and only the items between anchors are compared.
const MAX_COMPARISONS: usize = 40_000;

/// Characters of a word that count: inflections and compounds of one stem
/// ("vervallen", "vervallenverklaring"; "beschikbaar", "beschikbaarheid")
/// count as one word.
const STEM: usize = 7;

/// How much a pair's score may gain from standing at the same place in its
/// list: enough to settle a near tie, never enough to make a pair.
const PLACE_PRIOR: f64 = 0.02;

/// Document frequencies of words over every item and measure text of both
/// versions: how common a word is in this programme.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ItemVocabulary {
    /// Stem key ([`stems`]) → number of texts holding it.
    df: StemMap<u32>,
    documents: u32,
}

impl ItemVocabulary {
    /// Count the words of `texts`, each text one document. The texts are
    /// counted on every core and the counts added up: the same counts
    /// however the work is shared.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> ItemVocabulary {
        use rayon::prelude::*;
        let texts: Vec<&str> = texts.into_iter().collect();
        let count = |mut df: StemMap<u32>, text: &&str| {
            for w in stems(text) {
                *df.entry(w).or_insert(0) += 1;
            }
            df
        };
        let df = texts
            .par_iter()
            .fold(StemMap::default, count)
            .reduce(StemMap::default, |a, b| {
                // The smaller table is added into the larger.
                let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                for (w, n) in small {
                    *big.entry(w).or_insert(0) += n;
                }
                big
            });
        ItemVocabulary {
            df,
            documents: u32::try_from(texts.len()).unwrap_or(u32::MAX),
        }
    }

    /// The same counts as [`ItemVocabulary::of`] over the items and measure
    /// texts of `sides`, taken from the words the alignment has read already
    /// (`corpus` and each measure's profile, before [`Corpus::seal`]): no
    /// text is read twice. A measure's profile parts are its title, lead-in
    /// and body (one document together), then its items in reading order
    /// (one document each), as [`Measure::text_parts`] gives them. Each
    /// measure comes with the profile its words were read into.
    pub(crate) fn from_profiles(corpus: &Corpus, sides: [(&[Measure], &[&Profile]); 2]) -> Self {
        let mut df = vec![0u32; corpus.stem_keys.len()];
        // The last document each stem was counted for: a stem is counted
        // once a document.
        let mut seen = vec![u32::MAX; corpus.stem_keys.len()];
        let mut documents: u32 = 0;
        for (measures, profiles) in sides {
            for (m, p) in measures.iter().zip(profiles) {
                let own = m.own_text().count();
                let mut start = 0usize;
                // The measure's own text ends where its last own part ends;
                // each item part after that is a document of its own.
                let ends = p.part_ends.get(own - 1..).unwrap_or_default();
                for &end in ends {
                    let end = end as usize;
                    for &word in p.sequence.get(start..end).unwrap_or_default() {
                        let Some(&stem) = corpus.stem_of.get(word as usize) else {
                            continue;
                        };
                        let s = stem as usize;
                        if let (Some(last), Some(n)) = (seen.get_mut(s), df.get_mut(s)) {
                            if *last != documents {
                                *last = documents;
                                *n += 1;
                            }
                        }
                    }
                    documents = documents.saturating_add(1);
                    start = end;
                }
            }
        }
        ItemVocabulary {
            df: corpus
                .stem_keys
                .iter()
                .zip(df)
                .filter(|(_, n)| *n > 0)
                .map(|(k, n)| (*k, n))
                .collect(),
            documents,
        }
    }

    /// Inverse document frequency; a word never counted is as rare as can be.
    fn idf(&self, word: u64) -> f64 {
        let df = f64::from(self.df.get(&word).copied().unwrap_or(0).max(1));
        let n = f64::from(self.documents.max(1));
        (1.0 + n / df).ln()
    }
}

/// The distinct stems of a text, each as a 64-bit key of its first
/// [`STEM`] lowercased characters (no string is built), sorted. Two stems
/// share a key with a chance of about n²/2⁶⁵ for n distinct stems.
fn stems(text: &str) -> Vec<u64> {
    let mut v: Vec<u64> = super::profile::words(text).map(stem_key).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The key of a word's stem: its first [`STEM`] lowercased characters.
pub(crate) fn stem_key(word: &str) -> u64 {
    let mut key = Key::new(0);
    if word.is_ascii() {
        for b in word.bytes().take(STEM) {
            key.mix(u64::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase).take(STEM) {
            key.mix(u64::from(c));
        }
    }
    key.finish()
}

/// One item of a flattened item tree.
#[derive(Debug, Clone, Copy)]
pub struct ItemNode<'a> {
    pub text: &'a str,
    /// 0 for a lettered item, 1 for a roman sub-item, …
    pub depth: usize,
}

/// The common case, nothing changed (same texts at the same levels): each
/// item pairs with its own place, for one comparison an item and without a
/// vocabulary.
pub fn unchanged(old: &[ItemNode<'_>], new: &[ItemNode<'_>]) -> Option<Vec<Option<(usize, f64)>>> {
    let same = old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(o, n)| o.text == n.text && o.depth == n.depth);
    same.then(|| (0..old.len()).map(|i| Some((i, 1.0))).collect())
}

/// Pair the items of `old` and `new` (each flattened in reading order, every
/// level) one to one: the best-scoring pairs first, a pair needing
/// [`MIN_ITEM_SIMILARITY`]; the place in the list only breaks near ties.
/// Returns, for each old item, its new item and the pair's similarity.
pub fn align_items(
    old: &[ItemNode<'_>],
    new: &[ItemNode<'_>],
    vocabulary: &ItemVocabulary,
) -> Vec<Option<(usize, f64)>> {
    if let Some(same) = unchanged(old, new) {
        return same;
    }
    let mut old_to: Vec<Option<(usize, f64)>> = vec![None; old.len()];
    let old_stems: Vec<Vec<u64>> = old.iter().map(|n| stems(n.text)).collect();
    let new_stems: Vec<Vec<u64>> = new.iter().map(|n| stems(n.text)).collect();
    // How many items of each side hold a word: a word most items of the
    // measure share tells none of them apart.
    let mut local: StemMap<(u32, u32)> = StemMap::default();
    for s in &old_stems {
        for w in s {
            local.entry(*w).or_default().0 += 1;
        }
    }
    for s in &new_stems {
        for w in s {
            local.entry(*w).or_default().1 += 1;
        }
    }
    let siblings = old.len().max(new.len()).max(1) as f64;
    let weight = |w: u64| {
        let global = vocabulary.idf(w);
        let (a, b) = local.get(&w).copied().unwrap_or((1, 1));
        let among = f64::from(a.max(b).max(1));
        global * global * (1.0 + siblings / among).ln()
    };
    let weigh = |stems: &[u64]| -> Vec<f64> { stems.iter().map(|w| weight(*w)).collect() };
    let old_weights: Vec<Vec<f64>> = old_stems.iter().map(|s| weigh(s)).collect();
    let new_weights: Vec<Vec<f64>> = new_stems.iter().map(|s| weigh(s)).collect();
    let old_total: Vec<f64> = old_weights.iter().map(|w| w.iter().sum()).collect();
    let new_total: Vec<f64> = new_weights.iter().map(|w| w.iter().sum()).collect();
    let similarity = |i: usize, j: usize| -> f64 {
        if normalized_eq(old[i].text, new[j].text) {
            return 1.0;
        }
        let total = old_total[i] + new_total[j];
        if total <= 0.0 {
            return 0.0;
        }
        let (a, b) = (&old_stems[i], &new_stems[j]);
        let shared: f64 = a
            .iter()
            .zip(&old_weights[i])
            .filter(|(w, _)| b.binary_search(w).is_ok())
            .map(|(_, x)| *x)
            .sum();
        (2.0 * shared / total).clamp(0.0, 1.0)
    };
    let place = |i: usize, j: usize| -> f64 {
        let at = |k: usize, len: usize| (k as f64 + 0.5) / len.max(1) as f64;
        let distance = (at(i, old.len()) - at(j, new.len())).abs();
        let level = if old[i].depth == new[j].depth {
            1.0
        } else {
            0.5
        };
        PLACE_PRIOR * (1.0 - distance.min(1.0)) * level
    };
    let mut edges: Vec<(f64, f64, usize, usize)> = Vec::new();
    let mut consider = |i: usize, j: usize| {
        let s = similarity(i, j);
        if s >= MIN_ITEM_SIMILARITY {
            edges.push((s + place(i, j), s, i, j));
        }
    };
    if old.len().saturating_mul(new.len()) <= MAX_COMPARISONS {
        for i in 0..old.len() {
            for j in 0..new.len() {
                consider(i, j);
            }
        }
    } else {
        // Too many items to compare all pairs: anchor identical texts with a
        // sequence diff and compare only within the gaps between anchors.
        let old_texts: Vec<&str> = old.iter().map(|n| n.text).collect();
        let new_texts: Vec<&str> = new.iter().map(|n| n.text).collect();
        let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old_texts, &new_texts);
        for op in ops {
            let (tag, olds, news) = op.as_tag_tuple();
            match tag {
                similar::DiffTag::Equal => {
                    for (i, j) in olds.zip(news) {
                        consider(i, j);
                    }
                }
                similar::DiffTag::Replace
                    if olds.len().saturating_mul(news.len()) <= MAX_COMPARISONS =>
                {
                    for i in olds.clone() {
                        for j in news.clone() {
                            consider(i, j);
                        }
                    }
                }
                similar::DiffTag::Replace => {
                    for (i, j) in olds.zip(news) {
                        consider(i, j);
                    }
                }
                similar::DiffTag::Delete | similar::DiffTag::Insert => {}
            }
        }
    }
    edges.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.2.abs_diff(a.3).cmp(&b.2.abs_diff(b.3)))
            .then((a.2 + a.3).cmp(&(b.2 + b.3)))
            .then(a.2.cmp(&b.2))
    });
    let mut new_taken = vec![false; new.len()];
    for (_, s, i, j) in edges {
        if old_to[i].is_none() && !new_taken[j] {
            old_to[i] = Some((j, s));
            new_taken[j] = true;
        }
    }
    old_to
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes<'a>(texts: &[&'a str]) -> Vec<ItemNode<'a>> {
        texts
            .iter()
            .map(|t| ItemNode { text: t, depth: 0 })
            .collect()
    }

    /// 300 distinct lettered items, too many to compare all pairs of.
    fn three_hundred() -> Vec<String> {
        (0..300)
            .map(|i| format!("onderdeel {i} over gemeente {} en wijk {}", i * 7, i * 13))
            .collect()
    }

    /// Two lists of lettered items aligned, with the vocabulary of both.
    fn align_lists(old: &[String], new: &[String]) -> Vec<Option<(usize, f64)>> {
        let o: Vec<ItemNode<'_>> = old.iter().map(|t| ItemNode { text: t, depth: 0 }).collect();
        let n: Vec<ItemNode<'_>> = new.iter().map(|t| ItemNode { text: t, depth: 0 }).collect();
        let v = ItemVocabulary::of(old.iter().chain(new).map(String::as_str));
        align_items(&o, &n, &v)
    }

    #[test]
    fn identical_lists_pair_in_order() {
        let a = nodes(&["een twee", "drie vier"]);
        let v = ItemVocabulary::of(["een twee", "drie vier"]);
        assert_eq!(align_items(&a, &a, &v), [Some((0, 1.0)), Some((1, 1.0))]);
    }

    #[test]
    fn empty_texts_never_panic_and_pair_only_with_each_other() {
        let a = nodes(&["", "..."]);
        let b = nodes(&["", "woord"]);
        let v = ItemVocabulary::of([]);
        let got = align_items(&a, &b, &v);
        assert_eq!(got[0], Some((0, 1.0)));
        assert_eq!(got[1], None);
    }

    #[test]
    fn an_item_with_two_equal_candidates_pairs_with_the_one_nearer_its_relative_place() {
        // Old item 1 of 2 stands at 3/4 of its list; of its two copies in a
        // list of 3, the last (at 5/6) is nearer than the middle one (1/2).
        let old = nodes(&["de gemeente stelt een plan op", "een coördinator"]);
        let new = nodes(&[
            "de gemeente stelt een plan op",
            "een coördinator",
            "een coördinator",
        ]);
        let v = ItemVocabulary::of(["de gemeente stelt een plan op", "een coördinator"]);
        assert_eq!(
            align_items(&old, &new, &v),
            [Some((0, 1.0)), Some((2, 1.0))]
        );
    }

    #[test]
    fn an_item_with_two_equal_candidates_pairs_with_the_nearer_one_before_the_farther_one_after() {
        // Old item 0 of 2 stands at 1/4 of its list; of its two copies in a
        // list of 3, the first (at 1/6) is nearer than the middle one (1/2).
        let old = nodes(&["een coördinator", "de gemeente stelt een plan op"]);
        let new = nodes(&[
            "een coördinator",
            "een coördinator",
            "de gemeente stelt een plan op",
        ]);
        let v = ItemVocabulary::of(["de gemeente stelt een plan op", "een coördinator"]);
        assert_eq!(
            align_items(&old, &new, &v),
            [Some((0, 1.0)), Some((2, 1.0))]
        );
    }

    #[test]
    fn two_reworded_items_that_swap_places_among_hundreds_are_both_paired() {
        let old = three_hundred();
        let mut new = old.clone();
        new.swap(150, 151);
        for t in &mut new[150..152] {
            *t = t.replace("wijk", "buurt");
        }
        let got = align_lists(&old, &new);
        assert_eq!(got[150].map(|(j, _)| j), Some(151));
        assert_eq!(got[151].map(|(j, _)| j), Some(150));
        assert_eq!(got[149], Some((149, 1.0)));
    }

    #[test]
    fn items_of_a_rewritten_block_too_large_to_compare_all_pairs_are_compared_in_place_only() {
        // Every one of 300 items is reworded, so no text anchors and the
        // block holds 300 × 300 candidate pairs, over the bound: each item
        // is compared with the one in its place alone, and two that swapped
        // places are not found again.
        let old = three_hundred();
        let mut new: Vec<String> = old.iter().map(|t| t.replace("wijk", "buurt")).collect();
        new.swap(150, 151);
        let got = align_lists(&old, &new);
        assert_eq!(got[149].map(|(j, _)| j), Some(149));
        assert_eq!(got[150].map(|(j, _)| j), None);
        assert_eq!(got[151].map(|(j, _)| j), None);
    }

    #[test]
    fn one_item_inserted_among_hundreds_is_found_without_comparing_all_pairs() {
        let old = three_hundred();
        let mut new = old.clone();
        new.insert(150, "een geheel nieuw onderdeel over scholen".to_string());
        let got = align_lists(&old, &new);
        assert!(got.iter().all(Option::is_some));
        assert_eq!(got[150], Some((151, 1.0)));
    }

    #[test]
    fn items_all_rewritten_in_place_are_not_taken_for_unchanged() {
        // As many items as before at the same levels, every text another:
        // no item keeps its place by default.
        let old = nodes(&["de politie meldt", "het onderwijs signaleert"]);
        let new = nodes(&["zorgverzekeraars betalen", "reclassering begeleidt"]);
        assert_eq!(unchanged(&old, &new), None);
        let v = ItemVocabulary::of([
            "de politie meldt",
            "het onderwijs signaleert",
            "zorgverzekeraars betalen",
            "reclassering begeleidt",
        ]);
        assert_eq!(align_items(&old, &new, &v), [None, None]);
    }

    #[test]
    fn an_item_pairs_with_a_copy_at_its_own_level_before_one_as_near_at_another() {
        // The old item stands at 1/2; its two copies at 1/4 (a roman
        // sub-item) and 3/4 (a lettered item) are as near: the level decides.
        let old = [ItemNode {
            text: "de gemeente stelt een plan op",
            depth: 0,
        }];
        let new = [
            ItemNode {
                text: "de gemeente stelt een plan op",
                depth: 1,
            },
            ItemNode {
                text: "de gemeente stelt een plan op",
                depth: 0,
            },
        ];
        let v = ItemVocabulary::of(["de gemeente stelt een plan op"]);
        assert_eq!(align_items(&old, &new, &v), [Some((1, 1.0))]);
    }

    #[test]
    fn a_word_every_counted_text_holds_is_common_not_worthless() {
        // "gemeente" is in both texts the vocabulary counted: its weight is
        // ln(1 + 2/2)² · ln 2, not nothing, so the item that keeps it and
        // adds one rarer word (ln(1 + 2/1)² · ln 2) is still its item.
        let old = nodes(&["gemeente"]);
        let new = nodes(&["gemeente rapporteert"]);
        let v = ItemVocabulary::of(["gemeente", "gemeente rapporteert"]);
        let (common, rare) = (2f64.ln().powi(2), 3f64.ln().powi(2));
        let want = 2.0 * common / (2.0 * common + rare);
        let got = align_items(&old, &new, &v);
        let (j, similarity) = got[0].expect("the item keeps its common word");
        assert_eq!(j, 0);
        assert!((similarity - want).abs() < 1e-12, "{similarity} != {want}");
    }

    #[test]
    fn an_item_that_shares_only_words_every_new_item_holds_pairs_with_none() {
        // Every new item now opens with the same four words; the old item
        // holds them too, and one word of its own. Words all the new items
        // share tell none of them apart, so it is no item of theirs.
        let shared = "jaarlijks rapportage gemeenten uiterlijk";
        let old_text = format!("{shared} zorgverzekeraars");
        let new_texts: Vec<String> = ["politie", "onderwijs", "jeugdzorg", "reclassering"]
            .iter()
            .map(|w| format!("{shared} {w}"))
            .collect();
        let old = nodes(&[old_text.as_str()]);
        let new_refs: Vec<&str> = new_texts.iter().map(String::as_str).collect();
        let new = nodes(&new_refs);
        let v = ItemVocabulary::of(std::iter::once(old_text.as_str()).chain(new_refs.clone()));
        assert_eq!(align_items(&old, &new, &v), [None]);
    }
}
