//! The one escaping layer every text sink goes through: reports on stdout or
//! in `-o` files, `error:`/`warning:` lines on stderr, GitHub annotations.
//!
//! Snapshot text comes from strangers (pull requests, extracted documents),
//! so a title may hold ESC sequences that would drive the reader's terminal,
//! a carriage return that overwrites a line, or a bidi override (U+202E) that
//! makes text read backwards. Renderers build reports freely; the finished
//! report then passes through here once, for its medium:
//!
//! - for people (terminal text, Markdown, HTML, annotations, messages):
//!   C0 controls but tab and newline, DEL and C1 controls become visible
//!   pictures (`␛`, `␍`, `⟨U+0085⟩`), and bidi and line-separator controls
//!   become `⟨U+202E⟩`: shown, never obeyed;
//! - for JSON: the same characters are written as `\uXXXX` escapes, which
//!   keeps the value and keeps `jq -r` from printing them raw.
//!
//! Colour is the one control sequence policydiff itself writes. The palette
//! marks it with [`SGR`] (a Unicode noncharacter) instead of ESC; only the
//! terminal medium with colour on turns that mark into ESC, and only in the
//! shape of a colour sequence (`[`, digits and `;`, `m`). Everywhere else the
//! mark is shown like any other unexpected character.

use std::borrow::Cow;

/// Stands for ESC in the colour sequences the palette writes.
pub const SGR: char = '\u{FDD0}';

/// Where a finished report goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// A terminal or a plain-text file; `colour` lets the palette's colour
    /// sequences through.
    Text { colour: bool },
    /// Markdown, HTML, GitHub annotations: read by people, rendered by
    /// other programs.
    Document,
    /// JSON (or any format whose strings escape `\uXXXX`).
    Json,
}

/// `report` made inert for `medium`; borrowed when nothing needed changing.
pub fn inert(report: &str, medium: Medium) -> Cow<'_, str> {
    if !report.chars().any(|c| needs_escape(c) || c == SGR) {
        return Cow::Borrowed(report);
    }
    let mut out = String::with_capacity(report.len() + 16);
    let mut chars = report.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == SGR {
            if medium == (Medium::Text { colour: true }) {
                if let Some(len) = colour_sequence_len(&report[at + c.len_utf8()..]) {
                    out.push('\u{1b}');
                    let rest = &report[at + c.len_utf8()..at + c.len_utf8() + len];
                    out.push_str(rest);
                    for _ in 0..rest.chars().count() {
                        chars.next();
                    }
                    continue;
                }
            }
            push_visible(&mut out, c, medium);
        } else if needs_escape(c) {
            push_visible(&mut out, c, medium);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A one-line message for stderr (`error: …`): made inert, and kept on one
/// line only if it was one.
pub fn message(text: &str) -> Cow<'_, str> {
    inert(text, Medium::Document)
}

/// Whether a character would act on a terminal, or reorder text, instead of
/// being shown.
pub fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char, medium: Medium) {
    if medium == Medium::Json {
        out.push_str(&format!("\\u{:04x}", c as u32));
        return;
    }
    push_shown(out, c);
}

/// A character that [`needs_escape`] as people see it: `␛`, `⟨U+202E⟩`.
/// Escapers that run before the sink (HTML, Markdown) use it too, so that a
/// renderer's output reads the same whether or not it has passed the sink.
pub fn push_shown(out: &mut String, c: char) {
    match c {
        // Control Pictures: ␀ … ␟, and ␡ for DEL.
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        _ => out.push_str(&format!("⟨U+{:04X}⟩", c as u32)),
    }
}

/// The length of `[` digits-and-semicolons `m` at the start of `s`.
fn colour_sequence_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('[')?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(params) == Some(&b'm')).then_some(params + 2)
}

/// A writer that makes everything written through it inert for people, for
/// stderr. Each write is one formatted piece, whole characters.
#[derive(Debug)]
pub struct InertWriter<W>(pub W);

impl<W: std::io::Write> std::io::Write for InertWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0
            .write_all(inert(&text, Medium::Document).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc\rd\u{8}e\u{202e}f\u{9b}g\u{7f}";

    #[test]
    fn no_control_character_survives_for_people() {
        for medium in [
            Medium::Text { colour: false },
            Medium::Text { colour: true },
            Medium::Document,
        ] {
            let out = inert(HOSTILE, medium);
            assert!(!out.chars().any(needs_escape), "{medium:?}: {out:?}");
            assert_eq!(
                out, "a␛]0;pwned␇b␛[2Jc␍d␈e⟨U+202E⟩f⟨U+009B⟩g␡",
                "{medium:?}"
            );
        }
    }

    #[test]
    fn json_keeps_the_value_as_escapes() {
        let json = serde_json::to_string(HOSTILE).unwrap();
        let out = inert(&json, Medium::Json);
        assert!(!out.chars().any(needs_escape), "{out}");
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, HOSTILE);
    }

    #[test]
    fn only_the_palettes_colour_reaches_a_colour_terminal() {
        let painted = format!("{SGR}[31;9mold{SGR}[0m and {SGR}]0;title");
        assert_eq!(
            inert(&painted, Medium::Text { colour: true }),
            "\u{1b}[31;9mold\u{1b}[0m and ⟨U+FDD0⟩]0;title"
        );
        assert_eq!(
            inert(&painted, Medium::Text { colour: false }),
            "⟨U+FDD0⟩[31;9mold⟨U+FDD0⟩[0m and ⟨U+FDD0⟩]0;title"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Maatregel 1 — “Versterkt”\n\tİ ß ✓ العربية";
        assert!(matches!(inert(text, Medium::Document), Cow::Borrowed(_)));
    }
}
