//! `cargo xtask bench first-run`: where people wait the first time, each step in a fresh
//! folder of its own, as a newcomer meets it:
//! 1. the instructor's `cargo xtask class export` of the full course (this xtask, built);
//! 2. a student's first `cargo xtask book` in a fresh clone of that export (the students'
//!    xtask compiles from an empty target folder; the book ships rendered);
//! 3. a student's first `cargo xtask check NAME` in a fresh clone of this repository's
//!    last commit: the xtask, the venv and the exercise's build, to the first result.
//!
//! Each step is timed by the wall clock and by the CPU time of its processes (user plus
//! system, from `getrusage(RUSAGE_CHILDREN)`), which moves far less with the machine's load
//! than the wall clock does; the load average is printed beside them. With
//! `--registry empty`, cargo starts from an empty registry (a `CARGO_HOME` of its own,
//! with the network), as on a machine that never built Rust; by default it shares this
//! machine's, as most students' second project does. Python's packages come from uv's
//! cache when it has them.

use crate::flags::{BenchFirstRun, Registry};
use crate::workspace::Workspace;
use crate::ui;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// One measured step: what it was, wall-clock seconds, CPU seconds.
struct Step {
    what: String,
    wall: f64,
    cpu: f64,
}

pub fn run(args: &BenchFirstRun) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    let course = crate::course::Course::load(&ws.root)?;
    let exercise = course.select(std::slice::from_ref(&args.exercise))?[0];
    let tmp = tempfile::Builder::new().prefix("workbook-bench-first-run-").tempdir()?;
    let cargo_home = match args.registry {
        Registry::Shared => None,
        Registry::Empty => Some(tmp.path().join("cargo-home")),
    };
    let load_before = super::load_average();
    let mut steps = Vec::new();

    let export = tmp.path().join("export");
    let exe = std::env::current_exe().context("finding the xtask's own program")?;
    steps.push(measure("`cargo xtask class export` of the full course", || {
        expect_success(fresh(Command::new(&exe), &ws.root, None).arg("class").arg("export").arg(&export), "class export")
    })?);
    commit(&export)?;
    let students = tmp.path().join("students");
    clone(&export, &students)?;
    steps.push(measure("first `cargo xtask book` in a fresh clone of the export", || {
        let out = expect_success(fresh(cargo(), &students, cargo_home.as_deref()).args(["xtask", "book"]), "book")?;
        if !out.contains("book/html/index.html") {
            bail!("`cargo xtask book` in the export did not show the shipped book:\n{out}");
        }
        Ok(out)
    })?);

    let course_clone = tmp.path().join("course");
    clone(&ws.root, &course_clone)?;
    ui::note("The repository's clone holds its last commit: changes not committed are not measured");
    let what = format!("first `cargo xtask check {}` in a fresh clone of this repository", exercise.name());
    steps.push(measure(&what, || {
        let output = fresh(cargo(), &course_clone, cargo_home.as_deref()).args(["xtask", "check", exercise.name()]).output().context("running cargo xtask check")?;
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        // The starter fails its stages: a result is a verdict on them, not an error.
        if !said.contains("stages pass") {
            bail!("`cargo xtask check {}` gave no verdict:\n{said}", exercise.name());
        }
        Ok(said)
    })?);

    let registry = match args.registry {
        Registry::Shared => "this machine's cargo registry",
        Registry::Empty => "an empty cargo registry (downloads included)",
    };
    ui::line(&format!("First runs on {}, with {registry}; load average {load_before} before, {} after:", super::machine(), super::load_average()));
    ui::line("| step | wall clock | CPU time |");
    ui::line("|---|---|---|");
    for step in &steps {
        ui::line(&format!("| {} | {:.1} s | {:.1} s |", step.what, step.wall, step.cpu));
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `step` and measures it; its output is dropped unless it fails.
fn measure(what: &str, step: impl FnOnce() -> Result<String>) -> Result<Step> {
    ui::note(&format!("Measuring: {what}"));
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    step().with_context(|| format!("measuring {what}"))?;
    Ok(Step { what: what.to_string(), wall: start.elapsed().as_secs_f64(), cpu: children_cpu_seconds() - cpu_before })
}

/// `cargo`: the one that runs this xtask (`CARGO`), else the one on `PATH`.
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `cmd` in `dir`, with none of this run's own settings: not this repository's venv, root
/// or target folder, nor what `cargo run` set for the xtask (`PYO3_PYTHON` from
/// `.cargo/config.toml` among them), so that the folder's own configuration decides, as
/// in a newcomer's shell. `cargo_home`, when given, replaces cargo's home.
fn fresh(mut cmd: Command, dir: &Path, cargo_home: Option<&Path>) -> Command {
    cmd.current_dir(dir);
    for var in ["PYO3_PYTHON", "VIRTUAL_ENV", "CARGO_TARGET_DIR", "WORKBOOK_ROOT", "WORKBOOK_VENV", "WORKBOOK_PYTHON", "RUSTFLAGS"] {
        cmd.env_remove(var);
    }
    for (var, _) in std::env::vars_os() {
        let name = var.to_string_lossy();
        if name.starts_with("CARGO_") && name != "CARGO_HOME" {
            cmd.env_remove(&var);
        }
    }
    if let Some(home) = cargo_home {
        cmd.env("CARGO_HOME", home);
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` to its end; its output, or an error with it when it failed.
fn expect_success(cmd: &mut Command, what: &str) -> Result<String> {
    let output = cmd.output().with_context(|| format!("running {what}"))?;
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        bail!("{what} failed:\n{said}");
    }
    Ok(said)
}

/// `git init`, `git add .` and a commit in `dir`, as the instructor does after an export.
fn commit(dir: &Path) -> Result<()> {
    for args in [&["init", "--quiet"][..], &["add", "."], &["-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "--quiet", "-m", "The course"]] {
        expect_success(Command::new("git").args(args).current_dir(dir), &format!("git {}", args.join(" ")))?;
    }
    Ok(())
}

/// `git clone` of `from` (its last commit) into `to`.
fn clone(from: &Path, to: &Path) -> Result<()> {
    expect_success(Command::new("git").args(["clone", "--quiet"]).arg(from).arg(to), &format!("git clone {}", from.display()))?;
    Ok(())
}

/// The CPU seconds (user and system) of every child process waited for so far.
fn children_cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } != 0 {
        return 0.0;
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

