// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate differential_testing_solution as differential_testing;
include!("../../../../exercises/rust-from-python/differential_testing/tests/check.rs");
