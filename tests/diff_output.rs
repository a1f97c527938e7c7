//! Snapshots of the `diff` reports (text and JSON), rendered in-process from
//! edited copies of the shipped programme.

mod diff_support;

use diff_support::*;
use policydiff::diff::{ChangeClass, Diff, Filter};
use policydiff::render::color::Palette;
use policydiff::render::json::diff as diff_json;
use policydiff::render::text::diff as diff_text;
use policydiff::render::text::diff::TextOptions;

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

#[test]
fn the_example_file_is_the_edited_programme_the_readme_shows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/actieprogramma-2015-voorbeeld.json");
    let want = edited_programme().to_json();
    if std::env::var_os("POLICYDIFF_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "examples/actieprogramma-2015-voorbeeld.json is stale; rerun with POLICYDIFF_BLESS=1"
    );
}

#[test]
fn text_report_of_an_edited_programme() {
    insta::assert_snapshot!(diff_text::render(&edited(), Palette::PLAIN, FULL));
}

#[test]
fn stat_report_has_the_summary_and_table_only() {
    let text = diff_text::render(
        &edited(),
        Palette::PLAIN,
        TextOptions {
            stat: true,
            width: 100,
        },
    );
    assert!(!text.contains("Stale references"));
    insta::assert_snapshot!(text);
}

#[test]
fn json_report_of_the_status_text_and_title_changes() {
    let d = edited().filtered(&Filter {
        only: vec![
            ChangeClass::Status,
            ChangeClass::Text,
            ChangeClass::Retitled,
            ChangeClass::Added,
        ],
        theme: None,
    });
    insta::assert_snapshot!(diff_json::render(&d));
}

#[test]
fn text_report_of_the_programme_against_the_summary_page() {
    insta::assert_snapshot!(diff_text::render(
        &diff(&programme(), &summary()),
        Palette::PLAIN,
        FULL
    ));
}

#[test]
fn identical_versions_report_no_differences() {
    let p = programme();
    insta::assert_snapshot!(diff_text::render(&diff(&p, &p), Palette::PLAIN, FULL), @"`actieprogramma-2014` → `actieprogramma-2014`: no differences");
}

#[test]
fn coloured_words_use_escape_codes_not_brackets() {
    let text = policydiff::render::safe::inert(
        &diff_text::render(&edited(), Palette { enabled: true }, FULL),
        policydiff::render::safe::Medium::Text { colour: true },
    )
    .into_owned();
    assert!(text.contains("\x1b[31;9moptimaal\x1b[0m"));
    assert!(!text.contains("[-optimaal-]"));
}

#[test]
fn json_lists_every_pair_in_a_stable_order() {
    let d = edited();
    let a = diff_json::render(&d);
    assert_eq!(a, diff_json::render(&edited()));
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["format"], "policydiff-diff/1");
    assert_eq!(v["measures"].as_array().unwrap().len(), 39);
    let news: Vec<u64> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["new"][0]["number"].as_u64().unwrap())
        .collect();
    assert_eq!(news, (1..=39).collect::<Vec<_>>());
}
