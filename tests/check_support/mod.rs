//! Helpers for the `check` tests: a version store in a temporary folder made
//! from the shipped versions, with the snapshots (and source texts) edited
//! the way a test needs, and the report `check` gives on it.
#![allow(dead_code)]

use policydiff::check::{self, Finding, Report};
use policydiff::load::{Store, parse_unvalidated};
use policydiff::snapshot::Snapshot;
use std::path::{Path, PathBuf};

pub const PROGRAMME: &str = "actieprogramma-2014";
pub const SUMMARY: &str = "samenvatting-2014";

pub fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("versions")
}

/// A shipped snapshot, parsed without the schema rules so that a test can
/// break them.
pub fn shipped(id: &str) -> Snapshot {
    let path = shipped_dir().join(id).join("snapshot.json");
    let text = std::fs::read_to_string(&path).unwrap();
    parse_unvalidated(&text, &path).unwrap()
}

/// A copy of the shipped store in a temporary folder.
#[derive(Debug)]
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// The shipped versions, unchanged.
    pub fn shipped() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        for id in [PROGRAMME, SUMMARY] {
            let to = dir.path().join(id);
            std::fs::create_dir_all(&to).unwrap();
            for file in ["snapshot.json", "source.txt"] {
                std::fs::copy(shipped_dir().join(id).join(file), to.join(file)).unwrap();
            }
        }
        Fixture { dir }
    }

    /// The shipped versions with the snapshot `id` edited by `edit`.
    pub fn with(id: &str, edit: impl FnOnce(&mut Snapshot)) -> Fixture {
        let f = Fixture::shipped();
        f.edit(id, edit);
        f
    }

    pub fn store(&self) -> Store {
        Store::Dir(self.dir.path().to_path_buf())
    }

    pub fn snapshot_path(&self, id: &str) -> PathBuf {
        self.dir.path().join(id).join("snapshot.json")
    }

    pub fn source_path(&self, id: &str) -> PathBuf {
        self.dir.path().join(id).join("source.txt")
    }

    /// Edit a snapshot through the model; it is written back in the on-disk
    /// form (`Snapshot::to_json`), so that lines stay where they were.
    pub fn edit(&self, id: &str, edit: impl FnOnce(&mut Snapshot)) {
        let path = self.snapshot_path(id);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut snapshot = parse_unvalidated(&text, &path).unwrap();
        edit(&mut snapshot);
        std::fs::write(&path, snapshot.to_json()).unwrap();
    }

    /// Edit the source text one line at a time (1-based line numbers); the
    /// number of lines must stay the same so that every `lines` still holds.
    pub fn edit_source(&self, id: &str, edit: impl Fn(usize, &str) -> String) {
        let path = self.source_path(id);
        let text = std::fs::read_to_string(&path).unwrap();
        let edited: Vec<String> = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| edit(i + 1, l))
            .collect();
        std::fs::write(&path, edited.join("\n")).unwrap();
    }

    /// The text of a snapshot file as it is now.
    pub fn text(&self, id: &str) -> String {
        std::fs::read_to_string(self.snapshot_path(id)).unwrap()
    }

    /// `check` on every version of the store, as `policydiff check` runs it.
    pub fn report(&self) -> Report {
        let store = self.store();
        let versions: Vec<_> = store
            .ids()
            .unwrap()
            .iter()
            .map(|id| store.load_unvalidated(id).unwrap())
            .collect();
        check::check(&versions, &[])
    }

    /// The line of the snapshot file a finding points at.
    pub fn line_of(&self, finding: &Finding) -> String {
        let text = std::fs::read_to_string(&finding.file).unwrap();
        text.lines()
            .nth(finding.line - 1)
            .unwrap_or_default()
            .trim()
            .to_string()
    }
}

/// The findings of `rule`, as `(json_path, version)` pairs, for asserting
/// where a rule fires.
pub fn places(report: &Report, rule: &str) -> Vec<(String, String)> {
    report
        .with_rule(rule)
        .iter()
        .map(|f| (f.json_path.clone(), f.version.clone()))
        .collect()
}

/// The one finding of `rule`, or a panic that lists what there is.
pub fn only<'a>(report: &'a Report, rule: &str) -> &'a Finding {
    let found = report.with_rule(rule);
    assert_eq!(
        found.len(),
        1,
        "expected one `{rule}` finding, got {found:#?}"
    );
    found[0]
}

/// Replace the temporary folder in rendered output, so that snapshots do not
/// depend on it.
pub fn redact(text: &str, fixture: &Fixture) -> String {
    text.replace(&fixture.dir.path().display().to_string(), "[store]")
}
