//! Content profiles: each measure as a set of IDF-weighted words, so that
//! similarity rests on the words that tell measures apart rather than on
//! "de", "het" and "van".

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The hasher of the intern table, whose keys are already well-mixed 64-bit
/// word keys ([`word_key`]): it passes them through.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed; any other input is folded in anyway.
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The words of a text: its runs of alphanumeric characters, exactly as
/// `text.split(|c: char| !c.is_alphanumeric())` without the empty pieces,
/// but read a byte at a time where the text is ASCII (nearly all of it), so
/// that only other characters are decoded.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The iterator of [`words`].
#[derive(Debug, Clone)]
pub(crate) struct Words<'a> {
    text: &'a str,
    at: usize,
}

/// What a byte of UTF-8 text is, for [`Words`]: an ASCII separator, an
/// ASCII letter or digit, or part of a character beyond ASCII.
const ASCII_SEPARATOR: u8 = 0;
const ASCII_WORD: u8 = 1;
const BEYOND_ASCII: u8 = 2;
const BYTE_CLASS: [u8; 256] = {
    let mut class = [BEYOND_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_SEPARATOR
        };
        b += 1;
    }
    class
};

impl<'a> Words<'a> {
    /// Whether the character beyond ASCII at byte `i` is a word character,
    /// and its length.
    fn decode_at(&self, i: usize) -> (bool, usize) {
        match self.text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (c.is_alphanumeric(), c.len_utf8()),
            None => (false, 1),
        }
    }

    /// The next word, and whether it is all ASCII.
    pub(crate) fn next_word(&mut self) -> Option<(&'a str, bool)> {
        let bytes = self.text.as_bytes();
        let class = |i: usize| bytes.get(i).map(|b| BYTE_CLASS[usize::from(*b)]);
        // Skip separators.
        loop {
            match class(self.at) {
                None => return None,
                Some(ASCII_WORD) => break,
                Some(ASCII_SEPARATOR) => self.at += 1,
                Some(_) => {
                    let (word, width) = self.decode_at(self.at);
                    if word {
                        break;
                    }
                    self.at += width;
                }
            }
        }
        let start = self.at;
        let mut ascii = true;
        loop {
            match class(self.at) {
                Some(ASCII_WORD) => self.at += 1,
                Some(BEYOND_ASCII) => {
                    let (word, width) = self.decode_at(self.at);
                    if !word {
                        break;
                    }
                    ascii = false;
                    self.at += width;
                }
                _ => break,
            }
        }
        self.text.get(start..self.at).map(|w| (w, ascii))
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next_word().map(|(word, _)| word)
    }
}

/// A 64-bit key for a lowercased word, computed without building the
/// lowercased string: eight bytes at a time, each block mixed in with a
/// multiply-xorshift and the whole finished with the MurmurHash3 finaliser.
/// Two different words of a document share a key with a chance of about
/// n²/2⁶⁵ (n distinct words: below one in ten million for a million words);
/// if they did, they would count as one word in the similarity profile.
/// `ascii` says whether the word is all ASCII, as [`Words::next_word`]
/// tells.
fn word_key(word: &str, ascii: bool, scratch: &mut String) -> u64 {
    let bytes: &[u8] = if ascii {
        word.as_bytes()
    } else {
        scratch.clear();
        scratch.extend(word.chars().flat_map(char::to_lowercase));
        scratch.as_bytes()
    };
    let mut key = Key::new(bytes.len() as u64);
    for chunk in bytes.chunks(8) {
        // Built in a register (bytes stored one by one and read back as a
        // word would stall the load).
        let block = chunk.iter().rev().fold(0u64, |acc, b| {
            (acc << 8) | u64::from(b.to_ascii_lowercase())
        });
        key.mix(block);
    }
    key.finish()
}

/// A 64-bit key folded from a word's parts (word keys here, stem keys in
/// `items.rs`): a multiply-xorshift per part, the MurmurHash3 finaliser at
/// the end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key(u64);

impl Key {
    pub(crate) fn new(seed: u64) -> Key {
        Key(0x243f_6a88_85a3_08d3 ^ seed)
    }

    pub(crate) fn mix(&mut self, part: u64) {
        self.0 = (self.0 ^ part).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 ^= self.0 >> 29;
    }

    pub(crate) fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Interned words of both versions with their document frequency.
#[derive(Debug, Default)]
pub(crate) struct Corpus {
    /// Word key ([`word_key`]) → word id, ids in order of first sight.
    ids: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    /// Number of profiles (of either version) containing each word.
    df: Vec<u32>,
    /// Number of profiles counted in `df`.
    documents: u32,
    /// Each word's stem ([`super::items::stem_key`]) as a dense stem id, so
    /// that the item vocabulary is counted from the words read here rather
    /// than by reading every text again.
    pub(crate) stem_of: Vec<u32>,
    /// Stem key → stem id.
    stem_ids: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    /// Each stem id's key.
    pub(crate) stem_keys: Vec<u64>,
    /// Scratch space for lowercasing non-ASCII words.
    buf: String,
}

/// One measure's words (sorted, unique ids) and a sketch for finding
/// candidates.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Profile {
    /// The words in text order, until [`Corpus::seal`] has made the sketch.
    pub(crate) sequence: Vec<u32>,
    /// Where each part of the text ends in `sequence` (the parts of
    /// [`Corpus::profile`]), until [`Corpus::seal`].
    pub(crate) part_ends: Vec<u32>,
    pub words: Vec<u32>,
    /// Word-trigram hashes: the smallest [`SKETCH`] of them (bottom-k), a
    /// consistent sample, so that similar measures share most entries.
    pub sketch: Vec<u64>,
    /// Sum of the weights of `words`, filled in by [`Corpus::finish`].
    pub weight: f64,
}

/// How many shingle hashes a sketch keeps.
pub(crate) const SKETCH: usize = 24;

impl Corpus {
    /// Profile of a text: its words are counted towards document frequency.
    pub fn profile<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) -> Profile {
        let mut sequence: Vec<u32> = Vec::new();
        let mut part_ends: Vec<u32> = Vec::new();
        for part in parts {
            // About one word in every seven bytes of policy text.
            sequence.reserve(part.len() / 7);
            let mut words = words(part);
            while let Some((word, ascii)) = words.next_word() {
                let key = word_key(word, ascii, &mut self.buf);
                let next = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
                let id = *self.ids.entry(key).or_insert(next);
                if id == next {
                    self.df.push(0);
                    let stem = self.stem_id(super::items::stem_key(word));
                    self.stem_of.push(stem);
                }
                sequence.push(id);
            }
            part_ends.push(u32::try_from(sequence.len()).unwrap_or(u32::MAX));
        }
        let mut words = sequence.clone();
        words.sort_unstable();
        words.dedup();
        for w in &words {
            if let Some(slot) = self.df.get_mut(*w as usize) {
                *slot += 1;
            }
        }
        self.documents += 1;
        Profile {
            sequence,
            part_ends,
            words,
            sketch: Vec::new(),
            weight: 0.0,
        }
    }

    /// Count a copy of a profile made in this corpus towards document
    /// frequency, as if its text had been read again.
    pub fn count_again(&mut self, profile: &Profile) {
        for w in &profile.words {
            if let Some(slot) = self.df.get_mut(*w as usize) {
                *slot += 1;
            }
        }
        self.documents += 1;
    }

    /// The id of a stem key, a new one if unseen.
    fn stem_id(&mut self, key: u64) -> u32 {
        let next = u32::try_from(self.stem_keys.len()).unwrap_or(u32::MAX);
        let id = *self.stem_ids.entry(key).or_insert(next);
        if id == next {
            self.stem_keys.push(key);
        }
        id
    }

    /// Take in the words of a corpus built apart (the other version's, on
    /// another thread), renumbering `profiles` made with it. Ids come out as
    /// if both had been built in one corpus, this one first: the results do
    /// not depend on how the work was shared.
    pub fn absorb(&mut self, other: Corpus, profiles: &mut [Profile]) {
        let mut words: Vec<(u64, u32)> = other.ids.into_iter().collect();
        words.sort_unstable_by_key(|(_, id)| *id);
        let mut to_global = vec![0u32; words.len()];
        for (key, local) in words {
            let next = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
            let global = *self.ids.entry(key).or_insert(next);
            if global == next {
                // A word the other version alone has: its stem comes along.
                self.df.push(0);
                let stem = other
                    .stem_of
                    .get(local as usize)
                    .and_then(|s| other.stem_keys.get(*s as usize));
                let stem = self.stem_id(stem.copied().unwrap_or_default());
                self.stem_of.push(stem);
            }
            let df = other.df.get(local as usize).copied().unwrap_or(0);
            if let Some(slot) = self.df.get_mut(global as usize) {
                *slot += df;
            }
            if let Some(slot) = to_global.get_mut(local as usize) {
                *slot = global;
            }
        }
        self.documents += other.documents;
        let map = |w: &mut u32| *w = to_global.get(*w as usize).copied().unwrap_or(*w);
        for p in profiles {
            p.sequence.iter_mut().for_each(map);
            p.words.iter_mut().for_each(map);
            p.words.sort_unstable();
        }
    }

    /// Make each profile's sketch from its word sequence (once the ids are
    /// final), then drop the sequence.
    pub fn seal(profiles: &mut [Profile]) {
        use rayon::prelude::*;
        profiles.par_iter_mut().for_each(|p| {
            let sequence = std::mem::take(&mut p.sequence);
            p.part_ends = Vec::new();
            p.sketch = if sequence.len() >= 3 {
                bottom(
                    sequence
                        .windows(3)
                        .map(|w| mix(mix(mix(0x9e37_79b9_7f4a_7c15, w[0]), w[1]), w[2])),
                )
            } else {
                bottom(sequence.iter().map(|w| mix(0x51_7cc1_b727_220a, *w)))
            };
        });
    }

    /// Inverse document frequency: rare words weigh more.
    pub fn weights(&self) -> Vec<f64> {
        let n = f64::from(self.documents.max(1));
        self.df
            .iter()
            .map(|df| (1.0 + n / f64::from((*df).max(1))).ln())
            .collect()
    }

    /// How often each word turns up in a measure, for judging what overlap
    /// two unrelated measures reach by chance (see [`Chance`]).
    /// `distinct_words` is the sum of the profiles' distinct words.
    pub fn chance(&self, distinct_words: usize) -> Chance {
        let n = f64::from(self.documents.max(1));
        Chance {
            log_absent: self
                .df
                .iter()
                .map(|df| (1.0 - f64::from(*df) / n).max(0.0).ln())
                .collect(),
            mean_words: (distinct_words as f64 / n).max(1.0),
        }
    }

    /// Fill in each profile's total weight.
    pub fn finish(weights: &[f64], profiles: &mut [Profile]) {
        use rayon::prelude::*;
        profiles.par_iter_mut().for_each(|p| {
            p.weight = p.words.iter().map(|w| weight(weights, *w)).sum();
        });
    }
}

/// What word overlap two unrelated measures of these versions reach by
/// chance. On text written with few distinct words, any two measures share
/// much of their vocabulary, and a similarity that would prove a pair in a
/// policy text with thousands of distinct words proves nothing there.
///
/// The model: a word found in a share `p` of all measures turns up in a
/// measure of typical length with chance `p`, and in one `k` times as long
/// with chance `1 − (1 − p)^k`. Summed over one measure's words, that gives
/// the weight it is expected to share with an unrelated measure of the
/// other's length, and the spread of that figure.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chance {
    /// `ln(1 − p)` for each word.
    log_absent: Vec<f64>,
    /// Distinct words in a measure, on average.
    mean_words: f64,
}

/// How many standard deviations above the expected chance overlap a pair's
/// similarity must be. Candidates are the measures that look most alike out
/// of thousands, so the bar sits far out in the tail: in a low-vocabulary
/// programme of 3,000 measures (`tests/align_weak_pairs.rs`) unrelated
/// candidates reach 4.2 deviations, pairs with three words changed 7.9.
pub(crate) const CHANCE_DEVIATIONS: f64 = 6.0;

impl Chance {
    /// Expected weight `part` shares by chance with an unrelated measure of
    /// `other_words` distinct words, and its variance.
    fn shared(&self, weights: &[f64], part: &Profile, other_words: usize) -> (f64, f64) {
        if other_words == 0 {
            return (0.0, 0.0);
        }
        let k = other_words as f64 / self.mean_words;
        let (mut mean, mut variance) = (0.0, 0.0);
        for w in &part.words {
            let log_absent = self.log_absent.get(*w as usize).copied().unwrap_or(0.0);
            // A word in every measure: `ln 0` is −∞ and `exp(−∞)` is 0.
            let q = (1.0 - (k * log_absent).exp()).clamp(0.0, 1.0);
            let wt = weight(weights, *w);
            mean += wt * q;
            variance += wt * wt * q * (1.0 - q);
        }
        (mean, variance)
    }

    /// The similarity (weighted Dice) two unrelated measures shaped like
    /// `a` and `b` stay below but for a rare chance: the expected overlap
    /// plus [`CHANCE_DEVIATIONS`] standard deviations, each side's words
    /// judged against the other's length and the two views averaged.
    pub(crate) fn bar(&self, weights: &[f64], a: &Profile, b: &Profile) -> f64 {
        let total = a.weight + b.weight;
        if total <= 0.0 {
            return 0.0;
        }
        let (ma, va) = self.shared(weights, a, b.words.len());
        let (mb, vb) = self.shared(weights, b, a.words.len());
        let mean = (ma + mb) / 2.0;
        let sd = ((va + vb) / 2.0).sqrt();
        (2.0 * (mean + CHANCE_DEVIATIONS * sd) / total).clamp(0.0, 1.0)
    }
}

/// The [`SKETCH`] smallest distinct hashes, in order: what sorting all of
/// them, dropping repeats and keeping the first [`SKETCH`] gives, without
/// holding them all.
fn bottom(hashes: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut kept: Vec<u64> = Vec::with_capacity(SKETCH + 1);
    for h in hashes {
        if kept.len() == SKETCH && kept.last().is_some_and(|&last| h >= last) {
            continue;
        }
        if let Err(at) = kept.binary_search(&h) {
            kept.insert(at, h);
            kept.truncate(SKETCH);
        }
    }
    kept
}

fn weight(weights: &[f64], word: u32) -> f64 {
    weights.get(word as usize).copied().unwrap_or(0.0)
}

fn mix(h: u64, v: u32) -> u64 {
    (h ^ u64::from(v))
        .wrapping_mul(0x0100_0000_01b3)
        .rotate_left(29)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Weight of the words the two profiles share.
pub(crate) fn shared(weights: &[f64], a: &Profile, b: &Profile) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.words.len() && j < b.words.len() {
        match a.words[i].cmp(&b.words[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weight(weights, a.words[i]);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Weighted Dice coefficient in 0..=1: symmetric similarity of two profiles.
pub(crate) fn dice(weights: &[f64], a: &Profile, b: &Profile) -> f64 {
    let total = a.weight + b.weight;
    if total <= 0.0 {
        return if a.words.is_empty() && b.words.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    (2.0 * shared(weights, a, b) / total).clamp(0.0, 1.0)
}

/// How much of `part`'s weight is also in `whole`, in 0..=1.
pub(crate) fn containment(weights: &[f64], part: &Profile, whole: &Profile) -> f64 {
    if part.weight <= 0.0 {
        return 0.0;
    }
    (shared(weights, part, whole) / part.weight).clamp(0.0, 1.0)
}

/// Plain (unweighted) Dice over the words of two short texts, for aligning
/// items, goals and other small lists where no corpus is at hand.
pub(crate) fn word_dice(a: &str, b: &str) -> f64 {
    set_dice(&word_set(a), &word_set(b))
}

/// The distinct lower-cased words of a text, sorted.
pub(crate) fn word_set(s: &str) -> Vec<String> {
    let mut v: Vec<String> = words(s).map(str::to_lowercase).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Dice coefficient of two word sets made by [`word_set`].
pub(crate) fn set_dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split_words(s: &str) -> Vec<&str> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits_in_any_script() {
        for s in [
            "",
            "  ",
            "maatregel 30, zie ook maatregelen 31 en 32a.",
            "coördinatie—ĳzer Één_één ß²",
            "naïef…·x",
            "é",
            "a\u{300}b \u{2028}c",
        ] {
            assert_eq!(words(s).collect::<Vec<_>>(), split_words(s), "{s:?}");
        }
    }

    #[test]
    fn every_distinct_word_gets_an_id_of_its_own_whatever_its_case() {
        // Words of one to twelve characters, so that keys are mixed from a
        // part block and from one and a half blocks.
        let text: Vec<String> = (0..20_000)
            .map(|i| match i % 3 {
                0 => format!("w{i}"),
                1 => format!("maatregel{i}"),
                _ => char::from(b'a' + (i % 26) as u8).to_string() + &i.to_string(),
            })
            .collect();
        let distinct = {
            let mut t = text.clone();
            t.sort_unstable();
            t.dedup();
            t.len()
        };
        let mut corpus = Corpus::default();
        let p = corpus.profile(text.iter().map(String::as_str));
        assert_eq!(p.words.len(), distinct);
        // Single letters too, and case is no difference.
        let letters = corpus.profile(["a b c d e f g h i j k l m n o p q r s t u v w x y z"]);
        assert_eq!(letters.words.len(), 26);
        let upper = corpus.profile(["A B C D E F G H I J K L M N O P Q R S T U V W X Y Z"]);
        assert_eq!(upper.words, letters.words);
    }

    proptest! {
        #[test]
        fn words_read_a_byte_at_a_time_equal_a_split_on_characters(s in "\\PC{0,60}|[a-zé ,.0-9ĳ]{0,60}") {
            prop_assert_eq!(words(&s).collect::<Vec<_>>(), split_words(&s));
            let mut read = words(&s);
            while let Some((word, ascii)) = read.next_word() {
                prop_assert_eq!(ascii, word.is_ascii(), "{:?}", word);
            }
        }

        #[test]
        fn a_sketch_keeps_the_smallest_distinct_hashes_in_order(
            // Few distinct values, so that repeats are common; lengths on
            // both sides of the sketch size.
            hashes in proptest::collection::vec(0u64..64, 0..80),
        ) {
            let mut all = hashes.clone();
            all.sort_unstable();
            all.dedup();
            all.truncate(SKETCH);
            prop_assert_eq!(bottom(hashes.into_iter()), all);
        }
    }
}
