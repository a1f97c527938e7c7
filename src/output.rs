//! Writing results: to standard output, or atomically to a file that is never
//! replaced without `--force`.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::Path;

/// Write `contents` to `path` atomically (a temporary file in the same folder,
/// then a rename), refusing to replace an existing file unless `force`.
pub fn write_file_atomic(path: &Path, contents: &[u8], force: bool) -> anyhow::Result<()> {
    if path.exists() && !force {
        bail!("`{}` exists; pass `--force` to replace it", path.display());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    tmp.write_all(contents)
        .with_context(|| format!("cannot write a temporary file in `{}`", dir.display()))?;
    tmp.as_file().sync_all().ok();
    let result = if force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    result
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Write a report to `-o FILE` if given, else to `out`.
pub fn emit(
    out: &mut dyn Write,
    file: Option<&Path>,
    force: bool,
    report: &str,
) -> anyhow::Result<()> {
    match file {
        Some(path) => write_file_atomic(path, report.as_bytes(), force),
        None => {
            out.write_all(report.as_bytes())?;
            Ok(())
        }
    }
}
