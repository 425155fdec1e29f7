//! `cargo xtask bench <what>`: benchmarks that print figures, one file per benchmark
//! under `bench/`. A benchmark is a command, never a timed test: speed goals are shown,
//! not asserted.

use crate::flags::{Bench, BenchCommand};
use anyhow::Result;
use std::process::ExitCode;

mod gil;

impl Bench {
    pub fn run(self) -> Result<ExitCode> {
        match self.command {
            BenchCommand::Gil(cmd) => gil::run(cmd),
        }
    }
}

/// The machine a benchmark ran on: the CPU model (from `/proc/cpuinfo` where there is
/// one) and the number of logical cores, for the tables the book shows.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| format!("an unknown {} CPU", std::env::consts::ARCH));
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    format!("{cpu}, {cores} logical cores, {} {}", std::env::consts::OS, std::env::consts::ARCH)
}
