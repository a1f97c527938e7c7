//! Reading a programme's extracted text: the overview page (groups, goals,
//! legend), the theme pages with their measures, the footnotes and the
//! glossary; then the status marks, page by page.

use super::units::{Marker, Unit, units};
use super::{ImportError, Imported, Warning, goals, references};
use crate::snapshot::{
    Certainty, Footnote, Glossary, GlossaryEntry, Group, Introduction, Item, Kind, Legend,
    LegendEntry, Lines, Measure, Paragraph, Part, Section, Snapshot, Status, StatusRecord, Theme,
    Unplaced, expected_label,
};
use crate::source::{self, Page, is_glued_footnote_digit};
use crate::wording::{count, noun};
use std::collections::BTreeSet;

/// Where in the document the parser is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Overview,
    Body,
    Glossary,
}

struct Parser {
    s: Snapshot,
    warnings: Vec<Warning>,
    stage: Stage,
    footnote_numbers: BTreeSet<u32>,
    /// The numbers of lines in the measure layout, a number and a tab.
    tabbed_numbers: BTreeSet<u32>,
    /// Theme paragraphs waiting for the number of the measure they precede.
    pending_paragraphs: Vec<(usize, usize)>,
    /// The open scope after a heading: (theme index, section index), and
    /// whether a measure has come since.
    scope_has_measure: bool,
    /// The theme the latest theme heading opened (an index into `themes`:
    /// a repeated heading reopens an earlier theme, which need not be last).
    current_theme: Option<usize>,
    current_section: Option<usize>,
    /// Where an aim line under the latest heading goes: the theme, or the
    /// section that heading opened.
    aim_section: Option<usize>,
    /// Text units of the current measure before its first item.
    measure_text: Vec<String>,
    measure_text_footnotes: Vec<u32>,
    intro_paragraphs: Vec<(String, Lines)>,
    legend_intro_index: Option<usize>,
}

pub fn import(text: &str, id: &str) -> Result<Imported, ImportError> {
    let lines = source::lines(text);
    let pages = source::pages(&lines);
    let units = units(&lines);
    let numbers = |with_tab: bool| {
        units
            .iter()
            .filter_map(move |u| match u.marker {
                Marker::Number { n, tab } if tab == with_tab => Some(n),
                _ => None,
            })
            .collect()
    };
    let mut p = Parser {
        s: Snapshot::new(Kind::Programme, id),
        warnings: Vec::new(),
        stage: Stage::Overview,
        footnote_numbers: numbers(false),
        tabbed_numbers: numbers(true),
        pending_paragraphs: Vec::new(),
        aim_section: None,
        scope_has_measure: false,
        current_theme: None,
        current_section: None,
        measure_text: Vec::new(),
        measure_text_footnotes: Vec::new(),
        intro_paragraphs: Vec::new(),
        legend_intro_index: None,
    };
    let first_page_end = pages.first().map(|pg| pg.lines.1).unwrap_or(u32::MAX);
    for (i, unit) in units.iter().enumerate() {
        if p.stage == Stage::Overview && unit.lines.0 > first_page_end {
            p.finish_overview();
            p.stage = Stage::Body;
        }
        match p.stage {
            Stage::Overview => p.overview_unit(unit),
            Stage::Body | Stage::Glossary => {
                if p.stage == Stage::Body && starts_glossary(unit, units.get(i + 1)) {
                    p.finish_measure();
                    p.stage = Stage::Glossary;
                    if !is_entry(unit) {
                        let (text, notes) = p.strip_footnotes(&unit.text);
                        p.s.glossary = Some(Glossary {
                            intro: Some(text),
                            footnotes: notes,
                            entries: Vec::new(),
                        });
                        continue;
                    }
                    p.s.glossary = Some(Glossary {
                        intro: None,
                        footnotes: Vec::new(),
                        entries: Vec::new(),
                    });
                }
                if p.stage == Stage::Glossary {
                    p.glossary_unit(unit);
                } else {
                    p.body_unit(unit);
                }
            }
        }
    }
    if p.stage == Stage::Overview {
        p.finish_overview();
    }
    p.finish_measure();
    if p.s.measures.is_empty() {
        return Err(ImportError::NothingFound {
            what: "numbered measures",
            kind: "programme",
        });
    }
    // Paragraphs still waiting for a measure stand after the last one.
    let mut pending = std::mem::take(&mut p.pending_paragraphs);
    pending.sort_unstable_by(|a, b| b.cmp(a));
    for (theme, para) in pending {
        let removed = p.s.themes[theme].paragraphs.remove(para);
        p.warnings.push(Warning { lines: removed.lines, message: format!("a paragraph after the last measure has no measure to stand before; kept in `unplaced`: {}", shorten(&removed.text)) });
        p.s.unplaced.push(Unplaced {
            text: removed.text,
            reason: "paragraph after the last measure".into(),
            lines: removed.lines,
        });
    }
    // Measures are numbered 1, 2, 3 … by construction: a measure starts
    // only on the number after the last one's.
    p.assign_statuses(&pages);
    Ok(Imported {
        snapshot: p.s,
        warnings: p.warnings,
    })
}

fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('…');
    }
    format!("“{s}”")
}

/// `Term: definition`, with a short term.
fn is_entry(unit: &Unit) -> bool {
    unit.marker == Marker::None
        && unit.text.split_once(": ").is_some_and(|(term, def)| {
            !term.is_empty()
                && term.split_whitespace().count() <= 6
                && !def.is_empty()
                && !term.ends_with(|c: char| c.is_ascii_digit())
        })
}

/// The glossary begins at a page that opens with an entry, or with a sentence
/// followed by an entry.
fn starts_glossary(unit: &Unit, next: Option<&Unit>) -> bool {
    if !unit.page_start || unit.marker != Marker::None {
        return false;
    }
    let next_is_entry = next.is_some_and(is_entry);
    (is_entry(unit) && next_is_entry && !unit.is_unterminated())
        || (!unit.is_unterminated() && !is_entry(unit) && next_is_entry)
}

/// `(B) = Bestaande maatregel`.
fn legend_entry(text: &str) -> Option<LegendEntry> {
    let rest = text.strip_prefix('(')?;
    let (letter, rest) = rest.split_once(')')?;
    let mut chars = letter.chars();
    let status = Status::from_letter(chars.next()?)?;
    if chars.next().is_some() {
        return None;
    }
    let label = rest.trim_start().strip_prefix(['=', ':', '–', '-'])?.trim();
    Some(LegendEntry {
        status,
        label: label.to_string(),
    })
}

impl Parser {
    fn warn(&mut self, lines: Lines, message: String) {
        self.warnings.push(Warning {
            lines: Some(lines),
            message,
        });
    }

    fn unplaced(&mut self, unit: &Unit, reason: &str) {
        self.warn(
            unit.lines,
            format!("{reason}; kept in `unplaced`: {}", shorten(&unit.text)),
        );
        self.s.unplaced.push(Unplaced {
            text: unit.text.clone(),
            reason: reason.to_string(),
            lines: Some(unit.lines),
        });
    }

    /// Remove footnote digits glued to words, returning the text and the
    /// footnote numbers it references.
    fn strip_footnotes(&self, text: &str) -> (String, Vec<u32>) {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut notes = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            if is_glued_footnote_digit(&chars, i) {
                let n = c.to_digit(10).unwrap_or(0);
                if self.footnote_numbers.contains(&n) {
                    notes.push(n);
                    continue;
                }
            }
            out.push(*c);
        }
        (out, notes)
    }

    // ---- the overview page ------------------------------------------------

    fn overview_unit(&mut self, unit: &Unit) {
        match &unit.marker {
            Marker::Number { n, .. } => {
                let (title, text) = match unit.text.split_once(':') {
                    Some((t, rest)) => (t.trim().to_string(), rest.trim().to_string()),
                    None => (unit.text.trim().to_string(), String::new()),
                };
                self.s.groups.push(Group {
                    number: *n,
                    title,
                    text,
                    parts: Vec::new(),
                    lines: Some(unit.lines),
                });
            }
            Marker::Letter { label, .. } => match self.s.groups.last_mut() {
                Some(g) => {
                    g.parts.push(Part {
                        label: Some(label.clone()),
                        text: unit.text.clone(),
                        lines: Some(unit.lines),
                    });
                    if let Some(l) = g.lines.as_mut() {
                        l.1 = unit.lines.1;
                    }
                }
                None => self.unplaced(
                    unit,
                    "a lettered part before any group on the overview page",
                ),
            },
            Marker::Roman { .. } => self.unplaced(unit, "a roman item on the overview page"),
            Marker::None => {
                if let Some(entry) = legend_entry(&unit.text) {
                    let legend = self.s.legend.get_or_insert(Legend {
                        intro: None,
                        entries: Vec::new(),
                    });
                    if legend.entries.is_empty() {
                        self.legend_intro_index = self
                            .intro_paragraphs
                            .len()
                            .checked_sub(1)
                            .filter(|i| self.intro_paragraphs[*i].0.ends_with(':'));
                    }
                    legend.entries.push(entry);
                } else if self.s.groups.is_empty()
                    && self.s.groups_intro.is_none()
                    && !unit.is_unterminated()
                {
                    self.s.groups_intro = Some(unit.text.clone());
                } else if unit.is_unterminated() && unit.word_count() <= 3 {
                    let intro = self.s.introduction.get_or_insert(Introduction {
                        title: None,
                        paragraphs: Vec::new(),
                        lines: None,
                    });
                    if intro.title.is_none() {
                        intro.title = Some(unit.text.clone());
                    } else {
                        self.unplaced(unit, "a second heading on the overview page");
                    }
                } else {
                    self.intro_paragraphs.push((unit.text.clone(), unit.lines));
                }
            }
        }
    }

    fn finish_overview(&mut self) {
        let mut paragraphs = std::mem::take(&mut self.intro_paragraphs);
        if let Some(i) = self.legend_intro_index.take() {
            let (text, _) = paragraphs.remove(i);
            if let Some(l) = self.s.legend.as_mut() {
                l.intro = Some(text);
            }
        }
        if let Some(goal_sentence) = paragraphs
            .iter()
            .flat_map(|(p, _)| p.split_inclusive(". "))
            .find(|s| s.contains("ledig:"))
        {
            self.s.goals = goals(goal_sentence.trim());
        }
        if !paragraphs.is_empty() {
            let first = paragraphs.first().map(|p| p.1.0).unwrap_or(0);
            let last = paragraphs.last().map(|p| p.1.1).unwrap_or(0);
            let intro = self.s.introduction.get_or_insert(Introduction {
                title: None,
                paragraphs: Vec::new(),
                lines: None,
            });
            intro.paragraphs = paragraphs.into_iter().map(|p| p.0).collect();
            intro.lines = Some(Lines(first, last));
        }
        if self.s.groups.is_empty() {
            self.warnings.push(Warning {
                lines: None,
                message: "no numbered groups on the first page; the overview was not found".into(),
            });
        }
        if self.s.goals.is_empty() {
            self.warnings.push(Warning {
                lines: None,
                message:
                    "no goals found (a sentence with “drieledig:” or similar on the overview page)"
                        .into(),
            });
        }
    }

    // ---- theme pages and measures -----------------------------------------

    fn body_unit(&mut self, unit: &Unit) {
        match &unit.marker {
            Marker::Number { n, tab } => {
                let expected = self
                    .s
                    .measures
                    .last()
                    .map(|m| m.number.saturating_add(1))
                    .unwrap_or(1);
                // A footnote's number lacks the tab a measure's has; a
                // line without it still starts the measure due when no
                // line with the tab does (the extractor lost it).
                if *n == expected && (*tab || !self.tabbed_numbers.contains(n)) {
                    if !tab {
                        self.warn(
                            unit.lines,
                            format!(
                                "measure {n} starts on a line without the tab after its \
                                 number that the other measures have; read as measure {n}, \
                                 not a footnote"
                            ),
                        );
                    }
                    self.start_measure(*n, unit);
                } else if !tab {
                    self.footnote(*n, unit);
                } else {
                    self.unplaced(
                        unit,
                        &format!("a numbered line {n}. where measure {expected} was expected"),
                    );
                }
            }
            Marker::Letter { label, roman } => {
                let in_sub = self.current_item_expects_roman(label);
                if *roman && in_sub && unit.leading_tabs >= 2 {
                    self.sub_item(label, unit);
                } else {
                    self.item(label, unit);
                }
            }
            Marker::Roman { label } => self.sub_item(label, unit),
            Marker::None => self.text_unit(unit),
        }
    }

    fn current_item_expects_roman(&self, label: &str) -> bool {
        self.s
            .measures
            .last()
            .and_then(|m| m.items.last())
            .is_some_and(|i| expected_label(1, i.items.len()) == label)
    }

    fn heading_theme(&self, text: &str) -> Option<u32> {
        self.s
            .groups
            .iter()
            .filter(|g| !g.title.is_empty() && text.starts_with(g.title.as_str()))
            .max_by_key(|g| g.title.len())
            .map(|g| g.number)
    }

    fn text_unit(&mut self, unit: &Unit) {
        let heading_like = unit.is_unterminated() && unit.starts_uppercase();
        if heading_like && unit.page_start {
            if let Some(n) = self.heading_theme(&unit.text) {
                self.theme_heading(n, unit);
                return;
            }
        }
        if heading_like && unit.word_count() <= 3 {
            self.section_heading(unit, Vec::new());
            return;
        }
        if heading_like && unit.page_start {
            let n = self
                .s
                .themes
                .last()
                .map(|t| t.number.saturating_add(1))
                .unwrap_or(1);
            self.warn(
                unit.lines,
                format!(
                    "heading {} matches no group of the overview; read as theme {n}",
                    shorten(&unit.text)
                ),
            );
            self.theme_heading(n, unit);
            return;
        }
        if heading_like {
            self.aim(unit);
            return;
        }
        // Sentences: part of the measure before its first item, or a
        // paragraph between measures.
        let in_measure =
            self.scope_has_measure && self.s.measures.last().is_some_and(|m| m.items.is_empty());
        if in_measure {
            let (text, notes) = self.strip_footnotes(&unit.text);
            self.measure_text.push(text);
            self.measure_text_footnotes.extend(notes);
            if let Some(m) = self.s.measures.last_mut() {
                if let Some(l) = m.lines.as_mut() {
                    l.1 = unit.lines.1;
                }
            }
        } else if let Some(t) = self.current_theme {
            self.finish_measure();
            self.s.themes[t].paragraphs.push(Paragraph {
                before: 0,
                text: unit.text.clone(),
                lines: Some(unit.lines),
            });
            self.pending_paragraphs
                .push((t, self.s.themes[t].paragraphs.len() - 1));
            self.scope_has_measure = false;
        } else {
            self.unplaced(unit, "text before the first theme heading");
        }
    }

    fn theme_heading(&mut self, n: u32, unit: &Unit) {
        self.finish_measure();
        self.scope_has_measure = false;
        match self.s.themes.iter().position(|t| t.number == n) {
            Some(t) => {
                // A second page of the same theme: both pages become sections.
                let theme = &mut self.s.themes[t];
                if theme.sections.is_empty() {
                    let first = Section {
                        title: theme.title.clone(),
                        aims: std::mem::take(&mut theme.aims),
                        lines: theme.lines,
                    };
                    theme.sections.push(first);
                    if let Some(g) = self.s.groups.iter().find(|g| g.number == n) {
                        theme.note = Some(
                            "the theme has pages with headings of their own, held as sections; its title is the overview's group title"
                                .to_string(),
                        );
                        theme.title = g.title.clone();
                    }
                    let first_title = theme.sections[0].title.clone();
                    for m in self
                        .s
                        .measures
                        .iter_mut()
                        .filter(|m| m.theme == n && m.section.is_none())
                    {
                        m.section = Some(first_title.clone());
                    }
                }
                let theme = &mut self.s.themes[t];
                theme.sections.push(Section {
                    title: unit.text.clone(),
                    aims: Vec::new(),
                    lines: Some(unit.lines),
                });
                if let Some(l) = theme.lines.as_mut() {
                    l.1 = unit.lines.1;
                }
                self.current_theme = Some(t);
                self.current_section = Some(theme.sections.len() - 1);
                self.aim_section = self.current_section;
            }
            None => {
                self.s.themes.push(Theme {
                    number: n,
                    title: unit.text.clone(),
                    aims: Vec::new(),
                    sections: Vec::new(),
                    paragraphs: Vec::new(),
                    note: None,
                    lines: Some(unit.lines),
                });
                self.current_theme = Some(self.s.themes.len() - 1);
                self.current_section = None;
                self.aim_section = None;
            }
        }
    }

    fn section_heading(&mut self, unit: &Unit, aims: Vec<String>) {
        self.finish_measure();
        let Some(theme) = self.current_theme.and_then(|t| self.s.themes.get_mut(t)) else {
            self.unplaced(unit, "a heading before the first theme");
            return;
        };
        theme.sections.push(Section {
            title: unit.text.clone(),
            aims,
            lines: Some(unit.lines),
        });
        self.current_section = Some(theme.sections.len() - 1);
        self.scope_has_measure = false;
    }

    fn aim(&mut self, unit: &Unit) {
        let scope_has_measure = self.scope_has_measure;
        let Some(theme) = self.current_theme.and_then(|t| self.s.themes.get_mut(t)) else {
            self.unplaced(unit, "an aim line before the first theme");
            return;
        };
        if !scope_has_measure {
            match self.aim_section.and_then(|s| theme.sections.get_mut(s)) {
                Some(section) => section.aims.push(unit.text.clone()),
                None => theme.aims.push(unit.text.clone()),
            }
        } else if theme.aims.is_empty() && theme.sections.is_empty() {
            let n = theme.number;
            theme.aims.push(unit.text.clone());
            self.warn(unit.lines, format!("an aim line stands after the measures of theme {n} (at the foot of its page); read as the theme's aim"));
        } else {
            self.unplaced(unit, "a line without sentence punctuation between measures");
        }
    }

    fn start_measure(&mut self, n: u32, unit: &Unit) {
        self.finish_measure();
        let Some(theme) = self.current_theme.and_then(|t| self.s.themes.get(t)) else {
            self.unplaced(unit, "a measure before the first theme heading");
            return;
        };
        let section = self
            .current_section
            .and_then(|s| theme.sections.get(s))
            .map(|s| s.title.clone());
        let theme_number = theme.number;
        for (t, p) in std::mem::take(&mut self.pending_paragraphs) {
            if let Some(para) = self
                .s
                .themes
                .get_mut(t)
                .and_then(|t| t.paragraphs.get_mut(p))
            {
                para.before = n;
            }
        }
        let (title, notes) = self.strip_footnotes(&unit.text);
        self.s.measures.push(Measure {
            number: n,
            references: references(&title),
            title,
            theme: theme_number,
            section,
            status: StatusRecord::uncertain(Status::ALL.to_vec(), None),
            lead_in: None,
            body: None,
            items: Vec::new(),
            footnotes: notes,
            lines: Some(unit.lines),
        });
        self.scope_has_measure = true;
    }

    /// Move the measure's text units into its body (or, once items follow,
    /// its lead-in).
    fn finish_measure(&mut self) {
        self.take_measure_text(false);
    }

    fn take_measure_text(&mut self, items_follow: bool) {
        let text = std::mem::take(&mut self.measure_text);
        let notes = std::mem::take(&mut self.measure_text_footnotes);
        let Some(m) = self.s.measures.last_mut() else {
            return;
        };
        if text.is_empty() {
            return;
        }
        let joined = text.join("\n\n");
        m.references.extend(references(&joined));
        m.footnotes.extend(notes);
        if m.items.is_empty() && !items_follow {
            m.body = Some(joined);
        } else {
            m.lead_in = Some(joined);
        }
    }

    fn item(&mut self, label: &str, unit: &Unit) {
        if !self.scope_has_measure {
            self.unplaced(unit, "a lettered item outside a measure");
            return;
        }
        // Text units gathered so far precede the first item: a lead-in.
        if self.s.measures.last().is_some_and(|m| m.items.is_empty()) {
            self.take_measure_text(true);
        }
        let (text, notes) = self.strip_footnotes(&unit.text);
        let Some(m) = self.s.measures.last_mut() else {
            return;
        };
        let expected = expected_label(0, m.items.len());
        let number = m.number;
        m.items.push(Item {
            label: label.to_string(),
            references: references(&text),
            text,
            status: None,
            items: Vec::new(),
            footnotes: notes,
            lines: Some(unit.lines),
        });
        if let Some(l) = m.lines.as_mut() {
            l.1 = unit.lines.1;
        }
        if label != expected {
            self.warn(
                unit.lines,
                format!("item `{label}` of measure {number} where `{expected}` was expected"),
            );
        }
    }

    fn sub_item(&mut self, label: &str, unit: &Unit) {
        let (text, notes) = self.strip_footnotes(&unit.text);
        let Some(item) = self
            .s
            .measures
            .last_mut()
            .filter(|_| self.scope_has_measure)
            .and_then(|m| {
                if let Some(l) = m.lines.as_mut() {
                    l.1 = unit.lines.1;
                }
                m.items.last_mut()
            })
        else {
            self.unplaced(unit, "a roman item outside a lettered item");
            return;
        };
        item.items.push(Item {
            label: label.to_string(),
            references: references(&text),
            text,
            status: None,
            items: Vec::new(),
            footnotes: notes,
            lines: Some(unit.lines),
        });
        if let Some(l) = item.lines.as_mut() {
            l.1 = unit.lines.1;
        }
    }

    fn footnote(&mut self, n: u32, unit: &Unit) {
        self.s.footnotes.push(Footnote {
            number: n,
            text: unit.text.clone(),
            lines: Some(unit.lines),
        });
    }

    // ---- glossary -----------------------------------------------------------

    fn glossary_unit(&mut self, unit: &Unit) {
        if let Marker::Number { n, tab: false } = unit.marker {
            self.footnote(n, unit);
            return;
        }
        if !is_entry(unit) {
            self.unplaced(unit, "a glossary line that is not `Term: definition`");
            return;
        }
        let (term, definition) = unit.text.split_once(": ").unwrap_or((&unit.text, ""));
        let (definition, notes) = self.strip_footnotes(definition);
        if !notes.is_empty() {
            self.warn(
                unit.lines,
                format!(
                    "footnote {notes:?} in the definition of `{term}` is not kept with the entry"
                ),
            );
        }
        let entry = GlossaryEntry {
            term: term.to_string(),
            definition,
            lines: Some(unit.lines),
        };
        if let Some(g) = self.s.glossary.as_mut() {
            g.entries.push(entry);
        }
    }

    // ---- statuses -----------------------------------------------------------

    /// Record each measure's status from the marks on its page: confirmed when
    /// the page settles it, otherwise uncertain with the candidates the marks
    /// allow.
    fn assign_statuses(&mut self, pages: &[Page]) {
        let legend: Vec<Status> = self
            .s
            .legend
            .as_ref()
            .map(|l| l.entries.iter().map(|e| e.status).collect())
            .unwrap_or_else(|| Status::ALL.to_vec());
        for page in pages {
            let on_page: Vec<usize> = self
                .s
                .measures
                .iter()
                .enumerate()
                .filter(|(_, m)| m.lines.is_some_and(|l| page.lines.contains(l.0)))
                .map(|(i, _)| i)
                .collect();
            if on_page.is_empty() {
                if !page.marks.is_empty() {
                    self.warnings.push(Warning {
                        lines: Some(page.lines),
                        message: format!(
                            "page has status marks {} but no measure starts on it",
                            page.marks_text()
                        ),
                    });
                }
                continue;
            }
            let numbers: Vec<String> = on_page
                .iter()
                .map(|i| self.s.measures[*i].number.to_string())
                .collect();
            let distinct: BTreeSet<Status> = page.marks.iter().map(|m| m.status).collect();
            let where_ = format!("source page lines {}", page.lines);
            if page.marks.is_empty() {
                for i in &on_page {
                    self.s.measures[*i].status = StatusRecord::uncertain(
                        legend.clone(),
                        Some(format!("no status marks on its {where_}")),
                    );
                }
                self.warnings.push(Warning {
                    lines: Some(page.lines),
                    message: format!(
                        "page with {} {} has no status marks; {} uncertain",
                        noun(numbers.len(), "measure", "measures"),
                        numbers.join(", "),
                        noun(numbers.len(), "its status is", "their statuses are")
                    ),
                });
                continue;
            }
            // Marks that all agree settle every measure on the page (one
            // mark alone always does).
            let settled = distinct.len() == 1;
            for i in &on_page {
                self.s.measures[*i].status = if settled {
                    let status = page.marks[0].status;
                    StatusRecord {
                        value: Some(status),
                        certainty: Certainty::Confirmed,
                        candidates: Vec::new(),
                        note: Some(format!("marks on its {where_}: {}", page.marks_text())),
                    }
                } else {
                    StatusRecord::uncertain(
                        distinct.iter().copied().collect(),
                        Some(format!(
                            "marks on its {where_}: {} (for measures {})",
                            page.marks_text(),
                            numbers.join(", ")
                        )),
                    )
                };
            }
            if !settled {
                let message = if numbers.len() == 1 {
                    format!(
                        "marks {} on the page of measure {} disagree; its status is recorded as uncertain",
                        page.marks_text(),
                        numbers.join(", ")
                    )
                } else {
                    format!(
                        "marks {} on the page of measures {} do not say which is whose; statuses recorded as uncertain",
                        page.marks_text(),
                        numbers.join(", ")
                    )
                };
                self.warnings.push(Warning {
                    lines: Some(page.lines),
                    message,
                });
            }
            if page.marks.len() != on_page.len() {
                self.warnings.push(Warning {
                    lines: Some(page.lines),
                    message: format!(
                        "{} for {} ({}) on this page: the rest may belong to items or to a measure from the page before",
                        count(page.marks.len(), "mark", "marks"),
                        count(on_page.len(), "measure", "measures"),
                        numbers.join(", ")
                    ),
                });
            }
        }
    }
}
