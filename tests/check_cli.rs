//! `policydiff check` end to end: exit codes and `--fail-on`, input errors,
//! and the three output formats (insta snapshots, reviewed).

mod check_support;

use assert_cmd::Command;
use check_support::{Fixture, PROGRAMME, SUMMARY, redact};
use policydiff::render::color::Palette;
use policydiff::render::github;
use policydiff::render::json::check as check_json;
use policydiff::render::text::check as check_text;
use predicates::prelude::*;

fn policydiff(fixture: &Fixture) -> Command {
    let mut cmd = Command::cargo_bin("policydiff").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .env_remove("COLUMNS") // reports wrap to it when piped
        .env("NO_COLOR", "1")
        .arg("--versions")
        .arg(fixture.dir.path());
    cmd
}

/// The shipped versions with an item edited away from its source and a
/// summary page that drops group 2 and rewords group 4.
fn broken() -> Fixture {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[0].items[1].text = "Internationale rechtsmacht wordt zo veel mogelijk ingezet om Nederlanders te vervolgen die in strijdgebieden internationale misdrijven plegen.".into();
    });
    f.edit(SUMMARY, |s| {
        s.groups.remove(1);
        s.groups[2].text =
            "de verspreiding van extremistische content op internet wordt bestreden.".into();
    });
    f
}

// ---------------------------------------------------------------- exit codes

#[test]
fn the_shipped_versions_pass_the_default_check() {
    let f = Fixture::shipped();
    policydiff(&f)
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("0 errors, 1 warning, 16 infos\n"));
}

#[test]
fn fail_on_lowers_the_bar_for_exit_code_1() {
    let f = Fixture::shipped();
    policydiff(&f)
        .args(["check", "--fail-on", "error"])
        .assert()
        .code(0);
    policydiff(&f)
        .args(["check", "--fail-on", "warning"])
        .assert()
        .code(1);
    policydiff(&f)
        .args(["check", "--fail-on", "info"])
        .assert()
        .code(1);
    // The programme alone has infos but no warning.
    policydiff(&f)
        .args(["check", PROGRAMME, "--fail-on", "warning"])
        .assert()
        .code(0);
    policydiff(&f)
        .args(["check", PROGRAMME, "--fail-on", "info"])
        .assert()
        .code(1);
}

#[test]
fn errors_give_exit_code_1() {
    let f = broken();
    policydiff(&f)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("source/text-not-found"))
        .stderr("");
}

#[test]
fn a_named_summary_is_compared_with_the_programme_it_describes_from_the_store() {
    let f = broken();
    policydiff(&f)
        .args(["check", SUMMARY])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("summary/group-missing"))
        .stdout(predicate::str::contains(
            "checked 1 version: samenvatting-2014",
        ));
}

#[test]
fn a_snapshot_breaking_schema_rules_is_reported_as_findings_not_refused() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[5].number = 5;
        p.measures[0].items[1].label = "c".into();
    });
    // `show` refuses it …
    policydiff(&f).args(["show", PROGRAMME]).assert().code(2);
    // … `check` lists every broken rule.
    policydiff(&f)
        .args(["check", PROGRAMME])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("numbering/duplicate"))
        .stdout(predicate::str::contains("items/sequence"));
}

#[test]
fn a_snapshot_that_is_not_json_is_an_input_error() {
    let f = Fixture::shipped();
    std::fs::write(f.snapshot_path(PROGRAMME), "{ \"format\": ").unwrap();
    policydiff(&f)
        .arg("check")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("error: ").and(predicate::str::contains("invalid JSON")),
        );
}

#[test]
fn an_unknown_version_is_an_input_error() {
    let f = Fixture::shipped();
    policydiff(&f)
        .args(["check", "actieprogramma-2015"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown version `actieprogramma-2015`",
        ));
}

#[test]
fn the_report_can_go_to_a_file_that_is_not_replaced_without_force() {
    let f = Fixture::shipped();
    let out = f.dir.path().join("report.json");
    policydiff(&f)
        .args(["check", "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["format"], "policydiff-check/2");
    assert_eq!(v["counts"]["warning"], 1);
    policydiff(&f)
        .args(["check", "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass `--force`"));
    policydiff(&f)
        .args(["check", "--format", "json", "--force", "-o"])
        .arg(&out)
        .assert()
        .code(0);
}

// ---------------------------------------------------------------- formats

#[test]
fn text_format_of_the_shipped_versions() {
    let f = Fixture::shipped();
    insta::assert_snapshot!(
        "text_shipped",
        redact(&check_text::render(&f.report(), Palette::PLAIN, 100), &f)
    );
}

#[test]
fn text_format_of_broken_versions() {
    let f = broken();
    insta::assert_snapshot!(
        "text_broken",
        redact(&check_text::render(&f.report(), Palette::PLAIN, 100), &f)
    );
}

#[test]
fn text_format_colours_only_when_asked() {
    let f = broken();
    let coloured = check_text::render(&f.report(), Palette { enabled: true }, 100);
    assert!(
        coloured.contains("\x1b[31m\x1b[1mErrors\x1b[0m"),
        "{coloured}"
    );
    assert!(
        coloured.contains("\x1b[31;9m"),
        "deleted words are struck through"
    );
    assert!(!check_text::render(&f.report(), Palette::PLAIN, 100).contains('\x1b'));
}

#[test]
fn json_format_of_broken_versions() {
    let f = broken();
    // The rendered text, so that the snapshot shows the documented key order.
    insta::assert_snapshot!("json_broken", redact(&check_json::render(&f.report()), &f));
}

#[test]
fn json_format_has_a_stable_shape_for_jq() {
    let f = Fixture::shipped();
    let v: serde_json::Value = serde_json::from_str(&check_json::render(&f.report())).unwrap();
    assert_eq!(v["format"], "policydiff-check/2");
    assert_eq!(
        v["counts"],
        serde_json::json!({"error": 0, "warning": 1, "info": 16})
    );
    let finding = &v["findings"][0];
    let keys: Vec<&str> = finding
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json sorts keys here; the rendered order is the documented one.
    assert_eq!(
        keys,
        [
            "detail",
            "file",
            "json_path",
            "line",
            "message",
            "rule",
            "severity",
            "source_file",
            "source_line",
            "version"
        ]
    );
}

#[test]
fn github_format_of_broken_versions() {
    let f = broken();
    insta::assert_snapshot!("github_broken", redact(&github::check(&f.report()), &f));
}

#[test]
fn github_annotations_are_one_line_each_with_the_right_command() {
    let f = broken();
    let text = github::check(&f.report());
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(
            line.contains(",line=") && line.contains(",title="),
            "{line}"
        );
    }
    assert_eq!(text.lines().count(), f.report().findings.len());
    assert!(text.contains("title=source/text-not-found::the text of item 1b"));
}
