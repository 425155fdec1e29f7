//! Recorded answers: the course's proof that its checks compare what their rules state,
//! nothing more and nothing less.
//!
//! A **wrong answer** is a plausible shortcut that skips what a stage teaches (computing
//! in Rust what the stage asks Python to do, returning hard-coded values, releasing the
//! GIL only briefly). A **right answer** keeps every rule of every stage but is written
//! in another style than the reference solution (other PyO3 APIs that do the same job,
//! other idioms, its own wording where the rules leave the words free). Each lives beside
//! the exercise's tests, in a folder of its own:
//!
//! ```text
//! exercises/<part>/<name>/tests/wrong/<case>/wrong.toml
//! exercises/<part>/<name>/tests/wrong/<case>/src/lib.rs      (a replacement editable file)
//! exercises/<part>/<name>/tests/right/<case>/right.toml
//! exercises/<part>/<name>/tests/right/<case>/src/lib.rs
//! ```
//!
//! `wrong.toml` holds two keys: `skips`, one line on the lesson the answer skips, and
//! `fails`, the name of the stage (as in `exercises/info.toml`) that must fail.
//! `right.toml` holds one key: `style`, one line on how the answer differs from the
//! reference. The case's other files replace editable files, at their paths relative to
//! the exercise. The answer is the starter with the solution's editable files over which
//! the case's are laid.
//!
//! `cargo xtask verify` grades every case as `cargo xtask grade` grades a submission
//! (confined, on held-out inputs too). A wrong answer must build, fail the stage `fails`
//! and pass every stage before it: an answer right up to the lesson it skips. A right
//! answer must earn full marks on the public inputs and on the held-out inputs of
//! [`RIGHT_ANSWER_SEEDS`].

use crate::course::Exercise;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The held-out seed every wrong answer is graded on: fixed, so that a failure can be
/// reproduced with `cargo xtask grade --seed`.
pub const WRONG_ANSWER_SEED: u64 = 20_261_130;

/// The held-out seeds every right answer is graded on, besides the public inputs: fixed,
/// so that a failure can be reproduced with `cargo xtask grade --seed`.
pub const RIGHT_ANSWER_SEEDS: [u64; 3] = [20_261_206, 7, 424_242];

/// Which recorded answers: the folder under `tests/` and the file describing a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `tests/wrong/<case>/wrong.toml`: a shortcut that must fail one stage.
    Wrong,
    /// `tests/right/<case>/right.toml`: another style that must earn full marks.
    Right,
}

impl Side {
    /// The folder of the exercise's cases of this side, relative to the exercise.
    pub fn dir(self) -> &'static str {
        match self {
            Side::Wrong => "tests/wrong",
            Side::Right => "tests/right",
        }
    }

    /// The file that describes a case, in its folder.
    pub fn case_file(self) -> &'static str {
        match self {
            Side::Wrong => "wrong.toml",
            Side::Right => "right.toml",
        }
    }
}

/// `wrong.toml` or `right.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    skips: Option<String>,
    fails: Option<String>,
    style: Option<String>,
}

/// What a recorded answer must get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// A wrong answer: the stage at index `stage` fails, every stage before it passes.
    Fails { stage: usize, skips: String },
    /// A right answer: full marks; `style` says how it differs from the reference.
    FullMarks { style: String },
}

/// One recorded answer.
#[derive(Debug)]
pub struct Answer<'a> {
    pub exercise: &'a Exercise,
    /// The case's folder name: `computes_in_rust`.
    pub case: String,
    pub expect: Expect,
    /// The whole answer: every editable file of the exercise, by repository-relative path.
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Answer<'_> {
    /// `exercise/case`, for messages.
    pub fn id(&self) -> String {
        format!("{}/{}", self.exercise.name(), self.case)
    }

    /// One line on what the answer is and must get, for `verify`'s list.
    pub fn claim(&self) -> String {
        match &self.expect {
            Expect::Fails { stage, skips } => format!("wrong answer `{}` fails stage `{}` ({skips})", self.id(), self.exercise.stages.get_ref()[*stage].name.get_ref()),
            Expect::FullMarks { style } => format!("right answer `{}` earns full marks ({style})", self.id()),
        }
    }
}

/// The recorded answers of `side` of `exercise`, by case name; none when it has no such
/// folder.
///
/// # Errors
/// When a case is malformed: no or invalid case file, a `fails` that names no stage, a
/// file that replaces no editable file, no file at all, or an unreadable file. The
/// message names the file and the fix.
pub fn load<'a>(ws: &Workspace, exercise: &'a Exercise, side: Side) -> Result<Vec<Answer<'a>>> {
    let dir = ws.path(exercise.dir()).join(side.dir());
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut cases: Vec<PathBuf> = fs_err::read_dir(&dir)?.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    cases.iter().map(|case| load_case(ws, exercise, case, side)).collect()
}

/// One line of a case file: present, not empty, on one line.
fn one_line(value: Option<String>, file: &str, key: &str, what: &str) -> Result<String> {
    match value {
        Some(text) if !text.trim().is_empty() && !text.contains('\n') => Ok(text.trim().to_string()),
        _ => bail!("{file}: `{key}` must be one line saying {what}"),
    }
}

fn load_case<'a>(ws: &Workspace, exercise: &'a Exercise, dir: &Path, side: Side) -> Result<Answer<'a>> {
    let shown = dir.strip_prefix(&ws.root).unwrap_or(dir).to_path_buf();
    let case_file = side.case_file();
    let toml_path = dir.join(case_file);
    let keys = match side {
        Side::Wrong => "`skips = \"the lesson it skips\"` and `fails = \"the stage that must fail\"`",
        Side::Right => "`style = \"how it differs from the reference solution\"`",
    };
    let text = fs_err::read_to_string(&toml_path).with_context(|| format!("{} has no {case_file}: add one with {keys}", shown.display()))?;
    let described: CaseFile = toml::from_str(&text).with_context(|| format!("{}/{case_file} is not valid: it takes {keys}", shown.display()))?;
    let file = format!("{}/{case_file}", shown.display());
    let expect = match side {
        Side::Wrong => {
            if described.style.is_some() {
                bail!("{file}: `style` belongs in a right answer's right.toml; a wrong answer takes {keys}");
            }
            let skips = one_line(described.skips, &file, "skips", "which lesson the answer skips")?;
            let fails = described.fails.unwrap_or_default();
            let stages = exercise.stages.get_ref();
            let Some(stage) = stages.iter().position(|s| s.name.get_ref() == &fails) else {
                let names: Vec<&str> = stages.iter().map(|s| s.name.get_ref().as_str()).collect();
                bail!("{file}: `fails = \"{fails}\"` names no stage of `{}`; its stages are: {}", exercise.name(), names.join(", "));
            };
            Expect::Fails { stage, skips }
        }
        Side::Right => {
            if described.skips.is_some() || described.fails.is_some() {
                bail!("{file}: a right answer takes only {keys}");
            }
            Expect::FullMarks { style: one_line(described.style, &file, "style", "how the answer differs from the reference solution")? }
        }
    };
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
    Ok(Answer { exercise, case, expect, files })
}

/// Why `answer`'s grade does not prove its check, one message each; empty when it does.
/// A wrong answer was graded (it built and ran), its stage failed, and every stage before
/// passed; a right answer was graded and passed every stage.
pub fn problems(answer: &Answer<'_>, grade: &crate::grade::ExerciseGrade) -> Vec<String> {
    let mut out = Vec::new();
    if grade.status != crate::grade::Status::Graded {
        let why = match answer.expect {
            Expect::Fails { .. } => "a wrong answer must build and run, so that its stage is what fails",
            Expect::FullMarks { .. } => "a right answer must build and run",
        };
        out.push(format!("it was not graded ({:?}): {why}:\n{}", grade.status, first_lines(&grade.message, 12)));
        return out;
    }
    for (i, stage) in grade.stages.iter().enumerate() {
        match &answer.expect {
            Expect::Fails { stage: fails, skips } => {
                if i == *fails && stage.passed {
                    out.push(format!("stage `{}` passes: its check does not notice an answer that {}", stage.name, lower_first(skips)));
                }
                if i < *fails && !stage.passed {
                    out.push(format!(
                        "stage `{}`, before `{}`, fails too: a wrong answer must be right up to the lesson it skips:\n{}",
                        stage.name,
                        answer.exercise.stages.get_ref()[*fails].name.get_ref(),
                        first_lines(&stage.output, 12)
                    ));
                }
            }
            Expect::FullMarks { .. } => {
                if !stage.passed {
                    out.push(format!(
                        "stage `{}` fails: its check rejects an answer that keeps its rules (compare only what a rule states, or state the rule):\n{}",
                        stage.name,
                        first_lines(&stage.output, 20)
                    ));
                }
            }
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
