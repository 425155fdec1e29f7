//! `cargo xtask book --student`: the edition of the book to hand out to students, built
//! into `target/book-student` (beside the full book in `target/book`).
//!
//! It is the full book minus what gives answers away:
//! - pages under the folders of [`LEFT_OUT`] (`solutions/`, `instructors/`), and a part
//!   title of SUMMARY.md left with no page;
//! - the `<details>` blocks whose summary is "Instructor notes";
//! - links to a left-out page: their text stays, the link goes, so nothing dangles;
//! - the sentence that ends every exercise page, "The solution is on the [solutions
//!   page](...).", which says instead when students get the solutions ([`SOLUTIONS_LATER`]).
//!
//! The sources are not touched: the changes are made on mdBook's in-memory book, before
//! its preprocessors expand the includes.

use crate::workspace::Workspace;
use anyhow::{Context, Result};
use mdbook_driver::book::{Book, BookItem, Chapter};
use std::path::{Component, Path, PathBuf};

/// Folders of `book/src` whose pages students do not get.
pub const LEFT_OUT: &[&str] = &["solutions", "instructors"];

/// What the students' edition says where the full book links an exercise to its solution.
pub const SOLUTIONS_LATER: &str =
    "The solutions are not in this edition: your instructor hands them out once the exercise is due.";

/// Where the students' edition goes, relative to the root.
pub const OUTPUT: &str = "target/book-student";

/// Builds the students' edition and returns its `index.html`.
///
/// # Errors
/// mdBook's errors, as for the full book.
pub fn build(ws: &Workspace) -> Result<PathBuf> {
    let mut book = mdbook_driver::MDBook::load(ws.path("book")).context("loading the book")?;
    book.config.build.build_dir = ws.path(OUTPUT);
    book.book = students_book(std::mem::take(&mut book.book));
    let _ = fs_err::remove_dir_all(ws.path(OUTPUT));
    book.build().context("building the students' edition")?;
    // mdBook mirrors the source folders; a left-out folder ends up empty: remove it.
    for folder in LEFT_OUT {
        let dir = ws.path(OUTPUT).join(folder);
        let has_files = walkdir::WalkDir::new(&dir).into_iter().flatten().any(|e| e.file_type().is_file());
        if dir.is_dir() && !has_files {
            fs_err::remove_dir_all(&dir).with_context(|| format!("removing the empty {}", dir.display()))?;
        }
    }
    Ok(ws.path(OUTPUT).join("index.html"))
}

/// Whether the page at `path` (relative to `book/src`) is left out of the students' edition.
pub fn left_out(path: &Path) -> bool {
    path.components().next().is_some_and(|c| LEFT_OUT.iter().any(|f| c.as_os_str() == *f))
}

fn students_book(book: Book) -> Book {
    let mut items = keep(book.items);
    drop_empty_part_titles(&mut items);
    let mut book = Book::new_with_items(items);
    book.for_each_chapter_mut(|chapter| {
        let page = chapter.path.clone().unwrap_or_default();
        let content = without_solution_sentences(&without_instructor_notes(&chapter.content));
        chapter.content = without_links_to_left_out(&content, &page);
    });
    book
}

fn keep(items: Vec<BookItem>) -> Vec<BookItem> {
    items
        .into_iter()
        .filter_map(|item| match item {
            BookItem::Chapter(chapter) if chapter.path.as_deref().is_some_and(left_out) => None,
            BookItem::Chapter(chapter) => Some(BookItem::Chapter(Chapter { sub_items: keep(chapter.sub_items), ..chapter })),
            other => Some(other),
        })
        .collect()
}

/// Removes a part title followed by no chapter (before the next title, separator or the end).
fn drop_empty_part_titles(items: &mut Vec<BookItem>) {
    let mut i = 0;
    while i < items.len() {
        let empty = matches!(items[i], BookItem::PartTitle(_))
            && !matches!(items.get(i + 1), Some(BookItem::Chapter(_)));
        if empty { items.remove(i); } else { i += 1; }
    }
}

/// The page without its `<details>` blocks whose `<summary>` says "Instructor notes".
pub fn without_instructor_notes(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("<details>") {
        let after = &rest[start..];
        let Some(end) = after.find("</details>") else { break };
        let block = &after[..end + "</details>".len()];
        out.push_str(&rest[..start]);
        if !block.contains("Instructor notes") {
            out.push_str(block);
        }
        rest = &after[end + "</details>".len()..];
    }
    out.push_str(rest);
    out
}

/// The page with the sentence that links an exercise to its solution, "The solution is on
/// the [solutions page](...solutions/...).", (across a line break too) replaced by
/// [`SOLUTIONS_LATER`].
pub fn without_solution_sentences(markdown: &str) -> String {
    let sentence = regex::Regex::new(r"The\s+solution\s+is\s+on\s+the\s+\[solutions page\]\([^)\s]*solutions/[^)\s]*\)\.")
        .expect("a valid pattern");
    sentence.replace_all(markdown, SOLUTIONS_LATER).into_owned()
}

/// The page with every inline link `[text](target)` to a left-out page replaced by its text.
pub fn without_links_to_left_out(markdown: &str, page: &Path) -> String {
    without_links_to(markdown, page, left_out)
}

/// The page with every inline link `[text](target)` to a page for which `gone` (given a
/// path relative to `book/src`) is true replaced by its text; `cargo xtask class export`
/// also drops the pages of exercises a class does not get.
pub fn without_links_to(markdown: &str, page: &Path, gone: impl Fn(&Path) -> bool) -> String {
    let link = regex::Regex::new(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)").expect("a valid pattern");
    link.replace_all(markdown, |caps: &regex::Captures<'_>| {
        let target = caps[3].split('#').next().unwrap_or_default();
        let external = target.contains("://") || target.starts_with("mailto:");
        if caps[1].is_empty() && !external && !target.is_empty() && gone(&resolve(page, target)) {
            caps[2].to_string()
        } else {
            caps[0].to_string()
        }
    })
    .into_owned()
}

/// `target`, a link on the page `page`, as a path relative to `book/src`.
pub fn resolve(page: &Path, target: &str) -> PathBuf {
    let mut out = Vec::new();
    for part in page.parent().unwrap_or(Path::new("")).join(target).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name.to_os_string()),
            _ => {}
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_left_out_pages_become_text() {
        let page = Path::new("python-from-rust/exercises/call_function.md");
        let text = "See the [solutions page](../../solutions/python-from-rust.md#x), [calling](../calling.md) and [PyO3](https://pyo3.rs).";
        assert_eq!(
            without_links_to_left_out(text, page),
            "See the solutions page, [calling](../calling.md) and [PyO3](https://pyo3.rs)."
        );
    }

    #[test]
    fn the_solution_sentence_says_when_solutions_come() {
        let text = "Stuck? Read it again. The solution is on the\n[solutions page](../../solutions/c-abi/add_numbers.md).\n";
        assert_eq!(without_solution_sentences(text), format!("Stuck? Read it again. {SOLUTIONS_LATER}\n"));
    }

    #[test]
    fn only_instructor_notes_go() {
        let text = "a\n<details>\n<summary>Instructor notes</summary>\nsecret\n</details>\nb\n<details><summary>More</summary>kept</details>\n";
        assert_eq!(without_instructor_notes(text), "a\n\nb\n<details><summary>More</summary>kept</details>\n");
    }
}
