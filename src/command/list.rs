//! `policydiff list`: the versions in the store.

use super::Context;
use crate::cli::{ListArgs, ListFormat};
use crate::exit_code;
use crate::render;
use std::io::Write;

/// Lists every version that loads; a version that does not is named on
/// stderr (and makes the exit code 2) without hiding the others.
pub fn run(
    args: &ListArgs,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    super::warn_stale_temporaries(ctx, err)?;
    let mut versions = Vec::new();
    let mut broken = 0;
    for id in ctx.store.all_ids()? {
        match ctx.store.load(&id) {
            Ok(v) => versions.push(v),
            Err(e) => {
                broken += 1;
                writeln!(err, "error: {e}")?;
            }
        }
    }
    let snapshots: Vec<_> = versions.iter().map(|l| &l.snapshot).collect();
    let text = match args.format {
        ListFormat::Table => render::text::list::render(&snapshots, ctx.width),
        ListFormat::Json => render::json::list::render(&snapshots),
    };
    out.write_all(text.as_bytes())?;
    Ok(if broken > 0 {
        exit_code::TROUBLE
    } else {
        exit_code::SUCCESS
    })
}
