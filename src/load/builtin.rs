//! The shipped versions, built into the binary so that an installed
//! policydiff can show and compare them outside the repository.
//!
//! The files under `versions/` stay the source of truth; these are copies made
//! at build time.

/// One built-in version: its id, snapshot JSON and source text.
#[derive(Debug)]
pub struct BuiltIn {
    pub id: &'static str,
    pub snapshot: &'static str,
    pub source: &'static str,
}

macro_rules! builtin {
    ($id:literal) => {
        BuiltIn {
            id: $id,
            snapshot: include_str!(concat!("../../versions/", $id, "/snapshot.json")),
            source: include_str!(concat!("../../versions/", $id, "/source.txt")),
        }
    };
}

pub const VERSIONS: &[BuiltIn] = &[
    builtin!("actieprogramma-2014"),
    builtin!("samenvatting-2014"),
];
