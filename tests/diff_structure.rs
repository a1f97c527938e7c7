//! Themes and sections are aligned by content — heading, aims and the
//! measures they hold — before measures are called `moved` (issue 12, kind
//! 4): two themes that trade places are reported as swapped and their
//! measures are not moved; a renamed section is reported renamed and its
//! measures stay where they were; a measure that really went to another
//! theme or section is still `moved`. Every case in both directions, on the
//! shipped programme.

mod diff_support;

use diff_support::*;
use policydiff::diff::{ChangeClass, Diff, EntryChangeKind, ThemeChange};
use policydiff::snapshot::Snapshot;
use std::collections::BTreeMap;

/// Renumber every measure in the order of `order` (old numbers), 1, 2, …,
/// and put the measures in that order; paragraphs follow their measures.
fn renumber_in_order(s: &mut Snapshot, order: &[u32]) {
    let map: BTreeMap<u32, u32> = order
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, i as u32 + 1))
        .collect();
    for m in &mut s.measures {
        m.number = map[&m.number];
    }
    s.measures.sort_by_key(|m| m.number);
    for t in &mut s.themes {
        for p in &mut t.paragraphs {
            if let Some(n) = map.get(&p.before) {
                p.before = *n;
            }
        }
    }
}

/// Themes 2 and 3 trade numbers and places; the measures follow in reading
/// order (theme 3's measures 18–28 become 14–24, theme 2's 14–17 become
/// 25–28).
fn themes_2_and_3_swapped() -> Snapshot {
    let mut s = programme();
    for t in &mut s.themes {
        t.number = match t.number {
            2 => 3,
            3 => 2,
            n => n,
        };
    }
    s.themes.sort_by_key(|t| t.number);
    for m in &mut s.measures {
        m.theme = match m.theme {
            2 => 3,
            3 => 2,
            n => n,
        };
    }
    let mut order: Vec<u32> = (1..=13).collect();
    order.extend(18..=28);
    order.extend(14..=17);
    order.extend(29..=38);
    renumber_in_order(&mut s, &order);
    s
}

fn moved(d: &Diff) -> Vec<(Vec<u32>, Vec<u32>)> {
    d.measures
        .iter()
        .filter(|m| m.has(ChangeClass::Moved))
        .map(|m| {
            (
                m.old.iter().map(|r| r.number).collect(),
                m.new.iter().map(|r| r.number).collect(),
            )
        })
        .collect()
}

/// `(kind, old number, new number, swapped with)` of a theme change.
type ThemeRow = (EntryChangeKind, Option<u32>, Option<u32>, Option<u32>);

fn theme_summary(d: &Diff) -> Vec<ThemeRow> {
    d.themes
        .iter()
        .map(|t| (t.kind, t.old_number, t.new_number, t.swapped_with))
        .collect()
}

fn theme(d: &Diff, old_number: u32) -> &ThemeChange {
    d.themes
        .iter()
        .find(|t| t.old_number == Some(old_number))
        .unwrap_or_else(|| panic!("theme {old_number} reported: {:?}", theme_summary(d)))
}

#[test]
fn two_themes_that_swap_places_are_swapped_and_no_measure_moved() {
    let old = programme();
    let new = themes_2_and_3_swapped();
    for (forward, d) in [(true, diff(&old, &new)), (false, diff(&new, &old))] {
        assert!(moved(&d).is_empty(), "forward {forward}: {:?}", moved(&d));
        // The measures of both themes are only renumbered.
        for m in d.changed_measures() {
            assert_eq!(m.classes, [ChangeClass::Renumbered], "forward {forward}");
        }
        let mut themes = theme_summary(&d);
        themes.sort();
        assert_eq!(
            themes,
            [
                (EntryChangeKind::Renumbered, Some(2), Some(3), Some(3)),
                (EntryChangeKind::Renumbered, Some(3), Some(2), Some(2)),
            ],
            "forward {forward}"
        );
        // Nothing else about the themes differs.
        for t in &d.themes {
            assert!(t.title.is_none() && t.aims.is_empty() && t.sections.is_empty());
        }
    }
}

#[test]
fn a_renumbered_theme_is_renumbered_not_rewritten() {
    // Theme 5 becomes theme 6 (a gap, as when a theme in between is
    // dropped): renumbered 5 → 6, its measures not moved.
    let old = programme();
    let mut new = old.clone();
    for t in new.themes.iter_mut().filter(|t| t.number == 5) {
        t.number = 6;
    }
    for m in new.measures.iter_mut().filter(|m| m.theme == 5) {
        m.theme = 6;
    }
    for (forward, d) in [(true, diff(&old, &new)), (false, diff(&new, &old))] {
        assert!(moved(&d).is_empty(), "forward {forward}: {:?}", moved(&d));
        assert!(d.changed_measures().next().is_none(), "forward {forward}");
        let expected = if forward {
            (EntryChangeKind::Renumbered, Some(5), Some(6), None)
        } else {
            (EntryChangeKind::Renumbered, Some(6), Some(5), None)
        };
        assert_eq!(theme_summary(&d), [expected]);
    }
}

#[test]
fn swapped_themes_with_a_new_heading_are_still_the_same_themes() {
    // What a theme holds identifies it even when its heading is rewritten.
    let old = programme();
    let mut new = themes_2_and_3_swapped();
    for t in new.themes.iter_mut().filter(|t| t.number == 3) {
        t.title = "Uitreizen voorkomen".to_string();
    }
    for (forward, d) in [(true, diff(&old, &new)), (false, diff(&new, &old))] {
        assert!(moved(&d).is_empty(), "forward {forward}: {:?}", moved(&d));
        let t = theme(&d, if forward { 2 } else { 3 });
        assert_eq!(t.kind, EntryChangeKind::Renumbered);
        assert!(t.title.is_some(), "the heading change is told");
        assert_eq!(d.themes.len(), 2);
    }
}

#[test]
fn a_renamed_section_is_renamed_and_its_measures_are_not_moved() {
    for (theme_number, from, to) in [
        (5, "Lokaal", "Lokale aanpak"),
        (
            3,
            "Radicalisering tegengaan",
            "Radicalisering voorkomen en tegengaan",
        ),
    ] {
        let old = programme();
        let mut new = old.clone();
        for t in new.themes.iter_mut().filter(|t| t.number == theme_number) {
            for s in t.sections.iter_mut().filter(|s| s.title == from) {
                s.title = to.to_string();
            }
        }
        for m in new
            .measures
            .iter_mut()
            .filter(|m| m.section.as_deref() == Some(from))
        {
            m.section = Some(to.to_string());
        }
        for (forward, d) in [(true, diff(&old, &new)), (false, diff(&new, &old))] {
            assert!(
                moved(&d).is_empty(),
                "{from}, forward {forward}: {:?}",
                moved(&d)
            );
            assert!(d.changed_measures().next().is_none(), "{from}");
            assert_eq!(d.themes.len(), 1, "{from}");
            let t = &d.themes[0];
            assert_eq!(t.kind, EntryChangeKind::Changed);
            assert_eq!(
                (t.old_number, t.new_number),
                (Some(theme_number), Some(theme_number))
            );
            let (a, b) = if forward { (from, to) } else { (to, from) };
            let sections: Vec<_> = t
                .sections
                .iter()
                .map(|e| (e.kind, e.old_key.as_deref(), e.new_key.as_deref()))
                .collect();
            assert_eq!(
                sections,
                [(EntryChangeKind::Renamed, Some(a), Some(b))],
                "{from}, forward {forward}"
            );
        }
    }
}

#[test]
fn a_measure_that_really_went_to_another_theme_is_still_moved() {
    // Old 20 stood in Radicalisering (old theme 3). In the new version,
    // where themes 2 and 3 swapped, it stands in Interventies uitreis,
    // which is new theme 3: the same number, another theme.
    let old = programme();
    let mut new = themes_2_and_3_swapped();
    // Old 20 is new 16 after the swap; new theme 3 holds 25–28.
    let m = measure_mut(&mut new, 16);
    m.theme = 3;
    m.section = None;
    let mut order: Vec<u32> = (1..=15).collect();
    order.extend(17..=28);
    order.push(16);
    order.extend(29..=38);
    renumber_in_order(&mut new, &order);
    // Now it is new 28, at the end of Interventies uitreis.
    assert_eq!(measure_mut(&mut new, 28).title, old.measures[19].title);
    let forward = diff(&old, &new);
    assert_eq!(moved(&forward), [(vec![20], vec![28])]);
    let backward = diff(&new, &old);
    assert_eq!(moved(&backward), [(vec![28], vec![20])]);
    for d in [&forward, &backward] {
        let mut themes = theme_summary(d);
        themes.sort();
        assert_eq!(themes.len(), 2);
        assert!(themes.iter().all(|t| t.0 == EntryChangeKind::Renumbered));
    }

    // Without any restructuring, a plain move is a move.
    let mut plain = old.clone();
    measure_mut(&mut plain, 16).theme = 1;
    assert_eq!(moved(&diff(&old, &plain)), [(vec![16], vec![16])]);
    assert_eq!(moved(&diff(&plain, &old)), [(vec![16], vec![16])]);
}

#[test]
fn a_measure_that_went_to_another_section_of_a_renamed_one_is_moved() {
    // Lokaal is renamed; 31 goes from it to Nationaal: 31 moved, 30 not.
    let old = programme();
    let mut new = old.clone();
    for t in new.themes.iter_mut().filter(|t| t.number == 5) {
        for s in t.sections.iter_mut().filter(|s| s.title == "Lokaal") {
            s.title = "Lokale aanpak".to_string();
        }
    }
    measure_mut(&mut new, 30).section = Some("Lokale aanpak".to_string());
    measure_mut(&mut new, 31).section = Some("Nationaal".to_string());
    assert_eq!(moved(&diff(&old, &new)), [(vec![31], vec![31])]);
    assert_eq!(moved(&diff(&new, &old)), [(vec![31], vec![31])]);
}

#[test]
fn every_format_tells_the_swap_and_the_rename() {
    use policydiff::diff::Story;
    use policydiff::render::color::Palette;
    use policydiff::render::text::diff::TextOptions;
    use policydiff::render::{html, json, markdown, text};
    let old = programme();
    let mut new = themes_2_and_3_swapped();
    for t in new.themes.iter_mut().filter(|t| t.number == 5) {
        for s in t.sections.iter_mut().filter(|s| s.title == "Lokaal") {
            s.title = "Lokale aanpak".to_string();
        }
    }
    for m in new
        .measures
        .iter_mut()
        .filter(|m| m.section.as_deref() == Some("Lokaal"))
    {
        m.section = Some("Lokale aanpak".to_string());
    }
    let d = diff(&old, &new);
    let story = Story::of(&d, &old, &new);
    let plain = text::diff::render(
        &d,
        &story,
        Palette { enabled: false },
        TextOptions {
            stat: false,
            width: 200,
        },
    );
    assert!(
        plain.contains("theme 2 → 3 (themes 2 and 3 swapped): Interventies uitreis"),
        "{plain}"
    );
    assert!(plain.contains("theme 3 → 2 (themes 2 and 3 swapped): Radicalisering"));
    assert!(plain.contains("section Lokaal → Lokale aanpak (renamed)"));
    assert!(!plain.contains("moved"), "{plain}");
    let md = markdown::diff(&d, &old, &new);
    assert!(
        md.contains("- theme **2 → 3** (themes 2 and 3 swapped)"),
        "{md}"
    );
    assert!(md.contains("Lokaal → Lokale aanpak**: (renamed)"), "{md}");
    let page = html::diff(&d, &old, &new);
    assert!(page.contains("theme 2 → 3 (themes 2 and 3 swapped)"));
    assert!(page.contains("data-entry=\"renamed\""));
    let value: serde_json::Value =
        serde_json::from_str(&json::diff::render(&d, &story)).expect("valid JSON");
    let themes = value["themes"].as_array().expect("themes");
    assert!(themes.iter().any(|t| t["kind"] == "renumbered"
        && t["old_number"] == 2
        && t["new_number"] == 3
        && t["swapped_with"] == 3));
    assert!(
        themes
            .iter()
            .any(|t| t["sections"].as_array().is_some_and(|s| s
                .iter()
                .any(|e| e["kind"] == "renamed"
                    && e["old_key"] == "Lokaal"
                    && e["new_key"] == "Lokale aanpak")))
    );
}

/// The last theme of the programme with every measure replaced by a new
/// one, and `heading` as its title and aims; the place of that theme.
fn last_theme_rewritten(heading: Option<&str>) -> (Snapshot, Snapshot, usize) {
    let old = programme();
    let mut new = old.clone();
    let t = new.themes.last().map(|t| t.number).expect("a theme");
    if let Some(theme) = new.themes.iter_mut().find(|x| x.number == t) {
        match heading {
            Some(h) => theme.aims = vec![h.to_string()],
            None => {
                theme.title = "Sportverenigingen en muziekscholen".to_string();
                theme.aims = vec!["Provincies subsidiëren muziekles in krimpgebieden.".to_string()];
            }
        }
    }
    for m in new.measures.iter_mut().filter(|m| m.theme == t) {
        *m = fresh_measure(m.number, t, &format!("seizoen {}", m.number));
    }
    let ti = old
        .themes
        .iter()
        .position(|x| x.number == t)
        .expect("the theme");
    (old, new, ti)
}

/// Whether theme `ti` (the last) has no counterpart while every theme before
/// it keeps its own.
fn alone_unpaired(themes: &[Option<usize>], ti: usize) -> bool {
    themes[ti].is_none() && themes[..ti].iter().enumerate().all(|(i, j)| *j == Some(i))
}

#[test]
fn a_theme_rewritten_with_wholly_new_measures_pairs_with_no_new_theme() {
    for heading in [
        None,
        Some("Provincies subsidiëren muziekles in krimpgebieden."),
    ] {
        let (old, new, ti) = last_theme_rewritten(heading);
        let alignment = policydiff::align::align(&old, &new, &Default::default()).expect("aligns");
        let s = policydiff::align::structure::align_structure(&old, &new, &alignment);
        // Not even when it keeps its title: its measures count for more.
        assert!(alone_unpaired(&s.themes, ti), "{heading:?}: {:?}", s.themes);
    }
}

#[test]
fn a_section_not_listed_in_its_theme_is_compared_by_title() {
    let old = programme();
    let alignment = policydiff::align::align(&old, &old, &Default::default()).expect("aligns");
    let s = policydiff::align::structure::align_structure(&old, &old, &alignment);
    let t = old.themes[0].number;
    let unlisted = Some("Een sectie die niet in de lijst staat");
    assert!(!s.moved(&old, &old, (t, unlisted), (t, unlisted)));
    assert!(s.moved(&old, &old, (t, unlisted), (t, Some("Een andere sectie"))));
    assert!(s.moved(&old, &old, (t, unlisted), (t, None)));
}

#[test]
fn a_rewritten_theme_that_keeps_one_of_its_measures_still_pairs_with_no_new_theme() {
    // One kept measure of ten is a membership of 2·1/20: far too little to
    // call the rewritten theme the old one, however many measures it holds.
    let (old, mut new, ti) = last_theme_rewritten(None);
    let t = old.themes[ti].number;
    let first = old
        .measures
        .iter()
        .position(|m| m.theme == t)
        .expect("the theme has measures");
    new.measures[first] = old.measures[first].clone();
    let alignment = policydiff::align::align(&old, &new, &Default::default()).expect("aligns");
    assert!(
        alignment
            .pairs
            .iter()
            .any(|p| p.old == first && p.new == first),
        "the kept measure is paired"
    );
    let s = policydiff::align::structure::align_structure(&old, &new, &alignment);
    assert!(alone_unpaired(&s.themes, ti), "{:?}", s.themes);
}

#[test]
fn a_theme_cut_into_two_equal_halves_continues_as_the_half_that_keeps_its_number() {
    // Theme 2's later half of measures goes to a new theme 99 with the same
    // heading and aims: both halves score the same against the old theme,
    // and the one that keeps the number 2 settles the tie.
    let old = programme();
    let mut new = old.clone();
    let mut copy = new
        .themes
        .iter()
        .find(|t| t.number == 2)
        .expect("theme 2")
        .clone();
    copy.number = 99;
    copy.paragraphs.clear();
    new.themes.push(copy);
    let held: Vec<usize> = (0..new.measures.len())
        .filter(|&m| new.measures[m].theme == 2)
        .collect();
    assert!(held.len() >= 2 && held.len() % 2 == 0, "{held:?}");
    for &m in &held[held.len() / 2..] {
        new.measures[m].theme = 99;
    }
    let alignment = policydiff::align::align(&old, &new, &Default::default()).expect("aligns");
    let s = policydiff::align::structure::align_structure(&old, &new, &alignment);
    let at = |snap: &Snapshot, n: u32| snap.themes.iter().position(|t| t.number == n);
    assert_eq!(s.themes[at(&old, 2).expect("old theme 2")], at(&new, 2));
}

#[test]
fn a_theme_retitled_with_new_aims_is_still_its_old_self_by_the_measures_it_holds() {
    let old = programme();
    for t in old.themes.iter().map(|t| t.number) {
        let mut new = old.clone();
        let theme = new.themes.iter_mut().find(|x| x.number == t).unwrap();
        theme.title = "Sportverenigingen en muziekscholen".to_string();
        theme.aims = vec!["Provincies subsidiëren muziekles in krimpgebieden.".to_string()];
        let alignment = policydiff::align::align(&old, &new, &Default::default()).expect("aligns");
        let s = policydiff::align::structure::align_structure(&old, &new, &alignment);
        let identity: Vec<Option<usize>> = (0..old.themes.len()).map(Some).collect();
        assert_eq!(s.themes, identity, "theme {t}");
    }
}
