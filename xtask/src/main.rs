//! `cargo xtask`: the workbook's one entry point, for students, authors and instructors.

mod commands;
mod course;
mod flags;
mod layout;
mod libtest;
mod progress;
mod show;
mod python;
mod stages;
mod ui;
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
        Command::Bench(cmd) => cmd.run(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            ui::error(&format!("{err:#}"));
            std::process::ExitCode::from(2)
        }
    }
}
