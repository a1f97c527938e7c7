//! Snapshots of the `diff` reports (text and JSON), rendered in-process from
//! edited copies of the shipped programme.

mod diff_support;

use diff_support::*;
use policydiff::diff::{ChangeClass, Diff, Filter, Story};
use policydiff::render::color::Palette;
use policydiff::render::json::diff as diff_json;
use policydiff::render::text::diff as diff_text;
use policydiff::render::text::diff::TextOptions;
use policydiff::snapshot::Snapshot;

const FULL: TextOptions = TextOptions {
    stat: false,
    width: 100,
};

/// Old programme → a new one with a measure inserted after 11, 2 made V, an
/// item inserted in 25, a word changed in 1b, 29 retitled and a glossary
/// definition changed.
fn edited() -> Diff {
    diff(&programme(), &edited_programme())
}

/// The text report of `old` → `new`, story and all.
fn text(old: &Snapshot, new: &Snapshot, palette: Palette, options: TextOptions) -> String {
    let d = diff(old, new);
    diff_text::render(&d, &Story::of(&d, old, new), palette, options)
}

fn json(d: &Diff) -> String {
    diff_json::render(d, &Story::of(d, &programme(), &edited_programme()))
}

#[test]
fn the_example_file_is_the_edited_programme_the_readme_shows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/series/actieprogramma-2015/snapshot.json");
    let want = edited_programme().to_json();
    if std::env::var_os("POLICYDIFF_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "examples/series/actieprogramma-2015/snapshot.json is stale; rerun with POLICYDIFF_BLESS=1"
    );
}

#[test]
fn text_report_of_an_edited_programme() {
    insta::assert_snapshot!(text(
        &programme(),
        &edited_programme(),
        Palette::PLAIN,
        FULL
    ));
}

#[test]
fn stat_report_has_the_summary_and_table_only() {
    let report = text(
        &programme(),
        &edited_programme(),
        Palette::PLAIN,
        TextOptions {
            stat: true,
            width: 100,
        },
    );
    assert!(!report.contains("Stale references"));
    insta::assert_snapshot!(report);
}

#[test]
fn json_report_of_the_status_text_and_title_changes() {
    let d = edited()
        .filtered(&Filter {
            only: vec![
                ChangeClass::Status,
                ChangeClass::Text,
                ChangeClass::Retitled,
                ChangeClass::Added,
            ],
            theme: None,
        })
        .into_owned();
    insta::assert_snapshot!(json(&d));
}

#[test]
fn text_report_of_the_programme_against_the_summary_page() {
    insta::assert_snapshot!(text(&programme(), &summary(), Palette::PLAIN, FULL));
}

#[test]
fn identical_versions_report_no_differences() {
    let p = programme();
    insta::assert_snapshot!(text(&p, &p, Palette::PLAIN, FULL), @"actieprogramma-2014 → actieprogramma-2014: No differences.");
}

#[test]
fn coloured_words_use_escape_codes_not_brackets() {
    let report = text(
        &programme(),
        &edited_programme(),
        Palette { enabled: true },
        FULL,
    );
    assert!(report.contains("\x1b[31;9moptimaal\x1b[0m \x1b[32;4mmaximaal\x1b[0m"));
    assert!(!report.contains("[-optimaal-]"));
}

#[test]
fn json_lists_every_pair_in_a_stable_order() {
    let d = edited();
    let a = json(&d);
    assert_eq!(a, json(&edited()));
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["format"], "policydiff-diff/2");
    assert_eq!(v["story"]["substantive"], 5);
    assert_eq!(v["story"]["renumbered_only"], 25);
    assert_eq!(v["measures"].as_array().unwrap().len(), 39);
    let news: Vec<u64> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["new"][0]["number"].as_u64().unwrap())
        .collect();
    assert_eq!(news, (1..=39).collect::<Vec<_>>());
}
