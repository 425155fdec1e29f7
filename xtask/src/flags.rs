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
    /// Run a benchmark and print its figures (and write the table the book shows).
    Bench(Bench),
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
pub struct Bench {
    #[command(subcommand)]
    pub command: BenchCommand,
}

/// One variant per benchmark; each is implemented in `commands/bench/<name>.rs`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Word frequencies: pure Python, Rust holding the GIL, Rust releasing it across threads.
    Gil(BenchGil),
}

#[derive(Debug, Args)]
pub struct BenchGil {
    /// Number of documents in the corpus.
    #[arg(long, default_value_t = 64)]
    pub documents: usize,
    /// Words per document.
    #[arg(long, default_value_t = 20_000)]
    pub words: usize,
    /// Runs per variant; the best time counts.
    #[arg(long, default_value_t = 5)]
    pub repeats: usize,
    /// Print the figures only; leave the book's table alone.
    #[arg(long)]
    pub no_write: bool,
}
