//! `cargo xtask bench overhead`: how much one call from Python costs, for the same small
//! function (add two integers) as pure Python, through PyO3, through ctypes and through
//! cffi in ABI mode. Prints calls per second and the ratio to PyO3, and writes the table
//! into `book/src/c-abi/overhead-table.md`, which the page "Why PyO3 is usually the better
//! choice" includes.
//!
//! Steps: maturin builds `xtask/bench-overhead` in release mode (its own target folder,
//! so the workspace's debug builds are untouched) into a wheel in a temporary folder; the
//! wheel is unpacked there (nothing is installed into `.venv`); then
//! `xtask/bench-overhead/bench.py` imports the module and loads the same file with ctypes
//! and cffi (it also exports `overhead_add` through the C ABI), and times each way with
//! `timeit` (best of 5 runs of about 0.2 s each).

use crate::flags::BenchOverhead;
use crate::python;
use crate::ui;
use crate::workspace::{Workspace, run_quiet};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The benchmark crate, relative to the root.
const CRATE: &str = "xtask/bench-overhead";
/// The generated table, relative to the root.
const TABLE: &str = "book/src/c-abi/overhead-table.md";

/// What `bench.py` prints.
#[derive(Debug, Deserialize)]
struct Measured {
    /// `CPython 3.11.7`.
    python: String,
    /// cffi's version.
    cffi: String,
    results: Vec<Way>,
}

/// One way of calling, with its best time per call.
#[derive(Debug, Deserialize)]
struct Way {
    way: String,
    /// Nanoseconds per call, the best of the runs.
    ns_per_call: f64,
    /// Calls made in all, over the runs.
    calls: u64,
}

impl BenchOverhead {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        python::ensure_venv(&ws, python::Packages::Students)?;
        let scratch = tempfile::tempdir_in(ws.path("target")).or_else(|_| tempfile::tempdir()).context("making a scratch folder")?;
        let module = build_module(&ws, scratch.path())?;
        ui::note("Timing add(1, 2) four ways (about 10 s)");
        let out = run_quiet(
            ws.command(ws.venv_python())
                .arg("-B")
                .arg(ws.path(CRATE).join("bench.py"))
                .arg(&module)
                .env("PYTHONPATH", scratch.path().join("site")),
            "running xtask/bench-overhead/bench.py",
        )?;
        let measured: Measured = serde_json::from_str(out.trim()).with_context(|| format!("bench.py printed unexpected output: {out}"))?;
        let table = table(&measured, &super::machine(), &pyo3_version(&ws))?;
        ui::line(&table);
        if !self.no_write {
            fs_err::write(ws.path(TABLE), &table).with_context(|| format!("writing {TABLE}"))?;
            ui::note(&format!("Wrote {TABLE}; the book includes it on the page about PyO3 versus the C ABI"));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Builds the benchmark module with maturin (release) and unpacks its wheel into
/// `scratch/site`; returns the extension module's file.
fn build_module(ws: &Workspace, scratch: &Path) -> Result<PathBuf> {
    ui::note("Building xtask/bench-overhead with maturin, release mode (a few minutes the first time)");
    let wheels = scratch.join("wheels");
    let status = ws
        .command(ws.venv_bin().join("maturin"))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(ws.path(CRATE).join("Cargo.toml"))
        .arg("--interpreter")
        .arg(ws.venv_python())
        .arg("--out")
        .arg(&wheels)
        // Its own target folder: maturin's environment differs from plain cargo's, and
        // sharing `target/` would rebuild pyo3 for one or the other on every switch.
        .arg("--target-dir")
        .arg(ws.path("target/bench-overhead"))
        .status()
        .context("starting maturin; run `cargo xtask doctor`")?;
    if !status.success() {
        bail!("maturin could not build {CRATE} ({status}); its messages are above");
    }
    let wheel = fs_err::read_dir(&wheels)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .with_context(|| format!("maturin wrote no wheel into {}", wheels.display()))?;
    let site = scratch.join("site");
    run_quiet(
        ws.command(ws.venv_python()).args(["-m", "zipfile", "-e"]).arg(&wheel).arg(&site),
        "unpacking the benchmark's wheel",
    )?;
    walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("overhead") && (name.ends_with(".so") || name.ends_with(".pyd"))
        })
        .with_context(|| format!("the wheel {} holds no extension module", wheel.display()))
}

/// The pyo3 version in `Cargo.lock`, or "pyo3" when it cannot be read.
fn pyo3_version(ws: &Workspace) -> String {
    let lock = fs_err::read_to_string(ws.path("Cargo.lock")).unwrap_or_default();
    let value: toml::Value = toml::from_str(&lock).unwrap_or(toml::Value::Table(Default::default()));
    value
        .get("package")
        .and_then(|p| p.as_array())
        .and_then(|packages| packages.iter().find(|p| p.get("name").and_then(|n| n.as_str()) == Some("pyo3")))
        .and_then(|p| p.get("version")?.as_str().map(|v| format!("pyo3 {v}")))
        .unwrap_or_else(|| "pyo3".to_string())
}

/// The generated page: a header saying how to regenerate it, the table, and a caption
/// naming the machine and the versions.
fn table(measured: &Measured, machine: &str, pyo3: &str) -> Result<String> {
    let pyo3_ns = measured
        .results
        .iter()
        .find(|w| w.way == "PyO3")
        .map(|w| w.ns_per_call)
        .context("bench.py measured no PyO3 call")?;
    let mut out = String::new();
    writeln!(out, "<!-- generated by `cargo xtask bench overhead`; do not edit -->")?;
    writeln!(out, "| `add(1, 2)` called | calls per second | time per call | calls per second ÷ PyO3's |")?;
    writeln!(out, "| --- | ---: | ---: | ---: |")?;
    for way in &measured.results {
        writeln!(
            out,
            "| {} | {} | {:.0} ns | {:.2} |",
            way.way,
            thousands((1e9 / way.ns_per_call).round() as u64),
            way.ns_per_call,
            pyo3_ns / way.ns_per_call
        )?;
    }
    writeln!(out)?;
    let calls: u64 = measured.results.iter().map(|w| w.calls).sum();
    writeln!(
        out,
        "*Measured by `cargo xtask bench overhead` on {machine}, with {}, {pyo3} and cffi {} \
         (release builds; best of 5 runs, {} calls in all). Figures vary between machines and \
         runs; the ratios are what to read.*",
        measured.python,
        measured.cffi,
        thousands(calls)
    )?;
    Ok(out)
}

/// `n` with a comma between groups of three digits: `12,345,678`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(12_345_678), "12,345,678");
    }

    #[test]
    fn the_table_compares_with_pyo3() {
        let measured = Measured {
            python: "CPython 3.11.7".into(),
            cffi: "2.1.1".into(),
            results: vec![
                Way { way: "pure Python".into(), ns_per_call: 50.0, calls: 10 },
                Way { way: "PyO3".into(), ns_per_call: 100.0, calls: 10 },
                Way { way: "ctypes".into(), ns_per_call: 400.0, calls: 10 },
            ],
        };
        let text = table(&measured, "a CPU, 2 cores", "pyo3 0.30.1").unwrap();
        assert!(text.starts_with("<!-- generated by `cargo xtask bench overhead`; do not edit -->\n"), "{text}");
        assert!(text.contains("| PyO3 | 10,000,000 | 100 ns | 1.00 |"), "{text}");
        assert!(text.contains("| ctypes | 2,500,000 | 400 ns | 0.25 |"), "{text}");
        assert!(text.contains("| pure Python | 20,000,000 | 50 ns | 2.00 |"), "{text}");
        assert!(text.contains("on a CPU, 2 cores, with CPython 3.11.7, pyo3 0.30.1 and cffi 2.1.1"), "{text}");
    }
}
