// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate enums_and_inheritance_solution as enums_and_inheritance;
include!("../../../../exercises/rust-from-python/enums_and_inheritance/tests/check.rs");
