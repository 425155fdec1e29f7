//! The output folder: one folder per student, written as each finishes, and the class
//! files derived from them.
//!
//! ```text
//! OUT/run.json                      the exercises graded, their maximum points, the held-out seed
//! OUT/grades.csv                    the gradebook (gradebook.rs)
//! OUT/junit.xml                     the JUnit report (junit.rs)
//! OUT/students/<id>/grade.json      the student's grade (score.rs), written last
//! OUT/students/<id>/results.json    Gradescope's format (gradescope.rs)
//! OUT/students/<id>/feedback.md     the student's feedback (feedback.rs)
//! ```
//!
//! Every file is written to a temporary name and renamed, so an interrupted run leaves
//! whole files only; a student counts as graded once `grade.json` exists, which is what
//! `--resume` and `grade merge` read.

use super::score::StudentGrade;
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// `run.json`: what a run graded, so that a resumed run or a merge adds up, and a grade
/// can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// The exercises, in course order, with their maximum points.
    pub exercises: Vec<(String, u32)>,
    /// The seed the held-out inputs were generated from (`--seed` reproduces them).
    #[serde(default)]
    pub seed: Option<u64>,
}

/// The seed recorded in `out`'s `run.json`, if any (a resumed run keeps it).
pub fn recorded_seed(out: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(out.join("run.json")).ok()?;
    serde_json::from_str::<RunInfo>(&text).ok()?.seed
}

/// Writes `bytes` to `path` through a temporary file and a rename.
///
/// # Errors
/// When the folder cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().context("a path with no folder")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn student_dir(out: &Path, id: &str) -> PathBuf {
    out.join("students").join(id)
}

/// Records `info` in `out`, refusing to mix exercise sets in one folder when resuming,
/// and refusing a folder that holds a run already when not: a second run would replace
/// its gradebook and feedback without a word.
///
/// # Errors
/// When `out` holds a run and `resume` is not set, holds a run of other exercises and
/// `resume` is set, or cannot be written.
pub fn start(out: &Path, info: &RunInfo, resume: bool) -> Result<()> {
    let path = out.join("run.json");
    if !resume {
        refuse_a_used_folder(out, "grade into it again")?;
    }
    if resume && let Ok(text) = std::fs::read_to_string(&path) {
        let old: RunInfo = serde_json::from_str(&text).with_context(|| format!("{} is damaged; delete it", path.display()))?;
        if &old != info {
            bail!("{} graded other exercises ({}); use another --out, or drop --resume to grade again", out.display(), names(&old));
        }
    }
    write_atomic(&path, &serde_json::to_vec_pretty(info)?)
}

/// An error when `out` holds a grading run already (a `run.json` or a graded student),
/// naming what it holds; `what` is what the refused command would do.
fn refuse_a_used_folder(out: &Path, what: &str) -> Result<()> {
    let graded = load_all(out).map(|g| g.len()).unwrap_or(0);
    let recorded = std::fs::read_to_string(out.join("run.json")).ok().and_then(|t| serde_json::from_str::<RunInfo>(&t).ok());
    if graded == 0 && recorded.is_none() {
        return Ok(());
    }
    let holds = match &recorded {
        Some(info) => format!("{graded} student(s) graded on {}", names(info)),
        None => format!("{graded} student(s) graded"),
    };
    bail!(
        "{} holds a grading run already ({holds}); to {what} would replace its gradebook and feedback. Pass --resume to go on with that run, or choose another --out. Nothing was changed.",
        out.display()
    )
}

fn names(info: &RunInfo) -> String {
    let names = info.exercises.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ");
    match info.seed {
        Some(seed) => format!("{names}; held-out seed {seed}"),
        None => names,
    }
}

/// Whether `id` already has a grade in `out`.
pub fn is_graded(out: &Path, id: &str) -> bool {
    std::fs::read_to_string(student_dir(out, id).join("grade.json")).is_ok_and(|t| serde_json::from_str::<StudentGrade>(&t).is_ok())
}

/// Writes a student's files; `grade.json` last.
///
/// # Errors
/// When a file cannot be written.
pub fn save(out: &Path, grade: &StudentGrade, header: &str) -> Result<()> {
    let dir = student_dir(out, &grade.student);
    write_atomic(&dir.join("results.json"), &serde_json::to_vec_pretty(&super::results_json::results(grade, header))?)?;
    write_atomic(&dir.join("feedback.md"), super::feedback::markdown(grade, header).as_bytes())?;
    write_atomic(&dir.join("grade.json"), &serde_json::to_vec_pretty(grade)?)
}

/// Every student graded in `out`, sorted by id.
///
/// # Errors
/// When a `grade.json` cannot be read.
pub fn load_all(out: &Path) -> Result<Vec<StudentGrade>> {
    let mut grades = Vec::new();
    let Ok(entries) = std::fs::read_dir(out.join("students")) else { return Ok(grades) };
    for entry in entries {
        let path = entry?.path().join("grade.json");
        if let Ok(text) = std::fs::read_to_string(&path) {
            grades.push(serde_json::from_str::<StudentGrade>(&text).with_context(|| format!("{} is damaged; grade that student again", path.display()))?);
        }
    }
    grades.sort_by(|a, b| a.student.cmp(&b.student));
    Ok(grades)
}

/// Writes `grades.csv` and `junit.xml` from every student graded in `out`.
///
/// # Errors
/// When a file cannot be read or written.
pub fn finish(out: &Path, info: &RunInfo) -> Result<Vec<StudentGrade>> {
    let grades = load_all(out)?;
    write_atomic(&out.join("grades.csv"), &super::gradebook::render(&info.exercises, &grades)?)?;
    write_atomic(&out.join("junit.xml"), &super::junit::render(&grades)?)?;
    Ok(grades)
}

/// Combines the output folders `dirs` (shards of one class) into `out`.
///
/// # Errors
/// When the folders graded different exercises, a student appears twice, or a file
/// cannot be copied.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<Vec<StudentGrade>> {
    // Everything is checked before anything is written: a refused merge leaves `out` as
    // it was.
    refuse_a_used_folder(out, "merge into it")?;
    let mut info: Option<RunInfo> = None;
    let mut seen = std::collections::BTreeMap::new();
    let mut shards = Vec::new();
    for dir in dirs {
        let path = dir.join("run.json");
        let text = std::fs::read_to_string(&path).with_context(|| format!("{} is not a grading output: it has no run.json", dir.display()))?;
        let this: RunInfo = serde_json::from_str(&text).with_context(|| format!("{} is damaged", path.display()))?;
        if let Some(first) = &info
            && first != &this
        {
            bail!("{} and {} are not shards of one run: {}. Nothing was merged.", dirs[0].display(), dir.display(), difference(first, &this));
        }
        info = Some(this);
        let grades = load_all(dir)?;
        for grade in &grades {
            if let Some(other) = seen.insert(grade.student.clone(), dir.clone()) {
                bail!("student `{}` is graded in both {} and {}; remove one. Nothing was merged.", grade.student, other.display(), dir.display());
            }
        }
        shards.push((dir, grades));
    }
    let info = info.context("nothing to merge")?;
    for (dir, grades) in shards {
        for grade in grades {
            for file in ["results.json", "feedback.md", "grade.json"] {
                let from = student_dir(dir, &grade.student).join(file);
                let bytes = std::fs::read(&from).with_context(|| format!("reading {}", from.display()))?;
                write_atomic(&student_dir(out, &grade.student).join(file), &bytes)?;
            }
        }
    }
    write_atomic(&out.join("run.json"), &serde_json::to_vec_pretty(&info)?)?;
    finish(out, &info)
}

/// What differs between two runs' records, in words.
fn difference(a: &RunInfo, b: &RunInfo) -> String {
    let mut out = Vec::new();
    if a.exercises != b.exercises {
        out.push(format!("they graded other exercises ({} against {})", names_only(a), names_only(b)));
    }
    if a.seed != b.seed {
        let seed = |s: Option<u64>| s.map_or("none".to_string(), |s| s.to_string());
        out.push(format!(
            "their held-out seeds differ ({} against {}): grade every shard with the same `--seed`",
            seed(a.seed),
            seed(b.seed)
        ));
    }
    out.join("; ")
}

fn names_only(info: &RunInfo) -> String {
    info.exercises.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")
}
