// Stage checks for `several_files`; the solution runs this same file. When grading,
// each check runs again on inputs generated from the grading seed.

use check_support::{Inputs, Rng, attach, traceback};
use pyo3::prelude::*;
use several_files::{import_from_folder, load_payroll, reload};
use std::path::PathBuf;

/// Serialises the checks of this file: stages 2 and 3 both put a folder first on
/// `sys.path`, and each reports where its own folder is.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Employees to pay: name, role and hours, the public ones or random ones.
fn employees(inputs: Inputs) -> Vec<(String, &'static str, u32)> {
    let Some(seed) = inputs.seed() else {
        return vec![("Darryl".into(), "warehouse", 45), ("Pam".into(), "reception", 38), ("Dwight".into(), "sales", 52)];
    };
    let mut rng = Rng::with_seed(seed);
    let names = ["Roy", "Val", "Nate", "Erin", "Clark", "Pete", "Hidetoshi"];
    let roles = ["warehouse", "sales", "reception"];
    (0..4).map(|_| (names[rng.usize(..names.len())].to_string(), roles[rng.usize(..roles.len())], rng.u32(0..70))).collect()
}

/// A week of branch sales: the public one or a random one.
fn week(inputs: Inputs) -> Vec<(String, i64)> {
    let Some(seed) = inputs.seed() else { return vec![("Andy".into(), 7), ("Karen".into(), 30)] };
    let mut rng = Rng::with_seed(seed ^ 1);
    let names = ["Andy", "Karen", "Hannah", "Tony", "Martin", "Jim"];
    (0..rng.usize(1..6)).map(|_| (names[rng.usize(..names.len())].to_string(), rng.i64(0..90))).collect()
}

/// The folder of Python files stage 2 imports from (tests/branch_reports; the solution's
/// crate sits at the same depth, so one relative path serves both).
fn branch_reports() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../exercises/python-from-rust/several_files/tests/branch_reports")
}

/// Rule: the payroll's files, compiled in, load as modules named after them, each after the modules it imports.
#[test]
fn payroll_loads_in_dependency_order() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    check_support::observe_held_out!("payroll_loads_in_dependency_order", |inputs| attach(|py| {
        let payslip = load_payroll(py)?;
        let mut lines = Vec::new();
        for (name, role, hours) in employees(inputs) {
            lines.push(payslip.getattr("payslip")?.call1((name, role, hours))?.extract::<String>()?);
        }
        let modules = py.import("sys")?.getattr("modules")?;
        for name in ["rates", "overtime", "payslip"] {
            let module = modules.get_item(name)?;
            lines.push(format!("sys.modules[{name:?}] comes from {}", module.getattr("__file__")?));
        }
        Ok(lines.join("\n"))
    }));
}

/// Rule: `import_from_folder` puts the folder first on `sys.path` once and lets Python's import find the modules.
#[test]
fn a_folder_on_sys_path_at_run_time() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    check_support::observe_held_out!("a_folder_on_sys_path_at_run_time", |inputs| attach(|py| {
        // A check writes nothing into the exercise's folder: no `__pycache__` there.
        py.import("sys")?.setattr("dont_write_bytecode", true)?;
        let folder = branch_reports().canonicalize()?;
        let scranton = import_from_folder(py, &folder, "scranton")?;
        let mut lines = vec![scranton.getattr("report")?.call0()?.extract::<String>()?];
        let week = week(inputs);
        let (total, best): (i64, String) = (scranton.getattr("total")?.call1((&week,))?.extract()?, scranton.getattr("best")?.call1((&week,))?.extract()?);
        lines.push(format!("branch_tools on {week:?}: total {total}, best {best}"));
        let again = import_from_folder(py, &folder, "scranton")?;
        lines.push(format!("imported twice, same module object: {}", again.is(&scranton)));
        for name in ["scranton", "branch_tools"] {
            let file: PathBuf = py.import(name)?.getattr("__file__")?.extract()?;
            let relative = file.strip_prefix(&folder).map(|p| p.display().to_string());
            lines.push(format!("{name} was found in the folder as {relative:?}"));
        }
        let sys_path = py.import("sys")?.getattr("path")?;
        let position: usize = sys_path.call_method1("index", (folder.to_str(),))?.extract()?;
        let count: usize = sys_path.call_method1("count", (folder.to_str(),))?.extract()?;
        lines.push(format!("the folder is on sys.path {count} time(s), at position {position}"));
        let missing = import_from_folder(py, &folder, "albany").expect_err("there is no albany.py");
        lines.push(traceback(py, &missing).lines().last().unwrap_or_default().to_string());
        Ok(lines.join("\n"))
    }));
}

/// The source of `nashua.py`, the Nashua branch's target, which stage 3 writes and edits.
fn nashua(target: i64) -> String {
    format!("\"\"\"The Nashua branch's weekly target.\"\"\"\n\nTARGET = {target}\n\n\ndef target():\n    return TARGET\n")
}

/// Rules: `reload` runs the edited file again in the same module object; a module never imported is a `KeyError`.
#[test]
fn reload_a_module_after_its_file_changed() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    check_support::observe_held_out!("reload_a_module_after_its_file_changed", |inputs: Inputs| attach(|py| {
        py.import("sys")?.setattr("dont_write_bytecode", true)?;
        let (before, after) = match inputs.seed() {
            None => (100, 250),
            Some(seed) => {
                let mut rng = Rng::with_seed(seed ^ 2);
                (rng.i64(0..1000), rng.i64(1000..2000))
            }
        };
        // A folder of this run (TMPDIR is the run's scratch folder when graded).
        let folder = std::env::temp_dir().join(format!("several-files-{}-{}", std::process::id(), inputs.label()));
        std::fs::create_dir_all(&folder)?;
        let folder = folder.canonicalize()?;
        let name = format!("nashua_{}", inputs.label().replace('-', "_"));
        std::fs::write(folder.join(format!("{name}.py")), nashua(before))?;
        let first = import_from_folder(py, &folder, &name)?;
        let target = first.getattr("target")?;
        let mut lines = vec![format!("before the edit: TARGET = {}", first.getattr("TARGET")?)];
        std::fs::write(folder.join(format!("{name}.py")), nashua(after))?;
        lines.push(format!("edited; `import` again gives: TARGET = {}", py.import(name.as_str())?.getattr("TARGET")?));
        let reloaded = reload(py, &name)?;
        lines.push(format!("after reload: TARGET = {}", reloaded.getattr("TARGET")?));
        lines.push(format!("the same module object: {}", reloaded.is(&first)));
        lines.push(format!("a function taken before the reload now returns: {}", target.call0()?));
        let in_sys_modules = py.import("sys")?.getattr("modules")?.get_item(name.as_str())?;
        lines.push(format!("sys.modules holds the reloaded module: {}", in_sys_modules.is(&reloaded)));
        // A `KeyError`, in the student's words: only its type is compared.
        let missing = reload(py, "scranton_annex").map(|_| ()).map_err(|err| {
            if err.is_instance_of::<pyo3::exceptions::PyKeyError>(py) {
                "a KeyError".to_string()
            } else {
                traceback(py, &err).lines().last().unwrap_or_default().to_string()
            }
        });
        lines.push(format!("reload of a module never imported: {missing:?}"));
        let _ = std::fs::remove_dir_all(&folder);
        Ok(lines.join("\n"))
    }));
}
