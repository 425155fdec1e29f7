// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate office_supplies_solution as office_supplies;
include!("../../../../exercises/python-from-rust/office_supplies/tests/check.rs");
