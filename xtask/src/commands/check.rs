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
        if let Some(case) = &self.answer {
            let exercise = course.exercise(self.exercise.as_deref().unwrap_or_default())?;
            return check_answer(&ws, &course, exercise, case);
        }
        if self.solution {
            let exercise = course.exercise(self.exercise.as_deref().unwrap_or_default())?;
            return check_solution(&ws, exercise, &venv);
        }
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

/// `check NAME --solution`: the solution's stages, as `verify` runs them; no progress is
/// recorded.
fn check_solution(ws: &Workspace, exercise: &Exercise, venv: &python::Setup) -> Result<ExitCode> {
    if cfg!(all(feature = "students-edition", not(feature = "authoring"))) {
        anyhow::bail!("a students' repository has no solutions: your instructor hands them out");
    }
    ui::line(&ui::paint(ui::BOLD, format!("Checking the solution of `{}`", exercise.name())));
    let report = stage::run_with(ws, exercise, stage::Which::Solution, venv)?;
    show::report(&report, true);
    venv.wait()?;
    Ok(if report.all_passed() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `check NAME --answer wrong/CASE` (or `right/CASE`): grades one recorded answer as
/// `verify` does (`answers.rs`), prints each stage and whether the answer proves its
/// check. The grader is in the authors' build; the students' build runs it there.
#[cfg(feature = "authoring")]
fn check_answer(ws: &Workspace, course: &Course, exercise: &Exercise, case: &str) -> Result<ExitCode> {
    use crate::answers::{self, Expect, Side};
    let (side, name) = match case.split_once('/') {
        Some(("wrong", name)) => (Side::Wrong, name),
        Some(("right", name)) => (Side::Right, name),
        _ => anyhow::bail!("--answer takes `wrong/CASE` or `right/CASE` (a folder of {}/tests/), not `{case}`", exercise.dir().display()),
    };
    let cases = answers::load(ws, exercise, side)?;
    let Some(answer) = cases.iter().find(|a| a.case == name) else {
        let names: Vec<&str> = cases.iter().map(|a| a.case.as_str()).collect();
        anyhow::bail!("`{}` has no recorded answer `{case}`; its {} answers are: {}", exercise.name(), side.dir(), if names.is_empty() { "none".to_string() } else { names.join(", ") });
    };
    ui::line(&ui::paint(ui::BOLD, format!("Grading {}", answer.claim())));
    let seeds: &[u64] = match answer.expect {
        Expect::Fails { .. } => &[answers::WRONG_ANSWER_SEED],
        Expect::FullMarks { .. } => &answers::RIGHT_ANSWER_SEEDS,
    };
    let batch = crate::grade::Batch { exercises: vec![exercise], files: answer.files.clone() };
    let grade = crate::grade::grade_batches(ws, course, &[batch], seeds)?.remove(0).remove(0);
    for (i, stage) in grade.stages.iter().enumerate() {
        ui::line(&format!("  {} stage {} `{}`", ui::mark(stage.passed), i + 1, stage.name));
    }
    let problems = answers::problems(answer, &grade);
    for problem in &problems {
        ui::line(&format!("{} {problem}", ui::mark(false)));
    }
    if problems.is_empty() {
        ui::line(&format!("{} the answer proves its check", ui::mark(true)));
    }
    Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// In a build without the grader, `--answer` runs again in the authors' build.
#[cfg(not(feature = "authoring"))]
fn check_answer(_: &Workspace, _: &Course, _: &Exercise, _: &str) -> Result<ExitCode> {
    #[cfg(not(all(feature = "students-edition", feature = "book")))]
    return crate::authoring::run_in_full_build();
    #[cfg(all(feature = "students-edition", feature = "book"))]
    anyhow::bail!("a students' repository has no recorded answers")
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
    let (missing, changed): (Vec<_>, Vec<_>) = crate::git_changes::changed_course_files(ws, exercise).into_iter().partition(|f| !ws.path(f).is_file());
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
    // The files every exercise shares (`git_changes::changed_shared_files`): a note, since the
    // check may then say what the course does not.
    let shared = crate::git_changes::changed_shared_files(ws);
    if !shared.is_empty() {
        let names: Vec<String> = shared.iter().map(|f| f.display().to_string()).collect();
        let (gone, changed): (Vec<&std::path::PathBuf>, Vec<&std::path::PathBuf>) = shared.iter().partition(|f| !ws.path(f).exists());
        let one = shared.len() == 1;
        let what = match (gone.is_empty(), changed.is_empty(), one) {
            (true, _, true) => "differs from the course's",
            (true, _, false) => "differ from the course's",
            (false, true, true) => "is missing",
            (false, true, false) => "are missing",
            (false, false, _) => "are missing or differ from the course's",
        };
        let them = if one { "it" } else { "them" };
        // An author adding an exercise changes these on purpose (info.toml, the lock file);
        // a student never should: the note says both.
        ui::line(&format!(
            "{} {} {what}: every exercise uses {them}, and this check runs {them} as {}. If you did not mean to change {them}, `git checkout HEAD -- {}` restores {them}; if you did (an author adding an exercise), commit {them}.",
            ui::paint(ui::NOTE, "!"),
            names.join(", "),
            if one { "it is" } else { "they are" },
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
        for note in crate::git_changes::other_changed_manifests(ws, course, exercise) {
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
