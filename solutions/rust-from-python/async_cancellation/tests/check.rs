// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate async_cancellation_solution as async_cancellation;
include!("../../../../exercises/rust-from-python/async_cancellation/tests/check.rs");
