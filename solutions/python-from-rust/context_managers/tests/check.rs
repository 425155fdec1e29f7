// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate context_managers_solution as context_managers;
include!("../../../../exercises/python-from-rust/context_managers/tests/check.rs");
