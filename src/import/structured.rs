//! The builder for structured layouts: from the [`Line`]s a layout reader
//! made (plain text, Markdown, HTML) to a programme snapshot.
//!
//! What it reads, whatever the layout:
//! - the title: a first heading that is not a theme;
//! - themes: `Thema N: titel`, a numbered heading (`2. RADICALISERING`, which
//!   is never read as measure 2), or any heading once measures have begun;
//!   a deeper heading under a theme is a section;
//! - measures: `12. Titel`, `12) Titel`, `Maatregel 12: Titel`, or
//!   `Maatregel 12` with the title on the next line;
//! - items `a.`, `a)`, `(a)`, `- a.`, and roman sub-items `i.`, `i)`, `(i)`
//!   (or any item nested deeper than its lettered parent);
//! - status marks written next to a measure or an item — `(V)`, `[N]`,
//!   `— Bestaand` — or a label line `Versterkt:` before it: confirmed, with
//!   the line they were read on;
//! - a glossary after a heading `Begrippenlijst` (or `Begrippen`,
//!   `Glossary`): `Term: definitie`, `Term - definitie`;
//! - text under a measure (its body, or its lead-in once items follow), aim
//!   lines under a theme heading, and everything else kept in `unplaced`.

use super::layout::Line;
use super::{ImportError, Imported, Warning, references};
use crate::snapshot::{
    Glossary, GlossaryEntry, Item, Kind, Lines, Measure, Section, Snapshot, Status, StatusRecord,
    Theme, Unplaced, letter_label, roman_label,
};

/// Split a leading item or number label off `text`: `a.`, `a)`, `(a)`,
/// `12.`, `12)`, `iv.`, with the rest after it.
pub fn split_marker(text: &str) -> (Option<String>, &str) {
    let t = text.trim_start();
    let (inner, rest) = if let Some(r) = t.strip_prefix('(') {
        match r.split_once(')') {
            Some((inner, rest)) => (inner, rest),
            None => return (None, text),
        }
    } else {
        let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
        let (inner, rest) = t.split_at(end);
        match rest.strip_prefix(['.', ')']) {
            Some(rest) => (inner, rest),
            None => return (None, text),
        }
    };
    let ok = !inner.is_empty()
        && inner.len() <= 6
        && (inner.bytes().all(|b| b.is_ascii_digit())
            || inner.bytes().all(|b| b.is_ascii_lowercase()));
    // "a.b.c" or "e.g." is not a marker; a marker is followed by a space.
    if !ok || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return (None, text);
    }
    (Some(inner.to_string()), rest.trim_start())
}

/// A status written next to a title: `(V)`, `[N]` or `— Bestaand` at the
/// end (or `(V)` at the start); returns the status and the text without it.
fn inline_mark(text: &str) -> (Option<Status>, String) {
    let t = text.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        // At the end: "Titel (V)".
        if let Some(body) = t.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                let inner = &body[at + open.len_utf8()..];
                if let Some(s) = status_word(inner) {
                    return (Some(s), body[..at].trim_end().to_string());
                }
            }
        }
        // At the start: "(V) Titel".
        if let Some(body) = t.strip_prefix(open) {
            if let Some((inner, rest)) = body.split_once(close) {
                if let Some(s) = status_word(inner) {
                    return (Some(s), rest.trim_start().to_string());
                }
            }
        }
    }
    for dash in [" — ", " – ", " - "] {
        if let Some((head, tail)) = t.rsplit_once(dash) {
            if let Some(s) = status_word(tail) {
                return (Some(s), head.trim_end().to_string());
            }
        }
    }
    (None, t.to_string())
}

/// `B`, `V`, `N`, or the Dutch (and English) words for them.
fn status_word(word: &str) -> Option<Status> {
    let w = word.trim().trim_end_matches(':').to_lowercase();
    match w.as_str() {
        "b" | "bestaand" | "bestaande maatregel" | "existing" => Some(Status::Existing),
        "v" | "versterkt" | "versterkte maatregel" | "strengthened" => Some(Status::Strengthened),
        "n" | "nieuw" | "nieuwe maatregel" | "new" => Some(Status::New),
        _ => None,
    }
}

/// A label line standing alone before a measure: `Versterkt:`.
fn label_line(text: &str) -> Option<Status> {
    let t = text.trim();
    t.ends_with(':').then(|| status_word(t)).flatten()
}

/// `Maatregel 12: Titel`, `Maatregel 12`, `12. Titel`, `12) Titel`.
fn measure_start(text: &str) -> Option<(u32, String)> {
    let t = text.trim_start_matches(['-', '*', '•', ' ']);
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("maatregel ") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let n: u32 = rest[..digits].parse().ok()?;
        let after = &t["maatregel ".len() + digits..];
        let title = after
            .trim_start_matches([':', '.', ')', ' ', '–', '-'])
            .trim();
        return Some((n, title.to_string()));
    }
    match split_marker(t) {
        (Some(label), rest) if label.bytes().all(|b| b.is_ascii_digit()) => {
            Some((label.parse().ok()?, rest.to_string()))
        }
        _ => None,
    }
}

/// `Thema 3: Titel`, `3. TITEL` (a numbered heading).
fn theme_heading(text: &str) -> Option<(Option<u32>, String)> {
    let t = text.trim();
    let lower = t.to_lowercase();
    for word in ["thema ", "theme "] {
        if let Some(rest) = lower.strip_prefix(word) {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let n = rest[..digits].parse().ok();
            let title = t[word.len() + digits..]
                .trim_start_matches([':', '.', ')', ' ', '–', '-'])
                .trim();
            return Some((n, title.to_string()));
        }
    }
    match split_marker(t) {
        (Some(label), rest) if label.bytes().all(|b| b.is_ascii_digit()) => {
            Some((label.parse().ok(), rest.to_string()))
        }
        _ => None,
    }
}

fn is_glossary_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "begrippenlijst" | "begrippen" | "glossary" | "verklarende woordenlijst"
    )
}

/// `Term: definitie` or `Term - definitie`, with a short term.
fn glossary_entry(text: &str) -> Option<(String, String)> {
    let (term, def) = text
        .split_once(": ")
        .or_else(|| text.split_once(" – "))
        .or_else(|| text.split_once(" - "))?;
    let term = term.trim().trim_matches('*').trim();
    let def = def.trim();
    (!term.is_empty() && term.split_whitespace().count() <= 8 && !def.is_empty())
        .then(|| (term.to_string(), def.to_string()))
}

#[derive(Debug, Default)]
struct Builder {
    s: Option<Snapshot>,
    warnings: Vec<Warning>,
    /// The depth of the lettered items of the open measure.
    item_depth: Option<u8>,
    pending_status: Option<(Status, Option<Lines>)>,
    in_glossary: bool,
    /// Heading level of theme headings, once one is seen.
    theme_level: Option<u8>,
    /// A theme or section heading came after the last measure: text now is
    /// its aims, not that measure's body.
    after_heading: bool,
}

/// Build a programme from the lines of a structured layout.
pub fn build(lines: &[Line], id: &str, layout: &str) -> Result<Imported, ImportError> {
    let mut b = Builder {
        s: Some(Snapshot::new(Kind::Programme, id)),
        ..Builder::default()
    };
    for line in lines {
        b.line(line, layout);
    }
    let mut s =
        b.s.take()
            .unwrap_or_else(|| Snapshot::new(Kind::Programme, id));
    if s.measures.is_empty() {
        let headings = lines.iter().filter(|l| l.heading.is_some()).count();
        return Err(ImportError::NoMeasures {
            layout: layout.to_string(),
            lines: lines.len(),
            headings,
        });
    }
    for m in &mut s.measures {
        finish(m);
    }
    Ok(Imported {
        snapshot: s,
        warnings: b.warnings,
    })
}

/// Text under a measure with items is its lead-in; without, its body.
fn finish(m: &mut Measure) {
    if !m.items.is_empty() {
        if let Some(body) = m.body.take() {
            m.lead_in = Some(body);
        }
    }
}

impl Builder {
    fn snapshot(&mut self) -> &mut Snapshot {
        self.s
            .get_or_insert_with(|| Snapshot::new(Kind::Programme, ""))
    }

    fn unplaced(&mut self, line: &Line, reason: &str) {
        self.warnings.push(Warning {
            lines: line.lines,
            message: format!("{reason}; kept in `unplaced`"),
        });
        self.snapshot().unplaced.push(Unplaced {
            text: line.text.clone(),
            reason: reason.to_string(),
            lines: line.lines,
        });
    }

    fn line(&mut self, line: &Line, layout: &str) {
        let text = line.text.trim();
        if text.is_empty() {
            return;
        }
        if let Some(level) = line.heading {
            self.heading(line, level);
            return;
        }
        if self.in_glossary {
            match glossary_entry(text) {
                Some((term, definition)) => {
                    let g = self.snapshot().glossary.get_or_insert(Glossary {
                        intro: None,
                        footnotes: Vec::new(),
                        entries: Vec::new(),
                    });
                    g.entries.push(GlossaryEntry {
                        term,
                        definition,
                        lines: line.lines,
                    });
                }
                None => {
                    let g = self.snapshot().glossary.get_or_insert(Glossary {
                        intro: None,
                        footnotes: Vec::new(),
                        entries: Vec::new(),
                    });
                    if g.entries.is_empty() && g.intro.is_none() {
                        g.intro = Some(text.to_string());
                    } else {
                        self.unplaced(
                            line,
                            "a line in the glossary that is not `Term: definition`",
                        );
                    }
                }
            }
            return;
        }
        if let Some(status) = label_line(text) {
            self.pending_status = Some((status, line.lines));
            return;
        }
        // A plain-text heading in capitals or `Thema N:` comes as text in
        // Markdown/HTML too.
        if self.theme_level.is_none() || line.depth == 0 {
            let lower = text.to_lowercase();
            if lower.starts_with("thema ") {
                self.heading(line, 2);
                return;
            }
        }
        let in_measure = !self.snapshot().measures.is_empty();
        if let Some((n, title)) = measure_start(text) {
            let expected = self
                .snapshot()
                .measures
                .last()
                .map_or(1, |m| m.number.saturating_add(1));
            let item_like =
                in_measure && self.item_depth.is_some_and(|d| line.depth >= d) && line.depth > 0;
            if !item_like {
                if in_measure && n != expected {
                    self.warnings.push(Warning {
                        lines: line.lines,
                        message: format!(
                            "measure {n} follows measure {}; read as a measure all the same",
                            expected.saturating_sub(1)
                        ),
                    });
                }
                self.start_measure(n, &title, line);
                return;
            }
        }
        if in_measure && !self.after_heading {
            if let (Some(label), rest) = split_marker(text.trim_start_matches(['-', '*', '•', ' ']))
            {
                self.item(&label, rest, line);
                return;
            }
            // `- tekst` without a label, nested under a measure: an item.
            let m = self.snapshot().measures.last_mut();
            if let Some(m) = m {
                if m.title.is_empty() {
                    let (status, title) = inline_mark(text);
                    m.title = title;
                    m.references = references(&m.title);
                    if let Some(s) = status {
                        m.status = confirmed(s, line.lines, layout);
                    }
                    return;
                }
                let body = m.body.get_or_insert_with(String::new);
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                body.push_str(text);
                m.references.extend(references(text));
                if let (Some(l), Some(ml)) = (line.lines, m.lines.as_mut()) {
                    ml.1 = ml.1.max(l.1);
                }
                return;
            }
        }
        match self.snapshot().themes.last_mut() {
            Some(t) => match t.sections.last_mut() {
                Some(section) => section.aims.push(text.to_string()),
                None => t.aims.push(text.to_string()),
            },
            None => {
                let s = self.snapshot();
                if s.title.is_empty() {
                    s.title = text.to_string();
                } else {
                    self.unplaced(line, "text before the first theme");
                }
            }
        }
    }

    fn heading(&mut self, line: &Line, level: u8) {
        let text = line.text.trim();
        if is_glossary_heading(text) {
            self.in_glossary = true;
            self.snapshot().glossary.get_or_insert(Glossary {
                intro: None,
                footnotes: Vec::new(),
                entries: Vec::new(),
            });
            return;
        }
        self.in_glossary = false;
        self.item_depth = None;
        let explicit = theme_heading(text);
        let is_theme = match self.theme_level {
            Some(l) => level <= l,
            None => explicit.is_some() || !self.snapshot().measures.is_empty(),
        };
        if !is_theme && self.theme_level.is_none() && self.snapshot().title.is_empty() {
            self.snapshot().title = text.to_string();
            return;
        }
        if is_theme {
            self.after_heading = true;
            self.theme_level.get_or_insert(level);
            let s = self.snapshot();
            let next = s.themes.last().map_or(1, |t| t.number.saturating_add(1));
            let (n, title) = match explicit {
                Some((n, title)) => (n.unwrap_or(next), title),
                None => (next, text.to_string()),
            };
            s.themes.push(Theme {
                number: n,
                title,
                aims: Vec::new(),
                sections: Vec::new(),
                paragraphs: Vec::new(),
                note: None,
                lines: line.lines,
            });
            return;
        }
        self.after_heading = true;
        match self.snapshot().themes.last_mut() {
            Some(t) => t.sections.push(Section {
                title: text.to_string(),
                aims: Vec::new(),
                lines: line.lines,
            }),
            None => self.unplaced(line, "a heading before the first theme"),
        }
    }

    fn start_measure(&mut self, n: u32, title: &str, line: &Line) {
        if let Some(prev) = self.snapshot().measures.last_mut() {
            finish(prev);
        }
        self.after_heading = false;
        let (mark, title) = inline_mark(title);
        let pending = self.pending_status.take();
        let status = match (mark, pending) {
            (Some(s), _) => confirmed(s, line.lines, "inline"),
            (None, Some((s, at))) => confirmed(s, at, "label line"),
            (None, None) => StatusRecord::uncertain(
                Status::ALL.to_vec(),
                Some("the text carries no status mark for this measure".to_string()),
            ),
        };
        let s = self.snapshot();
        let (theme, section) = match s.themes.last() {
            Some(t) => (t.number, t.sections.last().map(|x| x.title.clone())),
            None => (0, None),
        };
        if theme == 0 {
            self.warnings.push(Warning {
                lines: line.lines,
                message: format!("measure {n} stands before any theme heading; its theme is 0"),
            });
        }
        let s = self.snapshot();
        s.measures.push(Measure {
            number: n,
            references: references(&title),
            title,
            theme,
            section,
            status,
            lead_in: None,
            body: None,
            items: Vec::new(),
            footnotes: Vec::new(),
            lines: line.lines,
        });
        self.item_depth = None;
    }

    fn item(&mut self, label: &str, text: &str, line: &Line) {
        let depth = line.depth;
        let item_depth = *self.item_depth.get_or_insert(depth);
        let Some(m) = self.s.as_mut().and_then(|s| s.measures.last_mut()) else {
            return;
        };
        let (mark, text) = inline_mark(text);
        let status = mark.map(|s| confirmed(s, line.lines, "inline"));
        let is_roman = crate::snapshot::roman_value(label).is_some();
        let expects_letter = letter_label(m.items.len());
        // Roman when nested deeper than the lettered items, or when the label
        // is roman and not the next letter (`i` after `h` is a letter).
        let sub =
            !m.items.is_empty() && (depth > item_depth || (is_roman && label != expects_letter));
        let mut item = Item {
            label: label.to_string(),
            references: references(&text),
            text,
            status,
            items: Vec::new(),
            footnotes: Vec::new(),
            lines: line.lines,
        };
        if sub {
            if let Some(parent) = m.items.last_mut() {
                if item.label.bytes().all(|b| b.is_ascii_digit()) {
                    item.label = roman_label(parent.items.len() + 1);
                }
                parent.items.push(item);
            }
        } else {
            if item.label.bytes().all(|b| b.is_ascii_digit()) {
                item.label = letter_label(m.items.len());
            }
            m.items.push(item);
        }
        if let (Some(l), Some(ml)) = (line.lines, m.lines.as_mut()) {
            ml.1 = ml.1.max(l.1);
        }
    }
}

fn confirmed(status: Status, at: Option<Lines>, how: &str) -> StatusRecord {
    let place = match at {
        Some(l) if l.0 == l.1 => format!("line {}", l.0),
        Some(l) => format!("lines {}–{}", l.0, l.1),
        None => "the text".to_string(),
    };
    let how = match how {
        "label line" => "a label line before the measure",
        _ => "a mark next to it",
    };
    StatusRecord::confirmed(status, Some(format!("{how} in the source ({place})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_split_only_where_a_label_stands() {
        assert_eq!(split_marker("a. tekst"), (Some("a".into()), "tekst"));
        assert_eq!(split_marker("(b) tekst"), (Some("b".into()), "tekst"));
        assert_eq!(split_marker("iv) tekst"), (Some("iv".into()), "tekst"));
        assert_eq!(split_marker("12. Titel"), (Some("12".into()), "Titel"));
        assert_eq!(split_marker("e.g. niet"), (None, "e.g. niet"));
        assert_eq!(split_marker("Titel."), (None, "Titel."));
    }

    #[test]
    fn marks_next_to_a_title_are_read_in_every_common_form() {
        for (text, status) in [
            ("Titel (V)", Status::Strengthened),
            ("Titel [N]", Status::New),
            ("Titel — Bestaand", Status::Existing),
            ("(B) Titel", Status::Existing),
        ] {
            assert_eq!(
                inline_mark(text),
                (Some(status), "Titel".to_string()),
                "{text}"
            );
        }
        assert_eq!(inline_mark("Titel (EU)"), (None, "Titel (EU)".to_string()));
    }

    #[test]
    fn a_numbered_theme_heading_is_not_read_as_a_measure() {
        let lines = super::super::layout::plain(
            "Actieprogramma\n\n1. RISICOREDUCTIE JIHADGANGERS\n\n1. Eerste maatregel (V)\na. een item\nb. nog een\n   i. sub\n2. Tweede maatregel [N]\n",
        );
        let imported = build(&lines, "x", "plain numbered text").unwrap();
        let s = imported.snapshot;
        assert_eq!(s.title, "Actieprogramma");
        assert_eq!(s.themes.len(), 1);
        assert_eq!(s.themes[0].title, "RISICOREDUCTIE JIHADGANGERS");
        let numbers: Vec<_> = s.measures.iter().map(|m| m.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(s.measures[0].items.len(), 2);
        assert_eq!(s.measures[0].items[1].items[0].label, "i");
        assert_eq!(s.measures[1].status.value, Some(Status::New));
    }

    #[test]
    fn a_mark_on_one_line_is_cited_by_that_line_and_a_mark_on_several_by_their_span() {
        let lines = super::super::layout::plain(
            "Actieprogramma\n\n1. Eerste maatregel (V)\n2. Tweede maatregel [N]\n",
        );
        let s = build(&lines, "x", "plain numbered text").unwrap().snapshot;
        assert_eq!(
            s.measures[0].status.note.as_deref(),
            Some("a mark next to it in the source (line 3)")
        );
        assert_eq!(
            confirmed(Status::New, Some(Lines(4, 6)), "label line")
                .note
                .as_deref(),
            Some("a label line before the measure in the source (lines 4–6)")
        );
        assert_eq!(
            confirmed(Status::New, None, "inline").note.as_deref(),
            Some("a mark next to it in the source (the text)")
        );
    }
}
