//! `policydiff diff`: load two versions, align their measures, compute the
//! differences and render them.

use super::Context;
use crate::align::Overrides;
use crate::cli::{DiffArgs, DiffFormat, OnlyClass};
use crate::diff::{self, ChangeClass, Filter};
use crate::render::color::Palette;
use crate::render::{json, text};
use crate::{exit_code, output};
use anyhow::bail;
use std::io::Write;

/// The `--only` words in the model's terms (the core never sees clap types).
fn class(c: OnlyClass) -> ChangeClass {
    match c {
        OnlyClass::Added => ChangeClass::Added,
        OnlyClass::Removed => ChangeClass::Removed,
        OnlyClass::Status => ChangeClass::Status,
        OnlyClass::Text => ChangeClass::Text,
        OnlyClass::Renumbered => ChangeClass::Renumbered,
        OnlyClass::Moved => ChangeClass::Moved,
        OnlyClass::Retitled => ChangeClass::Retitled,
        OnlyClass::Split => ChangeClass::Split,
        OnlyClass::Merged => ChangeClass::Merged,
    }
}

pub fn run(
    args: &DiffArgs,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    if args.stat && args.format != DiffFormat::Text {
        bail!("`--stat` shortens the text report; use it with `--format text`");
    }
    let mut overrides = Overrides {
        pairs: args.pairs.clone(),
        unpairs: args.unpairs.clone(),
    };
    if let Some(path) = &args.mapping {
        overrides.extend(Overrides::from_file(path)?);
    }
    // The two files are read and parsed on two threads.
    let (old, new) = rayon::join(|| ctx.store.load(&args.old), || ctx.store.load(&args.new));
    // Only the snapshots are needed from here on: the files' text goes.
    let (old_snapshot, new_snapshot) = (old?.snapshot, new?.snapshot);
    let (old, new) = (&old_snapshot, &new_snapshot);
    if !overrides.is_empty() && (old.measures.is_empty() || new.measures.is_empty()) {
        bail!(
            "`--pair`, `--unpair` and `--mapping` pair measures, and `{}` has none; drop them when comparing with a summary page",
            if old.measures.is_empty() {
                &old.id
            } else {
                &new.id
            }
        );
    }
    if let Some(t) = args.theme {
        if old.measures.is_empty() || new.measures.is_empty() {
            bail!(
                "`--theme` selects measures, and a summary page has none; drop it when comparing with a summary page"
            );
        }
        if old.theme(t).is_none() && new.theme(t).is_none() {
            let mut themes: Vec<u32> = old
                .themes
                .iter()
                .chain(&new.themes)
                .map(|t| t.number)
                .collect();
            themes.sort_unstable();
            themes.dedup();
            let themes: Vec<String> = themes.iter().map(u32::to_string).collect();
            bail!(
                "no theme {t} in `{}` or `{}`; their themes are {}",
                old.id,
                new.id,
                themes.join(", ")
            );
        }
    }
    let (_, full) = diff::align_and_compute(old, new, &overrides)?;
    let filter = Filter {
        only: args.only.iter().map(|c| class(*c)).collect(),
        theme: args.theme,
    };
    let shown = full.filtered(&filter);
    let story = diff::Story::of(&shown, old, new);
    if story.is_empty() && !diff::Story::of(&full, old, new).is_empty() {
        writeln!(
            err,
            "note: the versions differ outside `--only`/`--theme`; run without them to see everything"
        )?;
    }
    let palette = if args.output.output.is_some() {
        Palette::PLAIN
    } else {
        ctx.palette
    };
    let code = if args.exit_code && !story.is_empty() {
        exit_code::DIFFERENCES
    } else {
        exit_code::SUCCESS
    };
    // JSON and HTML, the largest formats, are written as they are made; the
    // others are made whole first.
    let report = match args.format {
        DiffFormat::Json | DiffFormat::Html => None,
        DiffFormat::Markdown => Some(crate::render::markdown::diff(&shown, old, new)),
        DiffFormat::Csv => Some(crate::render::csv::diff(&shown)),
        _ => Some(text::diff::render(
            &shown,
            &story,
            palette,
            text::diff::TextOptions {
                stat: args.stat,
                width: ctx.width,
            },
        )),
    };
    output::emit_with(
        out,
        args.output.output.as_deref(),
        args.output.force,
        &mut |w| match (&report, args.format) {
            (Some(report), _) => w.write_all(report.as_bytes()),
            (None, DiffFormat::Html) => crate::render::html::write_diff(w, &shown, old, new),
            (None, _) => json::diff::write(w, &shown, &story),
        },
    )?;
    // The model is freed on another thread while the process exits.
    drop((story, shown, report));
    output::free_in_background((old_snapshot, new_snapshot, full));
    Ok(code)
}
