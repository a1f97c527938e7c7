//! `policydiff history`: lineages chained across a series of versions, the
//! reports of every format, and the bad input each gets its own error for.
//!
//! The series is `examples/series`: the shipped 2014 programme (built in),
//! a fictitious 2015 edit and a fictitious 2016 edit of that (see their
//! `notes`), which between them insert, remove, retitle, strengthen, split
//! and settle measures.

use assert_cmd::Command;
use policydiff::history::{self, EventKind, History, Lineage};
use policydiff::load::Store;

const SERIES: &str = "examples/series";

fn policydiff() -> Command {
    let mut cmd = Command::cargo_bin("policydiff").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .env("NO_COLOR", "1");
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = policydiff().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn series() -> History {
    let store = Store::Dir(format!("{}/{SERIES}", env!("CARGO_MANIFEST_DIR")).into());
    let loaded: Vec<_> = [
        "actieprogramma-2014",
        "actieprogramma-2015",
        "actieprogramma-2016",
    ]
    .iter()
    .map(|id| store.load(id).unwrap())
    .collect();
    let versions: Vec<(String, &policydiff::snapshot::Snapshot)> = loaded
        .iter()
        .map(|l| (l.snapshot.id.clone(), &l.snapshot))
        .collect();
    history::build(&versions).unwrap()
}

/// The numbers a lineage has in each version (`None` where absent).
fn numbers(l: &Lineage) -> Vec<Option<u32>> {
    l.measures
        .iter()
        .map(|m| m.as_ref().map(|m| m.number))
        .collect()
}

fn kinds_at(l: &Lineage, version: usize) -> Vec<EventKind> {
    l.events
        .iter()
        .filter(|e| e.version == version)
        .map(|e| e.kind)
        .collect()
}

fn lineage_of(h: &History, version: usize, number: u32) -> &Lineage {
    history::find(h, version, number)
        .unwrap_or_else(|| panic!("no lineage holds {number} of version {version}"))
}

#[test]
fn every_measure_of_every_version_is_in_exactly_one_lineage() {
    let h = series();
    for (v, version) in h.versions.iter().enumerate() {
        let mut held: Vec<u32> = h
            .lineages
            .iter()
            .filter_map(|l| l.measures[v].as_ref().map(|m| m.number))
            .collect();
        held.sort_unstable();
        let all: Vec<u32> = (1..=u32::try_from(version.counts.measures).unwrap()).collect();
        assert_eq!(held, all, "version {}", version.label);
    }
}

#[test]
fn a_renumbered_measure_stays_one_lineage_and_a_removed_one_ends() {
    let h = series();
    // 2014's 17 became 18 when 12 was inserted, and 2016 removed it.
    let l = lineage_of(&h, 0, 17);
    assert_eq!(numbers(l), [Some(17), Some(18), None]);
    assert_eq!(kinds_at(l, 1), [EventKind::Renumbered]);
    assert_eq!(kinds_at(l, 2), [EventKind::Removed]);
}

#[test]
fn an_inserted_measure_starts_a_lineage_in_its_version_and_a_retitle_follows_it() {
    let h = series();
    let l = lineage_of(&h, 1, 12);
    assert_eq!(numbers(l), [None, Some(12), Some(12)]);
    assert_eq!(kinds_at(l, 1), [EventKind::Added]);
    assert_eq!(kinds_at(l, 2), [EventKind::Retitled]);
    assert_eq!(
        l.latest().unwrap().title,
        "Nieuwe aanpak voor gemeentelijke jeugdwerkers en wijkteams"
    );
}

#[test]
fn status_changes_are_events_with_their_direction() {
    let h = series();
    let two = lineage_of(&h, 0, 2);
    assert_eq!(kinds_at(two, 1), [EventKind::Status]);
    assert_eq!(two.events[0].words, "strengthened B → V");
    // 2014's 13 is 2015's 14, strengthened N → V in 2016.
    let exit = lineage_of(&h, 0, 13);
    assert_eq!(numbers(exit), [Some(13), Some(14), Some(14)]);
    let status: Vec<&str> = exit
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Status)
        .map(|e| e.words.as_str())
        .collect();
    assert_eq!(status, ["strengthened N → V"]);
    assert!(
        exit.events
            .iter()
            .all(|e| e.version != 2 || e.kind == EventKind::Status)
    );
}

#[test]
fn a_status_that_settles_is_told_but_is_not_a_status_change() {
    let h = series();
    // 2015's 23 (uncertain, N the only candidate) is confirmed N in 2016.
    let l = lineage_of(&h, 1, 23);
    let at = kinds_at(l, 2);
    assert!(at.contains(&EventKind::Certainty), "{:?}", l.events);
    assert!(!at.contains(&EventKind::Status), "{:?}", l.events);
    assert_eq!(
        h.versions[1].counts.uncertain - 1,
        h.versions[2].counts.uncertain
    );
}

#[test]
fn a_split_continues_one_lineage_and_starts_one_for_the_other_piece() {
    let h = series();
    // 2015's 30 split into 2016's 29 (its items a–d, its title) and 30 (its
    // items e–h under a new title).
    let old = lineage_of(&h, 1, 30);
    assert!(
        kinds_at(old, 2).contains(&EventKind::Split),
        "{:?}",
        old.events
    );
    let pieces: Vec<&Lineage> = [29, 30].iter().map(|n| lineage_of(&h, 2, *n)).collect();
    let started: Vec<&&Lineage> = pieces.iter().filter(|l| l.measures[1].is_none()).collect();
    assert_eq!(started.len(), 1, "one piece is new");
    assert_eq!(kinds_at(started[0], 2), [EventKind::SplitFrom]);
    // The measure continues as the piece that kept its title, 29; 30, with
    // the new title, is the piece split off.
    assert_eq!(numbers(old), [Some(29), Some(30), Some(29)]);
    assert_eq!(
        started[0].latest().unwrap().title,
        "Samenwerking met internetbedrijven tegen online jihadistische content"
    );
}

#[test]
fn the_lead_counts_lineages_by_what_happened_to_them() {
    let h = series();
    let substantive = h.lineages.iter().filter(|l| l.substantive()).count();
    let renumbered = h
        .lineages
        .iter()
        .filter(|l| l.changed() && !l.substantive())
        .count();
    assert_eq!(
        h.lead(),
        format!(
            "{} measures in all across 3 versions: {substantive} changed in substance, {renumbered} only renumbered, {} unchanged.",
            h.lineages.len(),
            h.lineages.len() - substantive - renumbered
        )
    );
    assert!(substantive >= 8, "{substantive}");
}

#[test]
fn history_without_arguments_takes_the_stores_programmes_in_date_order() {
    let (code, out, err) = run(&["history", "--versions", SERIES]);
    assert_eq!(code, 0, "{err}");
    let first = out.find("1. actieprogramma-2014").unwrap();
    let second = out.find("2. actieprogramma-2015").unwrap();
    let third = out.find("3. actieprogramma-2016").unwrap();
    assert!(first < second && second < third, "{out}");
    // The summary page of the built-in versions is not a programme.
    assert!(!out.contains("samenvatting"), "{out}");
}

#[test]
fn history_text_report() {
    let (code, out, err) = run(&["history", "--versions", SERIES, "--width", "110"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn history_markdown_report() {
    let (code, out, err) = run(&["history", "--versions", SERIES, "--format", "markdown"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn changed_keeps_only_the_lineages_that_changed_in_substance() {
    let (_, all, _) = run(&["history", "--versions", SERIES, "--format", "json"]);
    let (_, changed, _) = run(&[
        "history",
        "--versions",
        SERIES,
        "--format",
        "json",
        "--changed",
    ]);
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    let changed: serde_json::Value = serde_json::from_str(&changed).unwrap();
    let count = |v: &serde_json::Value| v["lineages"].as_array().unwrap().len();
    assert!(count(&changed) < count(&all));
    assert!(
        changed["lineages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["substantive"] == true)
    );
}

#[test]
fn the_json_report_answers_which_lineages_changed_status() {
    let (code, out, err) = run(&["history", "--versions", SERIES, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "policydiff-history/1");
    assert_eq!(
        v["versions"],
        serde_json::json!([
            "actieprogramma-2014",
            "actieprogramma-2015",
            "actieprogramma-2016"
        ])
    );
    let lineages = v["lineages"].as_array().unwrap();
    for l in lineages {
        assert_eq!(l["measures"].as_array().unwrap().len(), 3);
    }
    let status: Vec<(&serde_json::Value, &str)> = lineages
        .iter()
        .flat_map(|l| l["events"].as_array().unwrap().iter().map(move |e| (l, e)))
        .filter(|(_, e)| e["kind"] == "status")
        .map(|(l, e)| (&l["measures"][0]["number"], e["version"].as_str().unwrap()))
        .collect();
    // 2 strengthened in 2015; 13 (2015's 14) in 2016.
    assert_eq!(
        status,
        [
            (&serde_json::json!(2), "actieprogramma-2015"),
            (&serde_json::json!(13), "actieprogramma-2016")
        ]
    );
    let removed = lineages
        .iter()
        .find(|l| {
            l["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["kind"] == "removed")
        })
        .unwrap();
    assert!(removed["measures"][2].is_null());
}

#[test]
fn the_csv_report_has_a_row_per_lineage_and_two_columns_per_version() {
    let (code, out, err) = run(&["history", "--versions", SERIES, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "lineage");
    assert_eq!(header[1], "actieprogramma-2014 number");
    assert_eq!(header[2], "actieprogramma-2014 status");
    assert_eq!(header.len(), 1 + 2 * 3 + 3);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), series().lineages.len());
    // 2014's 17 → 2015's 18 → removed: the last number is empty.
    let row = rows.iter().find(|r| &r[1] == "17").unwrap();
    assert_eq!((&row[3], &row[5]), ("18", ""));
    assert!(row[8].contains("removed"), "{row:?}");
}

#[test]
fn the_diff_csv_report_has_a_row_per_measure_entry() {
    let (code, out, err) = run(&[
        "diff",
        "actieprogramma-2014",
        "examples/series/actieprogramma-2015",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "old_numbers",
            "new_numbers",
            "classes",
            "old_status",
            "new_status",
            "status_change",
            "paired_by",
            "confidence",
            "similarity",
            "old_theme",
            "new_theme",
            "old_title",
            "new_title"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 38 old measures, one inserted: 38 pairs and 1 added.
    assert_eq!(rows.len(), 39);
    let two = rows.iter().find(|r| &r[0] == "2").unwrap();
    assert_eq!(
        (&two[2], &two[3], &two[4], &two[5]),
        ("status", "B", "V", "changed")
    );
    let added = rows.iter().find(|r| r[0].is_empty()).unwrap();
    assert_eq!((&added[1], &added[2]), ("12", "added"));
}

#[test]
fn measure_prints_one_lineage_with_its_word_differences() {
    let (code, out, err) = run(&[
        "history",
        "--versions",
        SERIES,
        "--measure",
        "12@actieprogramma-2015",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("actieprogramma-2014 (2014-08-29): –\n"),
        "{out}"
    );
    assert!(
        out.contains("12 (N) Nieuwe aanpak 2015 voor gemeentelijke jeugdwerkers"),
        "{out}"
    );
    assert!(out.contains("retitled"), "{out}");
    // The retitle word by word, marked as the text report marks it.
    assert!(out.contains("[-2015-]"), "{out}");
    assert!(out.contains("{+en wijkteams+}"), "{out}");
}

#[test]
fn measure_by_number_of_the_first_version_by_default() {
    let (code, out, err) = run(&["history", "--versions", SERIES, "--measure", "2"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("strengthened B → V"), "{out}");
    assert!(out.contains("status: B → V (strengthened)"), "{out}");
}

#[test]
fn a_step_that_only_renumbered_the_measure_is_one_line() {
    let (code, out, err) = run(&["history", "--versions", SERIES, "--measure", "14"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("· renumbered 14 → 15\n"), "{out}");
    assert!(!out.contains("[renumbered]"), "{out}");
}

#[test]
fn a_measure_that_does_not_exist_is_refused_with_the_range() {
    let (code, _, err) = run(&["history", "--versions", SERIES, "--measure", "99"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("has no measure 99; its measures are 1–38"),
        "{err}"
    );
    let (code, _, err) = run(&["history", "--versions", SERIES, "--measure", "2@nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no version `nope`"), "{err}");
    let (code, _, err) = run(&["history", "--versions", SERIES, "--measure", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a measure number"), "{err}");
}

#[test]
fn fewer_than_two_versions_is_an_error() {
    let (code, _, err) = run(&["history", "actieprogramma-2014"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("at least two versions, and 1 were given"),
        "{err}"
    );
}

#[test]
fn a_summary_page_among_programmes_is_an_error() {
    let (code, _, err) = run(&["history", "actieprogramma-2014", "samenvatting-2014"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`samenvatting-2014` is a summary page"),
        "{err}"
    );
}

/// A store of copies of the series, with `edit` applied to each snapshot's
/// JSON by id.
fn store_with(edit: impl Fn(&str, &mut serde_json::Value)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for id in ["actieprogramma-2015", "actieprogramma-2016"] {
        let text = std::fs::read_to_string(format!(
            "{}/{SERIES}/{id}/snapshot.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(id, &mut v);
        std::fs::create_dir(dir.path().join(id)).unwrap();
        std::fs::write(
            dir.path().join(id).join("snapshot.json"),
            serde_json::to_string_pretty(&v).unwrap(),
        )
        .unwrap();
    }
    dir
}

#[test]
fn versions_with_the_same_date_and_no_order_are_an_error() {
    let store = store_with(|_, v| v["date"] = "2015-06-15".into());
    let (code, _, err) = run(&["history", "--versions", store.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`actieprogramma-2015` and `actieprogramma-2016` have the same date (2015-06-15); name the versions oldest first"),
        "{err}"
    );
}

#[test]
fn a_version_without_a_date_is_an_error_that_says_how_to_order_it() {
    let store = store_with(|id, v| {
        if id == "actieprogramma-2016" {
            v.as_object_mut().unwrap().remove("date");
        }
    });
    let (code, _, err) = run(&["history", "--versions", store.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("`actieprogramma-2016` has no date"), "{err}");
    assert!(err.contains("\"date\": \"YYYY-MM-DD\""), "{err}");
    // Named in order, the same versions make a history.
    let (code, _, err) = run(&[
        "history",
        "--versions",
        store.path().to_str().unwrap(),
        "actieprogramma-2014",
        "actieprogramma-2015",
        "actieprogramma-2016",
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn history_reports_are_inert_against_control_characters_in_titles() {
    let store = store_with(|id, v| {
        if id == "actieprogramma-2016" {
            v["measures"][0]["title"] = "=HYPERLINK(\"x\") \u{1b}[31mrood\u{202e}".into();
        }
    });
    let dir = store.path().to_str().unwrap();
    for format in ["text", "json", "csv", "markdown", "html"] {
        let (code, out, err) = run(&["history", "--versions", dir, "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(!out.contains('\u{1b}'), "{format} prints a raw escape");
        assert!(
            !out.contains('\u{202e}'),
            "{format} prints a raw bidi control"
        );
        if format == "csv" {
            assert!(out.contains("'=HYPERLINK"), "{out}");
        }
    }
}
