// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate errors_enum_solution as errors_enum;
include!("../../../../exercises/rust-from-python/errors_enum/tests/check.rs");
