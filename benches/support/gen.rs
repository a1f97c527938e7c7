//! A generator of synthetic programmes for the benchmark: Dutch-like measures
//! (titles, bodies, lettered items with roman sub-items, statuses, themes)
//! from a word list, and edited copies with a record of every planted pairing.

use policydiff::snapshot::{
    Certainty, Item, Kind, Measure, Reference, Snapshot, Status, StatusRecord, Target, Theme,
    letter_label, roman_label,
};

const WORDS: &[&str] = &[
    "aanpak",
    "gemeente",
    "uitreizigers",
    "jihadisme",
    "terugkeerders",
    "radicalisering",
    "maatregel",
    "versterking",
    "samenwerking",
    "informatie",
    "uitwisseling",
    "ministerie",
    "justitie",
    "veiligheid",
    "politie",
    "openbaar",
    "ministerie",
    "rechter",
    "paspoort",
    "signalering",
    "uitkering",
    "toeslagen",
    "onderwijs",
    "jongeren",
    "ouders",
    "netwerken",
    "sleutelfiguren",
    "moskee",
    "wijkteam",
    "professionals",
    "kennis",
    "kunde",
    "expertise",
    "centrum",
    "landelijk",
    "lokaal",
    "internationaal",
    "nationaal",
    "coördinatie",
    "uitvoering",
    "detectie",
    "reisbewegingen",
    "financiële",
    "toezicht",
    "strafrecht",
    "bestuurlijk",
    "interventie",
    "preventie",
    "propaganda",
    "internet",
    "sociale",
    "media",
    "content",
    "verspreiding",
    "haatzaaien",
    "ronselaars",
    "strijdgebied",
    "nationaliteit",
    "intrekking",
    "vervallen",
    "verklaard",
    "wetsvoorstel",
    "kabinet",
    "burgemeester",
    "gezag",
    "beleid",
    "programma",
    "evaluatie",
    "monitoring",
    "capaciteit",
    "middelen",
    "investering",
    "opleiding",
    "training",
    "deskundigheid",
    "signalen",
    "meldpunt",
    "weerbaarheid",
    "tegengeluiden",
    "debat",
    "rechtsstaat",
    "democratie",
    "voedingsbodem",
    "spanningen",
    "gemeenschap",
    "organisaties",
    "instellingen",
    "zorg",
    "nazorg",
    "begeleiding",
    "exit",
    "faciliteit",
    "detentie",
    "reclassering",
    "penitentiaire",
    "afdeling",
    "plaatsing",
    "veroordeelden",
    "verdachten",
    "onderzoek",
    "opsporing",
    "vervolging",
];
const GLUE: &[&str] = &[
    "de", "het", "een", "van", "voor", "met", "en", "in", "op", "door", "bij", "worden", "wordt",
    "naar", "tegen", "om", "te",
];

/// A small deterministic random generator (xorshift), so runs repeat.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

/// Syllables for made-up Dutch-looking words: policy text has thousands of
/// distinct words, most of them rare, and the benchmark should too.
const ONSETS: &[&str] = &[
    "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "st", "sch", "gr", "br",
    "tr", "kl", "sl", "pr", "dr", "vr",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "aa", "ee", "oo", "ui", "ij", "ou", "ie",
];
const CODAS: &[&str] = &[
    "", "n", "r", "l", "k", "t", "s", "ng", "cht", "rd", "ld", "nd", "rs", "m",
];

/// The `index`-th made-up word (deterministic).
fn made_up(mut index: usize) -> String {
    let mut out = String::new();
    for _ in 0..2 {
        out.push_str(ONSETS[index % ONSETS.len()]);
        index /= ONSETS.len();
        out.push_str(VOWELS[index % VOWELS.len()]);
        index /= VOWELS.len();
        out.push_str(CODAS[index % CODAS.len()]);
        index /= CODAS.len();
    }
    out
}

/// How many made-up words policy-like text draws from.
const RICH: usize = 20_000;

/// How many made-up words a low-vocabulary programme draws from: with the
/// policy word list and the glue, about 230 distinct words, so that any two
/// unrelated measures share a good part of their words by chance.
#[allow(dead_code, reason = "for tests/align_weak_pairs.rs, not every bench")]
pub const LOW_VOCABULARY: usize = 110;

/// A content word: mostly from the policy word list, otherwise one of
/// `made_up` made-up words drawn with a skew towards the first ones
/// (Zipf-like).
fn content_word(rng: &mut Rng, made_up_words: usize) -> String {
    if rng.chance(400) {
        WORDS[rng.below(WORDS.len())].to_string()
    } else {
        let bound = rng.below(made_up_words) + 1;
        made_up(rng.below(bound) * 7919 % made_up_words.max(1))
    }
}

/// A sentence of `min..min + spread` words, alternating content words and
/// glue, with a number now and then.
fn sentence(rng: &mut Rng, min: usize, spread: usize, made_up_words: usize) -> String {
    let words = min + rng.below(spread.max(1));
    let mut out: Vec<String> = Vec::with_capacity(words);
    for i in 0..words {
        if i % 2 == 1 {
            out.push(GLUE[rng.below(GLUE.len())].to_string());
        } else if rng.chance(60) {
            out.push(format!("{}", 1000 + rng.below(90_000)));
        } else {
            out.push(content_word(rng, made_up_words));
        }
    }
    let mut s = out.join(" ");
    if let Some(first) = s.get(0..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s.push('.');
    s
}

fn status(rng: &mut Rng) -> StatusRecord {
    let s = [Status::Existing, Status::Strengthened, Status::New][rng.below(3)];
    if rng.chance(150) {
        StatusRecord {
            value: None,
            certainty: Certainty::Uncertain,
            candidates: vec![Status::Strengthened, Status::New],
            note: None,
        }
    } else {
        StatusRecord::confirmed(s, None)
    }
}

fn item(rng: &mut Rng, depth: usize, index: usize, made_up_words: usize) -> Item {
    let sub = if depth == 0 && rng.chance(150) {
        (0..2 + rng.below(2))
            .map(|k| item(rng, 1, k, made_up_words))
            .collect()
    } else {
        Vec::new()
    };
    Item {
        label: if depth == 0 {
            letter_label(index)
        } else {
            roman_label(index + 1)
        },
        text: sentence(rng, 10, 20, made_up_words),
        status: None,
        items: sub,
        footnotes: Vec::new(),
        references: Vec::new(),
        lines: None,
    }
}

pub fn measure(rng: &mut Rng, number: u32, theme: u32) -> Measure {
    measure_from(rng, number, theme, RICH)
}

/// A measure whose content words come from the policy word list and the
/// first `made_up_words` made-up words.
pub fn measure_from(rng: &mut Rng, number: u32, theme: u32, made_up_words: usize) -> Measure {
    let items: Vec<Item> = (0..rng.below(5))
        .map(|i| item(rng, 0, i, made_up_words))
        .collect();
    Measure {
        number,
        title: sentence(rng, 6, 6, made_up_words),
        theme,
        section: None,
        status: status(rng),
        lead_in: None,
        body: if items.is_empty() {
            Some(sentence(rng, 20, 30, made_up_words))
        } else {
            None
        },
        items,
        footnotes: Vec::new(),
        references: Vec::new(),
        lines: None,
    }
}

/// A programme of `n` measures in five themes.
pub fn programme(n: usize, seed: u64) -> Snapshot {
    programme_from(n, seed, RICH)
}

/// A programme of `n` measures written with about 230 distinct words.
#[allow(dead_code, reason = "for tests/align_weak_pairs.rs, not every bench")]
pub fn low_vocabulary_programme(n: usize, seed: u64) -> Snapshot {
    programme_from(n, seed, LOW_VOCABULARY)
}

fn programme_from(n: usize, seed: u64, made_up_words: usize) -> Snapshot {
    let mut rng = Rng::new(seed);
    let themes: Vec<Theme> = (1..=5)
        .map(|t| Theme {
            number: t,
            title: sentence(&mut rng, 3, 1, made_up_words),
            aims: vec![sentence(&mut rng, 8, 1, made_up_words)],
            sections: Vec::new(),
            paragraphs: Vec::new(),
            note: None,
            lines: None,
        })
        .collect();
    let measures = (0..n)
        .map(|i| {
            measure_from(
                &mut rng,
                (i + 1) as u32,
                (i * 5 / n.max(1)) as u32 + 1,
                made_up_words,
            )
        })
        .collect();
    let mut s = Snapshot::new(Kind::Programme, &format!("synthetic-{n}"));
    s.title = "Synthetisch actieprogramma".to_string();
    s.themes = themes;
    s.measures = measures;
    s
}

/// Add a cross-reference ("Zie ook maatregel N.") to about one measure in
/// twenty, naming an earlier measure, at the end of its first item or its
/// body, as policy text has them. An edited copy renumbers measures without
/// updating them: each one carried over is stale, as `diff` should say.
#[allow(dead_code, reason = "for the process bench and tests/diff_scale.rs")]
pub fn add_references(s: &mut Snapshot, seed: u64) {
    let mut rng = Rng::new(seed);
    let numbers: Vec<u32> = s.measures.iter().map(|m| m.number).collect();
    for (i, m) in s.measures.iter_mut().enumerate() {
        if i == 0 || !rng.chance(50) {
            continue;
        }
        let target = numbers[rng.below(i)];
        let phrase = format!("maatregel {target}");
        let reference = Reference {
            phrase: phrase.clone(),
            targets: vec![Target::measure(target)],
        };
        let (text, references) = match m.items.first_mut() {
            Some(item) => (&mut item.text, &mut item.references),
            None => (m.body.get_or_insert_with(String::new), &mut m.references),
        };
        text.push_str(&format!(" Zie ook {phrase}."));
        references.push(reference);
    }
}

/// What the edits planted: for each measure of the edited copy, the old
/// number it came from (None for inserted measures).
#[derive(Debug)]
pub struct Planted {
    pub origin: Vec<Option<u32>>,
    pub inserted: usize,
    pub deleted: usize,
    pub edited: usize,
    pub status_changed: usize,
    pub swapped: usize,
}

/// An edited copy: ~5% text edits, ~1% inserts and ~1% deletes (renumbering
/// everything after them), ~1% status changes and a few swaps.
pub fn edit(old: &Snapshot, seed: u64) -> (Snapshot, Planted) {
    let mut rng = Rng::new(seed);
    let mut measures: Vec<Measure> =
        Vec::with_capacity(old.measures.len() + old.measures.len() / 50);
    let mut origin = Vec::with_capacity(measures.capacity());
    let mut planted = Planted {
        origin: Vec::new(),
        inserted: 0,
        deleted: 0,
        edited: 0,
        status_changed: 0,
        swapped: 0,
    };
    for m in &old.measures {
        if rng.chance(10) {
            planted.deleted += 1;
            continue;
        }
        let mut m = m.clone();
        if rng.chance(50) {
            planted.edited += 1;
            let target = match m.items.first_mut() {
                Some(item) => &mut item.text,
                None => m.body.get_or_insert_with(String::new),
            };
            let mut words: Vec<&str> = target.split(' ').collect();
            let k = rng.below(words.len());
            words[k] = "herzien";
            words.insert(rng.below(words.len()), "bovendien");
            *target = words.join(" ");
        }
        if rng.chance(10) {
            planted.status_changed += 1;
            m.status = StatusRecord::confirmed(
                if m.status.settled() == Some(Status::New) {
                    Status::Strengthened
                } else {
                    Status::New
                },
                None,
            );
        }
        origin.push(Some(m.number));
        measures.push(m);
        if rng.chance(10) {
            planted.inserted += 1;
            let theme = measures.last().map_or(1, |m| m.theme);
            measures.push(measure(&mut rng, 0, theme));
            origin.push(None);
        }
    }
    let swaps = (measures.len() / 1000).clamp(2, 20);
    for _ in 0..swaps {
        let i = rng.below(measures.len().saturating_sub(1));
        measures.swap(i, i + 1);
        origin.swap(i, i + 1);
        planted.swapped += 1;
    }
    for (i, m) in measures.iter_mut().enumerate() {
        m.number = (i + 1) as u32;
    }
    let mut new = old.clone();
    new.id = format!("{}-edited", old.id);
    new.measures = measures;
    planted.origin = origin;
    (new, planted)
}
