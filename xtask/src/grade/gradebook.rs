//! `grades.csv`, and the class it is made from: one row per student (everyone graded in
//! the output folder and everyone on the roster), with each exercise's points and
//! status, the adjustments, the total and the maximum. `junit.xml` and `report.html`
//! read the same rows. Plain RFC 4180 CSV (the `csv` crate) that spreadsheet and LMS
//! gradebook imports read:
//!
//! ```text
//! student,call_function,keyword_arguments,adjustments,total,max,call_function status,keyword_arguments status
//! angela,5,4,0,9,9,graded,graded
//! kevin,0,0,0,0,9,unchanged starter,does not compile
//! oscar,0,0,0,0,9,not submitted,not submitted
//! ```

use super::adjustments::{self, Adjustment};
use super::roster::Roster;
use super::score::{ExerciseGrade, Status, StudentGrade};
use anyhow::Result;

/// One student's row.
#[derive(Debug)]
pub struct Row<'a> {
    pub student: String,
    /// `None`: on the roster, nothing handed in.
    pub grade: Option<&'a StudentGrade>,
    pub adjustments: Vec<&'a Adjustment>,
}

impl Row<'_> {
    /// The grade of the exercise `name`, if the student was graded on it.
    pub fn exercise(&self, name: &str) -> Option<&ExerciseGrade> {
        self.grade.and_then(|g| g.exercises.iter().find(|e| e.exercise == name))
    }

    /// The graded points, before adjustments.
    pub fn graded(&self) -> u32 {
        self.grade.map_or(0, StudentGrade::score)
    }

    /// The sum of the adjustments.
    pub fn adjustment(&self) -> f64 {
        self.adjustments.iter().map(|a| a.points).sum()
    }

    /// The graded points plus the adjustments, never below 0.
    pub fn total(&self) -> f64 {
        adjustments::total(self.graded(), &self.adjustments)
    }
}

/// The class: the exercises with their maximum points, and a row per student, by id.
#[derive(Debug)]
pub struct Class<'a> {
    pub exercises: &'a [(String, u32)],
    pub rows: Vec<Row<'a>>,
    /// Students graded but not on the roster (a misnamed submission, a late enrolment).
    pub not_on_roster: Vec<String>,
}

impl Class<'_> {
    pub fn max(&self) -> u32 {
        self.exercises.iter().map(|(_, m)| m).sum()
    }
}

/// The class of `grades` (sorted by student), the `roster`'s students who have none,
/// and the `adjustments`.
pub fn class<'a>(exercises: &'a [(String, u32)], grades: &'a [StudentGrade], roster: Option<&Roster>, adjustments: &'a [Adjustment]) -> Class<'a> {
    let mut ids: std::collections::BTreeSet<&str> = grades.iter().map(|g| g.student.as_str()).collect();
    let mut not_on_roster = Vec::new();
    if let Some(roster) = roster {
        not_on_roster = ids.iter().filter(|id| !roster.ids.iter().any(|r| r == *id)).map(|id| id.to_string()).collect();
        ids.extend(roster.ids.iter().map(String::as_str));
    }
    let rows = ids
        .into_iter()
        .map(|id| Row {
            student: id.to_string(),
            grade: grades.iter().find(|g| g.student == id),
            adjustments: adjustments.iter().filter(|a| a.student == id).collect(),
        })
        .collect();
    Class { exercises, rows, not_on_roster }
}

/// What became of an exercise, in the gradebook's words.
pub fn status(grade: Option<&ExerciseGrade>) -> &'static str {
    let Some(grade) = grade else { return "not submitted" };
    match grade.status {
        Status::Graded if grade.unchanged => "unchanged starter",
        Status::Graded => "graded",
        Status::NotSubmitted => "not submitted",
        Status::BuildFailed => "does not compile",
        Status::TimedOut => "timed out",
        Status::OutputCapped => "printed too much",
        Status::Rejected => "unreadable",
    }
}

/// The gradebook of `class`, as CSV bytes.
///
/// # Errors
/// When a record cannot be encoded.
pub fn render(class: &Class<'_>) -> Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["student".to_string()];
    header.extend(class.exercises.iter().map(|(n, _)| n.clone()));
    header.extend(["adjustments".to_string(), "total".to_string(), "max".to_string()]);
    header.extend(class.exercises.iter().map(|(n, _)| format!("{n} status")));
    out.write_record(&header)?;
    let max = class.max().to_string();
    for row in &class.rows {
        let mut record = vec![row.student.clone()];
        for (name, _) in class.exercises {
            record.push(row.exercise(name).map_or(0, |e| e.score).to_string());
        }
        record.push(adjustments::format_points(row.adjustment()));
        record.push(adjustments::format_points(row.total()));
        record.push(max.clone());
        for (name, _) in class.exercises {
            record.push(status(row.exercise(name)).to_string());
        }
        out.write_record(&record)?;
    }
    Ok(out.into_inner()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn exercise(name: &str, status: Status, score: u32, unchanged: bool) -> ExerciseGrade {
        ExerciseGrade {
            exercise: name.into(),
            status,
            score,
            max_score: 5,
            message: String::new(),
            stages: Vec::new(),
            unchanged,
            digest: String::new(),
            seconds: 0.0,
        }
    }

    #[test]
    fn everyone_on_the_roster_has_a_row_with_a_status_per_exercise() {
        let names = vec![("a".to_string(), 5), ("b".to_string(), 5)];
        let grade = |id: &str, a: ExerciseGrade, b: ExerciseGrade| StudentGrade { student: id.into(), exercises: vec![a, b], notes: Vec::new(), seconds: 0.0, header: String::new() };
        let grades = vec![
            grade("angela", exercise("a", Status::Graded, 5, false), exercise("b", Status::BuildFailed, 0, false)),
            grade("kevin", exercise("a", Status::Graded, 0, true), exercise("b", Status::TimedOut, 0, false)),
            grade("toby", exercise("a", Status::Rejected, 0, false), exercise("b", Status::NotSubmitted, 0, false)),
        ];
        let roster = Roster { ids: vec!["oscar".into(), "kevin".into(), "angela".into()], column: None };
        let adjustments = vec![Adjustment { student: "kevin".into(), exercise: Some("a".into()), points: 1.5, reason: "r".into() }];
        let class = class(&names, &grades, Some(&roster), &adjustments);
        assert_eq!(class.not_on_roster, ["toby"]);
        let csv = String::from_utf8(render(&class).unwrap()).unwrap();
        assert_eq!(
            csv,
            "student,a,b,adjustments,total,max,a status,b status\n\
             angela,5,0,0,5,10,graded,does not compile\n\
             kevin,0,0,1.5,1.5,10,unchanged starter,timed out\n\
             oscar,0,0,0,0,10,not submitted,not submitted\n\
             toby,0,0,0,0,10,unreadable,not submitted\n"
        );
    }
}
