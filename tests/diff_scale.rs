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

#[path = "../benches/support/gen.rs"]
#[allow(dead_code, reason = "the bench uses the rest of the generator")]
mod generator;

#[test]
fn a_large_diff_is_the_same_byte_for_byte_on_one_thread_and_on_many() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = generator::programme(1_500, 7);
    generator::add_references(&mut old, 9);
    let (new, _) = generator::edit(&old, 8);
    let (a, b) = (dir.path().join("old.json"), dir.path().join("new.json"));
    std::fs::write(&a, old.to_json()).unwrap();
    std::fs::write(&b, new.to_json()).unwrap();
    for format in ["json", "text", "markdown", "html"] {
        let run = |threads: &str| {
            assert_cmd::Command::cargo_bin("policydiff")
                .unwrap()
                .env("RAYON_NUM_THREADS", threads)
                .env("NO_COLOR", "1")
                .args(["diff", "--format", format])
                .arg(&a)
                .arg(&b)
                .output()
                .unwrap()
        };
        let one = run("1");
        let many = run("4");
        assert_eq!(one.status.code(), Some(0));
        assert!(one.stdout.len() > 10_000, "a real report");
        if format == "json" {
            // Renumbering leaves the planted references stale: the judging
            // of each one, on many cores, is compared too.
            let report: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
            let stale = report["stale_references"].as_array().map_or(0, Vec::len);
            assert!(stale > 20, "{stale} stale references");
        }
        assert!(
            one.stdout == many.stdout,
            "{format} differs between 1 and 4 threads"
        );
    }
}
