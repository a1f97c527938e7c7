//! The Markdown and HTML `check` reports: findings grouped by file with
//! severity badges, counts first, word differences where two texts were
//! compared, and data in messages kept as text.

mod check_support;
mod report_support;

use assert_cmd::Command;
use check_support::{Fixture, PROGRAMME, SUMMARY, redact};
use policydiff::check::{CheckedVersion, Finding, Report, Severity, WordDetail};
use policydiff::render::{html, markdown};
use policydiff::snapshot::Kind;
use report_support::{HTML_TAGS, IMG, MARKDOWN_TAGS, SCRIPT, readable, unexpected_tags};
use std::path::PathBuf;

/// The shipped versions with an item edited away from its source and a
/// summary page that drops group 2 and rewords group 4 (as in `check_cli`).
fn broken() -> Fixture {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[0].items[1].text = "Internationale rechtsmacht wordt zo veel mogelijk ingezet om Nederlanders te vervolgen die in strijdgebieden internationale misdrijven plegen.".into();
    });
    f.edit(SUMMARY, |s| {
        s.groups.remove(1);
        s.groups[2].text =
            "de verspreiding van extremistische content op internet wordt bestreden.".into();
    });
    f
}

#[test]
fn markdown_check_of_broken_versions_has_counts_then_findings_by_file() {
    let f = broken();
    insta::assert_snapshot!(
        "markdown_check_broken",
        redact(&markdown::check(&f.report()), &f)
    );
}

#[test]
fn html_check_of_broken_versions_groups_findings_by_file_with_badges() {
    let f = broken();
    insta::assert_snapshot!(
        "html_check_broken",
        redact(&readable(&html::check(&f.report())), &f)
    );
}

#[test]
fn html_check_counts_and_badges_agree_with_the_report() {
    let f = broken();
    let report = f.report();
    let page = html::check(&report);
    assert_eq!(
        page.matches("<article class=\"finding").count(),
        report.findings.len()
    );
    for (key, n) in [
        ("errors", report.counts.errors),
        ("warnings", report.counts.warnings),
        ("infos", report.counts.infos),
    ] {
        assert!(
            page.contains(&format!("<strong data-count=\"{key}\">{n}</strong>")),
            "{key}"
        );
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert!(errors > 0, "the broken versions have errors");
    assert_eq!(
        page.matches("<article class=\"finding sev-error\"").count(),
        errors
    );
    // One section a rule, errors first; each says how many findings it holds.
    let sections = page.matches("<section id=\"rule-").count();
    let mut rules: Vec<(&str, Severity)> = report
        .findings
        .iter()
        .map(|f| (f.rule, f.severity))
        .collect();
    rules.sort();
    rules.dedup();
    assert_eq!(sections, rules.len());
    let first = page.find("sev-error").unwrap_or(usize::MAX);
    let warning = page
        .find("<article class=\"finding sev-warning\"")
        .unwrap_or(usize::MAX);
    assert!(first < warning, "errors come first");
    // The footer explains only the severities the page shows.
    let foot = page.split("<footer").nth(1).unwrap_or_default();
    assert!(foot.contains("Error: the snapshot is wrong"), "{foot}");
    assert!(!foot.contains("bestaand"), "{foot}");
}

fn poisoned_report() -> Report {
    let file = PathBuf::from(format!("versions/x{SCRIPT}/snapshot.json"));
    let finding = Finding {
        rule: "summary/group-text",
        severity: Severity::Warning,
        message: format!("group `{SCRIPT}` differs from `{IMG}`; *fix* | it"),
        version: "x".into(),
        file: file.clone(),
        json_path: format!("groups[0].text{IMG}"),
        line: 3,
        source_file: Some(PathBuf::from(format!("source{IMG}.txt"))),
        source_line: Some(4),
        detail: Some(WordDetail::between(
            format!("programme {SCRIPT}"),
            &format!("de oude tekst {SCRIPT}"),
            format!("summary {IMG}"),
            &format!("de nieuwe tekst {IMG}"),
        )),
    };
    Report::new(
        vec![CheckedVersion {
            id: format!("x{SCRIPT}"),
            kind: Kind::Summary,
            file,
            source_file: None,
        }],
        vec![finding],
    )
}

#[test]
fn data_in_findings_is_shown_as_text_in_html() {
    let page = html::check(&poisoned_report());
    let bad = unexpected_tags(&page, HTML_TAGS);
    assert!(bad.is_empty(), "unexpected markup {bad:?}");
    assert!(
        page.contains("<code>&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;</code>")
    );
}

#[test]
fn data_in_findings_is_shown_as_text_in_markdown() {
    let md = markdown::check(&poisoned_report());
    let bad = unexpected_tags(&md, MARKDOWN_TAGS);
    assert!(bad.is_empty(), "unexpected markup {bad:?}");
    assert!(md.contains(r"\*fix\* \| it"), "{md}");
}

#[test]
fn a_long_markdown_check_is_cut_with_a_note_of_the_findings_left_out() {
    let f = broken();
    let report = f.report();
    let md = markdown::check_within(&report, 4_000);
    assert!(md.len() <= 4_000, "{} characters", md.len());
    assert!(md.contains("This report was shortened to fit a comment"));
    assert!(md.contains("### ❌ Errors"), "{md}");
}

#[test]
fn check_writes_an_html_report_to_a_file_and_keeps_its_exit_code() {
    let f = broken();
    let out = f.dir.path().join("check.html");
    Command::cargo_bin("policydiff")
        .unwrap()
        .env_remove("POLICYDIFF_VERSIONS")
        .arg("--versions")
        .arg(f.dir.path())
        .args(["check", "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    Command::cargo_bin("policydiff")
        .unwrap()
        .env_remove("POLICYDIFF_VERSIONS")
        .arg("--versions")
        .arg(f.dir.path())
        .args(["check", "--format", "markdown"])
        .assert()
        .code(1)
        .stdout(predicates::str::starts_with("## policydiff check\n"));
}

#[test]
fn github_annotations_can_leave_out_infos_and_keep_the_exit_code() {
    let run = |extra: &[&str]| {
        Command::cargo_bin("policydiff")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "check",
                "actieprogramma-2014",
                "samenvatting-2014",
                "--format",
                "github",
                "--fail-on",
                "warning",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let all = run(&[]);
    let fewer = run(&["--min-severity", "warning"]);
    let (all_out, fewer_out) = (
        String::from_utf8_lossy(&all.stdout),
        String::from_utf8_lossy(&fewer.stdout),
    );
    assert!(all_out.contains("::notice "), "{all_out}");
    assert!(!fewer_out.contains("::notice "), "{fewer_out}");
    assert!(fewer_out.contains("::warning "), "{fewer_out}");
    assert_eq!(all.status.code(), Some(1));
    assert_eq!(fewer.status.code(), all.status.code());
}

#[test]
fn a_markdown_diff_of_one_version_against_itself_says_changes_to_it() {
    let old = report_support::load("actieprogramma-2014");
    let mut new = old.clone();
    new.title.push_str(" (herzien)");
    let alignment = policydiff::align::align(&old, &new, &Default::default()).unwrap();
    let d = policydiff::diff::compute(&old, &new, &alignment);
    let md = markdown::diff(&d, &old, &new);
    assert!(
        md.starts_with("## policydiff: changes to `actieprogramma-2014`\n"),
        "{md}"
    );
}
