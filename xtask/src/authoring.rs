//! The authors' and instructors' commands (`book`, `verify`, `grade`, `bench`) in the
//! students' build of the xtask, which leaves them out (cargo feature `authoring`): they
//! run again through `cargo run --manifest-path xtask/Cargo.toml --features authoring`, which builds the
//! full xtask the first time (about half a minute more) and reuses it afterwards. In a
//! students' repository (`cargo xtask class export`), only `book` remains of them, and it
//! runs with the feature `book`.

use anyhow::{Context, Result};
use std::process::{Command, ExitCode};

/// Runs the current command line again in the full xtask and returns its exit code.
///
/// # Errors
/// When cargo cannot start (`CARGO`, set by `cargo run`, else `cargo` on `PATH`).
pub fn run_in_full_build() -> Result<ExitCode> {
    let ws = crate::workspace::Workspace::find()?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let features = if cfg!(feature = "students-edition") { "book" } else { "authoring" };
    let status = Command::new(&cargo)
        .args(["run", "--quiet", "--features", features, "--manifest-path"])
        .arg(ws.path(crate::workspace::XTASK_MANIFEST))
        .arg("--")
        .args(std::env::args_os().skip(1))
        .status()
        .with_context(|| format!("starting {} to build the authors' xtask", cargo.to_string_lossy()))?;
    Ok(ExitCode::from(status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1)))
}
