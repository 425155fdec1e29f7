//! `cargo xtask check [EXERCISE]`: the student's loop, as in rustlings.
//!
//! With a name, checks that exercise. Without, walks the exercises in order, skipping
//! those that passed with exactly their current files, and stops at the first unsolved
//! one. Never writes into an exercise folder; insta runs with `INSTA_UPDATE=no`.

use crate::course::{Course, Exercise};
use crate::flags::Check;
use crate::progress::{Progress, fingerprint};
use crate::workspace::Workspace;
use crate::stage::{self, show};
use crate::{python, ui};
use anyhow::Result;
use std::process::ExitCode;

impl Check {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        // The packages install while the first build compiles; `stages` waits for them.
        let venv = python::start_venv(&ws, python::Packages::Students)?;
        let mut progress = Progress::load(&ws);
        let total = course.exercises.len();
        let solved = if let Some(name) = &self.exercise {
            let exercise = course.exercise(name)?;
            let passed = check_one(&ws, &course, exercise, &mut progress, &venv)?;
            progress.save(&ws)?;
            passed
        } else {
            let mut all = true;
            for exercise in &course.exercises {
                if progress.is_done(&ws, exercise) {
                    continue;
                }
                let passed = check_one(&ws, &course, exercise, &mut progress, &venv)?;
                progress.save(&ws)?;
                if !passed {
                    all = false;
                    break;
                }
            }
            all
        };
        // An installation that failed is reported even when the build failed first.
        venv.wait()?;
        let done = course.exercises.iter().filter(|e| progress.is_done(&ws, e)).count();
        ui::line(&format!("{done}/{total} done"));
        if solved && self.exercise.is_none() {
            ui::line(&ui::paint(ui::PASS, "Every exercise passes. Congratulations!"));
        }
        Ok(if solved { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    }
}

/// Checks one exercise, prints its report and records the result. Returns whether all
/// its stages passed. `venv` is the venv's installation, which may still be running.
pub(super) fn check_one(ws: &Workspace, course: &Course, exercise: &Exercise, progress: &mut Progress, venv: &python::Setup) -> Result<bool> {
    let position = course.exercises.iter().position(|e| e.name() == exercise.name()).unwrap_or(0) + 1;
    ui::line(&format!(
        "{} {}",
        ui::paint(ui::BOLD, format!("Checking `{}`", exercise.name())),
        ui::paint(
            ui::DIM,
            format!("(exercise {position}/{}, {})", course.exercises.len(), course.part_title(exercise.part.get_ref()))
        ),
    ));
    let damaged = crate::damage::manifests(ws, course);
    if !damaged.is_empty() {
        for damage in &damaged {
            ui::line(&format!("{} {damage}", ui::mark(false)));
        }
        return Ok(false);
    }
    // A course file that is gone (or a folder or broken symlink in its place) would fail
    // the build or the check with a message about something else: stop and name it.
    let (missing, changed): (Vec<_>, Vec<_>) = crate::damage::changed_course_files(ws, exercise).into_iter().partition(|f| !ws.path(f).is_file());
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|f| f.display().to_string()).collect();
        ui::line(&format!(
            "{} {} {}: the check needs the course's files. `cargo xtask reset {} --files course` restores them and leaves your own files as they are.",
            ui::mark(false),
            names.join(", "),
            if names.len() == 1 { "is missing" } else { "are missing" },
            exercise.name()
        ));
        progress.entry(exercise.name()).passed_fingerprint = None;
        return Ok(false);
    }
    if !changed.is_empty() {
        let names: Vec<String> = changed.iter().map(|f| f.display().to_string()).collect();
        ui::line(&format!(
            "{} {} differ(s) from the course's: this check runs them as they are. `cargo xtask reset {} --files course` restores them and leaves your own files.",
            ui::paint(ui::NOTE, "!"),
            names.join(", "),
            exercise.name()
        ));
    }
    // The files every exercise shares (`damage::changed_shared_files`): a note, since the
    // check may then say what the course does not.
    let shared = crate::damage::changed_shared_files(ws);
    if !shared.is_empty() {
        let names: Vec<String> = shared.iter().map(|f| f.display().to_string()).collect();
        let (gone, changed): (Vec<&std::path::PathBuf>, Vec<&std::path::PathBuf>) = shared.iter().partition(|f| !ws.path(f).exists());
        let what = match (gone.is_empty(), changed.is_empty()) {
            (true, _) => "differ from the course's",
            (false, true) => "are missing",
            (false, false) => "are missing or differ from the course's",
        };
        ui::line(&format!(
            "{} {} {what}: every exercise uses them, and this check runs them as they are. `git checkout HEAD -- {}` restores them.",
            ui::paint(ui::NOTE, "!"),
            names.join(", "),
            names.join(" ")
        ));
    }
    let missing: Vec<String> = exercise.editable().iter().filter(|f| !ws.path(f).is_file()).map(|f| f.display().to_string()).collect();
    if !missing.is_empty() {
        ui::line(&format!(
            "{} {} is missing. `cargo xtask reset {}` brings back the starter's files (yours are saved first in .workbook/backups/).",
            ui::mark(false),
            missing.join(", "),
            exercise.name()
        ));
        progress.entry(exercise.name()).passed_fingerprint = None;
        return Ok(false);
    }
    let empty: Vec<String> = exercise
        .editable()
        .iter()
        .filter(|f| fs_err::read_to_string(ws.path(f)).is_ok_and(|text| text.trim().is_empty()))
        .map(|f| f.display().to_string())
        .collect();
    if !empty.is_empty() {
        ui::line(&format!(
            "{} {} is empty. If that is not what you meant, `cargo xtask reset {}` brings back the starter's files (yours are saved first in .workbook/backups/).",
            ui::paint(ui::NOTE, "!"),
            empty.join(", "),
            exercise.name()
        ));
    }
    if ws.is_cold() {
        ui::note("First build: compiling pyo3 and the other dependencies takes a few minutes, once");
    }
    // Taken before the run: a file saved during the check is checked again next time.
    let checked = fingerprint(ws, exercise)?;
    let report = stage::run_with(ws, exercise, stage::Which::Starter, venv)?;
    show::report(&report, true);
    if matches!(report, stage::Report::BuildFailed { .. }) {
        for note in crate::damage::other_changed_manifests(ws, course, exercise) {
            ui::line(&format!("{} {note}", ui::paint(ui::NOTE, "!")));
        }
    }
    let entry = progress.entry(exercise.name());
    entry.stages_passed = report.passed_count();
    entry.stages_total = exercise.stages.get_ref().len();
    let passed = report.all_passed();
    entry.passed_fingerprint = if passed { Some(checked) } else { None };
    if !passed {
        let files: Vec<String> = exercise.editable().iter().map(|p| p.display().to_string()).collect();
        ui::line(&format!(
            "{}/{} stages pass. Edit {} and run `cargo xtask check {}` again.",
            report.passed_count(),
            entry.stages_total,
            files.join(", "),
            exercise.name()
        ));
        ui::line(&format!("Stuck? `cargo xtask hint {}` shows a hint.", exercise.name()));
    }
    Ok(passed)
}
