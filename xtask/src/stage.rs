//! Builds and runs an exercise crate's stage tests, and groups the verdicts by stage.
//!
//! Every kind of exercise is checked the same way, in three steps that `check`, `verify`,
//! `bless` and `grade` share:
//! 1. build: `cargo test --no-run --message-format=json --package <crate> --test check`
//!    gives the test binary's path, or the compiler's errors;
//! 2. for an exercise checked through a wheel (its `tests/` holds pytest files),
//!    `maturin build` writes the crate's wheel into a scratch folder, here and not in
//!    the test process, which only installs it into another scratch folder. It runs at
//!    the same time as step 1 (its own target folder, `target/maturin`), so that the two
//!    builds share the cores; cargo's errors come first when both fail. In the workspace
//!    (`wheel.rs`), maturin runs only when the crate's inputs changed, and the xtask
//!    unpacks each wheel once, for every later run;
//! 3. run the test binary itself (no second cargo), with `CHECK_REPORT` naming the file
//!    where the tests report what they observed.
//!
//! On a first check the venv's packages may still be installing (`python::start_venv`):
//! step 1 needs only the venv's interpreter, maturin waits for maturin, step 3 for all.
//!
//! The verdicts are then decided here (`verdict.rs`), from the report and the expected
//! values, never from what the test process printed.
//!
//! One module owns checking a stage, each file one step, with no import back up:
//! `report.rs` (the types), `build.rs` (cargo's and maturin's builds), `run.rs` (the
//! steps in the workspace), `libtest.rs` (the harness's text, explanations only),
//! `verdict.rs` (the verdicts), `rules.rs` (the stage rules' verdicts and how a failed
//! stage reads), `show.rs` (the terminal). The grader (`grade/exercise.rs`) runs the same
//! steps in its sandbox.

mod build;
mod libtest;
mod report;
pub mod rules;
mod run;
pub mod show;
pub mod verdict;
mod wheel;

pub use report::Report;
pub use run::{Which, run_with};
// What only the commands of the full course (not a students' repository) use: `bless`,
// `new`, and the authors' ones.
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub use report::Execution;
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub use run::{execute, run};
// What only the authors' and instructors' commands (the grader, verify, bless) use.
#[cfg(feature = "authoring")]
pub use build::{Builds, Color, build_args, builds_a_wheel, compiler_messages, wheel_args};
#[cfg(feature = "authoring")]
pub use report::{Ending, Observations, Ran, RuleVerdict};
#[cfg(feature = "authoring")]
pub use run::Scratch;
#[cfg(feature = "authoring")]
pub use verdict::judge;
