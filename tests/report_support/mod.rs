//! Helpers shared by the report tests: loading the shipped versions, a
//! readable form of an HTML page for snapshots, and a scanner of the tags a
//! report contains (to prove that data never became markup).
#![allow(dead_code)]

use policydiff::load::load_path;
use policydiff::snapshot::Snapshot;
use std::path::Path;

pub const SCRIPT: &str = "<script>document.title='pwned'</script>";
pub const IMG: &str = "\"><img src=x onerror=\"document.title='pwned'\">";

pub fn load(id: &str) -> Snapshot {
    load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("versions")
            .join(id)
            .join("snapshot.json"),
    )
    .unwrap()
    .snapshot
}

/// The page without its stylesheet, one block element a line: what the
/// snapshots hold, so that a reviewer can read the structure and the text.
pub fn readable(html: &str) -> String {
    let (before, rest) = html.split_once("<style>").expect("a <style> element");
    let (_, after) = rest.split_once("</style>").expect("a closed <style>");
    let mut page = format!("{before}<style>…</style>{after}");
    for tag in [
        "<header",
        "<nav",
        "<main",
        "<section",
        "<article",
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<p",
        "<ol",
        "<ul",
        "<li",
        "<dl",
        "<dt",
        "<dd",
        "<div",
        "<table",
        "<tr",
        "<figure",
        "<svg",
        "<details",
        "<footer",
        "</main",
        "</section",
        "</article",
    ] {
        page = page.replace(tag, &format!("\n{tag}"));
    }
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n") + "\n"
}

/// A tag in a report: its name (lower case, `/` first for end tags) and the
/// names of its attributes.
#[derive(Debug, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<String>,
}

/// Every tag in `text`, read the way a browser starts reading one: each `<`
/// that is followed by a letter, `/` or `!` opens a tag. Escaped data has no
/// `<` at all, so anything found here is markup the renderer wrote.
pub fn tags(text: &str) -> Vec<Tag> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        let start = i + off + 1;
        i = start;
        let Some(&first) = bytes.get(start) else {
            break;
        };
        if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
            continue;
        }
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let inner = &text[start..end];
        let name: String = inner
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>')
            .collect::<String>()
            .to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut rest = inner[name.len().min(inner.len())..].trim_start();
        while !rest.is_empty() {
            let attr: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '>')
                .collect();
            rest = &rest[attr.len()..];
            if !attr.is_empty() && attr != "/" {
                attributes.push(attr.to_ascii_lowercase());
            }
            if let Some(r) = rest.strip_prefix('=') {
                rest = if let Some(r) = r.strip_prefix('"') {
                    r.find('"').map_or("", |q| &r[q + 1..])
                } else {
                    r.find(char::is_whitespace).map_or("", |q| &r[q..])
                };
            }
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() && !rest.is_empty() && attr.is_empty() {
                rest = &rest[rest.chars().next().map_or(1, char::len_utf8)..];
            } else {
                rest = trimmed;
            }
        }
        out.push(Tag { name, attributes });
        i = end;
    }
    out
}

/// Tags whose names are not in `allowed` or that carry an event-handler
/// attribute (`on…`), as readable strings.
pub fn unexpected_tags(text: &str, allowed: &[&str]) -> Vec<String> {
    tags(text)
        .into_iter()
        .filter(|t| {
            let bare = t.name.trim_start_matches('/');
            !allowed.contains(&bare) || t.attributes.iter().any(|a| a.starts_with("on"))
        })
        .map(|t| format!("<{} {}>", t.name, t.attributes.join(" ")))
        .collect()
}

/// The elements an HTML report may contain.
pub const HTML_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "nav",
    "main",
    "section",
    "article",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "div",
    "span",
    "small",
    "strong",
    "b",
    "em",
    "code",
    "time",
    "sup",
    "a",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "svg",
    "defs",
    "pattern",
    "rect",
    "circle",
    "text",
    "g",
    "details",
    "summary",
    "ins",
    "del",
];

/// The HTML a Markdown report may contain (GitHub passes these through).
pub const MARKDOWN_TAGS: &[&str] = &[
    "details", "summary", "b", "sup", "sub", "ins", "del", "code", "br",
];
