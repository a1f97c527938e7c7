//! `policydiff check`: load the versions (without stopping at schema rules),
//! check them, render the findings, and turn `--fail-on` into the exit code.

use super::Context;
use crate::check::{self, Report, Severity};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::load::Loaded;
use crate::render::color::Palette;
use crate::render::safe::Medium;
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
    // Choose the renderer first, so that a format that is not built yet is
    // refused before any work.
    let renderer: fn(&Report, Palette) -> String = match args.format {
        CheckFormat::Text => render::text::check::render,
        CheckFormat::Json => |report, _| render::json::check::render(report),
        CheckFormat::Github => |report, _| render::github::check(report),
        CheckFormat::Markdown => |report, _| render::markdown::check(report),
        CheckFormat::Html => |report, _| render::html::check(report),
    };
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

    let palette = if args.output.output.is_some() {
        Palette::PLAIN
    } else {
        ctx.palette
    };
    let text = renderer(&report, palette);
    let medium = match args.format {
        CheckFormat::Text => Medium::Text {
            colour: palette.enabled,
        },
        CheckFormat::Json => Medium::Json,
        CheckFormat::Github | CheckFormat::Markdown | CheckFormat::Html => Medium::Document,
    };
    output::emit(
        out,
        args.output.output.as_deref(),
        args.output.force,
        &text,
        medium,
    )?;
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
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
