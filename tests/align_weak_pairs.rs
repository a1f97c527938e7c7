//! Weak pairs: on text written with few distinct words, any two unrelated
//! measures share a good part of their words by chance. A deleted measure
//! must not be paired with an unrelated inserted one on that overlap alone,
//! while measures with a few words changed still pair — in both directions.

use policydiff::align::{self, Alignment, Overrides};
use policydiff::snapshot::Snapshot;

#[path = "../benches/support/gen.rs"]
#[allow(dead_code, reason = "the bench uses the rest of the generator")]
mod generator;

/// What the edit did, by place in the edited copy: the old index each new
/// measure came from, and whether it was edited.
struct Edit {
    new: Snapshot,
    /// For each new measure: `Some((old index, edited))`, `None` if inserted.
    origin: Vec<Option<(usize, bool)>>,
    deleted: Vec<usize>,
}

/// A copy of `old` with every `every`-th measure
/// deleted, an unrelated measure (same vocabulary) inserted after every
/// `every`-th + `every / 2`, and a few words changed in every `every`-th +
/// `every / 3`; everything renumbered.
fn edited(old: &Snapshot, every: usize, seed: u64) -> Edit {
    let mut rng = generator::Rng::new(seed);
    let mut measures = Vec::new();
    let mut origin = Vec::new();
    let mut deleted = Vec::new();
    for (i, m) in old.measures.iter().enumerate() {
        if i % every == 0 {
            deleted.push(i);
            continue;
        }
        let mut m = m.clone();
        let edit = i % every == every / 3;
        if edit {
            let text = match m.items.first_mut() {
                Some(item) => &mut item.text,
                None => m.body.get_or_insert_with(String::new),
            };
            let mut words: Vec<&str> = text.split(' ').collect();
            let k = rng.below(words.len());
            words[k] = "herzien";
            let k = rng.below(words.len());
            words[k] = "aangepast";
            words.insert(rng.below(words.len()), "bovendien");
            *text = words.join(" ");
        }
        let theme = m.theme;
        measures.push(m);
        origin.push(Some((i, edit)));
        if i % every == every / 2 {
            measures.push(generator::measure_from(
                &mut rng,
                0,
                theme,
                generator::LOW_VOCABULARY,
            ));
            origin.push(None);
        }
    }
    for (i, m) in measures.iter_mut().enumerate() {
        m.number = u32::try_from(i + 1).unwrap();
    }
    let mut new = old.clone();
    new.measures = measures;
    Edit {
        new,
        origin,
        deleted,
    }
}

fn align(old: &Snapshot, new: &Snapshot) -> Alignment {
    align::align(old, new, &Overrides::default()).unwrap()
}

/// Every (old, new) index pair the alignment links in any way: pairs and
/// the pieces of splits and merges.
fn links(a: &Alignment) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = a.pairs.iter().map(|p| (p.old, p.new)).collect();
    for s in &a.splits {
        out.extend(s.new.iter().map(|n| (s.old, *n)));
    }
    for m in &a.merges {
        out.extend(m.old.iter().map(|o| (*o, m.new)));
    }
    out
}

#[test]
fn unrelated_measures_of_a_low_vocabulary_programme_are_not_paired_either_way() {
    let old = generator::low_vocabulary_programme(3_000, 12);
    let e = edited(&old, 10, 13);
    let inserted: Vec<usize> = (0..e.origin.len())
        .filter(|n| e.origin[*n].is_none())
        .collect();
    let edited: Vec<(usize, usize)> = e
        .origin
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.filter(|(_, edited)| *edited).map(|(o, _)| (o, n)))
        .collect();
    assert!(inserted.len() >= 100 && e.deleted.len() >= 100 && edited.len() >= 100);

    let forward = align(&old, &e.new);
    let false_links: Vec<(usize, usize)> = links(&forward)
        .into_iter()
        .filter(|(o, n)| e.deleted.contains(o) || inserted.contains(n))
        .collect();
    assert_eq!(false_links, vec![], "deleted and inserted measures linked");
    assert_eq!(forward.removed, e.deleted);
    assert_eq!(forward.added, inserted);
    for (o, n) in &edited {
        assert!(
            forward.pairs.iter().any(|p| p.old == *o && p.new == *n),
            "edited measure {o} → {n} not paired"
        );
    }

    let backward = align(&e.new, &old);
    let false_links: Vec<(usize, usize)> = links(&backward)
        .into_iter()
        .filter(|(n, o)| e.deleted.contains(o) || inserted.contains(n))
        .collect();
    assert_eq!(false_links, vec![], "inserted and deleted measures linked");
    assert_eq!(backward.removed, inserted);
    assert_eq!(backward.added, e.deleted);
    for (o, n) in &edited {
        assert!(
            backward.pairs.iter().any(|p| p.old == *n && p.new == *o),
            "edited measure {n} → {o} not paired back"
        );
    }
}

#[test]
fn policy_like_text_keeps_every_planted_pair_under_the_chance_bar() {
    // The bench's programme (thousands of distinct words) and its edited
    // copy: the bar stays below the fixed minimum there, so every measure
    // that was kept, edited or swapped still pairs with where it came from.
    let old = generator::programme(3_000, 3);
    let (new, planted) = generator::edit(&old, 4);
    let a = align(&old, &new);
    let lost: Vec<(u32, usize)> = planted
        .origin
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (o, n)))
        .filter(|(o, n)| {
            !a.pairs
                .iter()
                .any(|p| p.new == *n && old.measures[p.old].number == *o)
        })
        .collect();
    assert!(planted.edited > 100 && planted.inserted > 20);
    assert_eq!(lost, vec![], "planted pairings lost");
}
