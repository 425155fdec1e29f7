// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate magic_methods_solution as magic_methods;
include!("../../../../exercises/rust-from-python/magic_methods/tests/check.rs");
