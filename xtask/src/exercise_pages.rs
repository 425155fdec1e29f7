//! The book's pages every exercise needs, where each lives, and whether it is there: its
//! page, its solutions page, their lines in `SUMMARY.md`, and its row in its part's
//! exercise table. `new` writes them (`commands/new.rs`), `verify` requires them
//! ([`problems`]).
//!
//! An exercise `NAME` of part `PART` has, under `book/src/`:
//! - its page, `PART/exercises/NAME.md` (or `page` in `info.toml`, [`Exercise::page`]);
//! - its solutions page, `solutions/PART/NAME.md` (or `solution_page` in `info.toml`),
//!   listed in the part's solutions index `solutions/PART.md`;
//! - a line in `SUMMARY.md` linking each of the two;
//! - a row `| N | [NAME](exercises/NAME.md) | what it practises | stages |` in the part's
//!   list `PART/exercises.md`, unless its page is one of its own (`page`: the capstone,
//!   which no table lists). The table's names, order and stages, and the list's time
//!   sentence, are checked by the book's suite (`book/tests/python/test_course_times.py`).

#[cfg(feature = "authoring")]
use crate::course::Exercise;
#[cfg(feature = "authoring")]
use crate::workspace::Workspace;
use std::path::PathBuf;

/// `book/src`, relative to the repository root.
pub const BOOK_SRC: &str = "book/src";

/// The book's table of contents, relative to the repository root.
pub const SUMMARY: &str = "book/src/SUMMARY.md";

// Where an exercise's pages are by default: `course.rs` decides, since `info.toml`'s
// `page` and `solution_page` override them.
pub use crate::course::{default_page, default_solution_page};

/// The exercise list of `part` (with its table), relative to `book/src/`.
pub fn part_list(part: &str) -> PathBuf {
    PathBuf::from(part).join("exercises.md")
}

/// The index of `part`'s solutions pages, relative to `book/src/`.
pub fn solutions_index(part: &str) -> PathBuf {
    PathBuf::from("solutions").join(format!("{part}.md"))
}

/// The row of the exercise `name` in its part's table, up to the link: `| 3 | [name](exercises/name.md) |`.
pub fn table_row_start(number: usize, name: &str) -> String {
    format!("| {number} | [{name}](exercises/{name}.md) |")
}

#[cfg(feature = "authoring")]
/// Whether `text` (a part's list) has a table row for the exercise `name`, whatever its number.
fn has_table_row(text: &str, name: &str) -> bool {
    let link = format!(" | [{name}](exercises/{name}.md) |");
    text.lines().any(|line| line.starts_with("| ") && line.split_once(" | [").is_some_and(|(number, _)| number[2..].trim().parse::<usize>().is_ok()) && line.contains(&link))
}

#[cfg(feature = "authoring")]
/// Whether `summary` has a line linking `page` (relative to `book/src/`).
fn links(summary: &str, page: &std::path::Path) -> bool {
    let target = format!("]({})", page.display());
    summary.lines().any(|line| line.contains(&target))
}

#[cfg(feature = "authoring")]
/// What `verify` requires of the pages of `exercise`, one message per missing piece, each
/// naming the file to write or edit: the page and the solutions page exist, `SUMMARY.md`
/// links both, and the part's table has the exercise's row (`cargo xtask new` writes all
/// four for a new exercise).
pub fn problems(ws: &Workspace, exercise: &Exercise) -> Vec<String> {
    let src = PathBuf::from(BOOK_SRC);
    let name = exercise.name();
    let mut out = Vec::new();
    let summary = std::fs::read_to_string(ws.path(SUMMARY)).unwrap_or_default();
    for (what, page) in [("page", exercise.page()), ("solutions page", exercise.solution_page())] {
        let path = src.join(&page);
        if !ws.path(&path).is_file() {
            out.push(format!("{} is missing: write the exercise's {what} (`cargo xtask new` scaffolds one)", path.display()));
        }
        if !links(&summary, &page) {
            out.push(format!("{SUMMARY} has no line linking {}: add `- [{name}]({})` where the sidebar should show it", page.display(), page.display()));
        }
    }
    if exercise.page.is_none() {
        let list = src.join(part_list(exercise.part.get_ref()));
        match std::fs::read_to_string(ws.path(&list)) {
            Ok(text) if has_table_row(&text, name) => {}
            Ok(_) => out.push(format!(
                "{} has no row for `{name}` in its exercise table: add `{} what it practises | {} |` in the order of exercises/info.toml",
                list.display(),
                table_row_start(0, name).replace("| 0 |", "| N |"),
                exercise.stages.get_ref().len()
            )),
            Err(_) => out.push(format!("{} is missing: the part's exercise list, with a table row per exercise", list.display())),
        }
    }
    out
}

#[cfg(all(test, feature = "authoring"))]
mod tests {
    use super::*;

    #[test]
    fn a_table_row_is_found_by_its_link_whatever_its_number() {
        let text = "| # | exercise | practises | stages |\n| --- | --- | --- | --- |\n| 12 | [one](exercises/one.md) | x | 3 |\n";
        assert!(has_table_row(text, "one"));
        assert!(!has_table_row(text, "on"));
        assert!(!has_table_row("- [one](exercises/one.md)\n", "one"), "a list item is no table row");
    }

    #[test]
    fn every_exercise_of_the_course_has_its_pages() {
        let ws = Workspace::find().unwrap();
        let course = crate::course::Course::load(&ws.root).unwrap();
        let problems: Vec<String> = course.exercises.iter().flat_map(|e| problems(&ws, e)).collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
