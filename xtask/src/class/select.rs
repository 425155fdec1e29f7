//! Which exercises a class kit holds, and which files of the repository it starts from.

use crate::course::{Course, Exercise};
use crate::flags::ClassSelection;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;

/// The selected exercises, in the course's order: every exercise, those named by
/// `--exercises`, or those of `--part`.
///
/// # Errors
/// When a named exercise or part does not exist (the message lists the valid names), or
/// the selection is empty.
pub fn exercises<'a>(course: &'a Course, selection: &ClassSelection) -> Result<Vec<&'a Exercise>> {
    let named = course.select(&selection.exercises)?;
    if let Some(part) = &selection.part
        && !course.parts.iter().any(|p| p.id.get_ref() == part)
    {
        let ids: Vec<&str> = course.parts.iter().map(|p| p.id.get_ref().as_str()).collect();
        bail!("no part is called `{part}`; the parts are: {}", ids.join(", "));
    }
    let chosen: Vec<&Exercise> = named.into_iter().filter(|e| selection.part.as_ref().is_none_or(|p| e.part.get_ref() == p)).collect();
    if chosen.is_empty() {
        bail!("the selection holds no exercise");
    }
    Ok(chosen)
}

/// The files git tracks in the repository (relative paths, `/`-separated), as they are in
/// the working tree: a tracked file deleted from the working tree is left out. Untracked
/// files (builds, the venv, a student's progress) never go into a class kit.
///
/// # Errors
/// When the repository is not a git repository or git cannot run.
pub fn tracked_files(ws: &Workspace) -> Result<Vec<PathBuf>> {
    let out = std::process::Command::new("git")
        .args(["ls-files", "-z", "--cached"])
        .current_dir(&ws.root)
        .output()
        .context("running `git ls-files` (a class kit is made from the files git tracks)")?;
    if !out.status.success() {
        bail!(
            "`git ls-files` failed in {}: {}; a class kit is made from a git repository's tracked files",
            ws.root.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out
        .stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
        .filter(|p| ws.path(p).is_file())
        .collect())
}
