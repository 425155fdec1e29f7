// Stage checks for `numpy_from_venv`; the solution runs this same file.
//
// The venv is the one `cargo xtask` created and runs the checks with (`VIRTUAL_ENV`).
// Paths in the snapshots are redacted: the venv's own path becomes `<venv>` and the
// Python version `python3.X`, so that the snapshots hold on every machine.

use check_support::{attach, in_own_process_with_env, traceback};
use numpy_from_venv::{import_numpy, sales_trend, site_packages};
use pyo3::prelude::*;
use std::ffi::OsString;
use std::path::PathBuf;

/// The project's venv: `VIRTUAL_ENV` as the xtask sets it, else `.venv` at the root.
fn venv() -> PathBuf {
    std::env::var_os("VIRTUAL_ENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../.venv"))
}

/// `path` with the venv's path replaced by `<venv>` and `python3.<minor>` by `python3.X`.
fn redact(path: &str) -> String {
    let text = path.replace(&venv().display().to_string(), "<venv>");
    match text.find("python3.") {
        Some(at) => {
            let digits = text[at + 8..].chars().take_while(char::is_ascii_digit).count();
            format!("{}python3.X{}", &text[..at], &text[at + 8 + digits..])
        }
        None => text,
    }
}

#[test]
fn site_packages_of_the_venv() {
    let report = attach(|py| {
        let folder = site_packages(py, &venv())?;
        Ok(format!("{}\nthe folder exists: {}", redact(&folder.display().to_string()), folder.is_dir()))
    });
    check_support::observe!("site_packages_of_the_venv", report);
}

/// `PATH` without the venv's folders: an embedded interpreter whose `python3` on `PATH`
/// is the venv's takes the venv for its prefix; this check proves NumPy is found
/// without that help, as in a program run from a plain shell.
fn path_without_the_venv() -> OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept = std::env::split_paths(&path).filter(|dir| !dir.starts_with(venv()));
    std::env::join_paths(kept).expect("PATH was joined before")
}

#[test]
fn numpy_comes_from_the_venv() {
    let path = path_without_the_venv();
    let report = in_own_process_with_env("numpy_comes_from_the_venv", &[("PATH", Some(&path))], || {
        attach(|py| {
            let sys = py.import("sys")?;
            let prefix: PathBuf = sys.getattr("prefix")?.extract()?;
            let before = match py.import("numpy") {
                Ok(_) => "numpy imported".to_string(),
                Err(err) => traceback(py, &err).lines().last().unwrap_or_default().to_string(),
            };
            let numpy = import_numpy(py, &venv())?;
            import_numpy(py, &venv())?;
            let file: String = numpy.getattr("__file__")?.extract()?;
            let folder = site_packages(py, &venv())?;
            let count: usize = sys.getattr("path")?.call_method1("count", (folder.to_str(),))?.extract()?;
            Ok([
                format!("the embedded sys.prefix is the venv: {}", prefix.starts_with(venv())),
                format!("before: {before}"),
                format!("numpy.__file__ = {}", redact(&file)),
                format!("under the venv: {}", PathBuf::from(&file).starts_with(venv())),
                format!("site-packages is on sys.path {count} time(s)"),
            ]
            .join("\n"))
        })
    });
    check_support::observe!("numpy_comes_from_the_venv", report);
}

#[test]
fn a_sales_trend_with_numpy() {
    let report = attach(|py| {
        let numpy = import_numpy(py, &venv())?;
        let mut lines = Vec::new();
        for sales in [vec![12.0, 15.0, 14.0, 18.0, 21.0, 22.0], vec![40.0, 38.0, 35.0, 30.0], vec![7.0, 9.0]] {
            let (slope, intercept) = sales_trend(&numpy, &sales)?;
            lines.push(format!("{sales:?}: {slope:+.2} reams a week, from {intercept:.2}"));
        }
        let err = sales_trend(&numpy, &[]).expect_err("no weeks, no trend");
        lines.push(format!("[]: {}", traceback(py, &err).lines().last().unwrap_or_default()));
        Ok(lines.join("\n"))
    });
    check_support::observe!("a_sales_trend_with_numpy", report);
}
