//! A fuzz harness for policydiff that runs on stable Rust: it mutates the
//! real files (the shipped snapshots and source texts, the examples) and
//! drives the importer, the loader, diff, check and every renderer through
//! the library's own command entry point, each input under `catch_unwind`.
//!
//! The binary (`src/main.rs`) loops over random inputs for a time budget;
//! `tests/regressions.rs` runs every input kept in `regressions/` once, so a
//! panic found once stays fixed.

pub mod mutate;

use policydiff::cli::Cli;
use policydiff::command::{self, Context};
use policydiff::load::Store;
use policydiff::render::color::Palette;
use std::path::{Path, PathBuf};

/// What an input is fed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// A text to `import --kind programme`, then `check` and `show` of it.
    ImportProgramme,
    /// A text to `import --kind summary`.
    ImportSummary,
    /// A snapshot file to `show` in every format and `list`.
    Load,
    /// A snapshot to `diff` against the shipped programme, both ways, every
    /// format, and to follow in a `history` between the shipped programme
    /// and a later example.
    Diff,
    /// A snapshot (with the shipped source text beside it) to `check`, every
    /// format.
    Check,
}

impl Target {
    pub const ALL: [Target; 5] = [
        Target::ImportProgramme,
        Target::ImportSummary,
        Target::Load,
        Target::Diff,
        Target::Check,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::ImportProgramme => "import-programme",
            Target::ImportSummary => "import-summary",
            Target::Load => "load",
            Target::Diff => "diff",
            Target::Check => "check",
        }
    }

    /// Whether the target reads source text (else snapshot JSON).
    pub fn takes_text(self) -> bool {
        matches!(self, Target::ImportProgramme | Target::ImportSummary)
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The repository root (the seeds live there).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// The seed files for a target: source texts, or snapshots.
pub fn seeds(target: Target) -> Vec<Vec<u8>> {
    let root = repo_root();
    let mut paths = Vec::new();
    for version in ["actieprogramma-2014", "samenvatting-2014"] {
        let dir = root.join("versions").join(version);
        paths.push(dir.join(if target.takes_text() {
            "source.txt"
        } else {
            "snapshot.json"
        }));
    }
    if target.takes_text() {
        // The programme in every layout the importer reads.
        for name in ["programme.txt", "programme.md", "programme.html"] {
            paths.push(
                root.join("tests")
                    .join("fixtures")
                    .join("layouts")
                    .join(name),
            );
        }
    } else {
        if let Ok(entries) = std::fs::read_dir(root.join("examples")) {
            let mut more: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            more.sort();
            paths.extend(more);
        }
    }
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// What running the commands of one input came to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Commands run.
    pub commands: u32,
    /// Commands that finished without an error (exit 0 or 1).
    pub ok: u32,
}

/// Run every command of `target` on `input` in a fresh version store.
/// Errors are expected (most mutants are invalid); only a panic matters,
/// and that is for the caller's `catch_unwind` to see.
pub fn exercise(target: Target, input: &[u8]) -> Outcome {
    let outcome = std::cell::Cell::new(Outcome::default());
    let Ok(dir) = tempfile::tempdir() else {
        return outcome.get();
    };
    let store = dir.path().join("versions");
    let version = store.join("fuzzed");
    if std::fs::create_dir_all(&version).is_err() {
        return outcome.get();
    }
    let root = repo_root();
    let snapshot = version.join("snapshot.json");
    let input_file = dir.path().join("input.txt");
    let run = |args: &[&str], colour: bool| {
        let mut argv = vec!["policydiff", "--versions", store.to_str().unwrap_or("")];
        argv.extend_from_slice(args);
        let mut o = outcome.get();
        o.commands += 1;
        outcome.set(o);
        let Ok(cli) = <Cli as clap::Parser>::try_parse_from(&argv) else {
            return;
        };
        let ctx = Context {
            store: Store::Dir(store.clone()),
            palette: Palette { enabled: colour },
            width: 80,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let result = command::run(cli, &ctx, &mut out, &mut err);
        if std::env::var_os("POLICYDIFF_FUZZ_TRACE").is_some() {
            eprintln!("{argv:?} -> {result:?}");
        }
        if result.is_ok_and(|code| code <= 1) {
            let mut o = outcome.get();
            o.ok += 1;
            outcome.set(o);
        }
    };
    let snapshot_arg = snapshot.to_str().unwrap_or("");
    match target {
        Target::ImportProgramme | Target::ImportSummary => {
            if std::fs::write(&input_file, input).is_err() {
                return outcome.get();
            }
            let kind = if target == Target::ImportProgramme {
                "programme"
            } else {
                "summary"
            };
            let file = input_file.to_str().unwrap_or("");
            run(&["import", file, "--kind", kind, "--id", "imported"], false);
            let imported = store.join("imported").join("snapshot.json");
            if imported.is_file() {
                let path = imported.to_str().unwrap_or("");
                run(&["check", path, "--format", "text"], false);
                run(&["show", path, "--format", "markdown"], false);
                run(&["diff", "actieprogramma-2014", path], false);
            }
        }
        Target::Load => {
            if std::fs::write(&snapshot, input).is_err() {
                return outcome.get();
            }
            for format in ["table", "json", "markdown", "html"] {
                run(&["show", snapshot_arg, "--format", format], false);
            }
            run(&["show", snapshot_arg, "--color", "always"], true);
            run(&["show", snapshot_arg, "--measure", "1"], false);
            run(&["list"], false);
        }
        Target::Diff => {
            if std::fs::write(&snapshot, input).is_err() {
                return outcome.get();
            }
            for other in ["actieprogramma-2014", "samenvatting-2014"] {
                for format in ["text", "json", "markdown", "html"] {
                    run(&["diff", other, snapshot_arg, "--format", format], false);
                    run(&["diff", snapshot_arg, other, "--format", format], false);
                }
            }
            run(
                &["diff", "actieprogramma-2014", snapshot_arg, "--stat"],
                true,
            );
            run(
                &[
                    "diff",
                    "actieprogramma-2014",
                    snapshot_arg,
                    "--format",
                    "csv",
                ],
                false,
            );
            // The snapshot in the middle of a history, every format.
            let later = root.join("examples/series/actieprogramma-2016/snapshot.json");
            let later = later.to_str().unwrap_or("");
            for format in ["text", "json", "csv", "markdown", "html"] {
                run(
                    &[
                        "history",
                        "actieprogramma-2014",
                        snapshot_arg,
                        later,
                        "--format",
                        format,
                    ],
                    false,
                );
            }
            run(
                &[
                    "history",
                    "actieprogramma-2014",
                    snapshot_arg,
                    "--measure",
                    "1",
                ],
                true,
            );
        }
        Target::Check => {
            if std::fs::write(&snapshot, input).is_err() {
                return outcome.get();
            }
            let source = root
                .join("versions")
                .join("actieprogramma-2014")
                .join("source.txt");
            let _ = std::fs::copy(source, version.join("source.txt"));
            for format in ["text", "json", "github", "markdown", "html"] {
                run(&["check", snapshot_arg, "--format", format], false);
            }
            run(&["check"], true);
        }
    }
    outcome.get()
}
