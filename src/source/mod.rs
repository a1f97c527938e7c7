//! The extracted source text of a version: its pages, the status marks on each
//! page, and a normalised form in which snapshot text can be found.
//!
//! Shared by `import` (which reads the text into a snapshot) and `check`
//! (which compares a snapshot with the text it came from).

mod skeleton;

pub use skeleton::{is_glued_footnote_digit, skeleton, source_skeleton};

use crate::snapshot::{Lines, Status};

/// One physical line of the source, with what the importer needs to know
/// about its layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine<'a> {
    /// 1-based line number.
    pub number: u32,
    pub raw: &'a str,
    /// The text with U+FFFD removed, tabs as spaces, runs of spaces folded
    /// and both ends trimmed.
    pub content: String,
    /// A line that begins with a single space starts a new extracted page.
    pub page_start: bool,
    /// The raw line ends in white space (a soft wrap, not a word break).
    pub trailing_space: bool,
    /// Tabs before the first visible character (indentation in the PDF).
    pub leading_tabs: usize,
}

impl SourceLine<'_> {
    /// A status mark standing on its own line: `(B)`, `(V)` or `(N)`.
    pub fn mark(&self) -> Option<Status> {
        let c = self.content.strip_prefix('(')?.strip_suffix(')')?;
        let mut chars = c.chars();
        let letter = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        Status::from_letter(letter)
    }

    /// A page number standing alone on a line.
    pub fn is_page_number(&self) -> bool {
        !self.content.is_empty()
            && self.content.len() <= 3
            && self.content.chars().all(|c| c.is_ascii_digit())
    }

    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// Split source text into lines with their layout facts.
pub fn lines(text: &str) -> Vec<SourceLine<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let mut content = String::with_capacity(raw.len());
            let mut last_space = true;
            for c in raw.chars() {
                let c = match c {
                    '\u{FFFD}' => continue,
                    c if c.is_whitespace() => ' ',
                    c if c.is_control() => continue,
                    c => c,
                };
                if c == ' ' {
                    if !last_space {
                        content.push(' ');
                    }
                    last_space = true;
                } else {
                    content.push(c);
                    last_space = false;
                }
            }
            let content = content.trim_end().to_string();
            let mut chars = raw.chars();
            let page_start = chars.next() == Some(' ') && chars.next().is_some_and(|c| c != ' ');
            let trailing_space = raw.ends_with([' ', '\t']);
            let leading_tabs = raw
                .chars()
                .take_while(|c| c.is_whitespace() || *c == '\u{FFFD}')
                .filter(|c| *c == '\t')
                .count();
            SourceLine {
                number: i as u32 + 1,
                raw,
                content,
                page_start,
                trailing_space,
                leading_tabs,
            }
        })
        .collect()
}

/// One extracted page, with the status marks found on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub lines: Lines,
    pub marks: Vec<Mark>,
}

/// A status mark and the line it stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub status: Status,
    pub line: u32,
}

impl Page {
    /// The marks as letters, in source order: `V B B N`.
    pub fn marks_text(&self) -> String {
        self.marks
            .iter()
            .map(|m| m.status.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The pages of the source. A page that holds nothing but marks, page numbers
/// and blank lines belongs to the page before it: the extraction sometimes
/// starts a page at the block of marks that ends the previous one.
pub fn pages(lines: &[SourceLine<'_>]) -> Vec<Page> {
    let mut pages: Vec<(Page, bool)> = Vec::new();
    for line in lines {
        if line.page_start || pages.is_empty() {
            pages.push((
                Page {
                    lines: Lines(line.number, line.number),
                    marks: Vec::new(),
                },
                false,
            ));
        }
        let Some((page, has_text)) = pages.last_mut() else {
            continue;
        };
        page.lines.1 = line.number;
        if let Some(status) = line.mark() {
            page.marks.push(Mark {
                status,
                line: line.number,
            });
        } else if !line.is_blank() && !line.is_page_number() {
            *has_text = true;
        }
    }
    let mut merged: Vec<Page> = Vec::new();
    for (page, has_text) in pages {
        match merged.last_mut() {
            Some(prev) if !has_text => {
                prev.lines.1 = page.lines.1;
                prev.marks.extend(page.marks);
            }
            _ => merged.push(page),
        }
    }
    merged
}

/// The page that holds `line`.
pub fn page_of(pages: &[Page], line: u32) -> Option<&Page> {
    pages.iter().find(|p| p.lines.contains(line))
}

/// SHA-256 of the source's bytes, as lower-case hex (the `source.sha256` of a
/// snapshot).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_page_joins_the_page_before() {
        let text = " Heading\n1.\tA measure.\n(V)\n (N)\n\n(N)\n worden verder\n";
        let ls = lines(text);
        let ps = pages(&ls);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].lines, Lines(1, 6));
        assert_eq!(ps[0].marks_text(), "V N N");
        assert_eq!(ps[1].lines, Lines(7, 8));
    }

    #[test]
    fn layout_facts_are_read_from_the_raw_line() {
        let ls = lines("\t\u{FFFD} a.\t\u{FFFD} Een  tekst \n (B)\n10");
        assert_eq!(ls[0].content, "a. Een tekst");
        assert!(ls[0].trailing_space && !ls[0].page_start);
        assert_eq!(ls[0].leading_tabs, 1);
        assert_eq!(ls[1].mark(), Some(Status::Existing));
        assert!(ls[1].page_start);
        assert!(ls[2].is_page_number());
    }
}
