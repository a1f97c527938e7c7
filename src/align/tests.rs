//! Unit tests of measure alignment on small programmes built in code.

use super::*;
use crate::snapshot::{Status, StatusRecord};

fn measure(number: u32, title: &str, body: &str) -> Measure {
    Measure {
        number,
        title: title.to_string(),
        theme: 1,
        section: None,
        status: StatusRecord::confirmed(Status::New, None),
        lead_in: None,
        body: Some(body.to_string()),
        items: Vec::new(),
        footnotes: Vec::new(),
        references: Vec::new(),
        lines: None,
    }
}

fn three() -> Vec<Measure> {
    vec![
        measure(
            1,
            "Paspoorten vervallen",
            "Het paspoort van een uitreiziger wordt vervallen verklaard en gesignaleerd.",
        ),
        measure(
            2,
            "Uitkeringen stopgezet",
            "Gemeenten beëindigen de bijstandsuitkering van een vertrokken strijder.",
        ),
        measure(
            3,
            "Exit-faciliteit",
            "Een nieuw op te richten exit-faciliteit begeleidt terugkeerders naar werk en school.",
        ),
    ]
}

fn pairs(a: &Alignment, old: &[Measure], new: &[Measure]) -> Vec<(u32, u32)> {
    a.pairs
        .iter()
        .map(|p| (old[p.old].number, new[p.new].number))
        .collect()
}

#[test]
fn swapped_contents_are_paired_across_numbers() {
    let old = three();
    let mut new = three();
    new.swap(0, 1);
    new[0].number = 1;
    new[1].number = 2;
    let a = align_measures(&old, &new, &[], &[]);
    assert_eq!(pairs(&a, &old, &new), vec![(2, 1), (1, 2), (3, 3)]);
    assert!(a.added.is_empty() && a.removed.is_empty());
}

#[test]
fn the_same_number_with_other_content_is_not_paired() {
    let old = three();
    let new = vec![measure(
        2,
        "Iets heel anders",
        "Over sportverenigingen en muziekscholen in de provincie.",
    )];
    let a = align_measures(&old, &new, &[], &[]);
    assert!(a.pairs.is_empty());
    assert_eq!(a.added, vec![0]);
    assert_eq!(a.removed, vec![0, 1, 2]);
}

#[test]
fn a_pinned_pair_is_kept_with_full_confidence() {
    let old = three();
    let new = three();
    let a = align_measures(&old, &new, &[(0, 2)], &[]);
    let p = a.pairs.iter().find(|p| p.old == 0).unwrap();
    assert_eq!((p.new, p.by, p.confidence), (2, PairedBy::Override, 1.0));
    // Old 3 lost its partner to the pin; new 1 has no evidence left.
    assert_eq!(a.added, vec![0]);
    assert_eq!(a.removed, vec![2]);
}

#[test]
fn a_near_duplicate_lowers_the_confidence() {
    let old = three();
    let mut new = three();
    new.push(measure(
        4,
        "Paspoorten vervallen",
        "Het paspoort van een uitreiziger wordt vervallen verklaard en gesignaleerd.",
    ));
    let a = align_measures(&old, &new, &[], &[]);
    let p = a.pairs.iter().find(|p| p.old == 0).unwrap();
    assert_eq!(p.new, 0, "the copy with the same number wins the tie");
    assert!(
        p.confidence < 0.6,
        "confidence {} should show the ambiguity",
        p.confidence
    );
}
