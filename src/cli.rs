//! The command line: clap's derive structs, turned into validated options
//! before the core sees them. Only this module and `main.rs` know about clap.

use crate::snapshot::Status;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Compare versions of a policy programme, and check that the documents about
/// it agree.
#[derive(Debug, Parser)]
#[command(
    name = "policydiff",
    version,
    about,
    long_about = None,
    max_term_width = 100,
    after_help = EXAMPLES
)]
pub struct Cli {
    /// The version store: a folder with one sub-folder per version
    /// [default: ./versions if it exists; the shipped versions are reachable
    /// by id from any store]
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "POLICYDIFF_VERSIONS",
        help_heading = "Global options"
    )]
    pub versions: Option<PathBuf>,

    /// When to colour the output: auto means only on a terminal, and not when
    /// NO_COLOR is set or TERM is dumb
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorChoice,

    /// The width text reports wrap to [default: the terminal's; when the
    /// output is not a terminal, $COLUMNS, else 100]
    #[arg(long, global = true, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..=1000), help_heading = "Global options")]
    pub width: Option<u16>,

    /// The largest file policydiff reads (snapshots, source texts, texts to
    /// import, mapping files): bytes, or with K, M or G (`200M`)
    #[arg(long, global = true, value_name = "SIZE", default_value = "64M", env = "POLICYDIFF_MAX_FILE_SIZE", value_parser = crate::load::file::parse_size, help_heading = "Global options")]
    pub max_file_size: u64,

    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  policydiff list
  policydiff show actieprogramma-2014 --theme 5
  policydiff diff actieprogramma-2014 examples/series/actieprogramma-2015/snapshot.json
  policydiff check --format github --min-severity warning
  policydiff import versions/actieprogramma-2014/source.txt --kind programme --id draft --stdout";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the versions in the store
    #[command(after_help = "Examples:\n  policydiff list\n  policydiff list --format json")]
    List(ListArgs),
    /// Show one version's measures (or a summary page's groups)
    #[command(after_help = "\
Examples:
  policydiff show actieprogramma-2014
  policydiff show actieprogramma-2014 --measure 20
  policydiff show actieprogramma-2014 --status N --theme 3
  policydiff show samenvatting-2014 --format markdown")]
    Show(ShowArgs),
    /// Align two versions and report what changed
    #[command(after_help = "\
Examples:
  policydiff diff actieprogramma-2014 examples/series/actieprogramma-2015/snapshot.json
  policydiff diff OLD NEW --stat --width 80
  policydiff diff OLD NEW --only status,added --exit-code
  policydiff diff OLD NEW --format html -o report.html
  policydiff diff actieprogramma-2014 samenvatting-2014")]
    Diff(DiffArgs),
    /// Check versions for inconsistencies
    #[command(after_help = "\
Examples:
  policydiff check
  policydiff check actieprogramma-2014 --fail-on warning
  policydiff check --format github --min-severity warning
  policydiff check --format html -o check.html")]
    Check(CheckArgs),
    /// Turn extracted text into a snapshot draft
    #[command(after_help = "\
Examples:
  policydiff import versions/actieprogramma-2014/source.txt --kind programme --id draft --stdout
  policydiff import page.txt --kind summary --id samenvatting-2015 --describes actieprogramma-2015")]
    Import(ImportArgs),
    /// Follow every measure across a series of versions
    #[command(after_help = "\
Examples:
  policydiff history --versions examples/series
  policydiff history actieprogramma-2014 examples/series/actieprogramma-2016
  policydiff history --versions examples/series --measure 14
  policydiff history --git versions/actieprogramma-2014/snapshot.json
  policydiff history --versions examples/series --format html -o history.html")]
    History(HistoryArgs),
    /// The diff driver for git: makes `git diff` (and `git log -p
    /// --ext-diff`) show snapshot.json changes measure by measure (set-up in
    /// the README)
    #[command(
        name = "git-diff",
        after_help = "Set-up, once per repository:\n  echo 'snapshot.json diff=policydiff' >> .gitattributes\n  git config diff.policydiff.command 'policydiff git-diff'"
    )]
    GitDiff(GitDiffArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// How to print the list: a table, or JSON for scripts
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A version id from the store, or the path of a snapshot.json
    pub version: String,
    /// Only the measures of this theme
    #[arg(long, value_name = "N")]
    pub theme: Option<u32>,
    /// Only the measures with this status (uncertain statuses count when the
    /// letter is among their candidates)
    #[arg(long, value_name = "B|V|N", value_parser = parse_status_letter)]
    pub status: Option<Status>,
    /// Print this one measure in full
    #[arg(long, value_name = "N")]
    pub measure: Option<u32>,
    /// A table, JSON, Markdown, or a self-contained HTML page
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: an id from the store or the path of a snapshot.json
    pub old: String,
    /// The new version: an id from the store or the path of a snapshot.json
    pub new: String,
    /// Text (summary, table, word differences), JSON (docs/diff-format.md),
    /// Markdown for a pull-request comment, or a self-contained HTML page
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Print only the summary line and the table of changes
    #[arg(long)]
    pub stat: bool,
    /// Report only these change classes (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASSES")]
    pub only: Vec<OnlyClass>,
    /// Report only measures in this theme (old or new)
    #[arg(long, value_name = "N")]
    pub theme: Option<u32>,
    /// Exit with 1 when there are differences (0 otherwise)
    #[arg(long)]
    pub exit_code: bool,
    /// Pair old measure OLD with new measure NEW, whatever the evidence
    /// (repeatable)
    #[arg(long = "pair", value_name = "OLD=NEW", value_parser = parse_pair)]
    pub pairs: Vec<(u32, u32)>,
    /// Never pair old measure OLD (report it removed, split or merged)
    /// (repeatable)
    #[arg(long = "unpair", value_name = "OLD")]
    pub unpairs: Vec<u32>,
    /// A JSON file of pairings: {"pair": [[OLD, NEW], …], "unpair": [OLD, …]}
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
    Html,
    /// One row per measure entry, for a spreadsheet, R or pandas
    Csv,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The versions, oldest first [default: every programme in the store,
    /// in date order]; each an id, a path, or `REV:path` from git
    #[arg(id = "series", value_name = "VERSION", conflicts_with = "git")]
    pub versions: Vec<String>,
    /// Every committed revision of this snapshot file, oldest first (labelled
    /// by commit date and short hash)
    #[arg(long, value_name = "PATH")]
    pub git: Option<PathBuf>,
    /// One lineage in full: measure N of the first version, or `N@VERSION`
    /// (N in that version, named by id or label)
    #[arg(long, value_name = "N[@VERSION]")]
    pub measure: Option<String>,
    /// Only the measures that changed in more than their number at some
    /// point
    #[arg(long)]
    pub changed: bool,
    /// Text (table and events), JSON (docs/history-format.md), CSV (one row
    /// per lineage), Markdown, or a self-contained HTML page
    #[arg(long, value_enum, default_value_t = HistoryFormat::Text)]
    pub format: HistoryFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Text,
    Json,
    Csv,
    Markdown,
    Html,
}

/// What git passes an external diff command (`GIT_EXTERNAL_DIFF`):
/// `path old-file old-hex old-mode new-file new-hex new-mode`, and for a
/// rename the new path and a similarity line.
#[derive(Debug, Args)]
pub struct GitDiffArgs {
    /// The path in the repository
    pub path: String,
    /// The old side's file (`/dev/null` when the file is new)
    pub old_file: PathBuf,
    /// The old blob's hash (not used)
    pub old_hex: String,
    /// The old file's mode (not used)
    pub old_mode: String,
    /// The new side's file (`/dev/null` when the file was deleted)
    pub new_file: PathBuf,
    /// The new blob's hash (not used)
    pub new_hex: String,
    /// The new file's mode (not used)
    pub new_mode: String,
    /// For renames: the new path and git's similarity line
    #[arg(num_args = 0..=2)]
    pub rename: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum OnlyClass {
    Added,
    Removed,
    Status,
    Text,
    Renumbered,
    Moved,
    Retitled,
    Split,
    Merged,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Versions to check [default: every version in the store]
    // Its own id: `versions` is the global `--versions DIR`.
    #[arg(id = "version_names", value_name = "VERSION")]
    pub versions: Vec<String>,
    /// Text grouped by file, JSON (docs/check-format.md), GitHub workflow
    /// annotations, Markdown, or a self-contained HTML page
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// The least severity that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Leave out findings below this severity (GitHub shows only about ten
    /// annotations of a kind; `--min-severity warning` keeps them for what
    /// needs a change) [default: info, i.e. every finding]
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub min_severity: Option<FailOn>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Github,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The extracted text to import
    pub source: PathBuf,
    /// What the text is
    #[arg(long, value_enum)]
    pub kind: ImportKind,
    /// The id of the new version (its folder name in the store)
    #[arg(long)]
    pub id: String,
    /// Summary pages: the id of the programme the page describes
    #[arg(long, value_name = "ID")]
    pub describes: Option<String>,
    /// The version's title, where the text does not carry it (a PDF's cover)
    #[arg(long)]
    pub title: Option<String>,
    /// The version's date, as YYYY-MM-DD
    #[arg(long, value_parser = parse_date)]
    pub date: Option<String>,
    /// An earlier version in the store to carry forward what the text does
    /// not say: statuses its marks leave open (as `deduced`, with a note),
    /// title, publishers, theme aims; ends with the differences from it
    #[arg(long, value_name = "VERSION")]
    pub base: Option<String>,
    /// Print the draft instead of writing it to the store
    #[arg(long)]
    pub stdout: bool,
    /// Replace an existing version of that id
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Programme,
    Summary,
}

/// Where a report goes.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write the report to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

fn parse_status_letter(s: &str) -> Result<Status, String> {
    let mut chars = s.chars();
    match (
        chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .and_then(Status::from_letter),
        chars.next(),
    ) {
        (Some(status), None) => Ok(status),
        _ => Err(format!("`{s}` is not a status; use B, V or N")),
    }
}

fn parse_pair(s: &str) -> Result<(u32, u32), String> {
    let (old, new) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not a pair; write OLD=NEW, e.g. `12=13`"))?;
    let number = |t: &str| {
        t.trim().parse::<u32>().map_err(|_| {
            format!("`{t}` in `{s}` is not a measure number; write OLD=NEW, e.g. `12=13`")
        })
    };
    Ok((number(old)?, number(new)?))
}

fn parse_date(s: &str) -> Result<String, String> {
    let bad = || format!("`{s}` is not a date; write YYYY-MM-DD, e.g. `2014-08-29`");
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if (1..=days).contains(&d) {
        Ok(s.to_string())
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(parse_date("2014-08-29").is_ok());
        assert!(parse_date("2016-02-29").is_ok());
        assert!(parse_date("2014-02-29").is_err());
        assert!(parse_date("2014-02-31").is_err());
        assert!(parse_date("2014-13-01").is_err());
        assert!(parse_date("29-08-2014").is_err());
    }

    #[test]
    fn the_width_must_be_a_sensible_number_of_columns() {
        use clap::Parser;
        assert!(Cli::try_parse_from(["policydiff", "list", "--width", "80"]).is_ok());
        assert!(Cli::try_parse_from(["policydiff", "list", "--width", "5"]).is_err());
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        // Catches clashing argument ids, which clap only reports at run time.
        <Cli as clap::CommandFactory>::command().debug_assert();
    }
}
