//! `diff` on edited copies of the shipped programme: each test plants one
//! kind of edit and states exactly how it must be classified.

mod diff_support;

use diff_support::*;
use policydiff::align::{Overrides, PairedBy};
use policydiff::diff::{
    ChangeClass as C, Comparison, EntryChangeKind, ItemChangeKind, StaleTarget, StatusChangeKind,
};
use policydiff::snapshot::Status;

#[test]
fn identical_versions_have_no_changes() {
    let p = programme();
    let d = diff(&p, &p);
    assert!(d.is_empty());
    assert_eq!(d.measures.len(), 38);
    assert!(d.measures.iter().all(|m| m.classes == vec![C::Unchanged]));
    assert!(
        d.measures
            .iter()
            .all(|m| m.confidence == Some(1.0) && m.similarity == Some(1.0))
    );
}

#[test]
fn a_measure_inserted_after_11_is_one_added_and_27_renumbered() {
    let old = programme();
    let mut new = old.clone();
    insert_after(&mut new, 11, fresh_measure(0, 1, "2015"));
    let d = diff(&old, &new);
    let mut expected = vec![(vec![], vec![12], vec![C::Added])];
    expected.extend((12..=38).map(|n| (vec![n], vec![n + 1], vec![C::Renumbered])));
    assert_eq!(changes(&d), expected);
    // "maatregel 30" in old 20a (now 21a) should now say 31; the references
    // to 8 and 11 are still right.
    assert_eq!(d.stale_references.len(), 1);
    let s = &d.stale_references[0];
    assert_eq!(
        (s.measure, s.item.as_deref(), s.says, s.should_say, s.target),
        (21, Some("a"), 30, Some(31), StaleTarget::Renumbered)
    );
    assert_eq!(s.phrase, "maatregel 30");
    assert!(
        d.goals.is_empty()
            && d.groups.is_empty()
            && d.themes.is_empty()
            && d.footnotes.is_empty()
            && d.glossary.is_empty()
    );
}

#[test]
fn a_deleted_measure_is_one_removed_and_the_rest_renumbered() {
    let old = programme();
    let mut new = old.clone();
    delete(&mut new, 5);
    let d = diff(&old, &new);
    let mut expected: Vec<(Vec<u32>, Vec<u32>, Vec<C>)> = (6..=38)
        .map(|n| (vec![n], vec![n - 1], vec![C::Renumbered]))
        .collect();
    expected.insert(0, (vec![5], vec![], vec![C::Removed]));
    let mut got = changes(&d);
    got.sort_by_key(|(o, _, _)| o.clone());
    assert_eq!(got, expected);
    // 20a's "maatregel 30" now names 29; "maatregel 8" names 7; 11 is 10.
    let stale: Vec<(u32, u32, Option<u32>)> = d
        .stale_references
        .iter()
        .map(|s| (s.measure, s.says, s.should_say))
        .collect();
    assert_eq!(
        stale,
        vec![(19, 30, Some(29)), (19, 8, Some(7)), (19, 11, Some(10))]
    );
}

#[test]
fn two_swapped_measures_are_found_as_a_swap() {
    let old = programme();
    let mut new = old.clone();
    swap(&mut new, 14, 15);
    let d = diff(&old, &new);
    assert_eq!(
        changes(&d),
        vec![
            (vec![15], vec![14], vec![C::Renumbered]),
            (vec![14], vec![15], vec![C::Renumbered])
        ]
    );
    assert!(
        d.changed_measures()
            .all(|m| m.confidence.is_some_and(|c| c > 0.9))
    );
}

#[test]
fn swapped_measures_in_different_themes_are_renumbered_and_moved() {
    let old = programme();
    let mut new = old.clone();
    swap(&mut new, 13, 14);
    let d = diff(&old, &new);
    assert_eq!(
        changes(&d),
        vec![
            (vec![14], vec![13], vec![C::Renumbered, C::Moved]),
            (vec![13], vec![14], vec![C::Renumbered, C::Moved])
        ]
    );
}

#[test]
fn a_number_kept_with_another_measures_content_is_not_the_same_measure() {
    // New 12 carries old 13's content and 13 is gone: old 13 → new 12 is a
    // renumbering, old 12 is removed, although "12" exists on both sides.
    let old = programme();
    let mut new = old.clone();
    delete(&mut new, 12);
    let d = diff(&old, &new);
    let twelve = d
        .measures
        .iter()
        .find(|m| m.new.first().is_some_and(|r| r.number == 12))
        .expect("new 12 is reported");
    assert_eq!(
        twelve.old.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![13]
    );
    assert_eq!(with_class(&d, C::Removed).len(), 1);
    assert_eq!(with_class(&d, C::Removed)[0].old[0].number, 12);
}

#[test]
fn a_retitle_with_unchanged_content_is_retitled_only() {
    let old = programme();
    let mut new = old.clone();
    measure_mut(&mut new, 29).title = "Bestrijden van online jihadistische content".to_string();
    let d = diff(&old, &new);
    assert_eq!(changes(&d), vec![(vec![29], vec![29], vec![C::Retitled])]);
    let m = &with_class(&d, C::Retitled)[0];
    assert!(m.title.as_ref().is_some_and(|w| w.is_change()));
    assert!(m.items.is_empty() && m.lead_in.is_none() && m.body.is_none());
}

#[test]
fn status_changes_are_reported_with_their_direction() {
    let old = programme();
    let mut new = old.clone();
    // 2 is B → V; 4 is N → B.
    measure_mut(&mut new, 2).status = settled(Status::Strengthened);
    measure_mut(&mut new, 4).status = settled(Status::Existing);
    let d = diff(&old, &new);
    assert_eq!(
        changes(&d),
        vec![
            (vec![2], vec![2], vec![C::Status]),
            (vec![4], vec![4], vec![C::Status])
        ]
    );
    let statuses: Vec<(StatusChangeKind, Option<&str>)> = with_class(&d, C::Status)
        .iter()
        .map(|m| m.status.as_ref().map(|s| (s.kind, s.direction)).unwrap())
        .collect();
    assert_eq!(
        statuses,
        vec![
            (StatusChangeKind::Changed, Some("strengthened")),
            (StatusChangeKind::Changed, Some("existing"))
        ]
    );
}

#[test]
fn an_uncertain_status_settled_on_a_candidate_is_not_a_change() {
    let old = programme();
    let mut new = old.clone();
    // 22 is uncertain in the shipped programme; settle it on a candidate.
    let candidate = old.measure(22).unwrap().status.candidates[0];
    measure_mut(&mut new, 22).status = settled(candidate);
    let d = diff(&old, &new);
    assert!(d.is_empty());
    let m = d.measures.iter().find(|m| m.new[0].number == 22).unwrap();
    assert_eq!(m.classes, vec![C::Unchanged]);
    assert_eq!(
        m.status.as_ref().map(|s| s.kind),
        Some(StatusChangeKind::Settled)
    );
}

#[test]
fn an_item_inserted_in_the_middle_is_one_added_item() {
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 25);
    m.items.insert(
        2,
        item(
            "x",
            "Er komt een landelijk meldpunt voor ouders van radicaliserende kinderen.",
        ),
    );
    relabel(m);
    let d = diff(&old, &new);
    assert_eq!(changes(&d), vec![(vec![25], vec![25], vec![C::Text])]);
    let items: Vec<(Option<&str>, Option<&str>, ItemChangeKind)> = with_class(&d, C::Text)[0]
        .items
        .iter()
        .map(|i| (i.old_label.as_deref(), i.new_label.as_deref(), i.kind))
        .collect();
    assert_eq!(
        items,
        vec![
            (None, Some("c"), ItemChangeKind::Added),
            (Some("c"), Some("d"), ItemChangeKind::Relabelled),
            (Some("d"), Some("e"), ItemChangeKind::Relabelled),
            (Some("e"), Some("f"), ItemChangeKind::Relabelled),
            (Some("f"), Some("g"), ItemChangeKind::Relabelled),
        ]
    );
}

#[test]
fn a_changed_item_is_one_changed_item_with_word_differences() {
    let old = programme();
    let mut new = old.clone();
    let text = &mut measure_mut(&mut new, 1).items[1].text;
    *text = text.replace("optimaal", "maximaal");
    let d = diff(&old, &new);
    assert_eq!(changes(&d), vec![(vec![1], vec![1], vec![C::Text])]);
    let items = &with_class(&d, C::Text)[0].items;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, ItemChangeKind::Changed);
    let w = items[0].words.as_ref().unwrap();
    let changed: Vec<&str> = w
        .segments
        .iter()
        .filter(|s| s.tag != policydiff::diff::SegmentTag::Equal)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(changed, vec!["optimaal", "maximaal"]);
}

#[test]
fn a_measure_split_in_two_is_one_split() {
    // Measure 29 (8 items) becomes 29 with items a–d and a new 30 with e–h.
    let old = programme();
    let mut new = old.clone();
    let m29 = old.measure(29).unwrap().clone();
    let mut second = m29.clone();
    second.title = "Bestrijden van verspreiding via internetbedrijven".to_string();
    second.items = m29.items[4..].to_vec();
    relabel(&mut second);
    measure_mut(&mut new, 29).items.truncate(4);
    insert_after(&mut new, 29, second);
    let d = diff(&old, &new);
    let splits = with_class(&d, C::Split);
    assert_eq!(splits.len(), 1);
    assert_eq!(
        (
            splits[0].old.iter().map(|r| r.number).collect::<Vec<_>>(),
            splits[0].new.iter().map(|r| r.number).collect::<Vec<_>>()
        ),
        (vec![29], vec![29, 30])
    );
    assert!(with_class(&d, C::Added).is_empty() && with_class(&d, C::Removed).is_empty());
    assert_eq!(with_class(&d, C::Renumbered).len(), 9); // 30–38 became 31–39
    assert_eq!(changes(&d).len(), 10);
}

#[test]
fn two_measures_merged_into_one_is_one_merge() {
    // Measures 37 and 38 become one measure 37 holding both.
    let old = programme();
    let mut new = old.clone();
    let m38 = delete(&mut new, 38);
    let m37 = measure_mut(&mut new, 37);
    m37.items.extend(m38.items);
    m37.lead_in = Some(format!(
        "{} {}",
        m37.lead_in.clone().unwrap_or_default(),
        m38.lead_in.unwrap_or_default()
    ));
    relabel(m37);
    let d = diff(&old, &new);
    assert_eq!(changes(&d), vec![(vec![37, 38], vec![37], vec![C::Merged])]);
}

#[test]
fn a_measure_moved_to_another_theme_is_moved() {
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 28);
    m.theme = 4;
    m.section = None;
    let d = diff(&old, &new);
    assert_eq!(changes(&d), vec![(vec![28], vec![28], vec![C::Moved])]);
}

#[test]
fn glossary_entries_added_removed_and_changed_are_reported_by_term() {
    let old = programme();
    let mut new = old.clone();
    let g = new.glossary.as_mut().unwrap();
    let removed = g.entries.remove(0).term;
    g.entries[0]
        .definition
        .push_str(" Dit is een toegevoegde zin.");
    let changed = g.entries[0].term.clone();
    g.entries.push(policydiff::snapshot::GlossaryEntry {
        term: "Zorgcoördinator".to_string(),
        definition: "de persoon die de zorg rond een terugkeerder coördineert.".to_string(),
        lines: None,
    });
    let d = diff(&old, &new);
    assert!(d.changed_measures().next().is_none());
    let mut got: Vec<(EntryChangeKind, String)> = d
        .glossary
        .iter()
        .map(|e| (e.kind, e.new_key.clone().or(e.old_key.clone()).unwrap()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            (EntryChangeKind::Added, "Zorgcoördinator".to_string()),
            (EntryChangeKind::Removed, removed),
            (EntryChangeKind::Changed, changed)
        ]
    );
}

#[test]
fn the_programme_against_the_summary_page_compares_groups_only() {
    let p = programme();
    let s = summary();
    for (old, new) in [(&p, &s), (&s, &p)] {
        let d = diff(old, new);
        assert_eq!(d.comparison, Comparison::ProgrammeSummary);
        assert!(d.measures.is_empty() && d.stale_references.is_empty());
        // Group texts differ in capitals, which are no difference between
        // a programme and its summary page (as in `check`), and group 3 in
        // its intro sentence; titles and numbers agree.
        let numbers: Vec<(Option<u32>, Option<u32>, EntryChangeKind)> = d
            .groups
            .iter()
            .map(|g| (g.old_number, g.new_number, g.kind))
            .collect();
        assert_eq!(numbers, [(Some(3), Some(3), EntryChangeKind::Changed)]);
        assert!(
            d.groups
                .iter()
                .all(|g| g.title.is_none() && g.text.is_some())
        );
    }
}

#[test]
fn a_pinned_pair_wins_over_the_evidence() {
    let old = programme();
    let new = old.clone();
    let overrides = Overrides {
        pairs: vec![(1, 2), (2, 1)],
        unpairs: vec![],
    };
    let d = diff_with(&old, &new, &overrides);
    let pinned: Vec<(u32, u32, Option<PairedBy>)> = d
        .changed_measures()
        .map(|m| (m.old[0].number, m.new[0].number, m.paired_by))
        .collect();
    assert_eq!(
        pinned,
        vec![
            (2, 1, Some(PairedBy::Override)),
            (1, 2, Some(PairedBy::Override))
        ]
    );
}

#[test]
fn an_unpaired_measure_is_reported_removed_and_its_copy_added() {
    let old = programme();
    let new = old.clone();
    let d = diff_with(
        &old,
        &new,
        &Overrides {
            pairs: vec![],
            unpairs: vec![7],
        },
    );
    assert_eq!(
        changes(&d),
        vec![
            (vec![], vec![7], vec![C::Added]),
            (vec![7], vec![], vec![C::Removed])
        ]
    );
}

#[test]
fn a_pair_naming_a_missing_measure_is_an_error_naming_the_fix() {
    let old = programme();
    let err = policydiff::align::align(
        &old,
        &old,
        &Overrides {
            pairs: vec![(12, 99)],
            unpairs: vec![],
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "`--pair 12=99`: no measure 99 in the new version `actieprogramma-2014`; its measures are 1–38"
    );
}
