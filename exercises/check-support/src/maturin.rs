//! The real way to check an extension module: build it with maturin, install it into the
//! workbook's virtual environment, and run the exercise's own pytest tests against it.
//!
//! A stage test calls [`pytest`] with the exercise folder and the Python tests of its
//! stage; the first call in a test process installs the module (once), and every call
//! returns pytest's per-test outcome lines, which the test snapshots.
//!
//! Run by `cargo xtask` (`check`, `verify`, `grade`), the wheel is built before the test
//! process starts, by the xtask: [`check_report::WHEEL_DIR_VAR`] names its folder, and the
//! test only unpacks it into the folder [`check_report::SITE_VAR`] names (the run's
//! scratch folder when grading; in the workspace, the xtask's folder of that wheel,
//! already unpacked and marked [`check_report::UNPACKED_MARKER`], used as it is), which
//! pytest gets on `PYTHONPATH`. So a test process never writes a compiled file or the
//! shared venv, and two graders at once never import each other's module. Run without
//! the xtask (a plain `cargo test` of a solution), it builds with maturin itself, into
//! `<root>/target/maturin`, and installs into the venv, under a lock.
//! Nothing is written into the exercise folder: Python writes no bytecode and pytest
//! keeps no cache.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// How maturin builds and installs a crate (maturin user guide, "Local development" and
/// "Distribution").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Install {
    /// `maturin develop`: a debug build installed straight into the venv (with uv when the
    /// venv has it, else pip).
    Develop,
    /// `maturin build --release` into `target/maturin/wheels/<crate>`, then
    /// `pip install --force-reinstall` of the wheel it wrote: what a user of the package does.
    ReleaseWheel,
}

/// The repository root, found from an exercise folder (`<root>/exercises/<part>/<name>`
/// or `<root>/solutions/<part>/<name>`).
pub fn repository_root(crate_dir: &Path) -> PathBuf {
    crate_dir.ancestors().nth(3).map(Path::to_path_buf).unwrap_or_else(|| crate_dir.to_path_buf())
}

/// The starter's folder for a crate folder: the solution's tests are the starter's
/// (`solutions/<part>/<name>` becomes `exercises/<part>/<name>`).
pub fn starter_dir(crate_dir: &Path) -> PathBuf {
    let root = repository_root(crate_dir);
    match crate_dir.strip_prefix(root.join("solutions")) {
        Ok(rest) => root.join("exercises").join(rest),
        Err(_) => crate_dir.to_path_buf(),
    }
}


/// A program of the venv (`python`, `maturin`, `pip`) as a command with the venv's
/// environment, run in `crate_dir`, writing no bytecode into the exercise folder.
pub fn venv_command(crate_dir: &Path, program: &str) -> Command {
    let venv = check_report::venv();
    let bin = check_report::venv_bin();
    let mut cmd = Command::new(bin.join(program));
    cmd.current_dir(crate_dir);
    cmd.env("VIRTUAL_ENV", &venv);
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    cmd.env_remove("PYTHONPATH");
    let mut paths = vec![bin];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(paths) {
        cmd.env("PATH", joined);
    }
    cmd
}

/// Runs `cmd` and returns its output, or a message with everything it printed.
fn run(mut cmd: Command, what: &str) -> Result<String, String> {
    let output = check_report::process::run_to_end(&mut cmd).map_err(|e| format!("{what}: could not start {:?}: {e}", cmd.get_program()))?;
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    if output.status.success() { Ok(text) } else { Err(format!("{what} failed ({}):\n{text}", output.status)) }
}

/// Builds the crate in `crate_dir` with maturin and installs it into the venv.
///
/// Holds an exclusive lock on `target/maturin/.lock` meanwhile, so that two test
/// processes never install into the venv at the same time.
///
/// # Errors
/// maturin's or pip's output, when either fails (a compile error shows up here).
pub fn build_and_install(crate_dir: &Path, how: Install) -> Result<(), String> {
    let target = repository_root(crate_dir).join("target").join("maturin");
    std::fs::create_dir_all(&target).map_err(|e| format!("creating {}: {e}", target.display()))?;
    let lock = File::create(target.join(".lock")).map_err(|e| format!("creating the build lock: {e}"))?;
    lock.lock().map_err(|e| format!("taking the build lock: {e}"))?;
    let manifest = crate_dir.join("Cargo.toml");
    match how {
        Install::Develop => {
            let mut cmd = venv_command(crate_dir, "maturin");
            cmd.args(["develop", "--quiet", "--manifest-path"]).arg(&manifest).arg("--target-dir").arg(&target);
            // uv installs the built wheel about a second faster than pip, which is most
            // of a warm check's time; `assets/requirements.txt` puts it in the venv.
            if check_report::venv_bin().join(if cfg!(windows) { "uv.exe" } else { "uv" }).exists() {
                cmd.arg("--uv");
            }
            run(cmd, "maturin develop")?;
        }
        Install::ReleaseWheel => {
            let name = crate_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let wheels = target.join("wheels").join(&name);
            let _ = std::fs::remove_dir_all(&wheels);
            let mut cmd = venv_command(crate_dir, "maturin");
            cmd.args(["build", "--release", "--quiet", "--manifest-path"])
                .arg(&manifest)
                .arg("--target-dir")
                .arg(&target)
                .arg("--out")
                .arg(&wheels);
            run(cmd, "maturin build --release")?;
            let wheel = wheel_in(&wheels)?;
            let mut pip = venv_command(crate_dir, "python");
            pip.args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--force-reinstall"])
                .arg(&wheel);
            run(pip, "pip install of the wheel")?;
        }
    }
    Ok(())
}

/// The one wheel maturin wrote into `dir`.
///
/// # Errors
/// When there is none or more than one.
pub fn wheel_in(dir: &Path) -> Result<PathBuf, String> {
    let wheels: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "whl"))
        .collect();
    match wheels.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!("expected one wheel in {}, found {}", dir.display(), wheels.len())),
    }
}

/// Records the time of a step when dropped ([`check_report::timing`], for
/// `cargo xtask bench check`).
struct Timed(&'static str, std::time::Instant);

impl Drop for Timed {
    fn drop(&mut self) {
        check_report::timing::record(self.0, self.1);
    }
}

/// The result of the one install of this test process.
static BUILT: OnceLock<Result<(), String>> = OnceLock::new();

/// The wheel folder and install folder the xtask gave this test process, if any.
fn prebuilt() -> Option<(PathBuf, PathBuf)> {
    let wheels = std::env::var_os(check_report::WHEEL_DIR_VAR)?;
    let site = std::env::var_os(check_report::SITE_VAR)?;
    Some((PathBuf::from(wheels), PathBuf::from(site)))
}

/// The wheel the module under test was installed from: the one the xtask built, or the
/// one this process built (`Install::ReleaseWheel`).
///
/// # Errors
/// When there is none or more than one.
pub fn installed_wheel(crate_dir: &Path) -> Result<PathBuf, String> {
    match prebuilt() {
        Some((wheels, _)) => wheel_in(&wheels),
        None => {
            let name = crate_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            wheel_in(&repository_root(crate_dir).join("target").join("maturin").join("wheels").join(name))
        }
    }
}

/// Installs the xtask's wheel into `site`: a wheel is a zip archive laid out for
/// `site-packages` (PEP 427), so unpacking it there, with `site` on `PYTHONPATH`, makes
/// its modules importable.
///
/// A `site` the xtask already unpacked the wheel into (its cache of unpacked wheels,
/// marked by [`check_report::UNPACKED_MARKER`]) is used as it is.
fn unpack_wheel(crate_dir: &Path, wheels: &Path, site: &Path) -> Result<(), String> {
    let wheel = wheel_in(wheels)?;
    if site.join(check_report::UNPACKED_MARKER).is_file() {
        return Ok(());
    }
    let start = std::time::Instant::now();
    let _timed = Timed("wheel install", start);
    let mut cmd = venv_command(crate_dir, "python");
    cmd.args(["-m", "zipfile", "-e"]).arg(&wheel).arg(site);
    run(cmd, "unpacking the wheel").map(|_| ())
}

/// Installs the crate in `crate_dir` the first time it is called in this test process
/// (the xtask's wheel, or a build of its own), and returns that first result every time.
///
/// # Panics
/// When the build or the install failed, with maturin's output, so that every stage
/// shows the compiler's message.
#[track_caller]
pub fn ensure_installed(crate_dir: &Path, how: Install) {
    let result = BUILT.get_or_init(|| match prebuilt() {
        Some((wheels, site)) => unpack_wheel(crate_dir, &wheels, &site),
        None => build_and_install(crate_dir, how),
    });
    if let Err(message) = result {
        panic!("the extension module could not be built and installed:\n{message}");
    }
}

/// pytest's report on all the starter's `tests/test_*.py`: one pytest run per test
/// process, shared by every stage (a Python start-up costs about half a second).
static REPORT: OnceLock<String> = OnceLock::new();

/// Builds and installs the crate in `crate_dir` (once), runs pytest on the starter's
/// `tests/` folder (once; it holds the Python tests of both the starter and the solution),
/// and returns the outcome lines of `tests`, in pytest's order: one line per test,
/// `PASSED tests/test_x.py::test_y`, or `FAILED ...` with pytest's one-line reason.
/// Each entry of `tests` is a node id (`tests/test_x.py::test_y`) or a file
/// (`tests/test_x.py`), relative to the starter's folder.
///
/// pytest's explanation of each selected failure is printed too, so that a failing stage
/// shows the assertion pytest explains.
///
/// # Panics
/// When the module cannot be built, or pytest cannot run at all (no venv: run the check
/// through `cargo xtask`, which creates it).
#[track_caller]
pub fn pytest(crate_dir: &Path, how: Install, tests: &[&str]) -> String {
    ensure_installed(crate_dir, how);
    let report = REPORT.get_or_init(|| {
        let _timed = Timed("pytest", std::time::Instant::now());
        let mut cmd = venv_command(&starter_dir(crate_dir), "python");
        cmd.args(check_report::PYTEST_ARGS).envs(check_report::PYTEST_ENV.iter().copied());
        if let Some((_, site)) = prebuilt() {
            cmd.env("PYTHONPATH", site);
        }
        let output = check_report::process::run_to_end(&mut cmd).unwrap_or_else(|e| panic!("could not start pytest from the venv: {e}"));
        if output.lingering {
            panic!("{}.\npytest printed:\n{}{}", check_report::process::LINGERING, String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        }
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
    });
    let outcome = outcome_lines(&selected(report, tests));
    let explanations = failure_sections(report, &outcome);
    if explanations.is_empty() && outcome == "no test ran" {
        println!("pytest's report:\n{report}");
    } else if !explanations.is_empty() {
        println!("pytest's explanation:\n{explanations}");
    }
    outcome
}

/// The node id an outcome line is about: `FAILED tests/a.py::t - reason` gives
/// `tests/a.py::t`.
fn node_of(line: &str) -> &str {
    line.split_whitespace().nth(1).unwrap_or_default()
}

/// The lines of `report` that are outcome lines of `tests` (node ids or files), and only
/// those; a collection error of a file counts for every test in it.
fn selected(report: &str, tests: &[&str]) -> String {
    let outcomes = ["PASSED ", "FAILED ", "ERROR ", "SKIPPED ", "XFAIL ", "XPASS "];
    report
        .lines()
        .filter(|l| outcomes.iter().any(|o| l.starts_with(o)))
        .filter(|l| {
            let node = node_of(l);
            tests.iter().any(|t| {
                let file = t.split("::").next().unwrap_or_default();
                node == *t || node.starts_with(&format!("{t}::")) || node == file
            })
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The outcome lines of pytest's short summary (`-rA`), in pytest's order, timings left out.
pub fn outcome_lines(report: &str) -> String {
    let outcomes = ["PASSED ", "FAILED ", "ERROR ", "SKIPPED ", "XFAIL ", "XPASS "];
    let lines: Vec<&str> = report.lines().filter(|l| outcomes.iter().any(|o| l.starts_with(o))).collect();
    if lines.is_empty() { "no test ran".to_string() } else { lines.join("\n") + "\n" }
}

/// pytest's sections (`____ test_y ____` and what follows) about the failed or erroring
/// tests among `outcome`'s lines.
fn failure_sections(report: &str, outcome: &str) -> String {
    let titles: Vec<String> = outcome
        .lines()
        .filter(|l| l.starts_with("FAILED ") || l.starts_with("ERROR "))
        .map(|l| {
            let node = node_of(l);
            match node.split_once("::") {
                Some((_, test)) => test.replace("::", "."),
                None => format!("ERROR collecting {node}"),
            }
        })
        .collect();
    let mut out = String::new();
    let mut keep = false;
    for line in report.lines() {
        let is_header = line.starts_with("__") && line.ends_with("__");
        if is_header {
            keep = titles.iter().any(|t| line.trim_matches(|c| c == '_' || c == ' ') == t);
        } else if line.starts_with("==") {
            keep = false;
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_lines_keep_only_the_summary() {
        let report = "..F\n=== short test summary info ===\nPASSED tests/test_a.py::test_one\nFAILED tests/test_a.py::test_two - assert 1 == 2\n1 failed, 1 passed in 0.12s\n";
        assert_eq!(outcome_lines(report), "PASSED tests/test_a.py::test_one\nFAILED tests/test_a.py::test_two - assert 1 == 2\n");
        assert_eq!(outcome_lines("ERROR: file not found\n"), "no test ran");
    }

    #[test]
    fn stages_see_only_their_tests() {
        let report = "=== FAILURES ===\n___ test_two ___\n\n    def test_two():\n>       assert 1 == 2\n=== short test summary info ===\nPASSED tests/test_a.py::test_one\nFAILED tests/test_a.py::test_two - assert 1 == 2\nPASSED tests/test_b.py::test_three\n";
        assert_eq!(selected(report, &["tests/test_a.py::test_one"]), "PASSED tests/test_a.py::test_one\n");
        let a = selected(report, &["tests/test_a.py"]);
        assert_eq!(a, "PASSED tests/test_a.py::test_one\nFAILED tests/test_a.py::test_two - assert 1 == 2\n");
        assert!(failure_sections(report, &a).contains(">       assert 1 == 2"));
        assert_eq!(failure_sections(report, "PASSED tests/test_a.py::test_one\n"), "");
    }

    #[test]
    fn the_root_is_three_folders_up() {
        assert_eq!(repository_root(Path::new("/r/exercises/part/name")), PathBuf::from("/r"));
        assert_eq!(starter_dir(Path::new("/r/solutions/part/name")), PathBuf::from("/r/exercises/part/name"));
        assert_eq!(starter_dir(Path::new("/r/exercises/part/name")), PathBuf::from("/r/exercises/part/name"));
    }
}
