// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate signatures_with_defaults_solution as signatures_with_defaults;
include!("../../../../exercises/rust-from-python/signatures_with_defaults/tests/check.rs");
