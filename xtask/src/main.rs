//! `cargo xtask`: the workbook's one entry point, for students, authors and instructors.

mod booktests;
mod commands;
mod course;
mod flags;
// The grader relies on Unix process groups and resource limits.
#[cfg(unix)]
mod grade;
mod layout;
mod libtest;
mod progress;
mod show;
mod python;
mod stages;
mod tools;
mod ui;
mod verdict;
mod workspace;

use clap::Parser;
use flags::Command;

fn main() -> std::process::ExitCode {
    let cli = flags::Cli::parse();
    let result = match cli.command {
        Command::Check(cmd) => cmd.run(),
        Command::Hint(cmd) => cmd.run(),
        Command::List(cmd) => cmd.run(),
        Command::Book(cmd) => cmd.run(),
        Command::Verify(cmd) => cmd.run(),
        Command::Bless(cmd) => cmd.run(),
        Command::Doctor(cmd) => cmd.run(),
        Command::Grade(cmd) => cmd.run(),
        Command::Bench(cmd) => cmd.run(),
        Command::Watch(cmd) => cmd.run(),
        Command::Reset(cmd) => cmd.run(),
        Command::New(cmd) => cmd.run(),
        Command::Confine(cmd) => cmd.run(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            ui::error(&format!("{err:#}"));
            std::process::ExitCode::from(2)
        }
    }
}
