//! `policydiff git-diff`: the external diff driver git calls with
//! `path old-file old-hex old-mode new-file new-hex new-mode` when
//! `.gitattributes` gives a file `diff=policydiff` and
//! `diff.policydiff.command` is `policydiff git-diff` (README, "git").
//!
//! It prints the measure-level text report under a heading that names the
//! path. git stops `git log -p` at the first driver that fails, so a
//! revision that cannot be read is reported in the output and the driver
//! goes on (exit 0): one bad commit must not hide the rest of the history.

use super::Context;
use crate::align::Overrides;
use crate::cli::GitDiffArgs;
use crate::diff::{self, Story};
use crate::exit_code;
use crate::render::text;
use std::io::Write;
use std::path::Path;

pub fn run(args: &GitDiffArgs, ctx: &Context, out: &mut dyn Write) -> anyhow::Result<i32> {
    let path = crate::render::inert::inert(&args.path).into_owned();
    let path = match args.rename.first() {
        Some(to) => format!("{path} → {}", crate::render::inert::inert(to)),
        None => path,
    };
    writeln!(out, "policydiff {path}")?;
    let absent = |p: &Path| p == Path::new("/dev/null");
    if absent(&args.old_file) {
        writeln!(out, "a new snapshot: nothing earlier to compare with")?;
        return Ok(exit_code::SUCCESS);
    }
    if absent(&args.new_file) {
        writeln!(out, "the snapshot was deleted")?;
        return Ok(exit_code::SUCCESS);
    }
    let name = |p: &Path| p.to_string_lossy().into_owned();
    let loaded = ctx
        .store
        .load(&name(&args.old_file))
        .and_then(|o| ctx.store.load(&name(&args.new_file)).map(|n| (o, n)));
    let (old, new) = match loaded {
        Ok(pair) => pair,
        Err(e) => {
            let message = crate::render::inert::inert(&e.to_string()).into_owned();
            writeln!(out, "cannot compare: {message}")?;
            return Ok(exit_code::SUCCESS);
        }
    };
    let (old, new) = (&old.snapshot, &new.snapshot);
    let (_, diff) = diff::align_and_compute(old, new, &Overrides::default())?;
    let story = Story::of(&diff, old, new);
    let report = text::diff::render(
        &diff,
        &story,
        ctx.palette,
        text::diff::TextOptions {
            stat: false,
            width: ctx.width,
        },
    );
    out.write_all(report.as_bytes())?;
    Ok(exit_code::SUCCESS)
}
