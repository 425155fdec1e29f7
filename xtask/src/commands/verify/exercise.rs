//! The per-exercise steps of `cargo xtask verify`: each starter compiles and fails its
//! first stage, each solution passes every stage and follows its held-out seed, and its
//! pages, rules, locked files and snapshots are in place.
//!
//! The exercises are verified on as many threads as the machine has cores: an exercise's
//! checks spend most of their time in processes (cargo's freshness check, the test
//! binary, Python, pytest), one after another. The steps are printed in the course's
//! order all the same, each exercise's as soon as every earlier exercise's are.

use super::{Step, Tally};
use crate::course::{Exercise, HeldOut};
use crate::{disk, layout};
use crate::stage::{self, Execution, Report, Which, show, verdict};
use crate::workspace::Workspace;
use anyhow::Result;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Verifies `exercises` on up to one thread per core (`parallel::in_order`) and records
/// their steps in `tally`, in the order of `exercises`. Stops handing out exercises once a
/// step says the disk is full (the error names the folder to free).
///
/// # Errors
/// When a check cannot start, or the disk is full.
pub(super) fn verify_all(ws: &Workspace, exercises: &[&Exercise], tally: &mut Tally) -> Result<()> {
    crate::parallel::in_order(exercises, |exercise| verify_exercise(ws, exercise), |steps| {
        steps?.into_iter().for_each(|step| tally.record(step));
        tally.stop_if_disk_full()
    })
}

/// The steps of one exercise: its starter, its solution (on public and held-out inputs),
/// its pages, its rules, its locked files and snapshots.
///
/// # Errors
/// When cargo or a check cannot start, or a file of the exercise cannot be read.
fn verify_exercise(ws: &Workspace, exercise: &Exercise) -> Result<Vec<Step>> {
    let name = exercise.name();
    let mut steps = Vec::new();
    let starter = stage::run(ws, exercise, Which::Starter)?;
    let (ok, details) = match &starter {
        Report::BuildFailed { output } => (false, vec![format!("the starter must compile:\n{}", stage::compiler_messages(output))]),
        Report::Ran { stages, .. } => match stages.first() {
            Some(first) if !first.passed() => (true, vec![]),
            _ => (false, vec!["its first stage passes: a starter must leave the first stage for the student".to_string()]),
        },
    };
    steps.push(Step::new(ok, format!("starter `{name}` compiles and fails stage 1 ({} of {} stages pass)", starter.passed_count(), exercise.stages.get_ref().len()), details));

    let solution = stage::run(ws, exercise, Which::Solution)?;
    let mut details = Vec::new();
    if let Report::BuildFailed { output } = &solution
        && disk::says_full(output)
    {
        details.push(stage::compiler_messages(output));
    }
    if !solution.all_passed() {
        details.push(format!("the solution must pass every stage:\n{}", show::render(&solution, true)));
    }
    if let Report::Ran { unassigned, .. } = &solution {
        for test in unassigned {
            details.push(format!("test `{test}` belongs to no stage: add it to a stage's `tests` in exercises/info.toml"));
        }
    }
    steps.push(Step::new(details.is_empty(), format!("solution `{name}` passes {}/{} stages", solution.passed_count(), exercise.stages.get_ref().len()), details));

    steps.extend(verify_held_out(ws, exercise)?);

    steps.push(pages_step(ws, exercise));
    let rules: usize = exercise.stages.get_ref().iter().map(|s| s.rules.len()).sum();
    let problems = crate::rule_pages::problems(ws, exercise);
    steps.push(Step::new(problems.is_empty(), format!("`{name}`: every stage states its rules ({rules} rules), each naming a book section, shown on its page"), problems));

    let mut problems = layout::problems(ws, exercise)?;
    let used: BTreeSet<PathBuf> =
        exercise.stages.get_ref().iter().flat_map(|s| s.tests.get_ref()).map(|test| ws.path(verdict::snapshot_path(&exercise.dir(), test))).collect();
    let snapshot_dir = ws.path(exercise.dir()).join("tests/snapshots");
    let mut snapshot_count = 0;
    if let Ok(entries) = fs_err::read_dir(&snapshot_dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "snap") {
                snapshot_count += 1;
                if !used.contains(&path) {
                    problems.push(format!("{} is used by no test: delete it, or run `cargo xtask bless {name}`", path.strip_prefix(&ws.root)?.display()));
                }
            }
        }
    }
    for test in exercise.stages.get_ref().iter().flat_map(|s| s.tests.get_ref()) {
        let path = verdict::snapshot_path(&exercise.dir(), test);
        let header = verdict::snapshot_header(exercise, test);
        if std::fs::read_to_string(ws.path(&path)).is_ok_and(|text| !text.starts_with(&header)) {
            problems.push(format!("{}: its header does not name the rules its test observes: run `cargo xtask bless {name}`", path.display()));
        }
    }
    steps.push(Step::new(problems.is_empty(), format!("`{name}`: locked files match the solution; {snapshot_count} snapshots, all used, each headed by its rules"), problems));
    Ok(steps)
}

/// The step that requires the book's pages of `exercise` (`exercise_pages.rs`).
pub(super) fn pages_step(ws: &Workspace, exercise: &Exercise) -> Step {
    let problems = crate::exercise_pages::problems(ws, exercise);
    Step::new(problems.is_empty(), format!("`{}`: its page, solutions page, SUMMARY.md lines and table row exist", exercise.name()), problems)
}

/// Proves an exercise's held-out inputs: run twice on one seed, the solution reports one
/// held-out value per test of a seeded stage, the same both times (the inputs follow
/// from the seed alone), and different from its public value (they are new inputs).
fn verify_held_out(ws: &Workspace, exercise: &Exercise) -> Result<Option<Step>> {
    let seeded: Vec<&String> = exercise.stages.get_ref().iter().filter(|s| s.held_out() == HeldOut::Seeded).flat_map(|s| s.tests.get_ref()).collect();
    if seeded.is_empty() {
        return Ok(None);
    }
    let seed = 20_261_129;
    let mut runs = Vec::new();
    for _ in 0..2 {
        match stage::execute(ws, exercise, Which::Solution, Some(seed))? {
            Execution::Ran(ran) => runs.push(ran.observations),
            Execution::BuildFailed { output } => {
                return Ok(Some(Step::new(false, format!("solution `{}` runs on held-out inputs", exercise.name()), vec![output])));
            }
        }
    }
    let mut problems = Vec::new();
    for test in seeded {
        let first = runs[0].held_out.get(test).cloned().unwrap_or_default();
        let second = runs[1].held_out.get(test).cloned().unwrap_or_default();
        let public = runs[0].public.get(test).cloned().unwrap_or_default();
        match (first.as_slice(), second.as_slice()) {
            ([a], [b]) if a != b => problems.push(format!("test `{test}` gave two different held-out values for seed {seed}: its inputs must follow from the seed alone")),
            ([a], [_]) if public.first() == Some(a) => {
                problems.push(format!("test `{test}`'s held-out value equals its public one: generate the inputs from `Inputs::HeldOut {{ seed }}` (check_support::observe_held_out!)"))
            }
            ([_], [_]) => {}
            _ => problems.push(format!("test `{test}` is in a seeded stage but reported no single held-out value: use check_support::observe_held_out!")),
        }
    }
    Ok(Some(Step::new(problems.is_empty(), format!("solution `{}`: held-out inputs follow the seed and differ from the public ones", exercise.name()), problems)))
}
