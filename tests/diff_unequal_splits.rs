//! Splits and merges where one piece holds most of the content: a measure
//! whose last item becomes a measure of its own, a short measure folded into
//! a long one. The continuing piece still holds most of the old text, so size
//! cannot tell a split from a copy; what the other piece holds can — content
//! that left the old measure makes a split, content still in the continuing
//! measure makes a copy (an added measure). Built on the real programme, for
//! every measure the edit fits, in both directions, down to the summary.

mod diff_support;

use diff_support::*;
use policydiff::diff::{ChangeClass, Diff, Story};
use policydiff::snapshot::{Measure, Snapshot};

/// A measure made of one item's text, as an editor would set it apart: the
/// text as body, its first words as title.
fn measure_of_item(from: &Measure, text: &str) -> Measure {
    let mut m = fresh_measure(0, from.theme, "");
    m.section = from.section.clone();
    m.status = from.status.clone();
    m.title = text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    m.body = Some(text.to_string());
    m
}

/// Measure `number` with its last item split off as a new measure right
/// after it (the rest renumbered up by one).
fn split_last_item(old: &Snapshot, number: u32) -> Snapshot {
    let mut new = old.clone();
    let m = measure_mut(&mut new, number);
    let last = m.items.pop().expect("the measure has items");
    let piece = measure_of_item(m, &last.text);
    insert_after(&mut new, number, piece);
    new
}

/// Short measure `short` folded into measure `into` as its last item (the
/// rest renumbered down by one).
fn fold_into(old: &Snapshot, short: u32, into: u32) -> Snapshot {
    let mut new = old.clone();
    let gone = delete(&mut new, short);
    let into = if into > short { into - 1 } else { into };
    let m = measure_mut(&mut new, into);
    let text = texts(&gone).join(" ");
    m.items.push(item("x", &text));
    relabel(m);
    new
}

/// Measure `of`'s item `at` repeated as a new measure after `after`; the
/// measure it repeats stays as it was.
fn copy_item(old: &Snapshot, of: u32, at: usize, after: u32) -> Snapshot {
    let mut new = old.clone();
    let source = measure_mut(&mut new, of).clone();
    let piece = measure_of_item(&source, &source.items[at].text);
    insert_after(&mut new, after, piece);
    new
}

/// A measure's texts: title, lead-in, body and every item and sub-item.
fn texts(m: &Measure) -> Vec<&str> {
    [
        Some(m.title.as_str()),
        m.lead_in.as_deref(),
        m.body.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(m.items_flat().into_iter().map(|(_, i)| i.text.as_str()))
    .collect()
}

/// How many words a measure has.
fn words(m: &Measure) -> usize {
    texts(m).iter().map(|t| t.split_whitespace().count()).sum()
}

/// The story's headline count for `words` ("split", "merged", "added", …).
fn tally(d: &Diff, old: &Snapshot, new: &Snapshot, words: &str) -> usize {
    Story::of(d, old, new)
        .tally
        .iter()
        .filter(|t| t.words == words)
        .map(|t| t.count)
        .sum()
}

/// What happened to the changed measures, as `(class, old numbers, new
/// numbers)` for the classes that say where content went.
fn fates(d: &Diff) -> Vec<(ChangeClass, Vec<u32>, Vec<u32>)> {
    let classes = [
        ChangeClass::Split,
        ChangeClass::Merged,
        ChangeClass::Added,
        ChangeClass::Removed,
        ChangeClass::Text,
    ];
    d.changed_measures()
        .filter_map(|m| {
            let class = classes.into_iter().find(|c| m.has(*c))?;
            Some((
                class,
                m.old.iter().map(|r| r.number).collect(),
                m.new.iter().map(|r| r.number).collect(),
            ))
        })
        .collect()
}

/// Both directions: `old → new` shows the one split (or merge) of
/// `old_numbers` into `new_numbers` and nothing else of substance, and the
/// summary says so; `new → old` shows the mirror image.
fn assert_one(
    old: &Snapshot,
    new: &Snapshot,
    class: ChangeClass,
    old_numbers: &[u32],
    new_numbers: &[u32],
) -> Result<(), String> {
    let mirror = if class == ChangeClass::Split {
        ChangeClass::Merged
    } else {
        ChangeClass::Split
    };
    for (a, b, class, from, to) in [
        (old, new, class, old_numbers, new_numbers),
        (new, old, mirror, new_numbers, old_numbers),
    ] {
        let d = diff(a, b);
        let expected = vec![(class, from.to_vec(), to.to_vec())];
        if fates(&d) != expected {
            return Err(format!("{expected:?}, got {:?}", fates(&d)));
        }
        let words = if class == ChangeClass::Split {
            "split"
        } else {
            "merged"
        };
        let story = Story::of(&d, a, b);
        if tally(&d, a, b, words) != 1 || story.substantive != 1 {
            return Err(format!("summary: {}", story.lead));
        }
    }
    Ok(())
}

#[test]
fn a_measure_whose_last_item_becomes_a_measure_is_split_both_ways() {
    let old = programme();
    let mut failures = Vec::new();
    let mut cases = 0;
    for m in old.measures.iter().filter(|m| m.items.len() >= 3) {
        cases += 1;
        let new = split_last_item(&old, m.number);
        if let Err(e) = assert_one(
            &old,
            &new,
            ChangeClass::Split,
            &[m.number],
            &[m.number, m.number + 1],
        ) {
            failures.push(format!("measure {}: {e}", m.number));
        }
    }
    assert!(cases >= 15);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_short_measure_folded_into_a_long_neighbour_is_merged_both_ways() {
    let old = programme();
    let mut failures = Vec::new();
    let mut cases = 0;
    for pair in old.measures.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        // Fold the short one into one at least three times as long,
        // whichever comes first.
        let (short, long) = if words(a) >= 3 * words(b) {
            (b, a)
        } else if words(b) >= 3 * words(a) {
            (a, b)
        } else {
            continue;
        };
        cases += 1;
        let new = fold_into(&old, short.number, long.number);
        let into = long.number.min(short.number);
        let mut from = vec![short.number, long.number];
        from.sort_unstable();
        if let Err(e) = assert_one(&old, &new, ChangeClass::Merged, &from, &[into]) {
            failures.push(format!("{} into {}: {e}", short.number, long.number));
        }
    }

    assert!(cases >= 4);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_new_measure_repeating_an_item_of_an_unchanged_measure_is_added_not_split() {
    let old = programme();
    let mut failures = Vec::new();
    let mut cases = 0;
    for m in old.measures.iter().filter(|m| m.items.len() >= 2) {
        // The copy right after the measure it repeats, or at the end.
        let places = [
            (0, m.number),
            (m.items.len() - 1, old.measures.len() as u32),
        ];
        for (at, after) in places {
            cases += 1;
            let new = copy_item(&old, m.number, at, after);
            let added = vec![(ChangeClass::Added, vec![], vec![after + 1])];
            let removed = vec![(ChangeClass::Removed, vec![after + 1], vec![])];
            let (d, back) = (diff(&old, &new), diff(&new, &old));
            if fates(&d) != added || tally(&d, &old, &new, "added") != 1 {
                failures.push(format!("{} item {at}: {:?}", m.number, fates(&d)));
            }
            if fates(&back) != removed || tally(&back, &new, &old, "removed") != 1 {
                failures.push(format!("{} item {at} back: {:?}", m.number, fates(&back)));
            }
        }
    }
    assert!(cases >= 40);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_copy_of_an_item_that_the_measure_then_rewords_is_still_added_not_split() {
    // The measure keeps the item with one word changed; the copy holds the
    // old wording. One word left the measure, but the copy did not take the
    // item away: the measure is text changed and the copy added.
    let old = programme();
    let mut failures = Vec::new();
    let mut cases = 0;
    for m in old.measures.iter().filter(|m| m.items.len() >= 2) {
        let number = m.number;
        let mut new = copy_item(&old, number, 0, number);
        let text = &mut measure_mut(&mut new, number).items[0].text;
        let mut words: Vec<&str> = text.split_whitespace().collect();
        let last = words.len() - 1;
        words[last] = "gewijzigd.";
        *text = words.join(" ");
        cases += 1;
        let forward = vec![
            (ChangeClass::Text, vec![number], vec![number]),
            (ChangeClass::Added, vec![], vec![number + 1]),
        ];
        let backward = vec![
            (ChangeClass::Text, vec![number], vec![number]),
            (ChangeClass::Removed, vec![number + 1], vec![]),
        ];
        let (d, back) = (diff(&old, &new), diff(&new, &old));
        if fates(&d) != forward {
            failures.push(format!("{number}: {:?}", fates(&d)));
        }
        if fates(&back) != backward {
            failures.push(format!("{number} back: {:?}", fates(&back)));
        }
    }
    assert!(cases >= 20);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_split_measure_continues_as_the_piece_that_keeps_its_title_though_the_other_holds_more() {
    let old = programme();
    let mut cases = 0;
    for m in old.measures.iter().filter(|m| m.items.len() >= 3) {
        cases += 1;
        // The last item set apart under the measure's title; the rest, most
        // of the words, under a new title.
        let mut new = split_last_item(&old, m.number);
        measure_mut(&mut new, m.number + 1).title = m.title.clone();
        measure_mut(&mut new, m.number).title = "Een nieuwe titel voor de rest".to_string();
        let a = policydiff::align::align(&old, &new, &Default::default()).expect("aligns");
        let split = a
            .splits
            .iter()
            .find(|s| old.measures[s.old].number == m.number)
            .unwrap_or_else(|| panic!("measure {} is split: {a:?}", m.number));
        let continued = split.continued.map(|n| new.measures[n].number);
        assert_eq!(continued, Some(m.number + 1), "measure {}", m.number);
    }
    assert!(cases >= 15);
}
