// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate numpy_arrays_solution as numpy_arrays;
include!("../../../../exercises/rust-from-python/numpy_arrays/tests/check.rs");
