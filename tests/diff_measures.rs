//! What one measure entry carries beside its classes: the text similarity
//! and the pairing confidence, and which edits are a text change. Each test
//! makes one edit of the real programme.

mod diff_support;

use diff_support::*;
use policydiff::align::{self, Overrides, PairedBy};
use policydiff::diff::{self, ChangeClass, MeasureChange};

fn entry(d: &diff::Diff, new_number: u32) -> &MeasureChange {
    d.measures
        .iter()
        .find(|m| m.new.len() == 1 && m.new[0].number == new_number)
        .expect("the measure is listed")
}

#[test]
fn a_changed_lead_in_alone_is_a_text_change_with_less_than_full_similarity() {
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 34);
    let lead_in = m.lead_in.as_mut().expect("measure 34 has a lead-in");
    lead_in.push_str(" Daarbij wordt ook de luchtvaart betrokken.");
    let d = diff(&old, &new);
    let e = entry(&d, 34);
    assert_eq!(e.classes, [ChangeClass::Text]);
    assert!(e.lead_in.is_some() && e.body.is_none() && e.items.is_empty());
    assert!(e.similarity.is_some_and(|s| s < 1.0), "{:?}", e.similarity);
}

#[test]
fn a_measure_changed_only_in_an_item_is_less_than_wholly_similar() {
    let old = programme();
    let mut new = old.clone();
    let text = &mut measure_mut(&mut new, 1).items[1].text;
    *text = text.replace("optimaal", "maximaal");
    let d = diff(&old, &new);
    let e = entry(&d, 1);
    assert_eq!(e.classes, [ChangeClass::Text]);
    let similarity = e.similarity.expect("a pair has a similarity");
    assert!(similarity < 1.0 && similarity > 0.9, "{similarity}");
    // A status change leaves the words as they were.
    let mut new = old.clone();
    measure_mut(&mut new, 2).status = settled(policydiff::snapshot::Status::Strengthened);
    let d = diff(&old, &new);
    assert_eq!(entry(&d, 2).similarity, Some(1.0));
}

#[test]
fn a_retitled_entry_carries_its_pairing_confidence_and_a_pinned_one_full_confidence() {
    let old = programme();
    let mut new = old.clone();
    measure_mut(&mut new, 29).title = "Bestrijden van online jihadistische content".to_string();
    let alignment = align::align(&old, &new, &Overrides::default()).unwrap();
    let pair = alignment
        .pairs
        .iter()
        .find(|p| new.measures[p.new].number == 29)
        .expect("29 is paired");
    assert!(pair.confidence < 1.0, "a retitle costs confidence");
    let d = diff::compute(&old, &new, &alignment);
    let e = entry(&d, 29);
    assert_eq!(e.paired_by, Some(PairedBy::Content));
    assert_eq!(e.confidence, Some(pair.confidence));
    assert!(
        e.similarity.is_some_and(|s| s < 1.0),
        "a new title, other words"
    );

    let pinned = Overrides {
        pairs: vec![(29, 29)],
        unpairs: Vec::new(),
    };
    let d = diff_with(&old, &new, &pinned);
    let e = entry(&d, 29);
    assert_eq!(
        (e.paired_by, e.confidence),
        (Some(PairedBy::Override), Some(1.0))
    );
}

#[test]
fn the_same_pin_given_twice_is_one_pin() {
    let old = programme();
    let new = edited_programme();
    let once = Overrides {
        pairs: vec![(29, 30)],
        unpairs: Vec::new(),
    };
    let twice = Overrides {
        pairs: vec![(29, 30), (29, 30)],
        unpairs: Vec::new(),
    };
    let a = align::align(&old, &new, &once).unwrap();
    let b = align::align(&old, &new, &twice).expect("a repeated pin is no conflict");
    assert_eq!(a, b);
}

#[test]
fn an_added_entry_stands_for_its_new_measure_and_a_removed_one_for_its_old_measure() {
    let old = programme();
    let mut new = old.clone();
    // Measure 5 replaced by unrelated content under the same number.
    let theme = measure_mut(&mut new, 5).theme;
    *measure_mut(&mut new, 5) = fresh_measure(5, theme, "2031");
    let d = diff(&old, &new);
    let lone = |class: ChangeClass| {
        let m = with_class(&d, class)
            .into_iter()
            .next()
            .expect("an entry of the class");
        m.lone_measure(&old, &new).map(|x| x.title.clone())
    };
    let old_title = old.measure(5).map(|m| m.title.clone());
    let new_title = new.measure(5).map(|m| m.title.clone());
    assert_ne!(old_title, new_title);
    assert_eq!(lone(ChangeClass::Removed), old_title);
    assert_eq!(lone(ChangeClass::Added), new_title);
}

#[test]
fn a_diff_with_one_changed_measure_and_nothing_else_is_not_empty() {
    let old = programme();
    assert!(diff(&old, &old).is_empty());
    let mut new = old.clone();
    let text = &mut measure_mut(&mut new, 1).items[1].text;
    *text = text.replace("optimaal", "maximaal");
    let d = diff(&old, &new);
    assert!(d.stale_references.is_empty() && d.goals.is_empty() && d.themes.is_empty());
    assert!(!d.is_empty());
}
