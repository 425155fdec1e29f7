// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate keyword_arguments_solution as keyword_arguments;
include!("../../../../exercises/python-from-rust/keyword_arguments/tests/check.rs");
