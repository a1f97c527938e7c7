//! `cargo bench --bench process`: what a user waits for. Times the whole
//! `policydiff diff` process, in every output format written to a file,
//! against the floor of merely parsing both files into the snapshot types
//! (this bench binary run again with `--parse-baseline OLD NEW`) and against
//! `git diff --no-index --word-diff`, in alternating runs, and prints the
//! medians, the ratios and each process's peak resident memory. A second
//! parse row keeps both snapshots to the end, as a diff must: the floor of a
//! diff's memory (the ratios are to the first row, which frees each file's
//! snapshot before reading the next).
//!
//! Sizes 1,000 and 10,000 measures by default; add 100,000 with
//! `POLICYDIFF_BENCH_LARGE=1` (or `--large`) — its files (about 80 MB each)
//! are over policydiff's default 64 MiB file limit, so policydiff runs with
//! `--max-file-size 1G` (a command that fails is reported as failed, never
//! timed); `POLICYDIFF_BENCH_RUNS` sets the runs per command (5). The generated pairs go to `bench-data/` (ignored by
//! git). Only public tools: git, and /proc for memory.
#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

#[path = "support/gen.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The typed parse of both files, nothing else: the floor any diff pays.
/// With `hold`, both snapshots are kept until the end, as a diff must keep
/// them: the floor of a diff's memory.
fn parse_baseline(old: &Path, new: &Path, hold: bool) {
    let mut held = Vec::new();
    for path in [old, new] {
        let text = std::fs::read_to_string(path).expect("the file reads");
        let s: policydiff::snapshot::Snapshot =
            serde_json::from_str(&text).expect("the file parses");
        drop(text);
        if hold {
            held.push(s);
        } else {
            std::hint::black_box(s);
        }
    }
    std::hint::black_box(held);
}

/// One run of `cmd`: wall time and peak resident memory. The peak is the
/// child's VmHWM (a high-water mark, so the last reading before it exits is
/// its peak to within the polling interval).
fn run(cmd: &mut Command) -> (Duration, Option<u64>, Option<i32>) {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the command starts");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = None;
    let code = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status.code();
        }
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        }) {
            peak = Some(kb * 1024);
        }
        std::thread::sleep(Duration::from_micros(500));
    };
    (start.elapsed(), peak, code)
}

#[derive(Debug)]
struct Timing {
    name: String,
    times: Vec<Duration>,
    peak: Option<u64>,
    /// An exit code that means the command failed (0 and 1 do not: `git
    /// diff` says "differences" with 1), so its time is not a figure.
    failed: Option<Option<i32>>,
}

impl Timing {
    fn median(&self) -> f64 {
        let mut t: Vec<f64> = self.times.iter().map(Duration::as_secs_f64).collect();
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    }
}

fn case(size: usize, dir: &Path, runs: usize) -> Vec<Timing> {
    std::fs::create_dir_all(dir).expect("bench-data is writable");
    let old_path = dir.join(format!("process-old-{size}.json"));
    let new_path = dir.join(format!("process-new-{size}.json"));
    let mut old = generator::programme(size, size as u64);
    generator::add_references(&mut old, size as u64 + 2);
    let (new, _) = generator::edit(&old, size as u64 + 1);
    std::fs::write(&old_path, old.to_json()).expect("write old");
    std::fs::write(&new_path, new.to_json()).expect("write new");
    drop((old, new));
    let out = dir.join(format!("process-report-{size}"));
    let exe = std::env::current_exe().expect("this bench binary");
    let policydiff = env!("CARGO_BIN_EXE_policydiff");

    let mut commands: Vec<(String, Command)> = Vec::new();
    let mut baseline = Command::new(&exe);
    baseline
        .arg("--parse-baseline")
        .arg(&old_path)
        .arg(&new_path);
    commands.push(("typed parse of both".into(), baseline));
    let mut held = Command::new(&exe);
    held.arg("--parse-baseline-held")
        .arg(&old_path)
        .arg(&new_path);
    commands.push(("typed parse of both, both held".into(), held));
    for format in ["json", "text", "markdown", "html"] {
        let mut c = Command::new(policydiff);
        // The 100,000-measure files are over the default 64 MiB limit.
        c.args([
            "--max-file-size",
            "1G",
            "diff",
            "--format",
            format,
            "--force",
            "-o",
        ])
        .arg(out.with_extension(format))
        .arg(&old_path)
        .arg(&new_path);
        commands.push((format!("policydiff diff --format {format}"), c));
    }
    let mut git = Command::new("git");
    git.args(["diff", "--no-index", "--word-diff", "--no-color"])
        .arg(&old_path)
        .arg(&new_path);
    commands.push(("git diff --no-index --word-diff".into(), git));

    let mut timings: Vec<Timing> = commands
        .iter()
        .map(|(name, _)| Timing {
            name: name.clone(),
            times: Vec::new(),
            peak: None,
            failed: None,
        })
        .collect();
    // One warm-up round, then the counted rounds, commands in turn so that
    // a drift in the machine's speed touches them alike.
    for round in 0..=runs {
        for (i, (_, cmd)) in commands.iter_mut().enumerate() {
            let (t, peak, code) = run(cmd);
            if !matches!(code, Some(0 | 1)) {
                timings[i].failed = Some(code);
            }
            if round > 0 {
                timings[i].times.push(t);
                timings[i].peak = timings[i].peak.max(peak);
            }
        }
    }
    timings
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args
        .iter()
        .position(|a| a == "--parse-baseline" || a == "--parse-baseline-held")
    {
        if let (Some(old), Some(new)) = (args.get(at + 1), args.get(at + 2)) {
            let hold = args[at] == "--parse-baseline-held";
            parse_baseline(Path::new(old), Path::new(new), hold);
            return;
        }
    }
    let large = std::env::var_os("POLICYDIFF_BENCH_LARGE")
        .is_some_and(|v| !v.is_empty() && v != "0")
        || args.iter().any(|a| a == "--large");
    let runs = std::env::var("POLICYDIFF_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5usize)
        .max(1);
    let mut sizes = vec![1_000, 10_000];
    if large {
        sizes.push(100_000);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    let mut medians: Vec<(usize, f64)> = Vec::new();
    for size in sizes {
        let timings = case(size, &dir, runs);
        let floor = timings[0].median();
        let git = timings.last().map_or(f64::NAN, Timing::median);
        println!("\n{size} measures, medians of {runs} runs:");
        println!(
            "  {:<36} {:>9} {:>9} {:>9} {:>10}",
            "command", "wall", "÷ parse", "÷ git", "peak RSS"
        );
        for t in &timings {
            if let Some(code) = t.failed {
                let code = code.map_or("a signal".to_string(), |c| format!("exit {c}"));
                println!(
                    "  {:<36} failed ({code}): run it by hand to see why",
                    t.name
                );
                continue;
            }
            let m = t.median();
            println!(
                "  {:<36} {:>8.3}s {:>8.2}× {:>8.2}× {:>10}",
                t.name,
                m,
                m / floor,
                m / git,
                t.peak.map_or("n/a".to_string(), |p| format!(
                    "{:.0} MiB",
                    p as f64 / 1_048_576.0
                ))
            );
        }
        if let Some(json) = timings
            .iter()
            .find(|t| t.name.ends_with("json") && t.failed.is_none())
        {
            medians.push((size, json.median()));
        }
    }
    if let (Some(a), Some(b)) = (
        medians.iter().find(|(s, _)| *s == 10_000),
        medians.iter().find(|(s, _)| *s == 100_000),
    ) {
        println!("\n100,000 ÷ 10,000 (json): {:.1}× (goal ≤ 11×)", b.1 / a.1);
    }
}
