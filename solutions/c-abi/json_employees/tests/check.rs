// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate json_employees_solution as json_employees;
include!("../../../../exercises/c-abi/json_employees/tests/check.rs");
