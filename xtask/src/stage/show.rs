//! How a stage report reads on the terminal: each stage passed or failed, and for a
//! failure the insta diff, the panic message or the Python traceback the test printed.

use super::build::compiler_messages;
use super::report::Report;
use crate::ui::{self, DIM};

/// Prints `report`, one line per stage; failures come with their test output when
/// `details` is set (a check shows details, a `verify` summary does not).
pub fn report(report: &Report, details: bool) {
    let text = render(report, details);
    if !text.is_empty() {
        ui::line(&text);
    }
}

/// `report` as [`report`] prints it, without the last line break: `verify` keeps it with
/// the step it explains, which may be printed later than it was made.
pub fn render(report: &Report, details: bool) -> String {
    let mut lines = Vec::new();
    match report {
        Report::BuildFailed { output } => {
            lines.push(format!("  {} the crate does not compile:", ui::mark(false)));
            lines.push(indent(&compiler_messages(output)));
        }
        Report::Ran { stages, .. } => {
            let mut shown: Vec<(usize, String)> = Vec::new();
            for (i, stage) in stages.iter().enumerate() {
                lines.push(format!(
                    "  {} stage {} `{}` {}",
                    ui::mark(stage.passed()),
                    i + 1,
                    stage.name,
                    ui::paint(DIM, format!("({} point{})", stage.points, if stage.points == 1 { "" } else { "s" }))
                ));
                if details && !stage.passed() {
                    // A failure already shown for an earlier stage (the same output) is
                    // named instead of repeated: when stage 1 is unsolved, the later
                    // stages usually fail for the same reason.
                    lines.push(indent(super::rules::explain(stage, i + 1, &mut shown).trim_end()));
                }
            }
        }
    }
    lines.join("\n")
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("      {l}")).collect::<Vec<_>>().join("\n")
}
