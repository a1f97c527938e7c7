//! `policydiff check`: load the versions (without stopping at schema rules),
//! check them, render the findings, and turn `--fail-on` into the exit code.

use super::Context;
use crate::check::{self, Severity};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::load::Loaded;
use crate::render::color::Palette;
use crate::snapshot::Kind;
use crate::{exit_code, output, render};
use anyhow::bail;
use std::io::Write;

pub fn run(
    args: &CheckArgs,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let mut names = if args.versions.is_empty() {
        super::warn_stale_temporaries(ctx, err)?;
        ctx.store.ids()?
    } else {
        args.versions.clone()
    };
    // `check a a` checks `a` once.
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.clone()));
    if names.is_empty() {
        bail!(
            "the version store {} holds no versions; name a snapshot file or pass `--versions DIR`",
            ctx.store.describe()
        );
    }
    let versions = names
        .iter()
        .map(|n| ctx.store.load_unvalidated(n))
        .collect::<Result<Vec<_>, _>>()?;
    let companions = companions(&versions, ctx);
    let report = check::check(&versions, &companions);
    let severity = |s: FailOn| match s {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    // `--min-severity` shortens what is shown; the exit code still weighs
    // every finding.
    let shown = match args.min_severity.map(severity) {
        Some(least) if least > Severity::Info => {
            let mut shown = report.clone();
            shown.findings.retain(|f| f.severity >= least);
            shown.counts = check::Counts::of(&shown.findings);
            shown
        }
        _ => report.clone(),
    };

    let palette = if args.output.output.is_some() {
        Palette::PLAIN
    } else {
        ctx.palette
    };
    let text = match args.format {
        CheckFormat::Text => render::text::check::render(&shown, palette, ctx.width),
        CheckFormat::Json => render::json::check::render(&shown),
        CheckFormat::Github => render::github::check(&shown),
        CheckFormat::Markdown => render::markdown::check(&shown),
        CheckFormat::Html => render::html::check(&shown),
    };
    output::emit(out, args.output.output.as_deref(), args.output.force, &text)?;
    let threshold = severity(args.fail_on);
    Ok(if report.fails(threshold) {
        exit_code::DIFFERENCES
    } else {
        exit_code::SUCCESS
    })
}

/// The programmes that checked summary pages describe but that were not named:
/// loaded from the store for the comparison. One that cannot be loaded is
/// left out; the check reports the summary's `describes` instead.
fn companions(versions: &[Loaded], ctx: &Context) -> Vec<Loaded> {
    let mut out: Vec<Loaded> = Vec::new();
    for v in versions.iter().filter(|v| v.snapshot.kind == Kind::Summary) {
        let Some(id) = &v.snapshot.describes else {
            continue;
        };
        if versions.iter().chain(&out).any(|l| &l.snapshot.id == id) {
            continue;
        }
        if let Ok(programme) = ctx.store.load_unvalidated(id) {
            out.push(programme);
        }
    }
    out
}
