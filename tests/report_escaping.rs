//! Text from the data can never become markup: every text field of a snapshot
//! carries a `<script>` and an attribute-breaking `"><img onerror=…>` payload,
//! and the HTML and Markdown reports must show them as text — no tag but the
//! ones the renderer writes, no event handler anywhere.

mod report_support;

use policydiff::render::{html, markdown};
use policydiff::snapshot::MeasureFilter as Filter;
use policydiff::snapshot::{Item, Snapshot};
use proptest::prelude::*;
use report_support::{HTML_TAGS, IMG, MARKDOWN_TAGS, SCRIPT, load, tags, unexpected_tags};

fn poison(s: &mut String) {
    s.push_str(&format!(" {SCRIPT} {IMG} *bold* | pipe [link](x)"));
}

fn poison_items(items: &mut [Item]) {
    for item in items {
        poison(&mut item.text);
        for r in &mut item.references {
            poison(&mut r.phrase);
        }
        if let Some(s) = &mut item.status {
            s.note.get_or_insert_with(String::new).push_str(IMG);
        }
        poison_items(&mut item.items);
    }
}

/// A copy of `snapshot` with the payloads in every text a report can show.
fn poisoned(mut s: Snapshot) -> Snapshot {
    poison(&mut s.id);
    poison(&mut s.title);
    s.publishers.iter_mut().for_each(poison);
    s.goals.iter_mut().for_each(poison);
    for x in [
        &mut s.date,
        &mut s.describes,
        &mut s.description,
        &mut s.groups_intro,
        &mut s.organisations,
    ] {
        poison(x.get_or_insert_with(String::new));
    }
    for g in &mut s.groups {
        poison(&mut g.title);
        poison(&mut g.text);
        for p in &mut g.parts {
            poison(&mut p.text);
            poison(p.label.get_or_insert_with(String::new));
        }
    }
    for t in &mut s.themes {
        poison(&mut t.title);
        t.aims.iter_mut().for_each(poison);
        for sec in &mut t.sections {
            poison(&mut sec.title);
            sec.aims.iter_mut().for_each(poison);
        }
        for p in &mut t.paragraphs {
            poison(&mut p.text);
        }
    }
    for m in &mut s.measures {
        poison(&mut m.title);
        if let Some(sec) = &mut m.section {
            poison(sec);
        }
        for x in [&mut m.lead_in, &mut m.body] {
            poison(x.get_or_insert_with(String::new));
        }
        m.status.note.get_or_insert_with(String::new).push_str(IMG);
        for r in &mut m.references {
            poison(&mut r.phrase);
        }
        poison_items(&mut m.items);
    }
    for f in &mut s.footnotes {
        poison(&mut f.text);
    }
    if let Some(g) = &mut s.glossary {
        poison(g.intro.get_or_insert_with(String::new));
        for e in &mut g.entries {
            poison(&mut e.term);
            poison(&mut e.definition);
        }
    }
    s
}

fn reports() -> Vec<(&'static str, String, String)> {
    ["actieprogramma-2014", "samenvatting-2014"]
        .into_iter()
        .map(|id| {
            let s = poisoned(load(id));
            (
                id,
                html::show(&s, &Filter::default()),
                markdown::show(&s, &Filter::default()),
            )
        })
        .collect()
}

#[test]
fn html_shows_every_payload_as_text_and_contains_no_tag_of_its_own() {
    for (id, page, _) in reports() {
        let bad = unexpected_tags(&page, HTML_TAGS);
        assert!(bad.is_empty(), "{id}: unexpected markup {bad:?}");
        assert!(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=&quot;document.title="));
        assert!(!page.to_ascii_lowercase().contains("<script"), "{id}");
        assert!(!page.to_ascii_lowercase().contains("<img"), "{id}");
        // ` onerror=` only ever appears inside escaped text, followed by an
        // escaped quote: never as an attribute.
        for (at, _) in page.match_indices(" onerror=") {
            assert!(page[at..].starts_with(" onerror=&quot;"), "{id} at {at}");
        }
    }
}

#[test]
fn every_html_report_forbids_scripts_by_content_security_policy() {
    // show (above), and the diff, check and history pages through the binary.
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("policydiff")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("POLICYDIFF_VERSIONS")
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let series = "examples/series/actieprogramma-2016";
    let others = [
        (
            "diff",
            run(&["diff", "actieprogramma-2014", series, "--format", "html"]),
        ),
        ("check", run(&["check", "--format", "html"])),
        (
            "history",
            run(&[
                "history",
                "--versions",
                "examples/series",
                "--format",
                "html",
            ]),
        ),
    ];
    let shown = reports().into_iter().map(|(id, page, _)| (id, page));
    for (id, page) in shown.chain(others) {
        assert!(page.starts_with("<!DOCTYPE html>"), "{id}");
        assert!(
            page.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ),
            "{id}"
        );
    }
}

#[test]
fn markdown_shows_every_payload_as_text() {
    for (id, _, md) in reports() {
        let bad = unexpected_tags(&md, MARKDOWN_TAGS);
        assert!(bad.is_empty(), "{id}: unexpected markup {bad:?}");
        assert!(md.contains("&lt;script&gt;"), "{id}");
        // Markdown syntax in the data is escaped too: no link, no emphasis.
        // (Inside `<summary>`, GitHub reads no Markdown: there it is HTML-escaped
        // only, and left out of this check.)
        let outside_summaries: String = md
            .split("<summary>")
            .map(|part| {
                part.split_once("</summary>")
                    .map_or(part, |(_, after)| after)
            })
            .collect();
        assert!(
            outside_summaries.contains(r"\*bold\* \| pipe \[link\](x)"),
            "{id}"
        );
        assert!(!outside_summaries.contains("[link](x)"), "{id}");
    }
}

proptest! {
    #[test]
    fn html_escape_leaves_no_character_that_could_open_markup(s in any::<String>()) {
        let e = html::escape(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']));
        prop_assert!(tags(&e).is_empty());
    }

    #[test]
    fn markdown_escape_leaves_no_tag_and_no_line_break(s in any::<String>()) {
        let e = markdown::escape(&s);
        prop_assert!(!e.contains(['<', '>', '\n', '\r']));
        prop_assert!(!e.contains("](") || e.contains(r"\]("));
    }
}
#[test]
fn the_tag_scanner_finds_injected_markup() {
    let found = unexpected_tags(
        "<p class=\"a\">x</p><img src=x onerror=\"y\"><script>",
        HTML_TAGS,
    );
    assert_eq!(found, ["<img src onerror>", "<script >"]);
}

#[test]
fn the_tag_scanner_finds_event_handlers_on_allowed_tags() {
    assert_eq!(
        unexpected_tags("<p onclick=\"x\">", HTML_TAGS),
        ["<p onclick>"]
    );
}

#[test]
fn the_tag_scanner_ignores_escaped_text() {
    assert!(tags("&lt;script&gt; a < b").is_empty());
}
