//! Shared helpers for the `diff` tests: the shipped versions, edits applied
//! to a loaded snapshot, and a one-call diff.
#![allow(dead_code)] // each test file uses a different subset

use policydiff::align::Overrides;
use policydiff::diff::{self, ChangeClass, Diff, MeasureChange};
use policydiff::load::load_path;
use policydiff::snapshot::{
    Certainty, Group, Item, Measure, Reference, Snapshot, Status, StatusRecord,
};
use std::path::PathBuf;

pub fn version_path(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("versions")
        .join(id)
        .join("snapshot.json")
}

/// The shipped programme.
pub fn programme() -> Snapshot {
    load_path(&version_path("actieprogramma-2014"))
        .expect("the shipped programme loads")
        .snapshot
}

/// The shipped summary page.
pub fn summary() -> Snapshot {
    load_path(&version_path("samenvatting-2014"))
        .expect("the shipped summary loads")
        .snapshot
}

/// The shipped summary page, and a copy whose group 1 text is in capitals:
/// a difference of case alone.
pub fn summary_with_group_1_in_capitals() -> (Snapshot, Snapshot) {
    let old = summary();
    let mut new = old.clone();
    let g = group_mut(&mut new, 1);
    g.text = g.text.to_uppercase();
    (old, new)
}

/// Align and diff with no overrides.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Diff {
    diff_with(old, new, &Overrides::default())
}

/// What the commands run: alignment and comparison in one
/// ([`diff::align_and_compute`]).
pub fn diff_with(old: &Snapshot, new: &Snapshot, overrides: &Overrides) -> Diff {
    diff::align_and_compute(old, new, overrides)
        .expect("overrides apply")
        .1
}

/// The measure entries that carry `class`.
pub fn with_class(d: &Diff, class: ChangeClass) -> Vec<&MeasureChange> {
    d.measures.iter().filter(|m| m.has(class)).collect()
}

/// `(old numbers, new numbers, classes)` of every changed measure entry, for
/// exact assertions.
pub fn changes(d: &Diff) -> Vec<(Vec<u32>, Vec<u32>, Vec<ChangeClass>)> {
    d.changed_measures()
        .map(|m| {
            (
                m.old.iter().map(|r| r.number).collect(),
                m.new.iter().map(|r| r.number).collect(),
                m.classes.clone(),
            )
        })
        .collect()
}

pub fn measure_mut(s: &mut Snapshot, number: u32) -> &mut Measure {
    s.measures
        .iter_mut()
        .find(|m| m.number == number)
        .expect("the measure exists")
}

pub fn group_mut(s: &mut Snapshot, number: u32) -> &mut Group {
    s.groups
        .iter_mut()
        .find(|g| g.number == number)
        .expect("the group exists")
}

/// A fresh measure with distinctive words of its own.
pub fn fresh_measure(number: u32, theme: u32, seed: &str) -> Measure {
    Measure {
        number,
        title: format!("Nieuwe aanpak {seed} voor gemeentelijke jeugdwerkers"),
        theme,
        section: None,
        status: StatusRecord::confirmed(Status::New, None),
        lead_in: None,
        body: Some(format!(
            "Gemeenten ontvangen vanaf {seed} extra middelen voor wijkteams, buurtvaders en sportcoaches die signalen van {seed} vroeg herkennen."
        )),
        items: Vec::new(),
        footnotes: Vec::new(),
        references: Vec::new(),
        lines: None,
    }
}

/// Insert `m` after measure `after`, renumbering every later measure up by
/// one (cross-reference texts are left as they are, as an editor would).
pub fn insert_after(s: &mut Snapshot, after: u32, mut m: Measure) {
    for x in s.measures.iter_mut().filter(|x| x.number > after) {
        x.number += 1;
    }
    m.number = after + 1;
    let at = s
        .measures
        .iter()
        .position(|x| x.number > after + 1)
        .unwrap_or(s.measures.len());
    s.measures.insert(at, m);
}

/// Delete measure `number`, renumbering every later measure down by one.
pub fn delete(s: &mut Snapshot, number: u32) -> Measure {
    let at = s
        .measures
        .iter()
        .position(|x| x.number == number)
        .expect("the measure exists");
    let m = s.measures.remove(at);
    for x in s.measures.iter_mut().filter(|x| x.number > number) {
        x.number -= 1;
    }
    m
}

/// Swap the places of two measures: each takes the other's number (and
/// theme and section), the content moves.
pub fn swap(s: &mut Snapshot, a: u32, b: u32) {
    let ia = s
        .measures
        .iter()
        .position(|x| x.number == a)
        .expect("a exists");
    let ib = s
        .measures
        .iter()
        .position(|x| x.number == b)
        .expect("b exists");
    s.measures.swap(ia, ib);
    let (na, ta, sa) = (
        s.measures[ia].number,
        s.measures[ia].theme,
        s.measures[ia].section.clone(),
    );
    let (nb, tb, sb) = (
        s.measures[ib].number,
        s.measures[ib].theme,
        s.measures[ib].section.clone(),
    );
    s.measures[ia].number = nb;
    s.measures[ia].theme = tb;
    s.measures[ia].section = sb;
    s.measures[ib].number = na;
    s.measures[ib].theme = ta;
    s.measures[ib].section = sa;
}

pub fn item(label: &str, text: &str) -> Item {
    Item {
        label: label.to_string(),
        text: text.to_string(),
        status: None,
        items: Vec::new(),
        footnotes: Vec::new(),
        references: Vec::new(),
        lines: None,
    }
}

/// Relabel the lettered items of a measure a, b, c … in order.
pub fn relabel(m: &mut Measure) {
    for (i, item) in m.items.iter_mut().enumerate() {
        item.label = policydiff::snapshot::letter_label(i);
    }
}

pub fn settled(status: Status) -> StatusRecord {
    StatusRecord {
        value: Some(status),
        certainty: Certainty::Confirmed,
        candidates: Vec::new(),
        note: None,
    }
}

pub fn reference(measure: u32) -> Reference {
    Reference::to_measure(measure, format!("maatregel {measure}"))
}

/// The edited copy the README shows, also shipped as
/// `examples/series/actieprogramma-2015/snapshot.json`.
pub fn edited_programme() -> Snapshot {
    let mut new = programme();
    measure_mut(&mut new, 2).status = settled(Status::Strengthened);
    let m = measure_mut(&mut new, 25);
    m.items.insert(
        2,
        item(
            "x",
            "Er komt een landelijk meldpunt voor ouders van radicaliserende kinderen.",
        ),
    );
    relabel(m);
    let text = &mut measure_mut(&mut new, 1).items[1].text;
    *text = text.replace("optimaal", "maximaal");
    measure_mut(&mut new, 29).title = "Bestrijden van online jihadistische content".to_string();
    new.glossary.as_mut().unwrap().entries[0].definition =
        "Algemene Inlichtingen- en Veiligheidsdienst van Nederland.".to_string();
    insert_after(&mut new, 11, fresh_measure(0, 1, "2015"));
    new.id = "actieprogramma-2015".to_string();
    new.title = "Actieprogramma Integrale Aanpak Jihadisme (fictitious 2015 edit)".to_string();
    new.date = Some("2015-06-15".to_string());
    new.source = None;
    new.notes = vec![
        "A fictitious edit of actieprogramma-2014 for the README and the tests, dated 2015-06-15 for the history example: measure 2 strengthened, an item inserted in 25, a word changed in 1b, 29 retitled, a glossary definition changed, and a new measure after 11 that renumbers 12–38 to 13–39.".to_string(),
    ];
    new
}
