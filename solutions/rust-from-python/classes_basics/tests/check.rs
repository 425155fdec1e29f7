// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate classes_basics_solution as classes_basics;
include!("../../../../exercises/rust-from-python/classes_basics/tests/check.rs");
