//! Reading a summary page's text: title, description, goals, groups with their
//! parts, organisations; navigation leftovers are skipped (and reported).

use super::{ImportError, Imported, Warning, goals};
use crate::snapshot::{Group, Introduction, Kind, Lines, Part, Snapshot};

/// Lines of web-page furniture, not content.
const NAVIGATION: [&str; 8] = [
    "direct naar content",
    "download publicatie",
    "neem contact met ons op",
    "geeft vereiste velden aan",
    "terug naar boven",
    "deel deze pagina",
    "print",
    "delen",
];

fn is_navigation(text: &str) -> bool {
    let lower = text.to_lowercase();
    NAVIGATION
        .iter()
        .any(|n| lower == *n || (n.len() > 12 && lower.contains(n)))
}

/// A bullet: `•`, `-`, `*` or `·` and the depth of its indentation.
fn bullet(raw: &str) -> Option<(usize, &str)> {
    let indent = raw.chars().take_while(|c| *c == ' ' || *c == '\t').count();
    let rest = raw[indent..].strip_prefix(['•', '·', '*', '-', '–'])?;
    Some((indent, rest.trim()))
}

pub fn import(text: &str, id: &str) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let mut s = Snapshot::new(Kind::Summary, id);
    // Which labelled section of the page a paragraph belongs to.
    let mut section: Option<String> = None;
    let mut group_indent: Option<usize> = None;
    let mut done = false;
    for (i, raw) in text.lines().enumerate() {
        let number = i as u32 + 1;
        let line = raw.replace('\u{FFFD}', "");
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        if is_navigation(content) {
            warnings.push(Warning {
                lines: Some(Lines(number, number)),
                message: format!("navigation line skipped: “{content}”"),
            });
            continue;
        }
        if done {
            warnings.push(Warning {
                lines: Some(Lines(number, number)),
                message: format!(
                    "line after the organisations skipped as page furniture: “{content}”"
                ),
            });
            continue;
        }
        if let Some((indent, text)) = bullet(&line) {
            let top = *group_indent.get_or_insert(indent);
            if indent <= top {
                let (title, body) = match text.split_once(": ") {
                    Some((t, b)) => (t.trim().to_string(), b.trim().to_string()),
                    None => (text.trim_end_matches(':').to_string(), String::new()),
                };
                let n = s.groups.len() as u32 + 1;
                s.groups.push(Group {
                    number: n,
                    title,
                    text: body,
                    parts: Vec::new(),
                    lines: Some(Lines(number, number)),
                });
            } else if let Some(g) = s.groups.last_mut() {
                g.parts.push(Part {
                    label: None,
                    text: text.to_string(),
                    lines: Some(Lines(number, number)),
                });
                if let Some(l) = g.lines.as_mut() {
                    l.1 = number;
                }
            }
            continue;
        }
        let is_label = content.split_whitespace().count() <= 2
            && !content.ends_with(['.', ':'])
            && !s.title.is_empty();
        if s.title.is_empty() {
            s.title = content.to_string();
        } else if is_label {
            if section.as_deref() == Some("organisaties")
                || content.eq_ignore_ascii_case("organisatie")
            {
                done = true;
            }
            section = Some(content.to_lowercase());
            if s.organisations.is_some() {
                done = true;
                warnings.push(Warning {
                    lines: Some(Lines(number, number)),
                    message: format!(
                        "line after the organisations skipped as page furniture: “{content}”"
                    ),
                });
            }
        } else if section
            .as_deref()
            .is_some_and(|s| s.starts_with("organisatie"))
        {
            s.organisations = Some(content.to_string());
            done = true;
        } else if s.description.is_none() && section.is_none() {
            s.description = Some(content.to_string());
        } else if content.contains("ledig:") {
            s.goals = goals(content);
            s.introduction = Some(Introduction {
                title: section.clone().map(|t| capitalise(&t)),
                paragraphs: vec![content.to_string()],
                lines: Some(Lines(number, number)),
            });
        } else if content.ends_with(':') && s.groups.is_empty() {
            s.groups_intro = Some(content.to_string());
        } else {
            warnings.push(Warning {
                lines: Some(Lines(number, number)),
                message: format!("paragraph not placed; kept in `unplaced`: “{content}”"),
            });
            s.unplaced.push(crate::snapshot::Unplaced {
                text: content.to_string(),
                reason: "paragraph the importer could not place".into(),
                lines: Some(Lines(number, number)),
            });
        }
    }
    if s.groups.is_empty() {
        return Err(ImportError::NothingFound {
            what: "bulleted groups",
            kind: "summary page",
        });
    }
    Ok(Imported {
        snapshot: s,
        warnings,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
