//! Gradescope's autograder results format (`results.json`), as documented in
//! "Autograder Specifications" (gradescope-autograders.readthedocs.io, *Output format*):
//! a top-level `score`, `execution_time` (seconds), `output`, `visibility`,
//! `stdout_visibility`, and `tests[]` with `name`, `score`, `max_score`, `status`
//! (`"passed"` or `"failed"`), `output` and `visibility`; `extra_data`, which Gradescope
//! stores. One test per stage.

use super::adjustments::{self, Adjustment};
use super::score::StudentGrade;
use crate::flags::Visibility;
use serde::{Deserialize, Serialize};

/// A whole `results.json`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Results {
    /// The submission's score; it overrides the sum of the tests' (the adjustments).
    pub score: f64,
    pub execution_time: f64,
    pub output: String,
    /// `"md"`: Gradescope renders `output` as Markdown.
    pub output_format: String,
    pub visibility: String,
    pub stdout_visibility: String,
    pub tests: Vec<Test>,
    /// Gradescope stores it and shows it to nobody: the instructor's adjustments.
    #[serde(default)]
    pub extra_data: ExtraData,
}

/// `extra_data`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ExtraData {
    #[serde(default)]
    pub adjustments: Vec<serde_json::Value>,
}

/// One entry of `tests[]`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Test {
    pub name: String,
    pub number: String,
    pub score: f64,
    pub max_score: f64,
    /// `"passed"` or `"failed"`.
    pub status: String,
    pub output: String,
    pub visibility: String,
}

/// The results of `grade` with the instructor's `adjusted` points; the grade's header
/// goes first in the top-level output (e.g. whether the network was cut). Every test
/// gets `visibility`; when the tests are not visible, neither are the scores in the
/// top-level output, which then holds only how the grading ran and the notes.
pub fn results(grade: &StudentGrade, adjusted: &[&Adjustment], visibility: Visibility) -> Results {
    let visible = visibility == Visibility::Visible;
    let mut tests = Vec::new();
    let total = adjustments::total(grade.score(), adjusted);
    let mut output = format!("{}\n", grade.header);
    if visible {
        output.push_str(&format!("\n**Score: {}/{}**\n", adjustments::format_points(total), grade.max_score()));
    }
    for note in &grade.notes {
        output.push_str(&format!("\n- {note}"));
    }
    for a in adjusted {
        let what = a.exercise.as_ref().map_or("the whole assignment".to_string(), |e| format!("`{e}`"));
        output.push_str(&format!("\n- Adjusted by your instructor, {what}: {} point(s): {}", adjustments::signed(a.points), a.reason));
    }
    for (e, exercise) in grade.exercises.iter().enumerate() {
        if visible {
            output.push_str(&format!("\n\n`{}`: {}/{}", exercise.exercise, exercise.score, exercise.max_score));
        }
        for (s, stage) in exercise.stages.iter().enumerate() {
            tests.push(Test {
                name: format!("{}: stage {} — {}", exercise.exercise, s + 1, stage.name),
                number: format!("{}.{}", e + 1, s + 1),
                score: stage.score.into(),
                max_score: stage.max_score.into(),
                status: if stage.passed { "passed" } else { "failed" }.into(),
                output: stage.output.clone(),
                visibility: visibility.as_str().into(),
            });
        }
    }
    Results {
        score: total,
        execution_time: (grade.seconds * 10.0).round() / 10.0,
        output,
        output_format: "md".into(),
        visibility: visibility.as_str().into(),
        stdout_visibility: "hidden".into(),
        tests,
        extra_data: ExtraData { adjustments: adjusted.iter().filter_map(|a| serde_json::to_value(a).ok()).collect() },
    }
}
