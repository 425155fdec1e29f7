// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate zero_copy_buffers_solution as zero_copy_buffers;
include!("../../../../exercises/rust-from-python/zero_copy_buffers/tests/check.rs");
