//! `cargo xtask reset EXERCISE [--files all|course]`: puts an exercise's files back as
//! the course ships them, after saving the student's own copies.
//!
//! `all` (the default) restores the editable files and every other file of the exercise
//! that is missing or changed (its `Cargo.toml`, tests, data); `course` only the latter,
//! which is what a student who broke an exercise's manifest needs without losing their
//! work (`damage.rs` says so). The pristine version is the one committed in git
//! (`git show HEAD:<path>`): in a fresh clone, the starter. (A student who commits their
//! work gets their last commit back.) Every file replaced that existed goes first to
//! `.workbook/backups/<exercise>-<UTC time>/`, under its repository path, and the command
//! says where. With `all`, the exercise's progress is cleared.

use crate::course::Course;
use crate::flags::{Reset, ResetFiles};
use crate::progress::Progress;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

impl Reset {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let exercise = course.exercise(&self.exercise)?;
        let editable = exercise.editable();
        let mut files = match self.files {
            ResetFiles::All => editable.clone(),
            ResetFiles::Course => Vec::new(),
        };
        files.extend(crate::git_changes::changed_files(&ws, exercise)?.into_iter().filter(|f| !editable.contains(f)));
        // A manifest deleted in a commit of the student's own is no change for git, but
        // cargo still cannot load it: restore it too (from before that commit).
        let manifest = exercise.dir().join("Cargo.toml");
        if !ws.path(&manifest).exists() && !files.contains(&manifest) {
            files.push(manifest);
        }
        // Read every pristine file before touching anything, so a failure changes nothing.
        let pristine: Vec<(PathBuf, Vec<u8>)> =
            files.iter().map(|f| committed(&ws, f).map(|bytes| (f.clone(), bytes))).collect::<Result<_>>()?;
        let backup = backup_dir(&ws, exercise.name());
        let mut saved = 0;
        // Everything of the student's is saved before anything is written.
        for (file, _) in &pristine {
            // Whatever stands in the file's way, or in its folders', is moved to the backup:
            // a folder or a symlink in a file's place, a file in a folder's place. Nothing
            // is written through a symlink, so a file it points to stays as it is.
            if let Some(place) = in_the_way(&ws, file) {
                let to = backup.join(place.strip_prefix(&ws.root).unwrap_or(&place));
                fs_err::create_dir_all(to.parent().unwrap_or(&backup)).with_context(|| format!("creating {}", backup.display()))?;
                fs_err::rename(&place, &to).with_context(|| format!("saving {} to {}", place.display(), to.display()))?;
                saved += 1;
            }
            let from = ws.path(file);
            if from.is_file() {
                let to = backup.join(file);
                fs_err::create_dir_all(to.parent().unwrap_or(&backup)).with_context(|| format!("creating {}", backup.display()))?;
                fs_err::copy(&from, &to).with_context(|| format!("saving {} to {}", file.display(), to.display()))?;
                saved += 1;
            }
        }
        for (file, bytes) in &pristine {
            let to = ws.path(file);
            // The student may have deleted the file's folder too.
            if let Some(folder) = to.parent() {
                fs_err::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
            }
            fs_err::write(&to, bytes).with_context(|| format!("restoring {}", file.display()))?;
            ui::line(&format!("  restored {}", file.display()));
        }
        // The student may have committed the damage: then git's version is damaged too.
        if let Some(damage) = crate::damage::manifest(&ws, exercise) {
            ui::line(&format!(
                "{} {} {} in your last commit too, so reset cannot repair it: `git log -- {}` lists its versions and \
                 `git checkout COMMIT -- {}` brings back the one of COMMIT.",
                ui::mark(false),
                damage.path.display(),
                damage.problem,
                damage.path.display(),
                damage.path.display()
            ));
        }
        if saved > 0 {
            ui::line(&format!("Your {saved} file(s) are saved in {}", backup.display()));
        }
        match self.files {
            ResetFiles::All => {
                let mut progress = Progress::load(&ws);
                progress.exercises.remove(exercise.name());
                progress.save(&ws)?;
                ui::line(&format!(
                    "`{}` is back to its starter (the version committed in git) and its progress is cleared. `cargo xtask check {}` checks it.",
                    exercise.name(),
                    exercise.name()
                ));
            }
            ResetFiles::Course if pristine.is_empty() => {
                ui::line(&format!("The course's files of `{}` are as git has them; nothing to restore.", exercise.name()));
            }
            ResetFiles::Course => {
                ui::line(&format!("The course's files of `{}` are back as git has them; your own files are as you left them.", exercise.name()));
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// What occupies the place of `file` (repository-relative) or of one of its folders below
/// the root and is not what belongs there: `file` itself when it is a folder or a symlink
/// (even a broken or looping one), or the outermost folder of it that is a file or a
/// symlink; moving that one away clears the places below it.
fn in_the_way(ws: &Workspace, file: &Path) -> Option<PathBuf> {
    let mut path = ws.root.clone();
    let parts: Vec<_> = file.components().collect();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        let last = i + 1 == parts.len();
        if meta.file_type().is_symlink() || if last { meta.is_dir() } else { !meta.is_dir() } {
            return Some(path);
        }
    }
    None
}

/// The committed content of `file` (repository-relative): `git show HEAD:<file>`, or,
/// when the student committed its deletion, its content before the commit that deleted it.
fn committed(ws: &Workspace, file: &Path) -> Result<Vec<u8>> {
    let path = file.to_string_lossy().replace('\\', "/");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(&ws.root)
            .args(args)
            .output()
            .context("running git: reset needs git and a clone of the workbook")
    };
    let output = git(&["show", &format!("HEAD:{path}")])?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let deleted_in = git(&["log", "-n", "1", "--format=%H", "--diff-filter=D", "HEAD", "--", &path])?;
    let commit = String::from_utf8_lossy(&deleted_in.stdout).trim().to_string();
    if !commit.is_empty() {
        let before = git(&["show", &format!("{commit}^:{path}")])?;
        if before.status.success() {
            return Ok(before.stdout);
        }
    }
    bail!(
        "cannot read the committed version of {} from git ({}); nothing was changed",
        file.display(),
        String::from_utf8_lossy(&output.stderr).trim()
    );
}

/// A new folder name `.workbook/backups/<exercise>-<YYYYMMDDTHHMMSSZ>`, with `-2`, `-3`...
/// when a reset in the same second already used it.
fn backup_dir(ws: &Workspace, exercise: &str) -> PathBuf {
    let stamp: String = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
        .to_string()
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect();
    let base = ws.state_dir().join("backups").join(format!("{exercise}-{stamp}"));
    let mut dir = base.clone();
    let mut n = 2;
    while dir.exists() {
        dir = PathBuf::from(format!("{}-{n}", base.display()));
        n += 1;
    }
    dir
}
