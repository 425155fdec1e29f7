//! `--roster FILE`: the class list, so that everyone gets a row in the gradebook, those
//! who handed nothing in too.
//!
//! Two shapes are read: a plain list, one student id a line (blank lines and `#`
//! comments skipped), or a CSV export whose header names an id column, as learning
//! platforms write them (Canvas: `Student,ID,SIS User ID,SIS Login ID,...`; Moodle:
//! `First name,Last name,ID number,...,Email address`). Of the header's id, login and
//! email columns, the one whose values name the most submissions is taken (Canvas's
//! numeric `ID` when the submissions are named by it, its `SIS Login ID` when they are
//! named by login), so that the ids match however the submissions were named.

use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::path::Path;

/// Header names of a column that holds student ids, most likely first (lowercase).
const ID_COLUMNS: &[&str] = &["id", "student id", "login", "login id", "sis login id", "username", "user", "sis user id", "id number", "email", "email address"];

/// The ids of a roster, in the file's order, without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub ids: Vec<String>,
    /// Which column they came from (`None` for a plain list).
    pub column: Option<String>,
}

/// Reads the roster `path`; `submitted` are the ids of the submissions found, to pick
/// the column that matches them.
///
/// # Errors
/// When the file cannot be read, a CSV names no id column, or the roster is empty.
pub fn read(path: &Path, submitted: &BTreeSet<String>) -> Result<Roster> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading the roster {}", path.display()))?;
    let roster = parse(&text, submitted).with_context(|| format!("the roster {}", path.display()))?;
    if roster.ids.is_empty() {
        bail!("the roster {} names no student", path.display());
    }
    Ok(roster)
}

/// The roster in `text` (see the module's comment).
///
/// # Errors
/// When a CSV's header names no id column or a record cannot be read.
pub fn parse(text: &str, submitted: &BTreeSet<String>) -> Result<Roster> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let is_header = |cell: &str| ID_COLUMNS.contains(&cell.trim().to_lowercase().as_str());
    let delimiter = [b',', b';', b'\t'].into_iter().find(|d| first.contains(char::from(*d)));
    let Some(delimiter) = delimiter.or_else(|| is_header(first).then_some(b',')) else {
        let mut seen = BTreeSet::new();
        let ids = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter(|l| seen.insert(l.to_string()))
            .map(String::from)
            .collect();
        return Ok(Roster { ids, column: None });
    };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers()?.iter().map(|h| h.trim().to_string()).collect();
    let candidates: Vec<usize> = ID_COLUMNS.iter().filter_map(|name| headers.iter().position(|h| h.to_lowercase() == *name)).collect();
    if candidates.is_empty() {
        bail!("its header ({}) names no id column: name one `id`, `login` or `email`", headers.join(", "));
    }
    let mut records = Vec::new();
    for record in reader.records() {
        records.push(record?);
    }
    // The column that names the most submissions; the likeliest name on a tie.
    let matches = |c: usize| records.iter().filter(|r| r.get(c).is_some_and(|v| submitted.contains(v.trim()))).count();
    let best = candidates.iter().copied().max_by_key(|&c| (matches(c), std::cmp::Reverse(candidates.iter().position(|&x| x == c)))).expect("a candidate");
    let mut seen = BTreeSet::new();
    let ids = records
        .iter()
        .filter_map(|r| r.get(best).map(str::trim))
        // Canvas's second row ("Points Possible") and blank lines have no id.
        .filter(|v| !v.is_empty())
        .filter(|v| seen.insert(v.to_string()))
        .map(String::from)
        .collect();
    Ok(Roster { ids, column: Some(headers[best].clone()) })
}

/// The roster kept in an output folder: one id a line.
pub fn render(roster: &Roster) -> String {
    roster.ids.iter().map(|id| format!("{id}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_plain_list_is_one_id_a_line() {
        let roster = parse("# week 3\nangela\n\n kevin \nangela\n", &ids(&[])).unwrap();
        assert_eq!(roster, Roster { ids: vec!["angela".into(), "kevin".into()], column: None });
    }

    #[test]
    fn canvas_takes_the_column_that_matches_the_submissions() {
        let canvas = "Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n\"Martin, Angela\",1021,S1,angela,A\n\"Malone, Kevin\",1022,S2,kevin,A\n";
        let by_login = parse(canvas, &ids(&["angela"])).unwrap();
        assert_eq!((by_login.ids, by_login.column.as_deref()), (vec!["angela".to_string(), "kevin".to_string()], Some("SIS Login ID")));
        let by_id = parse(canvas, &ids(&["1022"])).unwrap();
        assert_eq!((by_id.ids, by_id.column.as_deref()), (vec!["1021".to_string(), "1022".to_string()], Some("ID")));
        // Nothing submitted yet: the likeliest name.
        assert_eq!(parse(canvas, &ids(&[])).unwrap().column.as_deref(), Some("ID"));
    }

    #[test]
    fn moodle_semicolons_and_email() {
        let moodle = "\u{feff}First name;Last name;Email address\nOscar;Martinez;oscar@example.com\n";
        let roster = parse(moodle, &ids(&["oscar@example.com"])).unwrap();
        assert_eq!(roster.ids, ["oscar@example.com"]);
        assert_eq!(roster.column.as_deref(), Some("Email address"));
    }

    #[test]
    fn a_csv_without_an_id_column_is_refused() {
        let err = parse("name,section\nAngela,A\n", &ids(&[])).unwrap_err();
        assert!(err.to_string().contains("names no id column"), "{err}");
        // A one-column list headed `login` is a CSV.
        assert_eq!(parse("login\nangela\n", &ids(&[])).unwrap().ids, ["angela"]);
    }
}
