//! The book's students' edition as sources, for a students' repository: the same cuts as
//! `cargo xtask book --student` (`students_edition.rs`), made on the files instead of
//! mdBook's in-memory book, so that `cargo xtask book` in the students' repository builds
//! that edition:
//! - no page under `solutions/` or `instructors/`, and no page that includes a file the
//!   students' repository does not have (an exercise page of an exercise not handed out);
//! - no `<details>` block of instructor notes, and no marker of the book's Python tests;
//! - a link to a page that is gone becomes its text; SUMMARY.md loses the entries of the
//!   pages that are gone (with their sub-entries) and the part titles left with none.

use crate::students_edition::{left_out, resolve, without_instructor_notes, without_links_to, without_solution_sentences};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The mdBook directives that pull a file into a page.
const INCLUDES: &[&str] = &["{{#include ", "{{#rustdoc_include ", "{{#playground "];

/// The book's pages (`book/src/**.md`, paths relative to `book/src`) and what the
/// students' edition does with them.
pub struct StudentsBook {
    /// Pages left out, relative to `book/src`.
    pub gone: BTreeSet<PathBuf>,
}

impl StudentsBook {
    /// Decides which of `pages` (relative to `book/src`, with their text) are left out:
    /// those under [`crate::students_edition::LEFT_OUT`] and those that include a
    /// repository file (repository-relative) that `exported` says is not handed out.
    pub fn new<'a>(pages: impl IntoIterator<Item = (&'a Path, &'a str)>, exported: impl Fn(&Path) -> bool) -> StudentsBook {
        let gone = pages
            .into_iter()
            .filter(|(page, text)| left_out(page) || includes(page, text).iter().any(|file| !exported(file)))
            .map(|(page, _)| page.to_path_buf())
            .collect();
        StudentsBook { gone }
    }

    /// Whether the page at `page` (relative to `book/src`) is left out.
    pub fn is_gone(&self, page: &Path) -> bool {
        self.gone.contains(page) || left_out(page)
    }

    /// The students' text of the kept page `page`.
    pub fn page(&self, page: &Path, text: &str) -> String {
        if page == Path::new("SUMMARY.md") {
            return self.summary(text);
        }
        let text = without_test_markers(text);
        without_links_to(&without_solution_sentences(&without_instructor_notes(&text)), page, |p| self.is_gone(p))
    }

    /// SUMMARY.md without the entries of gone pages (and their sub-entries) and without
    /// part titles left with no entry.
    fn summary(&self, text: &str) -> String {
        let mut lines: Vec<&str> = Vec::new();
        let mut dropping_below: Option<usize> = None;
        for line in text.lines() {
            let indent = line.len() - line.trim_start().len();
            if let Some(level) = dropping_below {
                if !line.trim().is_empty() && indent > level {
                    continue;
                }
                dropping_below = None;
            }
            if let Some(target) = entry_target(line)
                && self.is_gone(&resolve(Path::new("SUMMARY.md"), target))
            {
                dropping_below = Some(indent);
                continue;
            }
            lines.push(line);
        }
        // A part title (`# Title`) followed by no entry before the next title.
        let mut kept = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("# ") && i > 0 {
                let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
                if next.is_none_or(|l| l.starts_with("# ") || l.trim() == "---") {
                    continue;
                }
            }
            kept.push(*line);
        }
        let mut out = kept.join("\n");
        while out.ends_with("\n\n") || out.ends_with('\n') {
            out.pop();
        }
        out.push('\n');
        squeeze_blank_lines(&out)
    }
}

/// The link target of a SUMMARY.md entry (`- [Title](path.md)`, `[Title](path.md)`).
fn entry_target(line: &str) -> Option<&str> {
    let rest = line.trim_start().trim_start_matches(['-', '*']).trim_start();
    let rest = rest.strip_prefix('[')?;
    let close = rest.find("](")?;
    let target = &rest[close + 2..];
    target.find(')').map(|end| &target[..end]).filter(|t| !t.is_empty())
}

/// The repository-relative files the page `page` (relative to `book/src`) includes.
pub fn includes(page: &Path, text: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let from = Path::new("book/src").join(page);
    for directive in INCLUDES {
        for (at, _) in text.match_indices(directive) {
            let rest = &text[at + directive.len()..];
            let arg = rest.split(['}', ' ', '\n']).next().unwrap_or_default();
            let path = arg.split(':').next().unwrap_or_default();
            if !path.is_empty() {
                files.push(resolve(&from, path));
            }
        }
    }
    files
}

/// The page without the markers of the book's Python tests (`<!-- python: build
/// solutions/... -->`, `<!-- python: not run (...) -->`, `<!-- console: exits 1 (...) -->`):
/// the students' repository has neither those tests nor the crates some markers name.
fn without_test_markers(text: &str) -> String {
    let marker = |l: &str| ["<!-- python:", "<!-- console:"].iter().any(|m| l.trim_start().starts_with(m));
    let mut out: String = text.lines().filter(|l| !marker(l)).collect::<Vec<_>>().join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn squeeze_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        blank = if line.trim().is_empty() { blank + 1 } else { 0 };
        if blank <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_markers_are_left_out() {
        let page = "Run:\n\n<!-- console: exits 1 (the starter fails stage 1) -->\n```console\n$ cargo xtask check x\n```\n\n  <!-- python: not run (why) -->\n  ```python\n  pass\n  ```\n";
        assert_eq!(without_test_markers(page), "Run:\n\n```console\n$ cargo xtask check x\n```\n\n  ```python\n  pass\n  ```\n");
    }

    #[test]
    fn summary_loses_gone_pages_their_children_and_empty_parts() {
        let summary = "# Summary\n\n[Intro](intro.md)\n\n# Part\n\n- [Exercises](p/exercises.md)\n  - [one](p/exercises/one.md)\n  - [two](p/exercises/two.md)\n    - [two, more](p/two-more.md)\n\n# For instructors\n\n- [Running](instructors/running.md)\n\n# Solutions\n\n- [Part](solutions/p.md)\n";
        let pages = [(Path::new("p/exercises/two.md"), "{{#include ../../../../exercises/p/two/src/lib.rs:exercise}}")];
        let book = StudentsBook::new(pages, |f| !f.starts_with("exercises/p/two"));
        assert_eq!(
            book.page(Path::new("SUMMARY.md"), summary),
            "# Summary\n\n[Intro](intro.md)\n\n# Part\n\n- [Exercises](p/exercises.md)\n  - [one](p/exercises/one.md)\n"
        );
        assert_eq!(book.page(Path::new("p/exercises.md"), "[one](exercises/one.md) [two](exercises/two.md)"), "[one](exercises/one.md) two");
    }

    #[test]
    fn includes_are_repository_relative() {
        let text = "```rust\n{{#include ../../../../exercises/p/one/src/lib.rs:exercise}}\n```\n{{#include gil-table.md}}\n";
        assert_eq!(
            includes(Path::new("p/exercises/one.md"), text),
            vec![PathBuf::from("exercises/p/one/src/lib.rs"), PathBuf::from("book/src/p/exercises/gil-table.md")]
        );
    }
}
