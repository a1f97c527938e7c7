//! Hostile input and faults, end to end through the binary: every refusal is
//! exit 2 with one `error:` line naming the file, the place and the fix, and
//! nothing written; no data reaches the terminal as a control sequence; a
//! killed write does not poison the store.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const SHIPPED: &str = "versions/actieprogramma-2014";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary in `dir`, with `dir/versions` as its store.
fn policydiff(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("policydiff").expect("the binary is built");
    cmd.current_dir(dir)
        .env_remove("POLICYDIFF_VERSIONS")
        .env("NO_COLOR", "1");
    cmd
}

fn shipped_json() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(SHIPPED).join("snapshot.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A store in a temporary folder holding one version `v` with the shipped
/// source text beside it, made from the shipped programme after `edit`.
fn store_with(edit: impl FnOnce(&mut serde_json::Value)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("versions").join("v");
    std::fs::create_dir_all(&v).unwrap();
    std::fs::copy(
        root().join(SHIPPED).join("source.txt"),
        v.join("source.txt"),
    )
    .unwrap();
    let mut s = shipped_json();
    s["id"] = "v".into();
    edit(&mut s);
    std::fs::write(
        v.join("snapshot.json"),
        serde_json::to_string_pretty(&s).unwrap(),
    )
    .unwrap();
    dir
}

/// Run, expect exit 2 and exactly one `error:` line; return it.
fn refused(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout when refused");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 1, "one error line: {err}");
    errors[0].to_string()
}

#[test]
fn a_source_file_outside_the_version_folder_is_never_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOPSECRET-LINE\n").unwrap();
    for (file, says) in [
        (secret.display().to_string(), "absolute path"),
        ("../../secret.txt".to_string(), "`..`"),
        ("/dev/zero".to_string(), "absolute path"),
    ] {
        let dir = store_with(|s| s["source"]["file"] = file.clone().into());
        for format in ["text", "github", "json"] {
            let line = refused(policydiff(dir.path()).args(["check", "v", "--format", format]));
            assert!(
                line.contains("snapshot.json") && line.contains("source.file"),
                "{line}"
            );
            assert!(line.contains(says), "{line}");
            assert!(!line.contains("TOPSECRET"));
        }
    }
    #[cfg(unix)]
    {
        let dir = store_with(|_| {});
        let source = dir.path().join("versions/v/source.txt");
        std::fs::remove_file(&source).unwrap();
        std::os::unix::fs::symlink(&secret, &source).unwrap();
        let line = refused(policydiff(dir.path()).args(["check", "v"]));
        assert!(line.contains("leads outside"), "{line}");
    }
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let line = refused(policydiff(dir.path()).args(["show", "/dev/zero"]));
    assert!(line.contains("a device, not a regular file"), "{line}");
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let line = refused(
            policydiff(dir.path())
                .args(["show", fifo.to_str().unwrap()])
                .timeout(std::time::Duration::from_secs(20)),
        );
        assert!(line.contains("named pipe"), "{line}");
    }
}

#[test]
fn control_characters_in_data_reach_no_output_raw() {
    let hostile = "Titel \u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{8}\u{202e}omgekeerd";
    let dir = store_with(|s| {
        s["title"] = hostile.into();
        s["measures"][0]["title"] = hostile.into();
        s["notes"] = serde_json::json!([hostile]);
    });
    for args in [
        vec!["show", "v"],
        vec!["show", "v", "--color", "always"],
        vec!["show", "v", "--format", "markdown"],
        vec!["show", "v", "--format", "html"],
        vec!["show", "v", "--format", "json"],
        vec!["diff", "actieprogramma-2014", "v"],
        vec!["diff", "actieprogramma-2014", "v", "--color", "always"],
        vec!["diff", "actieprogramma-2014", "v", "--format", "markdown"],
        vec!["diff", "actieprogramma-2014", "v", "--format", "json"],
        vec!["check", "v", "--format", "github"],
        vec!["check", "v"],
        vec!["list"],
    ] {
        let out = policydiff(dir.path()).args(&args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let colour = args.contains(&"always");
        for c in text.chars() {
            let control = matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}');
            assert!(
                !control || (colour && c == '\u{1b}'),
                "{args:?}: raw {c:?} in {text}"
            );
        }
        if colour {
            // Only the colour sequences policydiff writes: ESC [ … m.
            for (i, _) in text.match_indices('\u{1b}') {
                let rest = &text[i + 1..];
                let params = rest[1..].find('m').unwrap_or(0);
                assert!(
                    rest.starts_with('[')
                        && rest[1..=params]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b';'),
                    "{args:?}: an escape that is not a colour: {:?}",
                    &rest[..rest.len().min(12)]
                );
            }
        }
        if args[0] == "show" && !args.contains(&"json") {
            assert!(
                text.contains('␛') && text.contains("\\u{202e}"),
                "{args:?}: the data is shown, made visible"
            );
        }
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{202e}'),
            "{args:?}: {err}"
        );
    }
    // JSON keeps the value, escaped.
    let out = policydiff(dir.path())
        .args(["show", "v", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.to_string().contains("omgekeerd"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u202e"));
}

#[test]
fn an_error_line_quoting_hostile_input_is_inert() {
    let dir = tempfile::tempdir().unwrap();
    let out = policydiff(dir.path())
        .args(["show", "no\u{1b}[2Jsuch\u{202e}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err}"
    );
    assert!(err.contains('␛') && err.contains("\\u{202e}"), "{err}");
}

#[test]
fn a_killed_import_leaves_a_temporary_the_store_never_reads() {
    let dir = store_with(|_| {});
    // What a SIGKILL mid-write leaves: a staging folder with half a snapshot.
    let stale = dir.path().join("versions/.policydiff-new-AbC123");
    std::fs::create_dir_all(&stale).unwrap();
    std::fs::write(stale.join("snapshot.json"), "{\"format\": \"policydiff-sn").unwrap();
    let out = policydiff(dir.path()).arg("list").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".policydiff-new-AbC123") && err.contains("rm -r"),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("policydiff-new"));
    let check = policydiff(dir.path()).arg("check").output().unwrap();
    assert!(
        check.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    policydiff(dir.path())
        .args(["diff", "actieprogramma-2014", "v"])
        .assert()
        .code(0);
}

#[cfg(unix)]
#[test]
fn reports_get_the_umask_permissions_and_keep_them_when_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    policydiff(dir.path())
        .args(["show", "actieprogramma-2014", "--format", "markdown", "-o"])
        .arg(&report)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode, 0o600, "not owner-only: {mode:o}");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o644)).unwrap();
    policydiff(dir.path())
        .args([
            "show",
            "actieprogramma-2014",
            "--format",
            "html",
            "--force",
            "-o",
        ])
        .arg(&report)
        .assert()
        .code(0);
    let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".policydiff-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn output_into_a_missing_folder_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let line = refused(policydiff(dir.path()).args([
        "show",
        "actieprogramma-2014",
        "-o",
        "no/such/report.txt",
    ]));
    assert!(
        line.contains("does not exist") && line.contains("mkdir -p"),
        "{line}"
    );
    assert!(!dir.path().join("no").exists());
}

#[test]
fn snapshot_encodings_are_named_with_the_place_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(root().join(SHIPPED).join("snapshot.json")).unwrap();
    // A byte-order mark is accepted.
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, [&[0xEF, 0xBB, 0xBF][..], &text].concat()).unwrap();
    policydiff(dir.path())
        .args(["show", "bom.json"])
        .assert()
        .code(0);
    // Latin-1: the line and column of the first bad byte, and iconv.
    let mut latin = text.clone();
    let at = latin.windows(4).position(|w| w == b"Acti").unwrap();
    latin[at] = 0xE9;
    std::fs::write(dir.path().join("latin.json"), &latin).unwrap();
    let line = refused(policydiff(dir.path()).args(["show", "latin.json"]));
    assert!(
        line.contains("latin.json") && line.contains("line ") && line.contains("column "),
        "{line}"
    );
    assert!(line.contains("iconv"), "{line}");
    // UTF-16.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            String::from_utf8(text)
                .unwrap()
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.path().join("wide.json"), utf16).unwrap();
    let line = refused(policydiff(dir.path()).args(["show", "wide.json"]));
    assert!(
        line.contains("UTF-16") && line.contains("iconv -f utf-16"),
        "{line}"
    );
}

#[test]
fn duplicate_keys_huge_numbers_and_measure_zero_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SHIPPED).join("snapshot.json")).unwrap();
    std::fs::write(
        dir.path().join("dup.json"),
        text.replacen("\"title\"", "\"title\": \"x\",\n  \"title\"", 1),
    )
    .unwrap();
    let line = refused(policydiff(dir.path()).args(["show", "dup.json"]));
    assert!(
        line.contains("duplicate field `title`") && line.contains("dup.json:"),
        "{line}"
    );

    std::fs::write(
        dir.path().join("big.json"),
        text.replacen(
            "\"policydiff-snapshot/1\"",
            "123456789012345678901234567890",
            1,
        ),
    )
    .unwrap();
    let line = refused(policydiff(dir.path()).args(["show", "big.json"]));
    assert!(line.contains("`123456789012345678901234567890`"), "{line}");

    let mut s = shipped_json();
    s["measures"][0]["number"] = 0.into();
    std::fs::write(dir.path().join("zero.json"), s.to_string()).unwrap();
    for args in [
        vec!["show", "zero.json"],
        vec!["diff", "actieprogramma-2014", "zero.json"],
    ] {
        let line = refused(policydiff(dir.path()).args(&args));
        assert!(
            line.contains("measures[0].number") && line.contains("numbered from 1"),
            "{line}"
        );
    }
}

#[test]
fn ids_that_break_a_windows_checkout_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["CON", "nul", "aux.txt", "x."] {
        let line = refused(
            policydiff(dir.path()).args([
                "import",
                &root()
                    .join(SHIPPED)
                    .join("source.txt")
                    .display()
                    .to_string(),
                "--kind",
                "programme",
                "--id",
                id,
            ]),
        );
        assert!(line.contains("not a usable version id"), "{line}");
        assert!(!dir.path().join("versions").exists(), "nothing written");
    }
    let mut s = shipped_json();
    s["id"] = "aux".into();
    std::fs::write(dir.path().join("aux.json"), s.to_string()).unwrap();
    let line = refused(policydiff(dir.path()).args(["show", "aux.json"]));
    assert!(line.contains("device name"), "{line}");
}

#[test]
fn an_absurdly_long_word_is_cut_in_tables() {
    let word = "x".repeat(1_000_000);
    let dir = store_with(|s| s["measures"][0]["title"] = word.clone().into());
    let out = policydiff(dir.path()).args(["show", "v"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("more characters]"), "the cut is noted");
    assert!(text.len() < 100_000, "the table holds the cut word only");
}
