//! The shipped versions, built into the binary so that an installed
//! policydiff can show and compare them outside the repository.

/// One built-in version: its id, snapshot JSON and source text.
#[derive(Debug)]
pub struct BuiltIn {
    pub id: &'static str,
    pub snapshot: &'static str,
    pub source: &'static str,
}

pub const VERSIONS: &[BuiltIn] = &[];
