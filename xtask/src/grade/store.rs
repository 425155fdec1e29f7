//! The output folder: one folder per student, written as each finishes, and the class
//! files derived from them.
//!
//! ```text
//! OUT/run.json                      the exercises graded, their maximum points, the held-out
//!                                   seed, and a record of each run that wrote here (RunRecord)
//! OUT/roster.txt                    the roster (`--roster`), one id a line, kept for later runs
//! OUT/adjustments.csv               the adjustments (`--adjustments`), kept for later runs
//! OUT/grades.csv                    the gradebook (gradebook.rs)
//! OUT/junit.xml                     the JUnit report (junit.rs)
//! OUT/report.html                   the class at a glance (report.rs)
//! OUT/students/<id>/grade.json      the student's grade (score.rs), written last
//! OUT/students/<id>/results.json    Gradescope's format (results_json.rs)
//! OUT/students/<id>/feedback.md     the student's feedback (feedback.rs)
//! OUT/students/<id>/review.html     the instructor's review page (review.rs)
//! ```
//!
//! Every file is written to a temporary name and renamed, so an interrupted run leaves
//! whole files only; a student counts as graded once `grade.json` exists, which is what
//! `--resume` and `grade merge` read. The class files, and each student's feedback and
//! `results.json` (which show the adjustments), are written again from the `grade.json`
//! files, the kept roster and the kept adjustments at the end of every run and merge.

use super::adjustments::Adjustment;
use super::roster::Roster;
use super::score::StudentGrade;
use crate::flags::Visibility;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

// The types of `run.json` live in `run_json.rs`, which the class report reads too.
pub use super::run_json::{Confinement, CourseCommit, Options, Regraded, RunInfo, RunRecord};

/// Now, UTC, RFC 3339 (`2026-12-06T17:02:11Z`).
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// The `run.json` of `out`, if it holds one.
pub fn recorded(out: &Path) -> Option<RunInfo> {
    serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).ok()?).ok()
}

/// The seed recorded in `out`'s `run.json`, if any (a resumed run keeps it).
pub fn recorded_seed(out: &Path) -> Option<u64> {
    recorded(out)?.seed
}

/// Adds `record` to `out`'s `run.json`.
///
/// # Errors
/// When `run.json` cannot be read or written.
pub fn add_record(out: &Path, record: RunRecord) -> Result<()> {
    let mut info = recorded(out).context("the output folder has no run.json")?;
    info.runs.push(record);
    write_atomic(&out.join("run.json"), &serde_json::to_vec_pretty(&info)?)
}

/// The roster kept in `out`, if any.
pub fn kept_roster(out: &Path) -> Option<Roster> {
    let text = std::fs::read_to_string(out.join(ROSTER)).ok()?;
    Some(Roster { ids: text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(), column: None })
}

/// Keeps `roster` in `out`.
///
/// # Errors
/// When the file cannot be written.
pub fn keep_roster(out: &Path, roster: &Roster) -> Result<()> {
    write_atomic(&out.join(ROSTER), super::roster::render(roster).as_bytes())
}

/// The adjustments file kept in `out`, if any, as text.
pub fn kept_adjustments(out: &Path) -> Option<String> {
    std::fs::read_to_string(out.join(ADJUSTMENTS)).ok()
}

/// Keeps the adjustments file's `text` in `out` (as given, so that its line numbers hold).
///
/// # Errors
/// When the file cannot be written.
pub fn keep_adjustments(out: &Path, text: &str) -> Result<()> {
    write_atomic(&out.join(ADJUSTMENTS), text.as_bytes())
}

/// The adjustments kept in `out`, read for the exercises of `info`.
///
/// # Errors
/// When the kept file is damaged.
pub fn adjustments(out: &Path, info: &RunInfo) -> Result<Vec<Adjustment>> {
    match kept_adjustments(out) {
        Some(text) => super::adjustments::parse(&text, &out.join(ADJUSTMENTS).display().to_string(), &info.exercises, None),
        None => Ok(Vec::new()),
    }
}

const ROSTER: &str = "roster.txt";
const ADJUSTMENTS: &str = "adjustments.csv";

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

/// Records `info` in `out` (after the runs recorded there when resuming), refusing to mix exercise sets in one folder when resuming,
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
    let mut info = info.clone();
    if resume && let Ok(text) = std::fs::read_to_string(&path) {
        let old: RunInfo = serde_json::from_str(&text).with_context(|| format!("{} is damaged; delete it", path.display()))?;
        if !old.same_run(&info) {
            bail!("{} graded other exercises ({}); use another --out, or drop --resume to grade again", out.display(), names(&old));
        }
        info.runs = [old.runs, info.runs].concat();
    }
    write_atomic(&path, &serde_json::to_vec_pretty(&info)?)
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

/// Writes a student's files: the feedback and `results.json` with the student's
/// `adjusted` points, the review page, then `grade.json`.
///
/// # Errors
/// When a file cannot be written.
pub fn save(out: &Path, grade: &StudentGrade, review: &str, adjusted: &[&Adjustment], visibility: Visibility) -> Result<()> {
    let dir = student_dir(out, &grade.student);
    render_student(out, grade, adjusted, visibility)?;
    write_atomic(&dir.join("review.html"), review.as_bytes())?;
    write_atomic(&dir.join("grade.json"), &serde_json::to_vec_pretty(grade)?)
}

/// Writes a student's feedback and `results.json` from the grade and the adjustments.
fn render_student(out: &Path, grade: &StudentGrade, adjusted: &[&Adjustment], visibility: Visibility) -> Result<()> {
    let dir = student_dir(out, &grade.student);
    write_atomic(&dir.join("results.json"), &serde_json::to_vec_pretty(&super::results_json::results(grade, adjusted, visibility))?)?;
    write_atomic(&dir.join("feedback.md"), super::feedback::markdown(grade, adjusted).as_bytes())
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

/// Writes `grades.csv`, `junit.xml` and `report.html` from every student graded in
/// `out`, the kept roster and the kept adjustments, and each student's feedback and
/// `results.json` again (an adjustment may have changed since).
///
/// # Errors
/// When a file cannot be read or written.
pub fn finish(out: &Path, info: &RunInfo) -> Result<Vec<StudentGrade>> {
    let grades = load_all(out)?;
    let roster = kept_roster(out);
    let adjustments = adjustments(out, info)?;
    let visibility = info
        .options()
        .and_then(|o| [Visibility::Visible, Visibility::AfterDueDate, Visibility::Hidden].into_iter().find(|v| v.as_str() == o.visibility))
        .unwrap_or(Visibility::Visible);
    for grade in &grades {
        let adjusted: Vec<&Adjustment> = adjustments.iter().filter(|a| a.student == grade.student).collect();
        render_student(out, grade, &adjusted, visibility)?;
    }
    let class = super::gradebook::class(&info.exercises, &grades, roster.as_ref(), &adjustments);
    write_atomic(&out.join("grades.csv"), &super::gradebook::render(&class)?)?;
    write_atomic(&out.join("junit.xml"), &super::junit::render(&class)?)?;
    write_atomic(&out.join("report.html"), super::report::render(&class, info, |id| student_dir(out, id).join("review.html").exists()).as_bytes())?;
    Ok(grades)
}

/// The file given by a flag, or else the one every shard kept (when they agree).
fn kept_by_shards(dirs: &[PathBuf], name: &str, flag: &str) -> Result<Option<String>> {
    let kept: Vec<Option<String>> = dirs.iter().map(|d| std::fs::read_to_string(d.join(name)).ok()).collect();
    if kept.iter().any(|k| k != &kept[0]) {
        bail!("the shards kept different {name} files ({}); pass the right one with {flag}. Nothing was merged.", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    Ok(kept.into_iter().next().flatten())
}

/// Combines the output folders `dirs` (shards of one class) into `out`, with the roster
/// and adjustments files given (or else the ones the shards kept); `record` is the
/// merge's own record for `run.json`.
///
/// # Errors
/// When the folders graded different exercises, a student appears twice, the roster or
/// an adjustment does not fit the class, or a file cannot be copied.
pub fn merge(dirs: &[PathBuf], out: &Path, roster: Option<&Path>, adjustments: Option<&Path>, mut record: RunRecord) -> Result<Vec<StudentGrade>> {
    // Everything is checked before anything is written: a refused merge leaves `out` as
    // it was.
    refuse_a_used_folder(out, "merge into it")?;
    let mut info: Option<RunInfo> = None;
    let mut seen = std::collections::BTreeMap::new();
    let mut shards = Vec::new();
    let mut runs = Vec::new();
    for dir in dirs {
        let path = dir.join("run.json");
        let text = std::fs::read_to_string(&path).with_context(|| format!("{} is not a grading output: it has no run.json", dir.display()))?;
        let this: RunInfo = serde_json::from_str(&text).with_context(|| format!("{} is damaged", path.display()))?;
        if let Some(first) = &info
            && !first.same_run(&this)
        {
            bail!("{} and {} are not shards of one run: {}. Nothing was merged.", dirs[0].display(), dir.display(), difference(first, &this));
        }
        runs.extend(this.runs.iter().cloned());
        info = Some(this);
        let grades = load_all(dir)?;
        for grade in &grades {
            if let Some(other) = seen.insert(grade.student.clone(), dir.clone()) {
                bail!("student `{}` is graded in both {} and {}; remove one. Nothing was merged.", grade.student, other.display(), dir.display());
            }
        }
        shards.push((dir, grades));
    }
    let mut info = info.context("nothing to merge")?;
    let graded: std::collections::BTreeSet<String> = seen.keys().cloned().collect();
    let roster = match roster {
        Some(path) => Some(super::roster::read(path, &graded)?),
        None => kept_by_shards(dirs, ROSTER, "--roster")?.map(|text| Roster { ids: text.lines().map(String::from).collect(), column: None }),
    };
    let mut students = graded.clone();
    students.extend(roster.iter().flat_map(|r| r.ids.iter().cloned()));
    let (adjustments, source) = match adjustments {
        Some(path) => (Some(std::fs::read_to_string(path).with_context(|| format!("reading the adjustments {}", path.display()))?), path.display().to_string()),
        None => (kept_by_shards(dirs, ADJUSTMENTS, "--adjustments")?, dirs[0].join(ADJUSTMENTS).display().to_string()),
    };
    if let Some(text) = &adjustments {
        super::adjustments::parse(text, &source, &info.exercises, Some(&students))?;
    }
    for (dir, grades) in shards {
        for grade in grades {
            for file in ["results.json", "feedback.md", "review.html", "grade.json"] {
                let from = student_dir(dir, &grade.student).join(file);
                // Review pages came with this version of the grader; a shard from before has none.
                if file == "review.html" && !from.exists() {
                    continue;
                }
                let bytes = std::fs::read(&from).with_context(|| format!("reading {}", from.display()))?;
                write_atomic(&student_dir(out, &grade.student).join(file), &bytes)?;
            }
        }
    }
    if let Some(roster) = &roster {
        keep_roster(out, roster)?;
    }
    if let Some(text) = &adjustments {
        keep_adjustments(out, text)?;
    }
    record.merged = dirs.iter().map(|d| d.display().to_string()).collect();
    runs.push(record);
    info.runs = runs;
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
