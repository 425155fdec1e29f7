// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate serde_exchange_solution as serde_exchange;
include!("../../../../exercises/rust-from-python/serde_exchange/tests/check.rs");
