//! The snapshot model: one version of a programme (or of a summary page about
//! it), as stored in `versions/<id>/snapshot.json` and documented field by
//! field in `docs/snapshot-format.md`.
//!
//! Every command loads snapshots into these types; nothing else reads the JSON.
//! Field order here is the key order on disk, so a hand edit shows as a small
//! git diff. Optional fields are left out when empty.

mod filter;
pub mod id;
mod labels;
mod status;

pub use labels::{
    expected as expected_label, letter as letter_label, roman as roman_label, roman_value,
};

pub use filter::{MeasureFilter, ThemeCount, theme_counts};
pub use status::{Certainty, Status, StatusRecord};

use serde::{Deserialize, Serialize};

/// The `format` value this build reads and writes.
pub const FORMAT: &str = "policydiff-snapshot/1";

/// One version of a programme or of a summary page.
///
/// Both kinds share one file format; the fields that belong to one kind only
/// are empty (and left out) in the other. `load::validate` enforces that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    pub kind: Kind,
    /// The version id: the folder name under `versions/`.
    pub id: String,
    pub title: String,
    /// ISO 8601 date (`2014-08-29`) where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publishers: Vec<String>,
    /// Summary pages only: the id of the programme the page describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub describes: Option<String>,
    /// Summary pages only: the one-line description under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Free notes of the person who reviewed the snapshot.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The sentence that introduces the groups ("… in 5 groepen maatregelen:").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups_intro: Option<String>,
    /// The overview's groups of measures (programme) or the page's groups
    /// (summary).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Paragraphs of the introduction, in source order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<Introduction>,
    /// The goals named in the introduction, each as the source words it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Programme only: what the status letters mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legend: Option<Legend>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_vec"
    )]
    pub measures: Vec<Measure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glossary: Option<Glossary>,
    /// Summary pages only: the responsible organisations, as one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisations: Option<String>,
    /// What the importer could not place; kept so that a person sees it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Programme,
    Summary,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Programme => "programme",
            Kind::Summary => "summary",
        }
    }
}

/// Where the snapshot came from: the source text kept beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// File name relative to the snapshot's folder (normally `source.txt`).
    pub file: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Free text: where the source text was obtained and how it was extracted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// An inclusive range of 1-based line numbers in the source text, written as
/// `[first, last]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Lines(pub u32, pub u32);

impl Lines {
    pub fn first(self) -> u32 {
        self.0
    }
    pub fn last(self) -> u32 {
        self.1
    }
    pub fn contains(self, line: u32) -> bool {
        self.0 <= line && line <= self.1
    }
}

impl std::fmt::Display for Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == self.1 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{}–{}", self.0, self.1)
        }
    }
}

/// A group of measures as the overview (or a summary page) lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub number: u32,
    pub title: String,
    /// The group's description; empty when the group consists of parts only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// A part of a group (group 3's a, b, c); summary pages list them unlabelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Introduction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// The status legend: the sentence that introduces it and one entry a letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Legend {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    pub entries: Vec<LegendEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegendEntry {
    pub status: Status,
    pub label: String,
}

/// A theme page (or, for theme 3 of the 2014 programme, two pages held as
/// sections).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub number: u32,
    pub title: String,
    /// The aim line(s) under the heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aims: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Paragraphs that stand between measures rather than inside one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// A sub-heading inside a theme (Lokaal / Nationaal / Internationaal, or a
/// theme page of its own with heading and aims).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aims: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// Free text between measures; `before` is the number of the measure it
/// precedes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub before: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// One numbered measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub number: u32,
    pub title: String,
    pub theme: u32,
    /// Title of the theme section the measure stands in, if the theme has
    /// sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub status: StatusRecord,
    /// Text between the title and the first item, in a measure with items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<String>,
    /// Text under the title, in a measure without items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_vec"
    )]
    pub items: Vec<Item>,
    /// Numbers of the footnotes referenced in the title, lead-in or body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<u32>,
    /// Cross-references in the title, lead-in or body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// A list read without room to spare. A list read from JSON grows as it
/// goes (4, 8, 16 … places); measures and items are most of a snapshot, and
/// the places a list never fills would otherwise stay held while the
/// snapshot lives. Given back at once, the room is taken by what is read
/// next.
fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}

/// A lettered item (a, b, c …) or, nested in one, a roman sub-item (i, ii …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub label: String,
    pub text: String,
    /// Some items carry a status mark of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRecord>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_vec"
    )]
    pub items: Vec<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// A cross-reference: a phrase of the text that names one or more measures,
/// or items of them ("maatregel 30", "maatregelen 30 en 31", "maatregel 30a").
///
/// On disk a reference with one target keeps the original shape,
/// `{"measure": 30, "phrase": "maatregel 30"}` (with `"item": "a"` when it
/// names an item); one with several targets lists them,
/// `{"phrase": "maatregelen 30 en 31", "targets": [{"measure": 30},
/// {"measure": 31}]}`. Both shapes are read; the shorter one is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawReference", into = "RawReference")]
pub struct Reference {
    /// The words of the text that make the reference ("maatregel 30").
    pub phrase: String,
    /// What the phrase names, in the order it names them; never empty.
    pub targets: Vec<Target>,
}

/// One measure (or one item of it) that a reference names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub measure: u32,
    /// The item's label path (`a`, `b.ii`) when the phrase names an item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

impl Target {
    pub fn measure(measure: u32) -> Target {
        Target {
            measure,
            item: None,
        }
    }
}

impl std::fmt::Display for Target {
    /// `30`, or `30a` for an item.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.measure, self.item.as_deref().unwrap_or(""))
    }
}

impl Reference {
    /// A reference to one whole measure.
    pub fn to_measure(measure: u32, phrase: impl Into<String>) -> Reference {
        Reference {
            phrase: phrase.into(),
            targets: vec![Target::measure(measure)],
        }
    }

    /// Whether the phrase names this measure (or an item of it).
    pub fn names(&self, measure: u32) -> bool {
        self.targets.iter().any(|t| t.measure == measure)
    }

    /// The reference as one line of the JSON a snapshot holds, to quote in a
    /// message: `{"measure": 30, "phrase": "maatregel 30"}`.
    pub fn inline_json(&self) -> String {
        let quote = |s: &str| serde_json::Value::from(s).to_string();
        let target = |t: &Target| match &t.item {
            Some(item) => format!("\"measure\": {}, \"item\": {}", t.measure, quote(item)),
            None => format!("\"measure\": {}", t.measure),
        };
        match self.targets.as_slice() {
            [only] => format!("{{{}, \"phrase\": {}}}", target(only), quote(&self.phrase)),
            several => {
                let list: Vec<String> = several
                    .iter()
                    .map(|t| format!("{{{}}}", target(t)))
                    .collect();
                format!(
                    "{{\"phrase\": {}, \"targets\": [{}]}}",
                    quote(&self.phrase),
                    list.join(", ")
                )
            }
        }
    }
}

/// A reference as stored: `measure` (and `item`) for one target, `targets`
/// for several.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    measure: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    item: Option<String>,
    phrase: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    targets: Vec<Target>,
}

impl TryFrom<RawReference> for Reference {
    type Error = String;

    fn try_from(raw: RawReference) -> Result<Reference, String> {
        let targets = match (raw.measure, raw.targets.is_empty()) {
            (Some(measure), true) => vec![Target {
                measure,
                item: raw.item,
            }],
            (None, false) if raw.item.is_none() => raw.targets,
            (None, false) => {
                return Err(
                    "a reference with `targets` gives each target's `item` inside it, not beside `targets`".to_string(),
                );
            }
            (Some(_), false) => {
                return Err(
                    "a reference gives either `measure` (one target) or `targets` (several), not both".to_string(),
                );
            }
            (None, true) => {
                return Err(
                    "a reference names no measure; give `measure` (one target) or `targets` (several)".to_string(),
                );
            }
        };
        Ok(Reference {
            phrase: raw.phrase,
            targets,
        })
    }
}

impl From<Reference> for RawReference {
    fn from(r: Reference) -> RawReference {
        match <[Target; 1]>::try_from(r.targets) {
            Ok([only]) => RawReference {
                measure: Some(only.measure),
                item: only.item,
                phrase: r.phrase,
                targets: Vec::new(),
            },
            Err(targets) => RawReference {
                measure: None,
                item: None,
                phrase: r.phrase,
                targets,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub number: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// Footnotes referenced in the intro.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<u32>,
    pub entries: Vec<GlossaryEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

/// Source text the importer could not place, kept for a person to decide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    pub text: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Lines>,
}

impl Snapshot {
    /// An empty snapshot of this kind: the start of an import or a generator.
    pub fn new(kind: Kind, id: &str) -> Snapshot {
        Snapshot {
            format: FORMAT.to_string(),
            kind,
            id: id.to_string(),
            title: String::new(),
            date: None,
            publishers: Vec::new(),
            describes: None,
            description: None,
            source: None,
            notes: Vec::new(),
            groups_intro: None,
            groups: Vec::new(),
            introduction: None,
            goals: Vec::new(),
            legend: None,
            themes: Vec::new(),
            measures: Vec::new(),
            footnotes: Vec::new(),
            glossary: None,
            organisations: None,
            unplaced: Vec::new(),
        }
    }

    /// The measure with this number, if any.
    /// The measure with this number. Measures are in number order in nearly
    /// every snapshot, where a binary search finds it (reports look up every
    /// measure, so a scan each time would grow with the square of the
    /// programme); where the search is not sound, the measures are scanned
    /// and the first with the number is taken. (Only a snapshot that repeats
    /// a number out of order, which loading refuses and `check` reports as
    /// `numbering/duplicate`, can give another of its repeats.)
    pub fn measure(&self, number: u32) -> Option<&Measure> {
        let sorted = |i: usize| {
            // The hit is the first of its number, and the search was sound
            // there: its neighbours are in order.
            let before = i.checked_sub(1).and_then(|j| self.measures.get(j));
            let after = self.measures.get(i + 1);
            before.is_none_or(|b| b.number < number) && after.is_none_or(|a| a.number > number)
        };
        match self.measures.binary_search_by_key(&number, |m| m.number) {
            Ok(i) if sorted(i) => self.measures.get(i),
            _ => self.measures.iter().find(|m| m.number == number),
        }
    }

    pub fn theme(&self, number: u32) -> Option<&Theme> {
        self.themes.iter().find(|t| t.number == number)
    }

    /// Pretty-printed JSON with a trailing newline: the on-disk form.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        let mut s = serde_json::to_string_pretty(self).expect("snapshot serialises");
        s.push('\n');
        s
    }
}

impl Measure {
    /// Every item and sub-item, depth first, with its path of labels
    /// (`["b", "ii"]`).
    pub fn items_flat(&self) -> Vec<(Vec<&str>, &Item)> {
        fn walk<'a>(
            items: &'a [Item],
            path: &mut Vec<&'a str>,
            out: &mut Vec<(Vec<&'a str>, &'a Item)>,
        ) {
            for item in items {
                path.push(&item.label);
                out.push((path.clone(), item));
                walk(&item.items, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut Vec::new(), &mut out);
        out
    }

    /// The measure's own text, without its items: the title, then the
    /// lead-in and the body where it has them.
    pub fn own_text(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.lead_in.as_deref())
            .chain(self.body.as_deref())
    }

    /// Every part of the measure's text in reading order: its own text
    /// ([`Measure::own_text`]), then each item, sub-items after their item
    /// (as [`Measure::items_flat`], without building label paths).
    pub fn text_parts(&self) -> impl Iterator<Item = &str> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a str>) {
            for item in items {
                out.push(&item.text);
                walk(&item.items, out);
            }
        }
        let mut items = Vec::new();
        walk(&self.items, &mut items);
        self.own_text().chain(items)
    }

    /// All the measure's text in reading order: title, lead-in, body, items.
    pub fn full_text(&self) -> String {
        self.text_parts().collect::<Vec<_>>().join(" ")
    }

    /// Whether the measure holds a cross-reference anywhere: in its title,
    /// lead-in or body, or in any item or sub-item.
    pub fn has_references(&self) -> bool {
        fn any(items: &[Item]) -> bool {
            items
                .iter()
                .any(|i| !i.references.is_empty() || any(&i.items))
        }
        !self.references.is_empty() || any(&self.items)
    }

    /// Every cross-reference in the measure, with the item path it stands in
    /// (empty for the title, lead-in or body).
    pub fn all_references(&self) -> Vec<(Vec<&str>, &Reference)> {
        let mut out: Vec<(Vec<&str>, &Reference)> =
            self.references.iter().map(|r| (Vec::new(), r)).collect();
        for (path, item) in self.items_flat() {
            out.extend(item.references.iter().map(|r| (path.clone(), r)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_numbers(numbers: &[u32]) -> Snapshot {
        let shipped = include_str!("../../versions/actieprogramma-2014/snapshot.json");
        let mut s: Snapshot = serde_json::from_str(shipped).expect("the shipped snapshot parses");
        let template = s.measures[0].clone();
        s.measures = numbers
            .iter()
            .enumerate()
            .map(|(i, n)| Measure {
                number: *n,
                title: format!("maatregel op plaats {i}"),
                ..template.clone()
            })
            .collect();
        s
    }

    fn place(s: &Snapshot, number: u32) -> Option<String> {
        s.measure(number).map(|m| m.title.clone())
    }

    #[test]
    fn a_measure_is_found_by_number_in_order_out_of_order_and_with_gaps() {
        let sorted = with_numbers(&[1, 2, 3, 5, 8, 13]);
        for (i, n) in [1, 2, 3, 5, 8, 13].into_iter().enumerate() {
            assert_eq!(place(&sorted, n), Some(format!("maatregel op plaats {i}")));
        }
        assert_eq!(place(&sorted, 4), None);
        assert_eq!(place(&sorted, 14), None);
        let shuffled = with_numbers(&[8, 2, 13, 1, 5, 3]);
        for (i, n) in [8, 2, 13, 1, 5, 3].into_iter().enumerate() {
            assert_eq!(
                place(&shuffled, n),
                Some(format!("maatregel op plaats {i}"))
            );
        }
        assert_eq!(place(&with_numbers(&[]), 1), None);
    }

    #[test]
    fn a_measure_has_references_when_any_part_of_it_holds_one() {
        let shipped: Snapshot = serde_json::from_str(include_str!(
            "../../versions/actieprogramma-2014/snapshot.json"
        ))
        .expect("the shipped snapshot parses");
        let (with, without): (Vec<&Measure>, Vec<&Measure>) =
            shipped.measures.iter().partition(|m| m.has_references());
        assert!(!with.is_empty() && !without.is_empty());
        for m in &shipped.measures {
            assert_eq!(m.has_references(), !m.all_references().is_empty());
        }
        // A reference in a sub-item only, two levels down.
        let reference = with
            .iter()
            .flat_map(|m| m.all_references())
            .map(|(_, r)| r.clone())
            .next()
            .expect("a reference");
        let mut m = without[0].clone();
        let leaf = Item {
            label: "i".into(),
            text: reference.phrase.clone(),
            status: None,
            items: Vec::new(),
            footnotes: Vec::new(),
            references: vec![reference],
            lines: None,
        };
        let mut item = Item {
            label: "a".into(),
            text: "lijst".into(),
            status: None,
            items: Vec::new(),
            footnotes: Vec::new(),
            references: Vec::new(),
            lines: None,
        };
        m.items = vec![item.clone()];
        assert!(!m.has_references());
        item.items.push(leaf);
        m.items = vec![item];
        assert!(m.has_references());
    }

    #[test]
    fn a_number_repeated_in_order_gives_its_first_measure() {
        let s = with_numbers(&[1, 2, 2, 2, 3]);
        assert_eq!(place(&s, 2), Some("maatregel op plaats 1".to_string()));
        let s = with_numbers(&[2, 2]);
        assert_eq!(place(&s, 2), Some("maatregel op plaats 0".to_string()));
    }

    #[test]
    fn measures_and_items_are_read_without_room_to_spare() {
        let shipped = include_str!("../../versions/actieprogramma-2014/snapshot.json");
        let s: Snapshot = serde_json::from_str(shipped).expect("the shipped snapshot parses");
        // 38 measures would sit in room for 64, and a measure's five items
        // in room for eight.
        assert_eq!(s.measures.len(), 38);
        assert_eq!(s.measures.capacity(), s.measures.len());
        let mut lists = 0;
        let mut stack: Vec<&Vec<Item>> = s.measures.iter().map(|m| &m.items).collect();
        while let Some(items) = stack.pop() {
            assert_eq!(items.capacity(), items.len());
            lists += usize::from(!items.is_empty());
            stack.extend(items.iter().map(|i| &i.items));
        }
        assert!(lists > 20, "only {lists} lists of items");
    }
}
