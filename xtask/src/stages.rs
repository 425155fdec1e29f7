//! Runs an exercise crate's stage tests and groups the results by stage.
//!
//! Every exercise, whatever its kind, is checked the same way: `cargo test --test check`
//! on its crate, in the workbook's environment (see `workspace.rs`). The tests drive real
//! Python; this module only reads the harness's report (`libtest.rs`) and maps each test
//! to its stage (`course.rs`).

use crate::course::Exercise;
use crate::libtest::{self, Outcome, TestResult};
use crate::workspace::Workspace;
use anyhow::{Context, Result};

/// What running one crate's stage tests gave.
#[derive(Debug)]
pub enum Report {
    /// The crate or its tests did not compile; `output` holds cargo's and rustc's messages.
    BuildFailed { output: String },
    /// The tests ran.
    Ran {
        /// One entry per stage, in the metadata's order.
        stages: Vec<StageReport>,
        /// Tests that ran but belong to no stage (an author's mistake `verify` reports).
        unassigned: Vec<String>,
        /// What the test process printed on standard error, shown when a test is missing
        /// (the process crashed or a test was renamed).
        stderr: String,
    },
}

/// One stage's outcome.
#[derive(Debug)]
pub struct StageReport {
    pub name: String,
    pub points: u32,
    /// Each of the stage's tests with its result; `None` when the test did not run.
    pub tests: Vec<(String, Option<TestResult>)>,
}

impl StageReport {
    /// Whether every test of the stage ran and passed.
    pub fn passed(&self) -> bool {
        self.tests.iter().all(|(_, r)| r.as_ref().is_some_and(|r| r.outcome == Outcome::Passed))
    }
}

impl Report {
    /// The stages, or none when the build failed.
    pub fn stages(&self) -> &[StageReport] {
        match self {
            Report::BuildFailed { .. } => &[],
            Report::Ran { stages, .. } => stages,
        }
    }

    /// Whether every stage passed.
    pub fn all_passed(&self) -> bool {
        matches!(self, Report::Ran { .. }) && self.stages().iter().all(StageReport::passed)
    }

    /// How many stages passed.
    pub fn passed_count(&self) -> usize {
        self.stages().iter().filter(|s| s.passed()).count()
    }
}

/// Runs the stage tests of `package` (the exercise's starter or its solution).
///
/// `extra_env` adds variables to the workbook's environment (`bless` uses it to let insta
/// write snapshots for a solution).
///
/// # Errors
/// Only when cargo cannot be started; a failing build or test is a [`Report`].
pub fn run(ws: &Workspace, exercise: &Exercise, package: &str, extra_env: &[(&str, &str)]) -> Result<Report> {
    let color = if crate::ui::stdout_is_terminal() { "always" } else { "never" };
    let mut cmd = ws.cargo();
    cmd.args(cargo_test_args(package, color, &[]));
    for (key, value) in extra_env {
        cmd.env(key, value);
    }
    let output = cmd.output().context("running cargo test")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Ok(read(exercise, &stdout, stderr, output.status.success()))
}

/// The arguments of `cargo` that run `package`'s stage tests: `test`, then `extra` (e.g.
/// `--offline`, `--no-run`), then the package, the `check` test target and the harness's
/// options. Grading (`grade/`) runs the same command inside its sandbox.
pub fn cargo_test_args(package: &str, color: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["test".to_string()];
    args.extend(extra.iter().map(|a| a.to_string()));
    for arg in ["--color", color, "--package", package, "--test", "check", "--", "--color", "never"] {
        args.push(arg.to_string());
    }
    args
}

/// Reads what `cargo test` printed for `exercise` into a [`Report`]: `stdout` is the
/// harness's report, `stderr` cargo's and the compiler's messages, `success` whether the
/// process exited successfully.
pub fn read(exercise: &Exercise, stdout: &str, stderr: String, success: bool) -> Report {
    let results = libtest::parse(stdout);
    if results.is_empty() && !success {
        return Report::BuildFailed { output: stderr };
    }
    let mut stages = Vec::new();
    let mut assigned = std::collections::HashSet::new();
    for stage in exercise.stages.get_ref() {
        let tests = stage
            .tests
            .get_ref()
            .iter()
            .map(|name| {
                assigned.insert(name.clone());
                (name.clone(), results.get(name).cloned())
            })
            .collect();
        stages.push(StageReport { name: stage.name.get_ref().clone(), points: *stage.points.get_ref(), tests });
    }
    let unassigned = results.keys().filter(|name| !assigned.contains(*name)).cloned().collect();
    Report::Ran { stages, unassigned, stderr }
}
