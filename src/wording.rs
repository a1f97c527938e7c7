//! Words that agree with a count, for messages and reports of every stage.

/// `one` for a count of 1, else `many`: `measure`, `measures`.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The count and the noun that agrees with it: `1 measure`, `3 measures`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        assert_eq!(count(1, "measure", "measures"), "1 measure");
        assert_eq!(count(0, "measure", "measures"), "0 measures");
        assert_eq!(count(2, "status is", "statuses are"), "2 statuses are");
    }
}
