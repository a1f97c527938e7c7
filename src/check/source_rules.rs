//! Rules between a snapshot and the source text it was made from: the text is
//! the source's own words, the file is the one the hash names, and the status
//! marks on each source page agree with the statuses recorded for the measures
//! and items on that page.

use super::word_diff::WordDetail;
use super::{Severity, Sink, and_list};
use crate::load::JsonPath;
use crate::snapshot::{Certainty, Lines, Measure, Snapshot, Status, StatusRecord};
use crate::source::{self, Page, SourceLine};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub(super) fn check(sink: &mut Sink<'_>) {
    let loaded = sink.loaded;
    let s = &loaded.snapshot;
    let Some(source_ref) = &s.source else {
        sink.push(
            "source/missing",
            Severity::Warning,
            &JsonPath::root(),
            "the snapshot names no `source`; keep the source text beside it and name it in `source.file`, so that its text and statuses can be checked".to_string(),
        );
        return;
    };
    let Some(text) = &loaded.source_text else {
        let shown = loaded
            .source_path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| source_ref.file.clone());
        sink.push(
            "source/missing",
            Severity::Warning,
            &JsonPath::root().key("source").key("file"),
            format!("the source text `{shown}` is missing or unreadable; put it beside the snapshot or correct `source.file`"),
        );
        return;
    };
    if let Some(expected) = &source_ref.sha256 {
        let actual = hex(&Sha256::digest(text.as_bytes()));
        if !expected.eq_ignore_ascii_case(&actual) {
            sink.push(
                "source/hash-mismatch",
                Severity::Warning,
                &JsonPath::root().key("source").key("sha256"),
                format!("the source text's SHA-256 is {actual}, not the {expected} that `source.sha256` records; if the source was replaced on purpose, re-import or update the hash"),
            )
            .at_source(loaded, Some(Lines(1, 1)));
        }
    }
    let lines = source::lines(text);
    text_found(sink, &lines);
    marks(sink, &lines);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One text of the snapshot: where it is, what it is, and which source lines
/// it came from (its own, or its measure's).
struct Element<'a> {
    path: JsonPath,
    what: String,
    text: &'a str,
    lines: Option<Lines>,
    /// Whether `lines` are the element's own (not its measure's or group's).
    own_lines: bool,
}

/// Every text of the snapshot that should be the source's own words.
fn elements(s: &Snapshot) -> Vec<Element<'_>> {
    let root = JsonPath::root();
    let mut out = Vec::new();
    out.extend(s.description.as_deref().map(|t| Element {
        path: root.key("description"),
        what: "the description".into(),
        text: t,
        lines: None,
        own_lines: false,
    }));
    out.extend(s.groups_intro.as_deref().map(|t| Element {
        path: root.key("groups_intro"),
        what: "the groups intro".into(),
        text: t,
        lines: None,
        own_lines: false,
    }));
    for (i, g) in s.groups.iter().enumerate() {
        let at = root.key("groups").index(i);
        out.push(Element {
            path: at.key("title"),
            what: format!("the title of group {}", g.number),
            text: &g.title,
            lines: g.lines,
            own_lines: false,
        });
        out.push(Element {
            path: at.key("text"),
            what: format!("the text of group {}", g.number),
            text: &g.text,
            lines: g.lines,
            own_lines: true,
        });
        for (k, p) in g.parts.iter().enumerate() {
            let own = p.lines.is_some();
            out.push(Element {
                path: at.key("parts").index(k).key("text"),
                what: format!("part {} of group {}", k + 1, g.number),
                text: &p.text,
                lines: p.lines.or(g.lines),
                own_lines: own,
            });
        }
    }
    if let Some(intro) = &s.introduction {
        let at = root.key("introduction");
        out.extend(intro.title.as_deref().map(|t| Element {
            path: at.key("title"),
            what: "the introduction's title".into(),
            text: t,
            lines: intro.lines,
            own_lines: false,
        }));
        for (k, p) in intro.paragraphs.iter().enumerate() {
            out.push(Element {
                path: at.key("paragraphs").index(k),
                what: format!("paragraph {} of the introduction", k + 1),
                text: p,
                lines: intro.lines,
                own_lines: false,
            });
        }
    }
    for (k, g) in s.goals.iter().enumerate() {
        out.push(Element {
            path: root.key("goals").index(k),
            what: format!("goal {}", k + 1),
            text: g,
            lines: None,
            own_lines: false,
        });
    }
    if let Some(legend) = &s.legend {
        out.extend(legend.intro.as_deref().map(|t| Element {
            path: root.key("legend").key("intro"),
            what: "the legend's intro".into(),
            text: t,
            lines: None,
            own_lines: false,
        }));
        for (k, e) in legend.entries.iter().enumerate() {
            out.push(Element {
                path: root.key("legend").key("entries").index(k).key("label"),
                what: format!("the legend's label for `{}`", e.status),
                text: &e.label,
                lines: None,
                own_lines: false,
            });
        }
    }
    for (i, t) in s.themes.iter().enumerate() {
        let at = root.key("themes").index(i);
        out.push(Element {
            path: at.key("title"),
            what: format!("the title of theme {}", t.number),
            text: &t.title,
            lines: t.lines,
            own_lines: false,
        });
        for (k, a) in t.aims.iter().enumerate() {
            out.push(Element {
                path: at.key("aims").index(k),
                what: format!("aim {} of theme {}", k + 1, t.number),
                text: a,
                lines: t.lines,
                own_lines: false,
            });
        }
        for (k, sec) in t.sections.iter().enumerate() {
            let sat = at.key("sections").index(k);
            out.push(Element {
                path: sat.key("title"),
                what: format!("section `{}` of theme {}", sec.title, t.number),
                text: &sec.title,
                lines: sec.lines,
                own_lines: false,
            });
            for (n, a) in sec.aims.iter().enumerate() {
                out.push(Element {
                    path: sat.key("aims").index(n),
                    what: format!("aim {} of section `{}`", n + 1, sec.title),
                    text: a,
                    lines: sec.lines,
                    own_lines: false,
                });
            }
        }
        for (k, p) in t.paragraphs.iter().enumerate() {
            out.push(Element {
                path: at.key("paragraphs").index(k).key("text"),
                what: format!("the paragraph before measure {}", p.before),
                text: &p.text,
                lines: p.lines,
                own_lines: true,
            });
        }
    }
    for (i, m) in s.measures.iter().enumerate() {
        let at = root.key("measures").index(i);
        let n = m.number;
        out.push(Element {
            path: at.key("title"),
            what: format!("the title of measure {n}"),
            text: &m.title,
            lines: m.lines,
            own_lines: false,
        });
        out.extend(m.lead_in.as_deref().map(|t| Element {
            path: at.key("lead_in"),
            what: format!("the lead-in of measure {n}"),
            text: t,
            lines: m.lines,
            own_lines: false,
        }));
        out.extend(m.body.as_deref().map(|t| Element {
            path: at.key("body"),
            what: format!("the body of measure {n}"),
            text: t,
            lines: m.lines,
            own_lines: false,
        }));
        let mut items = Vec::new();
        super::snapshot_rules::walk_items(&m.items, &at, &mut |path, item| {
            items.push((path.clone(), item))
        });
        for (path, item) in items {
            out.push(Element {
                path: path.key("text"),
                what: format!("the text of item {n}{}", item.label),
                text: &item.text,
                lines: item.lines.or(m.lines),
                own_lines: item.lines.is_some(),
            });
        }
    }
    for (i, f) in s.footnotes.iter().enumerate() {
        out.push(Element {
            path: root.key("footnotes").index(i).key("text"),
            what: format!("the text of footnote {}", f.number),
            text: &f.text,
            lines: f.lines,
            own_lines: true,
        });
    }
    if let Some(g) = &s.glossary {
        out.extend(g.intro.as_deref().map(|t| Element {
            path: root.key("glossary").key("intro"),
            what: "the glossary's intro".into(),
            text: t,
            lines: None,
            own_lines: false,
        }));
        for (i, e) in g.entries.iter().enumerate() {
            let at = root.key("glossary").key("entries").index(i);
            out.push(Element {
                path: at.key("term"),
                what: format!("the glossary term `{}`", e.term),
                text: &e.term,
                lines: e.lines,
                own_lines: false,
            });
            out.push(Element {
                path: at.key("definition"),
                what: format!("the definition of `{}`", e.term),
                text: &e.definition,
                lines: e.lines,
                own_lines: true,
            });
        }
    }
    out.extend(s.organisations.as_deref().map(|t| Element {
        path: root.key("organisations"),
        what: "the organisations".into(),
        text: t,
        lines: None,
        own_lines: false,
    }));
    out
}

/// Elements whose own source lines are at most this many are shown with a
/// word diff against those lines.
const DIFF_LINES: u32 = 15;

/// Every text of the snapshot occurs in the source once extraction artefacts
/// are normalised away (see `source::skeleton`).
fn text_found(sink: &mut Sink<'_>, lines: &[SourceLine<'_>]) {
    let loaded = sink.loaded;
    let haystack = source::source_skeleton(lines);
    let shown = loaded
        .source_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for e in elements(&loaded.snapshot) {
        let needle = source::skeleton(e.text);
        if needle.is_empty() || haystack.contains(&needle) {
            continue;
        }
        let near = e
            .lines
            .map(|l| format!(" (near line {})", l.first()))
            .unwrap_or_default();
        let message = format!(
            "{} is not in the source text `{shown}`{near}; correct it to the source's words, or re-import if the source changed",
            e.what
        );
        let detail = e
            .lines
            .filter(|l| e.own_lines && l.last() >= l.first() && l.last() - l.first() < DIFF_LINES)
            .map(|l| {
                WordDetail::between(
                    format!(
                        "source {} {l}",
                        if l.first() == l.last() {
                            "line"
                        } else {
                            "lines"
                        }
                    ),
                    without_label(&source_passage(lines, l), e.text),
                    format!("snapshot {}", e.path),
                    e.text,
                )
            });
        let finding = sink.push("source/text-not-found", Severity::Error, &e.path, message);
        finding.at_source(loaded, e.lines);
        if let Some(d) = detail {
            finding.with_detail(d);
        }
    }
}

/// A source passage without the `Title:` (or `Term:`) that stands before an
/// element's text on the same line: that label is another element of the
/// snapshot (a group's title, a glossary term), not a word the text lost.
fn without_label<'a>(passage: &'a str, text: &str) -> &'a str {
    match passage.split_once(": ") {
        Some((label, rest))
            if label.split_whitespace().count() <= 6
                && !text.trim_start().starts_with(label.trim()) =>
        {
            rest
        }
        _ => passage,
    }
}

/// The source lines `range` as running text: soft wraps become spaces, words
/// broken across lines are joined again, marks and page numbers left out.
fn source_passage(lines: &[SourceLine<'_>], range: Lines) -> String {
    let mut out = String::new();
    let mut joined = true;
    for line in lines.iter().filter(|l| {
        range.contains(l.number) && !l.is_blank() && l.mark().is_none() && !l.is_page_number()
    }) {
        if !joined {
            out.push(' ');
        }
        let content = line.content.as_str();
        let broken = !line.trailing_space && content.ends_with(|c: char| c.is_alphabetic());
        let hyphenated = content.ends_with('-');
        if hyphenated {
            out.push_str(&content[..content.len() - 1]);
        } else {
            out.push_str(content);
        }
        joined = broken || hyphenated;
    }
    // A list label or bullet the snapshot keeps apart (`b.`, `ii.`, `•`).
    let mut words = out.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        let label = w.strip_suffix('.').is_some_and(|l| {
            !l.is_empty()
                && l.len() <= 4
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
        if label || *w == "•" {
            words.next();
        } else {
            break;
        }
    }
    words.collect::<Vec<_>>().join(" ")
}

/// A status on the source: which measure or item bears it, and where.
struct Bearer {
    what: String,
    path: JsonPath,
    record: StatusRecord,
    lines: Lines,
    is_item: bool,
}

/// The measures and items with a status and known source lines.
fn bearers(s: &Snapshot) -> Vec<Bearer> {
    let mut out = Vec::new();
    for (i, m) in s.measures.iter().enumerate() {
        let at = JsonPath::root().key("measures").index(i);
        if let Some(lines) = m.lines {
            out.push(Bearer {
                what: format!("measure {}", m.number),
                path: at.key("status"),
                record: m.status.clone(),
                lines,
                is_item: false,
            });
        }
        super::snapshot_rules::walk_items(&m.items, &at, &mut |path, item| {
            if let (Some(record), Some(lines)) = (&item.status, item.lines) {
                out.push(Bearer {
                    what: format!("item {}{}", m.number, item.label),
                    path: path.key("status"),
                    record: record.clone(),
                    lines,
                    is_item: true,
                });
            }
        });
    }
    out
}

/// Take one `status` out of `marks`, if it is there.
fn take(marks: &mut BTreeMap<Status, usize>, status: Status) -> bool {
    match marks.get_mut(&status) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    }
}

fn letters(marks: &BTreeMap<Status, usize>) -> String {
    let list: Vec<String> = marks
        .iter()
        .flat_map(|(s, n)| std::iter::repeat_n(s.to_string(), *n))
        .collect();
    if list.is_empty() {
        "none".to_string()
    } else {
        list.join(" ")
    }
}

/// The status marks of each page against the statuses recorded for the
/// measures and items whose heading is on it (see `docs/check-format.md`,
/// "Status marks", for the rule in full).
fn marks(sink: &mut Sink<'_>, lines: &[SourceLine<'_>]) {
    let loaded = sink.loaded;
    let s = &loaded.snapshot;
    let pages = source::pages(lines);
    let bearers = bearers(s);
    let on_page = |page: &Page, l: Lines| page.lines.contains(l.first());
    let mut found: Vec<(&'static str, Severity, JsonPath, String, Lines)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let here: Vec<&Bearer> = bearers.iter().filter(|b| on_page(page, b.lines)).collect();
        let headed: Vec<&Measure> = s
            .measures
            .iter()
            .filter(|m| m.lines.is_some_and(|l| on_page(page, l)))
            .collect();
        if page.marks.is_empty() {
            if let Some(first) = headed.first() {
                let numbers: Vec<u32> = headed.iter().map(|m| m.number).collect();
                let index = s
                    .measures
                    .iter()
                    .position(|m| m.number == first.number)
                    .unwrap_or(0);
                found.push((
                    "source/page-without-marks",
                    Severity::Info,
                    JsonPath::root().key("measures").index(index).key("status"),
                    if numbers.len() == 1 {
                        format!("the source page at lines {} holds measure {} but no status marks; its status rests on other evidence (see its note)", page.lines, numbers[0])
                    } else {
                        format!("the source page at lines {} holds measures {} but no status marks; their statuses rest on other evidence (see their notes)", page.lines, and_list(&numbers))
                    },
                    page.lines,
                ));
            }
            continue;
        }
        let mut left: BTreeMap<Status, usize> = BTreeMap::new();
        for m in &page.marks {
            *left.entry(m.status).or_default() += 1;
        }
        let page_marks = page.marks_text();
        // Settled statuses headed on the page must be among its marks. Where
        // a status has more bearers than marks, the likeliest mistake is
        // blamed: a deduced status before a confirmed one, an item before a
        // measure, a later bearer before an earlier one.
        for status in Status::ALL {
            let with: Vec<&Bearer> = here
                .iter()
                .copied()
                .filter(|b| b.record.settled() == Some(status))
                .collect();
            let have = left.get(&status).copied().unwrap_or(0);
            if let Some(n) = left.get_mut(&status) {
                *n -= with.len().min(have);
            }
            if with.len() <= have {
                continue;
            }
            let mut blame = with.clone();
            blame.sort_by_key(|b| {
                std::cmp::Reverse((
                    b.record.certainty == Certainty::Deduced,
                    b.is_item,
                    b.lines.first(),
                ))
            });
            let all: Vec<&str> = with.iter().map(|b| b.what.as_str()).collect();
            for b in blame.iter().take(with.len() - have) {
                found.push((
                    "source/marks-mismatch",
                    Severity::Error,
                    b.path.clone(),
                    format!(
                        "{} is recorded `{status}` but the marks of its source page (lines {}) are {page_marks}: {have} `{status}` for {}; correct the status or its certainty",
                        b.what,
                        page.lines,
                        and_list(&all)
                    ),
                    b.lines,
                ));
            }
        }
        // A measure headed on a page without marks whose text runs onto this
        // one (measure 32 of the 2014 programme) has its mark here.
        let continuing: Vec<&Measure> = s
            .measures
            .iter()
            .filter(|m| {
                m.lines.is_some_and(|l| {
                    l.first() < page.lines.first() && l.last() >= page.lines.first()
                })
            })
            .filter(|m| {
                m.lines
                    .and_then(|l| source::page_of(&pages[..p], l.first()))
                    .is_some_and(|home| home.marks.is_empty())
            })
            .collect();
        for m in &continuing {
            let Some(status) = m.status.settled() else {
                continue;
            };
            if !take(&mut left, status) {
                let index = s
                    .measures
                    .iter()
                    .position(|x| x.number == m.number)
                    .unwrap_or(0);
                found.push((
                    "source/marks-mismatch",
                    Severity::Error,
                    JsonPath::root().key("measures").index(index).key("status"),
                    format!("measure {} is recorded `{status}`; its own page has no marks and the page it continues on (lines {}) has {page_marks}, with no `{status}` left for it; correct the status or its certainty", m.number, page.lines),
                    page.lines,
                ));
            }
        }
        // Uncertain statuses must be able to take one of the marks left.
        for b in here
            .iter()
            .filter(|b| b.record.certainty == Certainty::Uncertain)
        {
            if !b.record.candidates.is_empty()
                && !b
                    .record
                    .candidates
                    .iter()
                    .any(|c| left.get(c).is_some_and(|n| *n > 0))
            {
                let candidates: Vec<String> = b
                    .record
                    .candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect();
                found.push((
                    "source/marks-mismatch",
                    Severity::Error,
                    b.path.key("candidates"),
                    format!("{} may be {} but the marks its source page (lines {}) leaves for it are {}; correct the candidates", b.what, candidates.join(" or "), page.lines, letters(&left)),
                    b.lines,
                ));
            }
        }
        let leftover: usize = left.values().sum();
        let has_items = s
            .measures
            .iter()
            .flat_map(|m| m.items_flat())
            .any(|(_, item)| item.lines.is_some_and(|l| on_page(page, l)));
        let explained = here
            .iter()
            .any(|b| b.record.certainty == Certainty::Uncertain)
            || has_items
            || !continuing.is_empty();
        if leftover > 0 && !explained {
            let mark_line = page
                .marks
                .first()
                .map(|m| Lines(m.line, m.line))
                .unwrap_or(page.lines);
            let path = here
                .first()
                .map(|b| b.path.clone())
                .unwrap_or_else(|| JsonPath::root().key("measures"));
            found.push((
                "source/marks-unexplained",
                Severity::Warning,
                path,
                format!("the source page at lines {} has marks {page_marks}, and {} of them belong to no measure or item on it; record the status of the item or measure that bears them", page.lines, letters(&left)),
                mark_line,
            ));
        }
    }
    for (rule, severity, path, message, lines) in found {
        sink.push(rule, severity, &path, message)
            .at_source(loaded, Some(lines));
    }
}
