//! The Markdown and HTML `diff` reports on edited copies of the shipped
//! programme: counts first, one entry a changed measure with its word
//! differences, status changes and renumbering in words, added / removed set
//! apart, unchanged measures collapsed, stale references flagged, a Markdown
//! report that fits a comment, and data that stays text.

mod diff_support;
mod report_support;

use assert_cmd::Command;
use diff_support::{
    delete, diff, edited_programme, fresh_measure, insert_after, item, measure_mut, programme,
    relabel, summary,
};
use policydiff::diff::{ChangeClass, Diff, Filter};
use policydiff::render::{html, markdown};
use policydiff::snapshot::Measure;
use policydiff::snapshot::Snapshot;
use report_support::{HTML_TAGS, IMG, MARKDOWN_TAGS, SCRIPT, readable, unexpected_tags};

/// The shipped programme and the edited copy the README shows (see
/// `diff_support::edited_programme`).
fn edited() -> (Snapshot, Snapshot) {
    (programme(), edited_programme())
}

fn only(d: &Diff, classes: &[ChangeClass]) -> Diff {
    d.filtered(&Filter {
        only: classes.to_vec(),
        theme: None,
    })
    .into_owned()
}

#[test]
fn markdown_diff_of_an_edited_programme() {
    let (old, new) = edited();
    insta::assert_snapshot!(
        "markdown_diff_edited",
        markdown::diff(&diff(&old, &new), &old, &new)
    );
}

#[test]
fn html_diff_of_the_status_text_title_and_added_changes() {
    let (old, new) = edited();
    let d = only(
        &diff(&old, &new),
        &[
            ChangeClass::Added,
            ChangeClass::Status,
            ChangeClass::Text,
            ChangeClass::Retitled,
        ],
    );
    insta::assert_snapshot!("html_diff_edited", readable(&html::diff(&d, &old, &new)));
}

#[test]
fn html_diff_has_one_change_row_a_changed_measure_and_collapses_the_rest() {
    let (old, new) = edited();
    let d = diff(&old, &new);
    let page = html::diff(&d, &old, &new);
    // Five measures changed in substance; measure 22 (old 21) only
    // renumbered, but it holds a stale reference, so it is told too.
    assert_eq!(page.matches(" data-change=\"").count(), 6);
    assert_eq!(page.matches(" data-renumbered=\"").count(), 24);
    assert_eq!(page.matches(" data-unchanged=\"").count(), 9);
    // The rest sit inside <details>, one block a theme.
    assert!(page.contains("<details class=\"unchanged\"><summary>9 measures unchanged (3–11); 2 only renumbered (12–13 → 13–14)</summary>"));
    assert!(page.contains("<td data-count=\"renumbered\">27</td>"));
    assert!(page.contains(" data-substantive=\"5\" data-renumbered-only=\"25\" data-stale=\"1\">5 measures changed in substance"));
}

#[test]
fn html_diff_states_changes_in_words_and_marks_words_by_more_than_colour() {
    let (old, new) = edited();
    let page = html::diff(&diff(&old, &new), &old, &new);
    assert!(page.contains("Status changed from B (bestaand) to V (versterkt): strengthened."));
    assert!(page.contains("wordt <del>optimaal</del> <ins>maximaal</ins> ingezet"));
    assert!(page.contains("<span class=\"num\">– → 12</span>"));
    assert!(page.contains("<article class=\"change added\" id=\"new-12\" data-change=\"added\">"));
    assert!(page.contains("⚠ Stale reference: 21a says “<span lang=\"nl\">maatregel 30</span>”, but measure 30 is now 31; it should say 31."));
    // The stylesheet marks <ins>/<del> with underline / strike-through and
    // + / − signs, and brackets them in print.
    assert!(page.contains("ins::before { content: \"+\""));
    assert!(page.contains("text-decoration: line-through"));
    assert!(page.contains("ins::before { content: \"[+\"; }"));
}

#[test]
fn a_removed_measure_is_set_apart_with_its_old_text() {
    let old = programme();
    let mut new = old.clone();
    let gone = delete(&mut new, 20);
    let d = diff(&old, &new);
    let page = html::diff(&d, &old, &new);
    assert!(
        page.contains("<article class=\"change removed\" id=\"old-20\" data-change=\"removed\">")
    );
    assert!(page.contains(&html::escape(&gone.items[0].text)));
    assert!(page.contains("Removed: the new version has no such measure."));
    let md = markdown::diff(&d, &old, &new);
    assert!(
        md.contains("<details><summary><b>20 → –</b> · removed · "),
        "{md}"
    );
}

#[test]
fn a_programme_against_its_summary_page_compares_groups_without_a_chart() {
    let (p, s) = (programme(), summary());
    let d = diff(&p, &s);
    let page = html::diff(&d, &p, &s);
    assert!(!page.contains("<svg"));
    assert!(page.contains("Compared at group level"));
    assert!(page.contains("<h3 id=\"other-groups\">Groups</h3>"));
    assert_eq!(page.matches(" data-change=\"").count(), 0);
    let md = markdown::diff(&d, &p, &s);
    assert!(md.contains("| compared at group level | programme and summary |"));
    assert!(md.contains("### Groups"));
}

#[test]
fn identical_versions_say_so() {
    let p = programme();
    let d = diff(&p, &p);
    let page = html::diff(&d, &p, &p);
    assert!(page.contains("No differences."));
    assert_eq!(page.matches(" data-change=\"").count(), 0);
    // Every measure is still reachable, collapsed.
    assert_eq!(page.matches(" data-unchanged=\"").count(), 38);
    assert!(markdown::diff(&d, &p, &p).contains("No differences."));
}

/// Every text of the programme rewritten: the largest diff the shipped data
/// can give.
fn rewritten() -> (Snapshot, Snapshot) {
    let old = programme();
    let mut new = old.clone();
    fn reword(t: &mut String) {
        *t = t
            .split_whitespace()
            .map(|w| format!("{w}x"))
            .collect::<Vec<_>>()
            .join(" ");
    }
    for m in &mut new.measures {
        for it in &mut m.items {
            reword(&mut it.text);
            for sub in &mut it.items {
                reword(&mut sub.text);
            }
        }
        if let Some(b) = &mut m.body {
            reword(b);
        }
        if let Some(l) = &mut m.lead_in {
            reword(l);
        }
    }
    new.id = "rewritten".into();
    (old, new)
}

#[test]
fn a_very_large_markdown_diff_is_summarised_to_fit_a_comment() {
    let (old, new) = rewritten();
    let d = diff(&old, &new);
    let md = markdown::diff(&d, &old, &new);
    assert!(md.len() <= markdown::LIMIT, "{} characters", md.len());
    assert!(md.starts_with("## policydiff: `actieprogramma-2014` → `rewritten`"));
    assert!(md.contains("| text changed |"));
    assert!(md.contains("This report was shortened to fit a comment"));
    assert!(md.contains("In brief (no room for the details):"));
    // The HTML report has no such limit: every change is there.
    let page = html::diff(&d, &old, &new);
    assert_eq!(
        page.matches(" data-change=\"").count(),
        d.changed_measures().count()
    );
}

#[test]
fn a_markdown_diff_cut_short_still_names_every_changed_measure() {
    let (old, new) = edited();
    let d = diff(&old, &new);
    let md = markdown::diff_within(&d, &old, &new, 3_500);
    assert!(md.len() <= 3_500, "{} characters", md.len());
    assert!(md.contains("This report was shortened"), "{md}");
    // In full (<b>), in brief (**) or in the closing note, every one is
    // named.
    let note: Vec<&str> = md
        .lines()
        .find_map(|l| l.split_once("more changed measures: "))
        .map(|(_, list)| list.split(", ").collect())
        .unwrap_or_default();
    for n in ["1", "2", "– → 12", "25 → 26", "29 → 30"] {
        assert!(
            md.contains(&format!("<b>{n}</b>"))
                || md.contains(&format!("**{n}**"))
                || note.contains(&n),
            "{n} in {md}"
        );
    }
}

#[test]
fn data_in_a_diff_is_shown_as_text() {
    let old = programme();
    let mut new = old.clone();
    let m = measure_mut(&mut new, 1);
    m.title.push_str(&format!(" {SCRIPT}"));
    m.items[0].text.push_str(&format!(" {IMG}"));
    m.items
        .push(item("e", &format!("{SCRIPT} {IMG} *x* | [y](z)")));
    measure_mut(&mut new, 2).body = Some(format!("{IMG} {SCRIPT}"));
    insert_after(&mut new, 3, fresh_measure(0, 1, SCRIPT));
    delete(&mut new, 30);
    new.glossary.as_mut().unwrap().entries[0]
        .term
        .push_str(SCRIPT);
    new.id = format!("x{SCRIPT}");
    let d = diff(&old, &new);
    let page = html::diff(&d, &old, &new);
    let bad = unexpected_tags(&page, HTML_TAGS);
    assert!(bad.is_empty(), "unexpected markup {bad:?}");
    assert!(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    let md = markdown::diff(&d, &old, &new);
    let bad = unexpected_tags(&md, MARKDOWN_TAGS);
    assert!(bad.is_empty(), "unexpected markup {bad:?}");
    assert!(md.contains("&lt;script&gt;"));
}

#[test]
fn diff_writes_markdown_and_html_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (_, new) = edited();
    let path = dir.path().join("new.json");
    std::fs::write(&path, new.to_json()).unwrap();
    let out = dir.path().join("report.html");
    Command::cargo_bin("policydiff")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .args(["diff", "actieprogramma-2014"])
        .arg(&path)
        .args(["--format", "html", "--exit-code", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("data-change=\"added\"")
    );
    Command::cargo_bin("policydiff")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("POLICYDIFF_VERSIONS")
        .args(["diff", "actieprogramma-2014"])
        .arg(&path)
        .args(["--format", "markdown"])
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with(
            "## policydiff: `actieprogramma-2014` → `actieprogramma-2015`",
        ));
}

/// Measure 29 (8 items) becomes 29 with items a–d and a new 30 with e–h.
fn split_29() -> (Snapshot, Snapshot) {
    let old = programme();
    let mut new = old.clone();
    let m29: Measure = old.measure(29).unwrap().clone();
    let mut second = m29.clone();
    second.title = "Bestrijden van verspreiding via internetbedrijven".to_string();
    second.items = m29.items[4..].to_vec();
    relabel(&mut second);
    measure_mut(&mut new, 29).items.truncate(4);
    insert_after(&mut new, 29, second);
    (old, new)
}

#[test]
fn a_split_is_set_apart_and_names_its_pieces() {
    let (old, new) = split_29();
    let d = diff(&old, &new);
    let page = html::diff(&d, &old, &new);
    assert_eq!(
        page.matches("<article class=\"change split\"").count(),
        1,
        "one split entry"
    );
    assert!(page.contains("<span class=\"num\">29 → 29 + 30</span>"));
    assert!(page.contains("Measure 29 was split into 29 (<span lang=\"nl\">"));
    assert!(page.contains("<details><summary>The text of new 29 + 30</summary>"));
    let md = markdown::diff(&d, &old, &new);
    assert!(
        md.contains("<details><summary><b>29 → 29 + 30</b> · split · "),
        "{md}"
    );
    assert!(md.contains("- Measure 29 was split into 29 ("), "{md}");
}

#[test]
fn a_merge_is_set_apart_and_names_what_it_merged() {
    let old = programme();
    let mut new = old.clone();
    let m38 = delete(&mut new, 38);
    let m37 = measure_mut(&mut new, 37);
    m37.items.extend(m38.items);
    m37.lead_in = Some(format!(
        "{} {}",
        m37.lead_in.clone().unwrap_or_default(),
        m38.lead_in.unwrap_or_default()
    ));
    relabel(m37);
    let d = diff(&old, &new);
    let page = html::diff(&d, &old, &new);
    assert!(
        page.contains("<article class=\"change merged\" id=\"new-37\" data-change=\"merged\">")
    );
    assert!(page.contains("Measure 37 was merged from 37 (<span lang=\"nl\">"));
    let md = markdown::diff(&d, &old, &new);
    assert!(md.contains("<b>37 + 38 → 37</b> · merged"), "{md}");
}

#[test]
fn the_html_diff_written_as_it_is_made_is_the_page_made_whole_and_a_failed_write_says_so() {
    let (old, new) = edited();
    let d = diff(&old, &new);
    let page = html::diff(&d, &old, &new);
    // Large enough to be written out in more than one piece.
    assert!(page.len() > 65_536, "{} bytes", page.len());
    let mut written = Vec::new();
    html::write_diff(&mut written, &d, &old, &new).expect("writes to memory");
    assert!(written == page.as_bytes(), "the written page differs");

    /// A sink that takes `room` bytes, then fails.
    struct Full {
        room: usize,
    }
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::other("disk full"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    for room in [0, 70_000, page.len() - 1] {
        let e = html::write_diff(&mut Full { room }, &d, &old, &new).unwrap_err();
        assert_eq!(e.to_string(), "disk full", "room {room}");
    }

    /// A sink whose first write fails and every later one succeeds: the
    /// page is still reported as not written.
    struct FailsOnce {
        failed: bool,
    }
    impl std::io::Write for FailsOnce {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if !self.failed {
                self.failed = true;
                return Err(std::io::Error::other("interrupted"));
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let e = html::write_diff(&mut FailsOnce { failed: false }, &d, &old, &new).unwrap_err();
    assert_eq!(e.to_string(), "interrupted");
}
