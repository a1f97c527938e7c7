//! Unit tests of measure alignment on small programmes built in code.

use super::profile::Profile;
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

/// Profiles with the given sketches (the only part `candidates` reads).
fn sketched(sketches: &[&[u64]]) -> Vec<Profile> {
    sketches
        .iter()
        .map(|s| Profile {
            sketch: s.to_vec(),
            ..Profile::default()
        })
        .collect()
}

#[test]
fn a_sketch_entry_shared_by_eight_measures_a_side_points_but_by_nine_it_is_too_common() {
    let one = sketched(&[&[7]]);
    let seven: &[u64] = &[7];
    let eight = sketched(&[seven; 8]);
    let nine = sketched(&[seven; 9]);
    // Numbers that never meet, so that only the sketch can give a pair.
    let far = |n: usize| -> Vec<u32> { (100..).take(n).collect() };
    let near = |n: usize| -> Vec<u32> { (1..).take(n).collect() };
    let to_eight_new = candidates::candidates(&one, &eight, &near(1), &far(8));
    assert_eq!(to_eight_new, (0..8).map(|j| (0, j)).collect::<Vec<_>>());
    assert!(candidates::candidates(&one, &nine, &near(1), &far(9)).is_empty());
    // Eight old measures for one new: the first six by place are kept.
    let from_eight_old = candidates::candidates(&eight, &one, &near(8), &far(1));
    assert_eq!(from_eight_old, (0..6).map(|i| (i, 0)).collect::<Vec<_>>());
    assert!(candidates::candidates(&nine, &one, &near(9), &far(1)).is_empty());
}

#[test]
fn each_new_measure_keeps_the_six_old_ones_sharing_most_sketch_entries() {
    // Old measure i shares i + 1 entries with the one new measure.
    let all: Vec<u64> = (1..=8).collect();
    let old_sketches: Vec<Vec<u64>> = (0..8).map(|i| all[..=i].to_vec()).collect();
    let old_refs: Vec<&[u64]> = old_sketches.iter().map(Vec::as_slice).collect();
    let old = sketched(&old_refs);
    let new = sketched(&[&all]);
    let got = candidates::candidates(&old, &new, &[1, 2, 3, 4, 5, 6, 7, 8], &[100]);
    assert_eq!(got, (2..8).map(|i| (i, 0)).collect::<Vec<_>>());
    // The same number is a candidate whatever the sketch says.
    let got = candidates::candidates(&old, &new, &[1, 2, 3, 4, 5, 6, 7, 8], &[1]);
    assert_eq!(
        got,
        [(0, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0)]
    );
}

#[test]
fn identical_texts_are_offered_in_order_with_their_neighbours() {
    let sorted = |mut v: Vec<(usize, usize)>| {
        v.sort_unstable();
        v
    };
    // One old text, four new copies: the first three are offered.
    assert_eq!(
        sorted(candidates::identical(&[7], &[7, 7, 7, 7])),
        [(0, 0), (0, 1), (0, 2)]
    );
    // Two old copies, one new: both are offered it.
    assert_eq!(
        sorted(candidates::identical(&[7, 7], &[7])),
        [(0, 0), (1, 0)]
    );
    // A unique text on both sides: the one pair; none where a side lacks it.
    assert_eq!(candidates::identical(&[7, 8], &[9, 7]), [(0, 1)]);
    // The k-th copy is offered the (k-1)-th to (k+1)-th.
    assert_eq!(
        sorted(candidates::identical(&[5, 5, 5, 5], &[5, 5, 5, 5])),
        [
            (0, 0),
            (0, 1),
            (0, 2),
            (1, 0),
            (1, 1),
            (1, 2),
            (2, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3)
        ]
    );
}

#[test]
fn equal_texts_have_equal_content_keys_and_different_texts_different_ones() {
    let key = |parts: &[&str]| candidates::content_key(parts.iter().copied());
    assert_eq!(key(&["titel", "tekst"]), key(&["titel", "tekst"]));
    assert_ne!(key(&["titel", "tekst"]), key(&["titel", "andere tekst"]));
    assert_ne!(key(&["titel"]), key(&["andere titel"]));
    // Where one part ends and the next begins is part of the content.
    assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
    assert_ne!(key(&["abcdefgh"]), key(&["abcdefgh", ""]));
    // Texts read eight bytes at a time: the last, short block counts, and
    // so does a block of zero bytes.
    assert_ne!(key(&["abcdefghi"]), key(&["abcdefghj"]));
    assert_ne!(key(&["abcdefgh"]), key(&["abcdefgh\0"]));
    assert_ne!(key(&["abcdefgh\0\0\0\0\0\0\0\0"]), key(&["abcdefgh"]));
}

/// A measure with the words of `m` in reverse order: the same words (and so
/// the same similarity), but not one word trigram in common, so that the
/// sketch index cannot offer the pair.
fn reversed(m: &Measure, number: u32) -> Measure {
    let text = format!("{} {}", m.title, m.body.as_deref().unwrap_or(""));
    let words: Vec<&str> = text.split_whitespace().rev().collect();
    let (title, body) = words.split_at(2);
    measure(number, &title.join(" "), &body.join(" "))
}

fn fresh(number: u32) -> Measure {
    measure(
        number,
        "Muziekscholen",
        "Provincies subsidiëren muziekles voor kinderen in krimpgebieden.",
    )
}

#[test]
fn a_measure_the_index_cannot_see_is_paired_with_the_one_after_its_paired_neighbour() {
    let old = three();
    // A new measure 1 moves every number on; measure 2's words are
    // reordered so that only its place between 1 and 3 can pair it.
    let new = vec![
        fresh(1),
        Measure {
            number: 2,
            ..old[0].clone()
        },
        reversed(&old[1], 3),
        Measure {
            number: 4,
            ..old[2].clone()
        },
    ];
    let a = align_measures(&old, &new, &[], &[]);
    assert_eq!(pairs(&a, &old, &new), vec![(1, 2), (2, 3), (3, 4)]);
    assert_eq!(a.added, vec![0]);
    let p = a.pairs.iter().find(|p| p.old == 1).unwrap();
    assert_eq!(
        (p.similarity, p.confidence),
        (1.0, 0.75),
        "by place, not by index"
    );
}

#[test]
fn a_measure_the_index_cannot_see_is_paired_with_the_one_before_its_paired_neighbour() {
    let old = three();
    // Measure 1's words reordered and every number moved on by a new first
    // measure: only the sweep from 2 backwards can pair it.
    let new = vec![
        fresh(1),
        reversed(&old[0], 2),
        Measure {
            number: 3,
            ..old[1].clone()
        },
        Measure {
            number: 4,
            ..old[2].clone()
        },
    ];
    let a = align_measures(&old, &new, &[], &[]);
    assert_eq!(pairs(&a, &old, &new), vec![(1, 2), (2, 3), (3, 4)]);
    assert_eq!(a.added, vec![0]);
}

#[test]
fn a_last_measure_with_no_neighbour_left_on_the_other_side_stays_removed() {
    let old = three();
    // 1 and 2 stay; 3 is gone, so the sweep from 2 finds no measure after
    // its partner.
    let new = vec![old[0].clone(), reversed(&old[1], 2)];
    let a = align_measures(&old, &new, &[], &[]);
    assert_eq!(pairs(&a, &old, &new), vec![(1, 1), (2, 2)]);
    assert_eq!(a.removed, vec![2]);
}

#[test]
fn an_unpaired_old_measure_is_no_rival_to_the_pair_it_would_have_contested() {
    let mut old = three();
    // A copy of measure 1 as old measure 4, kept out of pairing.
    old.push(Measure {
        number: 4,
        ..old[0].clone()
    });
    let new = three();
    let contested = align_measures(&old, &new, &[], &[]);
    let p = contested.pairs.iter().find(|p| p.new == 0).unwrap();
    assert!(p.confidence < 0.6, "the copy is a rival: {}", p.confidence);
    let a = align_measures(&old, &new, &[], &[3]);
    let p = a.pairs.iter().find(|p| p.new == 0).unwrap();
    assert_eq!((p.old, p.confidence), (0, 1.0));
    assert_eq!(a.removed, vec![3]);
}

#[test]
fn a_measure_between_two_equally_good_copies_pairs_with_the_lower_numbered_one() {
    let old = three();
    // Old 3 has copies at 2 and 4, each one number away.
    let copy = |number| Measure {
        number,
        ..old[2].clone()
    };
    let new = vec![
        old[0].clone(),
        copy(2),
        Measure {
            number: 3,
            ..old[1].clone()
        },
        copy(4),
    ];
    let a = align_measures(&old, &new, &[], &[]);
    assert_eq!(pairs(&a, &old, &new), vec![(1, 1), (3, 2), (2, 3)]);
    assert_eq!(a.added, vec![3]);
    // And the same seen from the other side.
    let b = align_measures(&new, &old, &[], &[]);
    assert_eq!(pairs(&b, &new, &old), vec![(1, 1), (3, 2), (2, 3)]);
    assert_eq!(b.removed, vec![3]);
}

#[test]
fn profiles_copied_from_twins_and_read_in_two_runs_equal_reading_every_text_in_order_once_sealed() {
    let old = three();
    let mut new = three();
    // A twin, a changed measure with a word the old version lacks, a copy of
    // an old text under another number, and a measure after them whose new
    // word must still be numbered after the first new word.
    new[1].body = Some("Gemeenten stoppen de uitkering van een jihadgangers direct.".into());
    new.push(measure(
        4,
        "Paspoorten vervallen",
        &old[0].body.clone().unwrap_or_default(),
    ));
    new.push(old[2].clone());
    new.push(measure(
        6,
        "Nieuw",
        "Een onbekend woord: radicaliseringsdeskundige.",
    ));
    let read = profiles(&old, &new);
    // The unchanged measure 1 and the copies of old 1 and old 3 are twins.
    assert_eq!(
        read.twins,
        vec![Some(0), None, Some(2), Some(0), Some(2), None]
    );

    let mut reference = Corpus::default();
    let expect_old: Vec<Profile> = old
        .iter()
        .map(|m| reference.profile(m.text_parts()))
        .collect();
    let expect_new: Vec<Profile> = new
        .iter()
        .map(|m| reference.profile(m.text_parts()))
        .collect();
    assert_eq!(read.old, expect_old);
    // A twin holds its words alone; its word sequence is its old twin's.
    for ((got, twin), expect) in read.new.iter().zip(&read.twins).zip(&expect_new) {
        match twin {
            Some(o) => {
                assert_eq!(got.words, expect.words);
                assert!(got.sequence.is_empty() && got.part_ends.is_empty());
                assert_eq!(read.old[*o].sequence, expect.sequence);
                assert_eq!(read.old[*o].part_ends, expect.part_ends);
            }
            None => assert_eq!(got, expect),
        }
    }
    assert_eq!(read.corpus.weights(), reference.weights());
    assert_eq!(read.corpus.stem_keys, reference.stem_keys);
    assert_eq!(read.corpus.stem_of, reference.stem_of);

    // Sealed, every profile has the sketch of its text read in full.
    let (mut got_old, mut got_new) = (read.old, read.new);
    seal(&mut got_old, &mut got_new, &read.twins);
    let (mut expect_old, mut expect_new) = (expect_old, expect_new);
    Corpus::seal(&mut expect_old);
    Corpus::seal(&mut expect_new);
    assert_eq!(got_old, expect_old);
    assert_eq!(got_new, expect_new);
    assert!(got_new.iter().all(|p| !p.sketch.is_empty()));
}

/// A profile of the given words (all of weight 1 in the tests below).
fn worded(words: impl IntoIterator<Item = u32>) -> Profile {
    let mut words: Vec<u32> = words.into_iter().collect();
    words.sort_unstable();
    Profile {
        words,
        ..Profile::default()
    }
}

#[test]
fn a_piece_that_copies_what_stayed_took_content_only_with_half_of_what_the_measure_lost_and_a_quarter_of_what_it_drew()
 {
    // A measure of words 1–20 continues with 1–10: it lost 11–20.
    let weights = vec![1.0; 21];
    let whole = worded(1..=20);
    let rest = worded(1..=10);
    // Six words copied from what stayed and five of the ten lost: it drew
    // 11 words, of which under half moved, but half of all that was lost.
    let half_of_the_loss = worded((1..=6).chain(11..=15));
    assert!(took_content(&weights, &whole, &half_of_the_loss, &rest));
    // Six copied and three of the ten lost: a third of what it drew and
    // under half the loss, so a copy that kept a few stray words.
    let a_third_of_it = worded((1..=6).chain(11..=13));
    assert!(!took_content(&weights, &whole, &a_third_of_it, &rest));
    // Half of a small loss is not enough in a piece that drew far more:
    // moved must also be a quarter of what it drew. Words 1–40 continue as
    // 1–36; a piece of 1–30 with two of the four lost drew 32 and moved 2.
    let (weights, whole, rest) = (vec![1.0; 41], worded(1..=40), worded(1..=36));
    let a_sixteenth_of_it = worded((1..=30).chain(37..=38));
    assert!(!took_content(&weights, &whole, &a_sixteenth_of_it, &rest));
}
