//! End-to-end tests of `policydiff diff`: exit codes, error wording, flags.

mod diff_support;

use assert_cmd::Command;
use diff_support::*;
use predicates::prelude::*;

/// The binary, run from the crate root so that `versions/` is the store.
fn policydiff() -> Command {
    let mut cmd = Command::cargo_bin("policydiff").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .env_remove("COLUMNS") // reports wrap to it when piped
        .env("NO_COLOR", "1");
    cmd
}

/// The shipped programme with a measure inserted after 11, written to a
/// temporary folder.
fn edited_file(dir: &tempfile::TempDir) -> String {
    let mut p = programme();
    insert_after(&mut p, 11, fresh_measure(0, 1, "2015"));
    p.id = "edited".to_string();
    let path = dir.path().join("edited.json");
    std::fs::write(&path, p.to_json()).unwrap();
    path.display().to_string()
}

#[test]
fn identical_versions_exit_0_even_with_exit_code() {
    policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            "actieprogramma-2014",
            "--exit-code",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No differences."));
}

#[test]
fn differences_exit_1_with_exit_code_and_0_without() {
    let dir = tempfile::tempdir().unwrap();
    let edited = edited_file(&dir);
    policydiff()
        .args(["diff", "actieprogramma-2014", &edited, "--exit-code"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "1 measure changed in substance (1 added); 27 only renumbered",
        ));
    policydiff()
        .args(["diff", "actieprogramma-2014", &edited])
        .assert()
        .code(0);
}

#[test]
fn an_unknown_version_exits_2_naming_the_known_ones() {
    policydiff()
        .args(["diff", "actieprogramma-2014", "actieprogramma-2099"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("error: unknown version `actieprogramma-2099`")
                .and(predicate::str::contains("`samenvatting-2014`")),
        );
}

#[test]
fn a_malformed_pair_exits_2_showing_the_form() {
    policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            "actieprogramma-2014",
            "--pair",
            "12-13",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("write OLD=NEW, e.g. `12=13`"));
}

#[test]
fn a_pair_naming_a_missing_measure_exits_2() {
    policydiff()
        .args(["diff", "actieprogramma-2014", "actieprogramma-2014", "--pair", "12=99"])
        .assert()
        .code(2)
        .stderr("error: `--pair 12=99`: no measure 99 in the new version `actieprogramma-2014`; its measures are 1–38\n");
}

#[test]
fn a_bad_mapping_file_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, "{\n  \"pair\": [[12, 13]],\n  \"unpiar\": [5]\n}\n").unwrap();
    policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            "actieprogramma-2014",
            "--mapping",
        ])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(format!("{}:3:", path.display()))
                .and(predicate::str::contains("unknown field `unpiar`"))
                .and(predicate::str::contains("write it as {\"pair\"")),
        );
}

#[test]
fn a_mapping_file_pins_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, r#"{"pair": [[1, 2], [2, 1]]}"#).unwrap();
    let out = policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            "actieprogramma-2014",
            "--format",
            "json",
            "--mapping",
        ])
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["measures"][0]["paired_by"], "override");
    assert_eq!(v["measures"][0]["old"][0]["number"], 2);
    assert_eq!(v["counts"]["renumbered"], 2);
}

#[test]
fn only_and_theme_filter_the_measures() {
    let dir = tempfile::tempdir().unwrap();
    let edited = edited_file(&dir);
    let out = policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            &edited,
            "--format",
            "json",
            "--only",
            "added",
            "--exit-code",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["measures"].as_array().unwrap().len(), 1);
    assert_eq!(v["measures"][0]["classes"][0], "added");
    let out = policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            &edited,
            "--format",
            "json",
            "--theme",
            "4",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let numbers: Vec<u64> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["old"][0]["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, vec![29]);
}

#[test]
fn the_programme_and_the_summary_page_compare_in_either_order() {
    for (a, b) in [
        ("actieprogramma-2014", "samenvatting-2014"),
        ("samenvatting-2014", "actieprogramma-2014"),
    ] {
        policydiff()
            .args(["diff", a, b, "--exit-code"])
            .assert()
            .code(1)
            .stdout(
                predicate::str::contains("Compared at group level")
                    .and(predicate::str::contains("1 group differs"))
                    .and(predicate::str::contains(
                        "case and punctuation alone are not differences",
                    )),
            );
    }
}

#[test]
fn output_goes_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    policydiff()
        .args([
            "diff",
            "actieprogramma-2014",
            "samenvatting-2014",
            "--format",
            "json",
            "-o",
        ])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"format\": \"policydiff-diff/2\""));
}
