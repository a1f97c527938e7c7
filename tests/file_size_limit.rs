//! `--max-file-size`: the bound on every file policydiff reads (64 MiB by
//! default) can be set for a corpus that needs another, on the command line
//! or in the environment, and a file over it is refused with the option
//! named in the fix.

use assert_cmd::Command;
use policydiff::load::file::{MAX_FILE_BYTES, parse_size};
use predicates::str::contains;

fn policydiff() -> Command {
    let mut c = Command::cargo_bin("policydiff").expect("the binary is built");
    c.env_remove("POLICYDIFF_MAX_FILE_SIZE")
        .env_remove("POLICYDIFF_VERSIONS");
    c
}

const SHIPPED: &str = "versions/actieprogramma-2014/snapshot.json";

#[test]
fn a_snapshot_over_a_lowered_limit_is_refused_with_exit_2_and_the_option_named() {
    let size = std::fs::metadata(SHIPPED).expect("shipped snapshot").len();
    policydiff()
        .args(["--max-file-size", "1K", "show", SHIPPED])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!(
            "it is {size} bytes, more than the 1024-byte limit"
        )))
        .stderr(contains("`--max-file-size` raises the limit"));
}

#[test]
fn the_limit_can_come_from_the_environment() {
    policydiff()
        .env("POLICYDIFF_MAX_FILE_SIZE", "1K")
        .args(["show", SHIPPED])
        .assert()
        .code(2)
        .stderr(contains("1024-byte limit"));
}

#[test]
fn a_snapshot_under_a_raised_limit_loads() {
    policydiff()
        .args(["--max-file-size", "1G", "show", SHIPPED])
        .assert()
        .success();
}

#[test]
fn a_size_that_is_not_one_is_a_usage_error() {
    for bad in ["", "M", "12x", "0", "-5", "99999999999G"] {
        policydiff()
            .arg(format!("--max-file-size={bad}"))
            .args(["show", SHIPPED])
            .assert()
            .code(2)
            .stderr(contains("--max-file-size"));
    }
}

#[test]
fn sizes_are_bytes_or_binary_multiples() {
    assert_eq!(parse_size("1048576"), Ok(1 << 20));
    assert_eq!(parse_size("500K"), Ok(500 << 10));
    assert_eq!(parse_size("200M"), Ok(200 << 20));
    assert_eq!(parse_size("200mib"), Ok(200 << 20));
    assert_eq!(parse_size("1G"), Ok(1 << 30));
    assert_eq!(parse_size("64M"), Ok(MAX_FILE_BYTES));
    assert!(parse_size("1T").is_err());
    assert!(parse_size("0").is_err());
}
