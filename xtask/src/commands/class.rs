//! `cargo xtask class export DIR` and `cargo xtask class gradescope OUT.zip`: see
//! `src/class.rs` and the book's instructors' chapter.

use crate::flags::Class;
use anyhow::Result;
use std::process::ExitCode;

impl Class {
    pub fn run(self) -> Result<ExitCode> {
        crate::class::run(self)
    }
}
