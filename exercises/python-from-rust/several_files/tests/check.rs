// Stage checks for `several_files`; the solution runs this same file.

use check_support::{attach, traceback};
use pyo3::prelude::*;
use several_files::{import_from_folder, load_payroll};
use std::path::PathBuf;

/// The folder of Python files stage 2 imports from (tests/branch_reports; the solution's
/// crate sits at the same depth, so one relative path serves both).
fn branch_reports() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../exercises/python-from-rust/several_files/tests/branch_reports")
}

#[test]
fn payroll_loads_in_dependency_order() {
    let report = attach(|py| {
        let payslip = load_payroll(py)?;
        let mut lines = Vec::new();
        for (name, role, hours) in [("Darryl", "warehouse", 45), ("Pam", "reception", 38), ("Dwight", "sales", 52)] {
            lines.push(payslip.getattr("payslip")?.call1((name, role, hours))?.extract::<String>()?);
        }
        let modules = py.import("sys")?.getattr("modules")?;
        for name in ["rates", "overtime", "payslip"] {
            let module = modules.get_item(name)?;
            lines.push(format!("sys.modules[{name:?}] comes from {}", module.getattr("__file__")?));
        }
        Ok(lines.join("\n"))
    });
    check_support::observe!("payroll_loads_in_dependency_order", report);
}

#[test]
fn a_folder_on_sys_path_at_run_time() {
    let report = attach(|py| {
        // A check writes nothing into the exercise's folder: no `__pycache__` there.
        py.import("sys")?.setattr("dont_write_bytecode", true)?;
        let folder = branch_reports().canonicalize()?;
        let scranton = import_from_folder(py, &folder, "scranton")?;
        let mut lines = vec![scranton.getattr("report")?.call0()?.extract::<String>()?];
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
    });
    check_support::observe!("a_folder_on_sys_path_at_run_time", report);
}
