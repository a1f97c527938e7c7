//! The B/V/N status of a measure and how sure the snapshot is of it.
//!
//! The 2014 programme's extraction does not say which mark belongs to which
//! measure, so a status is never just a letter: it carries its certainty, the
//! candidates where it is uncertain, and the evidence.

use serde::{Deserialize, Serialize};

/// A status letter of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// (B) bestaande maatregel: an existing measure.
    #[serde(rename = "B")]
    Existing,
    /// (V) versterkte maatregel: a strengthened measure.
    #[serde(rename = "V")]
    Strengthened,
    /// (N) nieuwe maatregel: a new measure.
    #[serde(rename = "N")]
    New,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Existing, Status::Strengthened, Status::New];

    /// The letter users read: `B`, `V` or `N`.
    pub fn letter(self) -> char {
        match self {
            Status::Existing => 'B',
            Status::Strengthened => 'V',
            Status::New => 'N',
        }
    }

    pub fn from_letter(c: char) -> Option<Status> {
        match c {
            'B' => Some(Status::Existing),
            'V' => Some(Status::Strengthened),
            'N' => Some(Status::New),
            _ => None,
        }
    }

    /// The Dutch word the legend uses (`bestaand`, `versterkt`, `nieuw`).
    pub fn dutch(self) -> &'static str {
        match self {
            Status::Existing => "bestaand",
            Status::Strengthened => "versterkt",
            Status::New => "nieuw",
        }
    }

    /// The English word used in reports.
    pub fn word(self) -> &'static str {
        match self {
            Status::Existing => "existing",
            Status::Strengthened => "strengthened",
            Status::New => "new",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// How sure the snapshot is of a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated by the evidence for this very measure.
    Confirmed,
    /// Follows from other evidence by elimination.
    Deduced,
    /// Not settled: `candidates` lists what the evidence allows.
    Uncertain,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Deduced => "deduced",
            Certainty::Uncertain => "uncertain",
        }
    }
}

/// A status with its certainty and evidence.
///
/// Invariants (checked on load): `value` is set unless `certainty` is
/// `uncertain`; `candidates` is set only when it is uncertain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRecord {
    /// The status, or `null` where it is uncertain.
    pub value: Option<Status>,
    pub certainty: Certainty,
    /// The statuses the evidence allows, where it is uncertain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Status>,
    /// The evidence, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl StatusRecord {
    pub fn confirmed(value: Status, note: Option<String>) -> Self {
        StatusRecord {
            value: Some(value),
            certainty: Certainty::Confirmed,
            candidates: Vec::new(),
            note,
        }
    }

    pub fn uncertain(candidates: Vec<Status>, note: Option<String>) -> Self {
        StatusRecord {
            value: None,
            certainty: Certainty::Uncertain,
            candidates,
            note,
        }
    }

    /// The status if it is settled (confirmed or deduced).
    pub fn settled(&self) -> Option<Status> {
        match self.certainty {
            Certainty::Uncertain => None,
            _ => self.value,
        }
    }

    /// Whether the record allows this status.
    pub fn allows(&self, status: Status) -> bool {
        match self.certainty {
            Certainty::Uncertain => self.candidates.contains(&status),
            _ => self.value == Some(status),
        }
    }

    /// Short form for tables: `V`, `V*` (deduced), `V|N?` (uncertain), `?`.
    pub fn short(&self) -> String {
        match (self.certainty, self.value) {
            (Certainty::Confirmed, Some(s)) => s.to_string(),
            (Certainty::Deduced, Some(s)) => format!("{s}*"),
            _ if self.candidates.is_empty() => "?".to_string(),
            _ => {
                let letters: Vec<String> = self.candidates.iter().map(|s| s.to_string()).collect();
                format!("{}?", letters.join("|"))
            }
        }
    }
}
