//! A new grading slot starts from the registry crates the workspace already compiled
//! (`xtask/src/grade/seed.rs`): its warm-up compiles the course's own crates, and none of
//! their dependencies again.
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
    let dependencies: Vec<&(String, SystemTime)> = slot.iter().filter(|(name, _)| !own(name)).collect();
    assert!(dependencies.iter().any(|(name, _)| name.starts_with("libserde_json-")), "no serde_json in the slot: {slot:?}");
    for (name, time) in dependencies {
        assert!(workspace.iter().any(|(n, t)| n == name && t == time), "{name} was compiled again in the slot, not copied from the workspace");
    }
}
