//! `feedback.md`: what a student reads: the score, then each exercise with each stage's
//! outcome and, for a failed one, each rule of the stage with ✓ or ✗ and the evidence
//! under each ✗ (`rules::explain`), or why the exercise got 0; last, how the grading ran.

use super::adjustments::{self, Adjustment};
use super::score::{Status, StudentGrade};

/// The Markdown feedback of `grade` with the instructor's `adjustments` to it; the
/// grade's `header` says how the grading ran (network, seed, limits).
pub fn markdown(grade: &StudentGrade, adjusted: &[&Adjustment]) -> String {
    let header = &grade.header;
    let mut out = format!("# Feedback for `{}`\n\n", grade.student);
    if adjusted.is_empty() {
        out.push_str(&format!("**Score: {}/{}**\n", grade.score(), grade.max_score()));
    } else {
        let sum: f64 = adjusted.iter().map(|a| a.points).sum();
        out.push_str(&format!(
            "**Score: {}/{}** ({} from the checks, {} adjusted by your instructor)\n\n## Adjustments\n\n",
            adjustments::format_points(adjustments::total(grade.score(), adjusted)),
            grade.max_score(),
            grade.score(),
            adjustments::signed(sum)
        ));
        for a in adjusted {
            let what = a.exercise.as_ref().map_or("the whole assignment".to_string(), |e| format!("`{e}`"));
            out.push_str(&format!("- {} point(s), {what}: {}\n", adjustments::signed(a.points), a.reason));
        }
    }
    if !grade.notes.is_empty() {
        out.push_str("\nAbout the submission:\n\n");
        for note in &grade.notes {
            out.push_str(&format!("- {note}\n"));
        }
    }
    for exercise in &grade.exercises {
        out.push_str(&format!("\n## `{}`: {}/{}\n\n", exercise.exercise, exercise.score, exercise.max_score));
        let why = match exercise.status {
            Status::Graded => None,
            Status::NotSubmitted => Some("File not submitted: 0 points for this exercise."),
            Status::BuildFailed => Some("The code does not compile: 0 points for this exercise."),
            Status::TimedOut => Some("Killed at the time limit: 0 points for this exercise."),
            Status::OutputCapped => Some("Killed for printing too much: 0 points for this exercise."),
            Status::Rejected => Some("The submission could not be read: 0 points."),
        };
        if let Some(why) = why {
            out.push_str(&format!("**{why}**\n\n{}\n", fenced(&exercise.message)));
            continue;
        }
        if exercise.unchanged {
            out.push_str("_Your files are the starter's, unchanged._\n\n");
        }
        for (i, stage) in exercise.stages.iter().enumerate() {
            let mark = if stage.passed { "✓ passed" } else { "✗ failed" };
            out.push_str(&format!("- Stage {} — {}: {mark} ({}/{})\n", i + 1, stage.name, stage.score, stage.max_score));
            if !stage.passed && !stage.output.is_empty() {
                out.push('\n');
                out.push_str(&indent(&fenced(&stage.output)));
                out.push('\n');
            }
        }
    }
    // How the grading ran comes after the results, which are what a student reads first.
    out.push_str(&format!("\n## How this was graded\n\n{header}\n"));
    out
}

/// `text` in a `text` code fence longer than any run of backticks inside it.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{}\n{fence}\n", text.trim_end())
}

fn indent(text: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("  {l}") }).collect::<Vec<_>>().join("\n") + "\n"
}
