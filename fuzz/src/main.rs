//! `policydiff-fuzz`: mutate the real files and feed them to every stage for
//! a time budget; report executions, panics (by location) and slow inputs,
//! and keep every input that panicked in `fuzz/found/`.

use clap::Parser;
use policydiff_fuzz::mutate::{Rng, mutate};
use policydiff_fuzz::{Target, exercise, repo_root, seeds};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Parser)]
#[command(about = "Fuzz policydiff on stable Rust (see fuzz/README.md)")]
struct Args {
    /// Which stage to feed; `all` takes turns
    #[arg(long, default_value = "all")]
    target: String,
    /// How long to run
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// The random seed (a run is repeatable from it)
    #[arg(long, default_value_t = 2014)]
    seed: u64,
    /// An input slower than this is reported as a hang
    #[arg(long, default_value_t = 10)]
    slow_seconds: u64,
}

/// Where the last panic happened, for the report (the hook runs before the
/// unwind reaches `catch_unwind`).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

#[derive(Debug, Default)]
struct Tally {
    executions: u64,
    /// Commands run, and those that finished without an error: how deep the
    /// mutants reach (an input refused at once exercises little).
    commands: u64,
    ok: u64,
    panics: BTreeMap<String, u64>,
    slow: u64,
}

fn main() {
    let args = Args::parse();
    let targets: Vec<Target> = if args.target == "all" {
        Target::ALL.to_vec()
    } else {
        match Target::from_name(&args.target) {
            Some(t) => vec![t],
            None => {
                let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
                eprintln!(
                    "error: unknown target `{}`; known: all, {}",
                    args.target,
                    names.join(", ")
                );
                std::process::exit(2);
            }
        }
    };
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "?".to_string());
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{place}: {message}"));
        }
    }));
    let seeds: Vec<Vec<Vec<u8>>> = targets.iter().map(|t| seeds(*t)).collect();
    let found = repo_root().join("fuzz").join("found");
    let mut rng = Rng::new(args.seed);
    let mut tallies: Vec<Tally> = targets.iter().map(|_| Tally::default()).collect();
    let start = Instant::now();
    let budget = Duration::from_secs(args.seconds);
    let slow = Duration::from_secs(args.slow_seconds);
    let mut turn = 0usize;
    while start.elapsed() < budget {
        let k = turn % targets.len();
        turn += 1;
        let (target, pool) = (targets[k], &seeds[k]);
        if pool.is_empty() {
            continue;
        }
        let seed = rng.pick(pool).clone();
        let other = rng.pick(pool).clone();
        let input = mutate(&seed, &other, &mut rng);
        let began = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(target, &input)));
        let took = began.elapsed();
        let tally = &mut tallies[k];
        tally.executions += 1;
        if took > slow {
            tally.slow += 1;
            keep(&found, target, &input, &format!("slow: {took:?}"));
        }
        if let Ok(o) = outcome {
            tally.commands += u64::from(o.commands);
            tally.ok += u64::from(o.ok);
        }
        if outcome.is_err() {
            let place = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut l| l.take())
                .unwrap_or_else(|| "?".to_string());
            let first = !tally.panics.contains_key(&place);
            *tally.panics.entry(place.clone()).or_default() += 1;
            if first {
                keep(&found, target, &input, &place);
                eprintln!("panic in {}: {place}", target.name());
            }
        }
    }
    let mut failed = false;
    println!(
        "fuzzed {:.0} s, seed {}",
        start.elapsed().as_secs_f64(),
        args.seed
    );
    for (t, tally) in targets.iter().zip(&tallies) {
        let panics: u64 = tally.panics.values().sum();
        println!(
            "{:<17} {:>7} executions ({} of {} commands ran clean), {} panics at {} places, {} slow",
            t.name(),
            tally.executions,
            tally.ok,
            tally.commands,
            panics,
            tally.panics.len(),
            tally.slow
        );
        for (place, n) in &tally.panics {
            println!("    {n} × {place}");
        }
        failed |= panics > 0 || tally.slow > 0;
    }
    std::process::exit(i32::from(failed));
}

/// Keep an input that panicked or was slow, named by its target and a hash of
/// its bytes, with a note of what happened beside it.
fn keep(dir: &std::path::Path, target: Target, input: &[u8], what: &str) {
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    let ext = if target.takes_text() { "txt" } else { "json" };
    let _ = std::fs::create_dir_all(dir);
    let file = dir.join(format!("{}-{hash:016x}.{ext}", target.name()));
    let _ = std::fs::write(&file, input);
    let _ = std::fs::write(file.with_extension("log"), format!("{what}\n"));
}
