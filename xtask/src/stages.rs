//! Builds and runs an exercise crate's stage tests, and groups the verdicts by stage.
//!
//! Every kind of exercise is checked the same way, in three steps that `check`, `verify`,
//! `bless` and `grade` share:
//! 1. build: `cargo test --no-run --message-format=json --package <crate> --test check`
//!    gives the test binary's path, or the compiler's errors;
//! 2. for an exercise checked through a wheel (its `tests/` holds pytest files),
//!    `maturin build` writes the crate's wheel into a scratch folder, here and not in
//!    the test process, which only installs it into another scratch folder. It runs at
//!    the same time as step 1 (its own target folder, `target/maturin`), so that the two
//!    builds share the cores; cargo's errors come first when both fail;
//! 3. run the test binary itself (no second cargo), with `CHECK_REPORT` naming the file
//!    where the tests report what they observed.
//!
//! On a first check the venv's packages may still be installing (`python::start_venv`):
//! step 1 needs only the venv's interpreter, maturin waits for maturin, step 3 for all.
//!
//! The verdicts are then decided here (`verdict.rs`), from the report and the expected
//! values, never from what the test process printed.

use crate::course::Exercise;
use crate::python;
use crate::libtest::{self, TestResult};
use crate::verdict::{self, Ending, Evidence, Expected, Observations};
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Which crate of an exercise runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The starter in `exercises/`, the crate students edit.
    Starter,
    /// The solution in `solutions/`.
    Solution,
}

impl Which {
    /// The crate's package name.
    pub fn package(self, exercise: &Exercise) -> String {
        match self {
            Which::Starter => exercise.package(),
            Which::Solution => exercise.solution_package(),
        }
    }

    /// The crate's folder, relative to the root.
    pub fn dir(self, exercise: &Exercise) -> PathBuf {
        match self {
            Which::Starter => exercise.dir(),
            Which::Solution => exercise.solution_dir(),
        }
    }
}

/// What running one crate's stage tests gave, after the verdicts.
#[derive(Debug)]
pub enum Report {
    /// The crate or its tests did not compile; `output` holds the compiler's errors (its
    /// warnings only when there is no error), or maturin's output.
    BuildFailed { output: String },
    /// The tests ran.
    Ran {
        /// One entry per stage, in the metadata's order.
        stages: Vec<StageReport>,
        /// Tests that ran but belong to no stage (an author's mistake `verify` reports).
        unassigned: Vec<String>,
    },
}

/// One stage's outcome.
#[derive(Debug)]
pub struct StageReport {
    pub name: String,
    pub points: u32,
    /// Each of the stage's tests with its verdict.
    pub tests: Vec<(String, TestResult)>,
    /// Each of the stage's rules with its verdict (none when the stage states no rule).
    pub rules: Vec<crate::rules::RuleVerdict>,
}

impl StageReport {
    /// Whether every test of the stage passed.
    pub fn passed(&self) -> bool {
        self.tests.iter().all(|(_, r)| r.outcome == libtest::Outcome::Passed)
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

/// What building and running one crate's stage tests gave, before any verdict.
#[derive(Debug)]
pub enum Execution {
    /// The build failed; the compiler's (or maturin's) messages.
    BuildFailed { output: String },
    /// The test binary ran.
    Ran(Ran),
}

/// A finished test process.
#[derive(Debug)]
pub struct Ran {
    pub ending: Ending,
    /// The harness's report (explanations of failures only).
    pub stdout: String,
    pub stderr: String,
    /// What the tests reported.
    pub observations: Observations,
}

/// Builds and runs `which` crate of `exercise` in the workspace, on the public inputs
/// and, with `seed`, on held-out inputs too, and judges it against the snapshots on
/// disk.
///
/// # Errors
/// Only when cargo, maturin or the test binary cannot be started or a scratch folder
/// cannot be made; a failing build or test is a [`Report`].
pub fn run(ws: &Workspace, exercise: &Exercise, which: Which) -> Result<Report> {
    run_with(ws, exercise, which, &python::Setup::ready())
}

/// [`run`] while the venv's packages may still be installing: `venv` is waited for where
/// a step needs it.
///
/// # Errors
/// As [`run`], and when the venv's installation failed.
pub fn run_with(ws: &Workspace, exercise: &Exercise, which: Which, venv: &python::Setup) -> Result<Report> {
    let execution = execute_with(ws, exercise, which, None, venv)?;
    let expected = Expected::from_snapshots(exercise, |path| std::fs::read_to_string(ws.path(path)).ok());
    Ok(judge(exercise, &execution, &expected))
}

/// Builds and runs `which` crate of `exercise` in the workspace (steps 1 to 3 above),
/// with held-out inputs from `seed` when given.
///
/// # Errors
/// As [`run`].
pub fn execute(ws: &Workspace, exercise: &Exercise, which: Which, seed: Option<u64>) -> Result<Execution> {
    execute_with(ws, exercise, which, seed, &python::Setup::ready())
}

/// [`execute`] while the venv's packages may still be installing (`python::start_venv`).
///
/// # Errors
/// As [`run`], and when the venv's installation failed.
pub fn execute_with(ws: &Workspace, exercise: &Exercise, which: Which, seed: Option<u64>, venv: &python::Setup) -> Result<Execution> {
    let color = if crate::ui::stdout_is_terminal() { Color::Ansi } else { Color::Plain };
    let package = which.package(exercise);
    let scratch = Scratch::new(&ws.target_dir())?;
    let crate_dir = ws.path(which.dir(exercise));
    let wheel = builds_a_wheel(&ws.root, exercise);
    let (built, wheel) = std::thread::scope(|scope| {
        let wheel = wheel.then(|| {
            scope.spawn(|| -> Result<Option<String>> {
                venv.wait_for_maturin()?;
                let mut maturin = ws.command(ws.venv_bin().join("maturin"));
                maturin.args(wheel_args(&crate_dir, &ws.target_dir().join("maturin"), &scratch.wheels()));
                let out = maturin.output().context("running maturin build")?;
                Ok((!out.status.success()).then(|| format!("maturin could not build the extension module:\n{}", String::from_utf8_lossy(&out.stderr))))
            })
        });
        let built = ws.cargo().args(build_args(std::slice::from_ref(&package), color)).output().context("running cargo test --no-run");
        (built, wheel.map(|w| w.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the thread running maturin build panicked")))))
    });
    let built = built?;
    let cargo = read_build(&String::from_utf8_lossy(&built.stdout), &String::from_utf8_lossy(&built.stderr), built.status.success());
    let binary = match both_builds(cargo, wheel)? {
        Ok(binary) => binary,
        Err(output) => return Ok(Execution::BuildFailed { output }),
    };
    venv.wait()?;
    let mut test = ws.command(&binary);
    scratch.configure(&mut test, &crate_dir, seed);
    let output = check_report::process::run_to_end(&mut test).with_context(|| format!("running the test binary {}", binary.display()))?;
    let mut stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.lingering {
        stderr.push_str(&format!("\n{}.\n", check_report::process::LINGERING));
    }
    Ok(Execution::Ran(Ran {
        ending: Ending::of(&output.status),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        observations: scratch.observations(),
    }))
}

/// The test binary, once both builds of a run are in: `cargo` is what [`read_build`]
/// gave; `wheel`, for an exercise checked through a wheel, is maturin's messages when it
/// failed, or the error that kept it from running. cargo's errors come first (they are
/// the student's to fix, and maturin fails on them too), then that error, then maturin's.
///
/// # Errors
/// When maturin could not run (it could not start, or the venv's installation failed)
/// while cargo's build succeeded.
pub fn both_builds(cargo: Result<PathBuf, String>, wheel: Option<Result<Option<String>>>) -> Result<Result<PathBuf, String>> {
    let binary = match cargo {
        Ok(binary) => binary,
        Err(output) => return Ok(Err(output)),
    };
    match wheel.transpose()?.flatten() {
        Some(output) => Ok(Err(output)),
        None => Ok(Ok(binary)),
    }
}

/// How the compiler's messages are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// With ANSI colours, for a terminal.
    Ansi,
    /// Plain text, for files and pipes.
    Plain,
}

/// The arguments of `cargo` that build the stage tests of `packages` without running
/// them, with JSON messages (`cargo_metadata`'s format) on standard output. With several
/// packages, cargo builds them in parallel and goes on past a crate that fails
/// (`--no-fail-fast`).
pub fn build_args(packages: &[String], color: Color) -> Vec<String> {
    let format = match color {
        Color::Ansi => "--message-format=json-diagnostic-rendered-ansi",
        Color::Plain => "--message-format=json",
    };
    // `--no-fail-fast` (which for `cargo test` also keeps the build going): one crate's
    // compile error never stops cargo from building the others of the same build (a
    // grading build names every exercise crate).
    let mut args: Vec<String> = ["test", "--no-run", "--no-fail-fast", format, "--test", "check"].map(String::from).to_vec();
    for package in packages {
        args.extend(["--package".to_string(), package.clone()]);
    }
    args
}

/// The test binary a build produced, or, when it failed, the compiler's errors (its
/// warnings only when it printed no error; cargo's own message when it printed none).
pub fn read_build(stdout: &str, stderr: &str, success: bool) -> Result<PathBuf, String> {
    let mut builds = Builds::read(stdout);
    match builds.binaries.pop() {
        Some((_, binary)) if success => Ok(binary),
        _ => Err(builds.failure_of(None, stderr)),
    }
}

/// What one `cargo test --no-run --message-format=json` run built, crate by crate.
#[derive(Debug, Default)]
pub struct Builds {
    /// The `check` test binary of each crate that built, by the crate's manifest folder.
    pub binaries: Vec<(PathBuf, PathBuf)>,
    /// Each compiler message: the source file it is about, whether it is an error, and
    /// its rendered text.
    messages: Vec<(PathBuf, bool, String)>,
}

impl Builds {
    /// Reads cargo's JSON messages (`cargo_metadata`'s format).
    pub fn read(stdout: &str) -> Builds {
        let mut builds = Builds::default();
        for message in cargo_metadata::Message::parse_stream(stdout.as_bytes()).flatten() {
            match message {
                cargo_metadata::Message::CompilerArtifact(artifact) if artifact.target.name == "check" && artifact.profile.test => {
                    if let (Some(binary), Some(dir)) = (artifact.executable, artifact.manifest_path.parent()) {
                        builds.binaries.push((PathBuf::from(dir), PathBuf::from(binary)));
                    }
                }
                cargo_metadata::Message::CompilerMessage(m) => {
                    let text = m.message.rendered.clone().unwrap_or_else(|| m.message.message.clone());
                    let error = matches!(m.message.level, cargo_metadata::diagnostic::DiagnosticLevel::Error | cargo_metadata::diagnostic::DiagnosticLevel::Ice);
                    builds.messages.push((PathBuf::from(m.target.src_path), error, text));
                }
                _ => {}
            }
        }
        builds
    }

    /// The test binary of the crate in `dir`, if it built.
    pub fn binary_of(&self, dir: &Path) -> Option<&Path> {
        self.binaries.iter().find(|(d, _)| same_folder(d, dir)).map(|(_, b)| b.as_path())
    }

    /// Whether the compiler reported an error in the crate in `dir`: its build failed
    /// for a reason of its own, not because another crate of the same build failed.
    pub fn has_errors_in(&self, dir: &Path) -> bool {
        self.messages.iter().any(|(src, error, _)| *error && (src.starts_with(dir) || same_folder_prefix(src, dir)))
    }

    /// Why the crate in `dir` (every crate, for `None`) did not build: its errors, its
    /// warnings when it has no error, else what cargo printed on `stderr`.
    pub fn failure_of(&self, dir: Option<&Path>, stderr: &str) -> String {
        let mine: Vec<&(PathBuf, bool, String)> = self.messages.iter().filter(|(src, _, _)| dir.is_none_or(|d| src.starts_with(d) || same_folder_prefix(src, d))).collect();
        let errors: Vec<&str> = mine.iter().filter(|(_, e, _)| *e).map(|(_, _, t)| t.as_str()).collect();
        let shown: Vec<&str> = if errors.is_empty() { mine.iter().map(|(_, _, t)| t.as_str()).collect() } else { errors };
        if shown.is_empty() { crate::show::compiler_messages(stderr) } else { shown.concat().trim_end().to_string() }
    }
}

/// Whether two paths name the same folder, links resolved.
fn same_folder(a: &Path, b: &Path) -> bool {
    a == b || matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Whether `path` is inside `dir`, links resolved.
fn same_folder_prefix(path: &Path, dir: &Path) -> bool {
    matches!((std::fs::canonicalize(path), std::fs::canonicalize(dir)), (Ok(x), Ok(y)) if x.starts_with(&y))
}

/// Whether `exercise` is checked through a wheel: its starter's `tests/` holds pytest
/// files (`test_*.py`), which run against the crate built by maturin and installed.
pub fn builds_a_wheel(root: &Path, exercise: &Exercise) -> bool {
    std::fs::read_dir(root.join(exercise.dir()).join("tests"))
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| e.file_name().to_str().is_some_and(|n| n.starts_with("test_") && n.ends_with(".py")))
}

/// The arguments of `maturin` that build the crate in `crate_dir` into one wheel in
/// `out` (maturin user guide, "maturin build"), compiling into `target`. The wheel is
/// tested here, never published, so maturin's manylinux audit (about a second per build)
/// is skipped: `--auditwheel skip`.
pub fn wheel_args(crate_dir: &Path, target: &Path, out: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = ["build", "--quiet", "--auditwheel", "skip", "--manifest-path"].map(OsString::from).to_vec();
    args.extend([crate_dir.join("Cargo.toml").into(), "--target-dir".into(), target.into(), "--out".into(), out.into()]);
    args
}

/// The scratch folder of one test run: the report file, the wheel, the folder it is
/// installed into, and the temporary files of the run. Removed when dropped.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    /// A new scratch folder under `parent` (made if needed).
    ///
    /// # Errors
    /// When the folder cannot be made.
    pub fn new(parent: &Path) -> Result<Scratch> {
        let base = parent.join("scratch");
        std::fs::create_dir_all(&base).with_context(|| format!("creating {}", base.display()))?;
        let dir = tempfile::Builder::new().prefix("run-").tempdir_in(&base).with_context(|| format!("creating a scratch folder in {}", base.display()))?;
        for sub in ["wheels", "site", "tmp"] {
            let path = dir.path().join(sub);
            std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        }
        Ok(Scratch { dir })
    }

    /// The folder itself, the only one a confined run may write to.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where maturin writes the wheel.
    pub fn wheels(&self) -> PathBuf {
        self.dir.path().join("wheels")
    }

    fn report(&self) -> PathBuf {
        self.dir.path().join("report.jsonl")
    }

    /// Sets up `test` (the test binary) to run in `crate_dir` and report here: the
    /// report file, the wheel and its install folder, temporary files, and the held-out
    /// seed when given.
    pub fn configure(&self, test: &mut Command, crate_dir: &Path, seed: Option<u64>) {
        // `--show-output`: what a passing test printed (pytest's explanation, say) helps
        // explain a value that does not match.
        test.args(["--color", "never", "--show-output"]).current_dir(crate_dir);
        test.env(check_report::REPORT_VAR, self.report());
        test.env(check_report::WHEEL_DIR_VAR, self.wheels());
        test.env(check_report::SITE_VAR, self.dir.path().join("site"));
        test.env("TMPDIR", self.dir.path().join("tmp"));
        test.env_remove(check_report::SEED_VAR);
        if let Some(seed) = seed {
            test.env(check_report::SEED_VAR, seed.to_string());
        }
    }

    /// What the tests reported.
    pub fn observations(&self) -> Observations {
        Observations::read(&self.report())
    }
}

/// Judges what an execution gave against `expected`, stage by stage.
pub fn judge(exercise: &Exercise, execution: &Execution, expected: &Expected) -> Report {
    let ran = match execution {
        Execution::BuildFailed { output } => return Report::BuildFailed { output: output.clone() },
        Execution::Ran(ran) => ran,
    };
    let harness = libtest::parse(&ran.stdout);
    let evidence = Evidence { observations: &ran.observations, harness: &harness, ending: ran.ending, stderr: &ran.stderr };
    let mut stages = Vec::new();
    let mut assigned = std::collections::HashSet::new();
    for stage in exercise.stages.get_ref() {
        let tests = stage
            .tests
            .get_ref()
            .iter()
            .map(|name| {
                assigned.insert(name.clone());
                (name.clone(), verdict::judge(name, expected, &evidence))
            })
            .collect();
        let mut report = StageReport { name: stage.name.get_ref().clone(), points: *stage.points.get_ref(), tests, rules: Vec::new() };
        report.rules = crate::rules::verdicts(stage, &report);
        stages.push(report);
    }
    let mut unassigned: Vec<String> = harness.keys().chain(ran.observations.tests()).filter(|name| !assigned.contains(*name)).cloned().collect();
    unassigned.sort();
    unassigned.dedup();
    Report::Ran { stages, unassigned }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binary() -> PathBuf {
        PathBuf::from("target/debug/deps/check-0123")
    }

    #[test]
    fn cargos_errors_win_when_both_builds_fail() {
        let cargo = Err("error[E0308]: mismatched types".to_string());
        let maturin = Some(Ok(Some("maturin could not build the extension module:\nerror[E0308]".to_string())));
        assert_eq!(both_builds(cargo.clone(), maturin).unwrap(), cargo);
        // Even a venv that failed to install waits behind the student's compile errors.
        let failed = Some(Err(anyhow::anyhow!("installing the workbook's Python packages failed")));
        assert_eq!(both_builds(cargo.clone(), failed).unwrap(), cargo);
    }

    #[test]
    fn maturins_failure_is_a_failed_build_when_cargo_built() {
        let output = "maturin could not build the extension module:\n💥 maturin failed".to_string();
        assert_eq!(both_builds(Ok(binary()), Some(Ok(Some(output.clone())))).unwrap(), Err(output));
        assert_eq!(both_builds(Ok(binary()), Some(Ok(None))).unwrap(), Ok(binary()));
        assert_eq!(both_builds(Ok(binary()), None).unwrap(), Ok(binary()));
    }

    #[test]
    fn maturin_that_could_not_run_is_an_error_when_cargo_built() {
        let failed = Some(Err(anyhow::anyhow!("running maturin build")));
        assert_eq!(format!("{:#}", both_builds(Ok(binary()), failed).unwrap_err()), "running maturin build");
    }
}
