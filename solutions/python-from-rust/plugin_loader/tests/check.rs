// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate plugin_loader_solution as plugin_loader;
include!("../../../../exercises/python-from-rust/plugin_loader/tests/check.rs");
