//! Alignment where the sketch index has nothing distinctive to go on:
//! thousands of copies of the same measures. Identical measures must pair in
//! order across an insertion or a deletion, never fall apart into "all added,
//! all removed".

mod diff_support;

use diff_support::*;
use policydiff::diff::ChangeClass;
use policydiff::snapshot::Snapshot;

/// The real measures repeated `copies` times, numbered 1, 2, 3 …
fn copies(copies: usize) -> Snapshot {
    let mut s = programme();
    let base = s.measures.clone();
    s.measures = (0..copies)
        .flat_map(|_| base.iter().cloned())
        .enumerate()
        .map(|(i, mut m)| {
            m.number = u32::try_from(i + 1).unwrap();
            m
        })
        .collect();
    s
}

#[test]
fn thousands_of_identical_measures_pair_in_order_across_an_insertion() {
    let old = copies(60); // 2,280 measures, every text 60 times
    let mut new = old.clone();
    insert_after(&mut new, 500, fresh_measure(0, 1, "kopie"));
    let d = diff(&old, &new);
    let c = d.counts();
    assert_eq!((c.added, c.removed), (1, 0), "{c:?}");
    assert_eq!(c.paired, old.measures.len());
    // Every pair is the same text one place on: n → n + 1 after 500.
    for m in d
        .measures
        .iter()
        .filter(|m| m.old.len() == 1 && m.new.len() == 1)
    {
        let (o, n) = (m.old[0].number, m.new[0].number);
        assert_eq!(n, if o <= 500 { o } else { o + 1 }, "{o} → {n}");
        assert!(!m.has(ChangeClass::Text));
    }
    let back = diff(&new, &old).counts();
    assert_eq!(
        (back.added, back.removed, back.paired),
        (0, 1, old.measures.len())
    );
}

#[test]
fn thousands_of_identical_measures_pair_in_order_across_a_deletion() {
    let old = copies(60);
    let mut new = old.clone();
    delete(&mut new, 1000);
    let d = diff(&old, &new);
    let c = d.counts();
    assert_eq!((c.added, c.removed), (0, 1), "{c:?}");
    let removed: Vec<u32> = d
        .measures
        .iter()
        .filter(|m| m.has(ChangeClass::Removed))
        .map(|m| m.old[0].number)
        .collect();
    // Measure 1000 has 59 identical twins; the one removed is one of them
    // in the run that shifted, so every pair keeps its text.
    assert_eq!(removed.len(), 1);
    assert!(
        d.measures
            .iter()
            .filter(|m| m.old.len() == 1 && m.new.len() == 1)
            .all(|m| !m.has(ChangeClass::Text) && !m.has(ChangeClass::Retitled))
    );
}
