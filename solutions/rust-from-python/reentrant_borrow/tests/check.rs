// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate reentrant_borrow_solution as reentrant_borrow;
include!("../../../../exercises/rust-from-python/reentrant_borrow/tests/check.rs");
