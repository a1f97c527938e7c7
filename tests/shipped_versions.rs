//! The shipped versions hold the 2014 programme and its summary page
//! faithfully: counts, structure, statuses per the evidence table, no
//! extraction artefacts, and every text findable in its source.

use policydiff::load::{Loaded, load_path};
use policydiff::snapshot::{Certainty, Item, Kind, Snapshot, Status};
use policydiff::source::{self, skeleton, source_skeleton};
use std::path::Path;

fn load(id: &str) -> Loaded {
    load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("versions")
            .join(id)
            .join("snapshot.json"),
    )
    .expect("shipped version loads")
}

fn programme() -> Snapshot {
    load("actieprogramma-2014").snapshot
}

fn labels(items: &[Item]) -> String {
    items
        .iter()
        .map(|i| i.label.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn programme_has_38_measures_numbered_1_to_38_in_five_themes() {
    let p = programme();
    assert_eq!(p.kind, Kind::Programme);
    let numbers: Vec<u32> = p.measures.iter().map(|m| m.number).collect();
    assert_eq!(numbers, (1..=38).collect::<Vec<_>>());
    let range = |t: u32| {
        let ns: Vec<u32> = p
            .measures
            .iter()
            .filter(|m| m.theme == t)
            .map(|m| m.number)
            .collect();
        (*ns.first().unwrap(), *ns.last().unwrap(), ns.len())
    };
    assert_eq!(
        [range(1), range(2), range(3), range(4), range(5)],
        [
            (1, 13, 13),
            (14, 17, 4),
            (18, 28, 11),
            (29, 29, 1),
            (30, 38, 9)
        ]
    );
    assert_eq!(
        p.themes
            .iter()
            .map(|t| t.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Risicoreductie jihadgangers",
            "Interventies uitreis",
            "Radicalisering",
            "Sociale media en internet",
            "Informatie-uitwisseling en samenwerking"
        ]
    );
}

#[test]
fn every_measure_has_exactly_the_item_letters_of_the_source() {
    let p = programme();
    let expected = [
        "a,b,c,d",
        "",
        "a,b,c,d",
        "a,b,c,d",
        "a,b",
        "",
        "",
        "a,b",
        "a,b",
        "a,b,c,d",
        "a,b",
        "",
        "", // 1–13
        "a,b,c",
        "a,b",
        "",
        "", // 14–17
        "",
        "a,b",
        "a,b,c,d,e,f,g",
        "a,b",
        "a,b,c",
        "a,b,c",
        "a,b,c,d",
        "a,b,c,d,e,f",
        "a,b,c,d",
        "a,b,c,d,e",
        "",                // 18–28
        "a,b,c,d,e,f,g,h", // 29
        "a,b,c",
        "a,b",
        "a,b,c,d",
        "a,b",
        "a,b",
        "a,b,c,d,e",
        "a,b,c",
        "a,b",
        "a,b,c", // 30–38
    ];
    for (m, want) in p.measures.iter().zip(expected) {
        assert_eq!(labels(&m.items), want, "items of measure {}", m.number);
    }
}

#[test]
fn roman_sub_items_stand_under_21b_27b_34a_37a_37b_only() {
    let p = programme();
    let mut found = Vec::new();
    for m in &p.measures {
        for item in &m.items {
            if !item.items.is_empty() {
                found.push(format!(
                    "{}{}:{}",
                    m.number,
                    item.label,
                    labels(&item.items)
                ));
            }
        }
    }
    assert_eq!(
        found,
        [
            "21b:i,ii,iii",
            "27b:i,ii,iii,iv",
            "34a:i,ii,iii",
            "37a:i,ii,iii",
            "37b:i,ii"
        ]
    );
}

#[test]
fn lead_ins_bodies_and_the_paragraph_between_11_and_12_are_kept() {
    let p = programme();
    let with = |f: fn(&policydiff::snapshot::Measure) -> bool| {
        p.measures
            .iter()
            .filter(|m| f(m))
            .map(|m| m.number)
            .collect::<Vec<_>>()
    };
    assert_eq!(with(|m| m.lead_in.is_some()), [34, 37, 38]);
    assert_eq!(
        with(|m| m.body.is_some()),
        [2, 6, 7, 12, 13, 16, 17, 18, 28]
    );
    let between = &p.themes[0].paragraphs;
    assert_eq!(between.len(), 1);
    assert_eq!(between[0].before, 12);
    assert!(between[0].text.starts_with(
        "Uitreizigers en terugkeerders worden strafrechtelijk en/of bestuurlijk aangepakt."
    ));
    assert_eq!(
        p.measure(11).unwrap().title,
        "Berstuurlijke maatregelen risicoreductie jihadgangers",
        "the source's typo stays"
    );
}

#[test]
fn overview_goals_legend_and_theme_pages_are_complete() {
    let p = programme();
    assert_eq!(p.groups.len(), 5);
    let g3 = &p.groups[2];
    assert_eq!(
        (g3.title.as_str(), labels_of_parts(g3)),
        ("Radicalisering", "a,b,c".to_string())
    );
    assert_eq!(p.goals.len(), 3);
    assert_eq!(
        p.goals[0],
        "het beschermen van de democratie en rechtsstaat"
    );
    let legend: Vec<(Status, &str)> = p
        .legend
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .map(|e| (e.status, e.label.as_str()))
        .collect();
    assert_eq!(
        legend,
        [
            (Status::Existing, "Bestaande maatregel"),
            (Status::Strengthened, "Versterkte maatregel"),
            (Status::New, "Nieuwe maatregel")
        ]
    );
    assert_eq!(
        p.themes[0].aims,
        ["Beperken van risico’s die uitgaan van jihadgangers met alle mogelijke middelen"]
    );
    let t3 = &p.themes[2];
    assert_eq!(
        t3.sections
            .iter()
            .map(|s| (s.title.as_str(), s.aims.len()))
            .collect::<Vec<_>>(),
        [
            (
                "Radicalisering: aanpakken van verspreiders en ronselaars",
                1
            ),
            ("Radicalisering tegengaan", 2)
        ]
    );
    let t5: Vec<&str> = p.themes[4]
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(t5, ["Lokaal", "Nationaal", "Internationaal"]);
    let sections: Vec<(u32, Option<&str>)> = p
        .measures
        .iter()
        .filter(|m| m.theme == 5)
        .map(|m| (m.number, m.section.as_deref()))
        .collect();
    assert_eq!(sections[0], (30, Some("Lokaal")));
    assert_eq!(sections[2], (32, Some("Nationaal")));
    assert_eq!(sections[6], (36, Some("Internationaal")));
}

fn labels_of_parts(g: &policydiff::snapshot::Group) -> String {
    g.parts
        .iter()
        .filter_map(|p| p.label.as_deref())
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn five_footnotes_are_attached_where_they_are_referenced() {
    let p = programme();
    assert_eq!(
        p.footnotes.iter().map(|f| f.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(p.measure(2).unwrap().footnotes, [1]);
    assert_eq!(p.measure(20).unwrap().items[1].footnotes, [2]);
    assert_eq!(p.measure(36).unwrap().footnotes, [3]);
    assert_eq!(p.measure(36).unwrap().items[0].footnotes, [4]);
    assert_eq!(p.glossary.as_ref().unwrap().footnotes, [5]);
    assert!(
        p.measure(2)
            .unwrap()
            .body
            .as_ref()
            .unwrap()
            .ends_with("rekruteren."),
        "the footnote digit is not glued to the word"
    );
}

#[test]
fn glossary_has_49_entries_with_unique_terms() {
    let p = programme();
    let g = p.glossary.as_ref().unwrap();
    assert_eq!(g.entries.len(), 49);
    let mut terms: Vec<&str> = g.entries.iter().map(|e| e.term.as_str()).collect();
    assert_eq!(terms.first(), Some(&"AIVD"));
    assert_eq!(terms.last(), Some(&"Vervallenverklaring"));
    terms.sort();
    terms.dedup();
    assert_eq!(terms.len(), 49);
}

#[test]
fn measure_20_references_measures_30_8_and_11_from_its_items() {
    let p = programme();
    let refs: Vec<(String, u32)> = p
        .measure(20)
        .unwrap()
        .all_references()
        .into_iter()
        .map(|(path, r)| (path.concat(), r.targets[0].measure))
        .collect();
    assert_eq!(
        refs,
        [
            ("a".to_string(), 30),
            ("d".to_string(), 8),
            ("e".to_string(), 11)
        ]
    );
    let elsewhere: usize = p
        .measures
        .iter()
        .filter(|m| m.number != 20)
        .map(|m| m.all_references().len())
        .sum();
    assert_eq!(elsewhere, 0);
}

#[test]
fn statuses_follow_the_evidence_table() {
    use Certainty::*;
    use Status::*;
    let p = programme();
    let settled = |n: u32| {
        let s = &p.measure(n).unwrap().status;
        (s.value, s.certainty)
    };
    for n in [1, 5, 10, 14, 15, 16, 18, 19, 21, 26, 27, 28, 32] {
        assert_eq!(settled(n), (Some(Strengthened), Confirmed), "measure {n}");
    }
    for n in [2, 3, 12, 17, 30] {
        assert_eq!(settled(n), (Some(Existing), Confirmed), "measure {n}");
    }
    for n in [4, 6, 11, 13, 20, 25, 29] {
        assert_eq!(settled(n), (Some(New), Confirmed), "measure {n}");
    }
    for n in [7, 8, 9] {
        assert_eq!(settled(n), (Some(Strengthened), Deduced), "measure {n}");
    }
    let candidates = |n: u32| {
        let s = &p.measure(n).unwrap().status;
        assert_eq!(
            (s.value, s.certainty),
            (None, Uncertain),
            "measure {n} is uncertain and not guessed"
        );
        s.candidates.clone()
    };
    for n in [22, 23] {
        assert_eq!(candidates(n), [New]);
    }
    assert_eq!(candidates(24), [Strengthened, New]);
    assert_eq!(candidates(31), [Existing, Strengthened, New]);
    for n in [33, 34, 35, 36, 37, 38] {
        assert_eq!(candidates(n), [Strengthened, New], "measure {n}");
    }
    let item_statuses: Vec<(u32, String, Option<Status>)> = p
        .measures
        .iter()
        .flat_map(|m| {
            m.items_flat().into_iter().filter_map(move |(path, i)| {
                i.status
                    .as_ref()
                    .map(|s| (m.number, path.concat(), s.value))
            })
        })
        .collect();
    assert_eq!(
        item_statuses,
        [
            (3, "c".to_string(), Some(New)),
            (15, "b".to_string(), Some(New)),
            (27, "a".to_string(), Some(New))
        ]
    );
    for m in &p.measures {
        assert!(
            m.status.note.as_deref().is_some_and(|n| !n.is_empty()),
            "measure {} has an evidence note",
            m.number
        );
    }
}

/// Every text field of a snapshot, with a name for messages.
fn texts(s: &Snapshot) -> Vec<(String, String)> {
    // A programme's title comes from its cover letter, not from the text.
    let mut out = if s.kind == Kind::Summary {
        vec![("title".to_string(), s.title.clone())]
    } else {
        Vec::new()
    };
    let mut push = |name: String, text: &str| out.push((name, text.to_string()));
    for g in &s.groups {
        push(format!("group {} title", g.number), &g.title);
        push(format!("group {} text", g.number), &g.text);
        for p in &g.parts {
            push(format!("group {} part", g.number), &p.text);
        }
    }
    for (n, goal) in s.goals.iter().enumerate() {
        push(format!("goal {n}"), goal);
    }
    for t in &s.themes {
        for a in t.aims.iter().chain(t.sections.iter().flat_map(|s| &s.aims)) {
            push(format!("theme {} aim", t.number), a);
        }
        for p in &t.paragraphs {
            push(format!("theme {} paragraph", t.number), &p.text);
        }
    }
    for m in &s.measures {
        push(format!("measure {} title", m.number), &m.title);
        if let Some(l) = &m.lead_in {
            push(format!("measure {} lead-in", m.number), l);
        }
        if let Some(b) = &m.body {
            push(format!("measure {} body", m.number), b);
        }
        for (path, item) in m.items_flat() {
            push(
                format!("measure {}{} text", m.number, path.concat()),
                &item.text,
            );
        }
    }
    for f in &s.footnotes {
        push(format!("footnote {}", f.number), &f.text);
    }
    if let Some(g) = &s.glossary {
        for e in &g.entries {
            push(format!("glossary `{}` term", e.term), &e.term);
            push(format!("glossary `{}` definition", e.term), &e.definition);
        }
    }
    for (name, text) in [
        ("description", &s.description),
        ("organisations", &s.organisations),
        ("groups intro", &s.groups_intro),
    ] {
        if let Some(t) = text {
            push(name.to_string(), t);
        }
    }
    out
}

#[test]
fn every_text_of_both_snapshots_occurs_in_its_source_once_artefacts_are_normalised() {
    for id in ["actieprogramma-2014", "samenvatting-2014"] {
        let loaded = load(id);
        let source_text = loaded
            .source_text
            .as_deref()
            .expect("source.txt beside the snapshot");
        let haystack = source_skeleton(&source::lines(source_text));
        let mut checked = 0;
        for (name, text) in texts(&loaded.snapshot) {
            let needle = skeleton(&text);
            assert!(
                haystack.contains(&needle),
                "{id}: {name} is not in the source: {text}"
            );
            checked += 1;
        }
        assert!(checked >= 20, "{id}: only {checked} texts checked");
    }
}

#[test]
fn the_fidelity_test_would_notice_an_edited_text() {
    let p = programme();
    let loaded = load("actieprogramma-2014");
    let haystack = source_skeleton(&source::lines(loaded.source_text.as_deref().unwrap()));
    let edited = p
        .measure(11)
        .unwrap()
        .title
        .replace("Berstuurlijke", "Bestuurlijke");
    assert!(!haystack.contains(&skeleton(&edited)));
}

#[test]
fn no_extraction_artefacts_remain_anywhere_in_either_snapshot() {
    for id in ["actieprogramma-2014", "samenvatting-2014"] {
        let snapshot = load(id).snapshot;
        for (name, text) in texts(&snapshot) {
            assert!(!text.contains('\u{FFFD}'), "{id}: U+FFFD in {name}");
            assert!(!text.contains('\t'), "{id}: tab in {name}");
            assert!(!text.contains("  "), "{id}: double space in {name}: {text}");
            assert_eq!(text.trim(), text, "{id}: {name} has white space at an end");
            assert!(!text.starts_with(['•', '-']), "{id}: bullet in {name}");
            // No footnote digit glued to a word ("rekruteren.1", "jihadgangers4").
            let chars: Vec<char> = text.chars().collect();
            for i in 0..chars.len() {
                assert!(
                    !source::is_glued_footnote_digit(&chars, i),
                    "{id}: glued digit in {name}: {text}"
                );
            }
            // No stray status marks or lone page numbers.
            for mark in ["(B)", "(V)", "(N)"] {
                assert!(!text.contains(mark), "{id}: status mark in {name}");
            }
        }
        // Words broken across lines are mended; real hyphens stay.
        let all: String = texts(&snapshot)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(" ");
        if id == "actieprogramma-2014" {
            for word in [
                "strijdgroepering",
                "gesignaleerd",
                "grenscontrole",
                "EU-Kopgroep",
                "check-in",
                "SIS-II",
                "moslimgemeenschap",
                "EU-lidstaat",
                "aanslagmiddelen- en methoden",
            ] {
                assert!(all.contains(word), "{word} missing");
            }
            for broken in [
                "strijd groepering",
                "gesig-naleerd",
                "gesig- naleerd",
                "grens controle",
                "jihadis tische",
            ] {
                assert!(!all.contains(broken), "{broken} left broken");
            }
        }
    }
}

#[test]
fn summary_page_has_title_description_goals_five_groups_and_no_navigation() {
    let s = load("samenvatting-2014").snapshot;
    assert_eq!(s.kind, Kind::Summary);
    assert_eq!(s.describes.as_deref(), Some("actieprogramma-2014"));
    assert_eq!(s.title, "Actieprogramma Integrale Aanpak Jihadisme");
    assert!(
        s.description
            .as_deref()
            .unwrap()
            .starts_with("Dit rapport van de ministeries van VenJ en SZW")
    );
    assert_eq!(s.goals.len(), 3);
    assert_eq!(
        s.groups
            .iter()
            .map(|g| g.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Risicoreductie jihadgangers",
            "Interventies uitreis",
            "Radicalisering",
            "Sociale media",
            "Informatie-uitwisseling en samenwerking"
        ]
    );
    assert_eq!(s.groups[2].parts.len(), 3);
    assert!(
        s.organisations
            .as_deref()
            .unwrap()
            .starts_with("Ministerie van Veiligheid en Justitie")
    );
    let all: String = texts(&s)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ");
    for nav in [
        "Direct naar content",
        "Download publicatie",
        "Neem contact met ons op",
        "vereiste velden",
    ] {
        assert!(!all.contains(nav), "navigation leftover `{nav}`");
    }
    assert!(s.unplaced.is_empty());
}

#[test]
fn shipped_snapshots_are_in_the_canonical_form_policydiff_writes() {
    // Hand edits should keep the layout `import` writes, so that a review
    // diff shows only what changed.
    for id in ["actieprogramma-2014", "samenvatting-2014"] {
        let loaded = load(id);
        assert_eq!(
            loaded.snapshot.to_json(),
            loaded.text,
            "{id}: re-serialise with serde_json's pretty printer"
        );
    }
}

#[test]
fn source_hashes_match_the_shipped_source_files() {
    for id in ["actieprogramma-2014", "samenvatting-2014"] {
        let loaded = load(id);
        let bytes = std::fs::read(loaded.source_path.as_ref().unwrap()).unwrap();
        assert_eq!(
            loaded.snapshot.source.as_ref().unwrap().sha256.as_deref(),
            Some(source::sha256_hex(&bytes).as_str())
        );
    }
}
