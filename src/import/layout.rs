//! Telling the layout of a text to import, and reading the structured ones
//! (plain numbered text, Markdown, HTML) into one form: a list of [`Line`]s,
//! each a heading or a line of text with its list depth. Markers stay in the
//! text ("12. Titel", "b) tekst", "Maatregel 3: …"), so that one builder
//! ([`super::structured`]) reads every structured layout the same way; a new
//! layout is a new reader here.
//!
//! The PDF extraction (tabs, U+FFFD bullets, marks collected per page) keeps
//! its own reader and builder ([`super::programme`]): its page-level marks
//! and soft-wrapped lines need what no structured layout has.

use crate::snapshot::Lines;

/// The layouts the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Text extracted from the PDF: numbered measures followed by a tab,
    /// bullets as U+FFFD, a leading space at every page start.
    PdfExtraction,
    /// Plain numbered text from a word processor or another extractor.
    Plain,
    /// Markdown (CommonMark).
    Markdown,
    /// An HTML page as saved from a browser.
    Html,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::PdfExtraction => "PDF extraction",
            Layout::Plain => "plain numbered text",
            Layout::Markdown => "Markdown",
            Layout::Html => "HTML",
        }
    }
}

/// Which layout `text` is in, by its own signs: HTML tags, Markdown
/// headings, the PDF extraction's tab after a number or its U+FFFD bullets;
/// anything else is plain text.
pub fn detect(text: &str) -> Layout {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = head.trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<body")
        || (head.contains("<h1") || head.contains("<p>") || head.contains("<ol"))
    {
        return Layout::Html;
    }
    let pdf = text.lines().take(2000).any(|l| {
        let t = l.trim_start_matches([' ', '\u{FFFD}']);
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && t[digits..].starts_with(".\t")) || l.starts_with('\u{FFFD}')
    });
    if pdf {
        return Layout::PdfExtraction;
    }
    let markdown = text
        .lines()
        .take(2000)
        .any(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### "));
    if markdown {
        Layout::Markdown
    } else {
        Layout::Plain
    }
}

/// One line of a structured layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// A heading's level (1 for `#`, `<h1>`), or `None` for text.
    pub heading: Option<u8>,
    /// How deep in lists (or, in plain text, how indented) the line is.
    pub depth: u8,
    /// Where it stands in the source, when the layout can say.
    pub lines: Option<Lines>,
}

fn line_number(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// Plain text: one [`Line`] a non-blank line; indentation (two spaces or a
/// tab a level) gives the depth; a line in capitals, or `Thema N: …`, is a
/// heading. Lines that continue the one before (no marker, no blank line
/// between, the one before not ended) are joined to it.
pub fn plain(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut blank_before = true;
    for (i, raw) in text.lines().enumerate() {
        let content = raw.trim();
        if content.is_empty() {
            blank_before = true;
            continue;
        }
        let indent: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 2 } else { 1 })
            .sum();
        let depth = u8::try_from(indent / 2).unwrap_or(u8::MAX);
        let heading = plain_heading(content);
        // Two `Term: definition` lines in a row are two entries, even where
        // a definition ends without a full stop.
        let continues = !blank_before
            && heading.is_none()
            && !starts_with_marker(content)
            && out.last().is_some_and(|l| {
                l.heading.is_none()
                    && !ends_sentence(&l.text)
                    && !(looks_like_entry(&l.text) && looks_like_entry(content))
            });
        if continues {
            if let Some(last) = out.last_mut() {
                last.text.push(' ');
                last.text.push_str(content);
                if let Some(l) = last.lines.as_mut() {
                    l.1 = line_number(i);
                }
            }
        } else {
            out.push(Line {
                text: content.to_string(),
                heading,
                depth,
                lines: Some(Lines(line_number(i), line_number(i))),
            });
        }
        blank_before = false;
    }
    out
}

/// `Term: definition` with a short term that starts with a capital (or a
/// bracket or quote).
fn looks_like_entry(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(term, def)| {
        !def.is_empty()
            && (1..=6).contains(&term.split_whitespace().count())
            && term
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '(' | '‘' | '“' | '\''))
    })
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', ':', ';', '!', '?', ')', '”', '"'])
}

/// `Thema 2: …`, or a line of capitals of at least two words (`RISICOREDUCTIE
/// JIHADGANGERS`, `1. RISICOREDUCTIE …`).
/// `Thema N: …` is a level-2 heading; a line of capitals (`LOKAAL`,
/// `1. RISICOREDUCTIE JIHADGANGERS`) a level-3 one, so that capitals under
/// `Thema` lines are sections, and capitals alone are themes.
fn plain_heading(content: &str) -> Option<u8> {
    let lower = content.to_lowercase();
    if lower.starts_with("thema ") || lower.starts_with("theme ") {
        return Some(2);
    }
    let letters: Vec<char> = content.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 5 && letters.iter().all(|c| !c.is_lowercase()) {
        return Some(3);
    }
    None
}

/// A measure number, a lettered or roman label, or a bullet at the start.
fn starts_with_marker(content: &str) -> bool {
    let t = content.trim_start_matches(['-', '*', '•', ' ']);
    let lower = t.to_lowercase();
    if lower.starts_with("maatregel ") {
        return true;
    }
    let (label, _) = super::structured::split_marker(t);
    label.is_some() || content.starts_with(['-', '*', '•'])
}

/// Markdown, read with a CommonMark parser: headings, list items (their
/// number kept in the text, `12. Titel`), paragraphs; emphasis dropped.
pub fn markdown(text: &str) -> Vec<Line> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut out: Vec<Line> = Vec::new();
    // Per open list: the next number of an ordered list.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut current: Option<Line> = None;
    // An item just opened: its first paragraph (in a loose list) is the
    // item's own text, not a new line.
    let mut fresh_item = false;
    let line_of = |offset: usize| {
        let n = text
            .as_bytes()
            .get(..offset)
            .map_or(0, |head| head.iter().filter(|b| **b == b'\n').count());
        line_number(n)
    };
    // A range ends after its last byte, often the newline that ends its
    // last line: that line is the one of the last byte.
    let lines_of = |range: &std::ops::Range<usize>| {
        Lines(
            line_of(range.start),
            line_of(range.end.saturating_sub(1).max(range.start)),
        )
    };
    let flush = |current: &mut Option<Line>, out: &mut Vec<Line>| {
        if let Some(mut l) = current.take() {
            l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !l.text.is_empty() {
                out.push(l);
            }
        }
    };
    for (event, range) in Parser::new(text).into_offset_iter() {
        let depth = u8::try_from(lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out);
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                current = Some(Line {
                    text: String::new(),
                    heading: Some(level),
                    depth: 0,
                    lines: Some(lines_of(&range)),
                });
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut current, &mut out);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                let prefix = match lists.last_mut() {
                    Some(Some(n)) => {
                        let p = format!("{n}. ");
                        *n += 1;
                        p
                    }
                    _ => String::new(),
                };
                current = Some(Line {
                    text: prefix,
                    heading: None,
                    depth,
                    lines: Some(lines_of(&range)),
                });
                fresh_item = true;
            }
            Event::Start(Tag::Paragraph) if std::mem::take(&mut fresh_item) => {}
            Event::Start(Tag::Paragraph) => {
                flush(&mut current, &mut out);
                current = Some(Line {
                    text: String::new(),
                    heading: None,
                    depth: if lists.is_empty() { 0 } else { depth },
                    lines: Some(lines_of(&range)),
                });
            }
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item) => {
                flush(&mut current, &mut out);
            }
            Event::Text(t) | Event::Code(t) => {
                fresh_item = false;
                if let Some(c) = current.as_mut() {
                    c.text.push_str(&t);
                } else {
                    current = Some(Line {
                        text: t.to_string(),
                        heading: None,
                        depth: 0,
                        lines: Some(lines_of(&range)),
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = current.as_mut() {
                    c.text.push(' ');
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

/// HTML, read with an HTML5 parser: headings, list items (an ordered list's
/// numbers kept in the text), paragraphs and definition lists, in document
/// order; navigation, scripts, styles, headers and footers are dropped.
pub fn html(text: &str) -> Vec<Line> {
    use scraper::{ElementRef, Html, Node};
    let document = Html::parse_document(text);
    let mut out: Vec<Line> = Vec::new();

    fn text_of(e: ElementRef<'_>) -> String {
        e.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Text of an element without the text of its nested lists.
    fn own_text(e: ElementRef<'_>) -> String {
        let mut s = String::new();
        for child in e.children() {
            match child.value() {
                Node::Text(t) => s.push_str(t),
                Node::Element(el) if matches!(el.name(), "ol" | "ul" | "dl") => {}
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        s.push(' ');
                        s.push_str(&own_text(c));
                        s.push(' ');
                    }
                }
                _ => {}
            }
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn walk(e: ElementRef<'_>, depth: u8, out: &mut Vec<Line>) {
        let name = e.value().name();
        if matches!(
            name,
            "nav" | "script" | "style" | "header" | "footer" | "noscript" | "template" | "head"
        ) {
            return;
        }
        let line = |text: String, heading: Option<u8>, depth: u8| Line {
            text,
            heading,
            depth,
            lines: None,
        };
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(6);
                let t = text_of(e);
                if !t.is_empty() {
                    out.push(line(t, Some(level), 0));
                }
            }
            "p" => {
                let t = text_of(e);
                if !t.is_empty() {
                    out.push(line(t, None, depth));
                }
            }
            "ol" | "ul" => {
                let ordered = name == "ol";
                let mut n: u64 = e
                    .value()
                    .attr("start")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1);
                for child in e.children().filter_map(ElementRef::wrap) {
                    if child.value().name() != "li" {
                        continue;
                    }
                    let own = own_text(child);
                    let number = child
                        .value()
                        .attr("value")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(n);
                    n = number;
                    // `<ol type="a">` and `<ol type="i">` number in letters
                    // and roman numerals.
                    let index = usize::try_from(number.max(1)).unwrap_or(1);
                    let label = match e.value().attr("type") {
                        Some("a" | "A") => crate::snapshot::letter_label(index - 1),
                        Some("i" | "I") => crate::snapshot::roman_label(index),
                        _ => number.to_string(),
                    };
                    let text = if ordered {
                        format!("{label}. {own}")
                    } else {
                        own
                    };
                    n += 1;
                    if !text.trim().is_empty() {
                        out.push(line(text, None, depth));
                    }
                    for nested in child.children().filter_map(ElementRef::wrap) {
                        if matches!(nested.value().name(), "ol" | "ul" | "dl") {
                            walk(nested, depth.saturating_add(1), out);
                        }
                    }
                }
            }
            "dl" => {
                let mut term: Option<String> = None;
                for child in e.children().filter_map(ElementRef::wrap) {
                    match child.value().name() {
                        "dt" => term = Some(text_of(child)),
                        "dd" => {
                            let def = text_of(child);
                            let t = match term.take() {
                                Some(t) => format!("{t}: {def}"),
                                None => def,
                            };
                            out.push(line(t, None, depth));
                        }
                        _ => {}
                    }
                }
            }
            "tr" => {
                let cells: Vec<String> = e
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(text_of)
                    .collect();
                if let [term, def] = cells.as_slice() {
                    out.push(line(format!("{term}: {def}"), None, depth));
                } else if !cells.is_empty() {
                    out.push(line(cells.join(" "), None, depth));
                }
            }
            _ => {
                for child in e.children().filter_map(ElementRef::wrap) {
                    walk(child, depth, out);
                }
            }
        }
    }
    walk(document.root_element(), 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_layout_is_told_by_its_own_signs() {
        assert_eq!(
            detect("<!DOCTYPE html><html><body><h1>x</h1>"),
            Layout::Html
        );
        assert_eq!(detect("# Actieprogramma\n\n## Thema\n"), Layout::Markdown);
        assert_eq!(detect(" Titel\n1.\tEen maatregel\n"), Layout::PdfExtraction);
        assert_eq!(detect("Maatregel 1: Een titel\n"), Layout::Plain);
        assert_eq!(detect("1. Een titel\na. Een item\n"), Layout::Plain);
    }

    #[test]
    fn a_dot_and_a_tab_without_a_number_before_them_is_not_the_pdf_layout() {
        assert_eq!(detect("Een lijst\n.\tzonder nummer\n"), Layout::Plain);
        assert_eq!(detect("Een lijst\n7.\tmet nummer\n"), Layout::PdfExtraction);
    }

    #[test]
    fn a_markdown_page_is_told_by_a_heading_of_any_of_the_first_three_levels() {
        for page in [
            "# Actieprogramma\n\nEen alinea.\n",
            "## Thema 1\n\n1. Een maatregel\n",
            "### Maatregel 1\n\nEen alinea.\n",
        ] {
            assert_eq!(detect(page), Layout::Markdown, "{page}");
        }
        assert_eq!(detect("#### Diep\n\nEen alinea.\n"), Layout::Plain);
    }

    #[test]
    fn an_entry_has_a_definition_and_a_short_term_that_starts_with_a_capital() {
        assert!(looks_like_entry(
            "AIVD: Algemene Inlichtingen- en Veiligheidsdienst"
        ));
        assert!(looks_like_entry("(Internationaal) terrorisme: geweld"));
        // No definition, a term of seven words, a lower-case term.
        assert!(!looks_like_entry("AIVD: "));
        assert!(!looks_like_entry(
            "Dit is een heel lange zin hier: en de rest"
        ));
        assert!(!looks_like_entry("de dienst: een uitleg"));
    }

    #[test]
    fn markdown_text_after_a_heading_in_a_list_item_is_a_line_of_its_own() {
        // In a tight list item, the text after a heading comes with no
        // paragraph of its own: the heading's end closes the heading's line.
        let lines = markdown("- ## Thema 1\n  Een zin onder de kop.\n");
        assert_eq!(
            shapes(&lines),
            [(Some(2), 0, "Thema 1"), (None, 0, "Een zin onder de kop.")]
        );
    }

    #[test]
    fn in_plain_text_two_spaces_or_a_tab_make_a_level_and_a_lone_space_none() {
        let depths: Vec<u8> =
            plain("a. een\n\n b. twee\n\n  c. drie\n\n   d. vier\n\n\te. vijf\n\n    f. zes\n")
                .iter()
                .map(|l| l.depth)
                .collect();
        assert_eq!(depths, [0, 0, 1, 1, 1, 2]);
    }

    #[test]
    fn an_html_fragment_without_html_or_body_tags_is_told_by_its_headings_paragraphs_or_lists() {
        for fragment in [
            "<h1>Actieprogramma</h1>\n",
            "<p>Een alinea.</p>\n",
            "<ol><li>Een maatregel</li></ol>\n",
        ] {
            assert_eq!(detect(fragment), Layout::Html, "{fragment}");
        }
    }

    #[test]
    fn a_page_that_opens_with_a_doctype_or_an_html_tag_alone_is_html() {
        for page in [
            "<!DOCTYPE html>\n<title>Actieprogramma</title>\n<div>Een maatregel</div>\n",
            "<html>\n<title>Actieprogramma</title>\n<div>Een maatregel</div>\n</html>\n",
        ] {
            assert_eq!(detect(page), Layout::Html, "{page}");
        }
    }

    /// Each line as (heading level, depth, text).
    fn shapes(lines: &[Line]) -> Vec<(Option<u8>, u8, &str)> {
        lines
            .iter()
            .map(|l| (l.heading, l.depth, l.text.as_str()))
            .collect()
    }

    #[test]
    fn markdown_keeps_list_numbers_and_drops_emphasis() {
        let lines = markdown("# Titel\n\n1. **Eerste** maatregel\n2. Tweede\n\n   - a. item\n");
        let texts = shapes(&lines);
        assert_eq!(
            texts,
            [
                (Some(1), 0, "Titel"),
                (None, 0, "1. Eerste maatregel"),
                (None, 0, "2. Tweede"),
                (None, 1, "a. item"),
            ]
        );
    }

    #[test]
    fn html_drops_navigation_and_keeps_structure() {
        let lines = html(
            "<html><body><nav><a>Home</a></nav><h2>Thema</h2><ol start=\"3\"><li>Drie<ol type=\"a\"><li>een</li></ol></li></ol><script>x()</script></body></html>",
        );
        let texts = shapes(&lines);
        assert_eq!(
            texts,
            [
                (Some(2), 0, "Thema"),
                (None, 0, "3. Drie"),
                (None, 1, "a. een")
            ]
        );
    }
}
