//! Grading the exercises of one submission: lay the student's editable files over the
//! pristine sandbox, then the three steps of `stage/` within bounds:
//! 1. build the stage tests of every exercise at once (`cargo test --no-run --offline`,
//!    build bounds: a build that runs past them gives every exercise of the batch 0);
//! 2. for an exercise checked through a wheel, `maturin build` into the run's scratch
//!    folder (build bounds), so that the test process never writes a compiled file;
//! 3. run the test binary confined (`confine.rs`) with the test bounds, reporting into
//!    the scratch folder, on the public inputs and, for seeded stages, on held-out inputs.
//!
//! The verdicts are then decided here, against the pristine snapshots (held in memory,
//! never read back from the sandbox) and the solution's held-out values.
//!
//! Every process gets the workbook's environment (`Workspace::command`: `INSTA_UPDATE=no`,
//! the repository's `PYO3_PYTHON`) minus the grader's other variables (`bounded::scrub_env`).

use super::bounded::{self, Availability, End, Isolation, Limits};
use super::confine::{self, Confinement, Phase};
use super::sandbox::{Pristine, Sandbox};
use super::score::{ExerciseGrade, Status};
use super::submissions::Collected;
use crate::course::Exercise;
use crate::stage::{self, Color, Execution, Ran, Scratch};
use crate::stage::verdict::Expected;
use crate::stage::Observations;
use crate::workspace::Workspace;
use anyhow::{Result, bail};
use std::collections::{BTreeMap, HashMap};
use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

/// Who wrote the code a command builds or runs, which decides its protections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust<'a> {
    /// The course's own code (the pristine warm-up build): it may use the network and
    /// the grader's registry and proxy settings.
    Course,
    /// A student's code: offline, in the namespaces when `namespaces` says they are
    /// available, with a scrubbed environment.
    Student { namespaces: &'a Availability },
}

/// `program` with `args`, run at `sandbox`'s root in the workbook's environment, wrapped
/// for `trust`.
pub fn command(ws: &Workspace, sandbox: &Sandbox, program: &OsStr, args: &[OsString], trust: Trust<'_>) -> Command {
    let (program, lead) = match trust {
        Trust::Student { namespaces } => bounded::wrap(namespaces, program),
        Trust::Course => (program.to_os_string(), Vec::new()),
    };
    let mut cmd = ws.command(program);
    cmd.args(lead).args(args);
    cmd.current_dir(&sandbox.root);
    cmd.env("CARGO_TARGET_DIR", &sandbox.target);
    cmd.env("CARGO_TERM_COLOR", "never");
    if let Trust::Student { .. } = trust {
        bounded::scrub_env(&mut cmd);
    }
    cmd
}

/// The course's own build of the stage tests of `packages` in `sandbox` (the warm-up),
/// which may fetch crates.
pub fn course_build(ws: &Workspace, sandbox: &Sandbox, packages: &[String]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let args: Vec<OsString> = stage::build_args(packages, Color::Plain).into_iter().map(Into::into).collect();
    command(ws, sandbox, &cargo, &args, Trust::Course)
}

/// The course's own build of the wheel of the crate at `crate_dir` into `out` (the
/// warm-up of the slot's maturin target).
pub fn course_wheel(ws: &Workspace, sandbox: &Sandbox, crate_dir: &Path, out: &Path) -> Command {
    let args = stage::wheel_args(crate_dir, &sandbox.target.join("maturin"), out);
    command(ws, sandbox, ws.venv_bin().join("maturin").as_os_str(), &args, Trust::Course)
}

/// A step of grading one exercise, each with its own bounds.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Compiling the tests, or the wheel: the build bounds.
    Build,
    /// Running the tests: the test bounds.
    Tests,
}

/// The held-out inputs of a grading run: the seed, and what the solution of each
/// exercise with seeded stages reported on them.
#[derive(Debug, Clone, Default)]
pub struct HeldOutRun {
    pub seed: u64,
    /// The solution's observations, by exercise name.
    pub solutions: BTreeMap<String, Observations>,
}

/// What every exercise run shares.
pub struct Grader<'a> {
    pub ws: &'a Workspace,
    pub pristine: Pristine,
    pub isolation: Isolation,
    /// The Landlock rules student code runs under; `None` where Landlock is unavailable.
    pub confinement: Option<Confinement>,
    pub build: Limits,
    pub test: Limits,
    /// The held-out inputs to judge on: one seed when grading a class; several when
    /// `verify` proves a right answer. The tests run once per seed (after one build),
    /// and a stage passes only when it passes on every one.
    pub held_out: Vec<HeldOutRun>,
    /// Grades already computed in this run, by exercise and digest of the files: forty
    /// untouched starters are built and run once. Only deterministic outcomes are kept
    /// (graded, build failed), never a timeout.
    pub memo: Mutex<HashMap<(String, String), ExerciseGrade>>,
}

impl Grader<'_> {
    /// How a student's code runs here.
    fn student(&self) -> Trust<'_> {
        Trust::Student { namespaces: &self.isolation.namespaces }
    }

    /// `program` with `args` as a step of a student's exercise in `sandbox`: confined for
    /// `phase` where Landlock is available (writing only into `scratch`, and the slot's
    /// build for a build), in the namespaces where they are, with `TMPDIR` in `scratch`.
    fn student_command(&self, sandbox: &Sandbox, phase: Phase, scratch: &Scratch, program: OsString, args: Vec<OsString>) -> Command {
        let (program, args) = match &self.confinement {
            Some(confinement) => confinement.wrap(phase, &sandbox.root, &sandbox.target, scratch.path(), (program, args)),
            None => (program, args),
        };
        let mut cmd = command(self.ws, sandbox, &program, &args, self.student());
        cmd.env("TMPDIR", scratch.path().join("tmp"));
        cmd
    }

    /// The build of `packages`' stage tests (step 1), for a student.
    fn student_build(&self, sandbox: &Sandbox, scratch: &Scratch, packages: &[String]) -> Command {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut args: Vec<OsString> = stage::build_args(packages, Color::Plain).into_iter().map(Into::into).collect();
        args.push("--offline".into());
        self.student_command(sandbox, Phase::Build, scratch, cargo, args)
    }

    /// Grades the selected exercises of one submission: first what needs no build (a
    /// missing file, a grade already computed for the same files), then one build of every
    /// crate left (cargo compiles them in parallel), then the crates' tests, one per core
    /// at a time. The grades come in the order of `selected`.
    ///
    /// # Errors
    /// Only when the sandbox cannot be written or a process cannot start; everything the
    /// student's code does is a grade.
    pub fn grade(&self, sandbox: &Sandbox, selected: &[&Exercise], collected: &Collected) -> Result<Vec<ExerciseGrade>> {
        let mut grades: Vec<Option<ExerciseGrade>> = vec![None; selected.len()];
        let mut keys = Vec::new();
        let mut to_build = Vec::new();
        for (i, exercise) in selected.iter().enumerate() {
            let editable = exercise.editable();
            let digest = collected.digest(&editable);
            keys.push((exercise.name().to_string(), digest));
            if let Some(why) = &collected.rejected {
                grades[i] = Some(ExerciseGrade::zero(exercise, Status::Rejected, why.clone()));
                continue;
            }
            let missing: Vec<String> = editable.iter().filter(|p| !collected.files.contains_key(*p)).map(|p| p.display().to_string()).collect();
            if !missing.is_empty() {
                grades[i] = Some(ExerciseGrade::zero(exercise, Status::NotSubmitted, format!("file not submitted: {}", missing.join(", "))));
                continue;
            }
            match self.memo.lock().unwrap_or_else(|e| e.into_inner()).get(&keys[i]).cloned() {
                Some(grade) => grades[i] = Some(grade),
                None => to_build.push(i),
            }
        }
        if !to_build.is_empty() {
            // One build of every crate left (cargo compiles them side by side), then each
            // crate's tests. A crate the batch build leaves undecided (no test binary and no
            // compiler error of its own: the build ran past its bounds) is built again
            // alone, the other crates pristine, so that a grade never depends on another
            // exercise's files.
            let start = Instant::now();
            let built = self.build(sandbox, selected, &to_build, collected)?;
            let build_seconds = start.elapsed().as_secs_f64() / to_build.len() as f64;
            let (decided, alone): (Vec<usize>, Vec<usize>) =
                to_build.iter().partition(|&&i| to_build.len() == 1 || decides(&built, &sandbox.root.join(selected[i].dir())));
            // The decided crates' tests side by side on the machine's cores: the build is
            // done, each run writes only into a scratch folder of its own, and no crate is
            // built again until every one of them has ended.
            let judged = crate::parallel::map(&decided, |&i| {
                let start = Instant::now();
                let mut grade = self.judge_build(sandbox, selected[i], &built)?;
                grade.seconds = build_seconds + start.elapsed().as_secs_f64();
                Ok(grade)
            })?;
            for (&i, grade) in decided.iter().zip(judged) {
                grades[i] = Some(self.remember(&keys[i], grade));
            }
            for i in alone {
                let start = Instant::now();
                let built = self.build(sandbox, selected, &[i], collected)?;
                let mut grade = self.judge_build(sandbox, selected[i], &built)?;
                grade.seconds = start.elapsed().as_secs_f64();
                grades[i] = Some(self.remember(&keys[i], grade));
            }
        }
        Ok(selected
            .iter()
            .zip(grades)
            .zip(keys)
            .map(|((exercise, grade), (_, digest))| {
                let mut grade = grade.unwrap_or_else(|| ExerciseGrade::zero(exercise, Status::Rejected, "not graded".into()));
                grade.redact(&sandbox.root);
                let editable = exercise.editable();
                grade.unchanged = editable.iter().all(|p| self.pristine.get(p) == collected.files.get(p).map(Vec::as_slice));
                grade.digest = digest;
                grade
            })
            .collect())
    }

    /// Lays the editable files of `selected[i]` for each `i` of `chosen` over the pristine
    /// sandbox (every other exercise keeps its pristine starter) and builds every crate's
    /// stage tests once, within the build bounds.
    fn build(&self, sandbox: &Sandbox, selected: &[&Exercise], chosen: &[usize], collected: &Collected) -> Result<bounded::Finished> {
        sandbox.reset(&self.pristine)?;
        for &i in chosen {
            for path in selected[i].editable() {
                sandbox.lay(&path, &collected.files[&path])?;
            }
        }
        let packages: Vec<String> = chosen.iter().map(|&i| selected[i].package()).collect();
        sandbox.forget_builds(&packages)?;
        let scratch = Scratch::new(&sandbox.root)?;
        let built = bounded::run(self.student_build(sandbox, &scratch, self.pristine.packages()), &self.build)?;
        self.stop_if_disk_full(sandbox, &built)?;
        Ok(built)
    }

    /// The grade of `exercise` after the build `built`: zero when the build ran past its
    /// bounds, else its tests (or its own compiler errors).
    fn judge_build(&self, sandbox: &Sandbox, exercise: &Exercise, built: &bounded::Finished) -> Result<ExerciseGrade> {
        match self.cut_short(exercise, built, Step::Build) {
            Some(zero) => Ok(zero),
            None => self.test(sandbox, exercise, built),
        }
    }

    /// Keeps `grade` for the files `key` names when it is deterministic (graded, or a build
    /// that failed on the crate's own errors), so that the same files are graded once.
    fn remember(&self, key: &(String, String), grade: ExerciseGrade) -> ExerciseGrade {
        if matches!(grade.status, Status::Graded | Status::BuildFailed) {
            self.memo.lock().unwrap_or_else(|e| e.into_inner()).insert(key.clone(), grade.clone());
        }
        grade
    }

    /// The expected values of `exercise` on the held-out inputs of `run`: the pristine
    /// snapshots, and the solution's held-out values when its stages are seeded.
    fn expected(&self, exercise: &Exercise, run: &HeldOutRun) -> Expected {
        let expected = Expected::from_snapshots(exercise, |path| self.pristine.get(path).map(|b| String::from_utf8_lossy(b).into_owned()));
        match run.solutions.get(exercise.name()) {
            Some(solution) => expected.with_held_out(exercise, run.seed, solution),
            None => expected,
        }
    }

    /// Tests `exercise` after the build `built` of the student's crates: its wheel when
    /// it needs one, then its tests, confined, and the verdicts.
    fn test(&self, sandbox: &Sandbox, exercise: &Exercise, built: &bounded::Finished) -> Result<ExerciseGrade> {
        let crate_dir = sandbox.root.join(exercise.dir());
        let builds = stage::Builds::read(&built.stdout);
        let Some(binary) = builds.binary_of(&crate_dir).map(Path::to_path_buf) else {
            let output = builds.failure_of(Some(&crate_dir), &built.stderr);
            return Ok(ExerciseGrade::from_report(exercise, &stage::judge(exercise, &Execution::BuildFailed { output }, &Expected::default())));
        };
        let outside = sandbox.read_outside(&exercise.package());
        if !outside.is_empty() {
            let message = format!(
                "The code reads files from outside the exercise while it compiles (`include!`, `include_str!`, `#[path]`): {}. Only the exercise's own files may be used.",
                outside.join(", ")
            );
            return Ok(ExerciseGrade::zero(exercise, Status::BuildFailed, message));
        }
        let built_wheel = Scratch::new(&sandbox.root)?;
        let mut wheel = None;
        if stage::builds_a_wheel(&sandbox.root, exercise) {
            let scratch = &built_wheel;
            wheel = Some(scratch.wheels());
            let args = stage::wheel_args(&crate_dir, &sandbox.target.join("maturin"), &scratch.wheels());
            let maturin = self.ws.venv_bin().join("maturin").into_os_string();
            let built = bounded::run(self.student_command(sandbox, Phase::Build, scratch, maturin, args), &self.build)?;
            self.stop_if_disk_full(sandbox, &built)?;
            if let Some(zero) = self.cut_short(exercise, &built, Step::Build) {
                return Ok(zero);
            }
            if built.end != (End::Exited { success: true }) {
                let message = format!("The crate does not compile (0 points for this exercise): maturin could not build the extension module:\n{}", built.stderr);
                return Ok(ExerciseGrade::zero(exercise, Status::BuildFailed, message));
            }
        }
        // The runs of the held-out seeds that concern this exercise (one run when none does),
        // side by side on the machine's cores (`verify` grades right answers on three seeds):
        // each run has a scratch folder of its own, and the grade is the worst run's, taken
        // in the seeds' order whichever run ends first.
        let seeded: Vec<&HeldOutRun> = self.held_out.iter().filter(|run| run.solutions.contains_key(exercise.name())).collect();
        let runs: Vec<Option<&HeldOutRun>> = if seeded.is_empty() { vec![None] } else { seeded.into_iter().map(Some).collect() };
        let graded = crate::parallel::map(&runs, |run| {
            let scratch = Scratch::new(&sandbox.root)?;
            if let Some(wheels) = &wheel {
                for entry in std::fs::read_dir(wheels)?.flatten() {
                    std::fs::create_dir_all(scratch.wheels())?;
                    std::fs::copy(entry.path(), scratch.wheels().join(entry.file_name()))?;
                }
            }
            let mut test = self.student_command(sandbox, Phase::Tests, &scratch, binary.clone().into_os_string(), Vec::new());
            scratch.configure(&mut test, &crate_dir, run.map(|r| r.seed));
            test.env("HOME", scratch.path());
            let ran = bounded::run(test, &self.test)?;
            self.stop_if_disk_full(sandbox, &ran)?;
            Ok(match self.cut_short(exercise, &ran, Step::Tests) {
                Some(zero) => zero,
                None => {
                    let ending = match ran.status {
                        Some(status) if self.confinement.is_some() => confine::ending(&status),
                        Some(status) => crate::stage::Ending::of(&status),
                        None => crate::stage::Ending::Exited(-1),
                    };
                    let execution = Execution::Ran(Ran { ending, stdout: ran.stdout, stderr: ran.stderr, observations: scratch.observations() });
                    let expected = match run {
                        Some(run) => self.expected(exercise, run),
                        None => Expected::from_snapshots(exercise, |path| self.pristine.get(path).map(|b| String::from_utf8_lossy(b).into_owned())),
                    };
                    ExerciseGrade::from_report(exercise, &stage::judge(exercise, &execution, &expected))
                }
            })
        })?;
        Ok(graded.into_iter().reduce(ExerciseGrade::worst).expect("at least one run"))
    }

    /// An error, so that the submission is not graded (and `--resume` grades it later),
    /// when `finished` failed because the disk holding the sandbox is full: a build that
    /// could not write its files says nothing about the student's code.
    fn stop_if_disk_full(&self, sandbox: &Sandbox, finished: &bounded::Finished) -> Result<()> {
        let failed = finished.end != (End::Exited { success: true });
        if failed && (crate::disk::is_full(&finished.stderr, &sandbox.target) || crate::disk::is_full(&finished.stdout, &sandbox.target)) {
            bail!("{}", crate::disk::full_message(&sandbox.target));
        }
        Ok(())
    }

    /// The grade of a step that ran past its time or printed past its cap, if it did.
    fn cut_short(&self, exercise: &Exercise, finished: &bounded::Finished, step: Step) -> Option<ExerciseGrade> {
        let (limits, step) = match step {
            Step::Build => (&self.build, "build"),
            Step::Tests => (&self.test, "tests"),
        };
        match finished.end {
            End::TimedOut => Some(ExerciseGrade::zero(
                exercise,
                Status::TimedOut,
                format!(
                    "The {step} ran past the {} s limit and was killed, with every process it started (an endless loop or a wait that never ends?).",
                    limits.timeout.as_secs()
                ),
            )),
            End::OutputCapped => Some(ExerciseGrade::zero(
                exercise,
                Status::OutputCapped,
                format!("The {step} printed more than {} KiB and was killed.", limits.output_bytes >> 10),
            )),
            End::Exited { .. } => None,
        }
    }
}

/// Whether the build `built` of several crates decides the grade of the crate in `dir`:
/// it ended within its bounds and either built the crate's tests or reported a compiler
/// error in the crate itself. Otherwise the crate is built again on its own.
fn decides(built: &bounded::Finished, dir: &Path) -> bool {
    if !matches!(built.end, End::Exited { .. }) {
        return false;
    }
    let builds = stage::Builds::read(&built.stdout);
    builds.binary_of(dir).is_some() || builds.has_errors_in(dir)
}
