//! Cross-references judged per phrase (issue 12, kind 2): a reference is a
//! phrase that names one or more measures, or an item of one ("maatregel
//! 30", "maatregelen 30 en 31", "maatregel 30a"). It is stale when the phrase
//! stood unchanged in the old text it continues and a measure it names now
//! has another number; a phrase updated to the new number is not stale, even
//! where the old text had another phrase with that number. Built on the real
//! programme, each case in both directions where that makes sense.
//!
//! The tests edit references as JSON and read the diff as its JSON report,
//! so that they say the same against any version of the model.

mod check_support;
mod diff_support;

use diff_support::*;
use policydiff::diff::{ChangeClass, Story};
use policydiff::import::{self, SourceKind};
use policydiff::snapshot::{Reference, Snapshot};
use serde_json::{Value, json};

/// References as a snapshot stores them.
fn refs(value: Value) -> Vec<Reference> {
    serde_json::from_value(value).expect("the references load")
}

/// Item `label` of measure `number`: its text with `from` replaced by `to`,
/// and its references.
fn set_item(s: &mut Snapshot, number: u32, label: &str, from: &str, to: &str, r: Value) {
    let item = measure_mut(s, number)
        .items
        .iter_mut()
        .find(|i| i.label == label)
        .expect("the item exists");
    assert!(item.text.contains(from), "{number}{label}: {}", item.text);
    item.text = item.text.replace(from, to);
    item.references = refs(r);
}

/// 20a's "(zie ook maatregel 30)" made to say `phrase`, recorded as `r`.
fn with_20a(s: &Snapshot, phrase: &str, r: Value) -> Snapshot {
    let mut s = s.clone();
    set_item(&mut s, 20, "a", "maatregel 30", phrase, r);
    s
}

/// A measure inserted before 30: 30–38 become 31–39.
fn insert_before_30(s: &Snapshot) -> Snapshot {
    let mut s = s.clone();
    insert_after(&mut s, 29, fresh_measure(0, 4, "2015"));
    s
}

/// One stale reference as the JSON report gives it: where it stands, its
/// phrase, and each stale target as `(says, item, should_say)`.
type Stale = (
    u32,
    Option<String>,
    String,
    Vec<(u64, Option<String>, Option<u64>)>,
);

fn stale(old: &Snapshot, new: &Snapshot) -> Vec<Stale> {
    let d = diff(old, new);
    let story = Story::of(&d, old, new);
    let report: Value =
        serde_json::from_str(&policydiff::render::json::diff::render(&d, &story)).unwrap();
    let text = |v: &Value| v.as_str().map(str::to_string);
    report["stale_references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let targets = s["targets"]
                .as_array()
                .map(|ts| {
                    ts.iter()
                        .map(|t| {
                            (
                                t["says"].as_u64().unwrap(),
                                text(&t["says_item"]),
                                t["should_say"].as_u64(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (
                s["measure"].as_u64().unwrap() as u32,
                text(&s["item"]),
                text(&s["phrase"]).unwrap(),
                targets,
            )
        })
        .collect()
}

fn at(measure: u32, item: Option<&str>, phrase: &str, targets: &[(u64, Option<u64>)]) -> Stale {
    at_items(
        measure,
        item,
        phrase,
        &targets
            .iter()
            .map(|&(s, t)| (s, None, t))
            .collect::<Vec<_>>(),
    )
}

fn at_items(
    measure: u32,
    item: Option<&str>,
    phrase: &str,
    targets: &[(u64, Option<&str>, Option<u64>)],
) -> Stale {
    (
        measure,
        item.map(str::to_string),
        phrase.to_string(),
        targets
            .iter()
            .map(|&(s, i, t)| (s, i.map(str::to_string), t))
            .collect(),
    )
}

fn one(measure: u32, phrase: &str) -> Value {
    json!([{"measure": measure, "phrase": phrase}])
}

// ------------------------------------------------- (1) a phrase left behind

#[test]
fn a_phrase_left_at_the_old_number_is_stale_and_says_the_new_one() {
    let old = programme();
    let new = insert_before_30(&old);
    assert_eq!(
        stale(&old, &new),
        [at(20, Some("a"), "maatregel 30", &[(30, Some(31))])]
    );
    // Back: the phrase was right ("maatregel 31" for the inserted version's
    // 31) and stayed when the inserted measure went again.
    let old = with_20a(&new, "maatregel 31", one(31, "maatregel 31"));
    let new = with_20a(&programme(), "maatregel 31", one(31, "maatregel 31"));
    assert_eq!(
        stale(&old, &new),
        [at(20, Some("a"), "maatregel 31", &[(31, Some(30))])]
    );
}

#[test]
fn a_phrase_is_judged_against_the_old_text_most_like_its_own_not_a_near_copy_beside_it() {
    // 20b made a copy of 20a that names measure 31 where 20a names 30. Each
    // item continues the old text most like its own, itself, not the copy
    // beside it: both phrases were left behind and both are stale.
    let mut old = programme();
    let m = measure_mut(&mut old, 20);
    let copy = m.items[0].text.replace("maatregel 30", "maatregel 31");
    assert_ne!(copy, m.items[0].text);
    let b = m
        .items
        .iter_mut()
        .find(|i| i.label == "b")
        .expect("20b exists");
    b.text = copy;
    b.references = refs(one(31, "maatregel 31"));
    let new = insert_before_30(&old);
    assert_eq!(
        stale(&old, &new),
        [
            at(20, Some("a"), "maatregel 30", &[(30, Some(31))]),
            at(20, Some("b"), "maatregel 31", &[(31, Some(32))]),
        ]
    );
}

// ----------------------------------------------- (2) an updated phrase

#[test]
fn a_phrase_updated_to_the_new_number_is_not_stale_even_where_the_old_text_had_that_number() {
    // Old: 20a says "maatregel 30", 20b and measure 2 say "maatregel 31".
    let mut old = programme();
    set_item(
        &mut old,
        20,
        "b",
        "ter verstoring",
        "ter verstoring (zie ook maatregel 31)",
        json!([{"measure": 31, "phrase": "maatregel 31"}, {"measure": 2, "phrase": "maatregel 2"}]),
    );
    // (20b's footnote reference is not a cross-reference; the extra one to
    // measure 2 is there so that the list has two entries.)
    let text = &mut measure_mut(&mut old, 20).items[1].text;
    *text = text.replace("(Rotterdamwet)", "(Rotterdamwet, maatregel 2)");
    let two = measure_mut(&mut old, 2);
    two.body = Some(format!(
        "{} Zie ook maatregel 31.",
        two.body.as_deref().unwrap()
    ));
    two.references = refs(one(31, "maatregel 31"));

    // New: 30 and 31 are now 31 and 32. 20a was updated to "maatregel 31"
    // (right); 20b's and measure 2's "maatregel 31" were left (stale).
    let new = with_20a(
        &insert_before_30(&old),
        "maatregel 31",
        one(31, "maatregel 31"),
    );
    assert_eq!(
        stale(&old, &new),
        [
            at(2, None, "maatregel 31", &[(31, Some(32))]),
            at(20, Some("b"), "maatregel 31", &[(31, Some(32))]),
        ]
    );

    // Back: 20a's "maatregel 31" becomes "maatregel 30" again (right); the
    // other two "maatregel 31" stay, and now name what was 30.
    assert_eq!(
        stale(&new, &old),
        [
            at(2, None, "maatregel 31", &[(31, Some(30))]),
            at(20, Some("b"), "maatregel 31", &[(31, Some(30))]),
        ]
    );
}

#[test]
fn a_phrase_updated_within_one_sentence_is_told_from_one_left_beside_it() {
    // 20a names 30 and 31 in one sentence; the editor updates the first to
    // 31 and leaves the second at 31: only the second is stale.
    let old = with_20a(
        &programme(),
        "maatregel 30 en maatregel 31",
        json!([{"measure": 30, "phrase": "maatregel 30"}, {"measure": 31, "phrase": "maatregel 31"}]),
    );
    let new = with_20a(
        &insert_before_30(&programme()),
        "maatregel 31 en maatregel 31",
        json!([{"measure": 31, "phrase": "maatregel 31"}, {"measure": 31, "phrase": "maatregel 31"}]),
    );
    assert_eq!(
        stale(&old, &new),
        [at(20, Some("a"), "maatregel 31", &[(31, Some(32))])]
    );
    // Both updated: nothing stale.
    let new = with_20a(
        &insert_before_30(&programme()),
        "maatregel 31 en maatregel 32",
        json!([{"measure": 31, "phrase": "maatregel 31"}, {"measure": 32, "phrase": "maatregel 32"}]),
    );
    assert_eq!(stale(&old, &new), []);
}

// ------------------------------------------------------- (3) plural phrases

#[test]
fn a_plural_phrase_whose_measures_both_renumber_is_one_stale_phrase_naming_both() {
    let plural =
        json!([{"phrase": "maatregelen 30 en 31", "targets": [{"measure": 30}, {"measure": 31}]}]);
    let old = with_20a(&programme(), "maatregelen 30 en 31", plural.clone());
    let new = with_20a(
        &insert_before_30(&programme()),
        "maatregelen 30 en 31",
        plural,
    );
    assert_eq!(
        stale(&old, &new),
        [at(
            20,
            Some("a"),
            "maatregelen 30 en 31",
            &[(30, Some(31)), (31, Some(32))]
        )]
    );
    let d = diff(&old, &new);
    let words = policydiff::render::prose::stale_fix(&d.stale_references[0]);
    assert_eq!(
        words,
        "measure 30 is now 31, measure 31 is now 32; it should say 31 and 32"
    );

    // Back: "maatregelen 31 en 32" was right and stayed.
    let updated =
        json!([{"phrase": "maatregelen 31 en 32", "targets": [{"measure": 31}, {"measure": 32}]}]);
    let old = with_20a(
        &insert_before_30(&programme()),
        "maatregelen 31 en 32",
        updated.clone(),
    );
    let new = with_20a(&programme(), "maatregelen 31 en 32", updated);
    assert_eq!(
        stale(&old, &new),
        [at(
            20,
            Some("a"),
            "maatregelen 31 en 32",
            &[(31, Some(30)), (32, Some(31))]
        )]
    );
}

#[test]
fn a_plural_phrase_names_only_the_measures_that_renumbered() {
    let plural = json!([{"phrase": "maatregelen 28, 29 en 30", "targets": [{"measure": 28}, {"measure": 29}, {"measure": 30}]}]);
    let old = with_20a(&programme(), "maatregelen 28, 29 en 30", plural.clone());
    let new = with_20a(
        &insert_before_30(&programme()),
        "maatregelen 28, 29 en 30",
        plural,
    );
    assert_eq!(
        stale(&old, &new),
        [at(
            20,
            Some("a"),
            "maatregelen 28, 29 en 30",
            &[(30, Some(31))]
        )]
    );
}

// --------------------------------------------------------- (4) item phrases

#[test]
fn an_item_phrase_resolves_to_the_item_and_one_to_a_missing_item_is_reported() {
    use check_support::{Fixture, PROGRAMME, only};
    let item_ref = |label: &'static str| {
        let phrase = format!("maatregel 30{label}");
        move |p: &mut Snapshot| {
            set_item(
                p,
                20,
                "a",
                "maatregel 30",
                &phrase,
                json!([{"measure": 30, "item": label, "phrase": phrase}]),
            )
        }
    };
    let report = Fixture::with(PROGRAMME, item_ref("a")).report();
    assert!(report.with_rule("xref/unresolved").is_empty());
    assert!(report.with_rule("xref/unrecorded").is_empty());

    let report = Fixture::with(PROGRAMME, item_ref("z")).report();
    let f = only(&report, "xref/unresolved");
    assert_eq!(f.json_path, "measures[19].items[0].references[0].item");
    assert!(
        f.message.contains("item 30z (\"maatregel 30z\")") && f.message.contains("items a–c"),
        "{}",
        f.message
    );
    assert!(report.with_rule("xref/unrecorded").is_empty());

    // The text naming an item the references do not record is reported, with
    // the reference to add.
    let report = Fixture::with(PROGRAMME, |p| {
        set_item(
            p,
            20,
            "a",
            "maatregel 30",
            "maatregel 30b",
            one(30, "maatregel 30"),
        )
    })
    .report();
    let f = only(&report, "xref/unrecorded");
    assert!(
        f.message
            .contains(r#"add {"measure": 30, "item": "b", "phrase": "maatregel 30b"}"#),
        "{}",
        f.message
    );
}

#[test]
fn an_item_phrase_left_at_the_old_number_is_stale_and_keeps_its_item() {
    let r = json!([{"measure": 30, "item": "b", "phrase": "maatregel 30b"}]);
    let old = with_20a(&programme(), "maatregel 30b", r.clone());
    let new = with_20a(&insert_before_30(&programme()), "maatregel 30b", r);
    assert_eq!(
        stale(&old, &new),
        [at_items(
            20,
            Some("a"),
            "maatregel 30b",
            &[(30, Some("b"), Some(31))]
        )]
    );
    let d = diff(&old, &new);
    assert_eq!(
        policydiff::render::prose::stale_fix(&d.stale_references[0]),
        "item 30b is now 31b; it should say 31b"
    );
    // Back.
    let r = json!([{"measure": 31, "item": "b", "phrase": "maatregel 31b"}]);
    let old = with_20a(&insert_before_30(&programme()), "maatregel 31b", r.clone());
    let new = with_20a(&programme(), "maatregel 31b", r);
    assert_eq!(
        stale(&old, &new),
        [at_items(
            20,
            Some("a"),
            "maatregel 31b",
            &[(31, Some("b"), Some(30))]
        )]
    );
}

/// Measure 30 with an item inserted before its first: a–c become b–d.
fn item_before_30a(s: &Snapshot) -> Snapshot {
    let mut s = s.clone();
    let m = measure_mut(&mut s, 30);
    m.items.insert(
        0,
        item(
            "x",
            "Er komt een landelijk meldpunt voor ouders van radicaliserende kinderen.",
        ),
    );
    relabel(m);
    s
}

/// What the stale references' prose says, and each target's item now.
fn fixes(old: &Snapshot, new: &Snapshot) -> Vec<(String, Vec<Option<String>>)> {
    let d = diff(old, new);
    let story = Story::of(&d, old, new);
    let report: Value =
        serde_json::from_str(&policydiff::render::json::diff::render(&d, &story)).unwrap();
    d.stale_references
        .iter()
        .zip(report["stale_references"].as_array().unwrap())
        .map(|(s, json)| {
            let items = json["targets"]
                .as_array()
                .map(|ts| {
                    ts.iter()
                        .map(|t| t["should_say_item"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (policydiff::render::prose::stale_fix(s), items)
        })
        .collect()
}

#[test]
fn an_item_phrase_whose_item_was_relabelled_is_stale_and_says_the_new_label() {
    let r = json!([{"measure": 30, "item": "a", "phrase": "maatregel 30a"}]);
    let old = with_20a(&programme(), "maatregel 30a", r.clone());
    // Only the item moved: 30a is now 30b.
    let new = item_before_30a(&old);
    assert_eq!(
        fixes(&old, &new),
        [(
            "item 30a is now 30b; it should say 30b".to_string(),
            vec![Some("b".to_string())]
        )]
    );
    // The measure moved too: 30a is now 31b.
    let new = insert_before_30(&item_before_30a(&old));
    assert_eq!(
        fixes(&old, &new),
        [(
            "item 30a is now 31b; it should say 31b".to_string(),
            vec![Some("b".to_string())]
        )]
    );
    // Updated with it: nothing stale.
    let updated = with_20a(
        &insert_before_30(&item_before_30a(&programme())),
        "maatregel 31b",
        json!([{"measure": 31, "item": "b", "phrase": "maatregel 31b"}]),
    );
    assert_eq!(fixes(&old, &updated), []);
    // Back: "maatregel 30b" was right for the version with the item; without
    // it, the item is 30a again.
    let r = json!([{"measure": 30, "item": "b", "phrase": "maatregel 30b"}]);
    let old = item_before_30a(&with_20a(&programme(), "maatregel 30b", r.clone()));
    let new = with_20a(&programme(), "maatregel 30b", r);
    assert_eq!(
        fixes(&old, &new),
        [(
            "item 30b is now 30a; it should say 30a".to_string(),
            vec![Some("a".to_string())]
        )]
    );
}

#[test]
fn a_phrase_left_in_a_reworded_title_is_stale_and_one_updated_there_is_not() {
    // The title is the same place however much it was reworded.
    let mut old = programme();
    let m = measure_mut(&mut old, 20);
    m.title = format!("{} (zie maatregel 30)", m.title.trim_end_matches('.'));
    m.references = refs(one(30, "maatregel 30"));
    let reworded = |phrase: &str| {
        let mut new = insert_before_30(&old);
        let m = measure_mut(&mut new, 20);
        m.title = format!("Online propaganda wordt aangepakt ({phrase})");
        m.references = refs(one(phrase[10..].parse().unwrap(), phrase));
        new
    };
    // 20a's own "maatregel 30" was left as well.
    let in_20a = at(20, Some("a"), "maatregel 30", &[(30, Some(31))]);
    assert_eq!(
        stale(&old, &reworded("maatregel 30")),
        [
            at(20, None, "maatregel 30", &[(30, Some(31))]),
            in_20a.clone()
        ]
    );
    assert_eq!(stale(&old, &reworded("maatregel 31")), [in_20a]);
}

// ------------------------------------------------- (5) split-off pieces

/// Measure 20 with its item a (the one that says "maatregel 30") split off
/// as a measure of its own right after it: 21–38 become 22–39, so 30 is 31.
fn split_20a(old: &Snapshot, phrase_now: &str, r: Value) -> Snapshot {
    let mut new = old.clone();
    let m = measure_mut(&mut new, 20);
    let a = m.items.remove(0);
    relabel(m);
    let mut piece = fresh_measure(0, m.theme, "");
    piece.section = m.section.clone();
    piece.status = m.status.clone();
    piece.title = a
        .text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    piece.body = Some(a.text.replace("maatregel 30", phrase_now));
    piece.references = refs(r);
    insert_after(&mut new, 20, piece);
    new
}

#[test]
fn a_reference_in_a_split_off_piece_is_checked_against_the_measure_it_came_from() {
    let old = programme();
    let new = split_20a(&old, "maatregel 30", one(30, "maatregel 30"));
    let d = diff(&old, &new);
    assert!(
        !with_class(&d, ChangeClass::Split).is_empty(),
        "{:?}",
        changes(&d)
    );
    assert_eq!(
        stale(&old, &new),
        [at(21, None, "maatregel 30", &[(30, Some(31))])]
    );
    // Updated in the piece: nothing stale.
    let new = split_20a(&old, "maatregel 31", one(31, "maatregel 31"));
    assert_eq!(stale(&old, &new), []);

    // Back, as a merge: the piece (saying "maatregel 31", right) goes back
    // into 20 and its phrase stays: it now names what became 30.
    let old = split_20a(&programme(), "maatregel 31", one(31, "maatregel 31"));
    let new = with_20a(&programme(), "maatregel 31", one(31, "maatregel 31"));
    assert_eq!(
        stale(&old, &new),
        [at(20, Some("a"), "maatregel 31", &[(31, Some(30))])]
    );
}

/// Measure 29 with its last item (h) split off as a measure of its own, 30,
/// right after it: 30–38 become 31–39.
fn split_29h(old: &Snapshot) -> Snapshot {
    let mut new = old.clone();
    let m = measure_mut(&mut new, 29);
    let h = m.items.pop().expect("29 has items");
    assert_eq!(h.label, "h");
    let mut piece = fresh_measure(0, m.theme, "");
    piece.section = m.section.clone();
    piece.status = m.status.clone();
    piece.title = h
        .text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    piece.body = Some(h.text.clone());
    insert_after(&mut new, 29, piece);
    new
}

#[test]
fn an_item_split_off_as_a_measure_is_followed_there() {
    let r = json!([{"measure": 29, "item": "h", "phrase": "maatregel 29h"}]);
    let old = with_20a(&programme(), "maatregel 29h", r.clone());
    let new = split_29h(&old);
    let d = diff(&old, &new);
    assert!(
        !with_class(&d, ChangeClass::Split).is_empty(),
        "{:?}",
        changes(&d)
    );
    assert_eq!(
        fixes(&old, &new),
        [(
            "item 29h is now measure 30; it should say 30".to_string(),
            vec![None]
        )]
    );
    // Back, as a merge: "maatregel 30" named the piece, now folded back into
    // 29 as its item h.
    let old = with_20a(
        &split_29h(&programme()),
        "maatregel 30",
        one(30, "maatregel 30"),
    );
    let new = programme();
    assert_eq!(
        fixes(&old, &new),
        [(
            "measure 30 was merged into 29; it should say 29".to_string(),
            vec![None]
        )]
    );
}

// ------------------------------------------ every measure as the target

#[test]
fn for_every_target_a_phrase_left_behind_is_stale_and_an_updated_one_is_not() {
    // 20a names measure k (and, in a plural, k and k + 1); a measure is
    // inserted before k. Left as it was, the phrase is stale with k + 1;
    // updated, it is not, though the old 20a also named k + 1.
    let mut found = 0;
    for k in 1..=37u32 {
        let plural = format!("maatregelen {k} en {}", k + 1);
        let old = with_20a(
            &programme(),
            &format!("maatregel {k} en {plural}"),
            json!([
                {"measure": k, "phrase": format!("maatregel {k}")},
                {"phrase": plural, "targets": [{"measure": k}, {"measure": k + 1}]}
            ]),
        );
        let mut inserted = programme();
        let theme = measure_mut(&mut inserted, k).theme;
        insert_after(&mut inserted, k - 1, fresh_measure(0, theme, "2015"));
        let host = if k <= 20 { 21 } else { 20 };
        let left = {
            let mut s = inserted.clone();
            let a = &mut measure_mut(&mut s, host).items[0];
            *a = old.measure(20).unwrap().items[0].clone();
            s
        };
        // 20d's "maatregel 8" and 20e's "maatregel 11" were left too.
        let others = |s: &mut Vec<Stale>| {
            if k <= 8 {
                s.push(at(host, Some("d"), "maatregel 8", &[(8, Some(9))]));
            }
            if k <= 11 {
                s.push(at(host, Some("e"), "maatregel 11", &[(11, Some(12))]));
            }
        };
        let mut expected = vec![
            at(
                host,
                Some("a"),
                &format!("maatregel {k}"),
                &[(k.into(), Some((k + 1).into()))],
            ),
            at(
                host,
                Some("a"),
                &plural,
                &[
                    (k.into(), Some((k + 1).into())),
                    ((k + 1).into(), Some((k + 2).into())),
                ],
            ),
        ];
        others(&mut expected);
        assert_eq!(stale(&old, &left), expected, "measure {k}");
        found += 2;
        let updated_plural = format!("maatregelen {} en {}", k + 1, k + 2);
        let updated = {
            let mut s = left.clone();
            let a = &mut measure_mut(&mut s, host).items[0];
            a.text = a.text.replace(
                &format!("maatregel {k} en {plural}"),
                &format!("maatregel {} en {updated_plural}", k + 1),
            );
            a.references = refs(json!([
                {"measure": k + 1, "phrase": format!("maatregel {}", k + 1)},
                {"phrase": updated_plural, "targets": [{"measure": k + 1}, {"measure": k + 2}]}
            ]));
            s
        };
        let mut expected = Vec::new();
        others(&mut expected);
        assert_eq!(stale(&old, &updated), expected, "measure {k}");
    }
    assert_eq!(found, 74);
}

// ------------------------------------------------------------ (6) importer

/// The references of 20a as the importer records them, as JSON.
fn imported_20a(text: &str) -> Value {
    let imported = import::import(text, SourceKind::Programme, "x").expect("the text imports");
    let json: Value = serde_json::from_str(&imported.snapshot.to_json()).unwrap();
    let m = json["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == 20)
        .unwrap()
        .clone();
    m["items"][0]["references"].clone()
}

#[test]
fn the_importer_turns_plural_and_item_phrases_into_references() {
    let path = |p: &str| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(p);
    let expected = json!([
        {"phrase": "maatregelen 30 en 31", "targets": [{"measure": 30}, {"measure": 31}]},
        {"measure": 29, "item": "a", "phrase": "maatregel 29a"},
        {"phrase": "maatregelen 32, 33 en 34b", "targets": [{"measure": 32}, {"measure": 33}, {"measure": 34, "item": "b"}]}
    ]);
    // Plain numbered text.
    let plain = std::fs::read_to_string(path("tests/fixtures/layouts/programme.txt")).unwrap();
    let plain = plain.replacen(
        "(zie ook maatregel 30).",
        "(zie ook maatregelen 30 en 31, en maatregel 29a; vergelijk maatregelen 32, 33 en 34b).",
        1,
    );
    assert_eq!(imported_20a(&plain), expected);
    // The PDF extraction the shipped programme was made from.
    let pdf = std::fs::read_to_string(path("versions/actieprogramma-2014/source.txt")).unwrap();
    let pdf = pdf.replacen(
        "(zie ook maatregel 30).",
        "(zie ook maatregelen 30 en 31, en maatregel 29a; vergelijk maatregelen 32, 33 en 34b).",
        1,
    );
    assert_eq!(imported_20a(&pdf), expected);
}

#[test]
fn a_range_of_a_hundred_measures_is_read_and_a_longer_one_stops_at_its_first_number() {
    let read = |text: &str| -> Vec<(String, usize)> {
        import::references(text)
            .into_iter()
            .map(|r| (r.phrase, r.targets.len()))
            .collect()
    };
    assert_eq!(
        read("zie maatregelen 1 t/m 101."),
        [("maatregelen 1 t/m 101".to_string(), 101)]
    );
    assert_eq!(
        read("zie maatregelen 1 t/m 102."),
        [("maatregelen 1".to_string(), 1)]
    );
}

#[test]
fn a_phrase_left_behind_is_stale_even_where_the_word_before_it_changed() {
    // A hand-made reference whose phrase takes in the space before it: the
    // words of the phrase are what must stand unchanged, not the word the
    // space follows ("zie ook maatregel 30" → "zie verder maatregel 30").
    let old = with_20a(&programme(), "maatregel 30", one(30, " maatregel 30"));
    let mut new = insert_before_30(&programme());
    set_item(
        &mut new,
        20,
        "a",
        "ook maatregel 30",
        "verder maatregel 30",
        one(30, " maatregel 30"),
    );
    assert_eq!(
        stale(&old, &new),
        [at(20, Some("a"), " maatregel 30", &[(30, Some(31))])]
    );
}
