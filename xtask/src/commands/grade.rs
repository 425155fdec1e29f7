//! `cargo xtask grade`: grades a class's submissions; the work lives in `crate::grade`.

use crate::flags::{Confine, Grade};
use anyhow::Result;
use std::process::ExitCode;

impl Grade {
    #[cfg(unix)]
    pub fn run(self) -> Result<ExitCode> {
        crate::grade::run(self)
    }

    #[cfg(not(unix))]
    pub fn run(self) -> Result<ExitCode> {
        anyhow::bail!("`cargo xtask grade` runs on Linux or macOS (it needs process groups and resource limits); grade in WSL, a container or CI")
    }
}

impl Confine {
    #[cfg(unix)]
    pub fn run(self) -> Result<ExitCode> {
        crate::grade::confine::run(self)
    }

    #[cfg(not(unix))]
    pub fn run(self) -> Result<ExitCode> {
        anyhow::bail!("confinement uses Linux's Landlock; this system has none")
    }
}
