//! `--adjustments FILE`: points given or taken by hand (a late penalty, partial credit
//! for a stage the checks cannot see, a regrade after a fix in the course), with the
//! reason the student reads.
//!
//! A CSV with the header `student,exercise,points,reason`, one adjustment a line:
//!
//! ```text
//! student,exercise,points,reason
//! kevin,call_function,2,"stage 2 was right; the check misread a trailing space (fixed in the course)"
//! oscar,,-1,"one day late"
//! ```
//!
//! `exercise` empty is the whole assignment. The gradebook's `adjustments` column is the
//! sum of a student's lines and `total` is the graded points plus it (never below 0);
//! the feedback and `results.json` list each line with its reason. A line that names a
//! student or an exercise of no such run is an error naming the file and the line.

use anyhow::{Context, Result, bail};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The columns, in order.
pub const HEADER: [&str; 4] = ["student", "exercise", "points", "reason"];

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    pub student: String,
    /// `None`: the whole assignment.
    pub exercise: Option<String>,
    pub points: f64,
    pub reason: String,
}

/// Reads the adjustments in `path` for a run of `exercises` with the students
/// `students`: the file's text (to keep) and its adjustments.
///
/// # Errors
/// When the file cannot be read, or a line is not an adjustment of this run; the message
/// names the file and the line.
pub fn read(path: &Path, exercises: &[(String, u32)], students: &BTreeSet<String>) -> Result<(String, Vec<Adjustment>)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading the adjustments {}", path.display()))?;
    let adjustments = parse(&text, &path.display().to_string(), exercises, Some(students))?;
    Ok((text, adjustments))
}

/// The adjustments in `text`, read from the file named `source` (for the messages);
/// with `students`, a line naming another student is an error.
///
/// # Errors
/// See [`read`].
pub fn parse(text: &str, source: &str, exercises: &[(String, u32)], students: Option<&BTreeSet<String>>) -> Result<Vec<Adjustment>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().with_context(|| format!("{source}:1: not a CSV"))?.iter().map(str::to_lowercase).collect();
    if headers != HEADER {
        bail!("{source}:1: the header is `{}`; it must be `{}`", headers.join(","), HEADER.join(","));
    }
    let names: Vec<&str> = exercises.iter().map(|(n, _)| n.as_str()).collect();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("{source}: not a CSV"))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let at = |what: String| anyhow::anyhow!("{source}:{line}: {what}");
        if record.len() != 4 {
            return Err(at(format!("{} fields; an adjustment has 4 (student, exercise, points, reason): quote a reason that holds a comma", record.len())));
        }
        let student = record[0].to_string();
        if students.is_some_and(|s| !s.contains(&student)) {
            return Err(at(format!("no student `{student}` in this run (neither on the roster nor among the submissions)")));
        }
        let exercise = (!record[1].is_empty()).then(|| record[1].to_string());
        if let Some(name) = &exercise
            && !names.contains(&name.as_str())
        {
            return Err(at(format!("no exercise `{name}` in this run (it grades {}); leave it empty for the whole assignment", names.join(", "))));
        }
        let points: f64 = record[2].parse().ok().filter(|p: &f64| p.is_finite()).ok_or_else(|| at(format!("`{}` is not a number of points", &record[2])))?;
        if record[3].is_empty() {
            return Err(at("no reason: the student reads it in the feedback".into()));
        }
        out.push(Adjustment { student, exercise, points, reason: record[3].to_string() });
    }
    Ok(out)
}

/// `points` as a person writes them: `2`, `-1.5`.
pub fn format_points(points: f64) -> String {
    let rounded = (points * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 { format!("{}", rounded as i64) } else { format!("{rounded}") }
}

/// `points` with its sign: `+2`, `-1.5`.
pub fn signed(points: f64) -> String {
    if points >= 0.0 { format!("+{}", format_points(points)) } else { format_points(points) }
}

/// A graded `score` with `adjustments` applied: never below 0.
pub fn total(score: u32, adjustments: &[&Adjustment]) -> f64 {
    (f64::from(score) + adjustments.iter().map(|a| a.points).sum::<f64>()).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> (Vec<(String, u32)>, BTreeSet<String>) {
        (vec![("call_function".into(), 5), ("keyword_arguments".into(), 4)], ["angela", "kevin"].iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn lines_become_adjustments() {
        let (exercises, students) = run();
        let text = "student,exercise,points,reason\nkevin,call_function,2,\"stage 2 was right, the check was not\"\n\nangela,,-1.5,late\n";
        let got = parse(text, "adj.csv", &exercises, Some(&students)).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].exercise.as_deref(), got[0].points, got[0].reason.as_str()), (Some("call_function"), 2.0, "stage 2 was right, the check was not"));
        assert_eq!((got[1].exercise.as_deref(), got[1].points), (None, -1.5));
        assert_eq!((signed(2.0), signed(-1.5), format_points(3.0)), ("+2".to_string(), "-1.5".to_string(), "3".to_string()));
        assert_eq!(total(1, &[&got[1]]), 0.0, "never below 0");
    }

    #[test]
    fn a_line_of_no_such_run_is_an_error_naming_it() {
        let (exercises, students) = run();
        let err = |text: &str| parse(text, "adj.csv", &exercises, Some(&students)).unwrap_err().to_string();
        let head = "student,exercise,points,reason\n";
        assert!(err(&format!("{head}angela,,1,ok\nstanley,,1,ok\n")).starts_with("adj.csv:3: no student `stanley`"));
        assert!(err(&format!("{head}kevin,hello_module,1,ok\n")).starts_with("adj.csv:2: no exercise `hello_module`"));
        assert!(err(&format!("{head}kevin,,two,ok\n")).starts_with("adj.csv:2: `two` is not a number"));
        assert!(err(&format!("{head}kevin,,2,\n")).starts_with("adj.csv:2: no reason"));
        assert!(err(&format!("{head}kevin,,2,late, very\n")).contains("quote a reason"));
        assert!(err("name,points\n").starts_with("adj.csv:1: the header"));
    }
}
