//! Item labels: lettered items a, b, c … and, nested in them, roman
//! sub-items i, ii, iii ….

/// The label the item at `index` (0-based) of a list at `depth` should have:
/// depth 0 is lettered, depth 1 is roman.
pub fn expected(depth: usize, index: usize) -> String {
    if depth == 0 {
        letter(index)
    } else {
        roman(index + 1)
    }
}

/// `a`, `b`, … `z`, then `aa`, `ab` … (never reached in practice).
pub fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Lower-case roman numeral of `n` (1-based).
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The 1-based position a roman label stands for, if it is one.
pub fn roman_value(label: &str) -> Option<usize> {
    (1..=50).find(|n| roman(*n) == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_letters_then_romans() {
        assert_eq!(expected(0, 0), "a");
        assert_eq!(expected(0, 7), "h");
        assert_eq!(expected(0, 26), "aa");
        assert_eq!(expected(1, 0), "i");
        assert_eq!(expected(1, 3), "iv");
        assert_eq!(roman(9), "ix");
        assert_eq!(roman_value("iii"), Some(3));
        assert_eq!(roman_value("b"), None);
    }
}
