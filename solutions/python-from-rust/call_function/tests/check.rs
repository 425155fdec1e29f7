// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate call_function_solution as call_function;
include!("../../../../exercises/python-from-rust/call_function/tests/check.rs");
