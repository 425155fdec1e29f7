//! `cargo xtask bless EXERCISE`: regenerates an exercise's snapshots from its solution.
//!
//! The only command that writes snapshots, and only from a solution: it runs the
//! solution's stage tests, takes the value each test reported (`stage/verdict.rs`), and writes
//! it as the body of the test's insta snapshot (`tests/snapshots/check__TEST.snap`),
//! under a header that names the rules the test observes (`verdict::snapshot_header`). Snapshots no test of a stage makes any more are removed.
//! A second run must then pass against the new snapshots; otherwise the old ones are put
//! back.

use crate::course::Course;
use crate::flags::Bless;
use crate::stage::{self, Execution, Which};
use crate::stage::verdict;
use crate::workspace::Workspace;
use crate::stage::show;
use crate::{python, ui};
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

impl Bless {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let exercise = course.exercise(&self.exercise)?;
        python::ensure_venv(&ws, python::Packages::Students)?;
        let snapshots = ws.path(exercise.dir()).join("tests/snapshots");
        let before = read_dir_files(&snapshots)?;
        ui::note(&format!("Running the solution `{}`", exercise.solution_package()));
        let ran = match stage::execute(&ws, exercise, Which::Solution, None)? {
            Execution::Ran(ran) => ran,
            Execution::BuildFailed { output } => bail!("the solution does not build:\n{output}"),
        };
        let mut values = BTreeMap::new();
        for test in exercise.stages.get_ref().iter().flat_map(|s| s.tests.get_ref()) {
            match ran.observations.public.get(test).map(Vec::as_slice) {
                Some([value]) => {
                    values.insert(test.clone(), value.clone());
                }
                _ => bail!(
                    "the solution's test `{test}` reported no single value ({}); fix the solution or its test first:\n{}{}",
                    ran.ending.describe(),
                    ran.stdout,
                    ran.stderr
                ),
            }
        }
        std::fs::create_dir_all(&snapshots).with_context(|| format!("creating {}", snapshots.display()))?;
        let old_texts: BTreeMap<String, String> = files_of(&snapshots)?;
        for name in old_texts.keys() {
            let path = snapshots.join(name);
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
        for (test, value) in &values {
            let path = verdict::snapshot_path(&ws.path(exercise.dir()), test);
            let header = verdict::snapshot_header(exercise, test);
            std::fs::write(&path, format!("{header}{}\n", verdict::normalize(value))).with_context(|| format!("writing {}", path.display()))?;
        }
        let confirm = stage::run(&ws, exercise, Which::Solution)?;
        if !confirm.all_passed() {
            show::report(&confirm, true);
            for (name, text) in &old_texts {
                let path = snapshots.join(name);
                std::fs::write(&path, text).with_context(|| format!("restoring {}", path.display()))?;
            }
            bail!("the new snapshots do not match a second run (a test prints something that changes between runs); the old snapshots are back in place");
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
        ui::line(&format!("The solution passes every stage against them ({} stage(s)).", exercise.stages.get_ref().len()));
        let new: Vec<&String> = after.keys().filter(|n| !before.contains_key(*n)).collect();
        if !new.is_empty() {
            ui::line("New snapshots are not in git yet, so `git diff` does not show them: read them, then `git add` them.");
        }
        ui::line(&format!("{} snapshot(s) in {}; review them with `git diff` before committing.", after.len(), snapshots.display()));
        Ok(ExitCode::SUCCESS)
    }
}

/// The `.snap` files of `dir` by file name, whole.
fn files_of(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = fs_err::read_dir(dir) {
        for entry in entries {
            let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".snap") {
                let text = std::fs::read_to_string(entry.path()).with_context(|| format!("reading {}", entry.path().display()))?;
                files.insert(name, text);
            }
        }
    }
    Ok(files)
}

/// The `.snap` files of `dir` by file name, with their bodies (the header records the
/// source path, which may differ between runs).
fn read_dir_files(dir: &Path) -> Result<BTreeMap<String, String>> {
    Ok(files_of(dir)?.into_iter().map(|(name, text)| {
        let body = verdict::snapshot_body(&text).unwrap_or(&text).to_string();
        (name, body)
    }).collect())
}
