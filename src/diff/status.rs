//! Status differences that respect certainty: a status the old snapshot did
//! not know is not "changed" when the new one settles it.

use crate::snapshot::{Certainty, Status, StatusRecord};
use serde::Serialize;

/// How the status of a paired measure (or item) compares.
///
/// Only [`StatusChangeKind::Changed`] and [`StatusChangeKind::Contradicted`]
/// are changes (class `status`); the others report uncertainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub kind: StatusChangeKind,
    pub old: StatusRecord,
    pub new: StatusRecord,
    /// For changes: the new status's word (`strengthened` for →V, `new` for
    /// →N, `existing` for →B); absent when the new status is uncertain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusChangeKind {
    /// Both settled (confirmed or deduced) and different.
    Changed,
    /// One side uncertain and the other side's status (or candidates) outside
    /// what it allows: certainly changed, though not certainly from or to what.
    Contradicted,
    /// Old uncertain, new settled on one of the old candidates: not a change.
    Settled,
    /// Old settled, new uncertain with the old status among its candidates:
    /// not a change.
    Unsettled,
    /// Both uncertain with different candidates that overlap: not a change.
    Uncertain,
}

impl StatusChangeKind {
    pub fn is_change(self) -> bool {
        matches!(
            self,
            StatusChangeKind::Changed | StatusChangeKind::Contradicted
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StatusChangeKind::Changed => "changed",
            StatusChangeKind::Contradicted => "contradicted",
            StatusChangeKind::Settled => "settled",
            StatusChangeKind::Unsettled => "unsettled",
            StatusChangeKind::Uncertain => "uncertain",
        }
    }
}

/// The statuses a record allows.
fn allowed(r: &StatusRecord) -> Vec<Status> {
    match (r.certainty, r.value) {
        (Certainty::Uncertain, _) => r.candidates.clone(),
        (_, Some(v)) => vec![v],
        (_, None) => Vec::new(),
    }
}

/// Compare two status records; `None` when they say the same (a change of
/// evidence note or of confirmed ↔ deduced alone is not reported).
pub fn compare(old: &StatusRecord, new: &StatusRecord) -> Option<StatusChange> {
    let kind = match (old.settled(), new.settled()) {
        (Some(a), Some(b)) if a == b => return None,
        (Some(_), Some(_)) => StatusChangeKind::Changed,
        (None, Some(b)) if old.allows(b) => StatusChangeKind::Settled,
        (Some(a), None) if new.allows(a) => StatusChangeKind::Unsettled,
        (None, None) => {
            let (a, b) = (allowed(old), allowed(new));
            let mut sa = a.clone();
            let mut sb = b.clone();
            sa.sort();
            sb.sort();
            if sa == sb {
                return None;
            }
            if a.iter().any(|s| b.contains(s)) {
                StatusChangeKind::Uncertain
            } else {
                StatusChangeKind::Contradicted
            }
        }
        _ => StatusChangeKind::Contradicted,
    };
    let direction = if kind.is_change() {
        new.settled().map(Status::word)
    } else {
        None
    };
    Some(StatusChange {
        kind,
        old: old.clone(),
        new: new.clone(),
        direction,
    })
}

/// Compare optional records (items carry a status only sometimes). An item
/// status that is recorded on one side only is reported (`settled` when it
/// appears, `unsettled` when it goes) but is not a change: a missing status
/// means "not recorded" — an importer cannot tell item marks apart — not "no
/// status".
pub fn compare_optional(
    old: Option<&StatusRecord>,
    new: Option<&StatusRecord>,
) -> Option<StatusChange> {
    let unrecorded = StatusRecord::uncertain(Status::ALL.to_vec(), None);
    match (old, new) {
        (None, None) => None,
        (Some(a), Some(b)) => compare(a, b),
        (Some(a), None) => Some(StatusChange {
            kind: StatusChangeKind::Unsettled,
            old: a.clone(),
            new: unrecorded,
            direction: None,
        }),
        (None, Some(b)) => Some(StatusChange {
            kind: StatusChangeKind::Settled,
            old: unrecorded,
            new: b.clone(),
            direction: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled(s: Status) -> StatusRecord {
        StatusRecord::confirmed(s, None)
    }

    #[test]
    fn an_item_status_recorded_on_one_side_only_is_not_a_change() {
        let n = StatusRecord::confirmed(Status::New, None);
        let gone = compare_optional(Some(&n), None).unwrap();
        assert_eq!(gone.kind, StatusChangeKind::Unsettled);
        let came = compare_optional(None, Some(&n)).unwrap();
        assert_eq!(came.kind, StatusChangeKind::Settled);
        assert!(!gone.kind.is_change() && !came.kind.is_change());
    }

    #[test]
    fn existing_to_strengthened_is_a_change_read_as_strengthened() {
        let c = compare(&settled(Status::Existing), &settled(Status::Strengthened)).unwrap();
        assert_eq!(c.kind, StatusChangeKind::Changed);
        assert_eq!(c.direction, Some("strengthened"));
    }

    #[test]
    fn an_uncertain_status_settled_on_a_candidate_is_not_a_change() {
        let old = StatusRecord::uncertain(vec![Status::Strengthened, Status::New], None);
        let c = compare(&old, &settled(Status::Strengthened)).unwrap();
        assert_eq!(c.kind, StatusChangeKind::Settled);
        assert!(!c.kind.is_change());
        assert_eq!(c.direction, None);
        let back = compare(&settled(Status::Strengthened), &old).unwrap();
        assert_eq!(back.kind, StatusChangeKind::Unsettled);
    }

    #[test]
    fn an_uncertain_status_settled_outside_its_candidates_is_contradicted() {
        let old = StatusRecord::uncertain(vec![Status::Strengthened, Status::New], None);
        let c = compare(&old, &settled(Status::Existing)).unwrap();
        assert_eq!(c.kind, StatusChangeKind::Contradicted);
        assert!(c.kind.is_change());
    }

    #[test]
    fn confirmed_and_deduced_of_one_letter_are_the_same_status() {
        let deduced = StatusRecord {
            value: Some(Status::New),
            certainty: Certainty::Deduced,
            candidates: Vec::new(),
            note: None,
        };
        assert_eq!(compare(&settled(Status::New), &deduced), None);
    }
    fn uncertain(candidates: &[Status]) -> StatusRecord {
        StatusRecord::uncertain(candidates.to_vec(), None)
    }

    #[test]
    fn two_uncertain_statuses_with_the_same_candidates_in_another_order_say_the_same() {
        let a = uncertain(&[Status::Strengthened, Status::New]);
        let b = uncertain(&[Status::New, Status::Strengthened]);
        assert_eq!(compare(&a, &b), None);
        assert_eq!(compare(&b, &a), None);
        assert_eq!(compare_optional(Some(&a), Some(&b)), None);
    }

    #[test]
    fn two_uncertain_statuses_that_overlap_are_uncertain_not_a_change() {
        let a = uncertain(&[Status::Strengthened, Status::New]);
        let b = uncertain(&[Status::Existing, Status::New]);
        let c = compare(&a, &b).expect("the candidates differ");
        assert_eq!(c.kind, StatusChangeKind::Uncertain);
        assert!(!c.kind.is_change());
        assert_eq!(c.direction, None);
        assert_eq!((c.old, c.new), (a, b));
    }

    #[test]
    fn two_uncertain_statuses_with_no_candidate_in_common_are_contradicted() {
        let a = uncertain(&[Status::Strengthened, Status::New]);
        let b = uncertain(&[Status::Existing]);
        let c = compare(&a, &b).unwrap();
        assert_eq!(c.kind, StatusChangeKind::Contradicted);
        assert!(c.kind.is_change());
        assert_eq!(c.direction, None, "no settled new status to name");
    }

    #[test]
    fn a_settled_status_made_uncertain_without_it_among_the_candidates_is_contradicted() {
        let c = compare(
            &settled(Status::Existing),
            &uncertain(&[Status::Strengthened, Status::New]),
        )
        .unwrap();
        assert_eq!(c.kind, StatusChangeKind::Contradicted);
        assert_eq!(c.direction, None);
        let back = compare(
            &uncertain(&[Status::Strengthened, Status::New]),
            &settled(Status::Existing),
        )
        .unwrap();
        assert_eq!(
            (back.kind, back.direction),
            (StatusChangeKind::Contradicted, Some("existing"))
        );
    }

    #[test]
    fn an_item_status_on_both_sides_is_compared_as_a_measure_status_is() {
        let c = compare_optional(
            Some(&settled(Status::New)),
            Some(&settled(Status::Strengthened)),
        )
        .unwrap();
        assert_eq!(
            (c.kind, c.direction),
            (StatusChangeKind::Changed, Some("strengthened"))
        );
        assert_eq!(compare_optional(None, None), None);
        // Recorded on one side only: the missing side allows every status.
        let came = compare_optional(None, Some(&settled(Status::New))).unwrap();
        assert_eq!(came.old.candidates, Status::ALL.to_vec());
        assert_eq!(came.new, settled(Status::New));
        let gone = compare_optional(Some(&settled(Status::New)), None).unwrap();
        assert_eq!(gone.old, settled(Status::New));
        assert_eq!(gone.new.candidates, Status::ALL.to_vec());
    }

    #[test]
    fn each_kind_reads_as_its_json_word() {
        for kind in [
            StatusChangeKind::Changed,
            StatusChangeKind::Contradicted,
            StatusChangeKind::Settled,
            StatusChangeKind::Unsettled,
            StatusChangeKind::Uncertain,
        ] {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
