//! `policydiff history`: load a series of versions (named, every programme in
//! the store by date, or every committed revision of one file), chain their
//! alignments into lineages and render them.

use super::Context;
use crate::cli::{HistoryArgs, HistoryFormat};
use crate::history::{self, History, Lineage};
use crate::load::{Loaded, git};
use crate::render::color::Palette;
use crate::snapshot::Kind;
use crate::{exit_code, output};
use anyhow::{Context as _, bail};
use std::io::Write;

pub fn run(
    args: &HistoryArgs,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    super::warn_stale_temporaries(ctx, err)?;
    let series = series(args, ctx)?;
    let versions: Vec<(String, &crate::snapshot::Snapshot)> = series
        .iter()
        .map(|(label, l)| (label.clone(), &l.snapshot))
        .collect();
    let history = history::build(&versions)?;
    let palette = if args.output.output.is_some() {
        Palette::PLAIN
    } else {
        ctx.palette
    };
    let report = match &args.measure {
        Some(spec) => {
            let lineage = lineage(&history, spec)?;
            match args.format {
                HistoryFormat::Text => {
                    crate::render::text::history::lineage(&history, lineage, palette, ctx.width)
                }
                _ => bail!(
                    "`--measure` prints one lineage as text; drop `--format`, or filter the JSON report with jq"
                ),
            }
        }
        None => match args.format {
            HistoryFormat::Text => {
                crate::render::text::history::render(&history, args.changed, palette, ctx.width)
            }
            HistoryFormat::Json => crate::render::json::history::render(&history, args.changed),
            HistoryFormat::Csv => crate::render::csv::history(&history, args.changed),
            HistoryFormat::Markdown => crate::render::markdown::history(&history, args.changed),
            HistoryFormat::Html => crate::render::html::history(&history, args.changed),
        },
    };
    output::emit(
        out,
        args.output.output.as_deref(),
        args.output.force,
        &report,
    )?;
    Ok(exit_code::SUCCESS)
}

/// The versions to follow, oldest first, each with its label.
fn series(args: &HistoryArgs, ctx: &Context) -> anyhow::Result<Vec<(String, Loaded)>> {
    if let Some(path) = &args.git {
        let revisions = git::revisions(path)?;
        if revisions.len() < 2 {
            bail!(
                "`{}` has {} committed revision; a history needs at least two",
                path.display(),
                revisions.len()
            );
        }
        return revisions
            .iter()
            .map(|r| {
                let loaded = ctx.store.load(&format!("{}:{}", r.hash, r.path))?;
                Ok((r.label(), loaded))
            })
            .collect();
    }
    if !args.versions.is_empty() {
        let loaded = args
            .versions
            .iter()
            .map(|name| ctx.store.load(name).map(|l| (name.clone(), l)))
            .collect::<Result<Vec<_>, _>>()?;
        // Versions are labelled by id, unless two share one (two revisions
        // of a file): then by the names given.
        let mut ids: Vec<&str> = loaded.iter().map(|(_, l)| l.snapshot.id.as_str()).collect();
        ids.sort_unstable();
        let shared = ids.windows(2).any(|w| w[0] == w[1]);
        return Ok(loaded
            .into_iter()
            .map(|(name, l)| {
                let label = if shared { name } else { l.snapshot.id.clone() };
                (label, l)
            })
            .collect());
    }
    let mut programmes = Vec::new();
    for id in ctx.store.all_ids()? {
        let loaded = ctx.store.load(&id)?;
        if loaded.snapshot.kind == Kind::Programme {
            programmes.push((id, loaded));
        }
    }
    let names = |p: &[(String, Loaded)]| {
        p.iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    if let Some((id, _)) = programmes.iter().find(|(_, l)| l.snapshot.date.is_none()) {
        bail!(
            "`{id}` has no date, so the store's programmes cannot be put in order; add `\"date\": \"YYYY-MM-DD\"` to its snapshot.json, or name the versions oldest first: `policydiff history {}`",
            names(&programmes)
        );
    }
    programmes.sort_by(|a, b| a.1.snapshot.date.cmp(&b.1.snapshot.date));
    if let Some(w) = programmes
        .windows(2)
        .find(|w| w[0].1.snapshot.date == w[1].1.snapshot.date)
    {
        bail!(
            "`{}` and `{}` have the same date ({}); name the versions oldest first: `policydiff history {}`",
            w[0].0,
            w[1].0,
            w[0].1.snapshot.date.as_deref().unwrap_or_default(),
            names(&programmes)
        );
    }
    if programmes.len() < 2 {
        bail!(
            "{} holds {} programme{}; a history needs at least two: add versions, or name them (ids, paths, or `REV:path` from git)",
            ctx.store.describe(),
            programmes.len(),
            if programmes.len() == 1 { "" } else { "s" }
        );
    }
    Ok(programmes)
}

/// The lineage `--measure N[@VERSION]` names.
fn lineage<'h>(history: &'h History, spec: &str) -> anyhow::Result<&'h Lineage> {
    let (number, version) = match spec.split_once('@') {
        Some((n, v)) => (n, Some(v)),
        None => (spec, None),
    };
    let number: u32 = number.trim().parse().with_context(|| {
        format!("`--measure {spec}`: `{number}` is not a measure number; write N or N@VERSION, e.g. `12` or `12@actieprogramma-2015`")
    })?;
    let v = match version {
        None => 0,
        Some(name) => history
            .versions
            .iter()
            .position(|v| v.label == name || v.info.id == name)
            .with_context(|| {
                let labels: Vec<String> = history
                    .versions
                    .iter()
                    .map(|v| format!("`{}`", v.label))
                    .collect();
                format!(
                    "`--measure {spec}`: no version `{name}` in this history; its versions are {}",
                    labels.join(", ")
                )
            })?,
    };
    history::find(history, v, number).with_context(|| {
        let numbers: Vec<u32> = history
            .lineages
            .iter()
            .filter_map(|l| l.measures[v].as_ref().map(|m| m.number))
            .collect();
        let range = match (numbers.iter().min(), numbers.iter().max()) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => "none".to_string(),
        };
        format!(
            "`--measure {spec}`: `{}` has no measure {number}; its measures are {range}",
            history.versions[v].label
        )
    })
}
