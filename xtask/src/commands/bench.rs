//! `cargo xtask bench <what>`: one file per benchmark under `bench/`; each prints its
//! figures and the command that produced them.

mod grade;

use crate::flags::{Bench, BenchWhich};
use anyhow::Result;
use std::process::ExitCode;

impl Bench {
    pub fn run(self) -> Result<ExitCode> {
        match self.which {
            BenchWhich::Grade(args) => grade::run(&args),
        }
    }
}
