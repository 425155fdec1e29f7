//! `cargo xtask bench grade`: grading throughput for a class of submissions of the full
//! course, with the grader's shared warm build against the naive way, a fresh copy of the
//! exercises and a cold `cargo test` per submission.
//!
//! The submissions are the solutions' editable files, each with a comment naming the
//! submission appended to every `.rs` and `.py` file, so no two submissions are equal
//! and the grader's per-run cache of identical files never applies. Every
//! `--compile-error-every`-th submission (default 5) has a compile error in one exercise's
//! `src/lib.rs` (a different exercise each time), as a real class does: the grader then
//! builds that exercise on its own. The naive way is measured on `--naive` submissions
//! (default 1, without compile errors) and extrapolated linearly.

use crate::course::Course;
use crate::flags::BenchGrade;
use crate::grade::sandbox::Pristine;
use crate::workspace::Workspace;
use crate::{python, ui};
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &BenchGrade) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    python::ensure_venv(&ws, python::Packages::Students)?;
    let course = Course::load(&ws.root)?;
    let tmp = tempfile::Builder::new().prefix("workbook-bench-grade-").tempdir()?;
    let class = tmp.path().join("class");
    let mut broken = 0;
    for i in 1..=args.submissions {
        // Which exercise of this submission does not compile, if any.
        let every = args.compile_error_every;
        let breaks = (every > 0 && i % every == 0).then(|| (i / every - 1) % course.exercises.len());
        broken += usize::from(breaks.is_some());
        for (k, exercise) in course.exercises.iter().enumerate() {
            for path in exercise.editable() {
                let mut bytes = fs_err::read(ws.path(crate::course::to_solution_path(&path)))?;
                if breaks == Some(k) && path.ends_with("src/lib.rs") {
                    bytes.extend(b"\nfn broken( {\n");
                }
                match path.extension().and_then(|e| e.to_str()) {
                    Some("rs") => bytes.extend(format!("\n// Submission {i}.\n").as_bytes()),
                    Some("py") => bytes.extend(format!("\n# Submission {i}.\n").as_bytes()),
                    _ => {}
                }
                let target = class.join(format!("student{i:02}")).join(&path);
                fs_err::create_dir_all(target.parent().with_context(|| format!("{} has no parent folder", target.display()))?)?;
                fs_err::write(target, bytes)?;
            }
        }
    }
    let exe = std::env::current_exe()?;
    ui::note("Warming the grading sandbox (once per machine; later runs reuse it)");
    let start = Instant::now();
    let status = std::process::Command::new(&exe).args(["grade", "prepare"]).status()?;
    if !status.success() {
        bail!("`cargo xtask grade prepare` failed");
    }
    let warm_up = start.elapsed().as_secs_f64();
    ui::note(&format!("Grading {} submissions with the shared warm build, {} at a time", args.submissions, args.jobs));
    let start = Instant::now();
    let out = tmp.path().join("out");
    let status = std::process::Command::new(&exe).arg("grade").arg(&class).arg("--out").arg(&out).arg("--jobs").arg(args.jobs.to_string()).status()?;
    if !status.success() {
        bail!("`cargo xtask grade` failed");
    }
    let shared = start.elapsed().as_secs_f64();
    let pristine = Pristine::read(&ws, &course)?;
    let mut naive = Vec::new();
    for i in 1..=args.naive.min(args.submissions) {
        ui::note(&format!("Naive grading of submission {i}: a fresh copy and a cold `cargo test`"));
        naive.push(naive_one(&ws, &course, &pristine, &class.join(format!("student{i:02}")))?);
    }
    let per_naive = naive.iter().sum::<f64>() / naive.len().max(1) as f64;
    let n = args.submissions as f64;
    let exercises = course.exercises.len();
    ui::line(&format!(
        "Grading throughput, {} submissions × {exercises} exercises (the full course), {broken} with a compile error in one exercise, on this machine ({} cores):",
        args.submissions,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    ));
    ui::line(&format!(
        "  shared warm build, held-out inputs included, --jobs {}: {shared:.1} s in all, {:.2} s per submission, {:.1} submissions per minute (plus a one-time sandbox warm-up, {warm_up:.1} s this time)",
        args.jobs,
        shared / n,
        60.0 * n / shared
    ));
    if naive.is_empty() {
        ui::line("  naive fresh cargo test: not measured (--naive 0)");
        return Ok(ExitCode::SUCCESS);
    }
    ui::line(&format!(
        "  naive fresh cargo test: {per_naive:.1} s per submission (measured on {}, extrapolated to {}: {:.0} s), {:.2} submissions per minute",
        naive.len(),
        args.submissions,
        per_naive * n,
        60.0 / per_naive
    ));
    ui::line(&format!("  ratio: {:.1}× faster with the shared warm build", per_naive * n / shared));
    Ok(ExitCode::SUCCESS)
}

/// Grades one submission the naive way: copy the pristine exercises into a fresh folder,
/// lay the student's files, run every exercise's `cargo test` with a cold target folder.
/// Returns the seconds it took.
fn naive_one(ws: &Workspace, course: &Course, pristine: &Pristine, submission: &Path) -> Result<f64> {
    let start = Instant::now();
    let dir = tempfile::Builder::new().prefix("workbook-bench-naive-").tempdir()?;
    pristine.write_to(dir.path())?;
    for exercise in &course.exercises {
        for path in exercise.editable() {
            fs_err::copy(submission.join(&path), dir.path().join(&path))?;
        }
    }
    for exercise in &course.exercises {
        // The naive way: a plain `cargo test` of the exercise, which asserts its snapshots
        // with insta in the test process itself.
        let mut cmd = ws.cargo();
        cmd.args(["test", "--offline", "--package", &exercise.package(), "--test", "check"]);
        cmd.current_dir(dir.path()).env("CARGO_TARGET_DIR", dir.path().join("target"));
        let output = cmd.output()?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            bail!("the naive run of `{}` did not pass every stage, so the comparison would be unfair:\n{stdout}\n{stderr}", exercise.name());
        }
    }
    Ok(start.elapsed().as_secs_f64())
}
