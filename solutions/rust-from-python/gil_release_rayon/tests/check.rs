// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate gil_release_rayon_solution as gil_release_rayon;
include!("../../../../exercises/rust-from-python/gil_release_rayon/tests/check.rs");
