//! Differences outside the measures (goals, footnotes, overview groups and
//! their parts, theme headings, aims and sections) and the change classes
//! that only particular edits produce: each test makes one edit of the real
//! programme and states exactly what the diff must say about it.

mod diff_support;

use diff_support::*;
use policydiff::align::Overrides;
use policydiff::diff::{
    ChangeClass, Diff, EntryChangeKind, ItemChangeKind, MeasureChange, StaleTarget,
    StatusChangeKind,
};
use policydiff::snapshot::{Footnote, Part, Status};

/// The entry of the changed measure that is numbered `number` in the new
/// version.
fn listed(d: &Diff, number: u32) -> &MeasureChange {
    d.changed_measures()
        .find(|c| c.new.first().is_some_and(|r| r.number == number))
        .unwrap_or_else(|| panic!("measure {number} is listed"))
}

#[test]
fn a_reworded_goal_is_one_changed_goal_with_its_words() {
    let old = programme();
    let mut new = old.clone();
    new.goals[1] = new.goals[1].replace("verzwakken", "ontmantelen");
    let d = diff(&old, &new);
    assert_eq!(d.goals.len(), 1, "{:?}", d.goals);
    let g = &d.goals[0];
    assert_eq!(g.kind, EntryChangeKind::Changed);
    // Goals are keyed by their place, counted from 1.
    assert_eq!(
        (g.old_key.as_deref(), g.new_key.as_deref()),
        (Some("2"), Some("2"))
    );
    let words = g.words.as_ref().expect("word differences");
    assert!(words.plain().contains("ontmantelen"), "{}", words.plain());
    assert!(d.measures.iter().all(|m| !m.is_change()));
}

#[test]
fn an_added_goal_is_added_and_a_removed_one_removed() {
    let old = programme();
    let mut new = old.clone();
    new.goals
        .push("Het versterken van de weerbaarheid van scholen".to_string());
    let d = diff(&old, &new);
    let kinds: Vec<_> = d.goals.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [EntryChangeKind::Added]);
    let back = diff(&new, &old);
    let kinds: Vec<_> = back.goals.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [EntryChangeKind::Removed]);
}

#[test]
fn a_footnote_whose_text_changes_is_changed_and_one_renumbered_is_rekeyed() {
    let old = programme();
    let mut new = old.clone();
    new.footnotes[0]
        .text
        .push_str(" Zie ook de jaarrapportage.");
    let d = diff(&old, &new);
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].kind, EntryChangeKind::Changed);
    assert_eq!(d.footnotes[0].old_key.as_deref(), Some("1"));

    let mut new = old.clone();
    let last = new.footnotes.last().unwrap().number;
    new.footnotes.push(Footnote {
        number: last + 1,
        text: "Een geheel nieuwe voetnoot over de evaluatie van het programma.".to_string(),
        lines: None,
    });
    let d = diff(&old, &new);
    let kinds: Vec<_> = d.footnotes.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [EntryChangeKind::Added]);
}

#[test]
fn a_changed_group_part_is_reported_inside_its_group() {
    let old = programme();
    let mut new = old.clone();
    let g = new
        .groups
        .iter_mut()
        .find(|g| !g.parts.is_empty())
        .expect("a group with parts (group 3)");
    let number = g.number;
    g.parts.push(Part {
        label: Some("d".to_string()),
        text: "Versterken van de samenwerking met het onderwijs".to_string(),
        lines: None,
    });
    let d = diff(&old, &new);
    assert_eq!(d.groups.len(), 1, "{:?}", d.groups);
    let change = &d.groups[0];
    assert_eq!(change.kind, EntryChangeKind::Changed);
    assert_eq!(change.new_number, Some(number));
    let parts: Vec<_> = change.parts.iter().map(|p| p.kind).collect();
    assert_eq!(parts, [EntryChangeKind::Added]);
    assert!(change.title.is_none() && change.text.is_none());
}

#[test]
fn a_retitled_theme_and_a_changed_aim_are_a_theme_change() {
    let old = programme();
    let mut new = old.clone();
    let t = &mut new.themes[0];
    t.title.push_str(" en terugkeer");
    let aim = t.aims.first_mut().expect("theme 1 has an aim");
    *aim = aim.replace("Beperken", "Wegnemen");
    let d = diff(&old, &new);
    assert_eq!(d.themes.len(), 1, "{:?}", d.themes);
    let change = &d.themes[0];
    assert_eq!(change.kind, EntryChangeKind::Changed);
    assert_eq!(change.number, 1);
    assert!(change.title.is_some(), "the title difference is given");
    let aims: Vec<_> = change.aims.iter().map(|a| a.kind).collect();
    assert_eq!(aims, [EntryChangeKind::Changed]);
    // The measures of the theme did not move.
    assert!(with_class(&d, ChangeClass::Moved).is_empty());
}

#[test]
fn an_added_theme_is_added_and_a_removed_one_removed() {
    let old = programme();
    let mut new = old.clone();
    let mut theme = new.themes.last().expect("a theme").clone();
    theme.number += 1;
    theme.title = "Sportverenigingen en muziekscholen".to_string();
    theme.aims = vec!["Provincies subsidiëren muziekles in krimpgebieden.".to_string()];
    theme.sections.clear();
    theme.paragraphs.clear();
    let number = theme.number;
    new.themes.push(theme);
    let rows = |d: &policydiff::diff::Diff| -> Vec<_> {
        d.themes
            .iter()
            .map(|t| (t.kind, t.old_number, t.new_number))
            .collect()
    };
    assert_eq!(
        rows(&diff(&old, &new)),
        [(EntryChangeKind::Added, None, Some(number))]
    );
    assert_eq!(
        rows(&diff(&new, &old)),
        [(EntryChangeKind::Removed, Some(number), None)]
    );
}

#[test]
fn a_changed_section_aim_is_reported_under_its_theme() {
    let old = programme();
    let mut new = old.clone();
    let theme = new
        .themes
        .iter_mut()
        .find(|t| t.sections.iter().any(|s| !s.aims.is_empty()))
        .expect("a theme with sections that have aims (theme 3)");
    let number = theme.number;
    let section = theme
        .sections
        .iter_mut()
        .find(|s| !s.aims.is_empty())
        .unwrap();
    section.aims[0].push_str(" en online");
    let d = diff(&old, &new);
    assert_eq!(d.themes.len(), 1);
    assert_eq!(d.themes[0].number, number);
    let sections: Vec<_> = d.themes[0].sections.iter().map(|s| s.kind).collect();
    assert_eq!(sections, [EntryChangeKind::Changed]);
}

#[test]
fn section_move_within_a_theme_is_reported_as_moved() {
    let old = programme();
    let mut new = old.clone();
    // Theme 5 has sections Lokaal (30–31), Nationaal (32–35), Internationaal
    // (36–38): measure 31 goes to Nationaal.
    let m = measure_mut(&mut new, 31);
    let from = m.section.clone().expect("measure 31 has a section");
    m.section = Some("Nationaal".to_string());
    assert_ne!(from, "Nationaal");
    let d = diff(&old, &new);
    let moved = with_class(&d, ChangeClass::Moved);
    assert_eq!(moved.len(), 1, "{:?}", changes(&d));
    assert_eq!(moved[0].new[0].number, 31);
    assert_eq!(
        changes(&d),
        [(vec![31], vec![31], vec![ChangeClass::Moved])]
    );
}

#[test]
fn reordered_items_are_relabelled_not_rewritten() {
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 1);
    assert!(m.items.len() >= 3, "measure 1 has items a–c at least");
    m.items.swap(0, 1);
    relabel(m);
    let d = diff(&old, &new);
    let entry = listed(&d, 1);
    assert!(entry.has(ChangeClass::Text), "{:?}", entry.classes);
    let kinds: Vec<_> = entry.items.iter().map(|i| i.kind).collect();
    assert!(
        kinds.iter().all(|k| *k == ItemChangeKind::Relabelled),
        "two swapped items are relabelled, nothing rewritten: {kinds:?}"
    );
    assert_eq!(kinds.len(), 2);
}

#[test]
fn an_items_status_change_counts_as_a_status_change_of_its_measure() {
    let old = programme();
    let mut new = old.clone();
    // Item 3c is recorded N; make it V.
    let m = measure_mut(&mut new, 3);
    let c = m.items.iter_mut().find(|i| i.label == "c").unwrap();
    assert_eq!(c.status.as_ref().and_then(|s| s.value), Some(Status::New));
    c.status = Some(settled(Status::Strengthened));
    let d = diff(&old, &new);
    let entry = listed(&d, 3);
    // A status change and nothing else: the items did not move or change.
    assert_eq!(entry.classes, [ChangeClass::Status]);
    let item = entry
        .items
        .iter()
        .find(|i| i.new_label.as_deref() == Some("c"))
        .expect("item c is listed");
    assert!(item.status.is_some());
    assert_eq!(d.counts().status, 1);
}

#[test]
fn a_status_change_of_every_item_of_a_measure_is_reported_for_each_item() {
    let old = programme();
    let mut new = old.clone();
    // Item 15a has no status recorded and gets one; 15b goes from N to V.
    let m = measure_mut(&mut new, 15);
    assert_eq!(m.items.len(), 2);
    assert_eq!(m.items[0].status, None);
    assert_eq!(
        m.items[1].status.as_ref().and_then(|s| s.value),
        Some(Status::New)
    );
    m.items[0].status = Some(settled(Status::Existing));
    m.items[1].status = Some(settled(Status::Strengthened));
    let d = diff(&old, &new);
    let entry = listed(&d, 15);
    assert_eq!(entry.classes, [ChangeClass::Status]);
    let items: Vec<_> = entry
        .items
        .iter()
        .map(|i| {
            (
                i.kind,
                i.new_label.as_deref(),
                i.status.as_ref().map(|s| s.kind),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                ItemChangeKind::Unchanged,
                Some("a"),
                Some(StatusChangeKind::Settled)
            ),
            (
                ItemChangeKind::Unchanged,
                Some("b"),
                Some(StatusChangeKind::Changed)
            ),
        ]
    );
}

#[test]
fn two_overlapping_uncertain_statuses_are_not_a_status_change() {
    let old = programme();
    let mut new = old.clone();
    // Measure 24 is uncertain between V and N in the shipped programme;
    // make it uncertain between N and B: the two overlap in N.
    let m = measure_mut(&mut new, 24);
    assert!(m.status.value.is_none(), "measure 24 is uncertain");
    assert_eq!(m.status.candidates, [Status::Strengthened, Status::New]);
    m.status.candidates = vec![Status::Existing, Status::New];
    let d = diff(&old, &new);
    assert_eq!(d.counts().status, 0, "{:?}", changes(&d));
}

#[test]
fn a_reference_to_a_removed_measure_is_stale_with_no_number_to_say() {
    let old = programme();
    let mut new = old.clone();
    measure_mut(&mut new, 2).body = Some("Zie ook maatregel 20.".to_string());
    let mut newer = new.clone();
    measure_mut(&mut newer, 2).references = vec![reference(20)];
    let mut old_with = old.clone();
    measure_mut(&mut old_with, 2).body = Some("Zie ook maatregel 20.".to_string());
    measure_mut(&mut old_with, 2).references = vec![reference(20)];
    delete(&mut newer, 20);
    let d = diff(&old_with, &newer);
    let stale: Vec<_> = d
        .stale_references
        .iter()
        .map(|s| (s.measure, s.says, s.should_say, s.target))
        .collect();
    assert_eq!(stale, [(2, 20, None, StaleTarget::Removed)]);
}

#[test]
fn a_reference_to_a_measure_merged_into_another_is_stale_and_says_where_it_went() {
    let old = {
        let mut p = programme();
        measure_mut(&mut p, 2).references = vec![reference(18)];
        measure_mut(&mut p, 2).body = Some("Zie ook maatregel 18.".to_string());
        p
    };
    let mut new = old.clone();
    // Measure 18 (title and body) becomes two items of measure 20 (19 once
    // 18 is gone), so the text "maatregel 18" now names the old 19.
    let gone = delete(&mut new, 18);
    let into = measure_mut(&mut new, 19);
    into.items.push(item("x", &gone.title));
    into.items.push(item("x", gone.body.as_deref().unwrap()));
    relabel(into);
    let d = diff(&old, &new);
    let in_two: Vec<_> = d
        .stale_references
        .iter()
        .filter(|s| s.measure == 2)
        .map(|s| (s.says, s.should_say, s.target))
        .collect();
    assert_eq!(
        in_two,
        [(18, Some(19), StaleTarget::Merged)],
        "{:?}",
        changes(&d)
    );
}

#[test]
fn a_reference_to_a_measure_split_with_no_continuation_is_stale_with_no_number_to_say() {
    let old = {
        let mut p = programme();
        measure_mut(&mut p, 2).references = vec![reference(29)];
        measure_mut(&mut p, 2).body = Some("Zie ook maatregel 29.".to_string());
        p
    };
    // Measure 29 (items a–h) becomes 29 (a–d) and 30 (e–h); `--unpair 29`
    // says neither piece continues it, so "maatregel 29" has no one number.
    let mut new = old.clone();
    let m29 = measure_mut(&mut new, 29);
    let second: Vec<_> = m29.items.drain(4..).collect();
    let mut piece = m29.clone();
    piece.title = "Bestrijden van verspreiding via internetbedrijven".to_string();
    piece.items = second;
    relabel(&mut piece);
    insert_after(&mut new, 29, piece);
    let unpair = Overrides {
        pairs: Vec::new(),
        unpairs: vec![29],
    };
    let d = diff_with(&old, &new, &unpair);
    assert_eq!(
        with_class(&d, ChangeClass::Split).len(),
        1,
        "{:?}",
        changes(&d)
    );
    let in_two: Vec<_> = d
        .stale_references
        .iter()
        .filter(|s| s.measure == 2)
        .map(|s| (s.says, s.should_say, s.target))
        .collect();
    assert_eq!(in_two, [(29, None, StaleTarget::Split)]);
}

/// Measure 2's items in an old and a new version of the programme, with
/// measure 5 removed in the new one so that measure 20 is now 19; the
/// stale references of measure 2's items as (item, says, should say).
fn stale_in_items_of_two(
    old_items: Vec<policydiff::snapshot::Item>,
    new_items: Vec<policydiff::snapshot::Item>,
) -> Vec<(Option<String>, u32, Option<u32>)> {
    let mut old = programme();
    measure_mut(&mut old, 2).items = old_items;
    let mut new = programme();
    measure_mut(&mut new, 2).items = new_items;
    delete(&mut new, 5);
    let d = diff(&old, &new);
    d.stale_references
        .iter()
        .filter(|s| s.measure == 2 && s.item.is_some())
        .map(|s| (s.item.clone(), s.says, s.should_say))
        .collect()
}

fn item_naming(label: &str, text: &str, measures: &[u32]) -> policydiff::snapshot::Item {
    let mut i = item(label, text);
    i.references = measures.iter().map(|n| reference(*n)).collect();
    i
}

#[test]
fn a_reworded_item_is_judged_against_the_most_similar_old_item_not_a_later_less_similar_one() {
    let stale = stale_in_items_of_two(
        vec![
            item_naming(
                "a",
                "Gemeenten melden signalen van radicalisering snel aan de politie (zie maatregel 20).",
                &[20],
            ),
            // Similar enough to be a counterpart (5 words shared of its 6
            // and the new item's 11: a ratio of 0.59), but less so than
            // item a (0.96).
            item_naming("b", "Gemeenten melden signalen aan de wijkagent.", &[]),
        ],
        vec![item_naming(
            "a",
            "Gemeenten melden signalen van radicalisering aan de politie (zie maatregel 20).",
            &[20],
        )],
    );
    assert_eq!(stale, [(Some("a".to_string()), 20, Some(19))]);
}

#[test]
fn of_two_old_items_as_similar_to_a_reworded_one_the_first_is_its_counterpart() {
    // Both old items differ from the new one by one inserted word. The
    // second records no reference, so taking it would leave the new item's
    // "maatregel 20" without an old reference to have carried over.
    let stale = stale_in_items_of_two(
        vec![
            item_naming(
                "a",
                "Gemeenten melden signalen snel aan de politie, zie maatregel 20.",
                &[20],
            ),
            item_naming(
                "b",
                "Gemeenten melden signalen direct aan de politie, zie maatregel 20.",
                &[],
            ),
        ],
        vec![item_naming(
            "a",
            "Gemeenten melden signalen aan de politie, zie maatregel 20.",
            &[20],
        )],
    );
    assert_eq!(stale, [(Some("a".to_string()), 20, Some(19))]);
}

#[test]
fn a_new_item_unlike_every_old_text_has_references_written_for_the_new_version() {
    // The old measure says "zie ook maatregel 20" in its body; the new item
    // says it too, in a text like nothing the old measure had.
    let mut old = programme();
    let m = measure_mut(&mut old, 2);
    m.body = Some(format!(
        "{} Zie ook maatregel 20.",
        m.body.as_deref().unwrap_or("")
    ));
    m.references = vec![reference(20)];
    m.items = Vec::new();
    let mut new = old.clone();
    measure_mut(&mut new, 2).items = vec![item_naming(
        "a",
        "Scholen krijgen lesmateriaal over weerbaarheid, zie ook maatregel 20.",
        &[20],
    )];
    delete(&mut new, 5);
    let d = diff(&old, &new);
    let in_two: Vec<_> = d
        .stale_references
        .iter()
        .filter(|s| s.measure == 2)
        .map(|s| (s.item.clone(), s.says, s.should_say))
        .collect();
    // The body's reference was carried over and is stale; the item's is new.
    assert_eq!(in_two, [(None, 20, Some(19))]);
}

#[test]
fn unlabelled_parts_of_a_summary_group_are_keyed_by_place_from_one() {
    let old = summary();
    let mut new = old.clone();
    let g = new
        .groups
        .iter_mut()
        .find(|g| g.parts.len() >= 3)
        .expect("group 3 has three unlabelled parts");
    assert!(g.parts.iter().all(|p| p.label.is_none()));
    g.parts[1].text.push_str(" en online");
    let d = diff(&old, &new);
    assert_eq!(d.groups.len(), 1, "{:?}", d.groups);
    let parts: Vec<_> = d.groups[0]
        .parts
        .iter()
        .map(|p| (p.kind, p.old_key.as_deref(), p.new_key.as_deref()))
        .collect();
    assert_eq!(parts, [(EntryChangeKind::Changed, Some("2"), Some("2"))]);
}

#[test]
fn a_retitled_group_is_paired_by_its_number_and_shows_the_title_change() {
    let old = programme();
    let mut new = old.clone();
    new.groups[0].title = "Risicobeperking van jihadgangers".to_string();
    let d = diff(&old, &new);
    let kinds: Vec<_> = d
        .groups
        .iter()
        .map(|g| (g.kind, g.old_number, g.new_number, g.title.is_some()))
        .collect();
    assert_eq!(kinds, [(EntryChangeKind::Changed, Some(1), Some(1), true)]);
}

#[test]
fn a_word_replaced_in_a_summary_group_is_a_difference_though_case_and_punctuation_are_not() {
    let programme = programme();
    let summary = summary();
    let before = diff(&programme, &summary).groups.len();
    let mut edited = summary.clone();
    let g = group_mut(&mut edited, 1);
    // One word for another, the punctuation as it was.
    let first = g.text.split_whitespace().nth(1).unwrap().to_string();
    g.text = g.text.replacen(&first, "anders", 1);
    assert_eq!(diff(&programme, &edited).groups.len(), before + 1);
    // Capitals alone: no difference.
    let (_, shouted) = summary_with_group_1_in_capitals();
    assert_eq!(diff(&programme, &shouted).groups.len(), before);
}

#[test]
fn renumbered_groups_pair_by_title_each_with_its_own() {
    let old = programme();
    let mut new = old.clone();
    // Groups 4 and 5 become 7 and 6, listed in the new order 6, 7: each
    // must find its own title, not the first group left over.
    let (four, five) = (new.groups[3].clone(), new.groups[4].clone());
    new.groups[3] = policydiff::snapshot::Group { number: 6, ..five };
    new.groups[4] = policydiff::snapshot::Group { number: 7, ..four };
    let d = diff(&old, &new);
    let pairs: Vec<_> = d
        .groups
        .iter()
        .map(|g| {
            (
                g.kind,
                g.old_number,
                g.new_number,
                g.title.is_some(),
                g.text.is_some(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (EntryChangeKind::Changed, Some(5), Some(6), false, false),
            (EntryChangeKind::Changed, Some(4), Some(7), false, false),
        ]
    );
}

#[test]
fn summary_parts_differ_in_words_not_in_case() {
    let programme = programme();
    let summary = summary();
    let parts_of = |s: &policydiff::snapshot::Snapshot| {
        diff(&programme, s)
            .groups
            .iter()
            .find(|g| g.new_number == Some(3))
            .map_or(0, |g| g.parts.len())
    };
    let before = parts_of(&summary);
    let mut edited = summary.clone();
    let g = group_mut(&mut edited, 3);
    g.parts[0].text = g.parts[0].text.to_uppercase();
    assert_eq!(
        parts_of(&edited),
        before,
        "capitals alone are no difference"
    );
    let g = group_mut(&mut edited, 3);
    let word = g.parts[0]
        .text
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    g.parts[0].text = g.parts[0].text.replacen(&word, "ANDERS", 1);
    assert_eq!(parts_of(&edited), before + 1, "a replaced word is");
}

#[test]
fn a_new_section_is_an_added_section() {
    let old = programme();
    let mut new = old.clone();
    let theme = new.themes.iter_mut().find(|t| t.number == 5).unwrap();
    theme.sections.push(policydiff::snapshot::Section {
        title: "Europees".to_string(),
        aims: vec!["Samenwerken binnen de EU".to_string()],
        lines: None,
    });
    let d = diff(&old, &new);
    assert_eq!(d.themes.len(), 1);
    let sections: Vec<_> = d.themes[0]
        .sections
        .iter()
        .map(|s| (s.kind, s.new_key.as_deref()))
        .collect();
    assert_eq!(sections, [(EntryChangeKind::Added, Some("Europees"))]);
}

#[test]
fn two_summary_pages_are_compared_word_for_word_case_included() {
    // Case and punctuation are forgiven only between a programme and a
    // summary page, typeset apart; two versions of the page are compared
    // as written.
    let (old, new) = summary_with_group_1_in_capitals();
    let d = diff(&old, &new);
    assert_eq!(d.comparison, policydiff::diff::Comparison::Summaries);
    let groups: Vec<_> = d
        .groups
        .iter()
        .map(|g| (g.kind, g.old_number, g.new_number, g.text.is_some()))
        .collect();
    assert_eq!(groups, [(EntryChangeKind::Changed, Some(1), Some(1), true)]);
}

#[test]
fn a_rewording_of_every_item_of_a_measure_is_reported_for_each_item() {
    let old = programme();
    let mut new = old.clone();
    // Measure 15 has items a and b and no sub-items; both are reworded,
    // labels and statuses kept.
    let m = measure_mut(&mut new, 15);
    assert_eq!(m.items.len(), 2);
    assert!(m.items.iter().all(|i| i.items.is_empty()));
    for item in &mut m.items {
        item.text.push_str(" en verder uitgebreid");
    }
    let d = diff(&old, &new);
    let entry = listed(&d, 15);
    let items: Vec<_> = entry
        .items
        .iter()
        .map(|i| (i.kind, i.new_label.as_deref(), i.words.is_some()))
        .collect();
    assert_eq!(
        items,
        [
            (ItemChangeKind::Changed, Some("a"), true),
            (ItemChangeKind::Changed, Some("b"), true),
        ]
    );
}
