//! `cargo xtask bench <what>`: one file per benchmark under `bench/`; each prints its
//! figures and the command that produced them.

#[cfg(unix)]
mod grade;

use crate::flags::{Bench, BenchWhich};
use anyhow::Result;
use std::process::ExitCode;

impl Bench {
    pub fn run(self) -> Result<ExitCode> {
        match self.which {
            #[cfg(unix)]
            BenchWhich::Grade(args) => grade::run(&args),
            #[cfg(not(unix))]
            BenchWhich::Grade(_) => anyhow::bail!("`cargo xtask bench grade` runs on Linux or macOS, like the grader"),
        }
    }
}
