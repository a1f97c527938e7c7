//! Everything that can go wrong while finding and reading a snapshot.

use std::path::PathBuf;

/// A snapshot could not be found, read or accepted. Each variant names the
/// file, the place and the fix; the top prints it as one `error: …` line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("no snapshot at `{}`; give a version id (see `policydiff list`) or the path of a snapshot.json", path.display())]
    NotFound { path: PathBuf },

    #[error("{}", unknown_id_message(id, known, suggestion.as_deref(), store))]
    UnknownId {
        id: String,
        known: Vec<String>,
        suggestion: Option<String>,
        store: String,
    },

    #[error("{}:{line}:{column}: invalid JSON: {message}; fix the file or restore it with `git checkout`", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{}:{line}:{column}: {message}; see docs/snapshot-format.md", path.display())]
    Data {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{}: unknown format `{found}`; this policydiff reads `{expected}` (a newer policydiff may read it)", path.display())]
    Format {
        path: PathBuf,
        found: String,
        expected: &'static str,
    },

    #[error("{}:{line}: {json_path}: {message}", path.display())]
    Schema {
        path: PathBuf,
        line: usize,
        json_path: String,
        message: String,
    },

    #[error("cannot read `{}`: {reason}", path.display())]
    File {
        path: PathBuf,
        reason: super::file::FileError,
    },

    #[error("{}: {problem}; {fix}", path.display())]
    Encoding {
        path: PathBuf,
        problem: String,
        fix: String,
    },

    #[error("{}:{line}: source.file: `{file}` {reason}", path.display())]
    Source {
        path: PathBuf,
        line: usize,
        file: String,
        reason: String,
    },

    #[error("cannot read `{name}` from git: {message}; {fix}")]
    Git {
        name: String,
        message: String,
        fix: String,
    },

    #[error("cannot read the version store `{}`: {source}", path.display())]
    Store {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn unknown_id_message(id: &str, known: &[String], suggestion: Option<&str>, store: &str) -> String {
    let mut msg = format!("unknown version `{id}` in {store}");
    if let Some(s) = suggestion {
        msg.push_str(&format!("; did you mean `{s}`?"));
    }
    if known.is_empty() {
        msg.push_str("; the store holds no versions");
    } else {
        let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
        msg.push_str(&format!("; known: {}", list.join(", ")));
    }
    msg
}
