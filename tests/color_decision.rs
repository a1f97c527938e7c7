//! How `--color` is decided. `auto` depends on the process environment
//! (`NO_COLOR`, `TERM`) and on stdout being a terminal, which a test of the
//! binary cannot be; so each environment runs this test binary again, with
//! that environment, to decide as if stdout were a terminal.

use policydiff::cli::ColorChoice;
use policydiff::render::color::Palette;
use std::process::Command;

/// Run as a child by `auto_colours_a_terminal_with`: writes what `auto`
/// decides for a terminal in this process's environment (past the test
/// harness's capture, which only takes `print!`).
#[test]
#[ignore = "run by auto_colours_a_terminal_with in its own environment"]
fn auto_decision_in_this_environment() {
    use std::io::Write;
    let enabled = Palette::decide(ColorChoice::Auto, true).enabled;
    let word = if enabled { "on" } else { "off" };
    writeln!(std::io::stdout(), "auto colour: {word}").unwrap();
}

/// Whether `auto` colours a terminal with `NO_COLOR` and `TERM` as given
/// (`None`: unset).
fn auto_colours_a_terminal_with(no_color: Option<&str>, term: Option<&str>) -> bool {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "auto_decision_in_this_environment",
        "--ignored",
        "--quiet",
    ])
    .env_remove("NO_COLOR")
    .env_remove("TERM");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    if let Some(v) = term {
        cmd.env("TERM", v);
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    match (
        text.contains("auto colour: on"),
        text.contains("auto colour: off"),
    ) {
        (true, false) => true,
        (false, true) => false,
        _ => panic!("the child run decides once: {text}"),
    }
}

#[test]
fn auto_colours_a_terminal_unless_no_color_is_set_or_term_is_dumb() {
    assert!(auto_colours_a_terminal_with(None, Some("xterm-256color")));
    assert!(auto_colours_a_terminal_with(None, None));
    assert!(!auto_colours_a_terminal_with(Some("1"), Some("xterm")));
    // An empty NO_COLOR counts as unset (no-color.org).
    assert!(auto_colours_a_terminal_with(Some(""), Some("xterm")));
    assert!(!auto_colours_a_terminal_with(None, Some("dumb")));
}

#[test]
fn always_and_never_ignore_the_terminal() {
    assert!(Palette::decide(ColorChoice::Always, false).enabled);
    assert!(!Palette::decide(ColorChoice::Never, true).enabled);
    assert!(!Palette::decide(ColorChoice::Auto, false).enabled);
}
