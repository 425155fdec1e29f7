//! Reads the plain-text report of Rust's test harness (libtest), the output of
//! `cargo test -- --test-threads N` on stable Rust, where the JSON format is unstable.
//!
//! The report has one `test NAME ... ok|FAILED|ignored` line per test, then a `failures:`
//! section with a `---- NAME stdout ----` block holding each failed test's captured output
//! (and, with `--show-output`, a `successes:` section with the passed tests' blocks).
//!
//! Student code can print these lines too: what is read here only explains a verdict
//! (`verdict.rs`), it never decides one.

use super::report::{Outcome, TestResult};
use std::collections::BTreeMap;

/// Every test the report names, by test name.
pub fn parse(stdout: &str) -> BTreeMap<String, TestResult> {
    let mut results = BTreeMap::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else { continue };
        let Some((name, status)) = rest.rsplit_once(" ... ") else { continue };
        let outcome = match status.trim() {
            "ok" => Outcome::Passed,
            "FAILED" => Outcome::Failed,
            s if s.starts_with("ignored") => Outcome::Ignored,
            _ => continue,
        };
        results.insert(name.to_string(), TestResult { outcome, output: String::new() });
    }
    let mut current: Option<String> = None;
    for line in stdout.lines() {
        if let Some(name) = line.strip_prefix("---- ").and_then(|l| l.strip_suffix(" stdout ----")) {
            current = Some(name.to_string());
            continue;
        }
        if line == "failures:" || line == "successes:" || line.starts_with("test result: ") {
            current = None;
            continue;
        }
        if let Some(result) = current.as_ref().and_then(|name| results.get_mut(name)) {
            result.output.push_str(line);
            result.output.push('\n');
        }
    }
    for result in results.values_mut() {
        result.output = tidy(&result.output);
    }
    results
}

/// Drops what does not help a student: insta's advice to run `cargo insta` (a check
/// never writes snapshots), backtrace notes, panic locations inside dependencies (insta's
/// own assertion), the harness's thread names and ids, and blank edges.
fn tidy(output: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    for line in output.lines() {
        if line.contains("cargo insta") || line.starts_with("note: run with `RUST_BACKTRACE=1`") {
            continue;
        }
        if let Some((_, location)) = line.split_once(" panicked at ").filter(|_| line.starts_with("thread '")) {
            // A location inside a dependency is insta's own assertion: the message below it
            // says which snapshot failed.
            if !location.contains("/.cargo/registry/") {
                kept.push(format!("panicked at {location}"));
            }
            continue;
        }
        kept.push(line.to_string());
    }
    kept.join("\n").trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "\nrunning 3 tests\ntest a ... ok\ntest b::c ... FAILED\ntest d ... ignored, slow\n\nfailures:\n\n---- b::c stdout ----\n\nthread 'b::c' panicked at src/lib.rs:3:5:\nboom\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\nStopped on the first failure. Run `cargo insta test` to run all snapshots.\n\n\nfailures:\n    b::c\n\ntest result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out\n";

    #[test]
    fn reads_outcomes_and_failure_output() {
        let results = parse(REPORT);
        assert_eq!(results.len(), 3);
        assert_eq!(results["a"].outcome, Outcome::Passed);
        assert_eq!(results["d"].outcome, Outcome::Ignored);
        assert_eq!(results["b::c"].outcome, Outcome::Failed);
        assert_eq!(results["b::c"].output, "panicked at src/lib.rs:3:5:\nboom");
    }

    #[test]
    fn a_build_failure_has_no_tests() {
        assert!(parse("error[E0308]: mismatched types\n").is_empty());
    }
}
