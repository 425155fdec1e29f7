//! `cargo xtask class gradescope OUT.zip [--exercises a,b | --part P]`: Gradescope's
//! autograder archive.
//!
//! Gradescope unpacks the archive into `/autograder/source` of its Ubuntu image and runs
//! `setup.sh` there once, as root, when the image is built; for each submission it copies
//! `run_autograder` to `/autograder/run_autograder`, puts the student's files in
//! `/autograder/submission` and reads `/autograder/results/results.json` afterwards. The
//! archive holds what grading the selected exercises needs, as git tracks it: the xtask,
//! the assets, the shared check crates, the exercises and their solutions (the grader
//! checks held-out inputs against them; students never see this archive), with a
//! workspace `Cargo.toml` and `exercises/info.toml` cut down to them (`manifests.rs`), and:
//! - `setup.sh` (`templates/setup.sh`): Rust (the version `rustc --version` reports here
//!   when the kit is made, pinned), Python with its `-dev` package (the linkable libpython)
//!   and `venv`, then
//!   `cargo xtask grade prepare`, which makes the venv and warms the grading build;
//! - `run_autograder` (`templates/run_autograder`): `cargo xtask grade --gradescope` with
//!   the assignment's held-out seed (`--seed`, or one drawn now and printed) and the
//!   tests' visibility (`--visibility`), so that every upload is graded alike.
//!
//! `--try SUBMISSION` then runs the kit on one submission here (`try_kit.rs`).

use super::{export, manifests, select, try_kit};
use crate::course::Course;
use crate::flags::ClassGradescope;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::process::ExitCode;

const SETUP: &str = include_str!("templates/setup.sh");
const RUN: &str = include_str!("templates/run_autograder");

/// What the autograder takes from the repository besides the selected exercises and
/// their solutions.
const KEPT: &[&str] = &[".cargo/", ".config/", ".gitignore", "Cargo.lock", "assets/", "exercises/check-support/", "xtask/"];

/// What it leaves out of those.
const LEFT_OUT: &[&str] = &["xtask/tests/", "xtask/bench-overhead/"];

/// Whether the repository-relative `path` is a file of `exercise`'s solution.
fn solution_file(exercise: &crate::course::Exercise, path: &str) -> bool {
    let dir = format!("{}/", exercise.solution_dir().to_string_lossy().replace('\\', "/"));
    path.starts_with(&dir)
}

/// Runs `cargo xtask class gradescope`.
///
/// # Errors
/// When the selection names no exercise or the archive cannot be written.
pub fn run(args: &ClassGradescope) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    let course = Course::load(&ws.root)?;
    let exercises = select::exercises(&course, &args.selection)?;
    let out = match &args.out {
        Some(out) => out.clone(),
        None => ws.target_dir().join(try_kit::DEFAULT_KIT),
    };
    if out.extension().is_none_or(|x| x != "zip") {
        bail!("{}: Gradescope takes a .zip; name the archive OUT.zip", out.display());
    }
    if let Some(submission) = &args.try_submission {
        // Before the kit is made: a submission Gradescope would not take stops here.
        try_kit::check_submission(submission)?;
    }
    let flag = if exercises.len() == course.exercises.len() {
        String::new()
    } else {
        format!(" --exercises {}", exercises.iter().map(|e| e.name()).collect::<Vec<_>>().join(","))
    };
    let mut files: Vec<(String, Vec<u8>, u32)> = Vec::new();
    for path in select::tracked_files(&ws)? {
        let name = path.to_string_lossy().replace('\\', "/");
        let kept = (KEPT.iter().any(|k| name == *k || (k.ends_with('/') && name.starts_with(k)))
            && !LEFT_OUT.iter().any(|l| name.starts_with(l)))
            || exercises.iter().any(|e| export::exercise_file(e, &name) || solution_file(e, &name));
        if kept {
            let bytes = fs_err::read(ws.path(&path))?;
            let mode = if is_executable(&ws.path(&path)) { 0o755 } else { 0o644 };
            files.push((name, bytes, mode));
        }
    }
    let read_text = |p: &str| fs_err::read_to_string(ws.path(p));
    let manifest = manifests::workspace(&read_text("Cargo.toml")?, &exercises, true)?;
    let info = manifests::info(&read_text("exercises/info.toml")?, &exercises)?;
    for (name, text) in [("Cargo.toml", manifest), ("exercises/info.toml", info)] {
        files.retain(|(n, _, _)| n != name);
        files.push((name.into(), text.into_bytes(), 0o644));
    }
    let toolchain = toolchain(&rustc_version()?)?;
    let seed = args.seed.unwrap_or_else(new_seed);
    files.push(("setup.sh".into(), SETUP.replace("{{EXERCISES}}", &flag).replace("{{TOOLCHAIN}}", &toolchain).into_bytes(), 0o755));
    let run = RUN.replace("{{EXERCISES}}", &flag).replace("{{SEED}}", &seed.to_string()).replace("{{VISIBILITY}}", clap::ValueEnum::to_possible_value(&args.visibility).expect("a value").get_name());
    files.push(("run_autograder".into(), run.into_bytes(), 0o755));
    write_zip(&out, &files)?;
    ui::line(&format!("Gradescope's autograder is {} ({} files).", out.display(), files.len()));
    ui::line(&format!(
        "Rust {toolchain}; held-out seed {seed} for every submission (`--seed {seed}` makes the same kit); tests {}.",
        args.visibility.as_str().replace('_', " ")
    ));
    ui::line(&format!(
        "Exercises: {} ({} points). Upload it as the assignment's autograder (Ubuntu image); students submit their exercises/ folder.",
        exercises.iter().map(|e| e.name()).collect::<Vec<_>>().join(", "),
        exercises.iter().map(|e| e.max_score()).sum::<u32>()
    ));
    if let Some(submission) = &args.try_submission {
        return try_kit::run(&ws, &out, submission);
    }
    Ok(ExitCode::SUCCESS)
}

/// What `rustc --version` prints here (the `RUSTC` cargo would use, else `rustc`).
fn rustc_version() -> Result<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = std::process::Command::new(&rustc).arg("--version").output().context("running `rustc --version`")?;
    if !out.status.success() {
        bail!("`rustc --version` failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The rustup toolchain of a `rustc --version` line: `1.95.0` for a release,
/// `nightly-2026-01-15` (or `beta-...`) for the others.
fn toolchain(version: &str) -> Result<String> {
    let mut words = version.split_whitespace();
    let (Some("rustc"), Some(number)) = (words.next(), words.next()) else { bail!("`rustc --version` said `{version}`") };
    let Some((_, channel)) = number.split_once('-') else { return Ok(number.to_string()) };
    let channel = channel.split('.').next().unwrap_or(channel);
    let date = words.last().map(|w| w.trim_end_matches(')')).filter(|d| d.len() == 10).with_context(|| format!("no date in `{version}`"))?;
    Ok(format!("{channel}-{date}"))
}

/// A fresh seed for the assignment's held-out inputs (as `grade` draws one).
fn new_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
    hasher.finish() % 1_000_000_000
}

fn is_executable(path: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

fn write_zip(out: &std::path::Path, files: &[(String, Vec<u8>, u32)]) -> Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs_err::create_dir_all(parent)?;
    }
    let tmp = out.with_extension("zip.tmp");
    let file = fs_err::File::create(&tmp)?;
    let mut zip = zip::ZipWriter::new(file);
    for (name, bytes, mode) in files {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .unix_permissions(*mode);
        zip.start_file(name.as_str(), options).with_context(|| format!("adding {name} to {}", out.display()))?;
        zip.write_all(bytes)?;
    }
    zip.finish().with_context(|| format!("writing {}", out.display()))?;
    fs_err::rename(&tmp, out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::toolchain;

    #[test]
    fn run_autograder_passes_flags_that_grade_takes() {
        use clap::Parser;
        for visibility in [crate::flags::Visibility::Visible, crate::flags::Visibility::AfterDueDate, crate::flags::Visibility::Hidden] {
            let name = clap::ValueEnum::to_possible_value(&visibility).unwrap().get_name().to_string();
            let run = super::RUN.replace("{{EXERCISES}}", " --exercises a").replace("{{SEED}}", "7").replace("{{VISIBILITY}}", &name);
            let line = run.lines().find(|l| l.contains("grade --gradescope")).unwrap();
            let args: Vec<&str> = line.split_whitespace().skip(1).map(|w| if w.starts_with('"') { "/autograder" } else { w }).collect();
            let cli = crate::flags::Cli::try_parse_from(["xtask"].into_iter().chain(args.iter().copied())).unwrap_or_else(|e| panic!("{line}: {e}"));
            let crate::flags::Command::Grade(grade) = cli.command else { panic!("not grade") };
            assert_eq!((grade.seed, grade.visibility), (Some(7), visibility));
        }
    }

    #[test]
    fn the_toolchain_is_the_one_rustc_reports() {
        assert_eq!(toolchain("rustc 1.95.0 (59807616e 2026-04-14)").unwrap(), "1.95.0");
        assert_eq!(toolchain("rustc 1.97.0-nightly (1a2b3c4d5 2026-05-30)").unwrap(), "nightly-2026-05-30");
        assert_eq!(toolchain("rustc 1.96.0-beta.3 (aaaaaaaaa 2026-05-01)").unwrap(), "beta-2026-05-01");
        assert!(toolchain("cargo 1.95.0").is_err());
    }
}
