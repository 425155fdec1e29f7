//! The book's Python test suites, run by `cargo xtask verify` with the venv's pytest:
//! `book/tests/python` runs every ```python block of the pages (or reads the marker saying
//! why not), `book/tests/browser` reads the built book in Debian's Chromium through
//! Playwright. Both are documented in their own files.

use crate::workspace::Workspace;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The python blocks' suite, relative to the root.
pub const PYTHON_BLOCKS: &str = "book/tests/python";

/// The browser suite, relative to the root.
pub const BROWSER: &str = "book/tests/browser";

/// The command that installs the browser, shown whenever it is missing.
pub const CHROMIUM_INSTALL: &str = "sudo apt-get install -y chromium";

/// The outcome of one suite: whether it passed, pytest's summary line, and the lines to
/// show under the step (the failures, or the screenshots' paths).
pub struct Suite {
    pub passed: bool,
    pub summary: String,
    pub details: Vec<String>,
}

/// The Chromium the browser tests drive: `WORKBOOK_CHROMIUM`, else `/usr/bin/chromium`.
pub fn chromium() -> PathBuf {
    std::env::var_os("WORKBOOK_CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Installs Debian's `chromium` with apt-get when this process may (it runs as root and
/// apt-get exists), saying so; otherwise does nothing, and the caller reports the command.
pub fn install_chromium() {
    let is_root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let has_apt = std::path::Path::new("/usr/bin/apt-get").exists();
    if !(is_root && has_apt && chromium() == std::path::Path::new("/usr/bin/chromium")) {
        return;
    }
    crate::ui::note("Installing chromium for the browser tests (apt-get, about a minute, once)");
    let quiet = |args: &[&str]| {
        std::process::Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdout(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !(quiet(&["update", "-qq"]) && quiet(&["install", "-y", "-qq", "chromium"])) {
        crate::ui::note("apt-get could not install chromium");
    }
}

/// Runs the pytest suite in `dir` (relative to the root) with the venv's Python, after
/// installing the authors' packages the suites need (Playwright) when not done yet.
///
/// # Errors
/// When those packages cannot be installed or Python cannot be started; failing tests are
/// a [`Suite`] that did not pass.
pub fn run(ws: &Workspace, dir: &str) -> Result<Suite> {
    crate::python::ensure_venv(ws, crate::python::Packages::Authors)?;
    let output = ws
        .command(ws.venv_python())
        .args(["-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfE", "--color=no", dir])
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .with_context(|| format!("running pytest on {dir}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let summary = stdout.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no output").trim().to_string();
    let passed = output.status.success();
    let mut details: Vec<String> = stdout.lines().filter(|l| l.starts_with("screenshot: ")).map(str::to_string).collect();
    if !passed {
        let failures: Vec<&str> = stdout.lines().skip_while(|l| !l.contains("FAILURES") && !l.contains("ERRORS")).collect();
        details.push(if failures.is_empty() { stdout.clone() } else { failures.join("\n") });
        details.push(String::from_utf8_lossy(&output.stderr).into_owned());
        let python = ws.venv_python();
        details.push(format!("rerun: {} -m pytest {dir}", python.strip_prefix(&ws.root).unwrap_or(&python).display()));
    }
    Ok(Suite { passed, summary, details })
}
