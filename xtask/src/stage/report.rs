//! What checking a stage gives, from the test process's report to the verdicts: the
//! types every other file of `stage/` and the commands share. Nothing here runs anything.

use check_report::Observation;
use std::collections::BTreeMap;
use std::path::Path;

/// What running one crate's stage tests gave, after the verdicts.
#[derive(Debug)]
pub enum Report {
    /// The crate or its tests did not compile; `output` holds the compiler's errors (its
    /// warnings only when there is no error), or maturin's output.
    BuildFailed { output: String },
    /// The tests ran.
    Ran {
        /// One entry per stage, in the metadata's order.
        stages: Vec<StageReport>,
        #[cfg_attr(not(feature = "authoring"), allow(dead_code, reason = "read by verify only"))]
        /// Tests that ran but belong to no stage (an author's mistake `verify` reports).
        unassigned: Vec<String>,
    },
}

/// One stage's outcome.
#[derive(Debug)]
pub struct StageReport {
    pub name: String,
    pub points: u32,
    /// Each of the stage's tests with its verdict.
    pub tests: Vec<(String, TestResult)>,
    /// Each of the stage's rules with its verdict (none when the stage states no rule).
    pub rules: Vec<RuleVerdict>,
}

impl StageReport {
    /// Whether every test of the stage passed.
    pub fn passed(&self) -> bool {
        self.tests.iter().all(|(_, r)| r.outcome == Outcome::Passed)
    }
}

impl Report {
    /// The stages, or none when the build failed.
    pub fn stages(&self) -> &[StageReport] {
        match self {
            Report::BuildFailed { .. } => &[],
            Report::Ran { stages, .. } => stages,
        }
    }

    /// Whether every stage passed.
    pub fn all_passed(&self) -> bool {
        matches!(self, Report::Ran { .. }) && self.stages().iter().all(StageReport::passed)
    }

    /// How many stages passed.
    pub fn passed_count(&self) -> usize {
        self.stages().iter().filter(|s| s.passed()).count()
    }
}

/// What building and running one crate's stage tests gave, before any verdict.
#[derive(Debug)]
pub enum Execution {
    /// The build failed; the compiler's (or maturin's) messages.
    BuildFailed { output: String },
    /// The test binary ran.
    Ran(Ran),
}

/// A finished test process.
#[derive(Debug)]
pub struct Ran {
    pub ending: Ending,
    /// The harness's report (explanations of failures only).
    pub stdout: String,
    pub stderr: String,
    /// What the tests reported.
    pub observations: Observations,
}

/// The outcome of one test function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    Ignored,
}

/// One test's outcome and, when it failed, what it printed (panic message, insta diff).
#[derive(Debug, Clone, PartialEq)]
pub struct TestResult {
    pub outcome: Outcome,
    pub output: String,
}

/// One rule of a stage and whether every test that observes it passed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleVerdict {
    pub says: String,
    /// The book section that teaches it: `part/page.md#heading-id`.
    pub read: String,
    pub passed: bool,
    /// The tests that observe it.
    pub tests: Vec<String>,
}

/// What a test process reported, by test name.
#[derive(Debug, Default, Clone)]
pub struct Observations {
    /// Values observed on the public inputs; more than one for a test means something
    /// else wrote into the report.
    pub public: BTreeMap<String, Vec<String>>,
    /// Values observed on the held-out inputs.
    pub held_out: BTreeMap<String, Vec<String>>,
    /// Lines that are not observations.
    pub malformed: usize,
    /// The size of a report too large to read ([`REPORT_CAP`]): no value was read.
    pub too_large: Option<u64>,
}

/// The largest report read, in bytes: far more than every stage's text together, far
/// less than what a test process could write to fill the grader's memory.
pub const REPORT_CAP: u64 = 8 << 20;

impl Observations {
    /// Reads the report file at `path`; a missing file is a report with no value, and a
    /// file past [`REPORT_CAP`] is not read.
    pub fn read(path: &Path) -> Observations {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > REPORT_CAP {
            return Observations { too_large: Some(size), ..Observations::default() };
        }
        std::fs::read(path).map(|bytes| Observations::parse(&String::from_utf8_lossy(&bytes))).unwrap_or_default()
    }

    /// Parses a report's JSON lines.
    pub fn parse(text: &str) -> Observations {
        let mut observations = Observations::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str::<Observation>(line) {
                Ok(o) if o.inputs == "public" => observations.public.entry(o.test).or_default().push(o.value),
                Ok(o) if o.inputs == "held-out" => observations.held_out.entry(o.test).or_default().push(o.value),
                _ => observations.malformed += 1,
            }
        }
        observations
    }

    /// Every test name that reported something.
    pub fn tests(&self) -> impl Iterator<Item = &String> {
        self.public.keys().chain(self.held_out.keys())
    }
}

/// How the test process ended (`check_report::process`, shared with the checks).
pub use check_report::process::Ending;
