//! Writing results: to standard output, or atomically to a file that is never
//! replaced without `--force`.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The name every temporary file or folder policydiff writes starts with; a
/// write that is killed leaves one behind, which the store never reads.
pub const TEMP_PREFIX: &str = ".policydiff-";

/// Write `contents` to `path` atomically (a temporary file in the same folder,
/// then a rename), refusing to replace an existing file unless `force`.
///
/// A path that names something other than a regular file (`/dev/stdout`, a
/// pipe) is written straight through; a symbolic link to a file is followed,
/// so that the file it points to is replaced, not the link. A new file gets
/// the permissions the umask allows (reports are meant to be shared); a
/// replaced file keeps its own. The folder must exist: a typo in it should
/// not silently create a tree.
pub fn write_file_atomic(path: &Path, contents: &[u8], force: bool) -> anyhow::Result<()> {
    write_file_atomic_with(path, force, &mut |w| w.write_all(contents))
}

/// [`write_file_atomic`], the contents written by `write` as it makes them
/// (buffered): a report need not be held whole. A write that fails leaves
/// no file behind.
pub fn write_file_atomic_with(
    path: &Path,
    force: bool,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let (target, keep): (PathBuf, Option<std::fs::Permissions>) = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            bail!("`{}` is a folder; give a file name", path.display())
        }
        Ok(meta) if !meta.is_file() => {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write `{}`", path.display()))?;
            let mut f = std::io::BufWriter::new(f);
            write(&mut f)
                .and_then(|()| f.flush())
                .with_context(|| format!("cannot write `{}`", path.display()))?;
            return Ok(());
        }
        Ok(_) if !force => bail!("`{}` exists; pass `--force` to replace it", path.display()),
        Ok(meta) => (
            std::fs::canonicalize(path)
                .with_context(|| format!("cannot resolve `{}`", path.display()))?,
            Some(meta.permissions()),
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Ok(link) = std::fs::read_link(path) {
                bail!(
                    "`{}` is a symbolic link to `{}`, which does not exist; remove the link or write to another path",
                    path.display(),
                    link.display()
                );
            }
            (path.to_path_buf(), None)
        }
        Err(e) => return Err(e).with_context(|| format!("cannot write `{}`", path.display())),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "cannot write `{}`: the folder `{}` does not exist; create it first (`mkdir -p {}`) or choose another path",
            path.display(),
            dir.display(),
            dir.display()
        );
    }
    let mut tmp = temp_builder(NEW, 0o666)
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .with_context(|| format!("cannot write a temporary file in `{}`", dir.display()))?;
    drop(buffered);
    if let Some(perm) = keep {
        tmp.as_file()
            .set_permissions(perm)
            .with_context(|| format!("cannot keep the permissions of `{}`", path.display()))?;
    }
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

/// The prefixes of what a write stages (new) and moves aside (old); both
/// start with [`TEMP_PREFIX`].
const NEW: &str = ".policydiff-new-";
const OLD: &str = ".policydiff-old-";

/// A temporary file or folder named `prefix…`, created with `mode` less the
/// umask (tempfile's own default is owner-only).
fn temp_builder(prefix: &'static str, mode: u32) -> tempfile::Builder<'static, 'static> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    b
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
    let staging = temp_builder(NEW, 0o777)
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
        let old = temp_builder(OLD, 0o700)
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

/// Free `value` on a thread of its own, so that the caller goes on (writes
/// the report, exits) without waiting for it: a large model takes a
/// measurable share of a diff's time to free, and when the process exits
/// first, that work is not needed at all.
pub fn free_in_background<T: Send + 'static>(value: T) {
    // A thread that cannot start leaves the freeing to the caller.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Write a report to `-o FILE` if given (`-o -` is standard output), else to
/// `out`. Renderers have made their data inert already
/// ([`crate::render::inert`]).
pub fn emit(
    out: &mut dyn Write,
    file: Option<&Path>,
    force: bool,
    report: &str,
) -> anyhow::Result<()> {
    emit_with(out, file, force, &mut |w| w.write_all(report.as_bytes()))
}

/// [`emit`], the report written by `write` as it makes it.
pub fn emit_with(
    out: &mut dyn Write,
    file: Option<&Path>,
    force: bool,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match file {
        Some(path) if path != Path::new("-") => write_file_atomic_with(path, force, write),
        _ => {
            write(out)?;
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
    fn a_report_that_fails_half_written_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.json");
        std::fs::write(&file, "old").unwrap();
        // More than a buffer's worth is written before the failure.
        let e = write_file_atomic_with(&file, true, &mut |w| {
            w.write_all(&[b'x'; 100_000])?;
            Err(std::io::Error::other("the renderer failed"))
        })
        .unwrap_err();
        assert!(format!("{e:#}").contains("the renderer failed"), "{e:#}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.json")]);
        // Written whole, it replaces the file.
        write_file_atomic_with(&file, true, &mut |w| {
            w.write_all(b"new ")?;
            w.write_all(b"report")
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new report");
    }

    #[test]
    fn temporaries_carry_the_prefix_the_store_skips() {
        assert!(NEW.starts_with(TEMP_PREFIX) && OLD.starts_with(TEMP_PREFIX));
    }

    #[cfg(unix)]
    #[test]
    fn a_new_report_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("report.txt");
        write_file_atomic(&file, b"x", false).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        // Under the usual umask (022 or 002) others may read it; never 0600.
        assert_ne!(mode, 0o600, "mode {mode:o}");
        assert_eq!(mode & 0o400, 0o400);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file_atomic(&file, b"y", true).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_missing_folder_or_a_dangling_link_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_file_atomic(&dir.path().join("no/such/report.txt"), b"x", false)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("does not exist") && e.contains("mkdir -p"),
            "{e}"
        );
        assert!(!dir.path().join("no").exists());
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(dir.path().join("gone.txt"), &link).unwrap();
            let e = write_file_atomic(&link, b"x", true)
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("symbolic link") && e.contains("does not exist"),
                "{e}"
            );
        }
    }

    #[test]
    fn dash_means_standard_output() {
        let mut out = Vec::new();
        emit(&mut out, Some(Path::new("-")), false, "report").unwrap();
        assert_eq!(out, b"report");
    }
}
