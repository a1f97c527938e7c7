//! Escaping for HTML: every piece of text that comes from a snapshot passes
//! through [`escape`] before it reaches a report, in element content and in
//! attribute values alike, so that data can never become markup.

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
/// safe in element content and in quoted attribute values.
///
/// Control characters are not allowed in HTML; like bidi controls they are
/// made visible by [`crate::render::inert`] first.
/// Before that, the text passes [`crate::render::inert`]: control and bidi
/// characters are made visible, absurdly long words cut.
pub fn escape(text: &str) -> String {
    let text = crate::render::inert::inert(text);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A fragment identifier made only of ASCII letters, digits and `-`, from
/// parts that may be anything.
pub fn slug(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push('-');
        }
        for c in part.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_becomes_a_reference() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn control_characters_become_visible_but_line_breaks_stay() {
        assert_eq!(escape("a\u{0}b\nc\u{202e}"), "a␀b\nc\\u{202e}");
    }

    #[test]
    fn slugs_keep_only_safe_characters() {
        assert_eq!(slug(&["measure", "12"]), "measure-12");
        assert_eq!(slug(&["x\"><img", "b.ii"]), "x-img-b-ii");
    }
}
