//! Alignment: which measure of the old version is which measure of the new.
//!
//! Measures are renumbered, retitled, moved, split and merged between
//! versions, so pairing by number would report most of a programme as
//! rewritten. Pairing rests on content: each measure becomes a profile of
//! IDF-weighted words; candidate pairs come from an inverted index of word
//! trigram sketches (so the cost grows close to linearly, not n×m); a global
//! one-to-one assignment takes the best-scoring candidates first, with the
//! measure number only as a tie-break. A pair must also beat the overlap two
//! unrelated measures reach by chance in these versions (`profile::Chance`),
//! which on text written with few distinct words is far above the fixed
//! minimum. Unpaired measures whose content is mostly accounted for by
//! others become splits and merges — beside a measure that continues, only
//! if they hold content that left it: a copy of what stayed is added.

mod candidates;
pub mod items;
mod overrides;
mod profile;
pub mod sequence;
pub mod structure;

pub use items::{ItemNode, ItemVocabulary, align_items, unchanged as unchanged_items};
pub use overrides::{AlignError, Overrides};
pub use sequence::{Aligned, align_texts, normalized_eq};

use crate::snapshot::{Measure, Snapshot};
use profile::{Chance, Corpus, Profile, containment, dice};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Least content similarity (weighted Dice) for two measures to be paired.
pub const MIN_PAIR_SIMILARITY: f64 = 0.35;

/// How much of a piece's content must come from one measure for the piece to
/// count as part of a split or merge.
pub const MIN_PIECE_CONTAINMENT: f64 = 0.6;

/// How much of the split (or merged) measure's content the pieces must
/// account for together.
pub const MIN_SPLIT_COVERAGE: f64 = 0.6;

/// When a split measure continues as one of the pieces, another piece is
/// part of the split only if it holds content that left the old measure:
/// this much (weighted) of what it drew from the old measure, or of all the
/// old measure lost (see `took_content`). A copy of content that stayed is
/// an added measure. Mirrored for merges.
pub const MIN_MOVED_SHARE: f64 = 0.5;

/// Added to a pair's score when both measures have the same number: enough to
/// settle a near tie, never enough to beat content.
const SAME_NUMBER_BONUS: f64 = 0.02;

/// The outcome of aligning two lists of measures. Indices point into the
/// `measures` of the old and new snapshot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// One-to-one pairs, in new order. Pairs that are part of a split or
    /// merge are not here but in `splits`/`merges` (as `continued`).
    pub pairs: Vec<Pair>,
    pub splits: Vec<Split>,
    pub merges: Vec<Merge>,
    /// New measures with no counterpart, in new order.
    pub added: Vec<usize>,
    /// Old measures with no counterpart, in old order.
    pub removed: Vec<usize>,
}

/// Two measures found to be the same one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub old: usize,
    pub new: usize,
    /// Content similarity (IDF-weighted Dice of the words), 0..=1.
    pub similarity: f64,
    /// How sure the pairing is, 0..=1: the similarity, reduced when another
    /// candidate came close (see `docs/diff-format.md`); 1 for overrides.
    pub confidence: f64,
    pub by: PairedBy,
}

/// What made a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PairedBy {
    /// The content evidence.
    Content,
    /// `--pair` or a mapping file.
    Override,
}

/// One old measure whose content is now in several new ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub old: usize,
    /// The pieces, in new order.
    pub new: Vec<usize>,
    /// The piece the old measure was paired with, if any.
    pub continued: Option<usize>,
    /// How much of the old measure's content the pieces hold, 0..=1.
    pub coverage: f64,
}

/// Several old measures whose content is now in one new measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The merged measures, in old order.
    pub old: Vec<usize>,
    pub new: usize,
    /// The old measure the new one was paired with, if any.
    pub continued: Option<usize>,
    /// How much of the new measure's content the old ones account for.
    pub coverage: f64,
}

impl Alignment {
    /// For every old measure, the new measure it continues as: its pair, or
    /// the continuation of a split or merge.
    pub fn successors(&self, old_len: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; old_len];
        let mut set = |o: usize, n: usize| {
            if let Some(slot) = out.get_mut(o) {
                *slot = Some(n);
            }
        };
        for p in &self.pairs {
            set(p.old, p.new);
        }
        for s in &self.splits {
            if let Some(n) = s.continued {
                set(s.old, n);
            }
        }
        for m in &self.merges {
            if let Some(o) = m.continued {
                set(o, m.new);
            }
        }
        out
    }
}

/// The one piece whose title is `title` (case and spacing aside), if exactly
/// one piece has it.
fn title_keeper<'t>(
    title: &str,
    pieces: &[usize],
    title_of: impl Fn(usize) -> &'t str,
) -> Option<usize> {
    let key = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let want = key(title);
    let mut keepers = pieces.iter().filter(|&&p| key(title_of(p)) == want);
    match (keepers.next(), keepers.next()) {
        (Some(&p), None) => Some(p),
        _ => None,
    }
}

/// Align the measures of two snapshots, applying `overrides`.
pub fn align(
    old: &Snapshot,
    new: &Snapshot,
    overrides: &Overrides,
) -> Result<Alignment, AlignError> {
    let (pinned, unpaired) = resolve(old, new, overrides)?;
    Ok(align_measures_counting(&old.measures, &new.measures, &pinned, &unpaired, false).0)
}

/// [`align`], and the item vocabulary of both versions counted from the
/// words the alignment reads (the same counts as [`ItemVocabulary::of`]
/// over every measure text and item, without reading them again).
pub fn align_counting_items(
    old: &Snapshot,
    new: &Snapshot,
    overrides: &Overrides,
) -> Result<(Alignment, ItemVocabulary), AlignError> {
    let (pinned, unpaired) = resolve(old, new, overrides)?;
    let (alignment, vocabulary) =
        align_measures_counting(&old.measures, &new.measures, &pinned, &unpaired, true);
    Ok((alignment, vocabulary.unwrap_or_default()))
}

/// Pinned pairs and unpaired old measures, as indices.
type Resolved = (Vec<(usize, usize)>, Vec<usize>);

/// Turn measure numbers into indices, checking every number exists and no
/// measure is pinned twice.
fn resolve(old: &Snapshot, new: &Snapshot, overrides: &Overrides) -> Result<Resolved, AlignError> {
    let range = |s: &Snapshot| match (
        s.measures.iter().map(|m| m.number).min(),
        s.measures.iter().map(|m| m.number).max(),
    ) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "none".to_string(),
    };
    let index = |s: &Snapshot, n: u32| s.measures.iter().position(|m| m.number == n);
    let origin = |o: u32, n: u32| format!("`--pair {o}={n}`");
    let mut pinned = Vec::new();
    let mut old_pins: BTreeMap<u32, u32> = BTreeMap::new();
    let mut new_pins: BTreeMap<u32, u32> = BTreeMap::new();
    for &(o, n) in &overrides.pairs {
        let oi = index(old, o).ok_or_else(|| AlignError::UnknownOld {
            origin: origin(o, n),
            number: o,
            version: old.id.clone(),
            range: range(old),
        })?;
        let ni = index(new, n).ok_or_else(|| AlignError::UnknownNew {
            origin: origin(o, n),
            number: n,
            version: new.id.clone(),
            range: range(new),
        })?;
        if let Some(first) = old_pins.insert(o, n) {
            if first != n {
                return Err(AlignError::OldPinnedTwice {
                    origin: origin(o, n),
                    number: o,
                    first,
                    second: n,
                });
            }
            continue;
        }
        if let Some(first) = new_pins.insert(n, o) {
            return Err(AlignError::NewPinnedTwice {
                origin: origin(o, n),
                number: n,
                first,
                second: o,
            });
        }
        pinned.push((oi, ni));
    }
    let mut unpaired = Vec::new();
    for &o in &overrides.unpairs {
        let oi = index(old, o).ok_or_else(|| AlignError::UnknownOld {
            origin: format!("`--unpair {o}`"),
            number: o,
            version: old.id.clone(),
            range: range(old),
        })?;
        if let Some(&n) = old_pins.get(&o) {
            return Err(AlignError::PinnedAndUnpaired { number: o, new: n });
        }
        unpaired.push(oi);
    }
    Ok((pinned, unpaired))
}

/// The alignment proper, on indices. `pinned` pairs are taken as given;
/// `unpaired` old measures are never paired.
pub fn align_measures(
    old: &[Measure],
    new: &[Measure],
    pinned: &[(usize, usize)],
    unpaired: &[usize],
) -> Alignment {
    align_measures_counting(old, new, pinned, unpaired, false).0
}

/// [`align_measures`], and the item vocabulary when `count_items`.
fn align_measures_counting(
    old: &[Measure],
    new: &[Measure],
    pinned: &[(usize, usize)],
    unpaired: &[usize],
    count_items: bool,
) -> (Alignment, Option<ItemVocabulary>) {
    let Read {
        old: mut old_profiles,
        new: mut new_profiles,
        twins,
        corpus,
        old_keys,
        new_keys,
    } = profiles(old, new);
    let vocabulary = count_items.then(|| {
        // A twin's words are read from its old twin's profile.
        let new_read: Vec<&Profile> = new_profiles
            .iter()
            .zip(&twins)
            .map(|(p, twin)| twin.and_then(|o| old_profiles.get(o)).unwrap_or(p))
            .collect();
        let old_read: Vec<&Profile> = old_profiles.iter().collect();
        ItemVocabulary::from_profiles(&corpus, [(old, &old_read), (new, &new_read)])
    });
    seal(&mut old_profiles, &mut new_profiles, &twins);
    drop(twins);
    let weights = corpus.weights();
    let chance = corpus.chance(
        old_profiles
            .iter()
            .chain(&new_profiles)
            .map(|p| p.words.len())
            .sum(),
    );
    drop(corpus);
    Corpus::finish(&weights, &mut old_profiles);
    Corpus::finish(&weights, &mut new_profiles);

    let old_numbers: Vec<u32> = old.iter().map(|m| m.number).collect();
    let new_numbers: Vec<u32> = new.iter().map(|m| m.number).collect();
    let mut candidate_pairs =
        candidates::candidates(&old_profiles, &new_profiles, &old_numbers, &new_numbers);
    candidate_pairs.extend(candidates::identical(&old_keys, &new_keys));
    candidate_pairs.sort_unstable();
    candidate_pairs.dedup();

    let mut old_free = vec![true; old.len()];
    let mut new_free = vec![true; new.len()];
    let mut old_to: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_from: Vec<Option<usize>> = vec![None; new.len()];
    let mut pairs: Vec<Pair> = Vec::new();
    for &(o, n) in pinned {
        old_free[o] = false;
        new_free[n] = false;
        old_to[o] = Some(n);
        new_from[n] = Some(o);
        pairs.push(Pair {
            old: o,
            new: n,
            similarity: dice(&weights, &old_profiles[o], &new_profiles[n]),
            confidence: 1.0,
            by: PairedBy::Override,
        });
    }
    for &o in unpaired {
        old_free[o] = false;
    }

    // Score every candidate; keep the two best scores per measure for the
    // confidence figure.
    struct Edge {
        score: f64,
        similarity: f64,
        old: usize,
        new: usize,
    }
    // Candidates are scored on every core; the order is kept.
    let mut edges: Vec<Edge> = candidate_pairs
        .par_iter()
        .filter(|&&(o, n)| old_free[o] && new_free[n])
        .filter_map(|&(o, n)| {
            let similarity = dice(&weights, &old_profiles[o], &new_profiles[n]);
            if !beats_chance(
                similarity,
                &chance,
                &weights,
                &old_profiles[o],
                &new_profiles[n],
            ) {
                return None;
            }
            let bonus = if old_numbers[o] == new_numbers[n] {
                SAME_NUMBER_BONUS
            } else {
                0.0
            };
            Some(Edge {
                score: similarity + bonus,
                similarity,
                old: o,
                new: n,
            })
        })
        .collect();
    edges.par_sort_by(|a, b| {
        let (ao, an, bo, bn) = (
            old_numbers[a.old],
            new_numbers[a.new],
            old_numbers[b.old],
            new_numbers[b.new],
        );
        b.score
            .total_cmp(&a.score)
            .then(ao.abs_diff(an).cmp(&bo.abs_diff(bn)))
            .then((u64::from(ao) + u64::from(an)).cmp(&(u64::from(bo) + u64::from(bn))))
            .then(ao.min(an).cmp(&bo.min(bn)))
            .then(a.old.cmp(&b.old))
            .then(a.new.cmp(&b.new))
    });
    let mut best_old: Vec<[(f64, usize); 2]> = vec![[(0.0, usize::MAX); 2]; old.len()];
    let mut best_new: Vec<[(f64, usize); 2]> = vec![[(0.0, usize::MAX); 2]; new.len()];
    for e in &edges {
        keep_top2(&mut best_old[e.old], e.similarity, e.new);
        keep_top2(&mut best_new[e.new], e.similarity, e.old);
    }
    for e in &edges {
        if old_free[e.old] && new_free[e.new] {
            old_free[e.old] = false;
            new_free[e.new] = false;
            old_to[e.old] = Some(e.new);
            new_from[e.new] = Some(e.old);
            let rival = rival(&best_old[e.old], e.new).max(rival(&best_new[e.new], e.old));
            let margin = (e.similarity - rival).max(0.0);
            let confidence = e.similarity * (0.5 + 0.5 * (margin / 0.2).min(1.0));
            pairs.push(Pair {
                old: e.old,
                new: e.new,
                similarity: e.similarity,
                confidence,
                by: PairedBy::Content,
            });
        }
    }

    // Neighbours: where the index gave no candidate (very common wording),
    // a measure between two paired neighbours is compared with the measure
    // in the same place on the other side. Sweeps run both ways so that runs
    // of such measures are reached from either end.
    for forward in [true, false, true] {
        let order: Vec<usize> = if forward {
            (0..old.len()).collect()
        } else {
            (0..old.len()).rev().collect()
        };
        for o in order {
            if !old_free[o] {
                continue;
            }
            let neighbour = if forward {
                o.checked_sub(1)
            } else {
                Some(o + 1)
            };
            let Some(partner) = neighbour.and_then(|p| old_to.get(p).copied().flatten()) else {
                continue;
            };
            let n = if forward {
                partner.checked_add(1)
            } else {
                partner.checked_sub(1)
            };
            let Some(n) = n.filter(|n| *n < new.len() && new_free[*n]) else {
                continue;
            };
            let similarity = dice(&weights, &old_profiles[o], &new_profiles[n]);
            if beats_chance(
                similarity,
                &chance,
                &weights,
                &old_profiles[o],
                &new_profiles[n],
            ) {
                old_free[o] = false;
                new_free[n] = false;
                old_to[o] = Some(n);
                new_from[n] = Some(o);
                pairs.push(Pair {
                    old: o,
                    new: n,
                    similarity,
                    confidence: similarity * 0.75,
                    by: PairedBy::Content,
                });
            }
        }
    }

    // Splits: unpaired new measures mostly made of one old measure's content.
    let mut from_old: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut into_new: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut old_candidates: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    let mut new_candidates: Vec<Vec<usize>> = vec![Vec::new(); new.len()];
    for &(o, n) in &candidate_pairs {
        if new_from[n].is_none() {
            new_candidates[n].push(o);
        }
        if old_to[o].is_none() {
            old_candidates[o].push(n);
        }
    }
    for (n, cands) in new_candidates.iter().enumerate() {
        if let Some(o) = best_container(
            cands,
            |o| containment(&weights, &new_profiles[n], &old_profiles[o]),
            &old_numbers,
        ) {
            from_old.entry(o).or_default().push(n);
        }
    }
    for (o, cands) in old_candidates.iter().enumerate() {
        if let Some(n) = best_container(
            cands,
            |n| containment(&weights, &old_profiles[o], &new_profiles[n]),
            &new_numbers,
        ) {
            into_new.entry(n).or_default().push(o);
        }
    }
    let mut splits = Vec::new();
    for (o, mut pieces) in from_old {
        let continued = old_to[o];
        if let Some(c) = continued {
            pieces.retain(|n| {
                took_content(
                    &weights,
                    &old_profiles[o],
                    &new_profiles[*n],
                    &new_profiles[c],
                )
            });
        }
        pieces.extend(continued);
        pieces.sort_unstable();
        if pieces.len() < 2 {
            continue;
        }
        let union = union_profile(pieces.iter().map(|n| &new_profiles[*n]));
        let coverage = containment(&weights, &old_profiles[o], &union);
        if coverage >= MIN_SPLIT_COVERAGE {
            splits.push(Split {
                old: o,
                new: pieces,
                continued,
                coverage,
            });
        }
    }
    let mut merges = Vec::new();
    for (n, mut pieces) in into_new {
        let continued = new_from[n];
        if let Some(c) = continued {
            pieces.retain(|o| {
                took_content(
                    &weights,
                    &new_profiles[n],
                    &old_profiles[*o],
                    &old_profiles[c],
                )
            });
        }
        pieces.extend(continued);
        pieces.sort_unstable();
        if pieces.len() < 2 {
            continue;
        }
        let union = union_profile(pieces.iter().map(|o| &old_profiles[*o]));
        let coverage = containment(&weights, &new_profiles[n], &union);
        if coverage >= MIN_SPLIT_COVERAGE {
            merges.push(Merge {
                old: pieces,
                new: n,
                continued,
                coverage,
            });
        }
    }
    // A pair claimed by both a split and a merge belongs to neither: the
    // pieces stay added and removed, which reads the same in both directions.
    let split_pairs: Vec<(usize, usize)> = splits
        .iter()
        .filter_map(|s| s.continued.map(|n| (s.old, n)))
        .collect();
    let merge_pairs: Vec<(usize, usize)> = merges
        .iter()
        .filter_map(|m| m.continued.map(|o| (o, m.new)))
        .collect();
    splits.retain(|s| {
        s.continued
            .is_none_or(|n| !merge_pairs.contains(&(s.old, n)))
    });
    merges.retain(|m| {
        m.continued
            .is_none_or(|o| !split_pairs.contains(&(o, m.new)))
    });

    // A measure that continues as one of the pieces continues as the piece
    // that keeps its title, whatever piece holds the most of its words:
    // readers follow a measure by its title. (One that continues as none,
    // as `--unpair` says, stays so.)
    for s in splits.iter_mut().filter(|s| s.continued.is_some()) {
        if let Some(keeper) = title_keeper(&old[s.old].title, &s.new, |n| &new[n].title) {
            s.continued = Some(keeper);
        }
    }
    for m in merges.iter_mut().filter(|m| m.continued.is_some()) {
        if let Some(keeper) = title_keeper(&new[m.new].title, &m.old, |o| &old[o].title) {
            m.continued = Some(keeper);
        }
    }

    let mut in_split_old = vec![false; old.len()];
    let mut in_split_new = vec![false; new.len()];
    for s in &splits {
        in_split_old[s.old] = true;
        for n in &s.new {
            in_split_new[*n] = true;
        }
    }
    for m in &merges {
        in_split_new[m.new] = true;
        for o in &m.old {
            in_split_old[*o] = true;
        }
    }
    pairs.retain(|p| !in_split_old[p.old] && !in_split_new[p.new]);
    pairs.sort_by_key(|p| p.new);
    let added = (0..new.len())
        .filter(|n| new_from[*n].is_none() && !in_split_new[*n])
        .collect();
    let removed = (0..old.len())
        .filter(|o| old_to[*o].is_none() && !in_split_old[*o])
        .collect();
    let alignment = Alignment {
        pairs,
        splits,
        merges,
        added,
        removed,
    };
    (alignment, vocabulary)
}

/// The content profiles of both versions, in one corpus (words numbered in
/// order of first sight, the old version first), and each measure's content
/// key (equal for equal texts).
struct Read {
    old: Vec<Profile>,
    /// A twin's profile holds its words alone: its word sequence (for the
    /// item vocabulary and the sketch) is its old twin's.
    new: Vec<Profile>,
    /// For each new measure, the old measure whose text it shares word for
    /// word, if any (the first such).
    twins: Vec<Option<usize>>,
    corpus: Corpus,
    old_keys: Vec<u64>,
    new_keys: Vec<u64>,
}

/// Read both versions into [`Read`] profiles.
///
/// A text the two versions share word for word (most of a new version) is
/// read once: the new measure takes a copy of its old twin's words. The
/// measures still to read are shared between the cores in two runs, whose
/// corpora are joined as if read one after the other, so the profiles are
/// the same however the work was shared.
fn profiles(old: &[Measure], new: &[Measure]) -> Read {
    let keys = |measures: &[Measure]| -> Vec<u64> {
        measures
            .iter()
            .map(|m| candidates::content_key(m.text_parts()))
            .collect()
    };
    let (old_keys, new_keys) = rayon::join(|| keys(old), || keys(new));
    let mut first_with_key: HashMap<u64, usize> = HashMap::with_capacity(old.len());
    for (i, k) in old_keys.iter().enumerate() {
        first_with_key.entry(*k).or_insert(i);
    }
    // A key is a hash: the texts themselves are compared before a copy.
    let twins: Vec<Option<usize>> = new
        .iter()
        .zip(&new_keys)
        .map(|(m, k)| {
            first_with_key
                .get(k)
                .copied()
                .filter(|&o| old[o].text_parts().eq(m.text_parts()))
        })
        .collect();
    drop(first_with_key);

    let to_read: Vec<&Measure> = old
        .iter()
        .chain(
            new.iter()
                .zip(&twins)
                .filter(|(_, t)| t.is_none())
                .map(|(m, _)| m),
        )
        .collect();
    let read = |measures: &[&Measure]| {
        let mut corpus = Corpus::default();
        let profiles: Vec<Profile> = measures
            .iter()
            .map(|m| corpus.profile(m.text_parts()))
            .collect();
        (corpus, profiles)
    };
    let (head, tail) = to_read.split_at(to_read.len() / 2);
    let ((mut corpus, mut profiles), (tail_corpus, mut tail_profiles)) =
        rayon::join(|| read(head), || read(tail));
    corpus.absorb(tail_corpus, &mut tail_profiles);
    profiles.append(&mut tail_profiles);
    let mut read_new = profiles.split_off(old.len()).into_iter();
    let old_profiles = profiles;
    let new_profiles: Vec<Profile> = twins
        .iter()
        .map(|twin| match twin.and_then(|o| old_profiles.get(o)) {
            Some(p) => {
                corpus.count_again(p);
                Profile {
                    words: p.words.clone(),
                    ..Profile::default()
                }
            }
            None => read_new.next().unwrap_or_default(),
        })
        .collect();
    Read {
        old: old_profiles,
        new: new_profiles,
        twins,
        corpus,
        old_keys,
        new_keys,
    }
}

/// Make the sketches of both versions' profiles ([`Corpus::seal`]). A
/// twin's sketch is its old twin's: the same words in the same order.
fn seal(old: &mut [Profile], new: &mut [Profile], twins: &[Option<usize>]) {
    rayon::join(|| Corpus::seal(old), || Corpus::seal(new));
    for (p, twin) in new.iter_mut().zip(twins) {
        if let Some(o) = twin.and_then(|o| old.get(o)) {
            p.sketch.clone_from(&o.sketch);
        }
    }
}

/// Whether a similarity is evidence of a pair: at least
/// [`MIN_PAIR_SIMILARITY`], and above what two unrelated measures of this
/// shape reach by chance in these versions (which matters on text written
/// with few distinct words). Identical word sets are always evidence.
fn beats_chance(
    similarity: f64,
    chance: &Chance,
    weights: &[f64],
    a: &Profile,
    b: &Profile,
) -> bool {
    similarity >= MIN_PAIR_SIMILARITY
        && (similarity >= 1.0 || similarity >= chance.bar(weights, a, b))
}

fn keep_top2(top: &mut [(f64, usize); 2], score: f64, partner: usize) {
    if score > top[0].0 {
        top[1] = top[0];
        top[0] = (score, partner);
    } else if score > top[1].0 {
        top[1] = (score, partner);
    }
}

/// The best score among a measure's candidates other than `partner`.
fn rival(top: &[(f64, usize); 2], partner: usize) -> f64 {
    if top[0].1 == partner {
        top[1].0
    } else {
        top[0].0
    }
}

/// Whether `piece`, drawn from `whole`, took content away from it rather
/// than copying part of it, where `whole` continues as `rest`. For a split,
/// `whole` is the old measure, `piece` another new measure drawn from it and
/// `rest` the new measure it continues as; for a merge, old and new swap
/// places (`whole` the new measure, `piece` a merged-in old one, `rest` the
/// old measure it continues).
///
/// The content that moved is what the piece shares with `whole` that `rest`
/// does not hold. It took content away when that is at least
/// [`MIN_MOVED_SHARE`] of what the piece drew from `whole` — or of all that
/// `whole` lost (`rest` lacks), for a piece whose words also stand elsewhere
/// in the measure, as long as it is not a stray word of a copy: at least half
/// as much again of what the piece drew. A copy of what stayed moved nothing.
fn took_content(weights: &[f64], whole: &Profile, piece: &Profile, rest: &Profile) -> bool {
    let weight = |w: &u32| weights.get(*w as usize).copied().unwrap_or(0.0);
    let lacks = |p: &Profile, w: &u32| p.words.binary_search(w).is_err();
    let (mut drawn, mut moved) = (0.0, 0.0);
    for w in piece.words.iter().filter(|w| !lacks(whole, w)) {
        drawn += weight(w);
        if lacks(rest, w) {
            moved += weight(w);
        }
    }
    let lost: f64 = whole
        .words
        .iter()
        .filter(|w| lacks(rest, w))
        .map(weight)
        .sum();
    moved > 0.0
        && (moved >= MIN_MOVED_SHARE * drawn
            || (moved >= MIN_MOVED_SHARE * lost && moved >= MIN_MOVED_SHARE / 2.0 * drawn))
}

/// The candidate holding most of a piece's content, if it holds enough.
fn best_container(
    candidates: &[usize],
    contained_in: impl Fn(usize) -> f64,
    numbers: &[u32],
) -> Option<usize> {
    candidates
        .iter()
        .map(|c| (contained_in(*c), *c))
        .filter(|(s, _)| *s >= MIN_PIECE_CONTAINMENT)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(numbers[b.1].cmp(&numbers[a.1])))
        .map(|(_, c)| c)
}

fn union_profile<'a>(profiles: impl Iterator<Item = &'a Profile>) -> Profile {
    let mut words: Vec<u32> = profiles.flat_map(|p| p.words.iter().copied()).collect();
    words.sort_unstable();
    words.dedup();
    Profile {
        words,
        ..Profile::default()
    }
}

#[cfg(test)]
mod tests;
