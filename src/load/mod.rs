//! Finding, reading and validating snapshots: the first stage of every
//! command.
//!
//! A version is named by id (looked up in the version store) or by the path of
//! a snapshot file. The store is `--versions DIR`, else `$POLICYDIFF_VERSIONS`,
//! else `./versions` when it exists, else the versions built into the binary,
//! so that an installed policydiff works outside the repository.

mod builtin;
mod error;
pub mod file;
pub mod git;
mod locate;
pub mod validate;

pub use error::LoadError;
pub use locate::JsonPath;

use crate::snapshot::{FORMAT, Snapshot};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name of a snapshot inside its version folder.
pub const SNAPSHOT_FILE: &str = "snapshot.json";

/// A loaded snapshot with what later stages need to point back at it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub snapshot: Snapshot,
    /// The path to show in messages (for built-in versions,
    /// `<built-in>/ID/snapshot.json`).
    pub path: PathBuf,
    /// The file's text, for locating JSON paths.
    pub text: String,
    /// The source text the snapshot was made from, if it is beside it.
    pub source_text: Option<String>,
    /// The path of that source text, for messages.
    pub source_path: Option<PathBuf>,
}

impl Loaded {
    /// The 1-based line of a JSON path in the snapshot file.
    pub fn line_of(&self, path: &JsonPath) -> usize {
        path.line_in(&self.text)
    }
}

/// Where versions are looked up by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    Dir(PathBuf),
    BuiltIn,
}

impl Store {
    /// The store to use: an explicit directory (from `--versions` or
    /// `$POLICYDIFF_VERSIONS`), else `./versions` if it exists, else the
    /// built-in versions.
    pub fn locate(explicit: Option<&Path>) -> Store {
        match explicit {
            Some(dir) => Store::Dir(dir.to_path_buf()),
            None if Path::new("versions").is_dir() => Store::Dir(PathBuf::from("versions")),
            None => Store::BuiltIn,
        }
    }

    /// How to name the store in messages.
    pub fn describe(&self) -> String {
        match self {
            Store::Dir(d) => format!("`{}`", d.display()),
            Store::BuiltIn => "the built-in versions".to_string(),
        }
    }

    /// The ids of all versions in the store, sorted.
    pub fn ids(&self) -> Result<Vec<String>, LoadError> {
        match self {
            Store::BuiltIn => Ok(builtin::VERSIONS.iter().map(|v| v.id.to_string()).collect()),
            Store::Dir(dir) => {
                let entries = std::fs::read_dir(dir).map_err(|source| LoadError::Store {
                    path: dir.clone(),
                    source,
                })?;
                let mut ids = Vec::new();
                for entry in entries {
                    let entry = entry.map_err(|source| LoadError::Store {
                        path: dir.clone(),
                        source,
                    })?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    // Dot-folders are never versions: among them are the
                    // temporaries of an import that was killed mid-write.
                    if !name.starts_with('.') && entry.path().join(SNAPSHOT_FILE).is_file() {
                        ids.push(name);
                    }
                }
                ids.sort();
                Ok(ids)
            }
        }
    }

    /// Temporaries left in the store by a write that was killed (an import
    /// or `-o` into the store): never read as versions, named so that they
    /// can be removed.
    pub fn stale_temporaries(&self) -> Vec<PathBuf> {
        let Store::Dir(dir) = self else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut stale: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(crate::output::TEMP_PREFIX)
            })
            .map(|e| e.path())
            .collect();
        stale.sort();
        stale
    }

    /// Load a version named by id, or by path when `name` looks like one
    /// (contains a path separator, ends in `.json`, or names an existing file).
    pub fn load(&self, name: &str) -> Result<Loaded, LoadError> {
        self.load_as(name, Rules::Enforce)
    }

    /// Load a version without the schema rules, for `check`, which reports
    /// broken rules as findings rather than refusing the file.
    pub fn load_unvalidated(&self, name: &str) -> Result<Loaded, LoadError> {
        self.load_as(name, Rules::Report)
    }

    fn load_as(&self, name: &str, rules: Rules) -> Result<Loaded, LoadError> {
        if name == "-" {
            return load_stdin(rules);
        }
        // A version folder stands for its snapshot.json.
        let folder = Path::new(name);
        if folder.is_dir() {
            return load_path_as(&folder.join(SNAPSHOT_FILE), rules);
        }
        // `REV:path`, unless a file of that name exists (ids hold no colon).
        if let Some(rp) = git::rev_path(name) {
            if !folder.exists() {
                return load_git(rp, rules);
            }
        }
        let looks_like_path = name.contains('/')
            || name.contains(std::path::MAIN_SEPARATOR)
            || name.ends_with(".json")
            || Path::new(name).is_file();
        if looks_like_path {
            return load_path_as(Path::new(name), rules);
        }
        if let Store::Dir(dir) = self {
            let path = dir.join(name).join(SNAPSHOT_FILE);
            if path.is_file() {
                return load_path_as(&path, rules);
            }
        }
        // The shipped versions stay reachable by id from any store.
        if let Some(v) = builtin::VERSIONS.iter().find(|v| v.id == name) {
            let path = PathBuf::from(format!("<built-in>/{}/{SNAPSHOT_FILE}", v.id));
            let snapshot = rules.parse(v.snapshot, &path)?;
            return Ok(Loaded {
                snapshot,
                path,
                text: v.snapshot.to_string(),
                source_text: Some(v.source.to_string()),
                source_path: Some(PathBuf::from(format!("<built-in>/{}/source.txt", v.id))),
            });
        }
        let known = self.all_ids()?;
        let suggestion = closest(name, &known);
        Err(LoadError::UnknownId {
            id: name.to_string(),
            known,
            suggestion,
            store: self.describe(),
        })
    }

    /// Every id that can be named: the store's own, then the built-in
    /// versions it does not shadow.
    pub fn all_ids(&self) -> Result<Vec<String>, LoadError> {
        let mut ids = self.ids()?;
        for v in builtin::VERSIONS {
            if !ids.iter().any(|id| id == v.id) {
                ids.push(v.id.to_string());
            }
        }
        Ok(ids)
    }
}

/// The known id closest to `name`, if any is close enough to be a typo.
fn closest(name: &str, known: &[String]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(name, k), k))
        .filter(|(score, k)| *score >= 0.5 || k.starts_with(name) || k.contains(name))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.clone())
}

/// `-`: one snapshot from standard input, read once per process (`diff - -`
/// has nothing to give the second `-`).
fn load_stdin(rules: Rules) -> Result<Loaded, LoadError> {
    use std::io::Read;
    use std::sync::atomic::{AtomicBool, Ordering};
    static TAKEN: AtomicBool = AtomicBool::new(false);
    let path = PathBuf::from("<stdin>");
    if TAKEN.swap(true, Ordering::SeqCst) {
        return Err(LoadError::Data {
            path,
            line: 1,
            column: 1,
            message: "standard input was read already; give `-` once and name the other version by id or path".to_string(),
        });
    }
    let mut bytes = Vec::new();
    let limit = file::max_file_bytes();
    std::io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::File {
            path: path.clone(),
            reason: file::FileError::Io(e),
        })?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::File {
            path,
            reason: file::FileError::TooLarge {
                size: bytes.len() as u64,
                limit,
            },
        });
    }
    let text = decode(bytes, &path)?;
    let snapshot = rules.parse(&text, &path)?;
    Ok(Loaded {
        snapshot,
        path,
        text,
        source_text: None,
        source_path: None,
    })
}

/// `REV:path`: a snapshot as a commit of the repository has it, with the
/// source text it names from the same commit.
fn load_git(rp: git::RevPath<'_>, rules: Rules) -> Result<Loaded, LoadError> {
    let (bytes, commit, path) = git::read(rp)?;
    let shown = PathBuf::from(rp.name());
    let text = decode(bytes, &shown)?;
    let snapshot = rules.parse(&text, &shown)?;
    let (source_path, source_text) = match &snapshot.source {
        None => (None, None),
        Some(s) => {
            // The same containment rule as on disk: a plain relative path.
            if let Err(reason) = file::plain_relative(&s.file) {
                return Err(LoadError::Source {
                    path: shown,
                    line: JsonPath::root().key("source").key("file").line_in(&text),
                    file: s.file.clone(),
                    reason: reason.to_string(),
                });
            }
            (
                Some(PathBuf::from(format!("{}:{}", rp.rev, s.file))),
                git::source_text(&commit, &path, &s.file),
            )
        }
    };
    Ok(Loaded {
        snapshot,
        path: shown,
        text,
        source_text,
        source_path,
    })
}

/// Read and parse the snapshot file at `path`, with its source text if the
/// snapshot names one beside it.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_as(path, Rules::Enforce)
}

/// Whether loading refuses a snapshot that breaks the schema rules
/// (`Enforce`, every command but `check`) or leaves them to be reported
/// (`Report`, for `check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rules {
    Enforce,
    Report,
}

impl Rules {
    fn parse(self, text: &str, path: &Path) -> Result<Snapshot, LoadError> {
        match self {
            Rules::Enforce => parse(text, path),
            Rules::Report => parse_unvalidated(text, path),
        }
    }
}

fn load_path_as(path: &Path, rules: Rules) -> Result<Loaded, LoadError> {
    let bytes = match file::read_bounded(path) {
        Ok(b) => b,
        Err(file::FileError::NotFound) => {
            return Err(LoadError::NotFound {
                path: path.to_path_buf(),
            });
        }
        Err(reason) => {
            return Err(LoadError::File {
                path: path.to_path_buf(),
                reason,
            });
        }
    };
    let text = decode(bytes, path)?;
    let snapshot = rules.parse(&text, path)?;
    let (source_path, source_text) = match &snapshot.source {
        None => (None, None),
        Some(s) => {
            let folder = path.parent().unwrap_or(Path::new("."));
            let shown = folder.join(&s.file);
            let place = |reason: String| LoadError::Source {
                path: path.to_path_buf(),
                line: JsonPath::root().key("source").key("file").line_in(&text),
                file: s.file.clone(),
                reason,
            };
            match file::source_path(folder, &s.file) {
                Err(reason) => return Err(place(reason.to_string())),
                Ok(None) => (Some(shown), None),
                Ok(Some(real)) => match file::read_bounded(&real) {
                    Ok(bytes) => (Some(shown), String::from_utf8(bytes).ok()),
                    Err(file::FileError::NotFound) => (Some(shown), None),
                    Err(reason) => return Err(place(reason.to_string())),
                },
            }
        }
    };
    Ok(Loaded {
        snapshot,
        path: path.to_path_buf(),
        text,
        source_text,
        source_path,
    })
}

/// Snapshot bytes as text: UTF-8, with a leading byte-order mark dropped
/// (editors on Windows write one); anything else is refused with the fix.
fn decode(mut bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 2
            && bytes[..2].contains(&0)
            && bytes.iter().take(64).filter(|&&b| b == 0).count() >= 8);
    if utf16 {
        return Err(LoadError::Encoding {
            path: path.to_path_buf(),
            problem: "the file is UTF-16 text, not UTF-8".to_string(),
            fix: format!(
                "convert it with `iconv -f utf-16 -t utf-8 {0} > {0}.utf8`",
                path.display()
            ),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let good = &e.as_bytes()[..offset];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        LoadError::Encoding {
            path: path.to_path_buf(),
            problem: format!("the byte at line {line}, column {column} (offset {offset}) is not UTF-8"),
            fix: format!("snapshots are UTF-8; convert it, e.g. with `iconv -f latin1 -t utf-8 {0} > {0}.utf8`", path.display()),
        }
    })
}

/// Parse and validate snapshot JSON; `path` is only for messages.
pub fn parse(text: &str, path: &Path) -> Result<Snapshot, LoadError> {
    let snapshot = parse_unvalidated(text, path)?;
    if let Some(problem) = validate::problems(&snapshot).into_iter().next() {
        return Err(LoadError::Schema {
            path: path.to_path_buf(),
            line: problem.path.line_in(text),
            json_path: problem.path.to_string(),
            message: problem.message,
        });
    }
    Ok(snapshot)
}

/// Parse snapshot JSON without the schema rules, for `check`, which reports
/// every broken rule rather than the first.
pub fn parse_unvalidated(text: &str, path: &Path) -> Result<Snapshot, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Data {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "the file is empty; a snapshot is a JSON object (`{ \"format\": …, … }`)"
                .to_string(),
        });
    }
    // Parse once; only when that fails, look at `format` to say why (a file
    // of another format fails for reasons its format explains).
    let full_error = match serde_json::from_str::<Snapshot>(text) {
        Ok(snapshot) if snapshot.format == FORMAT => return Ok(snapshot),
        Ok(snapshot) => {
            return Err(LoadError::Format {
                path: path.to_path_buf(),
                found: snapshot.format,
                expected: FORMAT,
            });
        }
        Err(e) => e,
    };
    #[derive(Deserialize)]
    struct Head<'a> {
        #[serde(borrow)]
        format: Option<&'a serde_json::value::RawValue>,
    }
    let Ok(head) = serde_json::from_str::<Head<'_>>(text) else {
        let not_an_object = full_error.classify() == serde_json::error::Category::Data
            && !text.trim_start().starts_with('{');
        if not_an_object {
            // `[]`, `"text"`, `3`: valid JSON, but not an object.
            return Err(LoadError::Data {
                path: path.to_path_buf(),
                line: full_error.line(),
                column: full_error.column(),
                message: "a snapshot is a JSON object (`{ \"format\": …, … }`)".to_string(),
            });
        }
        // Broken JSON, or a repeated `format`: the full parse says which.
        return Err(json_error(full_error, path));
    };
    match head.format.map(|raw| raw.get()) {
        Some(raw) => {
            let found = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string());
            if found != FORMAT {
                return Err(LoadError::Format {
                    path: path.to_path_buf(),
                    found,
                    expected: FORMAT,
                });
            }
            Err(json_error(full_error, path))
        }
        None => Err(LoadError::Schema {
            path: path.to_path_buf(),
            line: 1,
            json_path: "format".to_string(),
            message: format!("missing `format`; add `\"format\": \"{FORMAT}\"` at the top"),
        }),
    }
}

fn json_error(e: serde_json::Error, path: &Path) -> LoadError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    // serde_json appends " at line L column C"; the location is given up front.
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    match e.classify() {
        Category::Data => LoadError::Data {
            path: path.to_path_buf(),
            line,
            column,
            message: describe_data_error(&message),
        },
        Category::Io | Category::Syntax | Category::Eof => LoadError::Json {
            path: path.to_path_buf(),
            line,
            column,
            message,
        },
    }
}

/// Say data errors in the words of the format.
fn describe_data_error(message: &str) -> String {
    if message.starts_with("unknown variant") && message.contains("`B`, `V`, `N`") {
        let found = message.split('`').nth(1).unwrap_or("?");
        return format!("unknown status `{found}`; the legend has `B`, `V` and `N`");
    }
    message.to_string()
}
