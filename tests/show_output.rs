//! The `show` and `list` renderers on the shipped versions, snapshot-tested
//! in-process (plain, 100 columns).

use policydiff::load::load_path;
use policydiff::render::color::Palette;
use policydiff::render::{json, text};
use policydiff::snapshot::MeasureFilter as Filter;
use policydiff::snapshot::Snapshot;
use std::path::Path;

fn load(id: &str) -> Snapshot {
    load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("versions")
            .join(id)
            .join("snapshot.json"),
    )
    .unwrap()
    .snapshot
}

/// The two formats these tests look at.
#[derive(Clone, Copy)]
enum ShowFormatKind {
    Table,
    Json,
}

fn render(s: &Snapshot, filter: Filter, format: ShowFormatKind) -> String {
    match format {
        ShowFormatKind::Table => text::show::render(s, &filter, Palette::PLAIN, 100),
        ShowFormatKind::Json => json::show::render(s, &filter),
    }
}

#[test]
fn show_table_of_theme_4_and_5_marks_uncertain_statuses() {
    let p = load("actieprogramma-2014");
    insta::assert_snapshot!(
        "show_theme_5",
        render(
            &p,
            Filter {
                theme: Some(5),
                ..Filter::default()
            },
            ShowFormatKind::Table
        )
    );
}

#[test]
fn show_table_filters_by_status_letter_including_candidates() {
    let p = load("actieprogramma-2014");
    let out = render(
        &p,
        Filter {
            status: Some(policydiff::snapshot::Status::Existing),
            ..Filter::default()
        },
        ShowFormatKind::Table,
    );
    // 2, 3, 12, 17, 30 are B; 31 is uncertain with B among its candidates.
    insta::assert_snapshot!("show_status_b", out);
}

#[test]
fn show_measure_34_in_full_has_lead_in_items_and_sub_items() {
    let p = load("actieprogramma-2014");
    insta::assert_snapshot!(
        "show_measure_34",
        render(
            &p,
            Filter {
                measure: Some(34),
                ..Filter::default()
            },
            ShowFormatKind::Table
        )
    );
}

#[test]
fn show_json_of_measure_20() {
    let p = load("actieprogramma-2014");
    let out = render(
        &p,
        Filter {
            measure: Some(20),
            ..Filter::default()
        },
        ShowFormatKind::Json,
    );
    insta::assert_snapshot!("show_measure_20_json", out);
}

#[test]
fn show_json_theme_counts_match_the_statuses() {
    let p = load("actieprogramma-2014");
    let v: serde_json::Value =
        serde_json::from_str(&render(&p, Filter::default(), ShowFormatKind::Json)).unwrap();
    assert_eq!(v["format"], "policydiff-show/1");
    assert_eq!(v["measures"].as_array().unwrap().len(), 38);
    insta::assert_json_snapshot!("show_theme_counts", v["theme_counts"]);
}

#[test]
fn show_summary_page_lists_its_groups() {
    let s = load("samenvatting-2014");
    insta::assert_snapshot!(
        "show_summary",
        render(&s, Filter::default(), ShowFormatKind::Table)
    );
}

#[test]
fn list_names_both_shipped_versions() {
    let a = load("actieprogramma-2014");
    let b = load("samenvatting-2014");
    insta::assert_snapshot!("list", text::list::render(&[&a, &b], 100));
}
