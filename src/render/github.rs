//! `check --format github`: one workflow command a finding, which GitHub
//! Actions shows as an annotation on the snapshot line in a pull request.
//!
//! <https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions>

use crate::check::{Finding, Report, Severity};

/// The report as workflow commands, one line a finding.
pub fn check(report: &Report) -> String {
    report.findings.iter().map(annotation).collect()
}

fn annotation(f: &Finding) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut message = f.message.clone();
    if let (Some(file), Some(line)) = (&f.source_file, f.source_line) {
        message.push_str(&format!("\nsource: {}:{line}", file.display()));
    }
    if let Some(d) = &f.detail {
        message.push_str(&format!(
            "\n{} → {}:\n{}",
            d.old_label,
            d.new_label,
            d.plain()
        ));
    }
    format!(
        "::{command} file={},line={},title={}::{}\n",
        escape_property(&f.file.display().to_string()),
        f.line,
        escape_property(f.rule),
        escape_data(&message)
    )
}

/// A message: `%`, CR and LF must be percent-encoded.
/// Control and bidi characters of the data are first made inert (see
/// [`crate::render::inert`]), so a CR of the data shows as `␍`, and
/// absurdly long words are cut.
pub fn escape_data(s: &str) -> String {
    use crate::render::inert::{inert, shorten};
    shorten(&inert(s))
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value (file, title): also `:` and `,`, which separate
/// properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_percent_encoded() {
        assert_eq!(escape_data("50% of\nlines"), "50%25 of%0Alines");
        assert_eq!(escape_data("a\r\x1b[2Jb"), "a␍␛[2Jb");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
