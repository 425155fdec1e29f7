//! Programs the xtask installs on demand into the project's own folder,
//! `.workbook/tools` (never into the user's `~/.cargo`): for now the `mdbook` binary that
//! `cargo xtask book --serve` runs, since serving with live reload is not in mdBook's library.

use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;

/// The mdBook release the xtask installs; the library it builds with is the same version.
pub const MDBOOK_VERSION: &str = "0.5.4";

/// The folder `cargo install --root` installs into: `.workbook/tools` (binaries in `bin/`).
pub fn tools_dir(ws: &Workspace) -> PathBuf {
    ws.state_dir().join("tools")
}

/// An `mdbook` binary of release 0.5, without installing: `WORKBOOK_MDBOOK` if set, else
/// the one in `.workbook/tools/bin`, else one on `PATH` that says it is 0.5.
pub fn find_mdbook(ws: &Workspace) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("WORKBOOK_MDBOOK") {
        return Some(PathBuf::from(path));
    }
    let ours = tools_dir(ws).join("bin").join(if cfg!(windows) { "mdbook.exe" } else { "mdbook" });
    if ours.is_file() {
        return Some(ours);
    }
    let version = Command::new("mdbook").arg("--version").output().ok()?;
    String::from_utf8_lossy(&version.stdout).contains("v0.5.").then(|| PathBuf::from("mdbook"))
}

/// The `mdbook` binary, installed into `.workbook/tools` first when none is found (it says
/// so: a release build, about two minutes).
///
/// # Errors
/// When `cargo install` fails (offline, say), with the command to retry.
pub fn mdbook(ws: &Workspace) -> Result<PathBuf> {
    if let Some(found) = find_mdbook(ws) {
        return Ok(found);
    }
    let root = tools_dir(ws);
    ui::note(&format!(
        "Installing mdbook {MDBOOK_VERSION} into {} with `cargo install` (a release build: about 2 minutes, once)",
        root.display()
    ));
    let status = ws
        .cargo()
        .args(["install", &format!("mdbook@{MDBOOK_VERSION}"), "--locked", "--quiet", "--root"])
        .arg(&root)
        .status()
        .context("running cargo install")?;
    if !status.success() {
        bail!(
            "installing mdbook failed ({status}); retry with `cargo install mdbook@{MDBOOK_VERSION} --locked --root {}`",
            root.display()
        );
    }
    find_mdbook(ws).context("cargo install finished but .workbook/tools/bin/mdbook is not there")
}
