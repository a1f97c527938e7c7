//! Writing results: to standard output, or atomically to a file that is never
//! replaced without `--force`.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `contents` to `path` atomically (a temporary file in the same folder,
/// then a rename), refusing to replace an existing file unless `force`.
///
/// A path that names something other than a regular file (`/dev/stdout`, a
/// pipe) is written straight through; a symbolic link to a file is followed,
/// so that the file it points to is replaced, not the link.
pub fn write_file_atomic(path: &Path, contents: &[u8], force: bool) -> anyhow::Result<()> {
    let target: PathBuf = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            bail!("`{}` is a folder; give a file name", path.display())
        }
        Ok(meta) if !meta.is_file() => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write `{}`", path.display()))?;
            f.write_all(contents)
                .with_context(|| format!("cannot write `{}`", path.display()))?;
            return Ok(());
        }
        Ok(_) if !force => bail!("`{}` exists; pass `--force` to replace it", path.display()),
        Ok(_) => std::fs::canonicalize(path)
            .with_context(|| format!("cannot resolve `{}`", path.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e).with_context(|| format!("cannot write `{}`", path.display())),
    };
    let dir = match target.parent() {
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
        tmp.persist(&target).map(|_| ())
    } else {
        tmp.persist_noclobber(&target).map(|_| ())
    };
    result
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Write a folder of files atomically: they are written into a temporary
/// folder beside `dir`, which is then renamed into place, so that the folder
/// appears whole or not at all. An existing `dir` is replaced (with all it
/// holds) only when `force`.
pub fn write_folder_atomic(dir: &Path, files: &[(&str, &[u8])], force: bool) -> anyhow::Result<()> {
    if dir.exists() && !force {
        bail!("`{}` exists; pass `--force` to replace it", dir.display());
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the folder `{}`", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".policydiff-new-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a temporary folder in `{}`", parent.display()))?;
    for (name, contents) in files {
        let path = staging.path().join(name);
        std::fs::write(&path, contents)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    let fail = |e: std::io::Error| {
        anyhow::Error::from(e).context(format!("cannot write `{}`", dir.display()))
    };
    if dir.exists() {
        // Move the old folder aside first, and back if the new one fails.
        let old = tempfile::Builder::new()
            .prefix(".policydiff-old-")
            .tempdir_in(parent)
            .with_context(|| {
                format!("cannot create a temporary folder in `{}`", parent.display())
            })?;
        let aside = old.path().join("version");
        std::fs::rename(dir, &aside).map_err(fail)?;
        if let Err(e) = std::fs::rename(staging.path(), dir) {
            std::fs::rename(&aside, dir).ok();
            return Err(fail(e));
        }
    } else {
        std::fs::rename(staging.path(), dir).map_err(fail)?;
    }
    Ok(())
}

/// Write a report to `-o FILE` if given (`-o -` is standard output), else to
/// `out`.
pub fn emit(
    out: &mut dyn Write,
    file: Option<&Path>,
    force: bool,
    report: &str,
) -> anyhow::Result<()> {
    match file {
        Some(path) if path != Path::new("-") => write_file_atomic(path, report.as_bytes(), force),
        _ => {
            out.write_all(report.as_bytes())?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_replaced_only_with_force_and_through_its_link() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.txt");
        std::fs::write(&file, "old").unwrap();
        assert!(write_file_atomic(&file, b"new", false).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            write_file_atomic(&link, b"new", true).unwrap();
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        }
        assert!(write_file_atomic(dir.path(), b"x", true).is_err());
    }

    #[test]
    fn dash_means_standard_output() {
        let mut out = Vec::new();
        emit(&mut out, Some(Path::new("-")), false, "report").unwrap();
        assert_eq!(out, b"report");
    }
}
