// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate custom_exceptions_solution as custom_exceptions;
include!("../../../../exercises/rust-from-python/custom_exceptions/tests/check.rs");
