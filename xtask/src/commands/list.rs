//! `cargo xtask list`: every exercise in order, with its part, kind and progress.

use crate::course::Course;
use crate::flags::List;
use crate::progress::Progress;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::Result;
use std::process::ExitCode;

impl List {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let progress = Progress::load(&ws);
        let width = course.exercises.iter().map(|e| e.name().len()).max().unwrap_or(4).max(4);
        ui::line(&ui::paint(ui::BOLD, format!("  #  {:width$}  {:17}  {:8}  {:6}  part", "name", "kind", "progress", "points")));
        let mut done = 0;
        let mut current_found = false;
        for (i, exercise) in course.exercises.iter().enumerate() {
            let entry = progress.exercises.get(exercise.name());
            let is_done = progress.is_done(&ws, exercise);
            done += usize::from(is_done);
            let state = if is_done {
                ui::paint(ui::PASS, format!("{:8}", "done"))
            } else {
                match entry {
                    Some(e) if e.stages_total > 0 => format!("{:8}", format!("{}/{}", e.stages_passed, e.stages_total)),
                    _ => format!("{:8}", "-"),
                }
            };
            let pointer = if !is_done && !current_found {
                current_found = true;
                "→"
            } else {
                " "
            };
            ui::line(&format!(
                "{pointer}{:>2}  {:width$}  {:17}  {state}  {:6}  {}",
                i + 1,
                exercise.name(),
                kind_label(exercise),
                exercise.max_score(),
                course.part_title(exercise.part.get_ref())
            ));
        }
        ui::line(&format!("{done}/{} done. `cargo xtask check` checks the exercise marked →.", course.exercises.len()));
        Ok(ExitCode::SUCCESS)
    }
}

/// What the exercise teaches, for the `kind` column: its kind, except for the capstone's
/// part, whose exercise goes both ways (its checks embed Python, which is what `kind`
/// records for the checker, but the student writes an extension module too).
fn kind_label(exercise: &crate::course::Exercise) -> String {
    if exercise.part.get_ref() == ROUND_TRIP {
        "both directions".to_string()
    } else {
        exercise.kind.to_string()
    }
}

/// The id of the capstone's part in exercises/info.toml.
const ROUND_TRIP: &str = "round-trip";
