//! `run.json`, the record of an output folder: what its runs graded (the exercises and
//! their maximum points, the held-out seed), and each run that wrote there (when, on which
//! commit of the course, with which options and confinement). `store.rs` reads and writes
//! it; the class report (`report.rs`) shows it.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// `run.json`: what a run graded, so that a resumed run or a merge adds up, and a grade
/// can be reproduced; and a record of every run that wrote into the folder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunInfo {
    /// The exercises, in course order, with their maximum points.
    pub exercises: Vec<(String, u32)>,
    /// The seed the held-out inputs were generated from (`--seed` reproduces them).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Each run that wrote here (the first grading, resumes, regrades, shards merged),
    /// oldest first.
    #[serde(default)]
    pub runs: Vec<RunRecord>,
}

impl RunInfo {
    /// Whether `other` graded the same exercises on the same held-out inputs, so that
    /// their grades belong in one gradebook.
    pub fn same_run(&self, other: &RunInfo) -> bool {
        self.exercises == other.exercises && self.seed == other.seed
    }

    /// The options of the latest run that recorded them.
    pub fn options(&self) -> Option<&Options> {
        self.runs.iter().rev().find_map(|r| r.options.as_ref())
    }
}

/// One run that wrote into an output folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// `grade`, `resume`, `regrade`, `gradescope`, `merge`, or `demo` (a made-up class,
    /// `demo.rs`).
    pub kind: String,
    /// When it started, UTC, RFC 3339.
    pub date: String,
    /// The course's git commit (`None` outside a git checkout, e.g. Gradescope's kit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseCommit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Options>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confinement: Option<Confinement>,
    /// The students this run graded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub graded: Vec<String>,
    /// For a regrade: each student's total before and after.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regraded: Vec<Regraded>,
    /// For a merge: the shards' folders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

/// The course's commit when a run graded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseCommit {
    pub commit: String,
    /// Whether tracked files differed from it (the grade came from a course not committed).
    pub uncommitted_changes: bool,
}

impl CourseCommit {
    /// The commit of the repository at `root`, if it is a git checkout.
    pub fn of(root: &Path) -> Option<CourseCommit> {
        let git = |args: &[&str]| std::process::Command::new("git").arg("-C").arg(root).args(args).output().ok().filter(|o| o.status.success());
        let commit = String::from_utf8_lossy(&git(&["rev-parse", "HEAD"])?.stdout).trim().to_string();
        let changed = git(&["status", "--porcelain", "--untracked-files=no"]).is_none_or(|o| !o.stdout.is_empty());
        Some(CourseCommit { commit, uncommitted_changes: changed })
    }
}

/// The options a run was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Options {
    pub timeout_s: u64,
    pub build_timeout_s: u64,
    pub memory_mb: u64,
    pub output_kb: usize,
    pub jobs: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// The roster and adjustments files given, as named on the command line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustments: Option<String>,
    /// Gradescope's visibility of the tests.
    pub visibility: String,
    pub require_isolation: bool,
}

/// How student code was confined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confinement {
    /// In its own network namespace: no network.
    pub network_cut: bool,
    /// Landlock restricted what it could read and write.
    pub landlock: bool,
    /// The sentences the feedback shows.
    pub description: String,
}

/// A student graded again, with the totals (adjustments included) before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Regraded {
    pub student: String,
    pub before: Option<f64>,
    pub after: f64,
}

