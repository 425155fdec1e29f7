// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate several_files_solution as several_files;
include!("../../../../exercises/python-from-rust/several_files/tests/check.rs");
