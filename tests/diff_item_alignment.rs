//! Items are aligned by content across the whole pair, sub-items included
//! (issue 12, kind 3): a heavily reworded item that keeps its distinctive
//! words is one changed item, a roman sub-item promoted to a lettered item
//! (or demoted) pairs across levels, and an unrelated item that replaces
//! another is removed and added, never paired by its place alone. Every case
//! is checked in both directions on the shipped programme.

mod diff_support;

use diff_support::*;
use policydiff::diff::{Diff, ItemChange, ItemChangeKind};
use policydiff::snapshot::Snapshot;

/// The item changes of the entry for new measure `number`.
fn items_of(d: &Diff, number: u32, forward: bool) -> Vec<ItemChange> {
    d.measures
        .iter()
        .filter(|m| {
            let side = if forward { &m.new } else { &m.old };
            side.iter().any(|r| r.number == number)
        })
        .flat_map(|m| m.items.clone())
        .collect()
}

/// `(kind, old label, new label)` of item changes, for exact assertions.
fn summary(items: &[ItemChange]) -> Vec<(ItemChangeKind, Option<String>, Option<String>)> {
    items
        .iter()
        .map(|i| (i.kind, i.old_label.clone(), i.new_label.clone()))
        .collect()
}

/// The mirror of an item change summary (old and new swapped).
fn mirrored(
    rows: &[(ItemChangeKind, Option<&str>, Option<&str>)],
) -> Vec<(ItemChangeKind, Option<String>, Option<String>)> {
    rows.iter()
        .map(|(k, o, n)| {
            let k = match k {
                ItemChangeKind::Added => ItemChangeKind::Removed,
                ItemChangeKind::Removed => ItemChangeKind::Added,
                other => *other,
            };
            (k, n.map(str::to_string), o.map(str::to_string))
        })
        .collect()
}

fn owned(
    rows: &[(ItemChangeKind, Option<&str>, Option<&str>)],
) -> Vec<(ItemChangeKind, Option<String>, Option<String>)> {
    rows.iter()
        .map(|(k, o, n)| (*k, o.map(str::to_string), n.map(str::to_string)))
        .collect()
}

/// Diff `old → new` and `new → old` and check the item changes of measure
/// `number` (the same number on both sides) are `expected` and its mirror.
fn assert_items(
    old: &Snapshot,
    new: &Snapshot,
    number: u32,
    expected: &[(ItemChangeKind, Option<&str>, Option<&str>)],
) {
    let forward = diff(old, new);
    assert_eq!(
        summary(&items_of(&forward, number, true)),
        owned(expected),
        "old → new, measure {number}: {:?}",
        changes(&forward)
    );
    let backward = diff(new, old);
    let mut want = mirrored(expected);
    // Backwards, rows come in the other version's order.
    let mut got = summary(&items_of(&backward, number, true));
    want.sort();
    got.sort();
    assert_eq!(got, want, "new → old, measure {number}");
    // Only that measure changed, both ways.
    assert_eq!(changes(&forward).len(), 1, "{:?}", changes(&forward));
    assert_eq!(changes(&backward).len(), 1, "{:?}", changes(&backward));
}

fn reword(number: u32, index: usize, text: &str) -> (Snapshot, Snapshot) {
    let old = programme();
    let mut new = old.clone();
    measure_mut(&mut new, number).items[index].text = text.to_string();
    (old, new)
}

#[test]
fn a_heavily_reworded_item_is_one_changed_item() {
    // Each keeps the item's distinctive words but little of its phrasing:
    // plain word overlap falls below a half.
    for (number, index, label, text) in [
        (
            15,
            0,
            "a",
            "Wie naar verwachting in het buitenland de veiligheid van Nederland bedreigt, raakt zijn paspoort kwijt: artikel 23 van de Paspoortwet staat vervallenverklaring dan toe.",
        ),
        (
            1,
            1,
            "b",
            "Nederlanders die in strijdgebieden internationale misdrijven begaan, worden met volle inzet van de internationale rechtsmacht vervolgd.",
        ),
        (
            5,
            0,
            "a",
            "De IND trekt een verblijfsstatus in beginsel in.",
        ),
        (
            33,
            1,
            "b",
            "Voor meldplichtige instellingen met risicoprofielen maakt de FIU-Nederland profielen.",
        ),
    ] {
        let (old, new) = reword(number, index, text);
        assert_items(
            &old,
            &new,
            number,
            &[(ItemChangeKind::Changed, Some(label), Some(label))],
        );
    }
}

#[test]
fn a_sub_item_promoted_to_a_lettered_item_is_paired_across_levels() {
    // 27 b.iv becomes 27 f, word for word: relabelled, not removed + added.
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 27);
    let promoted = m.items[1].items.remove(3);
    m.items.push(item("f", &promoted.text));
    assert_items(
        &old,
        &new,
        27,
        &[
            (ItemChangeKind::Unchanged, Some("b"), Some("b")),
            (ItemChangeKind::Relabelled, Some("b.iv"), Some("f")),
        ],
    );
}

#[test]
fn a_promoted_sub_item_whose_words_change_is_one_changed_item() {
    // 21 b.iii becomes 21 c, reworded on the way.
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 21);
    m.items[1].items.remove(2);
    m.items.push(item(
        "c",
        "Het tegengaan van discriminatie, islamofobie en moslimhaat krijgt een eigen overleg.",
    ));
    assert_items(
        &old,
        &new,
        21,
        &[
            (ItemChangeKind::Unchanged, Some("b"), Some("b")),
            (ItemChangeKind::Changed, Some("b.iii"), Some("c")),
        ],
    );
}

#[test]
fn a_lettered_item_demoted_to_a_sub_item_is_paired_across_levels() {
    // 37 a.iii is the old side's; its new place is a lettered item c. Read
    // backwards this is a demotion: c → a.iii.
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 37);
    let moved = m.items[0].items.remove(2);
    m.items.push(item("c", &moved.text));
    assert_items(
        &old,
        &new,
        37,
        &[
            (ItemChangeKind::Unchanged, Some("a"), Some("a")),
            (ItemChangeKind::Relabelled, Some("a.iii"), Some("c")),
        ],
    );
}

#[test]
fn an_unrelated_item_in_the_place_of_another_is_removed_and_added() {
    for (number, index, label, text) in [
        // Shares only "indien sprake is van een … deze": the words the
        // measure's other item has too.
        (
            5,
            0,
            "a",
            "Indien sprake is van een uitkering wordt deze stopgezet door de gemeente.",
        ),
        (
            24,
            1,
            "b",
            "Scholen krijgen extra geld voor de aanschaf van sportmaterialen en een nieuwe gymzaal.",
        ),
    ] {
        let (old, new) = reword(number, index, text);
        assert_items(
            &old,
            &new,
            number,
            &[
                (ItemChangeKind::Removed, Some(label), None),
                (ItemChangeKind::Added, None, Some(label)),
            ],
        );
    }
}

#[test]
fn an_item_inserted_before_others_still_relabels_the_rest_only() {
    // The old behaviour kept: one added item, the rest relabelled.
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 5);
    m.items.insert(
        0,
        item(
            "x",
            "Een geheel nieuw onderdeel over scholen en sportclubs.",
        ),
    );
    relabel(m);
    assert_items(
        &old,
        &new,
        5,
        &[
            (ItemChangeKind::Added, None, Some("a")),
            (ItemChangeKind::Relabelled, Some("a"), Some("b")),
            (ItemChangeKind::Relabelled, Some("b"), Some("c")),
        ],
    );
}

/// The item vocabulary as `diff::compute` counts it when nobody counted it
/// before: every measure's own text (title, lead-in, body) and every item,
/// each one document.
fn vocabulary_from_texts(old: &Snapshot, new: &Snapshot) -> policydiff::align::ItemVocabulary {
    let mut texts: Vec<String> = Vec::new();
    for m in old.measures.iter().chain(&new.measures) {
        let own: Vec<&str> = std::iter::once(m.title.as_str())
            .chain(m.lead_in.as_deref())
            .chain(m.body.as_deref())
            .collect();
        texts.push(own.join(" "));
    }
    for m in old.measures.iter().chain(&new.measures) {
        texts.extend(m.items_flat().into_iter().map(|(_, i)| i.text.clone()));
    }
    policydiff::align::ItemVocabulary::of(texts.iter().map(String::as_str))
}

#[test]
fn the_item_vocabulary_counted_while_aligning_equals_the_one_counted_from_the_texts() {
    let old = programme();
    let mut new = edited_programme();
    // Non-ASCII words, an empty item, a measure without lead-in or body.
    new.measures[0]
        .items
        .push(item("z", "Één ÉÉN één: coördinatie, ĳzer"));
    new.measures[1].items.push(item("y", ""));
    new.measures[2].lead_in = None;
    new.measures[2].body = None;
    for (a, b) in [(&old, &new), (&new, &old), (&old, &old)] {
        let (_, counted) =
            policydiff::align::align_counting_items(a, b, &Default::default()).expect("aligns");
        assert_eq!(counted, vocabulary_from_texts(a, b));
    }
}

#[test]
fn compare_after_align_and_align_and_compute_give_the_same_diff() {
    let old = programme();
    let new = edited_programme();
    for (a, b) in [(&old, &new), (&new, &old)] {
        let alignment = policydiff::align::align(a, b, &Default::default()).expect("aligns");
        let lazy = policydiff::diff::compute(a, b, &alignment);
        let (_, counted) =
            policydiff::diff::align_and_compute(a, b, &Default::default()).expect("aligns");
        assert_eq!(format!("{lazy:?}"), format!("{counted:?}"));
    }
}

#[test]
fn compare_after_align_pairs_items_by_the_words_rare_in_the_programme() {
    // "de van het en" is in most texts of the programme and "zwaluwstaart"
    // in no other: the old item is the new item that keeps its rare word,
    // not the one that keeps its four common ones (counted alike, those
    // would outweigh it).
    let mut old = programme();
    let mut new = old.clone();
    measure_mut(&mut old, 1).items = vec![item("a", "zwaluwstaart de van het en")];
    measure_mut(&mut new, 1).items = vec![
        item("a", "zwaluwstaart kievitsbloem"),
        item("b", "de van het en"),
    ];
    let alignment = policydiff::align::align(&old, &new, &Default::default()).expect("aligns");
    let lazy = policydiff::diff::compute(&old, &new, &alignment);
    assert_eq!(
        summary(&items_of(&lazy, 1, true)),
        owned(&[
            (ItemChangeKind::Changed, Some("a"), Some("a")),
            (ItemChangeKind::Added, None, Some("b")),
        ])
    );
    assert_items(
        &old,
        &new,
        1,
        &[
            (ItemChangeKind::Changed, Some("a"), Some("a")),
            (ItemChangeKind::Added, None, Some("b")),
        ],
    );
}

#[test]
fn a_lettered_item_pairs_with_its_copy_as_a_lettered_item_before_a_nearer_copy_as_a_sub_item() {
    // The old item (at 1/2 of its list) is copied as sub-item a.i (at 1/2
    // of the new list) and as lettered item b (at 5/6): the place only
    // settles near ties, and there the level counts before the distance.
    let text = "zwaluwstaart broedt in de duinen";
    let mut old = programme();
    let mut new = old.clone();
    measure_mut(&mut old, 1).items = vec![item("a", text)];
    let mut parent = item("a", "kievitsbloem groeit langs de rivier");
    parent.items = vec![item("i", text)];
    measure_mut(&mut new, 1).items = vec![parent, item("b", text)];
    assert_items(
        &old,
        &new,
        1,
        &[
            (ItemChangeKind::Added, None, Some("a")),
            (ItemChangeKind::Added, None, Some("a.i")),
            (ItemChangeKind::Relabelled, Some("a"), Some("b")),
        ],
    );
}

#[test]
fn sub_items_added_under_unchanged_items_and_an_item_appended_are_each_added() {
    // 5a and 5b keep their texts and each gets a sub-item, and a third
    // item follows: the items the two versions share being the same does
    // not make the lists the same. Read backwards, all three are removed.
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 5);
    m.items[0].items = vec![item(
        "i",
        "Scholen melden verzuim aan de leerplichtambtenaar.",
    )];
    m.items[1].items = vec![item("i", "Sportclubs stellen een vertrouwenspersoon aan.")];
    m.items.push(item(
        "c",
        "Een geheel nieuw onderdeel over havens en douane.",
    ));
    assert_items(
        &old,
        &new,
        5,
        &[
            (ItemChangeKind::Unchanged, Some("a"), Some("a")),
            (ItemChangeKind::Added, None, Some("a.i")),
            (ItemChangeKind::Unchanged, Some("b"), Some("b")),
            (ItemChangeKind::Added, None, Some("b.i")),
            (ItemChangeKind::Added, None, Some("c")),
        ],
    );
}

#[test]
fn items_that_keep_their_texts_under_other_labels_are_relabelled() {
    // As an import of a text whose items start at b would have them (it
    // warns, and keeps the labels): every item reads the same, under
    // another label.
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 5);
    m.items[0].label = "b".to_string();
    m.items[1].label = "c".to_string();
    assert_items(
        &old,
        &new,
        5,
        &[
            (ItemChangeKind::Relabelled, Some("a"), Some("b")),
            (ItemChangeKind::Relabelled, Some("b"), Some("c")),
        ],
    );
}
