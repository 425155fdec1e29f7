//! The book as a students' repository ships it, already rendered: `cargo xtask class
//! export` writes the HTML into `book/html/` with a digest of the sources it came from, so
//! that a student reads the book before anything is built (open `book/html/index.html`),
//! and `cargo xtask book` prints that page at once instead of compiling mdBook (about a
//! minute and a half on two cores) while the sources are unchanged.
//!
//! The sources are every file under `book/` but `book/html/` itself: the pages, the
//! generated rule lists, `book.toml`. Files that pages include from outside `book/` (the
//! starters' code) are not part of the digest: the shipped book shows them as shipped,
//! and a student's edits to an exercise never make it stale.

use anyhow::Result;
use std::path::Path;
#[cfg(any(not(feature = "book"), test))]
use std::path::PathBuf;

/// The folder of the rendered book, relative to the repository's root.
pub const DIR: &str = "book/html";

/// The file in [`DIR`] holding the digest of the sources it was rendered from (one line,
/// 64 hexadecimal digits).
pub const STAMP: &str = ".sources-sha256";

/// The key of the book's sources under `book_dir` (`crate::content_key`: each file's path
/// relative to `book_dir` and its bytes, in path order), as 64 hexadecimal digits.
///
/// # Errors
/// When a file cannot be read (the error names it).
pub fn digest(book_dir: &Path) -> Result<String> {
    let rendered = book_dir.join("html");
    let mut key = crate::content_key::ContentKey::new("workbook book sources, version 1");
    key.tree(book_dir, |e| e.path() == rendered)?;
    Ok(key.finish())
}

/// The shipped book's `index.html` under `root`, when [`DIR`] holds one rendered from the
/// sources as they are now; `None` when there is none or the sources changed since.
#[cfg(any(not(feature = "book"), test))]
pub fn current(root: &Path) -> Option<PathBuf> {
    let dir = root.join(DIR);
    let index = dir.join("index.html");
    let stamp = std::fs::read_to_string(dir.join(STAMP)).ok()?;
    let now = digest(&root.join("book")).ok()?;
    (index.is_file() && stamp.trim() == now).then_some(index)
}

/// `cargo xtask book` without mdBook compiled in: prints the shipped book's page when it
/// is current and the command asks for nothing else (`--open`, `--serve`, `--student` and
/// `--install-mdbook` need the build with mdBook), and returns the exit code; `None` when
/// that build must run.
#[cfg(not(feature = "book"))]
pub fn show_if_current(flags: &crate::flags::Book) -> Option<std::process::ExitCode> {
    if flags.open || flags.serve || flags.student || flags.install_mdbook {
        return None;
    }
    let ws = crate::workspace::Workspace::find().ok()?;
    let index = current(&ws.root)?;
    crate::ui::line(&format!("The book is at {} (as the course shipped it; it is rebuilt into target/book once its pages change).", index.display()));
    crate::ui::line(&format!("Open file://{} in a browser.", index.display()));
    Some(std::process::ExitCode::SUCCESS)
}

/// Writes the stamp of `rendered` (the folder [`DIR`] just rendered from `book_dir`).
///
/// # Errors
/// When the sources cannot be read or the stamp cannot be written.
#[cfg(feature = "authoring")]
pub fn stamp(book_dir: &Path, rendered: &Path) -> Result<()> {
    let digest = digest(book_dir)?;
    fs_err::write(rendered.join(STAMP), format!("{digest}\n"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(root: &Path) {
        std::fs::create_dir_all(root.join("book/src")).unwrap();
        std::fs::write(root.join("book/book.toml"), "[book]\n").unwrap();
        std::fs::write(root.join("book/src/SUMMARY.md"), "# Summary\n").unwrap();
        std::fs::create_dir_all(root.join(DIR)).unwrap();
        std::fs::write(root.join(DIR).join("index.html"), "<html></html>").unwrap();
        let digest = digest(&root.join("book")).unwrap();
        std::fs::write(root.join(DIR).join(STAMP), format!("{digest}\n")).unwrap();
    }

    #[test]
    fn a_rendered_book_is_current_until_a_source_changes() {
        let tmp = tempfile::tempdir().unwrap();
        book(tmp.path());
        assert_eq!(current(tmp.path()), Some(tmp.path().join(DIR).join("index.html")));
        // What the rendering wrote is not a source.
        std::fs::write(tmp.path().join(DIR).join("extra.html"), "x").unwrap();
        assert!(current(tmp.path()).is_some());
        std::fs::write(tmp.path().join("book/src/SUMMARY.md"), "# Summary\n- [New](new.md)\n").unwrap();
        assert_eq!(current(tmp.path()), None, "an edited page makes the shipped book stale");
    }

    #[test]
    fn a_new_or_renamed_source_makes_it_stale() {
        let tmp = tempfile::tempdir().unwrap();
        book(tmp.path());
        std::fs::write(tmp.path().join("book/src/new.md"), "").unwrap();
        assert_eq!(current(tmp.path()), None);
        std::fs::rename(tmp.path().join("book/src/new.md"), tmp.path().join("book/src/renamed.md")).unwrap();
        assert_eq!(current(tmp.path()), None);
    }

    #[test]
    fn no_stamp_or_no_index_is_no_book() {
        let tmp = tempfile::tempdir().unwrap();
        book(tmp.path());
        std::fs::remove_file(tmp.path().join(DIR).join(STAMP)).unwrap();
        assert_eq!(current(tmp.path()), None);
        book(tmp.path());
        std::fs::remove_file(tmp.path().join(DIR).join("index.html")).unwrap();
        assert_eq!(current(tmp.path()), None);
    }
}
