//! The commands: each one loads, computes and renders, and returns its exit
//! code. `run` is what `main.rs` calls; tests call it too.

mod check;
mod diff;
mod git_diff;
mod history;
mod import;
mod list;
mod show;

use crate::cli::{Cli, Command};
use crate::load::Store;
use crate::render::color::Palette;
use std::io::Write;

/// What every command needs besides its own arguments.
#[derive(Debug, Clone)]
pub struct Context {
    pub store: Store,
    pub palette: Palette,
    /// The width tables wrap to (the terminal's, or 100 when not a terminal).
    pub width: u16,
}

/// Run a parsed command line, writing reports to `out` and warnings to `err`.
/// Returns the exit code (see `exit_code`); errors are for the caller to print.
pub fn run(
    cli: Cli,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    match cli.command {
        Command::List(args) => list::run(&args, ctx, out, err),
        Command::Show(args) => show::run(&args, ctx, out),
        Command::Diff(args) => diff::run(&args, ctx, out, err),
        Command::Check(args) => check::run(&args, ctx, out, err),
        Command::Import(args) => import::run(&args, ctx, out, err),
        Command::History(args) => history::run(&args, ctx, out, err),
        Command::GitDiff(args) => git_diff::run(&args, ctx, out),
    }
}

/// Name the temporaries a killed write left in the store: they are never
/// read as versions, but the user should know they can go.
fn warn_stale_temporaries(ctx: &Context, err: &mut dyn Write) -> std::io::Result<()> {
    for path in ctx.store.stale_temporaries() {
        writeln!(
            err,
            "warning: `{}` was left by a write that was stopped and is not read as a version; remove it with `rm -r {}`",
            path.display(),
            path.display()
        )?;
    }
    Ok(())
}
