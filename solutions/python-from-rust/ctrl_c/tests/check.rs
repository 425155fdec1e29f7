// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate ctrl_c_solution as ctrl_c;
include!("../../../../exercises/python-from-rust/ctrl_c/tests/check.rs");
