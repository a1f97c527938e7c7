//! `policydiff import`.

use super::Context;
use std::io::Write;

pub fn run(_args: &crate::cli::ImportArgs, _ctx: &Context, _out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<i32> {
    anyhow::bail!("`import` is not built yet")
}
