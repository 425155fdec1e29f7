//! `cargo xtask grade`: grades a class's submissions; the work lives in `crate::grade`.

use crate::flags::Grade;
use anyhow::Result;
use std::process::ExitCode;

impl Grade {
    pub fn run(self) -> Result<ExitCode> {
        crate::grade::run(self)
    }
}
