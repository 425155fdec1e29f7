//! `cargo xtask class gradescope --try SUBMISSION`: the kit just made, run on one
//! submission here as Gradescope runs it, before the assignment is published.
//!
//! The scratch folder `target/gradescope-try/` (in the interpreter's target folder) is
//! shaped like Gradescope's `/autograder`: `source/` (the kit unpacked from its `.zip`,
//! as Gradescope does), `submission/` (the student's folder copied, or their `.zip`
//! unpacked, as Gradescope does with a zip upload, but by the grader's safe unpacking:
//! no link, nothing outside the folder), `results/`, and `run_autograder`
//! copied beside them. The kit's own `run_autograder` runs there with `bash`, unchanged,
//! then the summary of `results/results.json` is printed. Differences from Gradescope,
//! all about speed: the running xtask grades (`WORKBOOK_XTASK`, so the kit's xtask is not
//! built again), with the repository's venv (`WORKBOOK_VENV`, so `setup.sh` need not run);
//! `source/target/`, the grading sandbox's build, is kept between tries (the first try
//! builds PyO3 and the exercises there, minutes; later ones reuse it). Every other file
//! of the scratch folder is made afresh each time.

use crate::handin;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The kit's default archive with `--try` and no `OUT.zip`, in the target folder.
pub const DEFAULT_KIT: &str = "gradescope-try.zip";

/// The scratch folder shaped like Gradescope's `/autograder`, in the target folder.
pub const SCRATCH: &str = "gradescope-try";

/// What a submission is, as Gradescope takes it.
enum Submission {
    /// A folder: its files are the submission.
    Folder(PathBuf),
    /// A `.zip`, which Gradescope unpacks into the submission folder.
    Zip(PathBuf),
}

/// Refuses what Gradescope would not take, before anything is made.
///
/// # Errors
/// When `submission` does not exist, or is a file other than a `.zip`.
pub fn check_submission(submission: &Path) -> Result<()> {
    kind(submission).map(|_| ())
}

fn kind(submission: &Path) -> Result<Submission> {
    if submission.is_dir() {
        return Ok(Submission::Folder(submission.to_path_buf()));
    }
    if !submission.is_file() {
        bail!("{}: no such file or folder; --try takes a student's folder or their .zip", submission.display());
    }
    if submission.extension().is_some_and(|x| x.eq_ignore_ascii_case("zip")) {
        return Ok(Submission::Zip(submission.to_path_buf()));
    }
    bail!("{}: Gradescope unpacks only a .zip upload (other files are kept as they are); try the student's folder or a .zip", submission.display())
}

/// Runs the kit `kit` (a `.zip` just written) on `submission` in the scratch folder and
/// prints the summary of its `results.json`. Exits with failure when `run_autograder`
/// fails or writes no results.
///
/// # Errors
/// When the scratch folder cannot be made, the kit or the submission cannot be unpacked,
/// or `bash` cannot start.
pub fn run(ws: &Workspace, kit: &Path, submission: &Path) -> Result<ExitCode> {
    let submission = kind(submission)?;
    let root = ws.target_dir().join(SCRATCH);
    fresh_but_the_build(&root)?;
    let source = root.join("source");
    unzip(kit, &source)?;
    let into = root.join("submission");
    match &submission {
        Submission::Folder(folder) => copy_folder(folder, &into)?,
        Submission::Zip(zip) => unpack_submission(zip, &into)?,
    }
    fs_err::create_dir_all(root.join("results"))?;
    fs_err::copy(source.join("run_autograder"), root.join("run_autograder"))?;
    ui::line(&format!("Trying the kit in {} (Gradescope's /autograder): source/, submission/, results/.", root.strip_prefix(&ws.root).unwrap_or(&root).display()));
    ui::line("The first try builds PyO3, the exercises and their solutions in source/target (minutes); later tries reuse it.");
    let exe = std::env::current_exe().context("finding the running xtask")?;
    let status = std::process::Command::new("bash")
        .arg(root.join("run_autograder"))
        .env("WORKBOOK_XTASK", exe)
        .env(crate::python::choice::VENV_VAR, ws.venv())
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("WORKBOOK_ROOT")
        .status()
        .context("starting bash to run run_autograder")?;
    let results = root.join("results/results.json");
    let text = match fs_err::read_to_string(&results) {
        Ok(text) => text,
        Err(_) => bail!("run_autograder ({status}) wrote no {}: Gradescope would show the student an error", results.display()),
    };
    let value: Value = serde_json::from_str(&text).with_context(|| format!("{} is not JSON", results.display()))?;
    ui::line(&summary(&value));
    ui::line(&format!("The whole results: {}", results.strip_prefix(&ws.root).unwrap_or(&results).display()));
    Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The lines an instructor reads from Gradescope's `results.json`: the score, then each
/// test (a stage) with its status, points and visibility.
pub fn summary(results: &Value) -> String {
    let number = |v: &Value| v.as_f64().map_or("?".to_string(), |n| if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n}") });
    let tests = results["tests"].as_array().map(Vec::as_slice).unwrap_or_default();
    let max: f64 = tests.iter().filter_map(|t| t["max_score"].as_f64()).sum();
    let mut out = format!("results.json: score {}", number(&results["score"]));
    if !tests.is_empty() {
        let _ = write!(out, " of {}", number(&Value::from(max)));
    }
    let _ = write!(out, " ({} test(s))", tests.len());
    for test in tests {
        let mark = if test["status"] == "passed" { "✓" } else { "✗" };
        let _ = write!(
            out,
            "\n  {mark} {} {}/{} ({})",
            test["name"].as_str().unwrap_or("?"),
            number(&test["score"]),
            number(&test["max_score"]),
            test["visibility"].as_str().unwrap_or("visible")
        );
    }
    if tests.is_empty() {
        let first = results["output"].as_str().unwrap_or("").lines().map(str::trim).filter(|l| !l.is_empty()).take(6).collect::<Vec<_>>().join("\n  ");
        let _ = write!(out, "\n  {first}");
    }
    out
}

/// Empties `root`, but for `root/source/target` (the grading sandbox's build).
fn fresh_but_the_build(root: &Path) -> Result<()> {
    fs_err::create_dir_all(root.join("source"))?;
    for (dir, kept) in [(root.to_path_buf(), "source"), (root.join("source"), "target")] {
        for entry in fs_err::read_dir(&dir)? {
            let entry = entry?;
            if entry.file_name() == kept {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                fs_err::remove_dir_all(&path)?;
            } else {
                fs_err::remove_file(&path)?;
            }
        }
    }
    Ok(())
}

/// Unpacks the kit's own `.zip` at `archive` into `dest` as Gradescope does: every entry,
/// with its permissions (`setup.sh` and `run_autograder` are executable).
fn unzip(archive: &Path, dest: &Path) -> Result<()> {
    let file = fs_err::File::open(archive)?;
    let mut zip = zip::ZipArchive::new(file).with_context(|| format!("{} is not a readable zip", archive.display()))?;
    zip.extract(dest).with_context(|| format!("unpacking {} into {}", archive.display(), dest.display()))
}

/// Unpacks a student's `.zip` into `dest` by the grader's own safe unpacking
/// (`grade/unpack.rs`): no entry lands outside `dest`, no link is made, the caps hold, and
/// build and cache folders stay behind, as the grader would leave them. What it left out
/// is printed.
#[cfg(unix)]
fn unpack_submission(zip: &Path, dest: &Path) -> Result<()> {
    use crate::grade::unpack::{Caps, Format, unpack};
    fs_err::create_dir_all(dest)?;
    for note in unpack(zip, Format::Zip, dest, Caps::default()).with_context(|| format!("unpacking {}", zip.display()))? {
        ui::note(&note);
    }
    Ok(())
}

#[cfg(not(unix))]
fn unpack_submission(_: &Path, _: &Path) -> Result<()> {
    bail!("--try runs the grader, which needs Linux or macOS")
}

/// Copies the folder `from` into `to`, as an upload of that folder would hold it; build
/// and cache folders (`handin::SKIPPED_FOLDERS`) and links stay behind.
fn copy_folder(from: &Path, to: &Path) -> Result<()> {
    let walk = walkdir::WalkDir::new(from).into_iter().filter_entry(|e| e.path().strip_prefix(from).is_ok_and(|r| !handin::skipped(r)));
    for entry in walk {
        let entry = entry.with_context(|| format!("reading {}", from.display()))?;
        let relative = entry.path().strip_prefix(from)?;
        if entry.file_type().is_dir() {
            fs_err::create_dir_all(to.join(relative))?;
        } else if entry.file_type().is_file() {
            fs_err::copy(entry.path(), to.join(relative))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_gives_the_score_and_each_stage() {
        let results = serde_json::json!({
            "score": 3.0,
            "output": "Graded in a container.",
            "tests": [
                {"name": "call_function: stage 1 — call str methods", "score": 1.0, "max_score": 1.0, "status": "passed", "visibility": "visible"},
                {"name": "call_function: stage 2 — call a builtin", "score": 0.0, "max_score": 2.0, "status": "failed", "visibility": "after_due_date"},
            ]
        });
        assert_eq!(
            summary(&results),
            "results.json: score 3 of 3 (2 test(s))\n  ✓ call_function: stage 1 — call str methods 1/1 (visible)\n  ✗ call_function: stage 2 — call a builtin 0/2 (after_due_date)"
        );
        let rejected = serde_json::json!({"score": 0.0, "output": "\n**Score: 0/5**\n\n- no `exercises/` folder in the submission", "tests": []});
        assert_eq!(summary(&rejected), "results.json: score 0 (0 test(s))\n  **Score: 0/5**\n  - no `exercises/` folder in the submission");
    }

    #[test]
    fn a_submission_gradescope_would_not_take_is_refused_first() {
        let dir = tempfile::tempdir().unwrap();
        let tar = dir.path().join("alice.tar.gz");
        fs_err::write(&tar, b"").unwrap();
        assert!(check_submission(&tar).unwrap_err().to_string().contains("only a .zip upload"));
        assert!(check_submission(&dir.path().join("nobody")).unwrap_err().to_string().contains("no such file or folder"));
        assert!(check_submission(dir.path()).is_ok());
    }
}
