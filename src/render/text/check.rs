//! `check --format text`: findings grouped by file, for a person at a
//! terminal, ending in the count line.

use super::words;
use crate::check::{Finding, Report, Severity};
use crate::render::color::Palette;

/// The report as text; colour only if `palette` says so.
pub fn render(report: &Report, palette: Palette) -> String {
    let mut out = String::new();
    let mut current: Option<&std::path::Path> = None;
    for f in &report.findings {
        if current != Some(f.file.as_path()) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&palette.bold(&f.file.display().to_string()));
            out.push('\n');
            current = Some(f.file.as_path());
        }
        finding(&mut out, f, palette);
    }
    if !report.findings.is_empty() {
        out.push('\n');
    }
    let versions: Vec<String> = report
        .versions
        .iter()
        .map(|v| format!("`{}`", v.id))
        .collect();
    let checked = match versions.len() {
        1 => "checked 1 version".to_string(),
        n => format!("checked {n} versions"),
    };
    out.push_str(&palette.dim(&format!("{checked}: {}", versions.join(", "))));
    out.push('\n');
    let counts = report.counts.summary();
    let counts = if report.counts.errors > 0 {
        palette.red(&counts)
    } else if report.counts.warnings > 0 {
        palette.yellow(&counts)
    } else {
        palette.green(&counts)
    };
    out.push_str(&counts);
    out.push('\n');
    crate::render::inert::terminal(&out)
}

fn severity(s: Severity, palette: Palette) -> String {
    let word = format!("{:<7}", s.as_str());
    match s {
        Severity::Error => palette.red(&word),
        Severity::Warning => palette.yellow(&word),
        Severity::Info => palette.cyan(&word),
    }
}

fn finding(out: &mut String, f: &Finding, palette: Palette) {
    let place = if f.json_path.is_empty() {
        String::new()
    } else {
        format!("  {}", palette.dim(&f.json_path))
    };
    out.push_str(&format!(
        "  {:>5}  {}  {}{place}\n",
        f.line,
        severity(f.severity, palette),
        palette.bold(f.rule)
    ));
    out.push_str(&format!("         {}\n", f.message));
    if let (Some(file), Some(line)) = (&f.source_file, f.source_line) {
        out.push_str(&format!(
            "         {}\n",
            palette.dim(&format!("source: {}:{line}", file.display()))
        ));
    }
    if let Some(d) = &f.detail {
        out.push_str(&format!(
            "         {}\n",
            palette.dim(&format!("words: {} → {}", d.old_label, d.new_label))
        ));
        out.push_str(&format!("         {}\n", words(&d.words, palette)));
    }
}
