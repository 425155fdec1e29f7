// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate iteration_solution as iteration;
include!("../../../../exercises/rust-from-python/iteration/tests/check.rs");
