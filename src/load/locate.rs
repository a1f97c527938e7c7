//! Finding the line of a JSON path in a snapshot file, so that schema errors
//! and check findings can point at the place to fix.
//!
//! serde_json keeps no positions once a value is parsed; instead each step of
//! the path is parsed again as borrowed raw JSON, and the position of the
//! borrowed slice inside the file text gives the line.

use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// A path into a JSON document: `measures[19].items[1].label`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsonPath(Vec<Step>);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Step {
    Key(String),
    Index(usize),
}

impl JsonPath {
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// This path with an object key appended.
    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_string()));
        JsonPath(steps)
    }

    /// This path with an array index appended.
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        JsonPath(steps)
    }

    /// The 1-based line where the value at this path starts in `text`, or the
    /// line of the deepest part of the path that exists.
    pub fn line_in(&self, text: &str) -> usize {
        let mut current: &str = text;
        for step in &self.0 {
            let next = match step {
                Step::Key(k) => serde_json::from_str::<BTreeMap<&str, &RawValue>>(current)
                    .ok()
                    .and_then(|map| map.get(k.as_str()).map(|v| v.get())),
                Step::Index(i) => serde_json::from_str::<Vec<&RawValue>>(current)
                    .ok()
                    .and_then(|list| list.get(*i).map(|v| v.get())),
            };
            match next {
                Some(slice) => current = slice,
                None => break,
            }
        }
        line_of_offset(text, offset_in(text, current))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return write!(f, "(top level)");
        }
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if n == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// Byte offset of `inner` (a slice borrowed from `outer`) inside `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    let start = outer.as_ptr() as usize;
    let at = inner.as_ptr() as usize;
    at.checked_sub(start)
        .filter(|o| *o <= outer.len())
        .unwrap_or(0)
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_lines_point_at_the_value() {
        let text = "{\n  \"a\": 1,\n  \"list\": [\n    {\"x\": 1},\n    {\n      \"x\": 2\n    }\n  ]\n}\n";
        assert_eq!(JsonPath::root().key("a").line_in(text), 2);
        assert_eq!(JsonPath::root().key("list").index(1).line_in(text), 5);
        assert_eq!(
            JsonPath::root().key("list").index(1).key("x").line_in(text),
            6
        );
        // A path that runs off the end stops at the deepest existing value.
        assert_eq!(JsonPath::root().key("list").index(7).line_in(text), 3);
        assert_eq!(
            JsonPath::root().key("list").index(1).key("x").to_string(),
            "list[1].x"
        );
    }
}
