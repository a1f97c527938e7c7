//! Reading a file named by input — a snapshot, its source text, a mapping
//! file, a text to import — within limits: a regular file, of bounded size,
//! and for a source text, inside the snapshot's own folder. Every reader of
//! such a file goes through here, so that no input can make policydiff read a
//! device, block on a pipe, or quote a file outside the version folder.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use std::sync::atomic::{AtomicU64, Ordering};

/// The largest file policydiff reads by default (snapshots, source texts,
/// mapping files, texts to import): 64 MiB, far above any real programme
/// (the 2014 programme is 60 kB) and well below what would exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The limit in force: [`MAX_FILE_BYTES`] unless the command line raised or
/// lowered it (`--max-file-size`), once, before anything is read.
static LIMIT: AtomicU64 = AtomicU64::new(MAX_FILE_BYTES);

/// The largest file policydiff reads now.
pub fn max_file_bytes() -> u64 {
    LIMIT.load(Ordering::Relaxed)
}

/// Set the limit for the whole process (the `--max-file-size` option).
pub fn set_max_file_bytes(bytes: u64) {
    LIMIT.store(bytes, Ordering::Relaxed);
}

/// A size as the command line gives it: bytes, or a whole number of
/// kibibytes, mebibytes or gibibytes (`500K`, `200M`, `1G`; `KiB`, `MB` …
/// read the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let fix = "give a number of bytes, or one with K, M or G (e.g. `200M`)";
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size; {fix}"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("`{text}` has an unknown unit; {fix}")),
    };
    number
        .checked_mul(1 << shift)
        .filter(|b| *b > 0)
        .ok_or_else(|| format!("`{text}` is not a usable size; {fix}"))
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("no such file")]
    NotFound,
    #[error("it is {0}, not a regular file; give the path of a file")]
    NotRegular(&'static str),
    #[error(
        "it is {size} bytes, more than the {limit}-byte limit; is it the right file? (`--max-file-size` raises the limit)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Read a regular file of at most [`max_file_bytes`].
///
/// The type is checked before the file is opened (opening a FIFO would block)
/// and the size is bounded while reading (a file may grow after the check).
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, FileError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(FileError::NotFound),
        Err(e) => return Err(FileError::Io(e)),
    };
    if !meta.is_file() {
        return Err(FileError::NotRegular(kind_of(&meta)));
    }
    let limit = max_file_bytes();
    if meta.len() > limit {
        return Err(FileError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Why a snapshot's `source.file` was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Containment {
    #[error(
        "is an absolute path; give a file name relative to the snapshot's folder, e.g. `source.txt`"
    )]
    Absolute,
    #[error(
        "climbs out of the snapshot's folder with `..`; keep the source text inside the version folder and name it relatively, e.g. `source.txt`"
    )]
    ParentDir,
    #[error("is empty; name the source text, e.g. `source.txt`")]
    Empty,
    #[error(
        "leads outside the snapshot's folder (through a symbolic link); copy the source text into the version folder"
    )]
    Escapes,
}

/// Whether `file` is a relative path of plain components (no `..`, not
/// absolute, not empty): the first half of the containment rule, the half
/// that needs no file system (a snapshot read from git has none).
pub fn plain_relative(file: &str) -> Result<(), Containment> {
    if file.is_empty() {
        return Err(Containment::Empty);
    }
    for c in Path::new(file).components() {
        match c {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err(Containment::ParentDir),
            Component::RootDir | Component::Prefix(_) => return Err(Containment::Absolute),
        }
    }
    Ok(())
}

/// Where a snapshot's `source.file` lives: a relative path of plain
/// components under `folder`. `Ok(None)` when the file does not exist (the
/// `check` rules report a missing source).
pub fn source_path(folder: &Path, file: &str) -> Result<Option<PathBuf>, Containment> {
    plain_relative(file)?;
    let relative = Path::new(file);
    let joined = folder.join(relative);
    let (Ok(real_folder), Ok(real_file)) = (
        std::fs::canonicalize(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        }),
        std::fs::canonicalize(&joined),
    ) else {
        return Ok(None);
    };
    if !real_file.starts_with(&real_folder) {
        return Err(Containment::Escapes);
    }
    Ok(Some(joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_outside_the_folder_is_refused_however_it_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("v");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("source.txt"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        assert!(source_path(&folder, "source.txt").unwrap().is_some());
        assert!(source_path(&folder, "./source.txt").unwrap().is_some());
        assert!(source_path(&folder, "missing.txt").unwrap().is_none());
        assert_eq!(
            source_path(&folder, "/etc/passwd"),
            Err(Containment::Absolute)
        );
        assert_eq!(
            source_path(&folder, "../secret.txt"),
            Err(Containment::ParentDir)
        );
        assert_eq!(
            source_path(&folder, "sub/../../secret.txt"),
            Err(Containment::ParentDir)
        );
        assert_eq!(source_path(&folder, ""), Err(Containment::Empty));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("link.txt"))
                .unwrap();
            assert_eq!(source_path(&folder, "link.txt"), Err(Containment::Escapes));
        }
    }

    #[test]
    fn only_regular_files_of_bounded_size_are_read() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path()),
            Err(FileError::NotRegular("a folder"))
        ));
        assert!(matches!(
            read_bounded(&dir.path().join("none")),
            Err(FileError::NotFound)
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_bounded(Path::new("/dev/zero")),
            Err(FileError::NotRegular("a device"))
        ));
        let file = dir.path().join("big");
        let f = std::fs::File::create(&file).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert!(matches!(
            read_bounded(&file),
            Err(FileError::TooLarge { .. })
        ));
    }
}
