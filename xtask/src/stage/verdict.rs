//! Deciding whether a stage test passed, here in the xtask, outside the process that ran
//! the student's code.
//!
//! A stage test only reports what it observed (the `check-report` crate's protocol: JSON
//! lines in the file named by `CHECK_REPORT`). A test passes when its value arrived,
//! exactly once, and equals the expected value: the exercise's insta snapshot for the
//! public inputs (insta's own normalisation: trailing whitespace at the end and `\r\n`
//! do not count), and the solution's value for held-out inputs. Whatever else the test
//! process does (print libtest's status lines, set `INSTA_*`, exit early, crash) can only
//! take a value away, never add a matching one. The harness's report (`libtest.rs`) is
//! read only to explain a failure: the panic message or Python traceback of a test.

use super::libtest;
use super::report::{Ending, Execution, Observations, Outcome, Report, StageReport, TestResult};
use crate::course::Exercise;
#[cfg(feature = "authoring")]
use crate::course::HeldOut;
use std::collections::BTreeMap;
use std::path::Path;

/// The largest value diffed line by line, in bytes; a longer one is only measured.
const DIFF_CAP: usize = 256 << 10;

/// The expected values of one exercise's tests.
#[derive(Debug, Default, Clone)]
pub struct Expected {
    /// Snapshot bodies by test name.
    pub public: BTreeMap<String, String>,
    /// When grading with held-out inputs: the seed, and the solution's values on them
    /// for the tests of stages marked `held_out = "seeded"`.
    pub held_out: Option<(u64, BTreeMap<String, String>)>,
}

/// The snapshot file of test `test` in an exercise folder (insta's naming: the test
/// file's stem, two underscores, the snapshot's name).
pub fn snapshot_path(exercise_dir: &Path, test: &str) -> std::path::PathBuf {
    exercise_dir.join("tests").join("snapshots").join(format!("check__{test}.snap"))
}

/// The header of test `test`'s snapshot (insta's YAML front matter): `source` is the
/// check file a student has (`tests/check.rs`), `description` the rules of its stage that
/// the test observes, `expression` the test's name.
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub fn snapshot_header(exercise: &Exercise, test: &str) -> String {
    let rules: Vec<String> = exercise
        .stages
        .get_ref()
        .iter()
        .flat_map(|stage| stage.rules.iter().filter(move |r| r.tests(stage).iter().any(|t| t == test)))
        .map(|r| r.says.get_ref().trim().to_string())
        .collect();
    let description = match rules.as_slice() {
        [] => String::new(),
        rules => format!("description: {}\n", serde_json::to_string(&rules.join(" ")).unwrap_or_default()),
    };
    format!("---\nsource: tests/check.rs\n{description}expression: {test}\n---\n")
}

impl Expected {
    /// The public expectations of `exercise`: for each test, the body of its snapshot as
    /// `read` gives it (the file's text, by repository-relative path); a test whose
    /// snapshot is missing has no expectation and fails.
    pub fn from_snapshots(exercise: &Exercise, read: impl Fn(&Path) -> Option<String>) -> Expected {
        let mut public = BTreeMap::new();
        for stage in exercise.stages.get_ref() {
            for test in stage.tests.get_ref() {
                if let Some(body) = read(&snapshot_path(&exercise.dir(), test)).as_deref().and_then(snapshot_body) {
                    public.insert(test.clone(), body.to_string());
                }
            }
        }
        Expected { public, held_out: None }
    }

    #[cfg(feature = "authoring")]
    /// Adds the held-out expectations: the solution's held-out values (`solution`, from
    /// a run with `seed`) of the tests of `exercise`'s seeded stages.
    pub fn with_held_out(mut self, exercise: &Exercise, seed: u64, solution: &Observations) -> Expected {
        let mut values = BTreeMap::new();
        for stage in exercise.stages.get_ref().iter().filter(|s| s.held_out() == HeldOut::Seeded) {
            for test in stage.tests.get_ref() {
                if let Some([value]) = solution.held_out.get(test).map(Vec::as_slice) {
                    values.insert(test.clone(), value.clone());
                }
            }
        }
        self.held_out = Some((seed, values));
        self
    }
}

/// The body of an insta `.snap` file: what follows the `---` header.
pub fn snapshot_body(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let end = rest.find("\n---\n").map(|i| i + 5).or_else(|| rest.find("\r\n---\r\n").map(|i| i + 7))?;
    Some(&rest[end..])
}

/// A value as insta compares it: trailing whitespace at the end, leading blank lines and
/// Windows line ends do not count.
pub fn normalize(text: &str) -> String {
    text.trim_end().trim_start_matches(['\r', '\n']).replace("\r\n", "\n")
}

/// Everything about one test process that the verdicts read.
#[derive(Debug)]
pub struct Evidence<'a> {
    pub observations: &'a Observations,
    /// The harness's report of the test binary, by test name (explanations only).
    pub harness: &'a BTreeMap<String, TestResult>,
    pub ending: Ending,
    /// What the process printed on standard error, for a process that stopped early.
    pub stderr: &'a str,
}

/// Judges what an execution gave against `expected`, stage by stage.
pub fn judge(exercise: &Exercise, execution: &Execution, expected: &Expected) -> Report {
    let ran = match execution {
        Execution::BuildFailed { output } => return Report::BuildFailed { output: output.clone() },
        Execution::Ran(ran) => ran,
    };
    let harness = libtest::parse(&ran.stdout);
    let evidence = Evidence { observations: &ran.observations, harness: &harness, ending: ran.ending, stderr: &ran.stderr };
    let mut stages = Vec::new();
    let mut assigned = std::collections::HashSet::new();
    for stage in exercise.stages.get_ref() {
        let tests = stage
            .tests
            .get_ref()
            .iter()
            .map(|name| {
                assigned.insert(name.clone());
                (name.clone(), judge_test(name, expected, &evidence))
            })
            .collect();
        let mut report = StageReport { name: stage.name.get_ref().clone(), points: *stage.points.get_ref(), tests, rules: Vec::new() };
        report.rules = super::rules::verdicts(stage, &report);
        stages.push(report);
    }
    let mut unassigned: Vec<String> = harness.keys().chain(ran.observations.tests()).filter(|name| !assigned.contains(*name)).cloned().collect();
    unassigned.sort();
    unassigned.dedup();
    Report::Ran { stages, unassigned }
}

/// The verdict on test `test`: passed only when its expected values arrived and match.
pub fn judge_test(test: &str, expected: &Expected, evidence: &Evidence<'_>) -> TestResult {
    let Some(snapshot) = expected.public.get(test) else {
        let mut why = format!("test `{test}` has no snapshot `tests/snapshots/check__{test}.snap`: the course is incomplete (`cargo xtask bless`)");
        // What the code did all the same: a starter's own failure (its `todo!()`), or the
        // value it reported.
        match evidence.observations.public.get(test).map(Vec::as_slice) {
            Some([value]) => why.push_str(&format!("\nIt reported:\n{}", normalize(value))),
            _ => why.push_str(&format!("\n{}", missing(test, evidence))),
        }
        return failed(why);
    };
    if let Err(why) = compare(test, "the snapshot", snapshot, evidence.observations.public.get(test), evidence) {
        return failed(why);
    }
    if let Some((seed, values)) = &expected.held_out
        && let Some(solution) = values.get(test)
    {
        let what = format!("the solution's output on held-out inputs (seed {seed})");
        if let Err(why) = compare(test, &what, solution, evidence.observations.held_out.get(test), evidence) {
            return failed(format!("On inputs generated at grading time (seed {seed}), which the exercise does not ship:\n{why}"));
        }
    }
    TestResult { outcome: Outcome::Passed, output: String::new() }
}

fn failed(output: String) -> TestResult {
    TestResult { outcome: Outcome::Failed, output }
}

/// Compares the values `test` reported with `expected` (described by `what`).
fn compare(test: &str, what: &str, expected: &str, values: Option<&Vec<String>>, evidence: &Evidence<'_>) -> Result<(), String> {
    match values.map(Vec::as_slice).unwrap_or_default() {
        [] => Err(missing(test, evidence)),
        [value] if normalize(value) == normalize(expected) => Ok(()),
        [value] => {
            let mut why = format!("what the test observed differs from {what} (-expected +observed):\n{}", diff(&normalize(expected), &normalize(value)));
            if let Some(printed) = evidence.harness.get(test).map(|r| r.output.trim()).filter(|o| !o.is_empty()) {
                why.push_str("\nThe test printed:\n");
                why.push_str(printed);
            }
            Err(why)
        }
        more => Err(format!(
            "{} values were reported for test `{test}`, where a test reports one: something else wrote into the check's report",
            more.len()
        )),
    }
}

/// Why `test` reported no value.
fn missing(test: &str, evidence: &Evidence<'_>) -> String {
    if let Some(size) = evidence.observations.too_large {
        return format!("the check's report grew to {size} bytes (something else wrote into it), so no value of test `{test}` was read");
    }
    match evidence.harness.get(test) {
        Some(r) if r.outcome == Outcome::Ignored => format!("test `{test}` is marked #[ignore]: remove the attribute"),
        Some(r) if r.outcome == Outcome::Failed && !r.output.is_empty() => r.output.clone(),
        Some(r) if r.outcome == Outcome::Failed => format!("test `{test}` failed before it reported what it observed"),
        Some(_) => format!("test `{test}` ended without reporting what it observed (the report was never written, or removed)"),
        None => {
            let mut why = format!("{} before test `{test}` reported what it observed", evidence.ending.describe());
            let stderr = evidence.stderr.trim();
            if !stderr.is_empty() {
                let tail: Vec<&str> = stderr.lines().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
                why.push_str(":\n");
                why.push_str(&tail.join("\n"));
            }
            why
        }
    }
}

/// A line diff of `expected` and `observed`, with line numbers, as insta prints one.
/// Values past [`DIFF_CAP`] are only measured, and the diff gives up its search for the
/// smallest one after half a second: a grade never waits on a diff.
pub fn diff(expected: &str, observed: &str) -> String {
    if expected.len().max(observed.len()) > DIFF_CAP {
        return format!(
            "the expected value has {} lines ({} bytes), the observed one {} lines ({} bytes): too long to show line by line",
            expected.lines().count(),
            expected.len(),
            observed.lines().count(),
            observed.len()
        );
    }
    let diff = similar::TextDiff::configure().timeout(std::time::Duration::from_millis(500)).diff_lines(expected, observed);
    let mut out = String::new();
    for group in diff.grouped_ops(2) {
        for op in group {
            for change in diff.iter_inline_changes(&op) {
                let (sign, old, new) = match change.tag() {
                    similar::ChangeTag::Delete => ("-", change.old_index().map(|i| i + 1), None),
                    similar::ChangeTag::Insert => ("+", None, change.new_index().map(|i| i + 1)),
                    similar::ChangeTag::Equal => (" ", change.old_index().map(|i| i + 1), change.new_index().map(|i| i + 1)),
                };
                let number = |n: Option<usize>| n.map(|n| format!("{n:>4}")).unwrap_or_else(|| "    ".into());
                let text: String = change.iter_strings_lossy().map(|(_, s)| s.into_owned()).collect();
                out.push_str(&format!("{} {} │{sign}{}\n", number(old), number(new), text.trim_end_matches('\n')));
            }
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::report::REPORT_CAP;

    fn evidence<'a>(observations: &'a Observations, harness: &'a BTreeMap<String, TestResult>, ending: Ending) -> Evidence<'a> {
        Evidence { observations, harness, ending, stderr: "last words" }
    }

    fn expected(value: &str) -> Expected {
        Expected { public: [("t".to_string(), value.to_string())].into(), held_out: None }
    }

    const LINE: &str = r#"{"test":"t","inputs":"public","value":"faxed\n"}"#;

    #[test]
    fn a_matching_value_passes_and_a_wrong_one_shows_a_diff() {
        let harness = BTreeMap::new();
        let observed = Observations::parse(LINE);
        let verdict = judge_test("t", &expected("faxed"), &evidence(&observed, &harness, Ending::Exited(0)));
        assert_eq!(verdict.outcome, Outcome::Passed);
        let verdict = judge_test("t", &expected("shredded"), &evidence(&observed, &harness, Ending::Exited(0)));
        assert_eq!(verdict.outcome, Outcome::Failed);
        assert!(verdict.output.contains("   1      │-shredded\n        1 │+faxed"), "{}", verdict.output);
    }

    #[test]
    fn printed_status_lines_and_a_clean_exit_are_not_a_pass() {
        let harness = super::libtest::parse("test t ... ok\n");
        let verdict = judge_test("t", &expected("faxed"), &evidence(&Observations::default(), &harness, Ending::Exited(0)));
        assert_eq!(verdict.outcome, Outcome::Failed);
        assert!(verdict.output.contains("without reporting"), "{}", verdict.output);
    }

    #[test]
    fn a_crash_and_an_early_exit_are_named() {
        let harness = BTreeMap::new();
        let none = Observations::default();
        let crash = judge_test("t", &expected("x"), &evidence(&none, &harness, Ending::Signal(6)));
        assert!(crash.output.starts_with("crashed: SIGABRT (abort"), "{}", crash.output);
        assert!(crash.output.ends_with("last words"));
        let early = judge_test("t", &expected("x"), &evidence(&none, &harness, Ending::Exited(0)));
        assert!(early.output.starts_with("stopped early (exit status 0) before test `t` reported"), "{}", early.output);
    }

    #[test]
    fn a_value_reported_twice_fails() {
        let harness = BTreeMap::new();
        let twice = Observations::parse(&format!("{LINE}\n{LINE}\nnot json\n"));
        assert_eq!(twice.malformed, 1);
        let verdict = judge_test("t", &expected("faxed"), &evidence(&twice, &harness, Ending::Exited(0)));
        assert_eq!(verdict.outcome, Outcome::Failed);
    }

    #[test]
    fn held_out_values_are_judged_against_the_solution() {
        let harness = BTreeMap::new();
        let mut expected = expected("faxed");
        expected.held_out = Some((7, [("t".to_string(), "kept".to_string())].into()));
        let only_public = Observations::parse(LINE);
        let verdict = judge_test("t", &expected, &evidence(&only_public, &harness, Ending::Exited(0)));
        assert_eq!(verdict.outcome, Outcome::Failed);
        assert!(verdict.output.contains("seed 7"));
        let both = Observations::parse(&format!("{LINE}\n{}", r#"{"test":"t","inputs":"held-out","value":"kept"}"#));
        assert_eq!(judge_test("t", &expected, &evidence(&both, &harness, Ending::Exited(0))).outcome, Outcome::Passed);
    }

    #[test]
    fn a_huge_value_is_measured_not_diffed() {
        // A diff would show the lines; the measure names their count and shows none.
        let huge: String = (0..100_000).map(|i| format!("line {i}\n")).collect();
        let shown = diff("line 1\n", &huge);
        assert!(shown.contains("100000 lines") && !shown.contains("line 99999"), "{shown}");
    }

    #[test]
    fn a_report_past_the_cap_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.jsonl");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(REPORT_CAP + 1).unwrap();
        let observations = Observations::read(&path);
        assert_eq!(observations.too_large, Some(REPORT_CAP + 1));
        let harness = BTreeMap::new();
        let verdict = judge_test("t", &expected("x"), &evidence(&observations, &harness, Ending::Exited(0)));
        assert!(verdict.output.contains("grew to"), "{}", verdict.output);
        std::fs::write(&path, LINE).unwrap();
        assert_eq!(Observations::read(&path).public["t"], ["faxed\n"]);
    }

    #[test]
    fn snapshot_bodies_follow_the_header() {
        let text = "---\nsource: tests/check.rs\nexpression: report\n---\nline 1\nline 2\n";
        assert_eq!(snapshot_body(text), Some("line 1\nline 2\n"));
        assert_eq!(normalize("\nline\r\nmore  \n\n"), "line\nmore");
        assert_eq!(snapshot_body("no header"), None);
    }
}
