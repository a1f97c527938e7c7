//! The process exit codes, following `diff(1)` and `git diff --exit-code`.

/// No differences (`diff`), no findings at or above `--fail-on` (`check`), or
/// a command that reports nothing (`list`, `show`, `import`).
pub const SUCCESS: i32 = 0;

/// `diff --exit-code` found differences, or `check` found findings at or
/// above `--fail-on`.
pub const DIFFERENCES: i32 = 1;

/// Trouble: bad arguments, a missing or unreadable file, invalid JSON, a
/// snapshot that breaks the format. Nothing was written.
pub const TROUBLE: i32 = 2;
