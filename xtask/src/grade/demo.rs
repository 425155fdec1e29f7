//! `cargo xtask grade demo --out DIR [--students N] [--exercises a,b]`: a made-up class,
//! graded from data alone, into an output folder laid out as a real run's: `grades.csv`,
//! `junit.xml`, `report.html`, and each student's `grade.json`, `feedback.md`,
//! `results.json` and `review.html`. No code is built or run: to see what a grading run
//! gives before the class hands anything in, and for the browser tests of the pages
//! (`book/tests/browser/test_grading_pages.py`), which open a class of hundreds.
//!
//! The students (`student-001` ...) are drawn from a fixed pattern (the same `N` gives
//! the same class): most hand in the solution's files with one stage's lesson skipped
//! here and there, some the starter unchanged, a few a crate that does not compile, a
//! few nothing. Their review pages diff those files against the real starter, and show
//! the course's rules and review notes, through the same functions as a real run
//! (`review.rs`, `store.rs`).

use super::score::{ExerciseGrade, StageGrade, Status, StudentGrade};
use super::store::{self, RunInfo, RunRecord};
use crate::course::{Course, Exercise};
use crate::flags::{GradeDemo, Visibility};
use crate::stage::RuleVerdict;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Result, bail};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// What a made-up student handed in for one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The solution, but the stages whose bit is set in the mask fail.
    Solved { failed: u32 },
    /// The starter, unchanged: it compiles and fails every stage.
    Starter,
    /// A file that does not compile.
    Broken,
    /// Nothing.
    Missing,
}

/// The outcome of student `k` (from 0) on exercise `e` (from 0) of `stages` stages: a
/// fixed pattern, so that a class of any size has every case and pass rates that differ
/// from stage to stage.
fn outcome(k: usize, e: usize, stages: usize) -> Outcome {
    let h = (k * 7919 + e * 104_729) % 97;
    match h {
        0..=4 => Outcome::Missing,
        5..=10 => Outcome::Broken,
        11..=17 => Outcome::Starter,
        _ => {
            let mut failed = 0;
            for s in 0..stages {
                // Later stages fail more often: stage 1 about 1 in 9, stage 3 about 3 in 9.
                if (k * 31 + e * 17 + s * 13) % 9 < s + 1 && (h + s).is_multiple_of(2) {
                    failed |= 1 << s;
                }
            }
            Outcome::Solved { failed }
        }
    }
}

impl GradeDemo {
    pub fn run(&self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let course = Course::load(&ws.root)?;
        let selected = course.select(&self.exercises)?;
        if self.students == 0 {
            bail!("--students 0: a class needs at least one student");
        }
        let info = RunInfo {
            exercises: selected.iter().map(|e| (e.name().to_string(), e.max_score())).collect(),
            seed: Some(0),
            runs: vec![RunRecord {
                kind: "demo".into(),
                date: store::now(),
                course: store::CourseCommit::of(&ws.root),
                options: None,
                confinement: None,
                graded: Vec::new(),
                regraded: Vec::new(),
                merged: Vec::new(),
            }],
        };
        store::start(&self.out, &info, false)?;
        let read = |path: PathBuf| fs_err::read(ws.path(path));
        let mut starters = BTreeMap::new();
        let mut solutions = BTreeMap::new();
        for exercise in &selected {
            for path in exercise.editable() {
                starters.insert(path.clone(), read(path.clone())?);
                solutions.insert(path.clone(), read(crate::course::to_solution_path(&path))?);
            }
        }
        for k in 0..self.students {
            let (grade, files) = student(k, &selected, &starters, &solutions);
            let review = super::review::render(&grade, &selected, &files, |p| starters.get(p).map(Vec::as_slice));
            store::save(&self.out, &grade, &review, &[], Visibility::Visible)?;
        }
        let grades = store::finish(&self.out, &info)?;
        ui::line(&format!(
            "A made-up class of {} students, graded from data alone (nothing built or run), is in {}: open report.html.",
            grades.len(),
            self.out.display()
        ));
        Ok(ExitCode::SUCCESS)
    }
}

/// Student `k`'s grade and submitted files.
fn student(k: usize, selected: &[&Exercise], starters: &BTreeMap<PathBuf, Vec<u8>>, solutions: &BTreeMap<PathBuf, Vec<u8>>) -> (StudentGrade, BTreeMap<PathBuf, Vec<u8>>) {
    let mut files = BTreeMap::new();
    let mut exercises = Vec::new();
    for (e, exercise) in selected.iter().enumerate() {
        let stages = exercise.stages.get_ref();
        let outcome = outcome(k, e, stages.len());
        for path in exercise.editable() {
            let bytes = match outcome {
                Outcome::Missing => continue,
                Outcome::Starter => starters[&path].clone(),
                Outcome::Broken => [&solutions[&path][..], b"\nfn broken() -> u32 { \"not a number\" }\n"].concat(),
                Outcome::Solved { .. } => solutions[&path].clone(),
            };
            files.insert(path, bytes);
        }
        let (status, message) = match outcome {
            Outcome::Missing => (Status::NotSubmitted, format!("{} was not submitted", exercise.editable()[0].display())),
            Outcome::Broken => (Status::BuildFailed, "error[E0308]: mismatched types\n  expected `u32`, found `&str`".to_string()),
            Outcome::Starter | Outcome::Solved { .. } => (Status::Graded, String::new()),
        };
        let failed = match outcome {
            Outcome::Solved { failed } => failed,
            _ => u32::MAX,
        };
        let stage_grades: Vec<StageGrade> = match status {
            Status::Graded => stages
                .iter()
                .enumerate()
                .map(|(s, stage)| {
                    let passed = failed & (1 << s) == 0;
                    let rules = stage
                        .rules
                        .iter()
                        .enumerate()
                        .map(|(r, rule)| RuleVerdict {
                            says: rule.says.get_ref().clone(),
                            read: rule.read.get_ref().clone(),
                            // A failed stage fails its first rule, and its others one time in two.
                            passed: passed || (r > 0 && (k + r).is_multiple_of(2)),
                            tests: rule.tests(stage).to_vec(),
                        })
                        .collect();
                    let points = *stage.points.get_ref();
                    StageGrade {
                        name: stage.name.get_ref().clone(),
                        passed,
                        score: if passed { points } else { 0 },
                        max_score: points,
                        output: if passed { String::new() } else { format!("-expected (made up)\n+observed (made up) for student {}", k + 1) },
                        rules,
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        exercises.push(ExerciseGrade {
            exercise: exercise.name().to_string(),
            status,
            score: stage_grades.iter().map(|s| s.score).sum(),
            max_score: exercise.max_score(),
            message,
            stages: stage_grades,
            unchanged: outcome == Outcome::Starter,
            digest: String::new(),
            seconds: 0.0,
        });
    }
    let grade = StudentGrade {
        student: format!("student-{:03}", k + 1),
        exercises,
        notes: Vec::new(),
        seconds: 0.0,
        header: "A made-up class (`cargo xtask grade demo`): nothing was built or run.".into(),
    };
    (grade, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_of_a_few_dozen_has_every_outcome_and_differing_pass_rates() {
        let outcomes: Vec<Outcome> = (0..60).map(|k| outcome(k, 0, 3)).collect();
        for case in [Outcome::Missing, Outcome::Broken, Outcome::Starter, Outcome::Solved { failed: 0 }] {
            assert!(outcomes.contains(&case), "{case:?} in {outcomes:?}");
        }
        let fails = |s: u32| outcomes.iter().filter(|o| matches!(o, Outcome::Solved { failed } if failed & (1 << s) != 0)).count();
        assert!(fails(0) > 0 && fails(0) < fails(2), "stage 1 fails less often than stage 3: {} {}", fails(0), fails(2));
    }
}
