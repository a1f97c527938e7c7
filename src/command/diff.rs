//! `policydiff diff`.

use super::Context;
use std::io::Write;

pub fn run(
    _args: &crate::cli::DiffArgs,
    _ctx: &Context,
    _out: &mut dyn Write,
    _err: &mut dyn Write,
) -> anyhow::Result<i32> {
    anyhow::bail!("`diff` is not built yet")
}
