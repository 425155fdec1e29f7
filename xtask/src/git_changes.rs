//! The course's files that differ from the last commit (`git diff --name-only HEAD`): an
//! exercise's files other than the ones students edit, which `check` mentions and `reset`
//! restores, the files every exercise shares (the workspace's manifest, the check crates,
//! the assets), and the other exercises' manifests, which cargo reads for every build.
//! Empty where git cannot tell (no clone, no git). What stops cargo outright is
//! `damage.rs`.

use crate::course::{Course, Exercise};
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;

/// The files of `exercise` that students do not edit (its tests, snapshots, data) and
/// that differ from the last commit or are missing: a check runs them as they are, so it
/// may say what the course does not. Empty when git cannot tell (no clone, no git).
pub fn changed_course_files(ws: &Workspace, exercise: &Exercise) -> Vec<PathBuf> {
    let editable = exercise.editable();
    changed_files(ws, exercise).map(|files| files.into_iter().filter(|f| !editable.contains(f)).collect()).unwrap_or_default()
}

/// What to say when `exercise`'s crate did not compile and another exercise's
/// `Cargo.toml` differs from git's (a dependency added, a section changed): cargo loads
/// every manifest, so the error may be that one's, whatever exercise is checked. One
/// sentence per such manifest, naming it and the command that restores it; empty when
/// there is none or git cannot tell.
pub fn other_changed_manifests(ws: &Workspace, course: &Course, exercise: &Exercise) -> Vec<String> {
    let others: Vec<&Exercise> = course.exercises.iter().filter(|e| e.name() != exercise.name()).collect();
    let manifests: Vec<PathBuf> = others.iter().map(|e| e.dir().join("Cargo.toml")).collect();
    let Ok(changed) = git_changed(ws, &manifests) else { return Vec::new() };
    others
        .iter()
        .filter(|e| changed.contains(&e.dir().join("Cargo.toml")))
        .map(|e| {
            format!(
                "{} differs from the course's (changed or missing), and cargo reads it for every exercise: if the error above names it, \
                 `cargo xtask reset {} --files course` restores it and leaves your own files as they are.",
                e.dir().join("Cargo.toml").display(),
                e.name()
            )
        })
        .collect()
}

/// The files of `exercise`'s folder that the last commit has and that are missing or
/// differ from it (`git diff --name-only HEAD`), relative to the root.
///
/// # Errors
/// When git cannot run or fails (not a clone of the workbook).
pub fn changed_files(ws: &Workspace, exercise: &Exercise) -> Result<Vec<PathBuf>> {
    git_changed(ws, &[exercise.dir()])
}

/// The course's files that every exercise's build or check uses: the exercises'
/// workspace and its lock file, cargo's settings, the course's metadata, the check
/// crates and the assets, relative to the root.
const SHARED: &[&str] = &["Cargo.toml", "Cargo.lock", ".cargo", "exercises/info.toml", "exercises/check-support", "assets"];

/// The shared files of the course ([`SHARED`]) that are missing or differ from the last
/// commit: every check runs them as they are. Empty when git cannot tell.
pub fn changed_shared_files(ws: &Workspace) -> Vec<PathBuf> {
    let paths: Vec<PathBuf> = SHARED.iter().map(PathBuf::from).collect();
    git_changed(ws, &paths).unwrap_or_default()
}

/// The files under `paths` (relative to the root) that the last commit has and that are
/// missing or differ from it, relative to the root.
fn git_changed(ws: &Workspace, paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let output = std::process::Command::new("git")
        .current_dir(&ws.root)
        .args(["diff", "--name-only", "--no-renames", "--relative", "-z", "HEAD", "--"])
        .args(paths)
        .output()
        .context("running git: telling changed files needs git and a clone of the workbook")?;
    if !output.status.success() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("git diff of {} failed: {}", names.join(", "), String::from_utf8_lossy(&output.stderr).trim());
    }
    // Paths end with a NUL and are relative to the current folder, the root (`--relative`).
    Ok(String::from_utf8_lossy(&output.stdout)
        .split('\0')
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .collect())
}
