//! Scores: what one student earned, exercise by exercise and stage by stage.
//!
//! A stage earns its points (from `exercises/info.toml`) when every one of its tests
//! passed. An exercise that was not fully submitted, did not build, ran past the timeout
//! or printed past the output cap earns 0, with the reason as feedback. `grade.json` in a
//! student's folder is a [`StudentGrade`]; every other output is derived from it.

use crate::course::Exercise;
use crate::stage::Report;
use serde::{Deserialize, Serialize};

/// The longest text kept for one stage's feedback; longer text is cut with a note.
pub const OUTPUT_CAP: usize = 16 * 1024;

/// One student's grade.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StudentGrade {
    pub student: String,
    pub exercises: Vec<ExerciseGrade>,
    /// Notes about the submission as a whole: skipped archive entries, links, the network.
    pub notes: Vec<String>,
    /// Wall-clock seconds spent grading this student.
    pub seconds: f64,
    /// How the grading ran (confinement, held-out seed, limits): the last section of the
    /// feedback, kept so that the feedback can be written again with adjustments.
    #[serde(default)]
    pub header: String,
}

impl StudentGrade {
    pub fn score(&self) -> u32 {
        self.exercises.iter().map(|e| e.score).sum()
    }

    pub fn max_score(&self) -> u32 {
        self.exercises.iter().map(|e| e.max_score).sum()
    }
}

/// Why an exercise scored what it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The tests ran; each stage scored on its own.
    Graded,
    /// An editable file is missing: 0.
    NotSubmitted,
    /// The crate or its tests did not compile: 0.
    BuildFailed,
    /// The build or the tests ran past their time: 0.
    TimedOut,
    /// The run printed past the output cap: 0.
    OutputCapped,
    /// The whole submission could not be read (damaged or oversized archive): 0.
    Rejected,
}

/// One exercise's grade.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExerciseGrade {
    pub exercise: String,
    pub status: Status,
    pub score: u32,
    pub max_score: u32,
    /// The reason for a 0 (missing files, compiler messages), empty when graded.
    pub message: String,
    pub stages: Vec<StageGrade>,
    /// Whether every submitted editable file equals the starter's.
    pub unchanged: bool,
    /// SHA-256 of the submitted editable files (see `Collected::digest`).
    pub digest: String,
    pub seconds: f64,
}

/// One stage's grade.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StageGrade {
    pub name: String,
    pub passed: bool,
    pub score: u32,
    pub max_score: u32,
    /// What the failing tests printed (insta diff, panic message), under the rules they
    /// observe (`rules::explain`), or why the stage got 0.
    pub output: String,
    /// Each rule of the stage with its verdict; empty when the exercise got 0 as a whole.
    #[serde(default)]
    pub rules: Vec<crate::stage::RuleVerdict>,
}

impl ExerciseGrade {
    /// A 0 for every stage, with `message` as the reason.
    pub fn zero(exercise: &Exercise, status: Status, message: String) -> ExerciseGrade {
        let message = cap(&message);
        let stages = exercise
            .stages
            .get_ref()
            .iter()
            .map(|s| StageGrade { name: s.name.get_ref().clone(), passed: false, score: 0, max_score: *s.points.get_ref(), output: message.clone(), rules: Vec::new() })
            .collect();
        ExerciseGrade {
            exercise: exercise.name().to_string(),
            status,
            score: 0,
            max_score: exercise.max_score(),
            message,
            stages,
            unchanged: false,
            digest: String::new(),
            seconds: 0.0,
        }
    }

    /// The grade a stage report gives.
    pub fn from_report(exercise: &Exercise, report: &Report) -> ExerciseGrade {
        let stages = match report {
            Report::BuildFailed { output } => {
                let message = format!("The crate does not compile (0 points for this exercise):\n{output}");
                return ExerciseGrade::zero(exercise, Status::BuildFailed, message);
            }
            Report::Ran { stages, .. } => stages,
        };
        let mut shown = Vec::new();
        let stages: Vec<StageGrade> = stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let passed = stage.passed();
                let output = if passed { String::new() } else { crate::stage::rules::explain(stage, i + 1, &mut shown) };
                StageGrade {
                    name: stage.name.clone(),
                    passed,
                    score: if passed { stage.points } else { 0 },
                    max_score: stage.points,
                    output: cap(output.trim_end()),
                    rules: stage.rules.clone(),
                }
            })
            .collect();
        ExerciseGrade {
            exercise: exercise.name().to_string(),
            status: Status::Graded,
            score: stages.iter().map(|s| s.score).sum(),
            max_score: exercise.max_score(),
            message: String::new(),
            stages,
            unchanged: false,
            digest: String::new(),
            seconds: 0.0,
        }
    }
}

impl ExerciseGrade {
    /// Replaces what differs between runs of the same files in the texts a student
    /// reads: the sandbox slot's folder (`target/grading/slot-<k>`) becomes `<sandbox>`,
    /// each run's scratch folder `scratch/run-XXXXXX` becomes `scratch/run`, a panic's
    /// thread id and a repr's memory address are left out, so that a grade is the same in
    /// any slot, run or order.
    pub fn redact(&mut self, sandbox: &std::path::Path) {
        let mut roots = vec![sandbox.display().to_string()];
        if let Ok(canonical) = std::fs::canonicalize(sandbox) {
            roots.push(canonical.display().to_string());
        }
        // The run's scratch folder; the thread id Rust (1.88 and later) prints in a panic
        // message; a memory address in a Python repr.
        let varying = [
            (regex::Regex::new(r"scratch/run-[A-Za-z0-9]{6}").expect("a valid pattern"), "scratch/run"),
            (regex::Regex::new(r"(thread '[^']*') \(\d+\) panicked").expect("a valid pattern"), "$1 panicked"),
            (regex::Regex::new(r" at 0x[0-9a-fA-F]{6,}>").expect("a valid pattern"), " at 0x…>"),
        ];
        let clean = |text: &mut String| {
            for root in &roots {
                *text = text.replace(root.as_str(), "<sandbox>");
            }
            for (pattern, by) in &varying {
                *text = pattern.replace_all(text, *by).into_owned();
            }
        };
        clean(&mut self.message);
        for stage in &mut self.stages {
            clean(&mut stage.output);
        }
    }

    /// The grade of two runs of the same build on different held-out inputs: a stage
    /// passes only when it passed in both; a failure keeps the first run's explanation.
    /// A run that was not graded (killed, capped) decides alone.
    pub fn worst(self, other: ExerciseGrade) -> ExerciseGrade {
        if self.status != Status::Graded {
            return self;
        }
        if other.status != Status::Graded {
            return other;
        }
        let mut merged = self;
        for (mine, theirs) in merged.stages.iter_mut().zip(other.stages) {
            if mine.passed && !theirs.passed {
                *mine = theirs;
            }
        }
        merged.score = merged.stages.iter().map(|s| s.score).sum();
        merged
    }
}

/// `text` without terminal escape codes, cut to [`OUTPUT_CAP`] bytes on a character boundary.
pub fn cap(text: &str) -> String {
    let text = anstream::adapter::strip_str(text).to_string();
    if text.len() <= OUTPUT_CAP {
        return text;
    }
    let mut end = OUTPUT_CAP;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n… (cut: {} more bytes)", &text[..end], text.len() - end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_varies_between_runs_is_redacted() {
        let text = "thread '<unnamed>' (8) panicked at src/lib.rs:2:5:\n  File \"/x/slot-1/scratch/run-UdNstL/site/m.py\"\n<Paper object at 0x7f3a12bc4d90>";
        let mut grade = ExerciseGrade {
            exercise: "e".into(),
            status: Status::Graded,
            score: 0,
            max_score: 1,
            message: text.into(),
            stages: Vec::new(),
            unchanged: false,
            digest: String::new(),
            seconds: 0.0,
        };
        grade.redact(std::path::Path::new("/x/slot-1"));
        assert_eq!(grade.message, "thread '<unnamed>' panicked at src/lib.rs:2:5:\n  File \"<sandbox>/scratch/run/site/m.py\"\n<Paper object at 0x…>");
    }
}
