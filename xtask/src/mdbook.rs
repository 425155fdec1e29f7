//! Building the book with mdBook's library (`mdbook-driver`, search on), after a check
//! that mdBook itself does not make: an `{{#include FILE:ANCHOR}}` whose file or anchor
//! does not exist builds into an empty code block without a word. Used by `book`, `verify`
//! and `class export`.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Builds the mdBook in `book_dir` and returns its `index.html`.
///
/// # Errors
/// mdBook's error, e.g. a page listed in `SUMMARY.md` that does not exist or an
/// `{{#include}}` of a missing file.
pub fn build(book_dir: &Path) -> Result<PathBuf> {
    build_with(book_dir, None)
}

/// [`build`], into `build_dir` instead of the folder `book.toml` names (`class export`
/// renders the students' book into the repository it makes, `rendered_book.rs`).
///
/// # Errors
/// As [`build`].
#[cfg(feature = "authoring")]
pub fn build_into(book_dir: &Path, build_dir: &Path) -> Result<PathBuf> {
    build_with(book_dir, Some(build_dir))
}

fn build_with(book_dir: &Path, build_dir: Option<&Path>) -> Result<PathBuf> {
    let broken = broken_includes(&book_dir.join("src"));
    if !broken.is_empty() {
        anyhow::bail!("{} include(s) would build into an empty block:\n{}", broken.len(), broken.join("\n"));
    }
    let mut book = mdbook_driver::MDBook::load(book_dir).with_context(|| format!("loading the book in {}", book_dir.display()))?;
    if let Some(dir) = build_dir {
        book.config.build.build_dir = dir.to_path_buf();
    }
    let build_dir = book.build_dir_for("html");
    book.build().context("building the book")?;
    let index = build_dir.join("index.html");
    Ok(fs_err::canonicalize(&index).unwrap_or(index))
}

/// Every `{{#include FILE:ANCHOR}}` (or `#rustdoc_include`) under `src` whose file or
/// anchor does not exist, as `page:line: ...` with the fix: mdBook builds those into an
/// empty block without a word. Line ranges (`FILE:10:20`) are not anchors.
fn broken_includes(src: &Path) -> Vec<String> {
    let directive = regex::Regex::new(r"\{\{#(?:include|rustdoc_include) ([^}:\s]+)(?::([A-Za-z_][A-Za-z0-9_-]*))?[^}]*\}\}").expect("a valid pattern");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(src).into_iter().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "md")) {
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        let page = entry.path().strip_prefix(src).unwrap_or(entry.path()).display().to_string();
        for (number, line) in text.lines().enumerate() {
            for found in directive.captures_iter(line) {
                let file = entry.path().parent().unwrap_or(src).join(&found[1]);
                let Ok(included) = std::fs::read_to_string(&file) else {
                    out.push(format!("{page}:{}: `{}` includes {}, which does not exist", number + 1, &found[0], file.display()));
                    continue;
                };
                if let Some(anchor) = found.get(2)
                    && !included.contains(&format!("ANCHOR: {}", anchor.as_str()))
                {
                    out.push(format!(
                        "{page}:{}: `{}`: {} has no `ANCHOR: {}` line (add it, or fix the name)",
                        number + 1,
                        &found[0],
                        found[1].to_string(),
                        anchor.as_str()
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_include_of_a_missing_anchor_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("lib.rs"), "// ANCHOR: exercise\nfn a() {}\n// ANCHOR_END: exercise\n").unwrap();
        std::fs::write(dir.path().join("page.md"), "# P\n\n```rust\n{{#include lib.rs:exercise}}\n{{#include lib.rs:exercize}}\n{{#include lib.rs:1:2}}\n{{#include gone.rs}}\n```\n").unwrap();
        let broken = broken_includes(dir.path());
        assert_eq!(broken.len(), 2, "{broken:?}");
        assert!(broken[0].starts_with("page.md:5:") && broken[0].contains("ANCHOR: exercize"), "{broken:?}");
        assert!(broken[1].starts_with("page.md:7:") && broken[1].contains("does not exist"), "{broken:?}");
    }
}
