//! How a stage report reads on the terminal: each stage passed or failed, and for a
//! failure the insta diff, the panic message or the Python traceback the test printed.

use super::build::compiler_messages;
use super::report::{Report, StageReport};
use crate::ui::{self, DIM};

/// Prints `report`, one line per stage; failures come with their test output when
/// `details` is set (a check shows details, a `verify` summary does not).
pub fn report(report: &Report, details: bool) {
    match report {
        Report::BuildFailed { output } => {
            ui::line(&format!("  {} the crate does not compile:", ui::mark(false)));
            ui::line(&indent(&compiler_messages(output)));
        }
        Report::Ran { stages, .. } => {
            let mut shown: Vec<(usize, String)> = Vec::new();
            for (i, stage) in stages.iter().enumerate() {
                ui::line(&format!(
                    "  {} stage {} `{}` {}",
                    ui::mark(stage.passed()),
                    i + 1,
                    stage.name,
                    ui::paint(DIM, format!("({} point{})", stage.points, if stage.points == 1 { "" } else { "s" }))
                ));
                if details && !stage.passed() {
                    failure(stage, i + 1, &mut shown);
                }
            }
        }
    }
}

/// Prints why `stage` (number `number`) failed. A failure already printed for an earlier
/// stage (the same output) is named instead of repeated: when stage 1 is unsolved, the
/// later stages usually fail for the same reason.
fn failure(stage: &StageReport, number: usize, shown: &mut Vec<(usize, String)>) {
    ui::line(&indent(super::rules::explain(stage, number, shown).trim_end()));
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("      {l}")).collect::<Vec<_>>().join("\n")
}
