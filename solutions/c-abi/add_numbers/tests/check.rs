// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate add_numbers_solution as add_numbers;
include!("../../../../exercises/c-abi/add_numbers/tests/check.rs");
