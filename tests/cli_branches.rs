//! The command-line branches that refuse or qualify a request: each is run
//! through the binary and must give its exit code and its own words.

mod diff_support;

use assert_cmd::Command;
use diff_support::*;

/// The binary, run from the crate root so that `versions/` is the store.
fn policydiff() -> Command {
    let mut cmd = Command::cargo_bin("policydiff").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .env_remove("NO_COLOR");
    cmd
}

const OLD: &str = "actieprogramma-2014";
const EXAMPLE: &str = "examples/series/actieprogramma-2015/snapshot.json";

fn stderr_of(args: &[&str]) -> (i32, String) {
    let out = policydiff().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stat_is_refused_outside_the_text_format() {
    let (code, err) = stderr_of(&["diff", OLD, EXAMPLE, "--stat", "--format", "json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("--stat"), "{err}");
}

#[test]
fn pairing_and_theme_flags_are_refused_against_a_summary_page() {
    let (code, err) = stderr_of(&["diff", OLD, "samenvatting-2014", "--pair", "1=1"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("summary page") && err.contains("samenvatting-2014"),
        "{err}"
    );
    let (code, err) = stderr_of(&["diff", OLD, "samenvatting-2014", "--theme", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("`--theme` selects measures"), "{err}");
}

#[test]
fn a_filter_that_hides_every_difference_says_so() {
    // A measure inserted, nothing split: `--only split` shows nothing, and a
    // note says the versions differ outside the filter.
    let mut new = programme();
    insert_after(&mut new, 11, fresh_measure(0, 1, "filter"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inserted.json");
    std::fs::write(&path, new.to_json()).unwrap();
    let out = policydiff()
        .args([
            "diff",
            OLD,
            path.to_str().unwrap(),
            "--only",
            "split",
            "--exit-code",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("differ outside `--only`/`--theme`"),
        "stderr: {err}"
    );
    assert_eq!(out.status.code(), Some(0), "nothing shown, nothing to fail");
}

#[test]
fn unpair_on_the_command_line_turns_a_pair_into_removed_and_added() {
    let counts = |extra: &[&str]| {
        let mut args = vec!["diff", OLD, EXAMPLE, "--format", "json"];
        args.extend(extra);
        let out = policydiff().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{extra:?}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let c = &report["counts"];
        (c["removed"].as_u64(), c["added"].as_u64())
    };
    // The example adds one measure and removes none; unpairing old 29
    // (retitled, now 30) makes it one removed and one more added.
    assert_eq!(counts(&[]), (Some(0), Some(1)));
    assert_eq!(counts(&["--unpair", "29"]), (Some(1), Some(2)));
}

#[test]
fn override_errors_name_the_measure_and_the_fix() {
    for (args, expected) in [
        (
            vec!["--pair", "99=1"],
            "`--pair 99=1`: no measure 99 in the old version `actieprogramma-2014`; its measures are 1–38",
        ),
        (
            vec!["--pair", "1=99"],
            "`--pair 1=99`: no measure 99 in the new version `actieprogramma-2015`; its measures are 1–39",
        ),
        (
            vec!["--pair", "1=1", "--pair", "1=2"],
            "`--pair 1=2`: old measure 1 is pinned twice (to 1 and 2); keep one `--pair` for it",
        ),
        (
            vec!["--pair", "1=1", "--pair", "2=1"],
            "`--pair 2=1`: new measure 1 is pinned twice (from 1 and 2); keep one `--pair` for it",
        ),
        (
            vec!["--unpair", "99"],
            "`--unpair 99`: no measure 99 in the old version `actieprogramma-2014`; its measures are 1–38",
        ),
        (
            vec!["--pair", "1=1", "--unpair", "1"],
            "old measure 1 is both pinned (`--pair 1=1`) and unpaired (`--unpair 1`); drop one of them",
        ),
    ] {
        let mut all = vec!["diff", OLD, EXAMPLE];
        all.extend(args.iter().copied());
        let (code, err) = stderr_of(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one error line: {err}");
    }
}

#[test]
fn list_as_json_names_every_shipped_version_with_its_kind() {
    let out = policydiff()
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["format"], "policydiff-list/1");
    let rows: Vec<_> = list["versions"]
        .as_array()
        .expect("a list of versions")
        .iter()
        .map(|v| {
            (
                v["id"].as_str(),
                v["kind"].as_str(),
                v["measures"].as_u64(),
                v["groups"].as_u64(),
                v["date"].as_str(),
                v.get("describes").and_then(|d| d.as_str()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some(OLD),
                Some("programme"),
                Some(38),
                Some(5),
                Some("2014-08-29"),
                None
            ),
            (
                Some("samenvatting-2014"),
                Some("summary"),
                Some(0),
                Some(5),
                None,
                Some(OLD)
            ),
        ]
    );
}

#[test]
fn no_color_and_never_keep_escapes_out_and_always_puts_them_in() {
    let plain = policydiff()
        .args(["diff", OLD, EXAMPLE, "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!plain.stdout.contains(&0x1b));
    let never = policydiff()
        .args(["diff", OLD, EXAMPLE, "--color", "never"])
        .output()
        .unwrap();
    assert!(!never.stdout.contains(&0x1b));
    let always = policydiff()
        .args(["diff", OLD, EXAMPLE, "--color", "always"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&always.stdout);
    assert!(text.contains("\u{1b}[31;9m"), "{text}");
    assert!(!text.contains('\u{FDD0}'), "the colour mark never leaks");
}

#[test]
fn split_merged_and_moved_measures_are_worded_in_the_text_report() {
    let old = programme();
    let mut new = old.clone();
    // Move measure 31 to another section of its theme.
    measure_mut(&mut new, 31).section = Some("Nationaal".to_string());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moved.json");
    std::fs::write(&path, new.to_json()).unwrap();
    let out = policydiff()
        .args(["diff", OLD, path.to_str().unwrap(), "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("moved"), "{text}");
    assert!(
        text.contains("Nationaal"),
        "the new section is named: {text}"
    );
}

#[test]
fn a_dash_reads_one_snapshot_from_standard_input_and_a_folder_stands_for_its_snapshot() {
    let example =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    let out = policydiff()
        .args(["diff", OLD, "-", "--format", "json"])
        .write_stdin(example.clone())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report.to_string().contains("actieprogramma-2015"));
    let (code, err) = {
        let out = policydiff()
            .args(["diff", "-", "-"])
            .write_stdin(example)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(2));
    assert!(err.contains("standard input was read already"), "{err}");
    policydiff()
        .args(["show", "versions/samenvatting-2014", "--format", "json"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("\"samenvatting-2014\""));
}
