//! `junit.xml`: the class as a JUnit XML report for CI (GitHub Actions, GitLab, Jenkins
//! read it): one `<testsuite>` per student of the gradebook, one `<testcase>` per stage,
//! named `<exercise>: stage N — <name>` with classname `<student>.<exercise>`; a failed
//! stage has a `<failure>` holding its feedback. An exercise that scored 0 as a whole
//! (it does not compile, timed out, was not submitted, could not be read) is one
//! `<testcase>` named `<exercise>` with one `<failure>` saying why, not one per stage.
//! Written with quick-xml, which escapes text.

use super::gradebook::{self, Class, Row};
use super::score::Status;
use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// One test case: its name, time, and the failure's message and text when it failed.
struct Case {
    name: String,
    classname: String,
    seconds: f64,
    failure: Option<(String, String)>,
}

/// The test cases of one row: a stage each where the exercise was graded, else one for
/// the exercise.
fn cases(class: &Class<'_>, row: &Row<'_>) -> Vec<Case> {
    let mut out = Vec::new();
    for (name, max) in class.exercises {
        let classname = format!("{}.{name}", row.student);
        match row.exercise(name) {
            Some(exercise) if exercise.status == Status::Graded => {
                for (i, stage) in exercise.stages.iter().enumerate() {
                    out.push(Case {
                        name: format!("{name}: stage {} — {}", i + 1, stage.name),
                        classname: classname.clone(),
                        seconds: exercise.seconds,
                        failure: (!stage.passed).then(|| (format!("0/{} points", stage.max_score), stage.output.clone())),
                    });
                }
            }
            other => {
                let why = gradebook::status(other);
                let text = other.map_or_else(|| "Nothing was handed in.".to_string(), |e| e.message.clone());
                out.push(Case {
                    name: name.clone(),
                    classname,
                    seconds: other.map_or(0.0, |e| e.seconds),
                    failure: Some((format!("0/{max} points: {why}"), text)),
                });
            }
        }
    }
    out
}

/// The report of `class`, as XML bytes.
///
/// # Errors
/// When the XML cannot be written.
pub fn render(class: &Class<'_>) -> Result<Vec<u8>> {
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let suites: Vec<(&Row<'_>, Vec<Case>)> = class.rows.iter().map(|row| (row, cases(class, row))).collect();
    let failed = |cases: &[Case]| cases.iter().filter(|c| c.failure.is_some()).count();
    let tests: usize = suites.iter().map(|(_, c)| c.len()).sum();
    let failures: usize = suites.iter().map(|(_, c)| failed(c)).sum();
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "cargo xtask grade"));
    root.push_attribute(("tests", tests.to_string().as_str()));
    root.push_attribute(("failures", failures.to_string().as_str()));
    xml.write_event(Event::Start(root))?;
    for (row, cases) in &suites {
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", row.student.as_str()));
        suite.push_attribute(("tests", cases.len().to_string().as_str()));
        suite.push_attribute(("failures", failed(cases).to_string().as_str()));
        suite.push_attribute(("errors", "0"));
        suite.push_attribute(("time", format!("{:.1}", row.grade.map_or(0.0, |g| g.seconds)).as_str()));
        xml.write_event(Event::Start(suite))?;
        for case in cases {
            let mut start = BytesStart::new("testcase");
            start.push_attribute(("name", case.name.as_str()));
            start.push_attribute(("classname", case.classname.as_str()));
            start.push_attribute(("time", format!("{:.1}", case.seconds).as_str()));
            let Some((message, text)) = &case.failure else {
                xml.write_event(Event::Empty(start))?;
                continue;
            };
            xml.write_event(Event::Start(start))?;
            let mut failure = BytesStart::new("failure");
            failure.push_attribute(("message", message.as_str()));
            xml.write_event(Event::Start(failure))?;
            xml.write_event(Event::Text(BytesText::new(&xml_safe(text))))?;
            xml.write_event(Event::End(BytesEnd::new("failure")))?;
            xml.write_event(Event::End(BytesEnd::new("testcase")))?;
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

#[cfg(test)]
mod tests {
    use super::super::score::{ExerciseGrade, StageGrade, StudentGrade};
    use super::*;

    #[test]
    fn an_exercise_wide_zero_is_one_failure() {
        let stage = |passed: bool| StageGrade { name: "s".into(), passed, score: 0, max_score: 1, output: "why".into(), rules: Vec::new() };
        let exercise = |name: &str, status: Status, stages: Vec<StageGrade>| ExerciseGrade {
            exercise: name.into(),
            status,
            score: 0,
            max_score: 3,
            message: "error[E0308]: mismatched types".into(),
            stages,
            unchanged: false,
            digest: String::new(),
            seconds: 1.0,
        };
        let grades = vec![StudentGrade {
            student: "kevin".into(),
            exercises: vec![
                exercise("a", Status::BuildFailed, vec![stage(false), stage(false), stage(false)]),
                exercise("b", Status::Graded, vec![stage(true), stage(false), stage(true)]),
            ],
            notes: Vec::new(),
            seconds: 2.0,
            header: String::new(),
        }];
        let names = vec![("a".to_string(), 3), ("b".to_string(), 3)];
        let roster = super::super::roster::Roster { ids: vec!["kevin".into(), "oscar".into()], column: None };
        let class = gradebook::class(&names, &grades, Some(&roster), &[]);
        let xml = String::from_utf8(render(&class).unwrap()).unwrap();
        // kevin: a (one failure), b's three stages (one failure); oscar: two exercises not submitted.
        assert!(xml.contains(r#"<testsuites name="cargo xtask grade" tests="6" failures="4">"#), "{xml}");
        assert!(xml.contains(r#"<failure message="0/3 points: does not compile">error[E0308]: mismatched types</failure>"#), "{xml}");
        assert!(xml.contains(r#"<testcase name="a" classname="oscar.a" time="0.0">"#), "{xml}");
        assert_eq!(xml.matches("0/3 points: not submitted").count(), 2);
    }
}
