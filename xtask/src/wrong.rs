//! Recorded wrong answers: the course's proof that its checks pin their lessons.
//!
//! A wrong answer is a plausible shortcut that skips what a stage teaches (computing in
//! Rust what the stage asks Python to do, returning hard-coded values, releasing the GIL
//! only briefly). Each lives beside the exercise's tests, in a folder of its own:
//!
//! ```text
//! exercises/<part>/<name>/tests/wrong/<case>/wrong.toml
//! exercises/<part>/<name>/tests/wrong/<case>/src/lib.rs      (a replacement editable file)
//! ```
//!
//! `wrong.toml` holds two keys: `skips`, one line on the lesson the answer skips, and
//! `fails`, the name of the stage (as in `exercises/info.toml`) that must fail. The case's
//! other files replace editable files, at their paths relative to the exercise. The answer
//! is the starter with the solution's editable files over which the case's are laid: a
//! case is normally the solution with one lesson skipped.
//!
//! `cargo xtask verify` grades every case as `cargo xtask grade` grades a submission
//! (confined, on held-out inputs too) and requires that it builds, that the stage `fails`
//! fails, and that every stage before it passes: an answer right up to the lesson it skips.

use crate::course::Exercise;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder of an exercise's wrong answers, relative to the exercise.
pub const WRONG_DIR: &str = "tests/wrong";
/// The file that describes a case, in its folder.
pub const CASE_FILE: &str = "wrong.toml";

/// `wrong.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    skips: String,
    fails: String,
}

/// One recorded wrong answer.
#[derive(Debug)]
pub struct WrongAnswer<'a> {
    pub exercise: &'a Exercise,
    /// The case's folder name: `computes_in_rust`.
    pub case: String,
    /// The lesson it skips, one line.
    pub skips: String,
    /// The index, in the exercise's stages, of the stage that must fail.
    pub fails: usize,
    /// The whole answer: every editable file of the exercise, by repository-relative path.
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl WrongAnswer<'_> {
    /// `exercise/case`, for messages.
    pub fn id(&self) -> String {
        format!("{}/{}", self.exercise.name(), self.case)
    }

    /// The name of the stage that must fail.
    pub fn stage_name(&self) -> &str {
        self.exercise.stages.get_ref()[self.fails].name.get_ref()
    }
}

/// The recorded wrong answers of `exercise`, by case name; none when it has no
/// `tests/wrong/` folder.
///
/// # Errors
/// When a case is malformed: no or invalid `wrong.toml`, a `fails` that names no stage,
/// a file that replaces no editable file, no file at all, or an unreadable file. The
/// message names the file and the fix.
pub fn load<'a>(ws: &Workspace, exercise: &'a Exercise) -> Result<Vec<WrongAnswer<'a>>> {
    let dir = ws.path(exercise.dir()).join(WRONG_DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut cases: Vec<PathBuf> = fs_err::read_dir(&dir)?.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    cases.iter().map(|case| load_case(ws, exercise, case)).collect()
}

fn load_case<'a>(ws: &Workspace, exercise: &'a Exercise, dir: &Path) -> Result<WrongAnswer<'a>> {
    let shown = dir.strip_prefix(&ws.root).unwrap_or(dir).to_path_buf();
    let toml_path = dir.join(CASE_FILE);
    let text = fs_err::read_to_string(&toml_path).with_context(|| {
        format!("{} has no {CASE_FILE}: add one with `skips = \"the lesson it skips\"` and `fails = \"the stage that must fail\"`", shown.display())
    })?;
    let described: CaseFile = toml::from_str(&text).with_context(|| format!("{}/{CASE_FILE} is not valid: it takes `skips` and `fails`", shown.display()))?;
    let stages = exercise.stages.get_ref();
    let Some(fails) = stages.iter().position(|s| s.name.get_ref() == &described.fails) else {
        let names: Vec<&str> = stages.iter().map(|s| s.name.get_ref().as_str()).collect();
        bail!("{}/{CASE_FILE}: `fails = \"{}\"` names no stage of `{}`; its stages are: {}", shown.display(), described.fails, exercise.name(), names.join(", "));
    };
    if described.skips.trim().is_empty() || described.skips.contains('\n') {
        bail!("{}/{CASE_FILE}: `skips` must be one line saying which lesson the answer skips", shown.display());
    }
    let editable = exercise.editable();
    let mut files = BTreeMap::new();
    for path in &editable {
        let solution = ws.path(crate::course::to_solution_path(path));
        files.insert(path.clone(), fs_err::read(&solution)?);
    }
    let mut replaced = 0;
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.with_context(|| format!("reading {}", shown.display()))?;
        if !entry.file_type().is_file() || entry.path() == toml_path {
            continue;
        }
        let relative = entry.path().strip_prefix(dir)?;
        let target = exercise.dir().join(relative);
        if !editable.contains(&target) {
            let names: Vec<String> = editable.iter().filter_map(|p| p.strip_prefix(exercise.dir()).ok()).map(|p| p.display().to_string()).collect();
            bail!(
                "{} replaces no editable file of `{}`: a case holds only editable files, at their paths relative to the exercise ({})",
                shown.join(relative).display(),
                exercise.name(),
                names.join(", ")
            );
        }
        files.insert(target, fs_err::read(entry.path())?);
        replaced += 1;
    }
    if replaced == 0 {
        bail!("{} replaces no file: add the wrong version of an editable file, at its path relative to the exercise", shown.display());
    }
    let case = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(WrongAnswer { exercise, case, skips: described.skips.trim().to_string(), fails, files })
}

/// Why `answer`'s grade does not prove its check, one message each; empty when it does:
/// it was graded (it built and ran), its stage failed, and every stage before passed.
pub fn problems(answer: &WrongAnswer<'_>, grade: &crate::grade::ExerciseGrade) -> Vec<String> {
    let mut out = Vec::new();
    if grade.status != crate::grade::Status::Graded {
        out.push(format!("it was not graded ({:?}): a wrong answer must build and run, so that its stage is what fails:\n{}", grade.status, first_lines(&grade.message, 12)));
        return out;
    }
    for (i, stage) in grade.stages.iter().enumerate() {
        if i == answer.fails && stage.passed {
            out.push(format!("stage `{}` passes: its check does not notice an answer that {}", stage.name, lower_first(&answer.skips)));
        }
        if i < answer.fails && !stage.passed {
            out.push(format!(
                "stage `{}`, before `{}`, fails too: a wrong answer must be right up to the lesson it skips:\n{}",
                stage.name,
                answer.stage_name(),
                first_lines(&stage.output, 12)
            ));
        }
    }
    out
}

fn first_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = lines.iter().take(n).copied().collect::<Vec<_>>().join("\n");
    if lines.len() > n {
        out.push_str(&format!("\n... ({} more lines)", lines.len() - n));
    }
    out
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
