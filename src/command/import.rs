//! `policydiff import`: extracted text in, snapshot draft out.

use super::Context;
use crate::cli::{ImportArgs, ImportKind};
use crate::import::{self, SourceKind};
use crate::load::{SNAPSHOT_FILE, Store};
use crate::snapshot::SourceRef;
use crate::{exit_code, output};
use anyhow::{Context as _, bail};
use std::io::Write;
use std::path::PathBuf;

/// The name of the source copy beside each snapshot.
pub const SOURCE_FILE: &str = "source.txt";

pub fn run(
    args: &ImportArgs,
    ctx: &Context,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    validate_id(&args.id)?;
    if args.describes.is_some() && args.kind == ImportKind::Programme {
        bail!(
            "`--describes` names the programme a summary page describes; use it with `--kind summary`"
        );
    }
    // Refuse before any work: an existing version stays as it is.
    let dir = match &ctx.store {
        Store::Dir(d) => d.join(&args.id),
        Store::BuiltIn => PathBuf::from("versions").join(&args.id),
    };
    if !args.stdout && dir.exists() && !args.force {
        bail!(
            "version `{}` exists at `{}`; pass `--force` to replace it, or choose another `--id`",
            args.id,
            dir.display()
        );
    }
    let bytes = crate::load::file::read_bounded(&args.source)
        .with_context(|| format!("cannot read `{}`", args.source.display()))?;
    let text = import::decode(&bytes)
        .with_context(|| format!("cannot import `{}`", args.source.display()))?;
    let kind = match args.kind {
        ImportKind::Programme => SourceKind::Programme,
        ImportKind::Summary => SourceKind::Summary,
    };
    let mut imported = import::import(text, kind, &args.id)
        .with_context(|| format!("cannot import `{}`", args.source.display()))?;
    let snapshot = &mut imported.snapshot;
    snapshot.describes = args.describes.clone();
    if let Some(t) = &args.title {
        snapshot.title = t.clone();
    }
    if snapshot.title.is_empty() {
        imported.warnings.push(import::Warning {
            lines: None,
            message: "the text carries no title; give one with `--title` or fill in `title`".into(),
        });
    }
    snapshot.date = args.date.clone();
    snapshot.source = Some(SourceRef {
        file: SOURCE_FILE.to_string(),
        sha256: Some(crate::source::sha256_hex(&bytes)),
        origin: None,
    });
    if kind == SourceKind::Programme {
        imported.warnings.extend(import::base::cut_off(snapshot));
    }
    // Load the base before any output, so that a bad name writes nothing.
    let base = match &args.base {
        Some(name) => Some(ctx.store.load(name)?),
        None => None,
    };
    let mut against_base = Vec::new();
    if let Some(base) = &base {
        let base = &base.snapshot;
        let carried = import::base::carry_forward(snapshot, base);
        against_base.push(format!(
            "carried from `{}`: {} statuses and {} item statuses deduced (with a note each), {} statuses left uncertain{}",
            base.id,
            carried.statuses,
            carried.item_statuses,
            carried.left_uncertain,
            if carried.fields.is_empty() {
                String::new()
            } else {
                format!("; {} taken over", carried.fields.join(", "))
            }
        ));
        imported
            .warnings
            .extend(import::base::partial_text(snapshot, base));
        let alignment = crate::align::align(base, snapshot, &crate::align::Overrides::default())?;
        let diff = crate::diff::compute(base, snapshot, &alignment);
        let story = crate::diff::Story::of(&diff, base, snapshot);
        against_base.push(format!("against `{}`: {}", base.id, story.lead));
    }
    let json = snapshot.to_json();

    for w in &imported.warnings {
        writeln!(err, "warning: {}: {w}", args.source.display())?;
    }
    for line in &against_base {
        writeln!(err, "{line}")?;
    }
    for line in import::base::to_do(snapshot) {
        writeln!(err, "to do: {line}")?;
    }
    if args.stdout {
        let json = crate::render::inert::json(&json);
        out.write_all(json.as_bytes())?;
        return Ok(exit_code::SUCCESS);
    }
    // Snapshot and source appear together or not at all.
    output::write_folder_atomic(
        &dir,
        &[(SNAPSHOT_FILE, json.as_bytes()), (SOURCE_FILE, &bytes)],
        args.force,
    )?;
    let snapshot_path = dir.join(SNAPSHOT_FILE);
    let n = if snapshot.measures.is_empty() {
        format!("{} groups", snapshot.groups.len())
    } else {
        format!("{} measures", snapshot.measures.len())
    };
    writeln!(
        err,
        "wrote `{}` ({n}, {} warnings); review it, then `policydiff check {}`",
        snapshot_path.display(),
        imported.warnings.len(),
        args.id
    )?;
    Ok(exit_code::SUCCESS)
}

/// Ids become folder names: keep them to letters, digits, `-`, `_` and `.`.
fn validate_id(id: &str) -> anyhow::Result<()> {
    if let Some(problem) = crate::snapshot::id::id_problem(id) {
        bail!(
            "`{id}` is not a usable version id: {problem}; {}",
            crate::snapshot::id::ID_FIX
        );
    }
    Ok(())
}
