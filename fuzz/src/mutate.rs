//! Mutations of a seed: byte-level (flips, splices, truncation, odd Unicode,
//! long runs) and, for JSON, structural (a value somewhere in the tree
//! replaced, removed, duplicated or given a hostile value), which reaches far
//! deeper than byte noise because the result still parses.

use serde_json::Value;

/// A small, fast, seedable generator (SplitMix64): enough for fuzzing, and
/// the same seed gives the same run.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Text that has broken parsers, escapers and terminals before.
pub const ODD: &[&str] = &[
    "İ",
    "ẞ",
    "\u{202e}",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{7}",
    "\r",
    "\u{8}",
    "\u{0}",
    "\u{fdd0}[31m",
    "\u{301}\u{301}\u{301}",
    "\u{fffd}",
    "😀",
    "עברית",
    "\t",
    "\n\n\n",
    " ",
    "maatregel 4294967295",
    "maatregelen 30 en 31",
    "maatregel 30z",
    "maatregelen 1 tot en met 4294967295",
    "maatregelen 30, 31 of 32b",
    "maatregelen 2–",
    "Maatregel 0",
    "1.\t",
    "38.",
    " (B)",
    "(V)",
    "a.\t",
    "i.\t",
    "Begrippenlijst",
    "<script>alert(1)</script>",
    "@someone #123",
    "%0A::error::",
    "\"",
    "\\",
    "}",
    "{\"format\":",
    "18446744073709551616",
    "-0",
    "1e400",
];

/// Hostile JSON values for structural mutations.
fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(10) {
        0 => Value::from(0),
        1 => Value::from(u64::MAX),
        2 => serde_json::from_str("18446744073709551616").unwrap_or(Value::Null),
        3 => Value::from(-1),
        4 => Value::Null,
        5 => Value::from(""),
        6 => Value::from("x".repeat(1 + rng.below(200_000))),
        7 => Value::from(rng.pick(ODD).to_string()),
        8 => Value::Array(Vec::new()),
        _ => Value::from(u32::MAX),
    }
}

/// One mutant of `seed`, possibly spliced with `other`.
pub fn mutate(seed: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let rounds = 1 + rng.below(3);
    let mut data = seed.to_vec();
    for _ in 0..rounds {
        data = match rng.below(10) {
            0..=3 => structural(&data, rng).unwrap_or_else(|| bytes(&data, other, rng)),
            _ => bytes(&data, other, rng),
        };
    }
    data
}

fn bytes(data: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut d = data.to_vec();
    let at = |rng: &mut Rng, d: &Vec<u8>| rng.below(d.len() + 1);
    match rng.below(9) {
        0 => {
            // Flip a few bytes.
            for _ in 0..1 + rng.below(8) {
                if !d.is_empty() {
                    let i = rng.below(d.len());
                    d[i] ^= 1 << rng.below(8);
                }
            }
        }
        1 => {
            let i = at(rng, &d);
            d.truncate(i);
        }
        2 => {
            // Splice: our head, the other's tail.
            let i = at(rng, &d);
            let j = rng.below(other.len() + 1);
            d.truncate(i);
            d.extend_from_slice(&other[j..]);
        }
        3 => {
            let i = at(rng, &d);
            let text = rng.pick(ODD).as_bytes().to_vec();
            d.splice(i..i, text);
        }
        4 => {
            // Delete a range.
            let i = at(rng, &d);
            let j = (i + rng.below(400)).min(d.len());
            d.drain(i..j);
        }
        5 => {
            // Duplicate a range (duplicate keys, repeated measures).
            let i = at(rng, &d);
            let j = (i + rng.below(2000)).min(d.len());
            let copy = d[i..j].to_vec();
            d.splice(j..j, copy);
        }
        6 => {
            // A very long line or word.
            let i = at(rng, &d);
            let c = *rng.pick(b"x \n-1");
            d.splice(i..i, std::iter::repeat_n(c, 1 + rng.below(300_000)));
        }
        7 => {
            // Deep nesting.
            let i = at(rng, &d);
            let depth = 1 + rng.below(20_000);
            let mut nest = vec![b'['; depth];
            nest.extend(std::iter::repeat_n(b']', depth));
            d.splice(i..i, nest);
        }
        _ => {
            // A digit run turned huge.
            if let Some(i) = d.iter().position(|b| b.is_ascii_digit()) {
                let skip = rng.below(d.len() - i);
                if let Some(k) = d[i + skip..].iter().position(u8::is_ascii_digit) {
                    let k = i + skip + k;
                    d.splice(k..k, b"99999999999999999999".iter().copied());
                }
            }
        }
    }
    d
}

/// Parse as JSON, change one node, write back; `None` if it does not parse.
fn structural(data: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut value: Value = serde_json::from_slice(data).ok()?;
    // Choose a random path first (a JSON pointer), then change the node.
    let mut pointer = String::new();
    let mut at = &value;
    for _ in 0..rng.below(7) {
        let step = match at {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(rng.below(map.len()))?;
                Some((key.replace('~', "~0").replace('/', "~1"), &map[key]))
            }
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                Some((i.to_string(), &items[i]))
            }
            _ => None,
        };
        let Some((token, next)) = step else { break };
        pointer.push('/');
        pointer.push_str(&token);
        at = next;
    }
    let node = value.pointer_mut(&pointer)?;
    match (rng.below(6), &mut *node) {
        (0, Value::Array(items)) if !items.is_empty() => {
            // Duplicate an element (two measures with one number, …).
            let i = rng.below(items.len());
            let copy = items[i].clone();
            items.insert(rng.below(items.len() + 1), copy);
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            let i = rng.below(items.len());
            items.remove(i);
        }
        (2, Value::Array(items)) if items.len() > 1 => {
            let (i, j) = (rng.below(items.len()), rng.below(items.len()));
            items.swap(i, j);
        }
        (3, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(rng.below(map.len()))?.clone();
            map.remove(&key);
        }
        (4, Value::String(s)) => {
            let at = s
                .char_indices()
                .nth(rng.below(s.chars().count() + 1))
                .map_or(s.len(), |(i, _)| i);
            let odd: &str = rng.pick::<&str>(ODD);
            s.insert_str(at, odd);
        }
        _ => *node = odd_value(rng),
    }
    serde_json::to_vec_pretty(&value).ok()
}
