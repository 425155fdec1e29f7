//! `cargo xtask bench report`: how long the grader's class report takes to load in
//! Chromium, opened from the disk as an instructor opens it, for a few class sizes. The
//! measuring is `book/tests/browser/report_load.py` (a made-up class from `grade demo`,
//! the Performance API's `loadEventEnd`); this command gets the venv and the browser ready
//! and prints the machine under its table.

use crate::flags::BenchReport;
use crate::workspace::Workspace;
use crate::{booktests, python, ui};
use anyhow::{Context, Result, bail};
use std::process::ExitCode;

/// The script that measures, relative to the root.
const SCRIPT: &str = "book/tests/browser/report_load.py";

pub fn run(args: &BenchReport) -> Result<ExitCode> {
    let ws = Workspace::find()?;
    python::ensure_venv(&ws, python::Packages::Authors)?;
    let chromium = booktests::chromium();
    if !chromium.exists() {
        booktests::install_chromium();
    }
    if !chromium.exists() {
        bail!("{} is missing: install it with `{}` (or set WORKBOOK_CHROMIUM)", chromium.display(), booktests::CHROMIUM_INSTALL);
    }
    let sizes: Vec<String> = args.students.iter().map(usize::to_string).collect();
    let load_before = super::load_average();
    ui::note(&format!("Loading the report of made-up classes of {} students, {} times each", sizes.join(", "), args.runs));
    let status = ws
        .command(ws.venv_python())
        .arg(ws.path(SCRIPT))
        .args(["--students", &sizes.join(","), "--runs", &args.runs.to_string()])
        .status()
        .with_context(|| format!("running {SCRIPT} with the venv's Python"))?;
    if !status.success() {
        bail!("{SCRIPT} failed ({status})");
    }
    ui::line(&format!(
        "\n*Measured by `cargo xtask bench report` on {} (load average {load_before} before, {} after): `report.html` opened from `file://` in Chromium, the Performance API's `loadEventEnd`.*",
        super::machine(),
        super::load_average()
    ));
    Ok(ExitCode::SUCCESS)
}
