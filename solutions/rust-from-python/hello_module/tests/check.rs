// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate hello_module_solution as hello_module;
include!("../../../../exercises/rust-from-python/hello_module/tests/check.rs");
