//! `policydiff show`: one version's measures, or a summary page's groups.

use super::Context;
use crate::cli::{ShowArgs, ShowFormat};
use crate::exit_code;
use crate::render::color::Palette;
use crate::snapshot::MeasureFilter;
use crate::{output, render};
use anyhow::bail;
use std::io::Write;

pub fn run(args: &ShowArgs, ctx: &Context, out: &mut dyn Write) -> anyhow::Result<i32> {
    let loaded = ctx.store.load(&args.version)?;
    let snapshot = &loaded.snapshot;
    let filter = MeasureFilter {
        theme: args.theme,
        status: args.status,
        measure: args.measure,
    };
    if snapshot.kind == crate::snapshot::Kind::Summary
        && (args.measure.is_some() || args.theme.is_some() || args.status.is_some())
    {
        bail!(
            "`{}` is a summary page: it has groups, not measures; `--measure`, `--theme` and `--status` apply to programmes",
            snapshot.id
        );
    }
    if let Some(n) = args.measure {
        if snapshot.measure(n).is_none() {
            let numbers: Vec<u32> = snapshot.measures.iter().map(|m| m.number).collect();
            match (numbers.first(), numbers.last()) {
                (Some(a), Some(b)) => bail!(
                    "no measure {n} in `{}`; its measures are numbered {a}–{b}",
                    snapshot.id
                ),
                _ => bail!(
                    "no measure {n} in `{}`: it has no measures (it is a {} snapshot)",
                    snapshot.id,
                    snapshot.kind.as_str()
                ),
            }
        }
    }
    if let Some(t) = args.theme {
        if snapshot.theme(t).is_none() {
            let themes: Vec<String> = snapshot
                .themes
                .iter()
                .map(|t| t.number.to_string())
                .collect();
            bail!(
                "no theme {t} in `{}`; its themes are {}",
                snapshot.id,
                if themes.is_empty() {
                    "none".to_string()
                } else {
                    themes.join(", ")
                }
            );
        }
    }
    let palette = if args.output.output.is_some() {
        Palette::PLAIN
    } else {
        ctx.palette
    };
    let text = match args.format {
        ShowFormat::Table => render::text::show::render(snapshot, &filter, palette, ctx.width),
        ShowFormat::Json => render::json::show::render(snapshot, &filter),
        ShowFormat::Markdown => render::markdown::show(snapshot, &filter),
        ShowFormat::Html => render::html::show(snapshot, &filter),
    };
    output::emit(out, args.output.output.as_deref(), args.output.force, &text)?;
    Ok(exit_code::SUCCESS)
}
