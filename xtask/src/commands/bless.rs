//! `cargo xtask bless EXERCISE`: regenerates an exercise's snapshots from its solution.
//!
//! The only command that lets insta write (`INSTA_UPDATE=always`), and only for a
//! solution. The old snapshots are set aside first, so that a snapshot no test makes any
//! more disappears, and put back if the solution fails.

use crate::course::Course;
use crate::flags::Bless;
use crate::workspace::Workspace;
use crate::{python, show, stages, ui};
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

impl Bless {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let exercise = course.exercise(&self.exercise)?;
        python::ensure_venv(&ws)?;
        let snapshots = ws.path(exercise.dir()).join("tests/snapshots");
        let before = read_dir_files(&snapshots)?;
        let backup = tempfile::tempdir_in(ws.path("target")).or_else(|_| tempfile::tempdir()).context("making a backup folder")?;
        let backup_dir = backup.path().join("snapshots");
        if snapshots.exists() {
            fs_err::rename(&snapshots, &backup_dir).context("setting the old snapshots aside")?;
        }
        let restore = |why: &str| -> Result<ExitCode> {
            let _ = fs_err::remove_dir_all(&snapshots);
            if backup_dir.exists() {
                fs_err::rename(&backup_dir, &snapshots).context("restoring the old snapshots")?;
            }
            bail!("{why}; the old snapshots are back in place")
        };
        ui::note(&format!("Running the solution `{}` with snapshot writing on", exercise.solution_package()));
        let report = stages::run(&ws, exercise, &exercise.solution_package(), &[("INSTA_UPDATE", "always")])?;
        if !report.all_passed() {
            show::report(&report, true);
            return restore("the solution fails even with snapshot writing on: fix the solution first");
        }
        let confirm = stages::run(&ws, exercise, &exercise.solution_package(), &[])?;
        if !confirm.all_passed() {
            show::report(&confirm, true);
            return restore("the new snapshots do not match a second run: a test prints something that changes between runs");
        }
        let after = read_dir_files(&snapshots)?;
        for (name, content) in &after {
            match before.get(name) {
                None => ui::line(&format!("  new      {name}")),
                Some(old) if old != content => ui::line(&format!("  changed  {name}")),
                Some(_) => ui::line(&format!("  same     {name}")),
            }
        }
        for name in before.keys().filter(|n| !after.contains_key(*n)) {
            ui::line(&format!("  removed  {name}"));
        }
        ui::line(&format!("{} snapshot(s) in {}; review them with `git diff` before committing.", after.len(), snapshots.display()));
        Ok(ExitCode::SUCCESS)
    }
}

/// The `.snap` files of `dir` by file name, with their contents below the header (the
/// header records the source path, which differs between exercise and solution runs).
fn read_dir_files(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = fs_err::read_dir(dir) {
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".snap") {
                let text = fs_err::read_to_string(entry.path())?;
                let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text).to_string();
                files.insert(name, body);
            }
        }
    }
    Ok(files)
}
