// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate typed_stubs_solution as typed_stubs;
include!("../../../../exercises/rust-from-python/typed_stubs/tests/check.rs");
