//! Steps 1 to 3 of checking a stage in the workspace (`check`, `verify`, `bless`, the
//! solutions' held-out runs): build, build the wheel beside it, run the test binary with a
//! scratch folder, and judge.

use super::build::{both_builds, build_args, builds_a_wheel, read_build, Color};
use super::wheel::Wheel;
use super::report::{Ending, Execution, Observations, Ran, Report};
use super::verdict::{judge, Expected};
use crate::course::Exercise;
use crate::python;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Which crate of an exercise runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The starter in `exercises/`, the crate students edit.
    Starter,
    /// The solution in `solutions/`.
    #[cfg_attr(all(feature = "students-edition", not(feature = "authoring")), allow(dead_code, reason = "a students' repository has no solutions"))]
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

/// Builds and runs `which` crate of `exercise` in the workspace, on the public inputs
/// and, with `seed`, on held-out inputs too, and judges it against the snapshots on
/// disk.
///
/// # Errors
/// Only when cargo, maturin or the test binary cannot be started or a scratch folder
/// cannot be made; a failing build or test is a [`Report`].
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
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
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
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
            scope.spawn(|| -> Result<Wheel> {
                venv.wait_for_maturin()?;
                super::wheel::wheel(ws, &crate_dir, &package, &scratch.wheels())
            })
        });
        let built = cargo_build(ws.cargo().args(build_args(std::slice::from_ref(&package), color)), &package);
        (built, wheel.map(|w| w.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the thread building the wheel panicked")))))
    });
    let built = built?;
    let cargo = read_build(&built.stdout, &built.stderr, built.success);
    let (wheel, site) = match wheel.transpose() {
        Ok(Some(Wheel::Ready { site })) => (Some(Ok(None)), Some(site)),
        Ok(Some(Wheel::Failed(output))) => (Some(Ok(Some(output))), None),
        Ok(None) => (None, None),
        Err(err) => (Some(Err(err)), None),
    };
    let binary = match both_builds(cargo, wheel)? {
        Ok(binary) => binary,
        Err(output) => return Ok(Execution::BuildFailed { output }),
    };
    venv.wait()?;
    let start = Instant::now();
    let mut test = ws.command(&binary);
    scratch.configure(&mut test, &crate_dir, seed);
    if let Some(site) = &site {
        test.env(check_report::SITE_VAR, site);
    }
    let output = check_report::process::run_to_end(&mut test).with_context(|| format!("running the test binary {}", binary.display()))?;
    check_report::timing::record("test binary", start);
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

/// What `cargo test --no-run` printed, and whether it succeeded.
struct Built {
    stdout: String,
    stderr: String,
    success: bool,
}

/// Runs `cargo` (the build of step 1) and collects what it printed. Reading its JSON
/// messages as they come also times the build for `bench check`
/// ([`check_report::timing`]): `cargo build` until `package`'s library is built (or
/// found fresh), `link` from then to the end (compiling `tests/check.rs` and linking
/// the test binary).
///
/// # Errors
/// When cargo cannot start.
fn cargo_build(cargo: &mut Command, package: &str) -> Result<Built> {
    use std::io::{BufRead, Read};
    let start = Instant::now();
    let mut child = cargo.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().context("running cargo test --no-run")?;
    let mut err = child.stderr.take().context("cargo's standard error")?;
    let stderr = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = err.read_to_end(&mut text);
        String::from_utf8_lossy(&text).into_owned()
    });
    let mut stdout = String::new();
    let mut library_built = None;
    let mut lines = std::io::BufReader::new(child.stdout.take().context("cargo's standard output")?);
    let mut line = Vec::new();
    while lines.read_until(b'\n', &mut line).context("reading cargo's messages")? > 0 {
        let text = String::from_utf8_lossy(&line);
        if library_built.is_none() && is_library_of(&text, package) {
            check_report::timing::record("cargo build", start);
            library_built = Some(Instant::now());
        }
        stdout.push_str(&text);
        line.clear();
    }
    let status = child.wait().context("waiting for cargo test --no-run")?;
    check_report::timing::record("link", library_built.unwrap_or(start));
    Ok(Built { stdout, stderr: stderr.join().unwrap_or_default(), success: status.success() })
}

/// Whether `line`, one of cargo's JSON messages, says that `package`'s library is built.
fn is_library_of(line: &str, package: &str) -> bool {
    match serde_json::from_str::<cargo_metadata::Message>(line) {
        Ok(cargo_metadata::Message::CompilerArtifact(artifact)) => !artifact.profile.test && artifact.target.name.replace('-', "_") == package.replace('-', "_") && !artifact.target.is_custom_build(),
        _ => false,
    }
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

    #[cfg(feature = "authoring")]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One of cargo's messages: the library `name` of the package `package`, built for
    /// tests or not.
    fn artifact(package: &str, name: &str, kind: &str, test: bool) -> String {
        format!(
            r#"{{"reason":"compiler-artifact","package_id":"path+file:///r/s#{package}@0.1.0","manifest_path":"/r/s/Cargo.toml","target":{{"kind":["{kind}"],"crate_types":["{kind}"],"name":"{name}","src_path":"/r/s/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true}},"profile":{{"opt_level":"0","debuginfo":"line-tables-only","debug_assertions":true,"overflow_checks":true,"test":{test}}},"features":[],"filenames":["/r/t/lib.rlib"],"executable":null,"fresh":true}}"#
        )
    }

    #[test]
    fn the_build_is_timed_up_to_the_packages_own_library() {
        assert!(is_library_of(&artifact("call_function_solution", "call_function_solution", "lib", false), "call_function_solution"));
        assert!(is_library_of(&artifact("hello-module", "hello_module", "cdylib", false), "hello-module"));
        assert!(!is_library_of(&artifact("pyo3", "pyo3", "lib", false), "call_function_solution"), "a dependency");
        assert!(!is_library_of(&artifact("call_function_solution", "check", "test", true), "call_function_solution"), "the test binary");
        assert!(!is_library_of(&artifact("call_function_solution", "build-script-build", "custom-build", false), "call_function_solution"), "the build script");
        assert!(!is_library_of(r#"{"reason":"build-finished","success":true}"#, "call_function_solution"));
        assert!(!is_library_of("not JSON", "call_function_solution"));
    }
}
