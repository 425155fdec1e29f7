// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate numpy_from_venv_solution as numpy_from_venv;
include!("../../../../exercises/python-from-rust/numpy_from_venv/tests/check.rs");
