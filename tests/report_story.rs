//! The story every human format tells (text, Markdown, HTML), snapshotted
//! for the four cases a reader meets: the example edit, a status that became
//! known, a retitled version, and a programme against its summary page. Also
//! control characters in the data, which no format may pass on raw.

mod diff_support;
mod report_support;

use assert_cmd::Command;
use diff_support::{
    diff, edited_programme, measure_mut, programme, settled, summary,
    summary_with_group_1_in_capitals,
};
use policydiff::diff::Story;
use policydiff::render::color::Palette;
use policydiff::render::text::diff::TextOptions;
use policydiff::render::{html, json, markdown, text};
use policydiff::snapshot::{Certainty, Snapshot, Status, StatusRecord};
use report_support::readable;

const WIDTH_80: TextOptions = TextOptions {
    stat: false,
    width: 80,
};

/// Text, Markdown and the head of the HTML page (the story; the measures
/// below it have snapshots of their own in `report_diff`).
fn three(old: &Snapshot, new: &Snapshot) -> (String, String, String) {
    let d = diff(old, new);
    let story = Story::of(&d, old, new);
    let t = text::diff::render(&d, &story, Palette::PLAIN, WIDTH_80);
    let md = markdown::diff(&d, old, new);
    let page = readable(&html::diff(&d, old, new));
    let head = page
        .split("\n<main")
        .next()
        .unwrap_or_default()
        .split("\n<figure")
        .next()
        .unwrap_or_default()
        .to_string();
    (t, md, head)
}

fn uncertain(candidates: &[Status]) -> StatusRecord {
    StatusRecord {
        value: None,
        certainty: Certainty::Uncertain,
        candidates: candidates.to_vec(),
        note: None,
    }
}

#[test]
fn the_example_edit_leads_with_what_changed_in_substance() {
    let (t, md, head) = three(&programme(), &edited_programme());
    let lead = "5 measures changed in substance (1 strengthened B → V, 1 added, 1 retitled, 2 text changed); 25 only renumbered (12–24 → 13–25, 26–28 → 27–29, 30–38 → 31–39); 1 stale cross-reference";
    assert!(t.replace('\n', " ").contains(lead), "{t}");
    assert!(md.contains(lead), "{md}");
    assert!(head.contains(lead), "{head}");
    insta::assert_snapshot!("story_text_example_edit", t);
    insta::assert_snapshot!("story_markdown_example_edit", md);
    insta::assert_snapshot!("story_html_example_edit", head);
}

#[test]
fn a_status_that_became_known_is_shown_though_it_is_no_change() {
    let mut old = programme();
    measure_mut(&mut old, 7).status = uncertain(&[Status::Existing, Status::Strengthened]);
    let mut new = programme();
    measure_mut(&mut new, 7).status = settled(Status::Strengthened);
    let (t, md, head) = three(&old, &new);
    for report in [&t, &md, &head] {
        assert!(
            report
                .replace('\n', " ")
                .contains("1 status settled (uncertain before)"),
            "{report}"
        );
        assert!(!report.contains("No differences"), "{report}");
    }
    let page = html::diff(&diff(&old, &new), &old, &new);
    assert!(
        page.contains("<span class=\"badge other\">status settled</span>"),
        "the measure's article says how its status changed"
    );
    insta::assert_snapshot!("story_text_settled_status", t);
    insta::assert_snapshot!("story_markdown_settled_status", md);
    insta::assert_snapshot!("story_html_settled_status", head);
}

#[test]
fn statuses_that_became_known_are_counted_together_in_the_lead() {
    let mut old = programme();
    let mut new = programme();
    for number in [7, 9] {
        measure_mut(&mut old, number).status = uncertain(&[Status::Existing, Status::Strengthened]);
        measure_mut(&mut new, number).status = settled(Status::Strengthened);
    }
    let d = diff(&old, &new);
    let lead = Story::of(&d, &old, &new).lead;
    assert!(
        lead.contains("2 statuses settled (uncertain before)"),
        "{lead}"
    );
}

#[test]
fn a_retitled_version_is_shown_in_every_format() {
    let old = programme();
    let mut new = programme();
    new.title = "Actieprogramma Integrale Aanpak Jihadisme (herzien)".into();
    new.date = Some("2015-03-01".into());
    let (t, md, head) = three(&old, &new);
    for report in [&t, &md, &head] {
        assert!(report.contains("(herzien)"), "{report}");
        assert!(report.contains("2015-03-01"), "{report}");
    }
    insta::assert_snapshot!("story_text_retitled_version", t);
    insta::assert_snapshot!("story_markdown_retitled_version", md);
    insta::assert_snapshot!("story_html_retitled_version", head);
}

#[test]
fn a_programme_against_its_summary_page_ignores_case_and_punctuation() {
    let (t, md, head) = three(&programme(), &summary());
    for report in [&t, &md, &head] {
        assert!(
            report
                .replace('\n', " ")
                .contains("case and punctuation alone are not differences"),
            "{report}"
        );
    }
    insta::assert_snapshot!("story_text_programme_summary", t);
    insta::assert_snapshot!("story_markdown_programme_summary", md);
    insta::assert_snapshot!("story_html_programme_summary", head);
}

#[test]
fn two_summary_pages_are_compared_at_group_level_with_case_counted() {
    // Only a programme against its summary page forgives case and
    // punctuation; between two summary pages a capital is a difference,
    // and no format may say otherwise.
    let (old, new) = summary_with_group_1_in_capitals();
    let (t, md, head) = three(&old, &new);
    for report in [&t, &md, &head] {
        let flat = report.replace('\n', " ");
        assert!(flat.contains("Compared at group level"), "{report}");
        assert!(!flat.contains("case and punctuation"), "{report}");
        assert!(flat.contains("1 group"), "{report}");
    }
}

/// Escape, bell, backspace, carriage return, a C1 CSI, DEL and a bidi
/// override, in a title that every format shows.
const PAYLOAD: &str = "Titel\u{1b}]0;pwned\u{7}\u{1b}[2J\u{8}\r\u{9b}31m\u{7f}\u{202e}desrever";

fn hostile() -> Snapshot {
    let mut s = edited_programme();
    measure_mut(&mut s, 2).title = PAYLOAD.into();
    s
}

fn assert_inert(report: &str, format: &str) {
    let bad: Vec<char> = report
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{format} passes on {bad:?}");
    assert!(
        report.replace('\\', "").contains("␛]0;pwned␇␛[2J␈"),
        "{format}: {report}"
    );
}

#[test]
fn control_and_bidi_characters_reach_no_format_raw() {
    let (old, new) = (programme(), hostile());
    let d = diff(&old, &new);
    let story = Story::of(&d, &old, &new);
    assert_inert(
        &text::diff::render(&d, &story, Palette::PLAIN, WIDTH_80),
        "text",
    );
    assert_inert(&markdown::diff(&d, &old, &new), "markdown");
    assert_inert(&html::diff(&d, &old, &new), "html");
    // JSON keeps the data exactly (serde writes \u001b): it is not a screen.
    assert!(json::diff::render(&d, &story).contains("\\u001b"));
    // In colour, only the palette's own sequences are escape sequences.
    let coloured = text::diff::render(&d, &story, Palette { enabled: true }, WIDTH_80);
    assert!(coloured.contains("␛[2J"));
    assert!(!coloured.contains("\u{1b}]0;") && !coloured.contains("\u{1b}[2J"));
}

#[test]
fn a_control_character_in_an_error_line_is_made_visible() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("policydiff")
        .unwrap()
        .current_dir(dir.path())
        .args(["show", "no\u{1b}[2Jsuch\u{7}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error:"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err}");
    assert!(err.contains("␛[2J"), "{err}");
}

#[test]
fn a_huge_unbroken_word_is_cut_before_the_table() {
    let mut s = programme();
    measure_mut(&mut s, 1).title = "x".repeat(1_000_000);
    let t = text::show::render(&s, &Default::default(), Palette::PLAIN, 80);
    assert!(t.contains("more"), "{t}");
    assert!(t.len() < 100_000, "{} bytes", t.len());
}

#[test]
fn markdown_neutralises_mentions_and_issue_numbers_in_summaries() {
    let (old, mut new) = (programme(), edited_programme());
    measure_mut(&mut new, 2).title = "Zie @octocat en #123".into();
    let md = markdown::diff(&diff(&old, &new), &old, &new);
    // Outside raw HTML a backslash escape does it.
    let bare = md
        .replace("\\@", "")
        .replace("\\#", "")
        .replace("&#64;", "")
        .replace("&#35;", "");
    assert!(!bare.contains('@') && !bare.contains("#123"), "{md}");
    assert!(md.contains("&#64;octocat en &#35;123"), "{md}");
}

#[test]
fn diff_and_check_agree_on_a_programme_against_its_summary_page() {
    let run = |args: &[&str]| {
        Command::cargo_bin("policydiff")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .unwrap()
    };
    let d = run(&[
        "diff",
        "actieprogramma-2014",
        "samenvatting-2014",
        "--exit-code",
        "--format",
        "json",
    ]);
    let c = run(&[
        "check",
        "samenvatting-2014",
        "--fail-on",
        "warning",
        "--format",
        "json",
    ]);
    assert_eq!(d.status.code(), Some(1));
    assert_eq!(c.status.code(), d.status.code());
    let d: serde_json::Value = serde_json::from_slice(&d.stdout).unwrap();
    let c: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    let differing: Vec<u64> = d["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["new_number"].as_u64())
        .collect();
    let flagged: Vec<&str> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("summary/group"))
        })
        .filter_map(|f| f["json_path"].as_str())
        .collect();
    assert_eq!(differing, [3]);
    assert_eq!(flagged, ["groups[2].text"]);
}

#[test]
fn piped_text_wraps_to_columns_and_width_wins_over_it() {
    let run = |columns: &str, extra: &[&str]| {
        let out = Command::cargo_bin("policydiff")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("COLUMNS", columns)
            .env("NO_COLOR", "1")
            .args([
                "diff",
                "actieprogramma-2014",
                "examples/series/actieprogramma-2015/snapshot.json",
            ])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Every line fits but one that holds a single word longer than the room
    // left after its indent (a word is never broken).
    let widest = |text: &str| {
        text.lines()
            .filter(|l| l.split_whitespace().count() > 1 || l.trim_start().len() == l.len())
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    assert!(widest(&run("60", &[])) <= 60);
    assert!(widest(&run("60", &["--width", "120"])) > 100);
    // Lines break between words: no line of the lead ends inside a word.
    let lead = run("60", &[]);
    assert!(
        lead.starts_with("actieprogramma-2014 → actieprogramma-2015: 5 measures\n"),
        "{lead}"
    );
}

#[test]
fn a_story_of_one_changed_goal_or_theme_alone_tells_that_part() {
    let old = programme();
    let mut goal = old.clone();
    goal.goals[1] = goal.goals[1].replace("verzwakken", "ontmantelen");
    let mut theme = old.clone();
    theme.themes[0].aims = vec!["Een geheel nieuwe doelstelling voor dit thema.".to_string()];
    for (new, lead) in [
        (goal, "No measure changed in substance; 1 goal differs."),
        (theme, "No measure changed in substance; 1 theme differs."),
    ] {
        let d = diff(&old, &new);
        let story = Story::of(&d, &old, &new);
        assert_eq!(story.other_parts, 1, "{lead}");
        assert!(!story.is_empty());
        assert_eq!(story.lead, lead);
    }
}

#[test]
fn a_story_of_one_changed_footnote_or_glossary_entry_alone_tells_that_part() {
    let old = programme();
    let mut footnote = old.clone();
    footnote.footnotes[0]
        .text
        .push_str(" Zie ook de jaarrapportage.");
    let mut glossary = old.clone();
    glossary.glossary.as_mut().expect("a glossary").entries[0]
        .definition
        .push_str(" Valt onder het ministerie van BZK.");
    for (new, lead) in [
        (
            footnote,
            "No measure changed in substance; 1 footnote differs.",
        ),
        (
            glossary,
            "No measure changed in substance; 1 glossary entry differs.",
        ),
    ] {
        let d = diff(&old, &new);
        let story = Story::of(&d, &old, &new);
        assert_eq!(story.other_parts, 1, "{lead}");
        assert!(!story.is_empty());
        assert_eq!(story.lead, lead);
    }
}
