//! `import`: the seeds reproduce the shipped snapshots (but for what outside
//! evidence settled), variants of the seed text import to the structure they
//! should, and bad input is refused without writing anything.

use assert_cmd::Command;
use policydiff::import::{self, SourceKind};
use policydiff::load::load_path;
use policydiff::snapshot::{Certainty, Snapshot, Status};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const PROGRAMME_SEED: &str = "versions/actieprogramma-2014/source.txt";
const SUMMARY_SEED: &str = "versions/samenvatting-2014/source.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn shipped(id: &str) -> Snapshot {
    load_path(&root().join("versions").join(id).join("snapshot.json"))
        .unwrap()
        .snapshot
}

fn import_programme(text: &str) -> import::Imported {
    import::import(text, SourceKind::Programme, "draft").unwrap()
}

/// Asserts that one of the import's warnings says what `says` looks for,
/// showing them all when none does.
fn assert_warns(imported: &import::Imported, says: impl Fn(&str) -> bool) {
    assert!(
        imported.warnings.iter().any(|w| says(&w.message)),
        "{:#?}",
        imported.warnings
    );
}

fn policydiff() -> Command {
    let mut cmd = Command::cargo_bin("policydiff").unwrap();
    cmd.current_dir(root()).env_remove("POLICYDIFF_VERSIONS");
    cmd
}

/// Paths at which two JSON values differ, each cut after `status` so that a
/// status counts once.
fn differences(a: &Value, b: &Value, path: String, out: &mut Vec<String>) {
    if path.ends_with(".status") {
        if a != b {
            out.push(path);
        }
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                differences(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    child,
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                differences(p, q, format!("{path}[{i}]"), out);
            }
        }
        _ if a != b => out.push(path),
        _ => {}
    }
}

fn json(s: &Snapshot) -> Value {
    serde_json::from_str(&s.to_json()).unwrap()
}

#[test]
fn importing_the_programme_seed_reproduces_the_shipped_snapshot_but_for_outside_evidence() {
    let mut draft = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let shipped = shipped("actieprogramma-2014");
    // What `policydiff import --id … --title … --date …` sets from its flags.
    draft.id = shipped.id.clone();
    draft.title = shipped.title.clone();
    draft.date = shipped.date.clone();
    draft.source = shipped.source.clone();
    let mut diffs = Vec::new();
    differences(&json(&draft), &json(&shipped), String::new(), &mut diffs);
    let mut expected: Vec<String> = vec!["notes".into(), "publishers".into()];
    // Every measure's status was settled (or its evidence noted) from the
    // translation and the evidence table; three items carry marks of their own.
    expected.extend((0..38).map(|i| format!("measures[{i}].status")));
    expected.extend(
        [
            "measures[14].items[1].status",
            "measures[26].items[0].status",
            "measures[2].items[2].status",
        ]
        .map(String::from),
    );
    diffs.sort();
    expected.sort();
    assert_eq!(diffs, expected);
    // The import itself only settles what its page settles: measure 29, alone
    // on its page with one N.
    let settled: Vec<u32> = draft
        .measures
        .iter()
        .filter(|m| m.status.certainty != Certainty::Uncertain)
        .map(|m| m.number)
        .collect();
    assert_eq!(settled, [29]);
}

#[test]
fn importing_the_summary_seed_reproduces_the_shipped_snapshot() {
    let mut draft = import::import(
        &seed(SUMMARY_SEED),
        SourceKind::Summary,
        "samenvatting-2014",
    )
    .unwrap()
    .snapshot;
    let shipped = shipped("samenvatting-2014");
    draft.describes = shipped.describes.clone();
    draft.source = shipped.source.clone();
    assert_eq!(json(&draft), json(&shipped));
}

#[test]
fn a_summary_line_holding_a_long_navigation_phrase_among_other_signs_is_skipped() {
    let import_summary =
        |text: &str| import::import(text, SourceKind::Summary, "samenvatting-2014").unwrap();
    let plain = import_summary(&seed(SUMMARY_SEED));
    // The page's first line, "Direct naar content", with an arrow before it.
    let seed = seed(SUMMARY_SEED);
    assert!(seed.starts_with("Direct naar content\n"));
    let imported = import_summary(&format!("↑ {seed}"));
    assert_eq!(json(&imported.snapshot), json(&plain.snapshot));
    assert_warns(&imported, |m| {
        m == "navigation line skipped: “↑ Direct naar content”"
    });
}

#[test]
fn the_programme_seed_imports_with_the_warnings_it_earns_and_no_other() {
    let imported = import_programme(&seed(PROGRAMME_SEED));
    let messages: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    insta::assert_snapshot!(messages.join("\n"));
}

#[test]
fn a_second_paragraph_before_the_groups_is_the_introductions_not_the_groups_intro() {
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let text = seed(PROGRAMME_SEED).replacen(
        "\n1.\t Risicoreductie jihadgangers: ",
        "\nDe groepen volgen hieronder.\n\n1.\t Risicoreductie jihadgangers: ",
        1,
    );
    let s = import_programme(&text).snapshot;
    assert_eq!(s.groups_intro, plain.groups_intro);
    let intro = s.introduction.expect("an introduction");
    assert!(
        intro
            .paragraphs
            .iter()
            .any(|p| p == "De groepen volgen hieronder."),
        "{:#?}",
        intro.paragraphs
    );
}

#[test]
fn a_short_finished_sentence_on_the_overview_is_a_paragraph_not_the_introductions_title() {
    let text = seed(PROGRAMME_SEED).replacen(
        "relevante gebruikte termen en afkortingen.\n",
        "relevante gebruikte termen en afkortingen.\n\nZie hieronder.\n",
        1,
    );
    let s = import_programme(&text).snapshot;
    let intro = s.introduction.expect("an introduction");
    assert_eq!(intro.title.as_deref(), Some("Inleiding"));
    assert!(
        intro.paragraphs.iter().any(|p| p == "Zie hieronder."),
        "{:#?}",
        intro.paragraphs
    );
}

#[test]
fn the_importer_warns_per_page_whose_marks_do_not_settle_the_statuses() {
    let imported = import_programme(&seed(PROGRAMME_SEED));
    let messages: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    let unsettled = messages
        .iter()
        .filter(|m| m.contains("do not say which is whose"))
        .count();
    assert_eq!(unsettled, 9, "{messages:#?}");
    assert!(messages.iter().any(|m| m == "lines 630–679: page with measures 30, 31, 32 has no status marks; their statuses are uncertain"));
    assert!(messages.iter().any(|m| m == "lines 60–116: 4 marks for 3 measures (1, 2, 3) on this page: the rest may belong to items or to a measure from the page before"));
    let m24 = &imported.snapshot.measures[23].status;
    assert_eq!(m24.certainty, Certainty::Uncertain);
    assert_eq!(
        m24.candidates
            .iter()
            .map(|s| s.letter())
            .collect::<String>(),
        "VN"
    );
}

/// Renumber measures `from`.. by `delta` in the programme text (measure lines
/// are `N.` and a tab, after the overview page).
fn renumber(text: &str, from: u32, delta: i32) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            if i < 60 {
                return line.to_string();
            }
            let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
            match digits.parse::<u32>() {
                Ok(n) if n >= from && line[digits.len()..].starts_with(".\t") => {
                    format!("{}{}", (n as i32 + delta), &line[digits.len()..])
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn insert_before(text: &str, anchor: &str, insert: &str) -> String {
    let at = text
        .find(anchor)
        .unwrap_or_else(|| panic!("anchor {anchor:?} not in the seed"));
    format!("{}{insert}{}", &text[..at], &text[at..])
}

#[test]
fn a_measure_inserted_after_11_renumbers_the_rest_and_its_mark_joins_the_page() {
    let text = renumber(&seed(PROGRAMME_SEED), 12, 1);
    let text = insert_before(
        &text,
        "Uitreizigers en terugkeerders worden",
        "12.\t Een nieuwe maatregel voor de proef.\n\t a.\t Een eerste item van de nieuwe maatregel.\n\n",
    );
    let text = insert_before(&text, "(B)\n\n(N)\n\n(N)\n Interventies", "(N)\n\n");
    let s = import_programme(&text).snapshot;
    assert_eq!(s.measures.len(), 39);
    assert_eq!(
        s.measure(12).unwrap().title,
        "Een nieuwe maatregel voor de proef."
    );
    assert_eq!(s.measure(12).unwrap().items.len(), 1);
    assert!(
        s.measure(13)
            .unwrap()
            .title
            .starts_with("Consulaire bijstand")
    );
    assert_eq!(
        s.measure(39).unwrap().title,
        "Versterking proactieve informatie-uitwisseling."
    );
    assert_eq!(
        s.themes[0].paragraphs[0].before, 13,
        "the paragraph now stands before the renumbered 13"
    );
    // The page now has marks N B N N for four measures.
    let m12 = &s.measure(12).unwrap().status;
    assert_eq!(
        m12.note.as_deref(),
        Some("marks on its source page lines 217–265: N B N N (for measures 11, 12, 13, 14)")
    );
    // The text still says "maatregel 30" in 21a: the importer records what it says.
    assert_eq!(
        s.measure(21).unwrap().items[0].references[0].targets[0].measure,
        30
    );
}

#[test]
fn a_deleted_measure_leaves_37_measures_in_sequence() {
    let text = seed(PROGRAMME_SEED);
    let start = text
        .find("5.\t Onderkende uitreizigers met een niet-EU")
        .unwrap();
    let end = text
        .find("6.\t Onderkende uitreizigers met een of meerdere")
        .unwrap();
    let text = renumber(&format!("{}{}", &text[..start], &text[end..]), 6, -1);
    let s = import_programme(&text).snapshot;
    assert_eq!(s.measures.len(), 37);
    assert_eq!(
        s.measures.iter().map(|m| m.number).collect::<Vec<_>>(),
        (1..=37).collect::<Vec<_>>()
    );
    assert!(
        s.measure(5)
            .unwrap()
            .title
            .starts_with("Onderkende uitreizigers met een of meerdere")
    );
}

#[test]
fn an_added_item_becomes_item_e_of_measure_1() {
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "2.\t Verdachten",
        "\t e.\t Een toegevoegd item over terugkeerders.\n\n",
    );
    let s = import_programme(&text).snapshot;
    let labels: Vec<&str> = s
        .measure(1)
        .unwrap()
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e"]);
    assert_eq!(
        s.measure(1).unwrap().items[4].text,
        "Een toegevoegd item over terugkeerders."
    );
    assert!(s.measure(2).unwrap().items.is_empty());
}

#[test]
fn an_added_glossary_entry_is_read_in_place() {
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "BRP: Basisregistratie",
        "Bestuurlijke aanpak: maatregelen van gemeenten en Rijk \nbuiten het strafrecht.\n\n",
    );
    let s = import_programme(&text).snapshot;
    let g = s.glossary.as_ref().unwrap();
    assert_eq!(g.entries.len(), 50);
    assert_eq!(g.entries[2].term, "Bestuurlijke aanpak");
    assert_eq!(
        g.entries[2].definition,
        "maatregelen van gemeenten en Rijk buiten het strafrecht."
    );
    assert_eq!(g.entries[3].term, "BRP");
}

#[test]
fn text_the_importer_cannot_place_is_kept_and_reported() {
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n Interventies uitreis\n",
        "\nEen losse regel zonder plaats",
    );
    let imported = import_programme(&text);
    assert!(
        imported
            .snapshot
            .unplaced
            .iter()
            .any(|u| u.text == "Een losse regel zonder plaats"),
        "{:?}",
        imported.snapshot.unplaced
    );
    assert_warns(&imported, |m| m.contains("kept in `unplaced`"));
}

#[test]
fn a_numbered_line_out_of_sequence_starts_no_measure_and_is_reported() {
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n Interventies uitreis\n",
        "\n30.\tEen genummerde regel die hier niet hoort.\n",
    );
    let imported = import_programme(&text);
    let numbers: Vec<u32> = imported
        .snapshot
        .measures
        .iter()
        .map(|m| m.number)
        .collect();
    let plain_numbers: Vec<u32> = plain.measures.iter().map(|m| m.number).collect();
    assert_eq!(numbers, plain_numbers);
    assert_warns(&imported, |m| {
        m.starts_with("a numbered line 30. where measure ")
    });
}

/// Each measure's number and title.
fn titles(s: &Snapshot) -> Vec<(u32, String)> {
    s.measures
        .iter()
        .map(|m| (m.number, m.title.clone()))
        .collect()
}

#[test]
fn a_measure_line_that_lost_its_tab_still_starts_its_measure_and_is_warned_about() {
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let text = seed(PROGRAMME_SEED).replacen("\n30.\t", "\n30. ", 1);
    let imported = import_programme(&text);
    assert_eq!(titles(&imported.snapshot), titles(&plain));
    assert_eq!(imported.snapshot.footnotes, plain.footnotes);
    assert_warns(&imported, |m| {
        m.starts_with("measure 30 starts on a line without the tab")
    });
}

#[test]
fn a_footnote_numbered_as_the_measure_due_stays_a_footnote_when_that_measure_has_its_tab() {
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    // Footnote 1 stands after measure 3; numbered 4, it looks like measure 4.
    let text = seed(PROGRAMME_SEED).replacen("\n1. Artikel 20a", "\n4. Artikel 20a", 1);
    let imported = import_programme(&text);
    assert_eq!(titles(&imported.snapshot), titles(&plain));
    assert!(
        imported
            .snapshot
            .footnotes
            .iter()
            .any(|f| f.number == 4 && f.text.starts_with("Artikel 20a")),
        "{:#?}",
        imported.snapshot.footnotes
    );
    assert!(
        !imported.warnings.iter().any(|w| w.message.contains("tab")),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn a_long_line_the_importer_cannot_place_is_quoted_in_its_warning_cut_at_60_characters() {
    let long = "Een losse regel zonder plaats die veel langer is dan zestig tekens in totaal";
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n Interventies uitreis\n",
        &format!("\n{long}"),
    );
    let imported = import_programme(&text);
    let cut: String = long.chars().take(60).collect();
    let quoted = format!("kept in `unplaced`: “{cut}…”");
    assert_warns(&imported, |m| m.ends_with(&quoted));
}

#[test]
fn a_short_line_the_importer_cannot_place_is_quoted_whole_in_its_warning() {
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n Interventies uitreis\n",
        "\nEen losse regel zonder plaats",
    );
    let imported = import_programme(&text);
    assert_warns(&imported, |m| {
        m.ends_with("kept in `unplaced`: “Een losse regel zonder plaats”")
    });
}

#[test]
fn an_item_i_after_item_h_is_the_ninth_lettered_item_not_a_roman_sub_item() {
    // Measure 29 has items a–h; `i` could be h's first sub-item, but it
    // stands at the items' indentation.
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n22\n",
        "\n\t i.\t Er komt een jaarlijkse evaluatie.\n",
    );
    let m = &import_programme(&text).snapshot.measures[28];
    let labels: Vec<&str> = m.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    assert_eq!(m.items[8].text, "Er komt een jaarlijkse evaluatie.");
    assert!(m.items[7].items.is_empty());
}

#[test]
fn an_item_out_of_its_letter_order_is_warned_about_and_items_in_order_are_not() {
    let item_warnings = |imported: &import::Imported| -> Vec<String> {
        imported
            .warnings
            .iter()
            .filter(|w| w.message.starts_with("item `"))
            .map(|w| w.message.clone())
            .collect()
    };
    assert_eq!(
        item_warnings(&import_programme(&seed(PROGRAMME_SEED))),
        Vec::<String>::new()
    );
    // Measure 29 has items a–h; a `k` after them skips i and j.
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n22\n",
        "\n\t k.\t Er komt een jaarlijkse evaluatie.\n",
    );
    assert_eq!(
        item_warnings(&import_programme(&text)),
        ["item `k` of measure 29 where `i` was expected"]
    );
}

#[test]
fn a_summary_paragraph_ending_in_a_colon_after_the_groups_is_unplaced_not_the_groups_intro() {
    let text = insert_before(
        &seed(SUMMARY_SEED),
        "\nOrganisaties\n",
        "\nDaarnaast geldt het volgende:\n",
    );
    let imported = import::import(&text, SourceKind::Summary, "draft").unwrap();
    let s = &imported.snapshot;
    assert_eq!(
        s.groups_intro.as_deref(),
        Some(
            "De maatregelen uit dit actieprogramma zijn onder te verdelen in vijf groepen maatregelen:"
        )
    );
    assert!(
        s.unplaced
            .iter()
            .any(|u| u.text == "Daarnaast geldt het volgende:"),
        "{:?}",
        s.unplaced
    );
}

#[test]
fn a_second_summary_paragraph_before_any_label_is_unplaced_and_the_description_stays() {
    let plain = import::import(&seed(SUMMARY_SEED), SourceKind::Summary, "draft")
        .unwrap()
        .snapshot;
    let text = insert_before(
        &seed(SUMMARY_SEED),
        "\nBeschrijving\n",
        "\nHet programma loopt tot en met 2017.\n",
    );
    let s = import::import(&text, SourceKind::Summary, "draft")
        .unwrap()
        .snapshot;
    assert_eq!(s.description, plain.description);
    assert!(
        s.unplaced
            .iter()
            .any(|u| u.text == "Het programma loopt tot en met 2017."),
        "{:?}",
        s.unplaced
    );
}

#[test]
fn a_label_right_after_the_organisations_label_ends_the_page_and_what_follows_is_furniture() {
    // `Organisaties` with no line of its own before the next label: the
    // page's content has ended, the rest is skipped, not left unplaced.
    let text = insert_before(&seed(SUMMARY_SEED), "\nMinisterie van", "\nContact\n");
    let imported = import::import(&text, SourceKind::Summary, "draft").unwrap();
    let s = &imported.snapshot;
    assert!(s.unplaced.is_empty(), "{:?}", s.unplaced);
    assert_eq!(s.organisations, None);
    assert_warns(&imported, |m| {
        m.starts_with("line after the organisations skipped as page furniture: “Ministerie van")
    });
}

#[test]
fn a_glossary_line_whose_part_before_the_colon_is_a_long_sentence_is_no_entry() {
    // More than six words before the colon: a sentence, not a term.
    let line = "De lijst hieronder is niet uitputtend en wordt jaarlijks herzien: zie de website.";
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\nIND: Immigratie",
        &format!("\n{line}\n"),
    );
    let s = import_programme(&text).snapshot;
    let g = s.glossary.as_ref().unwrap();
    assert!(
        g.entries.iter().all(|e| !e.term.starts_with("De lijst")),
        "{:?}",
        g.entries
    );
    assert!(
        s.unplaced.iter().any(|u| u.text == line),
        "{:?}",
        s.unplaced
    );
}

#[test]
fn a_glossary_page_opening_with_a_finished_entry_followed_by_an_entry_starts_the_glossary() {
    // The seed's glossary opens with a sentence; without it, its page (the
    // first line indented one space) opens with the entry for AIVD.
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let intro = " Deze begrippenlijst is bedoeld om de leesbaarheid van het actieprogramma te \nvergroten.5\n\nAIVD:";
    let seed = seed(PROGRAMME_SEED);
    assert!(seed.contains(intro));
    let s = import_programme(&seed.replace(intro, " AIVD:")).snapshot;
    let g = s.glossary.as_ref().expect("a glossary");
    assert_eq!(g.intro, None);
    assert_eq!(g.entries[0].term, "AIVD");
    assert_eq!(
        g.entries.len(),
        plain.glossary.as_ref().unwrap().entries.len()
    );
    assert_eq!(s.measures.len(), plain.measures.len());
}

#[test]
fn a_page_of_the_body_opening_with_a_finished_sentence_not_followed_by_an_entry_is_no_glossary() {
    // A page (its first line indented one space) that opens with a whole
    // sentence, then a measure: the glossary begins only where an entry
    // follows.
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let text = insert_before(
        &seed(PROGRAMME_SEED),
        "\n 4.\t",
        "\n Dit deel van het programma volgt de eerdere afspraken.\n",
    );
    let s = import_programme(&text).snapshot;
    assert_eq!(s.measures.len(), plain.measures.len());
    assert_eq!(
        s.glossary.as_ref().map(|g| g.entries.len()),
        plain.glossary.as_ref().map(|g| g.entries.len())
    );
}

#[test]
fn a_page_with_one_measure_and_marks_of_several_statuses_leaves_its_status_uncertain() {
    // Measure 3 indented one space opens a page of its own, which holds
    // the four marks (V), (B), (B), (N): one measure, but the marks do not
    // agree, so none of them is its status.
    let text = seed(PROGRAMME_SEED).replacen("\n3.\t In het kader", "\n 3.\t In het kader", 1);
    let imported = import_programme(&text);
    let s = &imported.snapshot;
    let m3 = &s.measures[2];
    assert_eq!(m3.number, 3);
    assert_eq!(m3.status.certainty, Certainty::Uncertain);
    assert_eq!(m3.status.value, None);
    let candidates: String = m3.status.candidates.iter().map(|s| s.letter()).collect();
    assert_eq!(candidates.len(), 3, "{candidates}");
    // Worded for the one measure, with as many marks as there are.
    assert_warns(&imported, |m| {
        m.ends_with("on the page of measure 3 disagree; its status is recorded as uncertain")
    });
    assert_warns(&imported, |m| {
        m.starts_with("4 marks for 1 measure (3) on this page")
    });
}

#[test]
fn a_page_whose_marks_all_agree_settles_its_measure_though_it_has_more_marks_than_measures() {
    // Measure 29 has a page of its own with the one mark (N); give it a
    // second (N), as a lettered item of its may carry: the marks still
    // agree, so 29 is N, confirmed, and the extra mark is warned about.
    let seed = seed(PROGRAMME_SEED);
    let at = seed.find("\n29.\t").expect("measure 29 in the seed");
    let mark = at + seed[at..].find("\n(N)\n").expect("its mark");
    let text = format!("{}\n(N){}", &seed[..mark], &seed[mark..]);
    let imported = import_programme(&text);
    let m29 = &imported.snapshot.measures[28];
    assert_eq!(m29.number, 29);
    assert_eq!(m29.status.value, Some(Status::New));
    assert_eq!(m29.status.certainty, Certainty::Confirmed);
    assert_warns(&imported, |m| {
        m.starts_with("2 marks for 1 measure (29) on this page")
    });
}

#[test]
fn an_overview_without_goals_is_warned_about_once() {
    let seed = seed(PROGRAMME_SEED);
    assert_eq!(seed.matches("ledig:").count(), 1);
    let imported = import_programme(&seed.replace("ledig:", "ledig"));
    assert!(imported.snapshot.goals.is_empty());
    let warned = imported
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("no goals found"))
        .count();
    assert_eq!(warned, 1, "{:#?}", imported.warnings);
}

#[test]
fn a_short_unfinished_line_in_lower_case_is_no_section_heading() {
    // Three words without a full stop look like a heading only when they
    // start with a capital.
    let sections = |s: &Snapshot| -> Vec<String> {
        s.themes
            .iter()
            .flat_map(|t| t.sections.iter().map(|x| x.title.clone()))
            .collect()
    };
    let plain = import_programme(&seed(PROGRAMME_SEED)).snapshot;
    let text = seed(PROGRAMME_SEED).replacen(
        "voor enig misdrijf.\n",
        "voor enig misdrijf.\nzie ook bijlage\n",
        1,
    );
    let s = import_programme(&text).snapshot;
    assert_eq!(sections(&s), sections(&plain));
    assert_eq!(s.measures.len(), plain.measures.len());
}

// ---- bad input, end to end ---------------------------------------------------

fn import_into(store: &Path, source: &Path) -> assert_cmd::assert::Assert {
    policydiff()
        .arg("--versions")
        .arg(store)
        .arg("import")
        .arg(source)
        .args(["--kind", "programme", "--id", "nieuw"])
        .assert()
}

fn assert_nothing_written(store: &Path) {
    let entries: Vec<_> = std::fs::read_dir(store)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(entries.is_empty(), "store has {entries:?}");
}

#[test]
fn bad_input_is_refused_with_exit_2_and_no_file_written() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty", b"  \n\n", "the source is empty"),
        ("binary", b"%PDF-1.4\n\x00\x01\x02", "the source is not text (it contains NUL bytes); extract the text first"),
        ("latin1", b"Co\xf6rdinator\n", "the source is not UTF-8 (invalid byte at offset 2)"),
        ("truncated", "De maatregelen uit dit actieprogramma zijn onder te verdelen in 5 groepen:\n\n1.\t Risicoreductie: \n".as_bytes(), "no numbered measures found in the source"),
    ];
    for (name, bytes, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let source = dir.path().join(format!("{name}.txt"));
        std::fs::write(&source, bytes).unwrap();
        import_into(&store, &source)
            .code(2)
            .stderr(predicate::str::contains(message));
        assert_nothing_written(&store);
    }
}

#[test]
fn a_truncated_programme_imports_what_is_there_with_warnings() {
    let text: String = seed(PROGRAMME_SEED)
        .split('\n')
        .take(300)
        .collect::<Vec<_>>()
        .join("\n");
    let imported = import_programme(&text);
    assert_eq!(imported.snapshot.measures.len(), 17);
    assert!(imported.snapshot.glossary.is_none());
    // The warnings say what the cut leaves open: the last page's statuses.
    let warnings: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("page with measures 14, 15, 16, 17 has no status marks")),
        "{warnings:#?}"
    );
}

#[test]
fn an_existing_version_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let source = root().join(PROGRAMME_SEED);
    import_into(&store, &source)
        .success()
        .stderr(predicate::str::contains("wrote `"));
    let path = store.join("nieuw/snapshot.json");
    std::fs::write(&path, "hand edits").unwrap();
    import_into(&store, &source).code(2).stderr(
        predicate::str::contains("version `nieuw` exists at")
            .and(predicate::str::contains("pass `--force` to replace it")),
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "hand edits");
    policydiff()
        .arg("--versions")
        .arg(&store)
        .arg("import")
        .arg(&source)
        .args(["--kind", "programme", "--id", "nieuw", "--force"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("{\n  \"format\": \"policydiff-snapshot/1\"")
    );
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(store.join("nieuw"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    policydiff()
        .arg("--versions")
        .arg(&store)
        .args(["show", "nieuw", "--measure", "38"])
        .assert()
        .success();
}

#[test]
fn stdout_prints_the_draft_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = policydiff()
        .arg("--versions")
        .arg(dir.path())
        .arg("import")
        .arg(root().join(SUMMARY_SEED))
        .args(["--kind", "summary", "--id", "s", "--stdout"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "summary");
    assert_nothing_written(dir.path());
}

#[test]
fn an_unusable_id_is_refused() {
    policydiff()
        .args([
            "import",
            PROGRAMME_SEED,
            "--kind",
            "programme",
            "--id",
            "../evil",
            "--stdout",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a usable version id"));
}

// ---- end to end: import a variant, diff it against the shipped version -------

#[test]
fn an_imported_variant_diffed_against_the_shipped_version_gives_the_planted_edits() {
    // Plant: a measure inserted after 11 (with its mark), an item added to
    // measure 1, a glossary entry added.
    let text = renumber(&seed(PROGRAMME_SEED), 12, 1);
    let text = insert_before(
        &text,
        "Uitreizigers en terugkeerders worden",
        "12.\t Een nieuw meldpunt voor ouders van minderjarige uitreizigers wordt ingericht.\n\t a.\t Ouders kunnen daar anoniem zorgen over hun kinderen melden.\n\n",
    );
    let text = insert_before(&text, "(B)\n\n(N)\n\n(N)\n Interventies", "(N)\n\n");
    let text = insert_before(
        &text,
        "2.\t Verdachten",
        "\t e.\t Een toegevoegd item over terugkeerders en hun netwerken.\n\n",
    );
    let text = insert_before(
        &text,
        "BRP: Basisregistratie",
        "Bestuurlijke aanpak: maatregelen van gemeenten en Rijk buiten het strafrecht.\n\n",
    );

    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let source = store.join("variant.txt");
    std::fs::write(&source, text).unwrap();
    policydiff()
        .arg("--versions")
        .arg(store)
        .arg("import")
        .arg(&source)
        .args([
            "--kind",
            "programme",
            "--id",
            "variant",
            "--title",
            "Actieprogramma Integrale Aanpak Jihadisme",
            "--date",
            "2014-08-29",
        ])
        .assert()
        .success();
    let shipped = root().join("versions/actieprogramma-2014/snapshot.json");
    let out = policydiff()
        .arg("--versions")
        .arg(store)
        .arg("diff")
        .arg(&shipped)
        .args(["variant", "--format", "json", "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = &d["counts"];
    let n = |k: &str| counts[k].as_u64().unwrap();
    assert_eq!(
        (
            n("added"),
            n("removed"),
            n("renumbered"),
            n("text"),
            n("status"),
            n("moved"),
            n("split"),
            n("merged")
        ),
        (1, 0, 27, 1, 0, 0, 0, 0)
    );
    assert_eq!(
        (
            n("glossary"),
            n("stale_references"),
            n("goals"),
            n("groups"),
            n("themes"),
            n("footnotes")
        ),
        (1, 1, 0, 0, 0, 0)
    );
    let added: Vec<&Value> = d["measures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["classes"][0] == "added")
        .collect();
    assert_eq!(added[0]["new"][0]["number"], 12);
    let text_changed: Vec<&Value> = d["measures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| {
            m["classes"]
                .as_array()
                .unwrap()
                .contains(&Value::from("text"))
        })
        .collect();
    assert_eq!(text_changed[0]["new"][0]["number"], 1);
    let stale = &d["stale_references"][0];
    assert_eq!(
        (stale["says"].as_u64(), stale["should_say"].as_u64()),
        (Some(30), Some(31))
    );
    assert_eq!(
        (
            d["glossary"][0]["kind"].as_str(),
            d["glossary"][0]["new_key"].as_str()
        ),
        (Some("added"), Some("Bestuurlijke aanpak"))
    );
}

#[test]
fn describes_goes_with_summary_pages_only() {
    let dir = tempfile::tempdir().unwrap();
    policydiff()
        .arg("--versions")
        .arg(dir.path())
        .args([
            "import",
            PROGRAMME_SEED,
            "--kind",
            "programme",
            "--id",
            "p",
            "--describes",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use it with `--kind summary`"));
    assert_nothing_written(dir.path());
}
