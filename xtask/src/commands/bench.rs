//! `cargo xtask bench <name>`: benchmarks that print their figures and write them into a
//! generated page of the book. Speed is measured by commands like these, never by timed
//! tests. One file per benchmark under `bench/`.

use crate::flags::{Bench, BenchCommand};
use anyhow::Result;
use std::process::ExitCode;

mod check;
#[cfg(unix)]
mod first_run;
#[cfg(unix)]
mod grade;
mod gil;
mod overhead;
mod report;

impl Bench {
    pub fn run(self) -> Result<ExitCode> {
        match self.command {
            BenchCommand::Overhead(cmd) => cmd.run(),
            #[cfg(unix)]
            BenchCommand::Grade(args) => grade::run(&args),
            #[cfg(not(unix))]
            BenchCommand::Grade(_) => anyhow::bail!("`cargo xtask bench grade` runs on Linux or macOS, like the grader"),
            BenchCommand::Gil(cmd) => gil::run(cmd),
            #[cfg(unix)]
            BenchCommand::FirstRun(args) => first_run::run(&args),
            #[cfg(not(unix))]
            BenchCommand::FirstRun(_) => anyhow::bail!("`cargo xtask bench first-run` measures CPU time with getrusage, on Linux or macOS"),
            BenchCommand::Check(args) => check::run(&args),
            BenchCommand::Report(args) => report::run(&args),
        }
    }
}

/// The load average over 1, 5 and 15 minutes (`/proc/loadavg`), `0.52 0.61 0.70`, or
/// "unknown" where there is none: printed before and after a benchmark's runs.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").ok().map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")).unwrap_or_else(|| "unknown".to_string())
}

/// The machine a benchmark ran on, for the table's caption: the CPU model (from
/// `/proc/cpuinfo` on Linux, `sysctl` on macOS, else "an unknown CPU") and the number of
/// cores the process may use.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    format!("{}, {cores} core{}", cpu_model(), if cores == 1 { "" } else { "s" })
}

fn cpu_model() -> String {
    if let Ok(info) = fs_err::read_to_string("/proc/cpuinfo") {
        let model = info
            .lines()
            .find(|l| l.starts_with("model name") || l.starts_with("Model") || l.starts_with("Hardware"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(model) = model.filter(|m| !m.is_empty()) {
            return model;
        }
    }
    if let Ok(out) = std::process::Command::new("sysctl").args(["-n", "machdep.cpu.brand_string"]).output() {
        let model = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !model.is_empty() {
            return model;
        }
    }
    "an unknown CPU".to_string()
}
