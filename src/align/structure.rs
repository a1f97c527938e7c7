//! Aligning the programme's structure: which old theme is which new theme,
//! and which section of it is which section. Numbers and titles change (two
//! themes trade places, a section is renamed), so themes and sections are
//! paired by content — heading, aims and, above all, the measures they hold
//! (through the measure alignment) — and a measure is `moved` only when it
//! went somewhere other than its old place's counterpart.

use super::Alignment;
use super::profile::word_dice;
use crate::snapshot::{Measure, Snapshot, Theme};

/// Least score for two themes (or two sections) to be paired.
pub const MIN_PLACE_SCORE: f64 = 0.3;

/// How much the measures a place holds count against its words, when
/// either side holds measures.
const MEMBERSHIP_SHARE: f64 = 0.6;

/// Added when the numbers (or titles) are the same: settles near ties only.
const SAME_KEY_BONUS: f64 = 0.02;

/// Old themes and sections paired with new ones. Indices point into the
/// snapshots' `themes` and each theme's `sections`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// For each old theme, its new counterpart.
    pub themes: Vec<Option<usize>>,
    /// For each old theme, for each of its sections, the counterpart section
    /// in the counterpart theme.
    pub sections: Vec<Vec<Option<usize>>>,
}

/// A place to be paired: its words and the measures it holds.
struct Place {
    text: String,
    number_key: String,
    /// Indices of the measures it holds (old ones for an old place).
    members: Vec<usize>,
}

/// Pair `old` places with `new` ones, best scores first. `home` gives, for
/// an old measure, the new place its successor stands in.
fn pair_places(
    old: &[Place],
    new: &[Place],
    home: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Option<usize>> {
    let mut shared = vec![vec![0usize; new.len()]; old.len()];
    for (i, p) in old.iter().enumerate() {
        for &m in &p.members {
            if let Some(row) = home(m).and_then(|j| shared[i].get_mut(j)) {
                *row += 1;
            }
        }
    }
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in old.iter().enumerate() {
        for (j, b) in new.iter().enumerate() {
            let text = if a.text.trim().is_empty() && b.text.trim().is_empty() {
                0.0
            } else {
                word_dice(&a.text, &b.text)
            };
            let held = a.members.len() + b.members.len();
            let score = if held == 0 {
                text
            } else {
                let membership = 2.0 * shared[i][j] as f64 / held as f64;
                MEMBERSHIP_SHARE * membership + (1.0 - MEMBERSHIP_SHARE) * text
            };
            if score >= MIN_PLACE_SCORE {
                let bonus = if a.number_key == b.number_key {
                    SAME_KEY_BONUS
                } else {
                    0.0
                };
                edges.push((score + bonus, i, j));
            }
        }
    }
    edges.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then((a.1 + a.2).cmp(&(b.1 + b.2)))
            .then(a.1.cmp(&b.1))
    });
    let mut out = vec![None; old.len()];
    let mut taken = vec![false; new.len()];
    for (_, i, j) in edges {
        if out[i].is_none() && !taken[j] {
            out[i] = Some(j);
            taken[j] = true;
        }
    }
    out
}

fn theme_text(t: &Theme) -> String {
    let mut parts: Vec<&str> = vec![&t.title];
    parts.extend(t.aims.iter().map(String::as_str));
    parts.join(" ")
}

/// The first theme with this number (numbers are unique in a valid
/// snapshot; a broken one must not panic).
fn theme_index(themes: &[Theme], number: u32) -> Option<usize> {
    themes.iter().position(|t| t.number == number)
}

fn section_index(theme: &Theme, title: Option<&str>) -> Option<usize> {
    let title = title?;
    theme.sections.iter().position(|s| s.title == title)
}

/// Pair the themes and sections of `old` and `new`, given the measure
/// alignment.
pub fn align_structure(old: &Snapshot, new: &Snapshot, alignment: &Alignment) -> Structure {
    let successors = alignment.successors(old.measures.len());
    let successor = |m: usize| -> Option<&Measure> {
        successors
            .get(m)
            .copied()
            .flatten()
            .and_then(|n| new.measures.get(n))
    };
    let members = |s: &Snapshot, number: u32, section: Option<&str>| -> Vec<usize> {
        s.measures
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.theme == number && section.is_none_or(|t| m.section.as_deref() == Some(t))
            })
            .map(|(i, _)| i)
            .collect()
    };
    let theme_places = |s: &Snapshot| -> Vec<Place> {
        s.themes
            .iter()
            .map(|t| Place {
                text: theme_text(t),
                number_key: t.number.to_string(),
                members: members(s, t.number, None),
            })
            .collect()
    };
    let themes = pair_places(&theme_places(old), &theme_places(new), &|m| {
        successor(m).and_then(|n| theme_index(&new.themes, n.theme))
    });
    let mut sections = Vec::with_capacity(old.themes.len());
    for (i, a) in old.themes.iter().enumerate() {
        let Some(b) = themes[i].and_then(|j| new.themes.get(j)) else {
            sections.push(vec![None; a.sections.len()]);
            continue;
        };
        let places = |s: &Snapshot, t: &Theme| -> Vec<Place> {
            t.sections
                .iter()
                .map(|x| {
                    let mut text = x.title.clone();
                    for aim in &x.aims {
                        text.push(' ');
                        text.push_str(aim);
                    }
                    Place {
                        text,
                        number_key: x.title.clone(),
                        members: members(s, t.number, Some(&x.title)),
                    }
                })
                .collect()
        };
        sections.push(pair_places(&places(old, a), &places(new, b), &|m| {
            successor(m)
                .filter(|n| n.theme == b.number)
                .and_then(|n| section_index(b, n.section.as_deref()))
        }));
    }
    Structure { themes, sections }
}

impl Structure {
    /// Whether a measure that stood at `old_place` (theme number, section)
    /// in `old` and stands at `new_place` in `new` went somewhere else than
    /// its old place's counterpart. A place with no counterpart (or not
    /// listed among the themes) is compared by number and title.
    pub fn moved(
        &self,
        old: &Snapshot,
        new: &Snapshot,
        old_place: (u32, Option<&str>),
        new_place: (u32, Option<&str>),
    ) -> bool {
        let plain = old_place != new_place;
        let Some(ti) = theme_index(&old.themes, old_place.0) else {
            return plain;
        };
        let Some(theme) = self
            .themes
            .get(ti)
            .copied()
            .flatten()
            .and_then(|j| new.themes.get(j))
        else {
            return plain;
        };
        if theme.number != new_place.0 {
            return true;
        }
        match (old_place.1, new_place.1) {
            (None, None) => false,
            (Some(a), b) => {
                let section = old
                    .themes
                    .get(ti)
                    .and_then(|t| section_index(t, Some(a)))
                    .and_then(|si| self.sections.get(ti)?.get(si).copied().flatten())
                    .and_then(|sj| theme.sections.get(sj));
                match section {
                    Some(s) => Some(s.title.as_str()) != b,
                    None => Some(a) != b,
                }
            }
            (None, Some(_)) => true,
        }
    }
}
