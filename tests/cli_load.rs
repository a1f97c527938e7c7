//! End to end: how the binary names versions and how it reports snapshots it
//! cannot use — one `error:` line, exit code 2, never a panic.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn policydiff() -> Command {
    let mut cmd = Command::cargo_bin("policydiff").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .env_remove("COLUMNS") // reports wrap to it when piped
        .env("NO_COLOR", "1");
    cmd
}

fn shipped_programme() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("versions/actieprogramma-2014/snapshot.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Write `text` as a snapshot file in a fresh folder; returns the folder (kept
/// alive) and the file's path.
fn write_snapshot(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snapshot.json");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn edited(edit: impl FnOnce(&mut Value)) -> (tempfile::TempDir, PathBuf) {
    let mut v = shipped_programme();
    edit(&mut v);
    write_snapshot(&serde_json::to_string_pretty(&v).unwrap())
}

/// Runs `show PATH` and returns stderr, asserting exit code 2 and one line.
fn show_fails(path: &Path) -> String {
    let out = policydiff().arg("show").arg(path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(!err.contains("panicked"));
    err
}

#[test]
fn show_by_id_prints_all_38_measures() {
    let out = policydiff()
        .args(["show", "actieprogramma-2014"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("38 of 38 measures"));
    assert!(text.contains("Berstuurlijke maatregelen risicoreductie"));
}

#[test]
fn show_measure_20_prints_items_a_to_g_and_three_references() {
    let out = policydiff()
        .args(["show", "actieprogramma-2014", "--measure", "20"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for label in ["a.", "b.", "c.", "d.", "e.", "f.", "g."] {
        assert!(text.contains(&format!("    {label} ")), "item {label}");
    }
    assert!(!text.contains("    h. "));
    for r in ["20a → measure 30", "20d → measure 8", "20e → measure 11"] {
        assert!(text.contains(r), "{r}");
    }
    assert!(text.contains("[2] Wetsvoorstel van Tweede Kamerlid Dijkhoff"));
}

#[test]
fn shipped_versions_work_from_an_installed_binary_outside_the_repository() {
    let elsewhere = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("policydiff").unwrap();
    cmd.current_dir(elsewhere.path())
        .env_remove("POLICYDIFF_VERSIONS");
    cmd.arg("list").assert().success().stdout(
        predicate::str::contains("actieprogramma-2014")
            .and(predicate::str::contains("samenvatting-2014")),
    );
    let mut cmd = Command::cargo_bin("policydiff").unwrap();
    cmd.current_dir(elsewhere.path())
        .env_remove("POLICYDIFF_VERSIONS");
    cmd.args(["show", "actieprogramma-2014", "--measure", "11"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Berstuurlijke"));
}

#[test]
fn versions_folder_can_be_given_by_flag_or_environment() {
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("versions");
    let elsewhere = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("policydiff").unwrap();
    cmd.current_dir(elsewhere.path())
        .env("POLICYDIFF_VERSIONS", &store)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("actieprogramma-2014"));
    // The shipped versions stay reachable by id from any store.
    let empty = tempfile::tempdir().unwrap();
    policydiff()
        .arg("--versions")
        .arg(empty.path())
        .args(["show", "actieprogramma-2014"])
        .assert()
        .success();
    policydiff()
        .arg("--versions")
        .arg(empty.path())
        .args(["show", "nieuw"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown version `nieuw`").and(predicate::str::contains(
                "known: `actieprogramma-2014`, `samenvatting-2014`",
            )),
        );
}

#[test]
fn importing_outside_the_repository_keeps_the_shipped_versions_reachable() {
    let elsewhere = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("versions/samenvatting-2014/source.txt");
    let run = || {
        let mut cmd = Command::cargo_bin("policydiff").unwrap();
        cmd.current_dir(elsewhere.path())
            .env_remove("POLICYDIFF_VERSIONS");
        cmd
    };
    run()
        .arg("import")
        .arg(&seed)
        .args(["--kind", "summary", "--id", "pagina"])
        .assert()
        .success();
    assert!(
        elsewhere
            .path()
            .join("versions/pagina/snapshot.json")
            .is_file()
    );
    run()
        .args(["show", "actieprogramma-2014", "--measure", "1"])
        .assert()
        .success();
    let list = run()
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let list = String::from_utf8(list).unwrap();
    for id in ["pagina", "actieprogramma-2014", "samenvatting-2014"] {
        assert!(list.contains(id), "{id} in {list}");
    }
}

#[test]
fn a_missing_file_is_named() {
    let err = show_fails(Path::new("versions/nope/snapshot.json"));
    assert_eq!(
        err.trim(),
        "error: no snapshot at `versions/nope/snapshot.json`; give a version id (see `policydiff list`) or the path of a snapshot.json"
    );
}

#[test]
fn an_unknown_id_lists_the_known_ids_and_suggests_the_closest() {
    let out = policydiff()
        .args(["show", "actieprogramma-2015"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "error: unknown version `actieprogramma-2015` in `versions`; did you mean `actieprogramma-2014`?; known: `actieprogramma-2014`, `samenvatting-2014`"
    );
}

#[test]
fn invalid_json_gives_file_line_and_column() {
    let (_dir, path) = write_snapshot(
        "{\n  \"format\": \"policydiff-snapshot/1\",\n  \"kind\": \"programme\"\n  \"id\": \"x\"\n}\n",
    );
    let err = show_fails(&path);
    assert!(
        err.contains(&format!(
            "{}:4:3: invalid JSON: expected `,` or `}}`",
            path.display()
        )),
        "{err}"
    );
}

#[test]
fn an_unknown_format_version_is_refused_by_name() {
    let (_dir, path) = edited(|v| v["format"] = "policydiff-snapshot/9".into());
    let err = show_fails(&path);
    assert!(
        err.contains(
            "unknown format `policydiff-snapshot/9`; this policydiff reads `policydiff-snapshot/1`"
        ),
        "{err}"
    );
}

#[test]
fn duplicate_measure_numbers_are_refused_with_their_place() {
    let (_dir, path) = edited(|v| v["measures"][1]["number"] = 1.into());
    let err = show_fails(&path);
    assert!(err.contains("measures[1].number: measure number 1 is used twice (also at measures[0]); renumber one of them"), "{err}");
    // The line points at the second measure's number in the file.
    let text = std::fs::read_to_string(&path).unwrap();
    let line: usize = err.split(':').nth(2).unwrap().trim().parse().unwrap();
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .contains("\"number\": 1"),
        "line {line}"
    );
}

#[test]
fn a_status_letter_outside_the_legend_is_refused() {
    let (_dir, path) = edited(|v| v["measures"][4]["status"]["value"] = "X".into());
    let err = show_fails(&path);
    assert!(
        err.contains("unknown status `X`; the legend has `B`, `V` and `N`"),
        "{err}"
    );

    let (_dir, path) = edited(|v| {
        v["legend"]["entries"].as_array_mut().unwrap().remove(1);
    });
    let err = show_fails(&path);
    assert!(err.contains("measures[0].status: measure 1 has status `V`, which the legend does not define; use one of `B`, `N`"), "{err}");
}

#[test]
fn an_item_label_out_of_sequence_is_refused() {
    let (_dir, path) = edited(|v| v["measures"][19]["items"][2]["label"] = "d".into());
    let err = show_fails(&path);
    assert!(err.contains("measures[19].items[2].label: item `d` of measure 20 is out of sequence: lettered item 3 should be `c`"), "{err}");
    let (_dir, path) =
        edited(|v| v["measures"][20]["items"][1]["items"][1]["label"] = "iii".into());
    let err = show_fails(&path);
    assert!(err.contains("roman item 2 should be `ii`"), "{err}");
}

#[test]
fn an_unknown_field_is_reported_with_its_place() {
    let (_dir, path) = edited(|v| v["measures"][0]["titel"] = "x".into());
    let err = show_fails(&path);
    assert!(err.contains("unknown field `titel`"), "{err}");
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    policydiff()
        .args(["show", "actieprogramma-2014", "--status", "X"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`X` is not a status; use B, V or N",
        ));
    policydiff()
        .args(["show", "actieprogramma-2014", "--measure", "39"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no measure 39 in `actieprogramma-2014`; its measures are numbered 1–38",
        ));
    policydiff().arg("--help").assert().success();
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `policydiff show … | head -1`: the reader goes away early. The JSON is
    // larger than a pipe's buffer, so the writer does meet the closed pipe.
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("'{}' show actieprogramma-2014 --format json | head -c 10 >/dev/null; exit ${{PIPESTATUS[0]}}", assert_cmd::cargo::cargo_bin("policydiff").display()))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = policydiff();
        if !no_color {
            cmd.env_remove("NO_COLOR");
        }
        String::from_utf8(cmd.args(args).output().unwrap().stdout).unwrap()
    };
    let show = ["show", "actieprogramma-2014", "--theme", "5"];
    // Not a terminal: auto means no colour.
    assert!(!run(&show, false).contains('\x1b'));
    assert!(
        run(&[&["--color", "always"], &show[..]].concat(), false)
            .contains("\x1b[38;5;11m B|V|N? \x1b[39m")
    );
    assert!(!run(&[&["--color", "never"], &show[..]].concat(), false).contains('\x1b'));
}

#[test]
fn list_names_a_broken_version_and_still_lists_the_others() {
    let store = tempfile::tempdir().unwrap();
    let good = store.path().join("goed");
    std::fs::create_dir(&good).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("versions/samenvatting-2014/snapshot.json"),
    )
    .unwrap();
    std::fs::write(
        good.join("snapshot.json"),
        text.replace("\"id\": \"samenvatting-2014\"", "\"id\": \"goed\""),
    )
    .unwrap();
    let bad = store.path().join("kapot");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("snapshot.json"), "{").unwrap();
    let out = policydiff()
        .arg("--versions")
        .arg(store.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("goed") && stdout.contains("actieprogramma-2014"),
        "{stdout}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("kapot/snapshot.json:1:1: invalid JSON")
    );
}

#[test]
fn a_byte_that_is_not_utf8_is_placed_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snapshot.json");
    std::fs::write(&path, b"{\n  \"x\xe9\"").unwrap();
    let err = show_fails(&path);
    assert!(
        err.contains("the byte at line 2, column 5 (offset 6) is not UTF-8"),
        "{err}"
    );
}

#[test]
fn an_unknown_kind_is_named_in_serdes_words_not_as_a_status() {
    let (_dir, path) = edited(|v| v["kind"] = "programma".into());
    let err = show_fails(&path);
    assert!(
        err.contains("unknown variant `programma`, expected `programme` or `summary`"),
        "{err}"
    );
    assert!(!err.contains("status"), "{err}");
}

/// The shipped programme's JSON, its last byte `}`, after enough blanks to
/// make it `size` bytes.
fn padded_to(size: u64) -> Vec<u8> {
    let json = serde_json::to_string_pretty(&shipped_programme()).unwrap();
    let json = json.trim_end().as_bytes();
    assert_eq!(json.last(), Some(&b'}'));
    let size = usize::try_from(size).unwrap();
    let mut bytes = vec![b' '; size - json.len()];
    bytes.extend_from_slice(json);
    bytes
}

#[test]
fn a_file_of_exactly_the_size_limit_is_read_to_its_last_byte() {
    let limit = policydiff::load::file::MAX_FILE_BYTES;
    let (_dir, path) = write_snapshot("");
    // A sparse file: no 64 MiB written.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(limit)
        .unwrap();
    let bytes = policydiff::load::file::read_bounded(&path).unwrap();
    assert_eq!(bytes.len() as u64, limit);
}

#[test]
fn a_snapshot_on_standard_input_over_the_size_limit_is_refused_as_too_large() {
    let limit = policydiff::load::file::MAX_FILE_BYTES;
    let out = policydiff()
        .args(["show", "-"])
        .write_stdin(padded_to(limit + 1))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "it is {} bytes, more than the {limit}-byte limit",
            limit + 1
        )),
        "{err}"
    );
}

#[test]
fn a_programme_without_a_themes_list_is_not_told_its_measures_name_unknown_themes() {
    let (_dir, path) = edited(|v| v["themes"] = serde_json::json!([]));
    let loaded = policydiff::load::load_path(&path).unwrap();
    assert!(loaded.snapshot.themes.is_empty());
    assert_eq!(loaded.snapshot.measures.len(), 38);
}

#[test]
fn a_name_ending_in_json_or_naming_a_file_is_read_as_a_path_not_an_id() {
    // No separator in either name: `.json` alone makes a path, so a
    // missing one is a missing file, not an unknown version.
    let err = show_fails(Path::new("nope.json"));
    assert!(
        err.starts_with("error: no snapshot at `nope.json`"),
        "{err}"
    );
    // A file of that name in the working folder, whatever it is called.
    let dir = tempfile::tempdir().unwrap();
    let text = serde_json::to_string(&shipped_programme()).unwrap();
    std::fs::write(dir.path().join("programma"), text).unwrap();
    policydiff()
        .current_dir(dir.path())
        .args(["show", "programma"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("actieprogramma-2014"));
}
