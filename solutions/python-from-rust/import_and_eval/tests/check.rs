// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate import_and_eval_solution as import_and_eval;
include!("../../../../exercises/python-from-rust/import_and_eval/tests/check.rs");
