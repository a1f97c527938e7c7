//! Sentences about a diff that every rich format says the same way:
//! measure numbers (`12 → 13`), status changes, stale references, entry
//! keys. They return plain text; each format escapes and marks it up.

use crate::diff::{
    ChangeClass, Comparison, EntryChange, GroupChange, MeasureChange, MeasureRef, StaleName,
    StaleReference, StaleTarget, StatusChange, ThemeChange,
};
use crate::snapshot::{Certainty, Status, StatusRecord};

/// What the group-level note adds about case and punctuation: they are
/// forgiven only between a programme and a summary page, typeset apart
/// (two summary pages are compared as written).
pub fn loose_note(comparison: Comparison) -> &'static str {
    if comparison == Comparison::ProgrammeSummary {
        "; case and punctuation alone are not differences"
    } else {
        ""
    }
}

/// `12`, or `7 + 8` for the pieces of a split or merge.
pub fn numbers(refs: &[MeasureRef]) -> String {
    let n: Vec<String> = refs.iter().map(|r| r.number.to_string()).collect();
    n.join(" + ")
}

/// `12`, `12 → 13`, `– → 12` (added), `12 → –` (removed), `7 → 7 + 8`.
pub fn numbers_of(m: &MeasureChange) -> String {
    match (m.old.is_empty(), m.new.is_empty()) {
        (true, _) => format!("– → {}", numbers(&m.new)),
        (_, true) => format!("{} → –", numbers(&m.old)),
        _ if m.old.len() == 1 && m.new.len() == 1 && m.old[0].number == m.new[0].number => {
            m.old[0].number.to_string()
        }
        _ => format!("{} → {}", numbers(&m.old), numbers(&m.new)),
    }
}

/// The title a change is known by: the new one, else the old.
pub fn title(m: &MeasureChange) -> &str {
    m.new
        .first()
        .or(m.old.first())
        .map_or("", |r| r.title.as_str())
}

/// `Moved from theme 1 to theme 3 (Lokaal).`; `section` marks up a section
/// title (escaping it for the format).
pub fn moved(old: &MeasureRef, new: &MeasureRef, section: &dyn Fn(&str) -> String) -> String {
    let place = |r: &MeasureRef| {
        let s = r
            .section
            .as_deref()
            .map(|s| format!(" ({})", section(s)))
            .unwrap_or_default();
        format!("theme {}{s}", r.theme)
    };
    format!("Moved from {} to {}.", place(old), place(new))
}

/// A status in words: `V (versterkt)`, `V (versterkt, deduced)`, or the
/// candidates of an uncertain one. `letter` marks up the letter.
pub fn status(r: &StatusRecord, letter: &dyn Fn(Status) -> String) -> String {
    match r.settled() {
        Some(v) => {
            let deduced = if r.certainty == Certainty::Deduced {
                ", deduced"
            } else {
                ""
            };
            format!("{} ({}{deduced})", letter(v), v.dutch())
        }
        None if r.candidates.is_empty() => "unknown".to_string(),
        None => {
            let c: Vec<String> = r.candidates.iter().map(|s| s.to_string()).collect();
            format!("uncertain ({})", c.join(" or "))
        }
    }
}

/// A status comparison as a sentence: `Status changed from B (bestaand) to
/// V (versterkt): strengthened.`
pub fn status_sentence(s: &StatusChange, letter: &dyn Fn(Status) -> String) -> String {
    let (from, to) = (status(&s.old, letter), status(&s.new, letter));
    match (s.kind.is_change(), s.direction) {
        (true, Some(d)) => format!("Status changed from {from} to {to}: {d}."),
        (true, None) => format!(
            "Status {} from {from} to {to} (one side is uncertain).",
            s.kind.as_str()
        ),
        (false, _) => format!(
            "Status {} from {from} to {to}; not a change.",
            s.kind.as_str()
        ),
    }
}

/// Where a stale reference stands: `21a`.
pub fn stale_place(s: &StaleReference) -> String {
    format!("{}{}", s.measure, s.item.as_deref().unwrap_or(""))
}

/// What became of a stale reference's targets: `measure 30 is now 31; it
/// should say 31`, or for a phrase naming several, `measure 30 is now 31,
/// measure 31 is now 32; it should say 31 and 32`; an item says where it is
/// now (`item 30b is now 31b`, `item 30b is now 30c`, `item 29h is now
/// measure 30` where it was split off as a measure of its own).
pub fn stale_fix(s: &StaleReference) -> String {
    let names: Vec<StaleName> = if s.targets.is_empty() {
        vec![StaleName {
            says: s.says,
            item: None,
            should_say: s.should_say,
            should_say_item: None,
            target: s.target,
        }]
    } else {
        s.targets.clone()
    };
    let what: Vec<String> = names
        .iter()
        .map(|n| {
            // An item says where it is now, whatever became of its measure
            // (renumbered, split, merged).
            match (n.target, n.should_say, n.item.as_deref()) {
                (_, Some(to), Some(item)) => match &n.should_say_item {
                    Some(now) => format!("item {}{item} is now {to}{now}", n.says),
                    None => format!("item {}{item} is now measure {to}", n.says),
                },
                (StaleTarget::Renumbered, Some(to), _) => format!("measure {} is now {to}", n.says),
                (StaleTarget::Merged, Some(to), _) => {
                    format!("measure {} was merged into {to}", n.says)
                }
                (StaleTarget::Split, _, _) => format!("measure {} was split", n.says),
                (StaleTarget::Removed, _, _) => format!("measure {} was removed", n.says),
                (StaleTarget::Renumbered | StaleTarget::Merged, None, _) => {
                    format!("measure {} has no single successor", n.says)
                }
            }
        })
        .collect();
    let should: Option<Vec<String>> = names
        .iter()
        .map(|n| {
            n.should_say
                .map(|to| format!("{to}{}", n.should_say_item.as_deref().unwrap_or("")))
        })
        .collect();
    match should {
        Some(should) => format!(
            "{}; it should say {}",
            what.join(", "),
            crate::check::and_list(&should)
        ),
        None => what.join(", "),
    }
}

/// An entry's key, or `old → new` when it changed.
pub fn entry_key(e: &EntryChange) -> String {
    match (&e.old_key, &e.new_key) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    }
}

/// A theme's number in a report: `2`, or `2 → 3` when it changed.
pub fn theme_number(t: &ThemeChange) -> String {
    match (t.old_number, t.new_number) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) => a.to_string(),
        (None, Some(b)) => b.to_string(),
        (None, None) => t.number.to_string(),
    }
}

/// What happened to a theme's number, in words: `themes 2 and 3 swapped`
/// or `renumbered 2 → 5`; `None` when its number did not change.
pub fn theme_renumbering(t: &ThemeChange) -> Option<String> {
    let (Some(a), Some(b)) = (t.old_number, t.new_number) else {
        return None;
    };
    if a == b {
        return None;
    }
    Some(match t.swapped_with {
        Some(other) => format!("themes {} and {} swapped", a.min(other), a.max(other)),
        None => format!("renumbered {a} → {b}"),
    })
}

/// For a split or merge: `Measure 29 was split into` and the pieces.
pub fn pieces(m: &MeasureChange) -> Option<(String, &[MeasureRef])> {
    if m.has(ChangeClass::Split) {
        Some((
            format!("Measure {} was split into", numbers(&m.old)),
            &m.new,
        ))
    } else if m.has(ChangeClass::Merged) {
        Some((
            format!("Measure {} was merged from", numbers(&m.new)),
            &m.old,
        ))
    } else {
        None
    }
}

/// A group's number, or `old → new` when it changed.
pub fn group_number(g: &GroupChange) -> String {
    match (g.old_number, g.new_number) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) | (None, Some(a)) => a.to_string(),
        (None, None) => String::new(),
    }
}

/// A group's title: the new one, else the old.
pub fn group_title(g: &GroupChange) -> String {
    g.new_title
        .as_ref()
        .or(g.old_title.as_ref())
        .cloned()
        .unwrap_or_default()
}
