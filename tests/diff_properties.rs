//! Properties of `diff` over random edit scripts applied to the shipped
//! programme: a version compared with itself has no differences, swapping
//! old and new mirrors the report, and every planted renumbering is found.

mod diff_support;

use diff_support::*;
use policydiff::diff::{ChangeClass, Diff};
use policydiff::snapshot::{Snapshot, Status};
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::OnceLock;

fn shipped() -> &'static Snapshot {
    static P: OnceLock<Snapshot> = OnceLock::new();
    P.get_or_init(programme)
}

#[derive(Debug, Clone)]
enum Edit {
    /// Insert a fresh measure after the measure at this index.
    Insert(Index),
    Delete(Index),
    Swap(Index, Index),
    Status(Index, u8),
    /// Replace one word of the measure's text.
    Reword(Index, Index),
    Retitle(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<Index>().prop_map(Edit::Insert),
        any::<Index>().prop_map(Edit::Delete),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (any::<Index>(), 0u8..3).prop_map(|(a, s)| Edit::Status(a, s)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, w)| Edit::Reword(a, w)),
        any::<Index>().prop_map(Edit::Retitle),
    ]
}

/// Apply the edits; returns the edited programme and, for each of its
/// measures, the old number it was planted from (None for inserted ones).
fn apply(edits: &[Edit]) -> (Snapshot, Vec<Option<u32>>) {
    let mut s = shipped().clone();
    let mut origin: Vec<Option<u32>> = s.measures.iter().map(|m| Some(m.number)).collect();
    for (n, e) in edits.iter().enumerate() {
        let len = s.measures.len();
        if len < 4 {
            break;
        }
        match e {
            Edit::Insert(at) => {
                let after = s.measures[at.index(len)].number;
                let theme = s.measures[at.index(len)].theme;
                insert_after(
                    &mut s,
                    after,
                    fresh_measure(0, theme, &format!("project{n}x{}", after * 7 + 3)),
                );
                origin.insert(at.index(len) + 1, None);
            }
            Edit::Delete(at) => {
                let number = s.measures[at.index(len)].number;
                delete(&mut s, number);
                origin.remove(at.index(len));
            }
            Edit::Swap(a, b) => {
                let (i, j) = (a.index(len), b.index(len));
                if i != j {
                    let (na, nb) = (s.measures[i].number, s.measures[j].number);
                    swap(&mut s, na, nb);
                    origin.swap(i, j);
                }
            }
            Edit::Status(at, letter) => {
                s.measures[at.index(len)].status = settled(
                    [Status::Existing, Status::Strengthened, Status::New][usize::from(*letter)],
                );
            }
            Edit::Reword(at, word) => {
                let m = &mut s.measures[at.index(len)];
                let text = match m.items.first_mut() {
                    Some(item) => &mut item.text,
                    None => m.body.get_or_insert_with(String::new),
                };
                let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
                if !words.is_empty() {
                    let k = word.index(words.len());
                    words[k] = "gewijzigd".to_string();
                    *text = words.join(" ");
                }
            }
            Edit::Retitle(at) => {
                let m = &mut s.measures[at.index(len)];
                m.title = format!("{} (herzien)", m.title);
            }
        }
    }
    (s, origin)
}

type Entry = (
    Vec<u32>,
    Vec<u32>,
    Vec<ChangeClass>,
    Option<(String, String)>,
);

fn entries(d: &Diff) -> Vec<Entry> {
    let mut v: Vec<Entry> = d
        .changed_measures()
        .map(|m| {
            (
                m.old.iter().map(|r| r.number).collect(),
                m.new.iter().map(|r| r.number).collect(),
                m.classes.clone(),
                m.status.as_ref().map(|s| (s.old.short(), s.new.short())),
            )
        })
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

/// The entry as the reverse diff should report it.
fn mirrored(e: &Entry) -> Entry {
    let mut classes: Vec<ChangeClass> =
        e.2.iter()
            .map(|c| match c {
                ChangeClass::Added => ChangeClass::Removed,
                ChangeClass::Removed => ChangeClass::Added,
                ChangeClass::Split => ChangeClass::Merged,
                ChangeClass::Merged => ChangeClass::Split,
                other => *other,
            })
            .collect();
    classes.sort();
    (
        e.1.clone(),
        e.0.clone(),
        classes,
        e.3.as_ref().map(|(a, b)| (b.clone(), a.clone())),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn a_version_compared_with_itself_has_no_differences(edits in prop::collection::vec(edit(), 0..8)) {
        let (b, _) = apply(&edits);
        let d = diff(&b, &b);
        prop_assert!(d.is_empty());
        prop_assert!(d.measures.iter().all(|m| m.classes == vec![ChangeClass::Unchanged]));
    }

    #[test]
    fn swapping_old_and_new_mirrors_the_report(edits in prop::collection::vec(edit(), 1..8)) {
        let a = shipped();
        let (b, _) = apply(&edits);
        let forward = entries(&diff(a, &b));
        let mut backward: Vec<Entry> = entries(&diff(&b, a)).iter().map(mirrored).collect();
        backward.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        prop_assert_eq!(forward, backward);
    }

    #[test]
    fn every_planted_renumbering_is_recovered(edits in prop::collection::vec(edit(), 1..8)) {
        let a = shipped();
        let (b, origin) = apply(&edits);
        let d = diff(a, &b);
        for (m, from) in b.measures.iter().zip(&origin) {
            let Some(old) = from else { continue };
            let found = d.measures.iter().any(|e| e.old.len() == 1 && e.new.len() == 1 && e.old[0].number == *old && e.new[0].number == m.number);
            prop_assert!(found, "old {} planted as new {} was not paired; edits {:?}", old, m.number, edits);
        }
        let added = d.measures.iter().filter(|e| e.has(ChangeClass::Added)).count();
        prop_assert_eq!(added, origin.iter().filter(|o| o.is_none()).count());
    }
}
