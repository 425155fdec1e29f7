// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate async_fn_solution as async_fn;
include!("../../../../exercises/rust-from-python/async_fn/tests/check.rs");
