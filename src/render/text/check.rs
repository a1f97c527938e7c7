//! `check --format text`: the findings for a person at a terminal, most
//! severe first, the findings of one rule under one heading, each said by
//! its place in the programme, with the file, line and JSON path below it;
//! wrapped to the terminal's width, ending in the count line.

use super::{words, wrap};
use crate::check::{Report, Severity};
use crate::render::color::Palette;
use crate::render::findings::{self, place};

fn severity_heading(s: Severity, n: usize, palette: Palette) -> String {
    let word = match (s, n) {
        (Severity::Error, 1) => "Error",
        (Severity::Error, _) => "Errors",
        (Severity::Warning, 1) => "Warning",
        (Severity::Warning, _) => "Warnings",
        (Severity::Info, 1) => "Info",
        (Severity::Info, _) => "Infos",
    };
    match s {
        Severity::Error => palette.red(&palette.bold(word)),
        Severity::Warning => palette.yellow(&palette.bold(word)),
        Severity::Info => palette.cyan(&palette.bold(word)),
    }
}

/// The report as text, wrapped to `width`; colour only if `palette` says so.
pub fn render(report: &Report, palette: Palette, width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::new();
    let groups = findings::groups(report);
    let mut current: Option<Severity> = None;
    for g in &groups {
        if current != Some(g.severity) {
            let n = report
                .findings
                .iter()
                .filter(|f| f.severity == g.severity)
                .count();
            out.push_str(&severity_heading(g.severity, n, palette));
            out.push('\n');
            current = Some(g.severity);
        }
        out.push_str(&format!(
            "  {} {}\n",
            palette.bold(&g.heading()),
            palette.dim(&format!("({})", g.rule))
        ));
        for f in &g.findings {
            out.push_str(&wrap(
                &format!("{} ({}): {}", place(&f.json_path), f.version, f.message),
                width,
                "  • ",
            ));
            let mut at = format!("{}:{}", f.file.display(), f.line);
            if !f.json_path.is_empty() {
                at.push_str(&format!(" · {}", f.json_path));
            }
            if let (Some(file), Some(line)) = (&f.source_file, f.source_line) {
                at.push_str(&format!(" · source {}:{line}", file.display()));
            }
            out.push_str(&palette.dim(wrap(&at, width, "    ").trim_end()));
            out.push('\n');
            if let Some(d) = &f.detail {
                out.push_str(&wrap(
                    &format!("{} → {}:", d.old_label, d.new_label),
                    width,
                    "    ",
                ));
                out.push_str(&wrap(&words(&d.words, palette), width, "      "));
            }
        }
        out.push('\n');
    }
    let versions: Vec<&str> = report.versions.iter().map(|v| v.id.as_str()).collect();
    let checked = match versions.len() {
        1 => "checked 1 version".to_string(),
        n => format!("checked {n} versions"),
    };
    out.push_str(
        &palette.dim(wrap(&format!("{checked}: {}", versions.join(", ")), width, "").trim_end()),
    );
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
