//! A new target folder starts from the registry crates another one already compiled
//! (`xtask/src/seed.rs`): a new grading slot from the workspace's, whose warm-up then
//! compiles the course's own crates and none of their dependencies again; another
//! interpreter's target folder (`WORKBOOK_PYTHON`) from the default one's.
#![cfg(unix)]

mod fixture;

use fixture::{Fixture, text};
use std::path::Path;
use std::time::SystemTime;

/// The `.rlib` files in `deps` (a profile's `deps/` folder), by file name, with their
/// modification times.
fn rlibs(deps: &Path) -> Vec<(String, SystemTime)> {
    let entries = std::fs::read_dir(deps).unwrap_or_else(|e| panic!("{}: {e}", deps.display()));
    let mut found: Vec<(String, SystemTime)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            name.ends_with(".rlib").then(|| (name, e.metadata().and_then(|m| m.modified()).unwrap()))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_new_slot_compiles_only_the_courses_own_crates() {
    let f = Fixture::new();
    // A student's check leaves the workspace's build behind: exercise `one` and its
    // registry dependencies (serde, serde_json, fastrand, through check-report).
    let checked = f.run(&["check", "one", "--solution"]);
    assert!(checked.status.success(), "{}", text(&checked));
    let grading = f.target().join("grading");
    if grading.exists() {
        std::fs::remove_dir_all(&grading).unwrap();
    }
    let prepared = f.run(&["grade", "prepare"]);
    assert!(prepared.status.success(), "{}", text(&prepared));
    assert!(text(&prepared).contains("Sandbox slot 0 starts from the"), "{}", text(&prepared));

    let workspace = rlibs(&f.target().join("debug/deps"));
    let slot = rlibs(&grading.join("slot-0/target/debug/deps"));
    let own = |name: &str| ["libone-", "libtwo-", "libcheck_report-"].iter().any(|p| name.starts_with(p));
    // The warm-up built both exercises (`two` was never checked in the workspace).
    for crate_prefix in ["libone-", "libtwo-", "libcheck_report-"] {
        assert!(slot.iter().any(|(name, _)| name.starts_with(crate_prefix)), "the slot has no {crate_prefix}*.rlib: {slot:?}");
    }
    // Every dependency's library in the slot is the workspace's copy, with its time: a
    // library compiled again in the slot would be newer, or under another hash.
    assert_copied(&slot, &workspace, own, "the slot");
}

/// Every library in `copy` but the course's own (`own`) is in `original` with the same
/// name and time, and serde_json is one of them.
fn assert_copied(copy: &[(String, SystemTime)], original: &[(String, SystemTime)], own: impl Fn(&str) -> bool, what: &str) {
    let dependencies: Vec<&(String, SystemTime)> = copy.iter().filter(|(name, _)| !own(name)).collect();
    assert!(dependencies.iter().any(|(name, _)| name.starts_with("libserde_json-")), "no serde_json in {what}: {copy:?}");
    for (name, time) in dependencies {
        assert!(original.iter().any(|(n, t)| n == name && t == time), "{name} was compiled again in {what}, not copied");
    }
}

#[test]
fn another_interpreters_target_folder_starts_from_the_default_ones_crates() {
    let f = Fixture::new();
    let checked = f.run(&["check", "one", "--solution"]);
    assert!(checked.status.success(), "{}", text(&checked));
    // `WORKBOOK_PYTHON` names the same python3 here: its folder is named after its version.
    let version = std::process::Command::new("python3").args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).output().unwrap();
    let other = f.target().join(format!("python-{}", String::from_utf8_lossy(&version.stdout).trim()));
    if other.exists() {
        std::fs::remove_dir_all(&other).unwrap();
    }
    let again = f.xtask().env("WORKBOOK_PYTHON", "python3").args(["check", "one", "--solution"]).output().unwrap();
    assert!(again.status.success(), "{}", text(&again));
    assert!(text(&again).contains("starts from the"), "{}", text(&again));
    let built = rlibs(&other.join("debug/deps"));
    assert!(built.iter().any(|(name, _)| name.starts_with("libone_solution-")), "the solution of one was not built in {}: {built:?}", other.display());
    let own = |name: &str| ["libone_solution-", "libcheck_report-"].iter().any(|p| name.starts_with(p));
    assert_copied(&built, &rlibs(&f.target().join("debug/deps")), own, &other.display().to_string());
}
