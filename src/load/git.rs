//! Versions read from git. `REV:path` names the snapshot at `path` in commit
//! `REV` of the repository policydiff runs in (`HEAD~3:versions/x/snapshot.json`,
//! `main:versions/x`), and [`revisions`] lists every committed revision of
//! one file for `history --git`.
//!
//! git itself reads the repository (`git rev-parse`, `git cat-file`,
//! `git log --follow`); nothing here parses git's storage. As with git,
//! `path` is taken from the top of the repository, and `REV:./path` from the
//! current folder.

use super::file::max_file_bytes;
use super::{LoadError, SNAPSHOT_FILE};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A version named `REV:path`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevPath<'a> {
    pub rev: &'a str,
    pub path: &'a str,
}

impl RevPath<'_> {
    /// How messages name it.
    pub fn name(&self) -> String {
        format!("{}:{}", self.rev, self.path)
    }
}

/// `name` as `REV:path`, if it has that shape: a revision that is not an
/// option (`-…`), a colon, and a path.
pub fn rev_path(name: &str) -> Option<RevPath<'_>> {
    let (rev, path) = name.split_once(':')?;
    let plain = |s: &str| !s.is_empty() && !s.contains('\0') && !s.contains('\n');
    (plain(rev) && plain(path) && !rev.starts_with('-')).then_some(RevPath { rev, path })
}

/// One committed revision of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub hash: String,
    pub short: String,
    /// The commit date, `YYYY-MM-DD`.
    pub date: String,
    /// The file's path in that commit (it may have been renamed since), from
    /// the top of the repository.
    pub path: String,
}

impl Revision {
    /// How reports label it: commit date and short hash.
    pub fn label(&self) -> String {
        format!("{} {}", self.date, self.short)
    }
}

/// Run git with `args`; the error carries git's own first line of complaint.
fn git(args: &[&str], what: &str) -> Result<Output, LoadError> {
    let output = Command::new("git")
        .arg("--no-pager")
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| LoadError::Git {
            name: what.to_string(),
            message: format!("git could not be run ({e})"),
            fix: "install git, or check the version out and name its file".to_string(),
        })?;
    if output.status.success() {
        return Ok(output);
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let said = said
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("git failed")
        .trim()
        .trim_start_matches("fatal: ")
        .to_string();
    let fix = if said.contains("not a git repository") {
        "run policydiff inside the repository, or check the version out and name its file"
            .to_string()
    } else {
        "`git log --oneline --follow -- PATH` lists the revisions of a file; paths are from the top of the repository (`REV:./path` from the current folder)".to_string()
    };
    Err(LoadError::Git {
        name: what.to_string(),
        message: format!("git says: {said}"),
        fix,
    })
}

/// The text of `REV:path`, a snapshot. A path that names a folder in that
/// revision stands for its `snapshot.json`, as a folder does on disk.
/// Returns the bytes and the object's full name (`<commit>:<path>`).
pub fn read(rp: RevPath<'_>) -> Result<(Vec<u8>, String, String), LoadError> {
    let name = rp.name();
    let commit = git(
        &[
            "rev-parse",
            "--verify",
            "--end-of-options",
            &format!("{}^{{commit}}", rp.rev),
        ],
        &name,
    )?;
    let commit = String::from_utf8_lossy(&commit.stdout).trim().to_string();
    let mut path = rp.path.to_string();
    let kind = object_type(&commit, &path, &name)?;
    if kind == "tree" {
        path = format!("{}/{SNAPSHOT_FILE}", path.trim_end_matches('/'));
        let kind = object_type(&commit, &path, &name)?;
        if kind != "blob" {
            return Err(not_a_file(&name, &kind));
        }
    } else if kind != "blob" {
        return Err(not_a_file(&name, &kind));
    }
    let bytes = blob(&commit, &path, &name)?;
    Ok((bytes, commit, path))
}

fn not_a_file(name: &str, kind: &str) -> LoadError {
    LoadError::Git {
        name: name.to_string(),
        message: format!("it names a {kind}, not a file"),
        fix: "name a snapshot.json (or the version folder holding one) in that revision"
            .to_string(),
    }
}

fn object_type(commit: &str, path: &str, name: &str) -> Result<String, LoadError> {
    let out = git(&["cat-file", "-t", &format!("{commit}:{path}")], name)?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A blob's bytes, refused above [`max_file_bytes`] before it is read.
fn blob(commit: &str, path: &str, name: &str) -> Result<Vec<u8>, LoadError> {
    let object = format!("{commit}:{path}");
    let size = git(&["cat-file", "-s", &object], name)?;
    let size: u64 = String::from_utf8_lossy(&size.stdout)
        .trim()
        .parse()
        .unwrap_or(u64::MAX);
    let limit = max_file_bytes();
    if size > limit {
        return Err(LoadError::Git {
            name: name.to_string(),
            message: format!("it is {size} bytes, more than the {limit}-byte limit"),
            fix: "is it the right file? (`--max-file-size` raises the limit)".to_string(),
        });
    }
    Ok(git(&["cat-file", "blob", &object], name)?.stdout)
}

/// The source text a snapshot read from git names, from the same commit.
/// `file` must have passed [`super::file::plain_relative`] (a plain relative
/// path inside the snapshot's folder, as on disk). `None` when it is not in
/// that commit.
pub fn source_text(commit: &str, snapshot_path: &str, file: &str) -> Option<String> {
    let relative = Path::new(file);
    let folder = Path::new(snapshot_path).parent().unwrap_or(Path::new(""));
    let path: PathBuf = folder.join(relative);
    let path = path.to_str()?.trim_start_matches("./").to_string();
    let bytes = blob(commit, &path, file).ok()?;
    String::from_utf8(bytes).ok()
}

/// Every committed revision of `path`, oldest first, following renames.
pub fn revisions(path: &Path) -> Result<Vec<Revision>, LoadError> {
    let shown = path.display().to_string();
    let out = git(
        &[
            "log",
            "--follow",
            "--diff-filter=d",
            "--format=%x01%H%x09%h%x09%cs",
            "--name-only",
            "--end-of-options",
            "--",
            &shown,
        ],
        &shown,
    )?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut revisions: Vec<Revision> = text
        .split('\u{1}')
        .filter_map(|record| {
            let mut lines = record.lines().filter(|l| !l.trim().is_empty());
            let mut head = lines.next()?.split('\t');
            let (hash, short, date) = (head.next()?, head.next()?, head.next()?);
            let path = lines.next()?;
            Some(Revision {
                hash: hash.to_string(),
                short: short.to_string(),
                date: date.to_string(),
                path: path.to_string(),
            })
        })
        .collect();
    if revisions.is_empty() {
        return Err(LoadError::Git {
            name: shown,
            message: "no commit holds this file".to_string(),
            fix: "name a file git tracks (`git log --oneline -- PATH` lists its commits), from inside its repository".to_string(),
        });
    }
    revisions.reverse();
    Ok(revisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rev_path_takes_a_revision_and_a_path_and_never_an_option() {
        assert_eq!(
            rev_path("HEAD~3:versions/x/snapshot.json"),
            Some(RevPath {
                rev: "HEAD~3",
                path: "versions/x/snapshot.json"
            })
        );
        assert_eq!(
            rev_path("main:./snapshot.json").map(|r| r.rev),
            Some("main")
        );
        assert_eq!(rev_path("--output=x:y"), None);
        assert_eq!(rev_path(":versions/x"), None);
        assert_eq!(rev_path("HEAD:"), None);
        assert_eq!(rev_path("actieprogramma-2014"), None);
    }
}
