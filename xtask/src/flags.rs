//! The command line, parsed with clap's derive API: one variant per subcommand, each
//! implemented in its own file under `commands/`.

use clap::{Args, Parser, Subcommand};

/// Rust ⇄ Python: the workbook's tasks.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check exercises: with no name, every exercise in order up to the first unsolved one.
    Check(Check),
    /// Show the hints of an exercise, one more each time you ask.
    Hint(Hint),
    /// Show every exercise with its part and its progress.
    List(List),
    /// Build the book into target/book and print where it is.
    Book(Book),
    /// Prove the course (authors and CI): metadata, starters, solutions, snapshots, book, tests.
    Verify(Verify),
    /// Regenerate an exercise's snapshots from its solution (authors only).
    Bless(Bless),
    /// Show which Python the workbook uses and whether embedded Python really is that one.
    Doctor(Doctor),
    /// Check the current exercise again each time you save it; move on when it passes.
    Watch(Watch),
    /// Restore an exercise's starter files, keeping a backup of yours.
    Reset(Reset),
    /// Scaffold a new exercise: starter, solution, tests, metadata and book page (authors).
    New(New),
}

#[derive(Debug, Args)]
pub struct Check {
    /// The exercise to check, by name (see `cargo xtask list`).
    pub exercise: Option<String>,
}

#[derive(Debug, Args)]
pub struct Hint {
    /// The exercise whose hints to show.
    pub exercise: String,
    /// Show every hint at once instead of one more than last time.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct List {}

#[derive(Debug, Args)]
pub struct Book {
    /// Open the built book in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Build the students' edition, without solution pages and instructor notes, into
    /// target/book-student.
    #[arg(long, conflicts_with = "serve")]
    pub student: bool,
    /// Serve the book on http://127.0.0.1:PORT with live reload (runs the `mdbook`
    /// binary, installed into .workbook/tools on first use).
    #[arg(long)]
    pub serve: bool,
    /// The port `--serve` listens on.
    #[arg(long, default_value_t = 3000, requires = "serve")]
    pub port: u16,
    /// Only install the `mdbook` binary `--serve` uses, into .workbook/tools (CI does it once).
    #[arg(long, conflicts_with_all = ["serve", "student", "open"])]
    pub install_mdbook: bool,
}

#[derive(Debug, Args)]
pub struct Verify {
    /// Verify only these exercises (comma-separated names); the book and tests still run.
    #[arg(long, value_delimiter = ',')]
    pub exercises: Vec<String>,
}

#[derive(Debug, Args)]
pub struct Bless {
    /// The exercise whose snapshots to regenerate.
    pub exercise: String,
}

#[derive(Debug, Args)]
pub struct Doctor {}

#[derive(Debug, Args)]
pub struct Watch {
    /// Start with this exercise instead of the first unsolved one.
    pub exercise: Option<String>,
}

#[derive(Debug, Args)]
pub struct Reset {
    /// The exercise whose editable files to restore.
    pub exercise: String,
}

#[derive(Debug, Args)]
pub struct New {
    /// The new exercise's name, in snake_case (it is also its crate's name).
    pub name: String,
    /// The part it belongs to, one of the `[[parts]]` ids of exercises/info.toml.
    #[arg(long)]
    pub part: String,
    /// How its code meets Python.
    #[arg(long, default_value = "embedding", value_parser = ["embedding", "extension-module", "c-abi"])]
    pub kind: String,
}
