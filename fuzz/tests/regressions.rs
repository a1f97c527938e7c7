//! Every input the fuzzer ever found a panic with, kept in
//! `fuzz/regressions/<target>-<hash>.{txt,json}`, run once through its target:
//! none may panic again.

use policydiff_fuzz::{Target, exercise, repo_root};

#[test]
fn no_kept_fuzz_input_panics() {
    let dir = repo_root().join("fuzz").join("regressions");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/regressions exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "json"))
        .collect();
    entries.sort();
    assert!(
        !entries.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let target = Target::ALL
            .into_iter()
            .filter(|t| name.starts_with(&format!("{}-", t.name())))
            .max_by_key(|t| t.name().len())
            .unwrap_or_else(|| panic!("{name}: name it <target>-<anything>"));
        let input = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| exercise(target, &input));
        assert!(outcome.is_ok(), "{name} panics again in {}", target.name());
    }
}

#[test]
fn the_unmutated_seeds_run_every_command_cleanly() {
    // The harness must reach the code: for every target, some real file runs
    // every command it gives without an error (a check with findings exits
    // 1, which counts as success). The summary page's text imported as a
    // programme is rightly refused, so not every seed of every target does.
    for target in Target::ALL {
        let outcomes: Vec<_> = policydiff_fuzz::seeds(target)
            .iter()
            .map(|seed| exercise(target, seed))
            .collect();
        assert!(
            outcomes
                .iter()
                .any(|o| o.commands >= 4 && o.ok == o.commands),
            "{}: {outcomes:?}",
            target.name()
        );
    }
}
