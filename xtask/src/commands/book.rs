//! `cargo xtask book [--open]`: builds the book with mdBook's library (`mdbook-driver`,
//! search on) into `target/book` and prints the page to open.

use crate::flags::Book;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

impl Book {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let index = build(&ws.path("book"))?;
        ui::line(&format!("The book is at {}", index.display()));
        ui::line(&format!("Open file://{} in a browser.", index.display()));
        if self.open {
            if let Err(err) = opener::open(&index) {
                ui::note(&format!("could not open a browser ({err}); open the path above by hand"));
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Builds the mdBook in `book_dir` and returns its `index.html`.
///
/// # Errors
/// mdBook's error, e.g. a page listed in `SUMMARY.md` that does not exist or an
/// `{{#include}}` of a missing file.
pub fn build(book_dir: &Path) -> Result<PathBuf> {
    let book = mdbook_driver::MDBook::load(book_dir).with_context(|| format!("loading the book in {}", book_dir.display()))?;
    let build_dir = book.build_dir_for("html");
    book.build().context("building the book")?;
    let index = build_dir.join("index.html");
    Ok(std::fs::canonicalize(&index).unwrap_or(index))
}
