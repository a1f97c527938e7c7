//! The Markdown and HTML `show` reports of the shipped versions: snapshots of
//! the Markdown and of the HTML without its stylesheet (one block a line),
//! and the properties a reader relies on — headings in order, a
//! self-contained page, a Markdown report that fits a comment.

mod report_support;

use policydiff::render::{html, markdown};
use policydiff::snapshot::MeasureFilter as Filter;
use report_support::{load, readable};

fn theme(n: u32) -> Filter {
    Filter {
        theme: Some(n),
        ..Filter::default()
    }
}

fn measure(n: u32) -> Filter {
    Filter {
        measure: Some(n),
        ..Filter::default()
    }
}

#[test]
fn markdown_show_of_theme_5_gives_uncertain_statuses_with_their_candidates() {
    let p = load("actieprogramma-2014");
    insta::assert_snapshot!("markdown_show_theme_5", markdown::show(&p, &theme(5)));
}

#[test]
fn markdown_show_of_the_summary_page_lists_its_five_groups() {
    let s = load("samenvatting-2014");
    insta::assert_snapshot!(
        "markdown_show_summary",
        markdown::show(&s, &Filter::default())
    );
}

#[test]
fn markdown_show_of_the_whole_programme_fits_a_github_comment_uncut() {
    let p = load("actieprogramma-2014");
    let md = markdown::show(&p, &Filter::default());
    assert!(md.len() <= markdown::LIMIT, "{} characters", md.len());
    assert_eq!(md.matches("<details><summary><b>").count(), 38);
    assert!(!md.contains("shortened"), "nothing is left out");
}

#[test]
fn a_markdown_report_over_the_limit_keeps_the_counts_and_says_what_it_left_out() {
    let p = load("actieprogramma-2014");
    let md = markdown::show_within(&p, &Filter::default(), 12_000);
    assert!(md.len() <= 12_000, "{} characters", md.len());
    assert!(md.contains("| **All themes** | **38** |"));
    assert!(md.contains("This report was shortened to fit a comment"));
    let shown = md.matches("<details><summary><b>").count();
    assert!((1..38).contains(&shown), "{shown} measures shown");
    // The measures left out are named as a range that starts after the last
    // one shown.
    assert!(
        md.contains(&format!(
            "the text of {} measures ({}–38)",
            38 - shown,
            shown + 1
        )),
        "{md}"
    );
}

#[test]
fn html_show_of_measure_20_has_its_items_references_and_chip() {
    let p = load("actieprogramma-2014");
    insta::assert_snapshot!(
        "html_show_measure_20",
        readable(&html::show(&p, &measure(20)))
    );
}

#[test]
fn html_show_of_theme_5_marks_uncertain_statuses_with_a_question_mark() {
    let p = load("actieprogramma-2014");
    let page = html::show(&p, &theme(5));
    // 31 and 33–38 are uncertain; 30 (B) and 32 (V) are settled.
    assert_eq!(page.matches("<span class=\"chip uncertain\"").count(), 7);
    assert!(page.contains("?<small>uncertain: B or V or N</small>"));
    assert_eq!(page.matches("data-certainty=\"uncertain\"").count(), 7);
    assert!(page.contains("<td data-count=\"uncertain\">7</td>"));
}

#[test]
fn html_show_of_the_summary_page_has_one_article_a_group() {
    let s = load("samenvatting-2014");
    insta::assert_snapshot!(
        "html_show_summary",
        readable(&html::show(&s, &Filter::default()))
    );
}

#[test]
fn html_deduced_statuses_are_labelled_and_never_look_confirmed() {
    let p = load("actieprogramma-2014");
    let page = html::show(&p, &measure(7));
    assert!(page.contains("<span class=\"chip chip-V deduced\""));
    assert!(page.contains("V<small>deduced</small>"));
}

#[test]
fn html_headings_never_skip_a_level() {
    for (id, filter) in [
        ("actieprogramma-2014", Filter::default()),
        ("actieprogramma-2014", theme(3)),
        ("samenvatting-2014", Filter::default()),
    ] {
        let page = html::show(&load(id), &filter);
        let mut previous = 0;
        for (at, _) in page.match_indices("<h") {
            let Some(level) = page[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(
                level <= previous + 1,
                "{id}: h{level} after h{previous} at {at}"
            );
            previous = level;
        }
        assert!(previous > 1, "{id}: headings found");
    }
}

#[test]
fn html_report_is_self_contained_and_marks_its_languages() {
    let page = html::show(&load("actieprogramma-2014"), &Filter::default());
    for external in ["<link", "<script", " src=", "@import", "href=\"http"] {
        assert!(!page.contains(external), "{external}");
    }
    // The only address is the SVG namespace, which loads nothing.
    assert_eq!(
        page.matches("http:").count() + page.matches("https:").count(),
        page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    // The only url()s are the SVG's own patterns.
    assert_eq!(
        page.matches("url(").count(),
        page.matches("url(#hatch)").count() + page.matches("url(#dots)").count()
    );
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<h1 lang=\"nl\">Actieprogramma Integrale Aanpak Jihadisme</h1>"));
    assert!(page.contains("@media print"));
    for landmark in ["<main>", "<nav ", "<header ", "<footer "] {
        assert!(page.contains(landmark), "{landmark}");
    }
    assert_eq!(page.matches("<article class=\"measure\"").count(), 38);
}

#[test]
fn html_chart_counts_match_the_counts_table() {
    let page = html::show(&load("actieprogramma-2014"), &Filter::default());
    // Theme 1: 3 B, 6 V, 4 N (the table) and the same three bar segments.
    for segment in [
        "<title>B: 3</title>",
        "<title>V: 6</title>",
        "<title>N: 4</title>",
    ] {
        assert!(page.contains(segment), "{segment}");
    }
    // Theme 5's 7 uncertain measures are one hatched segment, not a letter.
    assert!(page.contains(
        "fill=\"url(#hatch)\" stroke=\"#ffffff\" stroke-width=\"1\"><title>?: 7</title>"
    ));
}

#[test]
fn reports_are_the_same_bytes_from_two_processes() {
    // Two processes, not two calls: hash tables are seeded per process, so
    // an order taken from one would differ between runs only this way.
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("policydiff")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("POLICYDIFF_VERSIONS")
            .args(args)
            .output()
            .unwrap()
            .stdout
    };
    let series = "examples/series/actieprogramma-2016";
    for args in [
        &["show", "actieprogramma-2014", "--format", "html"][..],
        &["show", "actieprogramma-2014", "--format", "markdown"],
        &["diff", "actieprogramma-2014", series, "--format", "html"],
        &["diff", "actieprogramma-2014", series, "--format", "json"],
        &["check", "--format", "json"],
        &[
            "history",
            "--versions",
            "examples/series",
            "--format",
            "html",
        ],
    ] {
        let first = run(args);
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(first, run(args), "{args:?}");
    }
}
