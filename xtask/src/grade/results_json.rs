//! Gradescope's autograder results format (`results.json`), as documented in
//! "Autograder Specifications" (gradescope-autograders.readthedocs.io, *Output format*):
//! a top-level `score`, `execution_time` (seconds), `output`, `visibility`,
//! `stdout_visibility`, and `tests[]` with `name`, `score`, `max_score`, `status`
//! (`"passed"` or `"failed"`), `output` and `visibility`. One test per stage.

use super::score::StudentGrade;
use serde::{Deserialize, Serialize};

/// A whole `results.json`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Results {
    pub score: f64,
    pub execution_time: f64,
    pub output: String,
    /// `"md"`: Gradescope renders `output` as Markdown.
    pub output_format: String,
    pub visibility: String,
    pub stdout_visibility: String,
    pub tests: Vec<Test>,
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

/// The results of `grade`; `header` goes first in the top-level output (e.g. whether the
/// network was cut).
pub fn results(grade: &StudentGrade, header: &str) -> Results {
    let mut tests = Vec::new();
    let mut output = format!("{header}\n\n**Score: {}/{}**\n", grade.score(), grade.max_score());
    for note in &grade.notes {
        output.push_str(&format!("\n- {note}"));
    }
    for (e, exercise) in grade.exercises.iter().enumerate() {
        output.push_str(&format!("\n\n`{}`: {}/{}", exercise.exercise, exercise.score, exercise.max_score));
        for (s, stage) in exercise.stages.iter().enumerate() {
            tests.push(Test {
                name: format!("{}: stage {} — {}", exercise.exercise, s + 1, stage.name),
                number: format!("{}.{}", e + 1, s + 1),
                score: stage.score.into(),
                max_score: stage.max_score.into(),
                status: if stage.passed { "passed" } else { "failed" }.into(),
                output: stage.output.clone(),
                visibility: "visible".into(),
            });
        }
    }
    Results {
        score: grade.score().into(),
        execution_time: (grade.seconds * 10.0).round() / 10.0,
        output,
        output_format: "md".into(),
        visibility: "visible".into(),
        stdout_visibility: "hidden".into(),
        tests,
    }
}
