//! What a student may have broken outside the files they edit, that would stop cargo
//! before any check: an exercise's folder or its `Cargo.toml` deleted, emptied or no
//! longer a manifest of the right crate. Cargo loads every member of the exercises'
//! workspace (the root `Cargo.toml`) before it builds one, so a single damaged manifest
//! stops the checks of every exercise. `check` and `doctor` look here first and name the
//! file with the command that restores it (`reset --files course`, which leaves the
//! student's own files as they are). A folder the student added where cargo looks for
//! exercises (a `notes` folder, a copy of an exercise) stops cargo too, and is named with
//! the advice to move it out. Which files differ from git's is `git_changes.rs`.

use crate::course::{Course, Exercise};
use crate::workspace::Workspace;
use std::fmt;
use std::path::{Path, PathBuf};

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
    /// How it is repaired.
    pub fix: Fix,
}

/// How a [`Damage`] is repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// `cargo xtask reset <exercise> --files course` restores the course's file.
    ResetCourse,
    /// The exercise's folder is gone, with the student's files in it: `cargo xtask reset
    /// <exercise>` brings back the whole starter.
    ResetAll,
    /// The folder is not the course's: the student moves it out of the repository.
    MoveOut,
}

impl fmt::Display for Damage {
    /// `exercises/p/x/Cargo.toml is missing: cargo needs every exercise's manifest, so no
    /// exercise can be checked. `cargo xtask reset x --files course` restores it ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fix == Fix::MoveOut {
            return write!(
                f,
                "{} {}: cargo takes every folder there for a crate of the workspace (the root Cargo.toml's `members`), \
                 so no exercise can be checked. Move it out of the repository (your files in it stay yours), or delete it.",
                self.path.display(),
                self.problem
            );
        }
        if self.fix == Fix::ResetAll {
            return write!(
                f,
                "{} {}: cargo needs every exercise's folder, so no exercise can be checked. \
                 `cargo xtask reset {}` brings back its starter files.",
                self.path.display(),
                self.problem,
                self.exercise
            );
        }
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

/// The damaged manifests of the course's starters, in the course's order, then the
/// folders that are not the course's where cargo looks for crates; empty when every
/// starter's folder and `Cargo.toml` are there and name their crate, and cargo finds
/// nothing else.
pub fn manifests(ws: &Workspace, course: &Course) -> Vec<Damage> {
    let mut damaged: Vec<Damage> = course.exercises.iter().filter_map(|exercise| manifest(ws, exercise)).collect();
    damaged.extend(strays(ws, course));
    damaged
}

/// The folders matched by a `members` glob of the root `Cargo.toml` (`exercises/p/*`)
/// that are no exercise's starter or solution and that cargo cannot load: without a
/// `Cargo.toml` (cargo requires one in every matched folder, hidden ones included), or
/// naming the package of an exercise (a copy: cargo refuses two packages of one name).
/// Plain files are ignored, as cargo does. Empty when the root manifest cannot be read.
fn strays(ws: &Workspace, course: &Course) -> Vec<Damage> {
    let Ok(root) = fs_err::read_to_string(ws.path("Cargo.toml")) else { return Vec::new() };
    let Ok(root) = root.parse::<toml::Table>() else { return Vec::new() };
    let members = root.get("workspace").and_then(|w| w.get("members")).and_then(toml::Value::as_array);
    let globs = members.into_iter().flatten().filter_map(toml::Value::as_str).filter_map(|m| m.strip_suffix("/*"));
    let known: Vec<PathBuf> = course.exercises.iter().flat_map(|e| [e.dir(), e.solution_dir()]).collect();
    let packages: Vec<String> = course.exercises.iter().flat_map(|e| [e.package(), e.solution_package()]).collect();
    let mut damaged = Vec::new();
    for glob in globs {
        let Ok(entries) = std::fs::read_dir(ws.path(glob)) else { continue };
        let mut folders: Vec<PathBuf> =
            entries.filter_map(|e| e.ok()).filter(|e| e.path().is_dir()).map(|e| Path::new(glob).join(e.file_name())).collect();
        folders.sort();
        for folder in folders.into_iter().filter(|f| !known.contains(f)) {
            let problem = match fs_err::read_to_string(ws.path(folder.join("Cargo.toml"))) {
                Err(_) => "is a folder without a Cargo.toml".to_string(),
                Ok(text) => {
                    let table = text.parse::<toml::Table>().ok();
                    let name = table.as_ref().and_then(|t| t.get("package")).and_then(|p| p.get("name")).and_then(toml::Value::as_str);
                    match name {
                        Some(name) if packages.iter().any(|p| p == name) => format!("is a copy of the package `{name}`"),
                        _ => continue,
                    }
                }
            };
            damaged.push(Damage { exercise: String::new(), path: folder, problem, fix: Fix::MoveOut });
        }
    }
    damaged
}

/// The damage to `exercise`'s starter manifest, if any.
pub fn manifest(ws: &Workspace, exercise: &Exercise) -> Option<Damage> {
    let damage = |path: PathBuf, problem: String| Some(Damage { exercise: exercise.name().to_string(), path, problem, fix: Fix::ResetCourse });
    let dir = exercise.dir();
    if !ws.path(&dir).is_dir() {
        let problem = "(the exercise's folder) is missing".to_string();
        return Some(Damage { exercise: exercise.name().to_string(), path: dir, problem, fix: Fix::ResetAll });
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
