//! `import --base VERSION`: what the store already knows, carried into a
//! draft where its own text is silent. The draft is aligned with the base by
//! the same alignment `diff` uses; then, for each paired measure:
//!
//! - a status the text leaves open (uncertain) becomes the base's status,
//!   `deduced`, when the base has it settled and the text's candidates allow
//!   it — with a note naming the base and its measure;
//! - an item status the text does not record is taken from the base's item
//!   with the same text, `deduced` likewise.
//!
//! and for the version: its title and publishers where the text gives none,
//! and theme aims where a theme of the same number and title has none. What
//! the new text says is never overwritten, and nothing is carried without a
//! note saying so. The date is not carried: it is the new version's own.

use crate::align::{Overrides, align};
use crate::snapshot::{Certainty, Item, Snapshot, StatusRecord};
use crate::wording::{count, noun};

/// What [`carry_forward`] changed, for the summary the command prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    /// Measure statuses deduced from the base.
    pub statuses: usize,
    /// Item statuses deduced from the base.
    pub item_statuses: usize,
    /// Uncertain statuses the base could not settle (not settled there, or
    /// outside the text's candidates).
    pub left_uncertain: usize,
    /// Version fields taken over: `title`, `publishers`, `aims of theme 2` …
    pub fields: Vec<String>,
}

/// Carry into `draft` what `base` knows and the draft's text does not say.
pub fn carry_forward(draft: &mut Snapshot, base: &Snapshot) -> Carried {
    let mut carried = Carried::default();
    if let Ok(alignment) = align(base, draft, &Overrides::default()) {
        for pair in &alignment.pairs {
            let (Some(old), Some(new)) = (
                base.measures.get(pair.old),
                draft.measures.get_mut(pair.new),
            ) else {
                continue;
            };
            if new.status.certainty == Certainty::Uncertain {
                match old.status.settled() {
                    Some(v)
                        if new.status.candidates.is_empty()
                            || new.status.candidates.contains(&v) =>
                    {
                        new.status = StatusRecord {
                            value: Some(v),
                            certainty: Certainty::Deduced,
                            candidates: Vec::new(),
                            note: Some(format!(
                                "deduced from `{}` (measure {}), where it is {v}; the text leaves it open",
                                base.id, old.number
                            )),
                        };
                        carried.statuses += 1;
                    }
                    _ => carried.left_uncertain += 1,
                }
            }
            carried.item_statuses += carry_items(&mut new.items, &old.items, &base.id, old.number);
        }
    }
    if draft.title.is_empty() && !base.title.is_empty() {
        draft.title = base.title.clone();
        carried.fields.push("title".to_string());
    }
    if draft.publishers.is_empty() && !base.publishers.is_empty() {
        draft.publishers = base.publishers.clone();
        carried.fields.push("publishers".to_string());
    }
    for theme in &mut draft.themes {
        let same = base
            .themes
            .iter()
            .find(|t| t.number == theme.number && t.title == theme.title);
        if let Some(t) = same {
            if theme.aims.is_empty() && !t.aims.is_empty() {
                theme.aims = t.aims.clone();
                carried
                    .fields
                    .push(format!("aims of theme {}", theme.number));
            }
        }
    }
    if !carried.fields.is_empty() {
        draft.notes.push(format!(
            "Carried from `{}` because the text gives none: {}.",
            base.id,
            carried.fields.join(", ")
        ));
    }
    carried
}

/// Item statuses the draft does not record, from the base's item of the
/// same text (at any depth).
fn carry_items(new: &mut [Item], old: &[Item], base: &str, measure: u32) -> usize {
    let mut n = 0;
    for item in new {
        if let Some(o) = old
            .iter()
            .find(|o| crate::align::normalized_eq(&o.text, &item.text))
        {
            if item.status.is_none() {
                if let Some(v) = o.status.as_ref().and_then(StatusRecord::settled) {
                    item.status = Some(StatusRecord {
                        value: Some(v),
                        certainty: Certainty::Deduced,
                        candidates: Vec::new(),
                        note: Some(format!(
                            "deduced from `{base}` (measure {measure}, item {}), where it is {v}; the text leaves it open",
                            o.label
                        )),
                    });
                    n += 1;
                }
            }
            n += carry_items(&mut item.items, &o.items, base, measure);
        }
    }
    n
}

/// Signs that the text is a part of the programme, not all of it: far fewer
/// measures than the base, no glossary where the base has one, text that
/// stops mid-sentence.
pub fn partial_text(draft: &Snapshot, base: &Snapshot) -> Vec<super::Warning> {
    let mut out = Vec::new();
    let mut warn = |message: String| {
        out.push(super::Warning {
            lines: None,
            message,
        })
    };
    let (n, b) = (draft.measures.len(), base.measures.len());
    if b > 0 && n * 4 < b * 3 {
        warn(format!(
            "{n} measures, where `{}` has {b}: is the text complete? (numbering stops at {})",
            base.id,
            draft.measures.last().map_or(0, |m| m.number)
        ));
    }
    if base.glossary.is_some() && draft.glossary.is_none() {
        warn(format!(
            "no glossary, where `{}` has one: is the end of the text missing?",
            base.id
        ));
    }
    out
}

/// What is left to do before the draft can be committed, in words.
pub fn to_do(draft: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    let uncertain: Vec<u32> = draft
        .measures
        .iter()
        .filter(|m| m.status.certainty == Certainty::Uncertain)
        .map(|m| m.number)
        .collect();
    if let Some(first) = uncertain.first() {
        let index = draft
            .measures
            .iter()
            .position(|m| m.number == *first)
            .unwrap_or(0);
        out.push(format!(
            "{} uncertain ({} {}); settle one by writing the evidence into `measures[{index}].status`, e.g. {{\"value\": \"V\", \"certainty\": \"confirmed\", \"note\": \"label in the published text\"}}",
            count(uncertain.len(), "status is", "statuses are"),
            noun(uncertain.len(), "measure", "measures"),
            uncertain
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if draft.title.is_empty() {
        out.push("no title: give `--title` or fill in `title`".to_string());
    }
    if draft.date.is_none() {
        out.push(
            "no date: give `--date YYYY-MM-DD` or fill in `date` (history orders versions by it)"
                .to_string(),
        );
    }
    if !draft.unplaced.is_empty() {
        out.push(format!(
            "{} not placed: see `unplaced` and move each where it belongs",
            count(
                draft.unplaced.len(),
                "piece of text was",
                "pieces of text were"
            )
        ));
    }
    out
}

/// A text cut off: the last thing it says (the last glossary definition, or
/// else the last measure's last words) ends without sentence punctuation.
pub fn cut_off(draft: &Snapshot) -> Option<super::Warning> {
    let last_measure_text = draft.measures.last().map(|m| {
        m.items
            .last()
            .map(|i| i.items.last().map_or(i.text.as_str(), |s| s.text.as_str()))
            .or(m.body.as_deref())
            .unwrap_or(m.title.as_str())
    });
    let last = draft
        .glossary
        .as_ref()
        .and_then(|g| g.entries.last())
        .map(|e| e.definition.as_str())
        .or(last_measure_text)?;
    let end = last.trim_end();
    let finished = end.ends_with(['.', '!', '?', ')', '”', '"', ';', ':']);
    (!finished).then(|| super::Warning {
        lines: None,
        message: format!(
            "the text ends mid-sentence (“…{}”): is the end of the document missing?",
            end.chars()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<String>()
        ),
    })
}
