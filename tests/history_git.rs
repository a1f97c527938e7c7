//! Versions straight from git, against a real repository made in each test:
//! `REV:path` for `diff`, `show`, `check` and `history`, `history --git`,
//! the errors for a bad revision or path, and the diff driver that makes
//! `git diff` and `git log -p` show measure-level differences.

use assert_cmd::Command;
use std::path::Path;

const FILE: &str = "versions/actieprogramma-2014/snapshot.json";

/// Run git in `dir`, isolated from the machine's configuration, with fixed
/// identities and the commit date `date`.
fn git(dir: &Path, date: &str, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", format!("{date}T12:00:00Z"))
        .env("GIT_COMMITTER_DATE", format!("{date}T12:00:00Z"))
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The snapshot at `path` (relative to the crate) with its id set to the
/// shipped programme's, as one file edited over time would have it.
fn snapshot_text(path: &str) -> String {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["id"] = "actieprogramma-2014".into();
    serde_json::to_string_pretty(&v).unwrap() + "\n"
}

/// A repository where `versions/actieprogramma-2014/snapshot.json` was
/// committed three times: the 2014 programme (with its source text), then
/// the 2015 and 2016 edits of `examples/series`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, "2014-08-29", &["init", "-q"]);
    let folder = root.join("versions/actieprogramma-2014");
    std::fs::create_dir_all(&folder).unwrap();
    let shipped = format!(
        "{}/versions/actieprogramma-2014",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(format!("{shipped}/source.txt"), folder.join("source.txt")).unwrap();
    let versions = [
        ("2014-08-29", "versions/actieprogramma-2014/snapshot.json"),
        (
            "2015-06-15",
            "examples/series/actieprogramma-2015/snapshot.json",
        ),
        (
            "2016-03-01",
            "examples/series/actieprogramma-2016/snapshot.json",
        ),
    ];
    for (date, path) in versions {
        std::fs::write(root.join(FILE), snapshot_text(path)).unwrap();
        git(root, date, &["add", "-A"]);
        git(
            root,
            date,
            &["commit", "-q", "-m", &format!("version of {date}")],
        );
    }
    dir
}

fn policydiff(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("policydiff").expect("the binary is built");
    cmd.current_dir(dir)
        .env_remove("POLICYDIFF_VERSIONS")
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = policydiff(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn diff_compares_two_revisions_named_rev_path() {
    let repo = repository();
    let (code, out, err) = run(
        repo.path(),
        &["diff", &format!("HEAD~2:{FILE}"), &format!("HEAD~1:{FILE}")],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("strengthened B → V"), "{out}");
    assert!(out.contains("12–24 → 13–25"), "{out}");
}

#[test]
fn a_revision_and_a_version_folder_stand_for_its_snapshot() {
    let repo = repository();
    let (code, out, err) = run(
        repo.path(),
        &[
            "show",
            "HEAD~2:versions/actieprogramma-2014",
            "--measure",
            "2",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Verdachten en veroordeelden"), "{out}");
}

#[test]
fn check_reads_the_source_text_from_the_same_revision() {
    let repo = repository();
    // Remove the source text from the work tree: only git still has it.
    std::fs::remove_file(repo.path().join("versions/actieprogramma-2014/source.txt")).unwrap();
    let (code, out, err) = run(
        repo.path(),
        &["check", &format!("HEAD~2:{FILE}"), "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"source/missing"), "{rules:?}");
}

#[test]
fn a_revision_that_does_not_exist_is_a_clear_error() {
    let repo = repository();
    let (code, _, err) = run(
        repo.path(),
        &["diff", &format!("HEAD~9:{FILE}"), &format!("HEAD:{FILE}")],
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "error: cannot read `HEAD~9:{FILE}` from git: git says:"
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_path_not_in_that_revision_is_a_clear_error() {
    let repo = repository();
    let (code, _, err) = run(repo.path(), &["show", "HEAD:versions/nope/snapshot.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`HEAD:versions/nope/snapshot.json` from git"),
        "{err}"
    );
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("git log --oneline --follow"), "{err}");
}

#[test]
fn outside_a_repository_rev_path_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), &["show", &format!("HEAD:{FILE}")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("run policydiff inside the repository"),
        "{err}"
    );
}

#[test]
fn history_git_takes_every_committed_revision_labelled_by_date_and_hash() {
    let repo = repository();
    let hashes = git(
        repo.path(),
        "2016-03-01",
        &["log", "--format=%h", "--reverse"],
    );
    let hashes: Vec<&str> = hashes.lines().collect();
    let (code, out, err) = run(repo.path(), &["history", "--git", FILE, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let labels: Vec<String> = ["2014-08-29", "2015-06-15", "2016-03-01"]
        .iter()
        .zip(&hashes)
        .map(|(d, h)| format!("{d} {h}"))
        .collect();
    assert_eq!(v["versions"], serde_json::json!(labels));
    assert!(
        v["steps"][1]["lead"].as_str().unwrap().contains("1 split"),
        "{v}"
    );
}

#[test]
fn history_of_rev_paths_labels_versions_by_the_names_given() {
    let repo = repository();
    let names = [format!("HEAD~2:{FILE}"), format!("HEAD:{FILE}")];
    let (code, out, err) = run(
        repo.path(),
        &["history", &names[0], &names[1], "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["versions"], serde_json::json!(names));
}

#[test]
fn history_git_of_a_file_git_does_not_track_is_a_clear_error() {
    let repo = repository();
    let (code, _, err) = run(repo.path(), &["history", "--git", "versions/nope.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("no commit holds this file"), "{err}");
}

#[test]
fn the_diff_driver_makes_git_diff_and_git_log_show_measures() {
    let repo = repository();
    let root = repo.path();
    std::fs::write(
        root.join(".gitattributes"),
        "snapshot.json diff=policydiff\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_policydiff");
    git(
        root,
        "2016-03-01",
        &[
            "config",
            "diff.policydiff.command",
            &format!("{bin} git-diff"),
        ],
    );
    let out = git(
        root,
        "2016-03-01",
        &["diff", "HEAD~2", "HEAD~1", "--", FILE],
    );
    assert!(out.starts_with(&format!("policydiff {FILE}\n")), "{out}");
    assert!(out.contains("strengthened B → V"), "{out}");
    assert!(
        !out.contains("\"number\""),
        "a line diff of the JSON: {out}"
    );

    // `git log` and `git show` use the driver with `--ext-diff`.
    let log = git(
        root,
        "2016-03-01",
        &["log", "-p", "--ext-diff", "--format=commit %s", "--", FILE],
    );
    let reports = log.matches(&format!("policydiff {FILE}")).count();
    assert_eq!(reports, 3, "{log}");
    assert!(
        log.contains("a new snapshot: nothing earlier to compare with"),
        "{log}"
    );
    assert!(log.contains("1 split"), "{log}");

    // A work-tree edit against HEAD: the driver gets the file itself.
    let text = std::fs::read_to_string(root.join(FILE)).unwrap();
    std::fs::write(
        root.join(FILE),
        text.replace(
            "Evaluatie van het actieprogramma",
            "Evaluatie en verantwoording",
        ),
    )
    .unwrap();
    let out = git(root, "2016-03-01", &["diff"]);
    assert!(out.contains("1 retitled"), "{out}");
}

#[test]
fn the_diff_driver_reports_a_broken_revision_and_lets_git_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        dir.path(),
        &[
            "git-diff",
            FILE,
            "broken.json",
            "0",
            "100644",
            "/dev/null",
            "0",
            "100644",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("the snapshot was deleted"), "{out}");
    std::fs::write(dir.path().join("broken.json"), "{").unwrap();
    std::fs::write(dir.path().join("other.json"), "{").unwrap();
    let (code, out, err) = run(
        dir.path(),
        &[
            "git-diff",
            FILE,
            "broken.json",
            "0",
            "100644",
            "other.json",
            "0",
            "100644",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("cannot compare: broken.json:"), "{out}");
}
