// Runs the exercise's stage checks, and so its snapshots, against the solution.
extern crate cffi_port_solution as cffi_port;
include!("../../../../exercises/c-abi/cffi_port/tests/check.rs");
