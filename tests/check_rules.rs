//! Every `check` rule fires, at the right place, on a broken copy of the
//! shipped versions, and stays quiet on the shipped versions themselves.

mod check_support;

use check_support::{Fixture, PROGRAMME, SUMMARY, only, places, shipped};
use policydiff::check::Severity;
use policydiff::snapshot::{
    Certainty, GlossaryEntry, Group, Item, Reference, Status, StatusRecord, Target,
};

fn p(path: &str) -> (String, String) {
    (path.to_string(), PROGRAMME.to_string())
}

fn s(path: &str) -> (String, String) {
    (path.to_string(), SUMMARY.to_string())
}

// ---------------------------------------------------------------- shipped data

#[test]
fn shipped_snapshots_round_trip_so_edited_copies_keep_their_lines() {
    for id in [PROGRAMME, SUMMARY] {
        let on_disk =
            std::fs::read_to_string(check_support::shipped_dir().join(id).join("snapshot.json"))
                .unwrap();
        assert_eq!(shipped(id).to_json(), on_disk, "{id}");
    }
}

#[test]
fn shipped_versions_have_no_errors_and_only_the_known_warnings_and_infos() {
    let report = Fixture::shipped().report();
    let found: Vec<(&str, Severity, &str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule, f.severity, f.version.as_str(), f.json_path.as_str()))
        .collect();
    use Severity::{Info, Warning};
    let expected = vec![
        ("summary/theme-title", Info, PROGRAMME, "groups[3].title"),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[2].items[3].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[9].items[0].text",
        ),
        (
            "source/page-without-marks",
            Info,
            PROGRAMME,
            "measures[27].status",
        ),
        (
            "source/page-without-marks",
            Info,
            PROGRAMME,
            "measures[29].status",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[29].items[2].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[32].items[0].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[33].items[0].items[1].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[35].items[1].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[36].items[0].items[1].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[36].items[1].text",
        ),
        (
            "glossary/undefined-abbreviation",
            Info,
            PROGRAMME,
            "measures[37].items[1].text",
        ),
        ("glossary/unused", Info, PROGRAMME, "glossary.entries[1]"),
        ("glossary/unused", Info, PROGRAMME, "glossary.entries[7]"),
        ("glossary/unused", Info, PROGRAMME, "glossary.entries[13]"),
        ("glossary/unused", Info, PROGRAMME, "glossary.entries[38]"),
        ("summary/group-text", Warning, SUMMARY, "groups[2].text"),
    ];
    assert_eq!(found, expected, "{:#?}", report.findings);
    assert_eq!(
        (
            report.counts.errors,
            report.counts.warnings,
            report.counts.infos
        ),
        (0, 1, 16)
    );
}

#[test]
fn findings_are_sorted_by_file_then_line_then_rule() {
    let report = Fixture::with(PROGRAMME, |p| {
        p.measures[30].status.value = Some(Status::New)
    })
    .report();
    let keys: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.file.clone(), f.line, f.rule))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn findings_grouped_by_file_name_each_file_once_and_keep_the_report_order() {
    let report = Fixture::shipped().report();
    let groups = report.by_file();
    let names: Vec<&str> = groups.iter().map(|(name, _)| name.as_str()).collect();
    let programme = report.findings[0].file.display().to_string();
    let summary = report.findings.last().unwrap().file.display().to_string();
    assert_ne!(programme, summary);
    assert_eq!(names, [programme.as_str(), summary.as_str()]);
    let regrouped: Vec<&policydiff::check::Finding> = groups
        .iter()
        .flat_map(|(_, list)| list.iter().copied())
        .collect();
    let in_order: Vec<&policydiff::check::Finding> = report.findings.iter().collect();
    assert_eq!(regrouped, in_order);
}

// ---------------------------------------------------------------- schema rules

#[test]
fn every_schema_problem_is_a_finding_not_just_the_first() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[5].number = 5;
        p.measures[0].items[1].label = "c".into();
        p.measures[21].status.value = Some(Status::New);
        p.measures[0].theme = 9;
        p.measures[17].section = Some("Nergens".into());
        p.organisations = Some("iemand".into());
        p.legend
            .as_mut()
            .unwrap()
            .entries
            .retain(|e| e.status != Status::Existing);
    });
    let report = f.report();
    assert_eq!(
        places(&report, "numbering/duplicate"),
        [p("measures[5].number")]
    );
    assert_eq!(
        places(&report, "items/sequence"),
        [p("measures[0].items[1].label")]
    );
    assert_eq!(
        places(&report, "status/certainty"),
        [p("measures[21].status.value")]
    );
    assert_eq!(places(&report, "theme/unknown"), [p("measures[0].theme")]);
    assert_eq!(
        places(&report, "theme/unknown-section"),
        [p("measures[17].section")]
    );
    assert_eq!(places(&report, "schema/kind"), [p("organisations")]);
    // Measures 2, 3, 12, 17 and 30 are B.
    let legend: Vec<String> = places(&report, "status/legend")
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    // … and 31 may be B.
    assert_eq!(
        legend,
        [
            "measures[1].status",
            "measures[2].status",
            "measures[11].status",
            "measures[16].status",
            "measures[29].status",
            "measures[30].status"
        ]
    );
    for f in &report.findings {
        if f.rule.starts_with("schema/")
            || f.rule == "numbering/duplicate"
            || f.rule == "status/legend"
        {
            assert_eq!(f.severity, Severity::Error);
        }
    }
    let dup = only(&report, "numbering/duplicate");
    assert_eq!(f.line_of(dup), "\"number\": 5,");
    assert!(
        dup.message.contains("measure number 5 is used twice"),
        "{}",
        dup.message
    );
}

#[test]
fn items_nested_three_deep_are_reported() {
    let report = Fixture::with(PROGRAMME, |p| {
        let item = p
            .measures
            .iter_mut()
            .find_map(|m| m.items.iter_mut().find(|i| !i.items.is_empty()))
            .unwrap();
        item.items[0].items.push(Item {
            label: "i".into(),
            text: "diep".into(),
            status: None,
            items: vec![],
            footnotes: vec![],
            references: vec![],
            lines: None,
        });
    })
    .report();
    let f = only(&report, "items/depth");
    assert!(
        f.json_path.starts_with("measures[") && f.json_path.ends_with(".items[0].items[0]"),
        "{}",
        f.json_path
    );
    assert_eq!(f.json_path.matches("items[").count(), 3, "{}", f.json_path);
}

#[test]
fn a_draft_committed_with_one_unplaced_text_and_no_title_is_warned_about() {
    assert!(
        Fixture::shipped()
            .report()
            .findings
            .iter()
            .all(|f| !f.rule.starts_with("draft/"))
    );
    let report = Fixture::with(PROGRAMME, |p| {
        p.title = " ".into();
        p.unplaced.push(policydiff::snapshot::Unplaced {
            text: "losse tekst".into(),
            reason: "test".into(),
            lines: None,
        });
    })
    .report();
    let u = only(&report, "draft/unplaced");
    assert_eq!(
        (u.json_path.as_str(), u.severity),
        ("unplaced", Severity::Warning)
    );
    assert!(
        u.message
            .starts_with("1 piece of text the importer could not place;"),
        "{}",
        u.message
    );
    let t = only(&report, "draft/title");
    assert_eq!(
        (t.json_path.as_str(), t.severity),
        ("title", Severity::Warning)
    );
}

// ---------------------------------------------------------------- numbering

#[test]
fn a_missing_measure_is_a_numbering_gap_at_the_measure_after_it() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures.remove(4);
    });
    let report = f.report();
    let gap = only(&report, "numbering/gap");
    assert_eq!(
        (gap.json_path.as_str(), gap.severity),
        ("measures[4].number", Severity::Error)
    );
    assert_eq!(f.line_of(gap), "\"number\": 6,");
    assert!(
        gap.message.contains("skip measure number 5"),
        "{}",
        gap.message
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("numbering/gap")
            .is_empty()
    );
}

#[test]
fn an_id_that_is_not_its_folder_name_is_a_warning() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.id = "actieprogramma-2015".to_string();
    });
    let report = f.report();
    let w = only(&report, "schema/id");
    assert_eq!(
        (w.json_path.as_str(), w.severity),
        ("id", Severity::Warning)
    );
    assert!(
        w.message.contains(
            "the snapshot's id is `actieprogramma-2015` but its folder is `actieprogramma-2014`"
        ),
        "{}",
        w.message
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("schema/id")
            .is_empty()
    );
}

#[test]
fn a_huge_measure_number_is_one_gap_not_billions() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[37].number = u32::MAX;
    });
    let report = f.report();
    let gap = only(&report, "numbering/gap");
    assert!(
        gap.message.contains("skip measure numbers 38–4294967294"),
        "{}",
        gap.message
    );
}

#[test]
fn many_gaps_are_listed_eight_runs_at_most_and_the_rest_counted() {
    let without_even_up_to = |last: u32| {
        Fixture::with(PROGRAMME, move |p| {
            p.measures.retain(|m| m.number % 2 == 1 || m.number > last);
        })
    };
    let f = without_even_up_to(16);
    let report = f.report();
    let gap = only(&report, "numbering/gap");
    assert_eq!(gap.json_path, "measures[1].number");
    assert!(
        gap.message.ends_with(
            "measures skip measure numbers 2, 4, 6, 8, 10, 12, 14 and 16; number the measures 1–30 without gaps, or restore the missing ones"
        ),
        "{}",
        gap.message
    );
    let report = without_even_up_to(20).report();
    let gap = only(&report, "numbering/gap");
    assert!(
        gap.message.contains(
            "skip measure numbers 2, 4, 6, 8, 10, 12, 14 and 16 and 2 more runs; number the measures 1–28 without"
        ),
        "{}",
        gap.message
    );
    // Nine runs: the one left over is "1 more run".
    let report = without_even_up_to(18).report();
    let gap = only(&report, "numbering/gap");
    assert!(
        gap.message
            .contains("skip measure numbers 2, 4, 6, 8, 10, 12, 14 and 16 and 1 more run;"),
        "{}",
        gap.message
    );
}

#[test]
fn a_missing_run_of_measures_is_one_range() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures.retain(|m| !(5..=7).contains(&m.number));
    });
    let report = f.report();
    let gap = only(&report, "numbering/gap");
    assert!(
        gap.message
            .contains("skip measure numbers 5–7; number the measures 1–35 without gaps"),
        "{}",
        gap.message
    );
}

#[test]
fn measures_out_of_order_are_reported_where_the_order_breaks() {
    let report = Fixture::with(PROGRAMME, |p| p.measures.swap(0, 1)).report();
    assert_eq!(
        places(&report, "numbering/order"),
        [p("measures[1].number")]
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("numbering/order")
            .is_empty()
    );
}

#[test]
fn a_repeated_number_is_a_duplicate_not_an_order_break() {
    let report = Fixture::with(PROGRAMME, |p| p.measures[1].number = 1).report();
    assert!(!report.with_rule("numbering/duplicate").is_empty());
    assert_eq!(places(&report, "numbering/order"), []);
}

#[test]
fn a_programme_without_measures_is_not_told_each_theme_is_empty() {
    let report = Fixture::with(PROGRAMME, |p| p.measures.clear()).report();
    assert_eq!(places(&report, "theme/empty"), []);
    assert_eq!(places(&report, "theme/unknown"), []);
}

// ---------------------------------------------------------------- statuses

#[test]
fn a_confirmed_status_whose_note_says_not_readable_is_suspicious() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[0].status.note = Some("not readable in the translation".into())
    });
    let report = f.report();
    let w = only(&report, "status/evidence");
    assert_eq!(
        (w.json_path.as_str(), w.severity),
        ("measures[0].status.certainty", Severity::Warning)
    );
    assert_eq!(f.line_of(w), "\"certainty\": \"confirmed\",");
    assert!(w.message.contains("\"not readable\""));
}

#[test]
fn a_confirmed_status_whose_note_says_deduced_should_be_deduced() {
    let report = Fixture::with(PROGRAMME, |p| {
        let item = &mut p.measures[2].items[2];
        item.status.as_mut().unwrap().note = Some("deduced from the page marks".into());
    })
    .report();
    let w = only(&report, "status/evidence");
    assert_eq!(w.json_path, "measures[2].items[2].status.certainty");
    assert!(w.message.contains("make it `deduced`"), "{}", w.message);
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("status/evidence")
            .is_empty()
    );
}

// ---------------------------------------------------------------- themes

#[test]
fn a_measure_in_the_wrong_theme_breaks_the_theme_ranges() {
    let f = Fixture::with(PROGRAMME, |p| p.measures[11].theme = 2);
    let report = f.report();
    let e = only(&report, "theme/ranges");
    assert_eq!(
        (e.json_path.as_str(), e.severity),
        ("measures[11].theme", Severity::Error)
    );
    assert_eq!(f.line_of(e), "\"theme\": 2,");
    assert!(
        e.message
            .contains("measure 12 is in theme 2 but measures 11 and 13 around it are in theme 1"),
        "{}",
        e.message
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("theme/ranges")
            .is_empty()
    );
}

#[test]
fn themes_out_of_order_break_the_theme_ranges() {
    // Theme 4's one measure (29) moved behind theme 5's measures.
    let report = Fixture::with(PROGRAMME, |p| {
        for m in &mut p.measures {
            if m.number >= 30 {
                m.theme = 4;
            }
        }
        p.measures[28].theme = 5;
    })
    .report();
    assert_eq!(places(&report, "theme/ranges"), [p("measures[29].theme")]);
}

#[test]
fn a_theme_without_measures_is_reported() {
    let report = Fixture::with(PROGRAMME, |p| p.measures[28].theme = 5).report();
    assert_eq!(places(&report, "theme/empty"), [p("themes[3]")]);
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("theme/empty")
            .is_empty()
    );
}

// ---------------------------------------------------------------- footnotes and references

#[test]
fn a_reference_to_a_footnote_that_does_not_exist_is_an_error() {
    let report = Fixture::with(PROGRAMME, |p| p.measures[1].footnotes = vec![9]).report();
    let e = only(&report, "footnote/missing");
    assert_eq!(
        (e.json_path.as_str(), e.severity),
        ("measures[1].footnotes[0]", Severity::Error)
    );
    // Footnote 1 lost its only reference.
    assert_eq!(
        places(&report, "footnote/unreferenced"),
        [p("footnotes[0]")]
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("footnote/missing")
            .is_empty()
    );
}

#[test]
fn an_unreferenced_footnote_points_at_its_source_line() {
    let report = Fixture::with(PROGRAMME, |p| p.measures[19].items[1].footnotes.clear()).report();
    let w = only(&report, "footnote/unreferenced");
    assert_eq!(
        (w.json_path.as_str(), w.severity, w.source_line),
        ("footnotes[1]", Severity::Warning, Some(363))
    );
    assert!(
        w.source_file
            .as_ref()
            .unwrap()
            .ends_with("actieprogramma-2014/source.txt")
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("footnote/unreferenced")
            .is_empty()
    );
}

#[test]
fn a_cross_reference_to_a_missing_measure_is_unresolved() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[19].items[0].references[0].targets[0].measure = 99
    });
    let report = f.report();
    let e = only(&report, "xref/unresolved");
    assert_eq!(
        (e.json_path.as_str(), e.severity),
        (
            "measures[19].items[0].references[0].measure",
            Severity::Error
        )
    );
    assert_eq!(f.line_of(e), "\"measure\": 99,");
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("xref/unresolved")
            .is_empty()
    );
}

#[test]
fn a_cross_reference_to_a_missing_item_names_the_items_its_measure_has() {
    let to_item = |measure: u32| Reference {
        phrase: format!("maatregel {measure}z"),
        targets: vec![Target {
            measure,
            item: Some("z".to_string()),
        }],
    };
    let f = Fixture::with(PROGRAMME, |p| {
        // Measure 30 has items a–c, measure 5 is cut to one item, measure 2
        // has none, and there is no measure 99.
        p.measures[4].items.truncate(1);
        p.measures[19].items[0].references = vec![to_item(30), to_item(5), to_item(2), to_item(99)];
    });
    let report = f.report();
    let found: Vec<(&str, Severity, &str)> = report
        .with_rule("xref/unresolved")
        .iter()
        .map(|e| (e.json_path.as_str(), e.severity, e.message.as_str()))
        .collect();
    let at = "measures[19].items[0].references";
    assert_eq!(
        found,
        [
            (
                format!("{at}[0].item").as_str(),
                Severity::Error,
                "item 20a refers to item 30z (\"maatregel 30z\"), which does not exist; measure 30 has items a–c; correct the reference"
            ),
            (
                format!("{at}[1].item").as_str(),
                Severity::Error,
                "item 20a refers to item 5z (\"maatregel 5z\"), which does not exist; measure 5 has only item a; correct the reference"
            ),
            (
                format!("{at}[2].item").as_str(),
                Severity::Error,
                "item 20a refers to item 2z (\"maatregel 2z\"), which does not exist; measure 2 has no items; correct the reference"
            ),
            (
                format!("{at}[3].measure").as_str(),
                Severity::Error,
                "item 20a refers to measure 99 (\"maatregel 99z\"), which does not exist; correct the reference"
            ),
        ]
    );
    assert_eq!(
        f.line_of(report.with_rule("xref/unresolved")[0]),
        "\"item\": \"z\","
    );
}

#[test]
fn a_maatregel_phrase_without_a_recorded_reference_is_reported() {
    let report = Fixture::with(PROGRAMME, |p| p.measures[19].items[0].references.clear()).report();
    let w = only(&report, "xref/unrecorded");
    assert_eq!(
        (w.json_path.as_str(), w.severity),
        ("measures[19].items[0].text", Severity::Warning)
    );
    assert!(w.message.contains("\"maatregel 30\""), "{}", w.message);
    // A recorded reference whose text names another number is unrecorded too.
    let report = Fixture::with(PROGRAMME, |p| {
        p.measures[19].items[0].references = vec![Reference::to_measure(31, "maatregel 31")]
    })
    .report();
    assert_eq!(
        places(&report, "xref/unrecorded"),
        [p("measures[19].items[0].text")]
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("xref/unrecorded")
            .is_empty()
    );
}

// ---------------------------------------------------------------- glossary

fn entry(term: &str, definition: &str) -> GlossaryEntry {
    GlossaryEntry {
        term: term.into(),
        definition: definition.into(),
        lines: None,
    }
}

#[test]
fn a_glossary_term_defined_twice_is_an_error() {
    let report = Fixture::with(PROGRAMME, |p| {
        let g = p.glossary.as_mut().unwrap();
        let copy = g.entries[0].clone();
        g.entries.push(GlossaryEntry {
            term: copy.term.to_lowercase(),
            ..copy
        });
    })
    .report();
    let e = only(&report, "glossary/duplicate");
    assert_eq!(
        (e.json_path.as_str(), e.severity),
        ("glossary.entries[49].term", Severity::Error)
    );
    assert!(
        e.message.contains("also at glossary.entries[0]"),
        "{}",
        e.message
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("glossary/duplicate")
            .is_empty()
    );
}

#[test]
fn an_abbreviation_is_defined_by_a_glossary_entry_or_a_short_form_of_a_term() {
    let shipped = Fixture::shipped().report();
    let isd: Vec<_> = shipped
        .with_rule("glossary/undefined-abbreviation")
        .into_iter()
        .filter(|f| f.message.starts_with("`ISD`"))
        .collect();
    assert_eq!(isd.len(), 1);
    assert_eq!(
        (isd[0].json_path.as_str(), isd[0].severity),
        ("measures[2].items[3].text", Severity::Info)
    );
    // `TA` is the short form the text gives the glossary's `Terroristen Afdeling`.
    assert!(
        !shipped
            .with_rule("glossary/undefined-abbreviation")
            .iter()
            .any(|f| f.message.starts_with("`TA`"))
    );
    for abbreviation in ["ISD", "OPS", "SLTD", "GCTF", "FIU"] {
        assert!(
            shipped
                .with_rule("glossary/undefined-abbreviation")
                .iter()
                .any(|f| f.message.starts_with(&format!("`{abbreviation}`"))),
            "{abbreviation}"
        );
    }

    let report = Fixture::with(PROGRAMME, |p| {
        p.glossary.as_mut().unwrap().entries.push(entry(
            "Inrichting Stelselmatige Daders (ISD)",
            "een maatregel.",
        ))
    })
    .report();
    assert!(
        !report
            .with_rule("glossary/undefined-abbreviation")
            .iter()
            .any(|f| f.message.starts_with("`ISD`"))
    );
    // Without the glossary's `Terroristen Afdeling`, `TA` is undefined.
    let report = Fixture::with(PROGRAMME, |p| {
        p.glossary
            .as_mut()
            .unwrap()
            .entries
            .retain(|e| e.term != "Terroristen Afdeling")
    })
    .report();
    let ta: Vec<_> = report
        .with_rule("glossary/undefined-abbreviation")
        .into_iter()
        .filter(|f| f.message.starts_with("`TA`"))
        .collect();
    assert_eq!(ta.len(), 1);
    assert_eq!(ta[0].json_path, "measures[1].title");
}

#[test]
fn a_glossary_entry_nothing_uses_is_reported() {
    let report = Fixture::with(PROGRAMME, |p| {
        p.glossary
            .as_mut()
            .unwrap()
            .entries
            .push(entry("Zeppelin", "een luchtschip."))
    })
    .report();
    let unused = places(&report, "glossary/unused");
    assert!(unused.contains(&p("glossary.entries[49]")), "{unused:?}");
    assert_eq!(
        report.with_rule("glossary/unused").last().unwrap().severity,
        Severity::Info
    );
    // A term used only in its plural form (`Jihadganger`, "jihadgangers") is used.
    assert!(
        !report
            .with_rule("glossary/unused")
            .iter()
            .any(|f| f.message.contains("`Jihadganger`"))
    );
}

// ---------------------------------------------------------------- programme against summary

#[test]
fn a_summary_that_drops_a_group_and_rewords_another_is_caught() {
    let f = Fixture::with(SUMMARY, |s| {
        s.groups.remove(1);
        s.groups[2].text =
            "de verspreiding van extremistische content op internet wordt bestreden.".into();
    });
    let report = f.report();
    let count = only(&report, "summary/group-count");
    assert_eq!(
        (
            count.json_path.as_str(),
            count.version.as_str(),
            count.severity
        ),
        ("groups", SUMMARY, Severity::Error)
    );
    assert!(
        count
            .message
            .contains("has 4 groups but programme `actieprogramma-2014` has 5"),
        "{}",
        count.message
    );
    let missing = only(&report, "summary/group-missing");
    assert!(
        missing
            .message
            .contains("group 2 of programme `actieprogramma-2014` (`Interventies uitreis`)"),
        "{}",
        missing.message
    );
    assert!(
        report.with_rule("summary/group-extra").is_empty(),
        "the later groups still pair with their own"
    );
    let word = only(&report, "summary/count-word");
    assert_eq!(
        (word.json_path.as_str(), word.version.as_str()),
        ("groups_intro", SUMMARY)
    );
    assert!(
        word.message
            .contains("\"vijf groepen\" but `groups` holds 4"),
        "{}",
        word.message
    );
    assert_eq!(f.line_of(word).split(':').next(), Some("\"groups_intro\""));
    let texts = places(&report, "summary/group-text");
    assert_eq!(texts, [s("groups[1].text"), s("groups[2].text")]);
    let reworded = report.with_rule("summary/group-text")[1];
    let diff = reworded.detail.as_ref().unwrap().plain();
    assert_eq!(
        diff,
        "[-De-]{+de+} verspreiding van [-online radicaliserende, haatzaaiende, gewelddadige jihadistische-]{+extremistische+} content {+op internet+} wordt bestreden."
    );
}

#[test]
fn a_summary_group_with_another_title_is_reported_with_its_word_diff() {
    let report = Fixture::with(SUMMARY, |s| {
        s.groups[4].title = "Informatie-uitwisseling".into()
    })
    .report();
    let w = only(&report, "summary/group-title");
    assert_eq!(
        (w.json_path.as_str(), w.severity),
        ("groups[4].title", Severity::Warning)
    );
    assert_eq!(
        w.detail.as_ref().unwrap().plain(),
        "Informatie-uitwisseling [-en samenwerking-]"
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("summary/group-title")
            .is_empty()
    );
}

#[test]
fn a_summary_group_the_programme_does_not_have_is_extra() {
    let report = Fixture::with(SUMMARY, |s| {
        s.groups.push(Group {
            number: 6,
            title: "Preventie in de sport".into(),
            text: "sportclubs krijgen voorlichting.".into(),
            parts: vec![],
            lines: None,
        })
    })
    .report();
    assert_eq!(places(&report, "summary/group-extra"), [s("groups[5]")]);
    assert_eq!(places(&report, "summary/group-count"), [s("groups")]);
    assert_eq!(places(&report, "summary/count-word"), [s("groups_intro")]);
    for rule in [
        "summary/group-extra",
        "summary/group-missing",
        "summary/group-count",
        "summary/count-word",
    ] {
        assert!(
            Fixture::shipped().report().with_rule(rule).is_empty(),
            "{rule}"
        );
    }
}

#[test]
fn a_summary_group_given_twice_is_extra_the_second_time() {
    // Both copies are as like the programme's group 5 as can be; the first
    // is its partner, and a group pairs with one partner only.
    let report = Fixture::with(SUMMARY, |s| {
        let copy = s.groups[4].clone();
        s.groups.push(copy);
    })
    .report();
    assert_eq!(places(&report, "summary/group-extra"), [s("groups[5]")]);
    assert_eq!(places(&report, "summary/group-count"), [s("groups")]);
    assert!(report.with_rule("summary/group-missing").is_empty());
}

#[test]
fn summary_parts_are_compared_in_number_and_in_words() {
    let report = Fixture::with(SUMMARY, |s| {
        s.groups[2].parts[0].text = "Ronselaars worden vervolgd.".into();
        s.groups[2].parts.pop();
    })
    .report();
    assert_eq!(
        places(&report, "summary/parts"),
        [s("groups[2].parts"), s("groups[2].parts[0].text")]
    );
    let words = report.with_rule("summary/parts")[1];
    assert!(
        words.message.contains("part a of group 3"),
        "{}",
        words.message
    );
    assert!(words.detail.is_some());
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("summary/parts")
            .is_empty()
    );
}

#[test]
fn the_programmes_count_word_is_checked_too() {
    let report = Fixture::with(PROGRAMME, |p| {
        p.groups_intro =
            Some("De maatregelen zijn onder te verdelen in zes groepen maatregelen:".into())
    })
    .report();
    let e = only(&report, "summary/count-word");
    assert_eq!(
        (e.version.as_str(), e.severity),
        (PROGRAMME, Severity::Error)
    );
}

#[test]
fn an_overview_group_titled_otherwise_than_its_theme_is_an_info() {
    let shipped = Fixture::shipped().report();
    let i = only(&shipped, "summary/theme-title");
    assert_eq!(
        (i.json_path.as_str(), i.severity),
        ("groups[3].title", Severity::Info)
    );
    assert_eq!(
        i.detail.as_ref().unwrap().plain(),
        "Sociale media {+en internet+}"
    );
    let report = Fixture::with(PROGRAMME, |p| {
        p.groups[3].title = "Sociale media en internet".into()
    })
    .report();
    assert!(report.with_rule("summary/theme-title").is_empty());
}

#[test]
fn a_summary_describing_an_unknown_programme_is_reported() {
    let report = Fixture::with(SUMMARY, |s| {
        s.describes = Some("actieprogramma-2015".into())
    })
    .report();
    assert_eq!(places(&report, "summary/describes"), [s("describes")]);
    assert!(
        report.with_rule("summary/group-text").is_empty(),
        "nothing to compare with"
    );
}

// ---------------------------------------------------------------- source text

#[test]
fn an_item_edited_away_from_its_source_is_not_found_there() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[0].items[1].text = "Internationale rechtsmacht wordt zo veel mogelijk ingezet om Nederlanders te vervolgen die in strijdgebieden internationale misdrijven plegen.".into();
    });
    let report = f.report();
    let e = only(&report, "source/text-not-found");
    assert_eq!(
        (e.json_path.as_str(), e.severity, e.source_line),
        ("measures[0].items[1].text", Severity::Error, Some(70))
    );
    assert!(e.message.contains("the text of item 1b"), "{}", e.message);
    assert!(
        f.line_of(e)
            .starts_with("\"text\": \"Internationale rechtsmacht wordt zo veel")
    );
    let diff = e.detail.as_ref().unwrap().plain();
    assert!(diff.contains("[-optimaal-]{+zo veel mogelijk+}"), "{diff}");
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("source/text-not-found")
            .is_empty()
    );
}

#[test]
fn a_source_passage_loses_its_list_label_but_not_a_short_word_ending_a_sentence() {
    let f = Fixture::with(PROGRAMME, |p| {
        p.measures[0].items[1].text = "Internationale rechtsmacht wordt zo veel mogelijk ingezet om Nederlanders te vervolgen die in strijdgebieden internationale misdrijven plegen.".into();
    });
    f.edit_source(PROGRAMME, |n, line| {
        if n == 70 {
            line.replacen("Internationale", "Zo. Internationale", 1)
        } else {
            line.to_string()
        }
    });
    let report = f.report();
    let e = only(&report, "source/text-not-found");
    let diff = e.detail.as_ref().unwrap().plain();
    assert!(
        diff.starts_with(
            "[-Zo.-] Internationale rechtsmacht wordt [-optimaal-]{+zo veel mogelijk+}"
        ),
        "{diff}"
    );
}

#[test]
fn summary_and_glossary_texts_are_found_in_their_sources_too() {
    let report = Fixture::with(SUMMARY, |s| {
        s.organisations = Some("Ministerie van Justitie en Veiligheid.".into())
    })
    .report();
    assert_eq!(
        places(&report, "source/text-not-found"),
        [s("organisations")]
    );
    let report = Fixture::with(PROGRAMME, |p| {
        p.glossary.as_mut().unwrap().entries[0].definition = "Algemene Inlichtingendienst.".into()
    })
    .report();
    let e = only(&report, "source/text-not-found");
    assert_eq!(
        (e.json_path.as_str(), e.source_line),
        ("glossary.entries[0].definition", Some(847))
    );
}

#[test]
fn a_changed_source_text_does_not_match_its_hash() {
    let f = Fixture::shipped();
    f.edit_source(PROGRAMME, |n, line| {
        if n == 2 {
            " ".to_string()
        } else {
            line.to_string()
        }
    });
    let report = f.report();
    let w = only(&report, "source/hash-mismatch");
    assert_eq!(
        (w.json_path.as_str(), w.severity, w.version.as_str()),
        ("source.sha256", Severity::Warning, PROGRAMME)
    );
    assert!(
        w.message
            .contains("ebf6f0a9832228374fe33d59ca0c37f2e86d117568074f74af36bb91e491f7e9")
    );
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("source/hash-mismatch")
            .is_empty()
    );
}

#[test]
fn a_missing_source_text_is_a_warning() {
    let f = Fixture::shipped();
    std::fs::remove_file(f.source_path(SUMMARY)).unwrap();
    let report = f.report();
    let w = only(&report, "source/missing");
    assert_eq!(
        (w.json_path.as_str(), w.severity, w.version.as_str()),
        ("source.file", Severity::Warning, SUMMARY)
    );
    let report = Fixture::with(SUMMARY, |s| s.source = None).report();
    assert_eq!(places(&report, "source/missing"), [s("")]);
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("source/missing")
            .is_empty()
    );
}

// ---------------------------------------------------------------- status marks

fn set(record: &mut StatusRecord, status: Status) {
    *record = StatusRecord {
        value: Some(status),
        certainty: Certainty::Confirmed,
        candidates: vec![],
        note: None,
    };
}

#[test]
fn a_status_its_page_has_no_mark_for_is_a_marks_mismatch() {
    // Page 60–116 has marks V B B N for measures 1 (V), 2 (B), 3 (B) and 3c (N).
    let f = Fixture::with(PROGRAMME, |p| {
        set(&mut p.measures[1].status, Status::Strengthened)
    });
    let report = f.report();
    let e = only(&report, "source/marks-mismatch");
    assert_eq!(
        (e.json_path.as_str(), e.severity, e.source_line),
        ("measures[1].status", Severity::Error, Some(78))
    );
    assert!(
        e.message.contains("measure 2 is recorded `V`"),
        "{}",
        e.message
    );
    assert!(
        e.message
            .contains("are V B B N: 1 `V` for measure 1 and measure 2"),
        "{}",
        e.message
    );
    assert_eq!(f.line_of(e), "\"status\": {");
}

#[test]
fn of_two_bearers_for_one_mark_a_deduced_status_is_blamed_before_a_confirmed_later_one() {
    // Page 60–116 has marks V B B N; measure 1 (V) deduced and measure 2
    // recorded V too: the deduced status is the likelier mistake.
    let report = Fixture::with(PROGRAMME, |p| {
        p.measures[0].status.certainty = Certainty::Deduced;
        set(&mut p.measures[1].status, Status::Strengthened);
    })
    .report();
    assert_eq!(
        places(&report, "source/marks-mismatch"),
        [p("measures[0].status")]
    );
}

#[test]
fn an_item_status_counts_against_its_page_marks() {
    let report = Fixture::with(PROGRAMME, |p| {
        set(
            p.measures[14].items[1].status.as_mut().unwrap(),
            Status::Existing,
        )
    })
    .report();
    assert_eq!(
        places(&report, "source/marks-mismatch"),
        [p("measures[14].items[1].status")]
    );
}

#[test]
fn a_measure_headed_on_a_page_without_marks_takes_its_mark_from_the_next_page() {
    // Measure 32's heading is on the unmarked page 630–679; its V is among
    // the marks N V N V N of page 680–771. A B is not.
    assert!(
        Fixture::shipped()
            .report()
            .with_rule("source/marks-mismatch")
            .is_empty()
    );
    let report = Fixture::with(PROGRAMME, |p| {
        set(&mut p.measures[31].status, Status::Existing)
    })
    .report();
    let e = only(&report, "source/marks-mismatch");
    assert_eq!(
        (e.json_path.as_str(), e.source_line),
        ("measures[31].status", Some(680))
    );
    assert!(
        e.message.contains("the page it continues on"),
        "{}",
        e.message
    );
}

#[test]
fn a_continuing_measure_whose_mark_the_measures_headed_on_the_page_took_is_a_marks_mismatch() {
    // Page 680–771 has marks N V N V N; measure 32 continues onto it from an
    // unmarked page. Settle 33 and 34 as V, and both Vs are theirs.
    let report = Fixture::with(PROGRAMME, |p| {
        set(&mut p.measures[32].status, Status::Strengthened);
        set(&mut p.measures[33].status, Status::Strengthened);
    })
    .report();
    let e = only(&report, "source/marks-mismatch");
    assert_eq!(
        (e.json_path.as_str(), e.source_line),
        ("measures[31].status", Some(680))
    );
    assert!(
        e.message.contains("with no `V` left for it"),
        "{}",
        e.message
    );
}

#[test]
fn a_mark_a_continuing_measure_takes_is_not_left_for_an_uncertain_status() {
    // Page 680–771 has marks N V N V N; measure 32 continues onto it from an
    // unmarked page. Settle 33 as V and one V is left, which 32 takes: 34,
    // uncertain, may then be N but not V.
    let report = Fixture::with(PROGRAMME, |p| {
        set(&mut p.measures[32].status, Status::Strengthened);
        p.measures[33].status.candidates = vec![Status::Strengthened];
    })
    .report();
    let e = only(&report, "source/marks-mismatch");
    assert_eq!(e.json_path.as_str(), "measures[33].status.candidates");
    let report = Fixture::with(PROGRAMME, |p| {
        set(&mut p.measures[32].status, Status::Strengthened);
        p.measures[33].status.candidates = vec![Status::New];
    })
    .report();
    assert!(report.with_rule("source/marks-mismatch").is_empty());
}

#[test]
fn an_uncertain_status_must_allow_a_mark_its_page_leaves() {
    // Page 391–451 has V N N N: 21 takes the V, 22 and 23 may be N.
    let report = Fixture::with(PROGRAMME, |p| {
        p.measures[21].status.candidates = vec![Status::Existing]
    })
    .report();
    let e = only(&report, "source/marks-mismatch");
    assert_eq!(
        (e.json_path.as_str(), e.source_line),
        ("measures[21].status.candidates", Some(418))
    );
    // Uncertain statuses themselves never make a mismatch.
    let report = Fixture::with(PROGRAMME, |p| {
        p.measures[21].status.candidates = vec![Status::New, Status::Existing]
    })
    .report();
    assert!(report.with_rule("source/marks-mismatch").is_empty());
}

#[test]
fn a_mark_left_over_on_a_page_with_items_is_not_unexplained() {
    // Page 587–629 holds measure 29 (N) and its items a–h, which record no
    // status: a second mark may be one of theirs.
    let f = Fixture::shipped();
    f.edit_source(PROGRAMME, |n, line| {
        if n == 628 && line.trim().is_empty() {
            "(V)".to_string()
        } else {
            line.to_string()
        }
    });
    let report = f.report();
    assert!(report.with_rule("source/marks-unexplained").is_empty());
    assert!(report.with_rule("source/marks-mismatch").is_empty());
}

#[test]
fn marks_that_no_measure_or_item_on_the_page_can_bear_are_unexplained() {
    // Page 587–629 holds measure 29 (N) and its mark N; give it a second mark
    // and take away its items' lines, so that nothing on the page can bear it.
    let f = Fixture::with(PROGRAMME, |p| {
        fn strip(items: &mut [Item]) {
            for i in items {
                i.lines = None;
                strip(&mut i.items);
            }
        }
        strip(&mut p.measures[28].items);
    });
    assert!(f.report().with_rule("source/marks-unexplained").is_empty());
    f.edit_source(PROGRAMME, |n, line| {
        if n == 628 && line.trim().is_empty() {
            "(V)".to_string()
        } else {
            line.to_string()
        }
    });
    let report = f.report();
    let w = only(&report, "source/marks-unexplained");
    assert_eq!(
        (w.json_path.as_str(), w.severity, w.source_line),
        ("measures[28].status", Severity::Warning, Some(628))
    );
    assert!(
        w.message.contains("has marks V N") || w.message.contains("has marks N V"),
        "{}",
        w.message
    );
}

#[test]
fn pages_with_measures_but_no_marks_are_noted() {
    let shipped = Fixture::shipped().report();
    let infos: Vec<_> = shipped
        .with_rule("source/page-without-marks")
        .iter()
        .map(|f| (f.json_path.clone(), f.source_line, f.severity))
        .collect();
    assert_eq!(
        infos,
        [
            ("measures[27].status".to_string(), Some(549), Severity::Info),
            ("measures[29].status".to_string(), Some(630), Severity::Info)
        ]
    );
    // Blank out the one mark of measure 29's page: it joins them, and is no mismatch.
    let f = Fixture::shipped();
    f.edit_source(PROGRAMME, |n, line| {
        if n == 629 {
            String::new()
        } else {
            line.to_string()
        }
    });
    let report = f.report();
    assert_eq!(report.with_rule("source/page-without-marks").len(), 3);
    assert!(report.with_rule("source/marks-mismatch").is_empty());
}
