//! `cargo xtask doctor`: which Python the workbook uses, and whether a Rust program that
//! embeds Python really runs that interpreter.
//!
//! The trap it catches: pyo3 links `-lpython3.x` found in the chosen interpreter's LIBDIR,
//! but at run time the dynamic loader may pick another libpython with the same name (on
//! Debian, `/usr/lib/.../libpython3.11.so.1.0`, a different 3.11). The program then runs
//! another Python, silently, without the venv's packages. The workbook's embedding crates
//! carry a build script that adds a run path to LIBDIR; the probe shows both cases.

use crate::flags::Doctor;
use crate::python::preflight::{self, Problem};
use crate::python::{self, Interpreter};
use crate::ui;
use crate::workspace::{Workspace, run_quiet};
use anyhow::{Context, Result};
use std::process::ExitCode;

impl Doctor {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        ui::line(&ui::paint(ui::BOLD, "The base Python (it creates the venv)"));
        ui::line(&format!("  chosen by:    {}", ws.python.origin));
        let ready = show_preflight(&ws);
        if !ready {
            ui::line(&format!("\n{} fix the base Python first (commands above).", ui::mark(false)));
            return Ok(ExitCode::FAILURE);
        }
        python::ensure_venv(&ws, python::Packages::Students)?;
        let chosen = python::describe(&ws, &ws.venv_python())?;
        ui::line(&ui::paint(ui::BOLD, "\nThe workbook's Python"));
        ui::line(&format!("  venv:         {}", ws.venv().display()));
        let free = crate::disk::available(&ws.target_dir()).map(|b| format!(" ({} free on its disk)", crate::disk::human(b))).unwrap_or_default();
        ui::line(&format!("  target:       {}{free}", ws.target_dir().display()));
        ui::line(&format!("  interpreter:  {} (PYO3_PYTHON for every build)", chosen.executable));
        ui::line(&format!("  version:      {}", first_line(&chosen.version)));
        ui::line(&format!("  base prefix:  {}", chosen.base_prefix));
        ui::line(&format!("  LIBDIR:       {}", chosen.libdir.as_deref().unwrap_or("(none)")));
        let maturin = run_quiet(ws.command(ws.venv_bin().join("maturin")).arg("--version"), "asking maturin its version")
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|e| format!("not usable: {e}"));
        ui::line(&format!("  maturin:      {maturin}"));

        // The probe is a member of the exercises' workspace, which cargo cannot load while
        // an exercise's manifest is damaged.
        let course = crate::course::Course::load(&ws.root)?;
        let damaged = crate::damage::manifests(&ws, &course);
        if !damaged.is_empty() {
            ui::line(&ui::paint(ui::BOLD, "\nThe exercises' workspace"));
            for damage in &damaged {
                ui::line(&format!("  {} {damage}", ui::mark(false)));
            }
            ui::line(&format!("\n{} repair what the lines above name first (each says how); the embedding probe needs that workspace.", ui::mark(false)));
            return Ok(ExitCode::FAILURE);
        }
        ui::line(&ui::paint(ui::BOLD, "\nEmbedded Python (xtask/probe, built and run now)"));
        run_quiet(
            ws.cargo().args(["build", "--quiet", "--package", "embed-probe", "--bins"]),
            "building the embedding probe",
        )?;
        let target = ws.target_dir();
        let with_rpath = probe(&ws, &target.join("debug/embed-probe"))?;
        let matches = same_interpreter(&chosen, &with_rpath);
        ui::line(&format!("  {} as the workbook builds it (run path to LIBDIR):", ui::mark(matches)));
        describe_probe(&with_rpath);
        let without = probe(&ws, &target.join("debug/embed-probe-without-rpath")).ok();
        if let Some(without) = &without {
            let same = same_interpreter(&chosen, without);
            ui::line(&format!(
                "  {} without that run path (what a crate without the build script gets):",
                if same { ui::mark(true) } else { ui::paint(ui::NOTE, "!") }
            ));
            describe_probe(without);
            if !same {
                ui::line("    This machine has another libpython on the loader's path: a crate that embeds Python needs");
                ui::line("    the build script (build.rs: pyo3_build_config::add_libpython_rpath_link_args()).");
            }
        }
        if matches {
            ui::line(&format!("\n{} embedded Python is the chosen interpreter.", ui::mark(true)));
            Ok(ExitCode::SUCCESS)
        } else {
            ui::line(&format!("\n{} embedded Python is NOT the chosen interpreter.", ui::mark(false)));
            ui::line("Fix: make sure every crate that embeds Python has a build.rs calling");
            ui::line("`pyo3_build_config::add_libpython_rpath_link_args();` (build-dependency pyo3-build-config),");
            if let Some(libdir) = &chosen.libdir {
                ui::line(&format!("or run the program with LD_LIBRARY_PATH={libdir} (DYLD_LIBRARY_PATH on macOS, PATH on Windows)."));
            }
            ui::line("If the versions differ in their minor number, remove target/ and `cargo xtask check` again.");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Prints the interpreter check of the base Python, each part with its mark and each
/// problem with its fixes; whether it passed.
fn show_preflight(ws: &Workspace) -> bool {
    let facts = match preflight::facts(&ws.python.base) {
        Ok(facts) => facts,
        Err(problem) => {
            ui::line(&problem.message(&ws.python.base.display().to_string(), "3"));
            return false;
        }
    };
    let problems = preflight::problems(&facts);
    let has = |wanted: fn(&Problem) -> bool| !problems.iter().any(wanted);
    ui::line(&format!("  executable:   {}", facts.executable));
    let checks = [
        (has(|p| matches!(p, Problem::TooOld { .. })), format!("version {} (3.{} or newer)", facts.full_version(), preflight::OLDEST_MINOR)),
        (has(|p| matches!(p, Problem::NoVenv)), "venv and ensurepip modules".to_string()),
        (has(|p| matches!(p, Problem::NoSharedLibrary { .. })), format!("shared libpython to link: {}", facts.library)),
    ];
    for (ok, what) in checks {
        ui::line(&format!("  {} {what}", ui::mark(ok)));
    }
    for problem in &problems {
        ui::line(&problem.message(&facts.executable, &facts.minor()));
    }
    problems.is_empty()
}

/// What the probe printed: the interpreter fields and the libpython it loaded.
struct Probe {
    interpreter: Interpreter,
    libpython: Option<String>,
}

fn probe(ws: &Workspace, binary: &std::path::Path) -> Result<Probe> {
    let mut cmd = std::process::Command::new(binary);
    cmd.current_dir(&ws.root).env_remove("LD_LIBRARY_PATH").env_remove("PYTHONHOME").env_remove("PYTHONPATH");
    let out = run_quiet(&mut cmd, &format!("running {}", binary.display()))?;
    let value: serde_json::Value = serde_json::from_str(out.trim()).with_context(|| format!("the probe printed: {out}"))?;
    let libpython = value.get("libpython").and_then(|v| v.as_str()).map(str::to_string);
    Ok(Probe { interpreter: serde_json::from_value(value)?, libpython })
}

fn describe_probe(probe: &Probe) {
    ui::line(&format!("      sys.version: {}", first_line(&probe.interpreter.version)));
    ui::line(&format!("      sys.prefix:  {}", probe.interpreter.prefix));
    ui::line(&format!("      libpython:   {}", probe.libpython.as_deref().unwrap_or("(not visible on this system)")));
}

/// Whether the embedded interpreter is the chosen one: the same version string and the
/// same installation (the embedded `sys.prefix` is the base Python's: it ignores the venv).
fn same_interpreter(chosen: &Interpreter, probe: &Probe) -> bool {
    chosen.version == probe.interpreter.version && chosen.base_prefix == probe.interpreter.prefix
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
}
