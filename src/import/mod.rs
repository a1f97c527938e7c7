//! Importing a new version: from extracted text (a PDF's or a web page's) to
//! a snapshot draft that a person reviews before it is committed.

pub mod base;
pub mod layout;
mod programme;
mod references;
mod structured;
mod summary;
mod units;

pub use layout::Layout;
pub use references::references;

use crate::snapshot::{Lines, Snapshot};

/// Something the importer could not settle; printed, and where it concerns
/// text, kept in the snapshot's `unplaced` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub lines: Option<Lines>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.lines {
            Some(l) if l.0 == l.1 => write!(f, "line {}: {}", l.0, self.message),
            Some(l) => write!(f, "lines {}–{}: {}", l.0, l.1, self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

/// A draft snapshot and what the importer has to say about it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub snapshot: Snapshot,
    pub warnings: Vec<Warning>,
}

/// Why nothing usable came out of the text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the source is empty; give the text extracted from the PDF or page")]
    Empty,
    #[error(
        "the source is not text (it contains NUL bytes); extract the text first, e.g. with `pdftotext`"
    )]
    Binary,
    #[error("the source is UTF-16 text; convert it to UTF-8, e.g. with `iconv -f utf-16 -t utf-8`")]
    Utf16,
    #[error(
        "the source is not UTF-8 (invalid byte at offset {offset}); convert it, e.g. with `iconv -f latin1 -t utf-8`"
    )]
    NotUtf8 { offset: usize },
    #[error(
        "no {what} found in the source; is it a {kind} text? (see docs/import.md for the layout the importer reads)"
    )]
    NothingFound {
        what: &'static str,
        kind: &'static str,
    },
    #[error(
        "read as {layout}, found {lines} lines ({headings} of them headings) but no numbered measures; number them `1. Titel` or `Maatregel 1: Titel` (see docs/import.md)"
    )]
    NoMeasures {
        layout: String,
        lines: usize,
        headings: usize,
    },
}

/// What the imported text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Programme,
    Summary,
}

/// Decode source bytes, refusing binary and non-UTF-8 input; a leading
/// UTF-8 byte-order mark is not part of the text.
pub fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

/// Import source text as a snapshot of `kind` with the given id.
pub fn import(text: &str, kind: SourceKind, id: &str) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    match kind {
        SourceKind::Programme => match layout::detect(text) {
            Layout::PdfExtraction => programme::import(text, id),
            Layout::Plain => structured::build(&layout::plain(text), id, Layout::Plain.name()),
            Layout::Markdown => {
                structured::build(&layout::markdown(text), id, Layout::Markdown.name())
            }
            Layout::Html => structured::build(&layout::html(text), id, Layout::Html.name()),
        },
        SourceKind::Summary => summary::import(text, id),
    }
}

/// The goals listed after "drieledig:" (or "tweeledig:", …) in a sentence.
pub fn goals(sentence: &str) -> Vec<String> {
    let Some((_, list)) = sentence.split_once("ledig:") else {
        return Vec::new();
    };
    let list = list.trim().trim_end_matches('.');
    let mut parts: Vec<String> = list.split(", ").map(|s| s.trim().to_string()).collect();
    // The last two goals are joined by "en" before the word that starts every
    // goal ("… in Nederland en het wegnemen …").
    if let (Some(first_word), Some(last)) = (
        parts
            .first()
            .and_then(|p| p.split_whitespace().next())
            .map(str::to_string),
        parts.pop(),
    ) {
        let sep = format!(" en {first_word} ");
        match last.rsplit_once(&sep) {
            Some((a, b)) => {
                parts.push(a.to_string());
                parts.push(format!("{first_word} {b}"));
            }
            None => parts.push(last),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_are_split_at_commas_and_the_last_en() {
        let g = goals(
            "Het doel van dit programma is drieledig: het beschermen van de democratie en rechtsstaat, het bestrijden en verzwakken van de jihadistische beweging in Nederland en het wegnemen van de voedingsbodem voor radicalisering.",
        );
        assert_eq!(
            g,
            [
                "het beschermen van de democratie en rechtsstaat",
                "het bestrijden en verzwakken van de jihadistische beweging in Nederland",
                "het wegnemen van de voedingsbodem voor radicalisering"
            ]
        );
    }

    #[test]
    fn a_warning_names_one_line_as_line_a_span_as_lines_and_none_without_lines() {
        let warning = |lines| Warning {
            lines,
            message: "a note".into(),
        };
        assert_eq!(warning(Some(Lines(7, 7))).to_string(), "line 7: a note");
        assert_eq!(warning(Some(Lines(7, 9))).to_string(), "lines 7–9: a note");
        assert_eq!(warning(None).to_string(), "a note");
    }

    #[test]
    fn bad_bytes_are_refused() {
        assert_eq!(decode(b""), Err(ImportError::Empty));
        assert_eq!(decode(b"a\0b"), Err(ImportError::Binary));
        assert_eq!(decode(b"caf\xe9"), Err(ImportError::NotUtf8 { offset: 3 }));
        assert_eq!(decode(b"\xff\xfea\x00b\x00"), Err(ImportError::Utf16));
    }
}
