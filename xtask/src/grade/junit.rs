//! `junit.xml`: the class as a JUnit XML report for CI (GitHub Actions, GitLab, Jenkins
//! read it): one `<testsuite>` per student, one `<testcase>` per stage, named
//! `<exercise>: stage N — <name>` with classname `<student>.<exercise>`; a failed stage
//! has a `<failure>` holding its feedback. Written with quick-xml, which escapes text.

use super::score::StudentGrade;
use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
/// The report of `grades`, as XML bytes.
///
/// # Errors
/// When the XML cannot be written.
pub fn render(grades: &[StudentGrade]) -> Result<Vec<u8>> {
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let count = |g: &StudentGrade, failed: bool| g.exercises.iter().flat_map(|e| &e.stages).filter(|s| !failed || !s.passed).count();
    let tests: usize = grades.iter().map(|g| count(g, false)).sum();
    let failures: usize = grades.iter().map(|g| count(g, true)).sum();
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "cargo xtask grade"));
    root.push_attribute(("tests", tests.to_string().as_str()));
    root.push_attribute(("failures", failures.to_string().as_str()));
    xml.write_event(Event::Start(root))?;
    for grade in grades {
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", grade.student.as_str()));
        suite.push_attribute(("tests", count(grade, false).to_string().as_str()));
        suite.push_attribute(("failures", count(grade, true).to_string().as_str()));
        suite.push_attribute(("errors", "0"));
        suite.push_attribute(("time", format!("{:.1}", grade.seconds).as_str()));
        xml.write_event(Event::Start(suite))?;
        for exercise in &grade.exercises {
            for (i, stage) in exercise.stages.iter().enumerate() {
                let mut case = BytesStart::new("testcase");
                case.push_attribute(("name", format!("{}: stage {} — {}", exercise.exercise, i + 1, stage.name).as_str()));
                case.push_attribute(("classname", format!("{}.{}", grade.student, exercise.exercise).as_str()));
                case.push_attribute(("time", format!("{:.1}", exercise.seconds).as_str()));
                if stage.passed {
                    xml.write_event(Event::Empty(case))?;
                    continue;
                }
                xml.write_event(Event::Start(case))?;
                let mut failure = BytesStart::new("failure");
                failure.push_attribute(("message", format!("0/{} points", stage.max_score).as_str()));
                xml.write_event(Event::Start(failure))?;
                xml.write_event(Event::Text(BytesText::new(&xml_safe(&stage.output))))?;
                xml.write_event(Event::End(BytesEnd::new("failure")))?;
                xml.write_event(Event::End(BytesEnd::new("testcase")))?;
            }
        }
        xml.write_event(Event::End(BytesEnd::new("testsuite")))?;
    }
    xml.write_event(Event::End(BytesEnd::new("testsuites")))?;
    let mut bytes = xml.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// `text` without the control characters XML 1.0 forbids (a test may print any byte).
fn xml_safe(text: &str) -> String {
    text.chars().filter(|c| matches!(c, '\t' | '\n' | '\r') || *c >= ' ').collect()
}
