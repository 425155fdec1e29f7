// Stage checks for `numpy_from_venv`; the solution runs this same file. When grading,
// stages 1 and 3 run again on inputs generated from the grading seed.
//
// The venv is the one `cargo xtask` created and runs the checks with (`VIRTUAL_ENV`).
// Paths in the snapshots are redacted: the venv's own path becomes `<venv>` and the
// running Python's version `python3.X`, so that the snapshots hold on every machine.
// Stage 1 also asks for the folder while `sys.version_info` says another version, so a
// version typed into the code shows; stage 3 runs while `numpy.polyfit` notes its calls.

use check_support::{Inputs, Rng, attach, in_own_process_with_env, observe_held_out_in_own_process, traceback, with_noted_calls};
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

/// `path` with the venv's path replaced by `<venv>` and the running interpreter's
/// `python3.<minor>` by `python3.X` (another version stays as it is).
fn redact(py: Python<'_>, path: &str) -> PyResult<String> {
    let minor: u32 = py.import("sys")?.getattr("version_info")?.getattr("minor")?.extract()?;
    Ok(path.replace(&venv().display().to_string(), "<venv>").replace(&format!("python3.{minor}/"), "python3.X/"))
}

/// Runs `body` while `sys.version_info` says `3.<minor>`, then puts the real one back.
fn pretending_version<T>(py: Python<'_>, minor: u32, body: impl FnOnce() -> T) -> PyResult<T> {
    let sys = py.import("sys")?;
    let real = sys.getattr("version_info")?;
    let fake = py.eval(
        &std::ffi::CString::new(format!(
            "__import__('collections').namedtuple('version_info', 'major minor micro releaselevel serial')(3, {minor}, 0, 'final', 0)"
        ))?,
        None,
        None,
    )?;
    sys.setattr("version_info", fake)?;
    let result = body();
    sys.setattr("version_info", real)?;
    Ok(result)
}

/// Rule: `site_packages` builds `<venv>/lib/python3.X/site-packages` from the running interpreter's `sys.version_info`.
#[test]
fn site_packages_of_the_venv() {
    // In a process of its own: no other check may see the pretended version.
    observe_held_out_in_own_process("site_packages_of_the_venv", || (), |inputs: Inputs| {
        attach(|py| {
            let (venv, minor) = match inputs.seed() {
                None => (venv(), 42),
                Some(seed) => {
                    let mut rng = Rng::with_seed(seed);
                    (PathBuf::from(format!("/srv/branch-{}/venv", rng.u32(1..999))), rng.u32(14..99))
                }
            };
            let folder = site_packages(py, &venv)?;
            let other = pretending_version(py, minor, || site_packages(py, &venv))??;
            Ok(format!(
                "{}\nthe folder exists: {}\nwhile sys.version_info says 3.{minor}: {}",
                redact(py, &folder.display().to_string())?,
                folder.is_dir(),
                redact(py, &other.display().to_string())?
            ))
        })
    });
}

/// `PATH` without the venv's folders: an embedded interpreter whose `python3` on `PATH`
/// is the venv's takes the venv for its prefix; this check proves NumPy is found
/// without that help, as in a program run from a plain shell.
fn path_without_the_venv() -> OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept = std::env::split_paths(&path).filter(|dir| !dir.starts_with(venv()));
    std::env::join_paths(kept).expect("PATH was joined before")
}

/// Rule: `import_numpy` puts the venv's site-packages first on `sys.path` once, and NumPy comes from the venv.
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
                format!("numpy.__file__ = {}", redact(py, &file)?),
                format!("under the venv: {}", PathBuf::from(&file).starts_with(venv())),
                format!("site-packages is on sys.path {count} time(s)"),
            ]
            .join("\n"))
        })
    });
    check_support::observe!("numpy_comes_from_the_venv", report);
}

/// Weekly sales to fit: the public ones, or random ones.
fn weekly_sales(inputs: Inputs) -> Vec<Vec<f64>> {
    let Some(seed) = inputs.seed() else {
        return vec![vec![12.0, 15.0, 14.0, 18.0, 21.0, 22.0], vec![40.0, 38.0, 35.0, 30.0], vec![7.0, 9.0]];
    };
    let mut rng = Rng::with_seed(seed ^ 1);
    (0..3).map(|_| (0..rng.usize(2..9)).map(|_| f64::from(rng.u32(0..60))).collect()).collect()
}

/// Rule: `sales_trend` calls `numpy.polyfit(weeks, sales, deg=1)` with `deg` as a keyword and rounds its two numbers.
#[test]
fn a_sales_trend_with_numpy() {
    check_support::observe_held_out!("a_sales_trend_with_numpy", |inputs| attach(|py| {
        let numpy = import_numpy(py, &venv())?;
        let mut lines = Vec::new();
        for sales in weekly_sales(inputs) {
            let (trend, notes) = with_noted_calls(&numpy, "polyfit", || sales_trend(&numpy, &sales))?;
            let (slope, intercept) = trend?;
            lines.push(format!("{sales:?}: {slope:+.2} reams a week, from {intercept:.2}"));
            // Weeks and sales may go over as lists or arrays; `deg` must be a keyword.
            let notes: Vec<&str> =
                notes.iter().map(|note| if note.ends_with(", deg=1)") { "polyfit(weeks, sales, deg=1)" } else { note.as_str() }).collect();
            lines.push(format!("   (Python ran: {})", notes.join(", ")));
        }
        let err = sales_trend(&numpy, &[]).expect_err("no weeks, no trend");
        // NumPy's `TypeError`, or one of the student's own: only the type is compared.
        let kind = if err.is_instance_of::<pyo3::exceptions::PyTypeError>(py) {
            "a TypeError".to_string()
        } else {
            traceback(py, &err).lines().last().unwrap_or_default().to_string()
        };
        lines.push(format!("[]: {kind}"));
        Ok(lines.join("\n"))
    }));
}
