//! What a student may have broken outside the files they edit, that would stop cargo
//! before any check: an exercise's folder or its `Cargo.toml` deleted, emptied or no
//! longer a manifest of the right crate. Cargo loads every member of the exercises'
//! workspace (the root `Cargo.toml`) before it builds one, so a single damaged manifest
//! stops the checks of every exercise. `check` and `doctor` look here first and name the
//! file with the command that restores it (`reset --files course`, which leaves the
//! student's own files as they are). It also tells which of an exercise's other files
//! differ from git's, which `check` mentions and `reset` restores.

use crate::course::{Course, Exercise};
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::fmt;
use std::path::PathBuf;

/// One damaged file of one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The exercise whose file it is.
    pub exercise: String,
    /// The file (or folder), relative to the root.
    pub path: PathBuf,
    /// What is wrong with it, as a sentence fragment: "is missing", "is not valid TOML
    /// (line 3, column 1: ...)".
    pub problem: String,
}

impl fmt::Display for Damage {
    /// `exercises/p/x/Cargo.toml is missing: cargo needs every exercise's manifest, so no
    /// exercise can be checked. `cargo xtask reset x --files course` restores it ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: cargo needs every exercise's manifest, so no exercise can be checked. \
             `cargo xtask reset {} --files course` restores the course's files of `{}` and leaves yours as they are.",
            self.path.display(),
            self.problem,
            self.exercise,
            self.exercise
        )
    }
}

/// The files of `exercise` that students do not edit (its tests, snapshots, data) and
/// that differ from the last commit or are missing: a check runs them as they are, so it
/// may say what the course does not. Empty when git cannot tell (no clone, no git).
pub fn changed_course_files(ws: &Workspace, exercise: &Exercise) -> Vec<PathBuf> {
    let editable = exercise.editable();
    changed_files(ws, exercise).map(|files| files.into_iter().filter(|f| !editable.contains(f)).collect()).unwrap_or_default()
}

/// The damaged manifests of the course's starters, in the course's order; empty when
/// every starter's folder and `Cargo.toml` are there and name their crate.
pub fn manifests(ws: &Workspace, course: &Course) -> Vec<Damage> {
    course.exercises.iter().filter_map(|exercise| manifest(ws, exercise)).collect()
}

/// The damage to `exercise`'s starter manifest, if any.
fn manifest(ws: &Workspace, exercise: &Exercise) -> Option<Damage> {
    let damage = |path: PathBuf, problem: String| Some(Damage { exercise: exercise.name().to_string(), path, problem });
    let dir = exercise.dir();
    if !ws.path(&dir).is_dir() {
        return damage(dir, "(the exercise's folder) is missing".into());
    }
    let path = dir.join("Cargo.toml");
    let text = match fs_err::read_to_string(ws.path(&path)) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return damage(path, "is missing".into()),
        Err(err) => return damage(path, format!("cannot be read ({err})")),
    };
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(err) => {
            let message = err.message().trim().to_string();
            let at = err.span().map(|span| {
                let line = text.get(..span.start).unwrap_or(&text).matches('\n').count() + 1;
                format!("line {line}: ")
            });
            return damage(path, format!("is not valid TOML ({}{message})", at.unwrap_or_default()));
        }
    };
    let name = table.get("package").and_then(|p| p.get("name")).and_then(toml::Value::as_str);
    if name != Some(exercise.package().as_str()) {
        return damage(path, format!("no longer says `[package] name = \"{}\"`", exercise.package()));
    }
    None
}

/// The files of `exercise`'s folder that the last commit has and that are missing or
/// differ from it (`git diff --name-only HEAD`), relative to the root.
///
/// # Errors
/// When git cannot run or fails (not a clone of the workbook).
pub fn changed_files(ws: &Workspace, exercise: &Exercise) -> Result<Vec<PathBuf>> {
    let output = std::process::Command::new("git")
        .current_dir(&ws.root)
        .args(["diff", "--name-only", "--no-renames", "--relative", "-z", "HEAD", "--"])
        .arg(exercise.dir())
        .output()
        .context("running git: telling changed files needs git and a clone of the workbook")?;
    if !output.status.success() {
        bail!("git diff of {} failed: {}", exercise.dir().display(), String::from_utf8_lossy(&output.stderr).trim());
    }
    // Paths end with a NUL and are relative to the current folder, the root (`--relative`).
    Ok(String::from_utf8_lossy(&output.stdout)
        .split('\0')
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .collect())
}
