//! Grading one exercise of one submission: lay the student's editable files over the
//! pristine sandbox, build with the build bounds, run the stage tests with the test
//! bounds, and score the report.
//!
//! Both steps are `cargo test --offline --package <crate> --test check` (the command
//! `stages.rs` runs for `cargo xtask check`), the first with `--no-run`, in the workbook's
//! environment (`Workspace::command`: `INSTA_UPDATE=no`, no other `INSTA_*`, the
//! repository's `PYO3_PYTHON`) minus the grader's other variables (`bounded::scrub_env`).

use super::bounded::{self, End, Isolation, Limits};
use super::sandbox::{Pristine, Sandbox};
use super::score::{ExerciseGrade, Status};
use super::submissions::Collected;
use crate::course::Exercise;
use crate::stages;
use crate::workspace::Workspace;
use anyhow::Result;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// What every exercise run shares.
pub struct Grader<'a> {
    pub ws: &'a Workspace,
    pub pristine: Pristine,
    pub isolation: Isolation,
    pub build: Limits,
    pub test: Limits,
    /// Grades already computed in this run, by exercise and digest of the files: forty
    /// untouched starters are built and run once. Only deterministic outcomes are kept
    /// (graded, build failed), never a timeout.
    pub memo: Mutex<HashMap<(String, String), ExerciseGrade>>,
}

impl Grader<'_> {
    /// The `cargo test` command for `package` in `sandbox`, bounded by the caller. For
    /// `untrusted` code (a student's) it runs in the isolation available, with a scrubbed
    /// environment; the pristine warm-up build may use the network and the grader's proxy
    /// and registry settings.
    pub fn command(&self, sandbox: &Sandbox, package: &str, extra: &[&str], untrusted: bool) -> std::process::Command {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let isolation = if untrusted { self.isolation.clone() } else { Isolation::Unavailable { reason: String::new() } };
        let (program, lead) = bounded::wrap(&isolation, &cargo);
        let mut cmd = self.ws.command(program);
        cmd.args(lead);
        cmd.args(stages::cargo_test_args(package, "never", extra));
        cmd.current_dir(&sandbox.root);
        cmd.env("CARGO_TARGET_DIR", &sandbox.target);
        cmd.env("CARGO_TERM_COLOR", "never");
        if untrusted {
            bounded::scrub_env(&mut cmd);
        }
        cmd
    }

    /// Grades `exercise` for the files in `collected`.
    ///
    /// # Errors
    /// Only when the sandbox cannot be written or a process cannot start; everything the
    /// student's code does is a grade.
    pub fn grade(&self, sandbox: &Sandbox, exercise: &Exercise, collected: &Collected) -> Result<ExerciseGrade> {
        let start = Instant::now();
        if let Some(why) = &collected.rejected {
            return Ok(ExerciseGrade::zero(exercise, Status::Rejected, why.clone()));
        }
        let editable = exercise.editable();
        let missing: Vec<String> = editable.iter().filter(|p| !collected.files.contains_key(*p)).map(|p| p.display().to_string()).collect();
        if !missing.is_empty() {
            let message = format!("file not submitted: {}", missing.join(", "));
            return Ok(ExerciseGrade::zero(exercise, Status::NotSubmitted, message));
        }
        let digest = collected.digest(&editable);
        let unchanged = editable.iter().all(|p| self.pristine.get(p) == collected.files.get(p).map(Vec::as_slice));
        let key = (exercise.name().to_string(), digest.clone());
        let cached = self.memo.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned();
        let mut grade = match cached {
            Some(grade) => grade,
            None => {
                let grade = self.build_and_test(sandbox, exercise, collected)?;
                if matches!(grade.status, Status::Graded | Status::BuildFailed) {
                    self.memo.lock().unwrap_or_else(|e| e.into_inner()).insert(key, grade.clone());
                }
                grade
            }
        };
        grade.unchanged = unchanged;
        grade.digest = digest;
        grade.seconds = start.elapsed().as_secs_f64();
        Ok(grade)
    }

    fn build_and_test(&self, sandbox: &Sandbox, exercise: &Exercise, collected: &Collected) -> Result<ExerciseGrade> {
        sandbox.reset(&self.pristine)?;
        for path in exercise.editable() {
            sandbox.lay(&path, &collected.files[&path])?;
        }
        let package = exercise.package();
        let built = bounded::run(self.command(sandbox, &package, &["--no-run", "--offline"], true), &self.build)?;
        match built.end {
            End::TimedOut => {
                let message = format!("The build ran past the {} s limit and was stopped.", self.build.timeout.as_secs());
                return Ok(ExerciseGrade::zero(exercise, Status::TimedOut, message));
            }
            End::OutputCapped => {
                let message = format!("The build printed more than {} KiB and was stopped.", self.build.output_bytes >> 10);
                return Ok(ExerciseGrade::zero(exercise, Status::OutputCapped, message));
            }
            End::Exited { success: false } => {
                return Ok(ExerciseGrade::from_report(exercise, &stages::read(exercise, "", built.stderr, false)));
            }
            End::Exited { success: true } => {}
        }
        let outside = sandbox.read_outside(&package);
        if !outside.is_empty() {
            let message = format!(
                "The code reads files from outside the exercise while it compiles (`include!`, `include_str!`, `#[path]`): {}. Only the exercise's own files may be used.",
                outside.join(", ")
            );
            return Ok(ExerciseGrade::zero(exercise, Status::BuildFailed, message));
        }
        let ran = bounded::run(self.command(sandbox, &package, &["--offline"], true), &self.test)?;
        Ok(match ran.end {
            End::TimedOut => ExerciseGrade::zero(
                exercise,
                Status::TimedOut,
                format!(
                    "The tests ran past the {} s limit and were killed, with every process they started (an endless loop or a wait that never ends?).",
                    self.test.timeout.as_secs()
                ),
            ),
            End::OutputCapped => ExerciseGrade::zero(
                exercise,
                Status::OutputCapped,
                format!("The tests printed more than {} KiB and were killed.", self.test.output_bytes >> 10),
            ),
            End::Exited { success } => ExerciseGrade::from_report(exercise, &stages::read(exercise, &ran.stdout, ran.stderr, success)),
        })
    }
}
