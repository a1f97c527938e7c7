//! Shell completions and the man page, generated from the clap definition by
//! clap_complete and clap_mangen and kept in the repository (`docs/man/`,
//! `docs/completions/`) so that packagers and users take them without a
//! build step. This test fails when they are stale; rerun it with
//! `POLICYDIFF_BLESS=1` to write them anew.

use clap::CommandFactory;
use clap_complete::Shell;
use policydiff::cli::Cli;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compare `want` with the file at `path`, or write it when blessing.
fn up_to_date(path: &Path, want: &[u8]) -> Result<(), String> {
    if std::env::var_os("POLICYDIFF_BLESS").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, want).map_err(|e| e.to_string())?;
    }
    let have = std::fs::read(path).unwrap_or_default();
    if have == want {
        Ok(())
    } else {
        Err(format!(
            "{} is stale; rerun with POLICYDIFF_BLESS=1",
            path.display()
        ))
    }
}

#[test]
fn the_man_page_is_generated_from_the_command_line_definition() {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .expect("a man page renders into memory");
    let text = String::from_utf8_lossy(&page);
    assert!(text.contains(".TH policydiff 1"), "{text}");
    assert!(
        text.contains("policydiff diff actieprogramma\\-2014"),
        "{text}"
    );
    up_to_date(&root().join("docs/man/policydiff.1"), &page).unwrap();
}

#[test]
fn completions_for_bash_zsh_and_fish_are_generated_and_name_every_command() {
    for (shell, file) in [
        (Shell::Bash, "policydiff.bash"),
        (Shell::Zsh, "_policydiff"),
        (Shell::Fish, "policydiff.fish"),
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "policydiff", &mut script);
        let text = String::from_utf8_lossy(&script);
        for command in ["list", "show", "diff", "check", "import"] {
            assert!(text.contains(command), "{shell}: {command}");
        }
        assert!(text.contains("min-severity"), "{shell}");
        up_to_date(&root().join("docs/completions").join(file), &script).unwrap();
    }
}

#[test]
fn every_help_page_shows_examples() {
    for command in [
        &["--help"][..],
        &["diff", "--help"],
        &["check", "--help"],
        &["show", "--help"],
    ] {
        let out = assert_cmd::Command::cargo_bin("policydiff")
            .unwrap()
            .args(command)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Examples:\n  policydiff "),
            "{command:?}: {text}"
        );
    }
}
