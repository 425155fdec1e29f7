//! Stage rules: what each stage requires, one sentence each, from
//! `[[exercises.stages.rules]]` in `exercises/info.toml` (`course::Rule`).
//!
//! One source, three readers: the exercise's book page includes a list generated from them
//! ([`page::page`], written to `book/src/<part>/exercises/rules/<name>.md` by `cargo xtask book`
//! and checked by `verify`), a failing `check` prints each rule of a failed stage with ✓ or
//! ✗ and the evidence under each ✗ ([`explain`]), and the grading feedback does the same.

#[cfg(feature = "book")]
pub mod page;

use crate::course::Stage;
use crate::libtest::Outcome;
use crate::stages::StageReport;

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

/// The verdict of each rule of `stage`, from its tests' verdicts in `report`.
pub fn verdicts(stage: &Stage, report: &StageReport) -> Vec<RuleVerdict> {
    stage
        .rules
        .iter()
        .map(|rule| {
            let tests = rule.tests(stage).to_vec();
            let passed = tests.iter().all(|t| report.tests.iter().any(|(name, r)| name == t && r.outcome == Outcome::Passed));
            RuleVerdict { says: rule.says.get_ref().trim().to_string(), read: rule.read.get_ref().clone(), passed, tests }
        })
        .collect()
}

/// Why a failed stage failed, as a student reads it in `check` and in the feedback: each
/// rule with ✓ or ✗, and under each ✗ the evidence of its failing tests (each test's
/// evidence once) and the section to read. A stage without rules shows each failing
/// test's output.
pub fn explain(report: &StageReport) -> String {
    let failing = |name: &str| report.tests.iter().find(|(n, r)| n == name && r.outcome != Outcome::Passed).map(|(_, r)| r.output.trim_end());
    if report.rules.is_empty() {
        let mut out = String::new();
        for (name, result) in report.tests.iter().filter(|(_, r)| r.outcome != Outcome::Passed) {
            out.push_str(&format!("test `{name}` failed:\n{}\n", result.output.trim_end()));
        }
        return out;
    }
    let mut out = String::new();
    let mut shown: Vec<&str> = Vec::new();
    for rule in &report.rules {
        let mark = if rule.passed { "✓" } else { "✗" };
        out.push_str(&format!("{mark} {}\n", rule.says));
        if rule.passed {
            continue;
        }
        out.push_str(&format!("  read: {}\n", rule.read));
        for test in &rule.tests {
            let Some(evidence) = failing(test) else { continue };
            if shown.contains(&test.as_str()) {
                out.push_str(&format!("  (the evidence of `{test}` is above)\n"));
                continue;
            }
            shown.push(test);
            let evidence = if evidence.trim().is_empty() { "(the test printed nothing)" } else { evidence };
            out.push_str(&format!("  evidence (test `{test}`):\n{}\n", indent(evidence, "    ")));
        }
    }
    out
}

fn indent(text: &str, by: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("{by}{l}") }).collect::<Vec<_>>().join("\n")
}
