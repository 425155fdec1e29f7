// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate fix_dwights_algorithm_solution as fix_dwights_algorithm;
include!("../../../../exercises/round-trip/fix_dwights_algorithm/tests/check.rs");
