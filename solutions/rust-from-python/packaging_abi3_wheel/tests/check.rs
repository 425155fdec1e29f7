// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate packaging_abi3_wheel_solution as packaging_abi3_wheel;
include!("../../../../exercises/rust-from-python/packaging_abi3_wheel/tests/check.rs");
