//! `cargo xtask book [--open | --student | --serve [--port P] | --install-mdbook]`.
//!
//! - plain: builds the book with mdBook's library (`mdbook-driver`, search on) into
//!   `target/book` and prints the page to open;
//! - `--student`: the edition to hand out, into `target/book-student` (see `students_edition.rs`);
//! - `--serve`: serves the book with live reload, through the `mdbook` binary, which
//!   `tools.rs` installs into `.workbook/tools` on first use;
//! - `--install-mdbook`: only that install (CI does it once, before `verify`).

use crate::students_edition;
use crate::flags::Book;
use crate::workspace::Workspace;
use crate::{tools, ui};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

impl Book {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        if self.install_mdbook {
            let mdbook = tools::mdbook(&ws)?;
            ui::line(&format!("mdbook is {}", mdbook.display()));
            return Ok(ExitCode::SUCCESS);
        }
        // The stage rules' lists, generated from info.toml, before any build reads them.
        if !cfg!(feature = "students-edition") {
            let course = crate::course::Course::load(&ws.root)?;
            for path in crate::rule_pages::write_pages(&ws, &course)? {
                ui::note(&format!("wrote {} from exercises/info.toml", path.display()));
            }
        }
        if self.serve {
            return serve(&ws, self.port);
        }
        let index = if self.student {
            let index = students_edition::build(&ws)?;
            ui::line("The students' edition: no solution pages, no instructor notes.");
            index
        } else {
            build(&ws.path("book"))?
        };
        ui::line(&format!("The book is at {}", index.display()));
        ui::line(&format!("Open file://{} in a browser.", index.display()));
        if self.open
            && let Err(err) = opener::open(&index)
        {
            ui::note(&format!("could not open a browser ({err}); open the path above by hand"));
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
    let broken = broken_includes(&book_dir.join("src"));
    if !broken.is_empty() {
        anyhow::bail!("{} include(s) would build into an empty block:\n{}", broken.len(), broken.join("\n"));
    }
    let book = mdbook_driver::MDBook::load(book_dir).with_context(|| format!("loading the book in {}", book_dir.display()))?;
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

/// Runs `mdbook serve` on the book, on 127.0.0.1:`port`, until Ctrl-C. On Unix the xtask
/// becomes mdbook (`exec`), so that stopping the xtask stops the server.
fn serve(ws: &Workspace, port: u16) -> Result<ExitCode> {
    let mdbook = tools::mdbook(ws)?;
    ui::line(&format!("Serving the book on http://127.0.0.1:{port}/ with live reload; Ctrl-C stops it."));
    let mut cmd = ws.command(&mdbook);
    cmd.arg("serve").arg(ws.path("book")).args(["--hostname", "127.0.0.1", "--port", &port.to_string()]);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = cmd.exec();
        Err(err).with_context(|| format!("starting {}", mdbook.display()))
    }
    #[cfg(not(unix))]
    {
        let status = cmd.status().with_context(|| format!("starting {}", mdbook.display()))?;
        Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    }
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
