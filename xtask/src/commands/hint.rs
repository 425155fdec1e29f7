//! `cargo xtask hint EXERCISE`: one more hint each time, or all with `--all`.

use crate::course::Course;
use crate::flags::Hint;
use crate::progress::Progress;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::Result;
use std::process::ExitCode;

impl Hint {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let exercise = course.exercise(&self.exercise)?;
        let hints = exercise.hints.get_ref();
        let mut progress = Progress::load(&ws);
        let entry = progress.entry(exercise.name());
        let shown = if self.all { hints.len() } else { (entry.hints_shown + 1).min(hints.len()) };
        entry.hints_shown = entry.hints_shown.max(shown);
        progress.save(&ws)?;
        for (i, hint) in hints.iter().take(shown).enumerate() {
            ui::line(&format!("{} {}", ui::paint(ui::NOTE, format!("Hint {}/{}:", i + 1, hints.len())), hint.trim()));
        }
        if shown < hints.len() {
            ui::line(&ui::paint(ui::DIM, format!("Run `cargo xtask hint {}` again for the next hint.", exercise.name())));
        }
        Ok(ExitCode::SUCCESS)
    }
}
