//! Pairings the user pins or forbids (`--pair`, `--unpair`, `--mapping`), for
//! the cases where no evidence in the text can tell.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Pinned and forbidden pairings, by measure number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `(old, new)`: these two are the same measure, whatever the evidence.
    pub pairs: Vec<(u32, u32)>,
    /// Old measures that must not be paired with anything.
    pub unpairs: Vec<u32>,
}

/// An override that cannot be applied, or a mapping file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum AlignError {
    #[error("cannot read the mapping file `{}`: {source}", path.display())]
    MappingIo {
        path: PathBuf,
        #[source]
        source: crate::load::file::FileError,
    },
    #[error("{}:{line}:{column}: {message}; write it as {{\"pair\": [[OLD, NEW], …], \"unpair\": [OLD, …]}}", path.display())]
    MappingJson {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{origin}: no measure {number} in the old version `{version}`; its measures are {range}"
    )]
    UnknownOld {
        origin: String,
        number: u32,
        version: String,
        range: String,
    },
    #[error(
        "{origin}: no measure {number} in the new version `{version}`; its measures are {range}"
    )]
    UnknownNew {
        origin: String,
        number: u32,
        version: String,
        range: String,
    },
    #[error(
        "{origin}: old measure {number} is pinned twice (to {first} and {second}); keep one `--pair` for it"
    )]
    OldPinnedTwice {
        origin: String,
        number: u32,
        first: u32,
        second: u32,
    },
    #[error(
        "{origin}: new measure {number} is pinned twice (from {first} and {second}); keep one `--pair` for it"
    )]
    NewPinnedTwice {
        origin: String,
        number: u32,
        first: u32,
        second: u32,
    },
    #[error(
        "old measure {number} is both pinned (`--pair {number}={new}`) and unpaired (`--unpair {number}`); drop one of them"
    )]
    PinnedAndUnpaired { number: u32, new: u32 },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    pair: Vec<(u32, u32)>,
    #[serde(default)]
    unpair: Vec<u32>,
}

impl Overrides {
    /// Read a mapping file: `{"pair": [[12, 13]], "unpair": [5]}`.
    pub fn from_file(path: &Path) -> Result<Overrides, AlignError> {
        let bytes =
            crate::load::file::read_bounded(path).map_err(|source| AlignError::MappingIo {
                path: path.to_path_buf(),
                source,
            })?;
        let text = String::from_utf8(bytes).map_err(|_| AlignError::MappingIo {
            path: path.to_path_buf(),
            source: crate::load::file::FileError::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "it is not UTF-8 text",
            )),
        })?;
        Overrides::from_json(&text, path)
    }

    /// Parse mapping JSON; `path` is only for messages.
    pub fn from_json(text: &str, path: &Path) -> Result<Overrides, AlignError> {
        let file: MappingFile = serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            AlignError::MappingJson {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message,
            }
        })?;
        Ok(Overrides {
            pairs: file.pair,
            unpairs: file.unpair,
        })
    }

    /// These overrides followed by `other`'s.
    pub fn extend(&mut self, other: Overrides) {
        self.pairs.extend(other.pairs);
        self.unpairs.extend(other.unpairs);
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.unpairs.is_empty()
    }
}
