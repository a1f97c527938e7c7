//! `policydiff check`.

use super::Context;
use std::io::Write;

pub fn run(
    _args: &crate::cli::CheckArgs,
    _ctx: &Context,
    _out: &mut dyn Write,
    _err: &mut dyn Write,
) -> anyhow::Result<i32> {
    anyhow::bail!("`check` is not built yet")
}
