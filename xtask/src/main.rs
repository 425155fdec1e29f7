//! `cargo xtask`: the workbook's one entry point, for students, authors and instructors.

// Runs an authors' command again in the full build: only where that build exists and
// the command is not compiled in.
#[cfg(all(not(feature = "authoring"), any(not(feature = "book"), not(feature = "students-edition"))))]
mod authoring;
#[cfg(feature = "authoring")]
mod booktests;
// `cargo xtask class`: the students' repository and the autograders (instructors).
#[cfg(feature = "authoring")]
mod class;
mod commands;
mod content_key;
mod course;
mod damage;
mod disk;
// The book's pages each exercise needs: `new` writes them, `verify` requires them.
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
mod exercise_pages;
mod flags;
mod git_changes;
// What a student hands in: `pack` writes it, the grader unpacks it by the same rule.
mod handin;
// The grader relies on Unix process groups and resource limits.
#[cfg(all(unix, feature = "authoring"))]
mod grade;
mod layout;
#[cfg(feature = "book")]
mod mdbook;
// Work on one thread per core, its results in order: `verify`'s exercises, the grader's
// held-out solutions.
#[cfg(feature = "authoring")]
mod parallel;
mod progress;
// The book a students' repository ships: `class export` renders it, a students' `book`
// shows it.
#[cfg(any(feature = "authoring", not(feature = "book")))]
mod rendered_book;
// The book's generated rule lists: `book` writes them, `new` too (in the full course).
#[cfg(any(feature = "book", not(feature = "students-edition")))]
mod rule_pages;
mod seed;
mod stage;
#[cfg(feature = "book")]
mod students_edition;
mod python;
#[cfg(feature = "book")]
mod tools;
mod ui;
mod workspace;
#[cfg(all(unix, feature = "authoring"))]
mod answers;

use clap::Parser;
use flags::Command;

fn main() -> std::process::ExitCode {
    let start = std::time::Instant::now();
    let code = run();
    // The xtask's own time, for `bench check` (which subtracts it from the wall time of
    // `cargo xtask` to find what `cargo run` costs); nothing when it is not measuring.
    check_report::timing::record("xtask", start);
    code
}

fn run() -> std::process::ExitCode {
    let cli = flags::Cli::parse();
    let result = match cli.command {
        Command::Check(cmd) => cmd.run(),
        Command::Hint(cmd) => cmd.run(),
        Command::List(cmd) => cmd.run(),
        Command::Doctor(cmd) => cmd.run(),
        #[cfg(feature = "book")]
        Command::Book(cmd) => cmd.run(),
        // The book a students' repository ships, while its sources are unchanged; else
        // the build that compiles mdBook.
        #[cfg(not(feature = "book"))]
        Command::Book(cmd) => match rendered_book::show_if_current(&cmd) {
            Some(code) => Ok(code),
            None => authoring::run_in_full_build(),
        },
        #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
        Command::Bless(cmd) => cmd.run(),
        #[cfg(any(feature = "authoring", not(feature = "students-edition")))]
        Command::New(cmd) => cmd.run(),
        #[cfg(feature = "authoring")]
        Command::Verify(cmd) => cmd.run(),
        #[cfg(feature = "authoring")]
        Command::Grade(cmd) => cmd.run(),
        #[cfg(feature = "authoring")]
        Command::Bench(cmd) => cmd.run(),
        #[cfg(feature = "authoring")]
        Command::Confine(cmd) => cmd.run(),
        #[cfg(feature = "authoring")]
        Command::Class(cmd) => cmd.run(),
        // The students' build of the full repository runs the authors' commands again in
        // the full build; a students' repository (`students-edition`) has none of them.
        #[cfg(all(not(feature = "authoring"), not(feature = "students-edition")))]
        Command::Verify(_) | Command::Grade(_) | Command::Bench(_) | Command::Confine(_) | Command::Class(_) => authoring::run_in_full_build(),
        Command::Watch(cmd) => cmd.run(),
        Command::Pack(cmd) => cmd.run(),
        Command::Reset(cmd) => cmd.run(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let message = format!("{err:#}");
            ui::error(&message);
            if disk::says_full(&message) {
                if let Ok(ws) = workspace::Workspace::find() {
                    ui::error(&disk::full_message(&ws.target_dir()));
                }
            }
            std::process::ExitCode::from(2)
        }
    }
}
