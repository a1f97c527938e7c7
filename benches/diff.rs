//! `cargo bench --bench diff`: times `diff` (load both snapshots, align,
//! compute) against merely loading both, reports peak memory, and checks that
//! alignment recovers every pairing planted in the edited copy.
//!
//! Sizes 38, 1,000 and 10,000 by default; add 100,000 with
//! `POLICYDIFF_BENCH_LARGE=1` (or the argument `--large`). Data goes to
//! `bench-data/` (ignored by git).
#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

#[path = "support/gen.rs"]
mod generator;

use policydiff::align::{self, Overrides};
use policydiff::diff;
use policydiff::load::load_path;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Peak resident memory (VmHWM) in bytes since the last reset.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Peak resident memory of a fresh process that loads, aligns and diffs the
/// two files: this bench binary run again with `--peak OLD NEW`, so that
/// nothing earlier in this process hides or inflates the figure. It includes
/// the process's own baseline (a few MB).
fn peak_in_child(old: &Path, new: &Path) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .arg("--peak")
        .arg(old)
        .arg(new)
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

/// The child side of [`peak_in_child`].
fn peak_run(old: &Path, new: &Path) {
    let a = load_path(old).expect("old loads").snapshot;
    let b = load_path(new).expect("new loads").snapshot;
    let alignment = align::align(&a, &b, &Overrides::default()).expect("no overrides");
    let d = diff::compute(&a, &b, &alignment);
    assert!(!d.is_empty());
    println!("{}", peak_rss().unwrap_or(0));
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

struct Row {
    size: usize,
    input_bytes: u64,
    load: Duration,
    diff: Duration,
    peak: Option<u64>,
    recovered: usize,
    planted: usize,
}

fn case(size: usize, dir: &Path) -> Row {
    let old = generator::programme(size, size as u64);
    let (new, planted) = generator::edit(&old, size as u64 + 1);
    std::fs::create_dir_all(dir).expect("bench-data is writable");
    let (old_path, new_path) = (
        dir.join(format!("old-{size}.json")),
        dir.join(format!("new-{size}.json")),
    );
    std::fs::write(&old_path, old.to_json()).expect("write old");
    std::fs::write(&new_path, new.to_json()).expect("write new");
    drop((old, new));
    let input_bytes = std::fs::metadata(&old_path).map_or(0, |m| m.len())
        + std::fs::metadata(&new_path).map_or(0, |m| m.len());
    let runs = if size >= 100_000 {
        1
    } else if size >= 10_000 {
        3
    } else {
        10
    };

    let (load, _) = best_of(runs, || {
        (
            load_path(&old_path).expect("old loads"),
            load_path(&new_path).expect("new loads"),
        )
    });

    let (diff_time, (alignment, d)) = best_of(runs, || {
        let a = load_path(&old_path).expect("old loads").snapshot;
        let b = load_path(&new_path).expect("new loads").snapshot;
        let alignment = align::align(&a, &b, &Overrides::default()).expect("no overrides");
        let d = diff::compute(&a, &b, &alignment);
        (alignment, d)
    });
    let peak = peak_in_child(&old_path, &new_path);
    assert!(!d.is_empty(), "the edited copy differs");
    if std::env::var_os("POLICYDIFF_BENCH_PHASES").is_some() {
        let a = load_path(&old_path).expect("old loads").snapshot;
        let b = load_path(&new_path).expect("new loads").snapshot;
        let t = Instant::now();
        let alignment = align::align(&a, &b, &Overrides::default()).expect("no overrides");
        let t_align = t.elapsed();
        let t = Instant::now();
        let _ = diff::compute(&a, &b, &alignment);
        println!(
            "  phases of {size}: align {:.1}ms, compute {:.1}ms",
            t_align.as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3
        );
    }

    // Every planted pairing (old number → new position) must be a pair.
    let mut recovered = 0;
    let mut planted_pairs = 0;
    for (new_index, from) in planted.origin.iter().enumerate() {
        if let Some(old_number) = from {
            planted_pairs += 1;
            if alignment
                .pairs
                .iter()
                .any(|p| p.new == new_index && p.old + 1 == *old_number as usize)
            {
                recovered += 1;
            }
        }
    }
    println!(
        "  planted in {size}: {} inserted, {} deleted, {} edited, {} status changes, {} swaps; found {} added, {} removed, {} splits, {} merges",
        planted.inserted,
        planted.deleted,
        planted.edited,
        planted.status_changed,
        planted.swapped,
        alignment.added.len(),
        alignment.removed.len(),
        alignment.splits.len(),
        alignment.merges.len()
    );
    Row {
        size,
        input_bytes,
        load,
        diff: diff_time,
        peak,
        recovered,
        planted: planted_pairs,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--peak") {
        if let (Some(old), Some(new)) = (args.get(at + 1), args.get(at + 2)) {
            peak_run(Path::new(old), Path::new(new));
            return;
        }
    }
    let large = std::env::var_os("POLICYDIFF_BENCH_LARGE")
        .is_some_and(|v| !v.is_empty() && v != "0")
        || std::env::args().any(|a| a == "--large");
    let mut sizes = vec![38, 1_000, 10_000];
    if large {
        sizes.push(100_000);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    let rows: Vec<Row> = sizes.iter().map(|s| case(*s, &dir)).collect();
    println!();
    println!(
        "{:>8} {:>10} {:>12} {:>12} {:>10} {:>11} {:>11} {:>14}",
        "measures",
        "input",
        "load both",
        "diff",
        "diff/load",
        "peak RSS",
        "peak/input",
        "pairs found"
    );
    for r in &rows {
        let mb = |b: u64| b as f64 / 1_048_576.0;
        println!(
            "{:>8} {:>8.2}MB {:>10.2}ms {:>10.2}ms {:>10.2} {:>9} {:>11} {:>14}",
            r.size,
            mb(r.input_bytes),
            r.load.as_secs_f64() * 1e3,
            r.diff.as_secs_f64() * 1e3,
            r.diff.as_secs_f64() / r.load.as_secs_f64(),
            r.peak
                .map_or("n/a".to_string(), |p| format!("{:.1}MB", mb(p))),
            r.peak.map_or("n/a".to_string(), |p| format!(
                "{:.2}",
                p as f64 / r.input_bytes as f64
            )),
            format!("{}/{}", r.recovered, r.planted),
        );
    }
    if let (Some(a), Some(b)) = (
        rows.iter().find(|r| r.size == 10_000),
        rows.iter().find(|r| r.size == 100_000),
    ) {
        println!(
            "100,000 / 10,000 diff time: {:.1}× (goal ≤ 15×)",
            b.diff.as_secs_f64() / a.diff.as_secs_f64()
        );
    }
    let lost: usize = rows.iter().map(|r| r.planted - r.recovered).sum();
    assert_eq!(lost, 0, "alignment lost {lost} planted pairings");
}
