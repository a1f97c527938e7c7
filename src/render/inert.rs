//! The one escaping layer every text sink uses (terminal text and its
//! tables, `error:` lines, GitHub annotations, Markdown, HTML): characters
//! that could act on a terminal or reorder what a reader sees are made
//! visible and inert, so data never reaches a screen as a control sequence.
//!
//! - C0 controls (ESC, BEL, BS, CR, …) and DEL become their Unicode control
//!   pictures: ESC → `␛`, BEL → `␇`, CR → `␍`, DEL → `␡`. Line feed and tab
//!   stay (each format lays them out as white space).
//! - C1 controls (U+0080–U+009F), the bidi controls (U+202A–U+202E,
//!   U+2066–U+2069, U+200E, U+200F, U+061C) and the noncharacter the
//!   terminal palette uses as its own marker (U+FDD0) become the text
//!   `\u{…}` in hexadecimal, e.g. `\u{202e}`.
//!
//! JSON keeps the value: [`json`] writes the same characters as `\uXXXX`
//! escapes (serde_json escapes only C0), so that `jq -r` cannot print them
//! raw.
//!
//! Apart from that, [`shorten`] cuts words longer than [`LONG_WORD`]
//! characters, with a note of how many characters were left out, so that no
//! table layout works on a megabyte of unbroken text (terminal table cells,
//! `error:` lines and GitHub annotations use it).
//!
//! The terminal palette paints with a mark of its own instead of ESC
//! ([`mark`]: U+FDD0 and a random key of this process, spelled in the
//! noncharacters U+FDD0–U+FDDF); [`terminal`] makes the whole report inert
//! and only then turns the palette's marks into real escape sequences. Data
//! cannot forge a mark: its noncharacters are made visible, and it cannot
//! know the key.

use std::borrow::Cow;

/// The most characters a word keeps in a report; longer words are cut.
pub const LONG_WORD: usize = 200;

/// Starts a mark that stands for ESC in painted text until [`terminal`]
/// writes it out.
pub const MARK: char = '\u{FDD0}';

/// The key that follows [`MARK`]: 64 random bits of this process as 16
/// noncharacters U+FDD0–U+FDDF.
fn key() -> &'static str {
    use std::hash::{BuildHasher, Hasher};
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let mut bits = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let mut key = String::new();
        for _ in 0..16 {
            // Nibbles 0..=15 map into U+FDD0..=U+FDDF, all valid chars.
            key.push(char::from_u32(0xFDD0 + (bits & 0xF) as u32).unwrap_or(MARK));
            bits >>= 4;
        }
        key
    })
}

/// What the palette writes where ESC belongs.
pub fn mark() -> String {
    format!("{MARK}{}", key())
}

/// Whether `c` must not reach a reader as itself.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FDD0}'..='\u{FDEF}')
}

fn push_inert(out: &mut String, c: char) {
    match c {
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7f}' => out.push('\u{2421}'),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `text` with every dangerous character made visible. Borrows when
/// nothing needs to change.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_dangerous(c) {
            push_inert(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with every word longer than [`LONG_WORD`] characters cut, and a
/// note of how many characters were left out. Borrows when no word is that
/// long.
pub fn shorten(text: &str) -> Cow<'_, str> {
    if !has_long_word(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(LONG_WORD * 2);
    let mut run = 0usize;
    let mut cut = 0usize;
    for c in text.chars() {
        if c.is_whitespace() {
            note_cut(&mut out, &mut cut);
            run = 0;
        } else {
            run += 1;
            if run > LONG_WORD {
                cut += 1;
                continue;
            }
        }
        out.push(c);
    }
    note_cut(&mut out, &mut cut);
    Cow::Owned(out)
}

fn note_cut(out: &mut String, cut: &mut usize) {
    if *cut > 0 {
        out.push_str(&format!("… [{} more characters]", *cut));
        *cut = 0;
    }
}

fn has_long_word(text: &str) -> bool {
    if text.len() <= LONG_WORD {
        return false;
    }
    let mut run = 0usize;
    for c in text.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
            if run > LONG_WORD {
                return true;
            }
        }
    }
    false
}

/// A whole terminal report made inert, then the palette's marks (and only
/// those: [`mark`] followed by one of the few colour styles the palette and
/// comfy-table write) turned into escape sequences. Anything else that looks
/// like a mark is made visible.
pub fn terminal(report: &str) -> String {
    let mut out = String::with_capacity(report.len());
    let mut rest = report;
    let key = key();
    while let Some(pos) = rest.find(MARK) {
        out.push_str(&inert(&rest[..pos]));
        let after = &rest[pos + MARK.len_utf8()..];
        let style = after
            .strip_prefix(key)
            .and_then(|s| palette_style(s).map(|len| &s[..len]));
        match style {
            Some(style) => {
                out.push('\x1b');
                out.push_str(style);
                rest = &after[key.len() + style.len()..];
            }
            None => {
                push_inert(&mut out, MARK);
                rest = after;
            }
        }
    }
    out.push_str(&inert(rest));
    out
}

/// The length of a palette style (`[31;9m`) at the start of `s`, or of a
/// table cell's colour (`[38;5;11m`, `[39m`) that comfy-table writes.
fn palette_style(s: &str) -> Option<usize> {
    const STYLES: [&str; 10] = [
        "[0m", "[1m", "[2m", "[31m", "[32m", "[33m", "[36m", "[31;9m", "[32;4m", "[39m",
    ];
    if let Some(p) = STYLES.iter().find(|p| s.starts_with(**p)) {
        return Some(p.len());
    }
    let digits = s.strip_prefix("[38;5;")?;
    let n = digits.chars().take_while(char::is_ascii_digit).count();
    ((1..=3).contains(&n) && digits[n..].starts_with('m')).then_some(6 + n + 1)
}

/// A table whose every data cell went through [`inert`] (see
/// `render::text::cell`): its escape sequences are comfy-table's own
/// colours, marked here so that [`terminal`] keeps them.
pub fn trusted_table(table: &str) -> String {
    table.replace('\x1b', &mark())
}

/// A JSON document with DEL, C1, bidi and line-separator characters written
/// as `\uXXXX` escapes. In valid JSON they can stand only inside strings,
/// where the escape means the same character, so the value is unchanged.
pub fn json(text: &str) -> Cow<'_, str> {
    let Some(first) = first_raw_in_json(text) else {
        return Cow::Borrowed(text);
    };
    // `first` starts a character; were it not, the whole text is read.
    let (clean, rest) = text.split_at_checked(first).unwrap_or(("", text));
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(clean);
    for c in rest.chars() {
        if raw_in_json(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The characters [`json`] escapes.
fn raw_in_json(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Where the first character [`json`] escapes starts. Reports run to many
/// megabytes, so the text is searched for the bytes such a character can
/// start with (DEL is `7F`; the others are encoded from `C2`, `D8` or `E2`)
/// and decoded only there; none of these bytes continues a character, so
/// each starts one.
fn first_raw_in_json(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let del = memchr::memchr(0x7f, bytes);
    let searched = del.map_or(bytes, |at| &bytes[..at]);
    memchr::memchr3_iter(0xc2, 0xd8, 0xe2, searched)
        .find(|&at| {
            text.get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(raw_in_json)
        })
        .or(del)
}

/// A writer of a JSON document that escapes what [`json`] escapes on the
/// way through, so that a report is written as it is serialised rather
/// than held whole. It gathers what it is given and escapes it a chunk at a
/// time; a character cut by the chunk's end waits for the next one. Call
/// `flush` at the end: what is still gathered is written only then.
#[derive(Debug)]
pub struct JsonWriter<W: std::io::Write> {
    inner: W,
    gathered: Vec<u8>,
    /// How much is gathered before it is escaped and written.
    chunk: usize,
}

/// How much a [`JsonWriter`] gathers before it escapes and writes.
const JSON_CHUNK: usize = 1 << 16;

impl<W: std::io::Write> JsonWriter<W> {
    pub fn new(inner: W) -> Self {
        Self::with_chunk(inner, JSON_CHUNK)
    }

    fn with_chunk(inner: W, chunk: usize) -> Self {
        JsonWriter {
            inner,
            gathered: Vec::with_capacity(chunk + 1024),
            chunk,
        }
    }

    /// Escape and write what is gathered, all but a character cut at its
    /// end (unless `all`).
    fn pass(&mut self, all: bool) -> std::io::Result<()> {
        let (text, whole) = match std::str::from_utf8(&self.gathered) {
            Ok(text) => (Cow::Borrowed(text), text.len()),
            // Only a character cut at the end waits.
            Err(e) if e.error_len().is_none() && !all => {
                let (head, _) = self.gathered.split_at(e.valid_up_to());
                (String::from_utf8_lossy(head), head.len())
            }
            // Bytes that are no UTF-8 at all (no serialiser writes them) are
            // replaced, never written raw.
            Err(_) => (String::from_utf8_lossy(&self.gathered), self.gathered.len()),
        };
        self.inner.write_all(json(&text).as_bytes())?;
        self.gathered.drain(..whole);
        Ok(())
    }
}

impl<W: std::io::Write> std::io::Write for JsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    // A serialiser writes a great many short pieces, each with `write_all`:
    // taken whole here, without the default's loop.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.gathered.extend_from_slice(buf);
        if self.gathered.len() >= self.chunk {
            self.pass(false)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass(true)?;
        self.inner.flush()
    }
}

/// A writer that makes everything written through it inert: for stderr,
/// where warnings quote input (ids, paths, snapshot text). Each write is one
/// formatted piece, whole characters.
#[derive(Debug)]
pub struct InertWriter<W>(pub W);

impl<W: std::io::Write> std::io::Write for InertWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(inert(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_the_value_as_escapes() {
        let hostile = "a\u{1b}b\u{202e}c\u{9b}d\u{7f}";
        let doc = serde_json::to_string(hostile).unwrap();
        let out = json(&doc);
        assert!(!out.contains('\u{202e}') && !out.contains('\u{9b}') && !out.contains('\u{7f}'));
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, hostile);
    }

    #[test]
    fn json_escapes_each_character_of_its_set_standing_alone_and_none_of_their_neighbours() {
        let ranges = [0x7e..=0xa0, 0x61b..=0x61d, 0x200d..=0x2030, 0x2065..=0x206a];
        let mut escaped = 0;
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let text = format!("één {c} twee");
            let out = json(&text);
            if raw_in_json(c) {
                escaped += 1;
                assert_eq!(out, format!("één \\u{:04x} twee", c as u32), "{c:?}");
            } else {
                assert!(matches!(out, Cow::Borrowed(_)), "{c:?}");
            }
        }
        // DEL, 32 C1 controls, ALM, LRM, RLM, LS, PS, 5 embeddings, 4 isolates.
        assert_eq!(escaped, 1 + 32 + 1 + 2 + 2 + 5 + 4);
    }

    /// `pieces` written one by one through a [`JsonWriter`] that escapes
    /// every `chunk` bytes.
    fn written(pieces: &[&[u8]], chunk: usize) -> Vec<u8> {
        use std::io::Write;
        let mut out = Vec::new();
        let mut w = JsonWriter::with_chunk(&mut out, chunk);
        for p in pieces {
            w.write_all(p).unwrap();
        }
        w.flush().unwrap();
        drop(w);
        out
    }

    #[test]
    fn json_written_in_pieces_escapes_a_character_cut_between_two_chunks_once_whole() {
        // U+202E is E2 80 AE: cut after each of its bytes in turn.
        let text = "a\u{202e}b\u{7f}";
        let bytes = text.as_bytes();
        for cut in 1..bytes.len() {
            let (head, tail) = bytes.split_at(cut);
            assert_eq!(
                written(&[head, tail], 1),
                b"a\\u202eb\\u007f",
                "cut at {cut}"
            );
        }
        // Nothing is written before the flush but whole chunks.
        assert_eq!(written(&[], 1), b"");
        // Bytes that are no UTF-8 are replaced; what stands around them is
        // escaped all the same.
        let broken: &[u8] = b"\xe2\x80\xae \xff\xfe \x7f";
        for chunk in [1, 4, 64] {
            assert_eq!(
                String::from_utf8(written(&[broken], chunk)).unwrap(),
                "\\u202e \u{fffd}\u{fffd} \\u007f",
                "chunk {chunk}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn json_written_in_any_pieces_and_chunks_equals_json_of_the_whole(
            text in "([a-z ]|[\u{7e}-\u{a0}]|[\u{200d}-\u{2030}]|\\PC){0,40}",
            cuts in proptest::collection::vec(0usize..200, 0..6),
            chunk in 1usize..12,
        ) {
            let bytes = text.as_bytes();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (bytes.len() + 1)).collect();
            cuts.sort_unstable();
            let mut pieces = Vec::new();
            let mut at = 0;
            for c in cuts {
                pieces.push(&bytes[at..c]);
                at = c;
            }
            pieces.push(&bytes[at..]);
            proptest::prop_assert_eq!(
                String::from_utf8(written(&pieces, chunk)).unwrap(),
                json(&text).into_owned()
            );
        }

        #[test]
        fn json_escapes_exactly_the_characters_it_names_wherever_they_stand(
            // Text around every character of the set and its neighbours
            // (sharing their lead bytes), and any character at all.
            text in "([a-zé\"\\\\ ]|[\u{7e}-\u{a0}]|[\u{61b}-\u{61d}]|[\u{200d}-\u{2030}]|[\u{2065}-\u{206a}]|\\PC|\\p{Cc}){0,40}",
        ) {
            let expected: String = text
                .chars()
                .map(|c| if raw_in_json(c) { format!("\\u{:04x}", c as u32) } else { c.to_string() })
                .collect();
            let out = json(&text);
            proptest::prop_assert_eq!(matches!(out, Cow::Borrowed(_)), expected == text);
            proptest::prop_assert_eq!(out.as_ref(), expected.as_str());
        }
    }

    #[test]
    fn escape_bell_backspace_and_carriage_return_become_pictures() {
        assert_eq!(inert("a\x1b[2Jb\x07\x08\r\x7f"), "a␛[2Jb␇␈␍␡");
    }

    #[test]
    fn bidi_and_c1_controls_become_visible_code_points() {
        assert_eq!(
            inert("x\u{202e}y\u{2066}\u{9b}"),
            "x\\u{202e}y\\u{2066}\\u{9b}"
        );
    }

    #[test]
    fn line_feeds_tabs_and_ordinary_text_stay() {
        assert!(matches!(inert("één\tregel\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_absurdly_long_word_is_cut_with_a_note() {
        let long = "x".repeat(LONG_WORD + 50);
        let text = format!("a {long} b");
        let out = shorten(&text);
        assert_eq!(
            out,
            format!("a {}… [50 more characters] b", "x".repeat(LONG_WORD))
        );
    }

    #[test]
    fn only_the_palettes_own_marks_become_escape_sequences() {
        let m = mark();
        let painted = format!("{m}[31mred{m}[0m \x1b[2J {m}]0;title\x07");
        assert_eq!(
            terminal(&painted),
            format!("\x1b[31mred\x1b[0m ␛[2J {}]0;title␇", inert(&m))
        );
    }

    #[test]
    fn data_cannot_forge_a_palette_mark_without_the_key() {
        let forged = format!("{MARK}[31mred{MARK}{}[0m", "\u{FDD0}".repeat(16));
        let out = terminal(&forged);
        assert!(!out.contains('\x1b'), "{out}");
        assert!(out.starts_with("\\u{fdd0}[31mred"), "{out}");
    }
}
