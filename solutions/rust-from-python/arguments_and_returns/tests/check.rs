// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate arguments_and_returns_solution as arguments_and_returns;
include!("../../../../exercises/rust-from-python/arguments_and_returns/tests/check.rs");
