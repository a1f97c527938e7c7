//! The header's chart: B/V/N counts per theme as inline SVG bars, so that the
//! report needs no script and no external image. Uncertain statuses get a
//! hatched segment of their own, never a letter's colour.
//!
//! Every segment is labelled with its letter and count, so the chart reads in
//! black and white and without telling colours apart.

use super::escape::escape;
use crate::snapshot::ThemeCount;
use std::fmt::Write;

/// One bar per theme: a version's counts, labelled (`old`, `new`, or empty
/// when there is only one).
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    pub label: &'a str,
    pub counts: &'a [ThemeCount],
}

const LABEL_W: f64 = 250.0;
const BAR_W: f64 = 380.0;
const BAR_H: f64 = 20.0;
const SERIES_GAP: f64 = 3.0;
const THEME_GAP: f64 = 12.0;
const TOP: f64 = 28.0;

/// An SVG stacked bar chart of `series`, themes in the order of the first
/// series (themes only another series has follow, by number).
pub fn status_chart(caption: &str, series: &[Series<'_>]) -> String {
    let mut themes: Vec<(u32, &str)> = Vec::new();
    for s in series {
        for c in s.counts {
            if !themes.iter().any(|(n, _)| *n == c.theme) {
                themes.push((c.theme, &c.title));
            }
        }
    }
    let max = series
        .iter()
        .flat_map(|s| s.counts.iter())
        .map(|c| c.existing + c.strengthened + c.new + c.uncertain)
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = BAR_W / max as f64;
    let rows = series.len().max(1) as f64;
    let group_h = rows * BAR_H + (rows - 1.0) * SERIES_GAP;
    let height = TOP + themes.len() as f64 * (group_h + THEME_GAP) + 4.0;
    let width = LABEL_W + BAR_W + 40.0;

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="12" font-family="system-ui, sans-serif">"#
    );
    let _ = write!(
        svg,
        r#"<title id="chart-title">{}</title>"#,
        escape(caption)
    );
    svg.push_str(TEXTURES);
    legend(&mut svg);
    for (i, (number, title)) in themes.iter().enumerate() {
        let y0 = TOP + i as f64 * (group_h + THEME_GAP);
        let name = truncate(&format!("{number} · {title}"), 38);
        let _ = write!(
            svg,
            r#"<text x="0" y="{:.1}" dominant-baseline="middle" lang="nl"><title>{}</title>{}</text>"#,
            y0 + group_h / 2.0,
            escape(&format!("{number} · {title}")),
            escape(&name)
        );
        for (j, s) in series.iter().enumerate() {
            let y = y0 + j as f64 * (BAR_H + SERIES_GAP);
            if !s.label.is_empty() {
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{:.1}" text-anchor="end" dominant-baseline="middle" fill="#57606a" font-size="11">{}</text>"##,
                    LABEL_W - 6.0,
                    y + BAR_H / 2.0,
                    escape(s.label)
                );
            }
            let Some(c) = s.counts.iter().find(|c| c.theme == *number) else {
                let _ = write!(
                    svg,
                    r##"<text x="{LABEL_W}" y="{:.1}" dominant-baseline="middle" fill="#57606a" font-size="11">(no such theme)</text>"##,
                    y + BAR_H / 2.0
                );
                continue;
            };
            bar(&mut svg, c, y, scale);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Textures as well as colours, so that B and N differ in black and white:
/// N is dotted, an uncertain status hatched.
const TEXTURES: &str = r##"<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="#c4c9cf"/></pattern><pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#009e73"/><circle cx="2.5" cy="2.5" r="1" fill="#ffffff"/></pattern></defs>"##;

/// (letter shown, fill, text colour) for B, V, N and uncertain.
const SEGMENTS: [(&str, &str, &str); 4] = [
    ("B", "#0072b2", "#ffffff"),
    ("V", "#e69f00", "#000000"),
    ("N", "url(#dots)", "#000000"),
    ("?", "url(#hatch)", "#000000"),
];

fn legend(svg: &mut String) {
    let words = ["B bestaand", "V versterkt", "N nieuw", "? uncertain"];
    let mut x = LABEL_W;
    for ((_, fill, _), word) in SEGMENTS.iter().zip(words) {
        let _ = write!(
            svg,
            r##"<rect x="{x}" y="4" width="14" height="14" fill="{fill}" stroke="#57606a" stroke-width="0.5"/><text x="{:.1}" y="11" dominant-baseline="middle">{word}</text>"##,
            x + 18.0
        );
        x += 95.0;
    }
}

fn bar(svg: &mut String, c: &ThemeCount, y: f64, scale: f64) {
    let values = [c.existing, c.strengthened, c.new, c.uncertain];
    let mut x = LABEL_W;
    for ((letter, fill, ink), n) in SEGMENTS.iter().zip(values) {
        // A halo behind the label keeps it legible on a texture.
        let halo = if *ink == "#ffffff" {
            "#0072b2"
        } else {
            "#ffffff"
        };
        if n == 0 {
            continue;
        }
        let w = n as f64 * scale;
        let _ = write!(
            svg,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" fill="{fill}" stroke="#ffffff" stroke-width="1"><title>{letter}: {n}</title></rect>"##
        );
        // About 6.5 pixels a character at the labels' size.
        let full = format!("{letter} {n}");
        let fits = |t: &str| w >= t.chars().count() as f64 * 6.5 + 4.0;
        let text = if fits(&full) {
            full
        } else if fits(&n.to_string()) {
            n.to_string()
        } else {
            String::new()
        };
        if !text.is_empty() {
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" dominant-baseline="middle" fill="{ink}" font-weight="700" font-size="11" paint-order="stroke" stroke="{halo}" stroke-width="3">{text}</text>"##,
                x + w / 2.0,
                y + BAR_H / 2.0
            );
        }
        x += w;
    }
    let total: usize = values.iter().sum();
    let _ = write!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" dominant-baseline="middle" fill="#57606a">{total}</text>"##,
        x + 6.0,
        y + BAR_H / 2.0
    );
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut t: String = text.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// One stacked bar per version: the B/V/N counts of a series of versions
/// (`history`), labelled by version, oldest at the top.
pub fn versions_chart(caption: &str, versions: &[(&str, ThemeCount)]) -> String {
    let max = versions
        .iter()
        .map(|(_, c)| c.existing + c.strengthened + c.new + c.uncertain)
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = BAR_W / max as f64;
    let height = TOP + versions.len() as f64 * (BAR_H + THEME_GAP) + 4.0;
    let width = LABEL_W + BAR_W + 40.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="versions-chart-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="12" font-family="system-ui, sans-serif">"#
    );
    let _ = write!(
        svg,
        r#"<title id="versions-chart-title">{}</title>"#,
        escape(caption)
    );
    svg.push_str(TEXTURES);
    legend(&mut svg);
    for (i, (label, counts)) in versions.iter().enumerate() {
        let y = TOP + i as f64 * (BAR_H + THEME_GAP);
        let _ = write!(
            svg,
            r#"<text x="0" y="{:.1}" dominant-baseline="middle"><title>{}</title>{}</text>"#,
            y + BAR_H / 2.0,
            escape(label),
            escape(&truncate(label, 38))
        );
        bar(&mut svg, counts, y, scale);
    }
    svg.push_str("</svg>");
    svg
}
