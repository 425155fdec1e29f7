//! `cargo xtask class`: what an instructor needs to run the course for a class, made from
//! the repository by one command each.
//!
//! - `export DIR` (`export.rs`): the students' repository, ready for `git init` and a push:
//!   the exercises without their recorded wrong answers, the assets, the book's students'
//!   edition as sources (`book.rs`), the xtask with the students' commands only
//!   (`manifests.rs`: cargo feature `students-edition`), a README for students and, with
//!   `--classroom`, GitHub Classroom's autograding workflow (`classroom.rs`). No
//!   `solutions/`, no grading or authoring commands.
//! - `gradescope OUT.zip` (`gradescope.rs`): Gradescope's autograder archive, the whole
//!   course (solutions included: the grader needs them) with `setup.sh` and
//!   `run_autograder`, which runs `cargo xtask grade --gradescope`; with `--try
//!   SUBMISSION`, the kit then grades one submission here in Gradescope's layout
//!   (`try_kit.rs`).
//!
//! Both take `--exercises a,b` or `--part P` (`select.rs`): a week's assignment.

mod book;
mod classroom;
mod export;
mod autograder;
mod manifests;
mod select;
mod try_kit;

use crate::flags::{Class, ClassAction};
use anyhow::Result;
use std::process::ExitCode;

/// Runs `cargo xtask class <action>`.
///
/// # Errors
/// When the course cannot be read, a selected exercise or part does not exist, or the
/// output cannot be written.
pub fn run(args: Class) -> Result<ExitCode> {
    match args.action {
        ClassAction::Export(export) => export::run(&export),
        ClassAction::Gradescope(gradescope) => autograder::run(&gradescope),
    }
}
