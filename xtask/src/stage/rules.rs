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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::report::TestResult;

    fn stage(tests: &[(&str, bool, &str)], rules: &[(&str, &[&str], bool)]) -> StageReport {
        StageReport {
            name: "s".into(),
            points: 1,
            tests: tests
                .iter()
                .map(|(name, passed, output)| {
                    let outcome = if *passed { Outcome::Passed } else { Outcome::Failed };
                    (name.to_string(), TestResult { outcome, output: output.to_string() })
                })
                .collect(),
            rules: rules
                .iter()
                .map(|(says, tests, passed)| RuleVerdict {
                    says: says.to_string(),
                    read: "part/page.md#heading".into(),
                    passed: *passed,
                    tests: tests.iter().map(|t| t.to_string()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn each_rule_shows_its_mark_and_a_failed_one_its_evidence_once() {
        let report = stage(
            &[("a", false, "-expected\n+observed"), ("b", true, "")],
            &[("A holds.", &["a"], false), ("B holds.", &["b"], true), ("A again.", &["a"], false)],
        );
        let mut shown = Vec::new();
        let text = explain(&report, 1, &mut shown);
        assert_eq!(
            text,
            "✗ A holds.\n  read in the book: part/page.html#heading\n  test `a` failed:\n  -expected\n  +observed\n\
             ✓ B holds.\n\
             ✗ A again.\n  read in the book: part/page.html#heading\n  (the evidence of `a` is above)\n"
        );
        // A later stage that failed the same way names the earlier one.
        let later = stage(&[("c", false, "-expected\n+observed")], &[("C holds.", &["c"], false)]);
        assert!(explain(&later, 2, &mut shown).contains("test `c` failed the same way as under stage 1"));
    }
}
