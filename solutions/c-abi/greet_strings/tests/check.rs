// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate greet_strings_solution as greet_strings;
include!("../../../../exercises/c-abi/greet_strings/tests/check.rs");
