// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate memory_model_solution as memory_model;
include!("../../../../exercises/rust-from-python/memory_model/tests/check.rs");
