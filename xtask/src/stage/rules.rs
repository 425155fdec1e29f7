//! Stage rules: what each stage requires, one sentence each, from
//! `[[exercises.stages.rules]]` in `exercises/info.toml` (`course::Rule`).
//!
//! One source, three readers: the exercise's book page includes a list generated from them
//! (`crate::rule_pages`, written to `book/src/<part>/exercises/rules/<name>.md` by `cargo xtask book`
//! and checked by `verify`), a failing `check` prints each rule of a failed stage with ✓ or
//! ✗ and the evidence under each ✗ ([`explain`]), and the grading feedback does the same.

use super::report::{Outcome, RuleVerdict, StageReport};
use crate::course::Stage;

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
/// rule with ✓ or ✗, and under each ✗ the evidence of its failing tests and the section to
/// read. A stage without rules shows each failing test's output. Evidence already shown
/// (by this stage or an earlier one, numbered in `shown`) is named, not repeated: when
/// stage 1 is unsolved, the later stages usually fail for the same reason.
pub fn explain(report: &StageReport, number: usize, shown: &mut Vec<(usize, String)>) -> String {
    let mut out = String::new();
    let mut evidence_of = |test: &str, output: &str, out: &mut String, prefix: &str| {
        let evidence = output.trim_end();
        if let Some((earlier, _)) = shown.iter().find(|(_, o)| o == evidence) {
            let where_ = if *earlier == number { "above".to_string() } else { format!("under stage {earlier}") };
            out.push_str(&format!("{prefix}test `{test}` failed the same way as {where_}\n"));
            return;
        }
        shown.push((number, evidence.to_string()));
        let evidence = if evidence.trim().is_empty() { "(the test printed nothing)" } else { evidence };
        out.push_str(&format!("{prefix}test `{test}` failed:\n{}\n", indent(evidence, prefix)));
    };
    if report.rules.is_empty() {
        for (name, result) in report.tests.iter().filter(|(_, r)| r.outcome != Outcome::Passed) {
            evidence_of(name, &result.output, &mut out, "");
        }
        return out;
    }
    let mut done: Vec<&str> = Vec::new();
    for rule in &report.rules {
        let mark = if rule.passed { "✓" } else { "✗" };
        out.push_str(&format!("{mark} {}\n", rule.says));
        if rule.passed {
            continue;
        }
        // The page as the built book names it (`cargo xtask book --open`).
        out.push_str(&format!("  read in the book: {}\n", rule.read.replacen(".md", ".html", 1)));
        for test in &rule.tests {
            let Some((_, result)) = report.tests.iter().find(|(n, r)| n == test && r.outcome != Outcome::Passed) else { continue };
            if done.contains(&test.as_str()) {
                out.push_str(&format!("  (the evidence of `{test}` is above)\n"));
                continue;
            }
            done.push(test);
            evidence_of(test, &result.output, &mut out, "  ");
        }
    }
    out
}

fn indent(text: &str, by: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("{by}{l}") }).collect::<Vec<_>>().join("\n")
}
