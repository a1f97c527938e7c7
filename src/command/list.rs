//! `policydiff list`: the versions in the store.

use super::Context;
use crate::cli::{ListArgs, ListFormat};
use crate::exit_code;
use crate::render;
use std::io::Write;

pub fn run(args: &ListArgs, ctx: &Context, out: &mut dyn Write) -> anyhow::Result<i32> {
    let versions = ctx.store.load_all()?;
    let snapshots: Vec<_> = versions.iter().map(|l| &l.snapshot).collect();
    let text = match args.format {
        ListFormat::Table => render::text::list::render(&snapshots, ctx.width),
        ListFormat::Json => render::json::list::render(&snapshots),
    };
    out.write_all(text.as_bytes())?;
    Ok(exit_code::SUCCESS)
}
