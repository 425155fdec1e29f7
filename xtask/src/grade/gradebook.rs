//! `grades.csv`: one row per student, a column per exercise, then `total` and `max`.
//! Plain RFC 4180 CSV (the `csv` crate) that spreadsheet and LMS gradebook imports read.

use super::score::StudentGrade;
use anyhow::Result;

/// The gradebook of `grades` (sorted by student) for the exercises `names`, with their
/// maximum points, as CSV bytes.
///
/// # Errors
/// When a record cannot be encoded.
pub fn render(names: &[(String, u32)], grades: &[StudentGrade]) -> Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["student".to_string()];
    header.extend(names.iter().map(|(n, _)| n.clone()));
    header.extend(["total".to_string(), "max".to_string()]);
    out.write_record(&header)?;
    let max: u32 = names.iter().map(|(_, m)| m).sum();
    for grade in grades {
        let mut row = vec![grade.student.clone()];
        for (name, _) in names {
            let score = grade.exercises.iter().find(|e| &e.exercise == name).map(|e| e.score).unwrap_or(0);
            row.push(score.to_string());
        }
        row.push(grade.score().to_string());
        row.push(max.to_string());
        out.write_record(&row)?;
    }
    Ok(out.into_inner()?)
}
