//! What a version id may be: it names a folder in `versions/`, so it must be
//! a file name that works in every checkout — Windows refuses device names
//! (`CON`, `nul`, `aux.txt`) and names ending in a dot or a space.

/// The longest id: folder names stay well inside every file system's limit.
pub const MAX_ID_LEN: usize = 100;

/// Why `id` cannot name a version, or `None` when it can.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("the id is empty".to_string());
    }
    if id.len() > MAX_ID_LEN {
        return Some(format!("the id is longer than {MAX_ID_LEN} characters"));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Some(format!("the id contains {c:?}"));
    }
    if id.starts_with('.') || id.ends_with('.') {
        return Some("the id starts or ends with a dot".to_string());
    }
    let stem = id.split('.').next().unwrap_or(id).to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        return Some(format!(
            "`{stem}` is a device name that Windows cannot use as a folder"
        ));
    }
    None
}

/// The sentence every refusal ends with.
pub const ID_FIX: &str =
    "use ASCII letters, digits, `-`, `_` and inner dots, e.g. `actieprogramma-2015`";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_break_a_checkout_somewhere_are_refused() {
        for bad in [
            "",
            "CON",
            "nul",
            "aux.txt",
            "Com1",
            "lpt9.json",
            "x.",
            ".x",
            "a b",
            "a/b",
            "a\\b",
            "a:b",
            "ü",
            "x\u{1b}",
        ] {
            assert!(id_problem(bad).is_some(), "{bad:?} was accepted");
        }
        assert!(id_problem(&"x".repeat(MAX_ID_LEN + 1)).is_some());
        for good in [
            "actieprogramma-2014",
            "samenvatting-2014",
            "v1.2",
            "console",
            "com",
            "COM10",
        ] {
            assert_eq!(id_problem(good), None, "{good:?} was refused");
        }
    }
}
