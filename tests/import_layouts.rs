//! The 2014 programme in every layout the importer reads — the PDF
//! extraction as shipped, and plain numbered text, Markdown and HTML written
//! from the shipped snapshot by the generator below — imports to the same 38
//! measures, titles, item letters, roman sub-items, glossary and (where the
//! layout writes marks inline) the same statuses, confirmed.
//!
//! The fixtures in `tests/fixtures/layouts/` are the generator's output; a
//! test keeps them in step. After changing the generator:
//! `POLICYDIFF_BLESS=1 cargo test --test import_layouts`.

use policydiff::import::{self, Layout, SourceKind};
use policydiff::snapshot::{Item, Lines, Measure, Snapshot, Status};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Snapshot {
    policydiff::load::load_path(&root().join("versions/actieprogramma-2014/snapshot.json"))
        .unwrap()
        .snapshot
}

// ---- the generator ---------------------------------------------------------

/// A settled status as a mark next to the title.
fn mark(m: &Measure) -> String {
    m.status
        .settled()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default()
}

fn item_mark(i: &Item) -> String {
    i.status
        .as_ref()
        .and_then(|s| s.settled())
        .map(|s| format!(" ({s})"))
        .unwrap_or_default()
}

/// Markdown text: the characters CommonMark would read as markup escaped.
fn md(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A paragraph starting "12." or "-" would become a list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

fn html(text: &str) -> String {
    policydiff::render::html::escape(text)
}

/// Every text of a measure under its title, paragraph by paragraph.
fn paragraphs(m: &Measure) -> Vec<&str> {
    m.lead_in
        .iter()
        .chain(m.body.iter())
        .flat_map(|t| t.split("\n\n"))
        .collect()
}

fn plain_layout(s: &Snapshot) -> String {
    let mut out = format!("{}\n\n", s.title);
    for t in &s.themes {
        out.push_str(&format!("Thema {}: {}\n", t.number, t.title));
        for a in &t.aims {
            out.push_str(&format!("{a}\n"));
        }
        out.push('\n');
        let mut section: Option<&str> = None;
        for m in s.measures.iter().filter(|m| m.theme == t.number) {
            if m.section.as_deref() != section {
                section = m.section.as_deref();
                if let Some(title) = section {
                    out.push_str(&format!("{}\n", title.to_uppercase()));
                    if let Some(sec) = t.sections.iter().find(|x| x.title == title) {
                        for a in &sec.aims {
                            out.push_str(&format!("{a}\n"));
                        }
                    }
                    out.push('\n');
                }
            }
            out.push_str(&format!("{}. {}{}\n\n", m.number, m.title, mark(m)));
            for p in paragraphs(m) {
                out.push_str(&format!("{p}\n\n"));
            }
            for i in &m.items {
                out.push_str(&format!("  {}) {}{}\n", i.label, i.text, item_mark(i)));
                for sub in &i.items {
                    out.push_str(&format!(
                        "    ({}) {}{}\n",
                        sub.label,
                        sub.text,
                        item_mark(sub)
                    ));
                }
            }
            out.push('\n');
        }
    }
    if let Some(g) = &s.glossary {
        out.push_str("BEGRIPPENLIJST\n\n");
        for e in &g.entries {
            out.push_str(&format!("{}: {}\n", e.term, e.definition));
        }
    }
    out
}

fn markdown_layout(s: &Snapshot) -> String {
    let mut out = format!("# {}\n\n", md(&s.title));
    for t in &s.themes {
        out.push_str(&format!("## Thema {}: {}\n\n", t.number, md(&t.title)));
        for a in &t.aims {
            out.push_str(&format!("{}\n\n", md(a)));
        }
        let mut section: Option<&str> = None;
        for m in s.measures.iter().filter(|m| m.theme == t.number) {
            if m.section.as_deref() != section {
                section = m.section.as_deref();
                if let Some(title) = section {
                    out.push_str(&format!("### {}\n\n", md(title)));
                    if let Some(sec) = t.sections.iter().find(|x| x.title == title) {
                        for a in &sec.aims {
                            out.push_str(&format!("{}\n\n", md(a)));
                        }
                    }
                }
            }
            out.push_str(&format!(
                "{}. **{}**{}\n\n",
                m.number,
                md(&m.title),
                mark(m)
            ));
            for p in paragraphs(m) {
                out.push_str(&format!("{}\n\n", md(p)));
            }
            for i in &m.items {
                out.push_str(&format!("- {}. {}{}\n", i.label, md(&i.text), item_mark(i)));
                for sub in &i.items {
                    out.push_str(&format!(
                        "  - {}. {}{}\n",
                        sub.label,
                        md(&sub.text),
                        item_mark(sub)
                    ));
                }
            }
            if !m.items.is_empty() {
                out.push('\n');
            }
        }
    }
    if let Some(g) = &s.glossary {
        out.push_str("## Begrippenlijst\n\n");
        for e in &g.entries {
            out.push_str(&format!("**{}**: {}\n\n", md(&e.term), md(&e.definition)));
        }
    }
    out
}

fn html_layout(s: &Snapshot) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head><meta charset=\"utf-8\"><title>{0}</title><style>body {{ font-family: serif }}</style></head>\n<body>\n<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/onderwerpen\">Onderwerpen</a></li></ul></nav>\n<main>\n<h1>{0}</h1>\n",
        html(&s.title)
    );
    for t in &s.themes {
        out.push_str(&format!(
            "<h2>Thema {}: {}</h2>\n",
            t.number,
            html(&t.title)
        ));
        for a in &t.aims {
            out.push_str(&format!("<p>{}</p>\n", html(a)));
        }
        let mut section: Option<&str> = None;
        for m in s.measures.iter().filter(|m| m.theme == t.number) {
            if m.section.as_deref() != section {
                section = m.section.as_deref();
                if let Some(title) = section {
                    out.push_str(&format!("<h3>{}</h3>\n", html(title)));
                    if let Some(sec) = t.sections.iter().find(|x| x.title == title) {
                        for a in &sec.aims {
                            out.push_str(&format!("<p>{}</p>\n", html(a)));
                        }
                    }
                }
            }
            out.push_str(&format!(
                "<ol start=\"{}\"><li><strong>{}</strong>{}</li></ol>\n",
                m.number,
                html(&m.title),
                mark(m)
            ));
            for p in paragraphs(m) {
                out.push_str(&format!("<p>{}</p>\n", html(p)));
            }
            if !m.items.is_empty() {
                out.push_str("<ol type=\"a\">\n");
                for i in &m.items {
                    out.push_str(&format!("<li>{}{}", html(&i.text), item_mark(i)));
                    if !i.items.is_empty() {
                        out.push_str("<ol type=\"i\">");
                        for sub in &i.items {
                            out.push_str(&format!(
                                "<li>{}{}</li>",
                                html(&sub.text),
                                item_mark(sub)
                            ));
                        }
                        out.push_str("</ol>");
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ol>\n");
            }
        }
    }
    if let Some(g) = &s.glossary {
        out.push_str("<h2>Begrippenlijst</h2>\n<dl>\n");
        for e in &g.entries {
            out.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>\n",
                html(&e.term),
                html(&e.definition)
            ));
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</main>\n<footer><p>© Rijksoverheid</p></footer>\n<script>console.log(1)</script>\n</body>\n</html>\n");
    out
}

/// A layout writer: the snapshot in that layout.
type Writer = fn(&Snapshot) -> String;

const FIXTURES: [(&str, Writer); 3] = [
    ("programme.txt", plain_layout),
    ("programme.md", markdown_layout),
    ("programme.html", html_layout),
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/layouts").join(name)).unwrap()
}

// ---- the tests -------------------------------------------------------------

#[test]
fn the_committed_fixtures_are_what_the_generator_writes() {
    let s = shipped();
    let dir = root().join("tests/fixtures/layouts");
    let bless = std::env::var_os("POLICYDIFF_BLESS").is_some();
    for (name, make) in FIXTURES {
        let made = make(&s);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(name), &made).unwrap();
        }
        assert!(
            fixture(name) == made,
            "tests/fixtures/layouts/{name} is stale: run POLICYDIFF_BLESS=1 cargo test --test import_layouts"
        );
    }
}

#[test]
fn each_fixture_is_detected_as_its_layout() {
    let pdf =
        std::fs::read_to_string(root().join("versions/actieprogramma-2014/source.txt")).unwrap();
    assert_eq!(import::layout::detect(&pdf), Layout::PdfExtraction);
    assert_eq!(
        import::layout::detect(&fixture("programme.txt")),
        Layout::Plain
    );
    assert_eq!(
        import::layout::detect(&fixture("programme.md")),
        Layout::Markdown
    );
    assert_eq!(
        import::layout::detect(&fixture("programme.html")),
        Layout::Html
    );
}

fn shape(m: &Measure) -> (u32, String, Vec<(String, Vec<String>)>) {
    (
        m.number,
        m.title.clone(),
        m.items
            .iter()
            .map(|i| {
                (
                    i.label.clone(),
                    i.items.iter().map(|s| s.label.clone()).collect(),
                )
            })
            .collect(),
    )
}

#[test]
fn every_layout_imports_the_same_measures_items_and_glossary() {
    let s = shipped();
    let expected: Vec<_> = s.measures.iter().map(shape).collect();
    for (name, _) in FIXTURES {
        let imported = import::import(&fixture(name), SourceKind::Programme, "x")
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = imported.snapshot;
        assert_eq!(got.title, s.title, "{name}");
        let shapes: Vec<_> = got.measures.iter().map(shape).collect();
        assert_eq!(shapes.len(), 38, "{name}");
        for (g, e) in shapes.iter().zip(&expected) {
            assert_eq!(g, e, "{name}: measure {}", e.0);
        }
        // Item texts too, word for word.
        for (g, e) in got.measures.iter().zip(&s.measures) {
            for (gi, ei) in g.items.iter().zip(&e.items) {
                assert_eq!(
                    gi.text, ei.text,
                    "{name}: measure {} item {}",
                    e.number, ei.label
                );
            }
            assert_eq!(g.theme, e.theme, "{name}: theme of measure {}", e.number);
            assert_eq!(
                g.section.as_deref().map(str::to_lowercase),
                e.section.as_deref().map(str::to_lowercase),
                "{name}: section of measure {}",
                e.number
            );
        }
        let terms = |s: &Snapshot| -> Vec<(String, String)> {
            s.glossary
                .iter()
                .flat_map(|g| &g.entries)
                .map(|e| (e.term.clone(), e.definition.clone()))
                .collect()
        };
        assert_eq!(terms(&got), terms(&s), "{name}: glossary");
        let themes: Vec<_> = got
            .themes
            .iter()
            .map(|t| (t.number, t.title.clone()))
            .collect();
        let want: Vec<_> = s
            .themes
            .iter()
            .map(|t| (t.number, t.title.clone()))
            .collect();
        assert_eq!(themes, want, "{name}: themes");
    }
}

#[test]
fn every_layout_reads_the_theme_aims_and_the_text_under_each_measure() {
    let s = shipped();
    for (name, _) in FIXTURES {
        let got = import::import(&fixture(name), SourceKind::Programme, "x")
            .unwrap()
            .snapshot;
        // The aims of each theme and of its sections, as words: plain text
        // joins aim lines that do not end a sentence.
        let aims = |s: &Snapshot| -> Vec<(String, Vec<String>)> {
            s.themes
                .iter()
                .map(|t| {
                    let sections = t.sections.iter().map(|x| x.aims.join(" ")).collect();
                    (t.aims.join(" "), sections)
                })
                .collect()
        };
        assert_eq!(aims(&got), aims(&s), "{name}: aims");
        for (g, e) in got.measures.iter().zip(&s.measures) {
            assert_eq!(
                (&g.body, &g.lead_in),
                (&e.body, &e.lead_in),
                "{name}: text under measure {}",
                e.number
            );
        }
    }
}

#[test]
fn a_markdown_paragraph_wrapped_over_lines_is_one_text_with_spaces() {
    let lines = import::layout::markdown("Scholen krijgen\nsteun van de  \ngemeente.\n");
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    // A soft break after `krijgen`, a hard one (two spaces) after `de`.
    assert_eq!(texts, ["Scholen krijgen steun van de gemeente."]);
    // The line is the paragraph's, all three lines of it.
    assert_eq!(lines[0].lines, Some(Lines(1, 3)));
}

#[test]
fn marks_written_inline_are_confirmed_statuses_and_the_rest_stay_uncertain() {
    let s = shipped();
    for (name, _) in FIXTURES {
        let got = import::import(&fixture(name), SourceKind::Programme, "x")
            .unwrap()
            .snapshot;
        let mut confirmed = 0;
        for (g, e) in got.measures.iter().zip(&s.measures) {
            match e.status.settled() {
                Some(v) => {
                    assert_eq!(g.status.value, Some(v), "{name}: measure {}", e.number);
                    assert_eq!(
                        g.status.certainty,
                        policydiff::snapshot::Certainty::Confirmed,
                        "{name}: measure {}",
                        e.number
                    );
                    assert!(
                        g.status
                            .note
                            .as_deref()
                            .is_some_and(|n| n.contains("line") || n.contains("text"))
                    );
                    confirmed += 1;
                }
                None => assert_eq!(g.status.value, None, "{name}: measure {}", e.number),
            }
        }
        assert_eq!(
            confirmed, 28,
            "{name}: 25 confirmed and 3 deduced in the snapshot"
        );
        // Item 3c carries its own N.
        let c = &got.measures[2].items[2];
        assert_eq!(
            c.status.as_ref().and_then(|s| s.value),
            Some(Status::New),
            "{name}"
        );
    }
}

#[test]
fn a_text_with_no_numbered_measure_says_what_it_found() {
    let err = import::import(
        "# Een pagina\n\n## Over ons\n\nWij doen veel.\n",
        SourceKind::Programme,
        "x",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("Markdown") && err.contains("2 of them headings"),
        "{err}"
    );
    assert!(
        err.contains("no numbered measures") && err.contains("Maatregel 1"),
        "{err}"
    );
}

#[test]
fn plain_text_joins_a_wrapped_line_but_keeps_two_unfinished_glossary_entries_apart() {
    let lines = import::layout::plain(
        "Maatregel 1: Scholen krijgen\nsteun van de gemeente.\n\nAIVD: Algemene Inlichtingendienst\nMIVD: Militaire Inlichtingendienst\n",
    );
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Maatregel 1: Scholen krijgen steun van de gemeente.",
            "AIVD: Algemene Inlichtingendienst",
            "MIVD: Militaire Inlichtingendienst"
        ]
    );
    assert_eq!(lines[0].lines, Some(Lines(1, 2)));
}

/// The items of the first measure imported from `text`, each with its
/// sub-items' labels and texts.
fn items_of_first_measure(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let s = import::import(text, SourceKind::Programme, "x")
        .unwrap()
        .snapshot;
    s.measures[0]
        .items
        .iter()
        .map(|i| {
            let subs = i
                .items
                .iter()
                .map(|x| (x.label.clone(), x.text.clone()))
                .collect();
            (i.label.clone(), subs)
        })
        .collect()
}

/// Items `a` (with sub-items `i` "een" and `ii` "twee") and `b`.
fn a_with_two_roman_sub_items_then_b() -> Vec<(String, Vec<(String, String)>)> {
    let sub = |l: &str, t: &str| (l.to_string(), t.to_string());
    vec![
        ("a".to_string(), vec![sub("i", "een"), sub("ii", "twee")]),
        ("b".to_string(), Vec::new()),
    ]
}

#[test]
fn numbered_lines_nested_under_an_item_are_its_roman_sub_items() {
    let text =
        "Programma\n\nMaatregel 1: Scholen\n  a) eerste\n    1) een\n    2) twee\n  b) tweede\n";
    assert_eq!(
        items_of_first_measure(text),
        a_with_two_roman_sub_items_then_b()
    );
}

#[test]
fn an_html_glossary_table_reads_rows_of_two_cells_as_entries_and_keeps_other_rows_as_text() {
    let page = "<html><body><h1>Programma</h1><h2>Thema 1: Preventie</h2>\
        <ol><li>Scholen krijgen steun.</li></ol><h2>Begrippenlijst</h2><table>\
        <tr><th>AIVD</th><td>Algemene Inlichtingen- en Veiligheidsdienst.</td></tr><tr></tr>\
        <tr><td>NCTV</td><td>Nationaal Coördinator Terrorismebestrijding.</td></tr>\
        <tr><td>Zie</td><td>ook</td><td>de bijlage.</td></tr></table></body></html>";
    let s = import::import(page, SourceKind::Programme, "x")
        .unwrap()
        .snapshot;
    let g = s.glossary.expect("a glossary");
    let entries: Vec<(&str, &str)> = g
        .entries
        .iter()
        .map(|e| (e.term.as_str(), e.definition.as_str()))
        .collect();
    assert_eq!(
        entries,
        [
            ("AIVD", "Algemene Inlichtingen- en Veiligheidsdienst."),
            ("NCTV", "Nationaal Coördinator Terrorismebestrijding.")
        ]
    );
    let unplaced: Vec<&str> = s.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(unplaced, ["Zie ook de bijlage."]);
}

#[test]
fn an_html_list_of_type_i_beside_the_lettered_list_holds_the_roman_sub_items() {
    let page = "<html><body><h1>Programma</h1><h2>Thema 1: Preventie</h2><ol>\
        <li>Scholen krijgen steun.<ol type=\"a\"><li>eerste</li></ol>\
        <ol type=\"i\"><li>een</li><li>twee</li></ol>\
        <ol type=\"a\"><li value=\"2\">tweede</li></ol></li><li>Wijkteams.</li></ol></body></html>";
    assert_eq!(
        items_of_first_measure(page),
        a_with_two_roman_sub_items_then_b()
    );
}

fn imported(text: &str) -> import::Imported {
    import::import(text, SourceKind::Programme, "x").unwrap()
}

/// The import's warnings that contain `part`.
fn warnings_with<'a>(imported: &'a import::Imported, part: &str) -> Vec<&'a str> {
    imported
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .filter(|m| m.contains(part))
        .collect()
}

#[test]
fn a_lettered_item_out_of_order_at_the_items_depth_stays_an_item_not_a_sub_item() {
    let text = "Programma\n\nThema 1: Preventie\n\n1. Scholen\n  a) eerste\n  c) derde\n";
    let items: Vec<(String, Vec<(String, String)>)> = items_of_first_measure(text);
    let labels: Vec<(&str, usize)> = items.iter().map(|(l, s)| (l.as_str(), s.len())).collect();
    assert_eq!(labels, [("a", 0), ("c", 0)]);
}

#[test]
fn a_measure_out_of_sequence_is_warned_about_and_a_first_measure_of_any_number_is_not() {
    let gap = imported("Programma\n\nThema 1: Preventie\n\n1. Scholen.\n2. Wijken.\n4. Straten.\n");
    let numbers: Vec<u32> = gap.snapshot.measures.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [1, 2, 4]);
    assert_eq!(
        warnings_with(&gap, " follows "),
        ["measure 4 follows measure 2; read as a measure all the same"]
    );
    let excerpt = imported("Programma\n\nThema 1: Preventie\n\n5. Scholen.\n6. Wijken.\n");
    let numbers: Vec<u32> = excerpt.snapshot.measures.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [5, 6]);
    assert_eq!(warnings_with(&excerpt, " follows "), Vec::<&str>::new());
}

#[test]
fn a_lettered_theme_heading_keeps_its_letter_and_a_thema_line_in_markdown_opens_a_theme() {
    let s = imported(
        "# Programma\n\n## Thema 1: Preventie\n\n1. Scholen.\n\n## b) Repressie\n\n2. Wijken.\n\nThema 3: Overig\n\n3. Straten.\n",
    )
    .snapshot;
    let themes: Vec<(u32, &str)> = s
        .themes
        .iter()
        .map(|t| (t.number, t.title.as_str()))
        .collect();
    assert_eq!(
        themes,
        [(1, "Preventie"), (2, "b) Repressie"), (3, "Overig")]
    );
    let homes: Vec<(u32, u32)> = s.measures.iter().map(|m| (m.number, m.theme)).collect();
    assert_eq!(homes, [(1, 1), (2, 2), (3, 3)]);
}

#[test]
fn a_measure_before_any_theme_heading_is_warned_about_and_one_under_a_theme_is_not() {
    let i = imported("# Programma\n\n1. Scholen.\n\n## Thema 1: Preventie\n\n2. Wijken.\n");
    let homes: Vec<(u32, u32)> = i
        .snapshot
        .measures
        .iter()
        .map(|m| (m.number, m.theme))
        .collect();
    assert_eq!(homes, [(1, 0), (2, 1)]);
    assert_eq!(
        warnings_with(&i, "before any theme heading"),
        ["measure 1 stands before any theme heading; its theme is 0"]
    );
}

#[test]
fn a_glossary_line_whose_part_before_the_colon_is_a_long_sentence_is_the_intro_not_a_term() {
    let text = "# Programma\n\n## Thema 1: Preventie\n\n1. Eerste maatregel.\n\n## Begrippenlijst\n\nDe begrippen die in dit programma een eigen betekenis hebben staan hieronder: op alfabet.\n\nAIVD: Algemene Inlichtingen- en Veiligheidsdienst.\n";
    let s = import::import(text, SourceKind::Programme, "x")
        .unwrap()
        .snapshot;
    let g = s.glossary.unwrap();
    assert_eq!(
        g.intro.as_deref(),
        Some(
            "De begrippen die in dit programma een eigen betekenis hebben staan hieronder: op alfabet."
        )
    );
    let terms: Vec<&str> = g.entries.iter().map(|e| e.term.as_str()).collect();
    assert_eq!(terms, ["AIVD"]);
}

#[test]
fn plain_text_reads_maatregel_lines_label_lines_and_bracket_marks() {
    let text = "Programma\n\nThema 1: Preventie\nVoorkomen van radicalisering\n\nVersterkt:\nMaatregel 1\nScholen krijgen steun.\n\nMaatregel 2: Wijkteams [N]\n(a) eerste\n(b) tweede\n   (i) sub\n";
    let s = import::import(text, SourceKind::Programme, "x")
        .unwrap()
        .snapshot;
    assert_eq!(s.themes[0].aims, ["Voorkomen van radicalisering"]);
    assert_eq!(s.measures.len(), 2);
    assert_eq!(s.measures[0].title, "Scholen krijgen steun.");
    assert_eq!(s.measures[0].status.value, Some(Status::Strengthened));
    assert_eq!(s.measures[1].title, "Wijkteams");
    assert_eq!(s.measures[1].status.value, Some(Status::New));
    assert_eq!(s.measures[1].items[1].items[0].label, "i");
}

#[test]
fn a_snapshot_imported_from_every_structured_layout_keeps_the_id_it_was_given() {
    for name in ["programme.txt", "programme.md", "programme.html"] {
        let s = import::import(&fixture(name), SourceKind::Programme, "actieprogramma-2099")
            .unwrap()
            .snapshot;
        assert_eq!(s.id, "actieprogramma-2099", "{name}");
    }
}

#[test]
fn the_2014_text_with_its_base_gets_every_status_the_base_settles_as_deduced() {
    let text =
        std::fs::read_to_string(root().join("versions/actieprogramma-2014/source.txt")).unwrap();
    let mut draft = import::import(&text, SourceKind::Programme, "draft")
        .unwrap()
        .snapshot;
    let base = shipped();
    let carried = import::base::carry_forward(&mut draft, &base);
    // 28 measures are settled in the shipped snapshot; the page marks settle
    // one of them on their own, the base the other 27.
    assert_eq!(carried.statuses, 27, "{carried:?}");
    assert_eq!(carried.item_statuses, 3, "{carried:?}");
    assert_eq!(carried.left_uncertain, 10);
    for (d, s) in draft.measures.iter().zip(&base.measures) {
        assert_eq!(d.status.value, s.status.settled(), "measure {}", d.number);
        if d.status.certainty == policydiff::snapshot::Certainty::Deduced {
            let note = d.status.note.as_deref().unwrap_or("");
            assert!(
                note.contains("actieprogramma-2014") && note.contains("text leaves it open"),
                "{note}"
            );
        }
    }
    // The title and publishers come from the base, with a note; the date not.
    assert_eq!(draft.title, base.title);
    assert_eq!(draft.publishers, base.publishers);
    assert!(draft.date.is_none());
    assert!(
        draft
            .notes
            .iter()
            .any(|n| n.contains("Carried from `actieprogramma-2014`"))
    );
}

#[test]
fn the_base_never_overrides_what_the_text_says() {
    let mut draft = import::import(&fixture("programme.md"), SourceKind::Programme, "draft")
        .unwrap()
        .snapshot;
    // The Markdown writes marks inline: its statuses are confirmed.
    let mut base = shipped();
    for m in &mut base.measures {
        m.status = policydiff::snapshot::StatusRecord::confirmed(Status::Existing, None);
    }
    let before: Vec<_> = draft.measures.iter().map(|m| m.status.clone()).collect();
    let carried = import::base::carry_forward(&mut draft, &base);
    let after: Vec<_> = draft.measures.iter().map(|m| m.status.clone()).collect();
    for (b, a) in before.iter().zip(&after) {
        if b.value.is_some() {
            assert_eq!(a, b, "a confirmed status stays as the text says");
        }
    }
    assert_eq!(carried.statuses, 10, "only the 10 the text leaves open");
}

#[test]
fn import_with_a_base_says_what_it_carried_how_it_differs_and_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("policydiff")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .arg("import")
        .arg(root().join("versions/actieprogramma-2014/source.txt"))
        .args([
            "--kind",
            "programme",
            "--id",
            "draft",
            "--base",
            "actieprogramma-2014",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("carried from `actieprogramma-2014`: 27 statuses"),
        "{err}"
    );
    assert!(
        err.contains("against `actieprogramma-2014`: No measure changed in substance"),
        "{err}"
    );
    assert!(err.contains("to do: 10 statuses are uncertain"), "{err}");
    assert!(err.contains("to do: no date"), "{err}");
    // A base that does not exist: exit 2, nothing written.
    let out = assert_cmd::Command::cargo_bin("policydiff")
        .unwrap()
        .current_dir(dir.path())
        .arg("import")
        .arg(root().join("versions/actieprogramma-2014/source.txt"))
        .args(["--kind", "programme", "--id", "other", "--base", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("versions/other").exists());
}

#[test]
fn check_warns_about_a_draft_committed_unfinished() {
    let dir = tempfile::tempdir().unwrap();
    let v = dir.path().join("versions/draft");
    std::fs::create_dir_all(&v).unwrap();
    let mut s = import::import(
        "Thema 1: Preventie\n\n1. Eerste maatregel (V)\n\nTHEMA\n",
        SourceKind::Programme,
        "draft",
    )
    .unwrap()
    .snapshot;
    s.unplaced.push(policydiff::snapshot::Unplaced {
        text: "losse tekst".into(),
        reason: "test".into(),
        lines: None,
    });
    std::fs::write(v.join("snapshot.json"), s.to_json()).unwrap();
    let out = assert_cmd::Command::cargo_bin("policydiff")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "draft", "--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("draft/unplaced") && text.contains("draft/title"),
        "{text}"
    );
}

#[test]
fn a_text_cut_off_mid_sentence_is_warned_about() {
    let md = fixture("programme.md");
    let cut = &md[..md.char_indices().nth(30_000).unwrap().0];
    let imported = import::import(cut, SourceKind::Programme, "x").unwrap();
    let warning = import::base::cut_off(&imported.snapshot).expect("a warning");
    assert!(
        warning.message.contains("ends mid-sentence"),
        "{}",
        warning.message
    );
    let whole = import::import(&md, SourceKind::Programme, "x").unwrap();
    assert!(import::base::cut_off(&whole.snapshot).is_none());
}

/// The shipped programme as a base, and a draft of it whose first theme
/// has lost its aims.
fn base_and_draft_without_first_theme_aims() -> (Snapshot, Snapshot) {
    let base = shipped();
    assert!(!base.themes[0].aims.is_empty());
    let mut draft = base.clone();
    draft.themes[0].aims.clear();
    (base, draft)
}

#[test]
fn a_theme_the_draft_gives_no_aims_takes_them_from_the_base_theme_of_its_number_and_title() {
    let (base, mut draft) = base_and_draft_without_first_theme_aims();
    import::base::carry_forward(&mut draft, &base);
    assert_eq!(draft.themes[0].aims, base.themes[0].aims);
    let note = draft.notes.last().expect("a note of what was carried");
    assert!(
        note.contains("Carried from `actieprogramma-2014`")
            && note.contains(&format!("aims of theme {}", base.themes[0].number)),
        "{note}"
    );
}

#[test]
fn a_theme_of_the_base_number_under_another_title_takes_no_aims_from_it() {
    let (base, mut draft) = base_and_draft_without_first_theme_aims();
    draft.themes[0].title = "Een geheel ander thema".into();
    let carried = import::base::carry_forward(&mut draft, &base);
    assert!(draft.themes[0].aims.is_empty());
    assert!(carried.fields.is_empty(), "{:?}", carried.fields);
}

#[test]
fn a_sub_item_status_the_draft_does_not_record_is_carried_and_counted() {
    // 27 b.i gets a status in the base; the draft's text records none.
    let mut base = shipped();
    let m = base.measures.iter_mut().find(|m| m.number == 27).unwrap();
    assert_eq!(m.items[1].items[0].label, "i");
    assert_eq!(m.items[1].status, None);
    m.items[1].items[0].status = Some(policydiff::snapshot::StatusRecord::confirmed(
        Status::New,
        None,
    ));
    let mut draft = base.clone();
    let d = draft.measures.iter_mut().find(|m| m.number == 27).unwrap();
    d.items[1].items[0].status = None;
    let carried = import::base::carry_forward(&mut draft, &base);
    assert_eq!(carried.item_statuses, 1);
    let d = draft.measures.iter().find(|m| m.number == 27).unwrap();
    let status = d.items[1].items[0].status.as_ref().expect("carried");
    assert_eq!(status.settled(), Some(Status::New));
}

#[test]
fn a_base_status_outside_the_candidates_the_text_allows_is_not_carried() {
    let base = shipped();
    let i = base
        .measures
        .iter()
        .position(|m| m.status.settled() == Some(Status::Existing))
        .unwrap();
    let mut draft = base.clone();
    for m in &mut draft.measures {
        m.status = policydiff::snapshot::StatusRecord::confirmed(Status::New, None);
    }
    // The text's marks allow N or V for this measure; the base says B.
    let open = policydiff::snapshot::StatusRecord::uncertain(
        vec![Status::New, Status::Strengthened],
        None,
    );
    draft.measures[i].status = open.clone();
    let carried = import::base::carry_forward(&mut draft, &base);
    assert_eq!(draft.measures[i].status, open);
    assert_eq!((carried.statuses, carried.left_uncertain), (0, 1));
}

#[test]
fn the_to_do_list_counts_the_unplaced_pieces_and_is_silent_on_them_when_there_are_none() {
    let mut draft = shipped();
    let unplaced_line = |draft: &Snapshot| {
        import::base::to_do(draft)
            .into_iter()
            .filter(|l| l.contains("not placed"))
            .collect::<Vec<_>>()
    };
    assert!(draft.unplaced.is_empty());
    assert_eq!(unplaced_line(&draft), Vec::<String>::new());
    draft.unplaced.push(policydiff::snapshot::Unplaced {
        text: "Een losse regel.".into(),
        reason: "a test".into(),
        lines: None,
    });
    draft.unplaced.push(draft.unplaced[0].clone());
    assert_eq!(
        unplaced_line(&draft),
        ["2 pieces of text were not placed: see `unplaced` and move each where it belongs"]
    );
}

#[test]
fn the_to_do_line_for_uncertain_statuses_points_at_the_first_uncertain_measure() {
    let mut draft = shipped();
    for m in &mut draft.measures {
        m.status = policydiff::snapshot::StatusRecord::confirmed(Status::New, None);
    }
    draft.measures[3].status =
        policydiff::snapshot::StatusRecord::uncertain(vec![Status::New, Status::Existing], None);
    let number = draft.measures[3].number;
    let todo = import::base::to_do(&draft);
    assert!(
        todo[0].starts_with(&format!(
            "1 status is uncertain (measure {number}); settle one by writing the evidence into `measures[3].status`"
        )),
        "{todo:?}"
    );
}

#[test]
fn a_draft_with_three_quarters_of_the_base_measures_is_not_called_partial_but_one_fewer_is() {
    let mut base = shipped();
    base.measures.truncate(36);
    let partial = |n: usize| {
        let mut draft = base.clone();
        draft.measures.truncate(n);
        import::base::partial_text(&draft, &base)
            .iter()
            .map(|w| w.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(partial(27), Vec::<String>::new());
    let warned = partial(26);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].starts_with("26 measures, where `actieprogramma-2014` has 36"),
        "{warned:?}"
    );
}

#[test]
fn a_glossary_line_that_is_no_entry_after_the_intro_or_an_entry_is_unplaced_not_the_intro() {
    // After the intro: a second line that is no `Term: definition` keeps
    // the first as the intro. After an entry: it is no intro either.
    for (glossary, intro) in [
        (
            "Deze lijst maakt het programma leesbaar.\n\nZie ook de bijlage.\n\nAIVD: Algemene Inlichtingen- en Veiligheidsdienst.\n",
            Some("Deze lijst maakt het programma leesbaar."),
        ),
        (
            "AIVD: Algemene Inlichtingen- en Veiligheidsdienst.\n\nZie ook de bijlage.\n",
            None,
        ),
    ] {
        let text = format!(
            "# Programma\n\n## Thema 1: Preventie\n\n1. Eerste maatregel.\n\n## Begrippenlijst\n\n{glossary}"
        );
        let imported = import::import(&text, SourceKind::Programme, "x").unwrap();
        let s = imported.snapshot;
        let g = s.glossary.as_ref().unwrap();
        assert_eq!(g.intro.as_deref(), intro, "{glossary}");
        let terms: Vec<&str> = g.entries.iter().map(|e| e.term.as_str()).collect();
        assert_eq!(terms, ["AIVD"]);
        let unplaced: Vec<&str> = s.unplaced.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(unplaced, ["Zie ook de bijlage."], "{glossary}");
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.message.contains("not `Term: definition`")),
            "{glossary}"
        );
    }
}

#[test]
fn a_draft_with_a_title_of_its_own_keeps_it_and_no_field_is_carried() {
    let base = shipped();
    let mut draft = base.clone();
    draft.title = "Actieprogramma Integrale Aanpak Jihadisme, herziene versie".to_string();
    let notes = draft.notes.len();
    let carried = import::base::carry_forward(&mut draft, &base);
    assert_eq!(
        draft.title,
        "Actieprogramma Integrale Aanpak Jihadisme, herziene versie"
    );
    assert!(carried.fields.is_empty(), "{carried:?}");
    assert_eq!(draft.notes.len(), notes, "no note of what was carried");
}

#[test]
fn roman_items_at_the_level_of_the_lettered_ones_are_sub_items_unless_they_are_the_next_letter() {
    // `i)` after `a)` is no next letter: a roman sub-item of `a`, though it
    // stands at the same indentation.
    let text =
        "Programma\n\nMaatregel 1: Scholen\n  a) eerste\n  i) een\n  ii) twee\n  b) tweede\n";
    assert_eq!(
        items_of_first_measure(text),
        a_with_two_roman_sub_items_then_b()
    );
}
