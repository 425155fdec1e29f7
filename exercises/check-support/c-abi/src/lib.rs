//! Helpers shared by the stage tests of the C ABI exercises (part `c-abi`).
//!
//! Those exercises build a `cdylib` that Python loads with ctypes or cffi, so their checks
//! run a real Python process, not an embedded interpreter: this crate has no pyo3.
//!
//! How the library under test is found and kept fresh: an exercise's `[lib]` has
//! `crate-type = ["cdylib", "rlib"]`. When `cargo test --test check` builds the test, it
//! compiles the library once, with both crate types in one `rustc` run, into the folder
//! of the test binary (`target/debug/deps/`). So the `.so` (`.dylib`, `.dll`) next to the
//! running test is always the one built from the current `src/lib.rs`: an edit recompiles
//! both, and no nested `cargo build` is needed (one would wait forever for the build lock
//! that the outer `cargo test` holds).

pub use check_report::{Inputs, Rng, observe, observe_held_out};

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The file name the platform gives the `cdylib` of the library `lib_name`:
/// `lib<name>.so` on Linux, `lib<name>.dylib` on macOS, `<name>.dll` on Windows.
pub fn cdylib_file_name(lib_name: &str) -> String {
    format!("{}{lib_name}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX)
}

/// The `cdylib` of `package` that cargo built with the running test binary.
///
/// `package` is the package name (`env!("CARGO_PKG_NAME")` in a test); its library name
/// is the same with `-` replaced by `_`.
///
/// # Panics
/// When the library is not there, saying how to fix the crate (it needs
/// `crate-type = ["cdylib", "rlib"]`).
#[track_caller]
pub fn cdylib(package: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    let deps = exe.parent().expect("the test binary lives in a folder");
    let path = deps.join(cdylib_file_name(&package.replace('-', "_")));
    assert!(
        path.is_file(),
        "{} was not built: the crate's Cargo.toml needs `[lib] crate-type = [\"cdylib\", \"rlib\"]`",
        path.display()
    );
    path
}

/// The Python interpreter of the workbook's venv ([`check_report::venv`]).
pub fn python() -> PathBuf {
    check_report::venv_bin().join(if cfg!(windows) { "python.exe" } else { "python" })
}

/// Runs `python -B script args...` and returns what it printed on standard output.
///
/// `-B` keeps Python from writing `__pycache__` folders: a check never writes into a
/// student's files, and a script may import the student's Python module.
///
/// # Panics
/// When Python cannot start or exits with a failure, with its standard error (the
/// traceback) and standard output in the message. When the process was killed by a
/// signal (a Rust panic that reached `extern "C"` aborts the process), the message says so.
#[track_caller]
pub fn run_script<S: AsRef<OsStr>>(script: &Path, args: &[S]) -> String {
    let python = python();
    // A path without `..` reads better in a traceback.
    let script = std::fs::canonicalize(script).unwrap_or_else(|_| script.to_path_buf());
    let output = match check_report::process::run_to_end(Command::new(&python).arg("-B").arg(&script).args(args).env("PYTHONIOENCODING", "utf-8")) {
        Ok(output) => output,
        Err(e) => panic!("cannot run {}: {e}; run `cargo xtask doctor`", python.display()),
    };
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = without_backtrace(&String::from_utf8_lossy(&output.stderr));
    if output.lingering {
        panic!("{}.\n{}", check_report::process::LINGERING, printed(&stderr, &stdout));
    }
    if !output.status.success() {
        panic!("Python {}.\n{}", describe_failure(&output.status), printed(&stderr, &stdout));
    }
    stdout
}

/// What a script printed, for a failure message: each stream that is not empty under a
/// heading of its own, or a line saying it printed nothing.
fn printed(stderr: &str, stdout: &str) -> String {
    let mut out = String::new();
    for (name, text) in [("standard error", stderr), ("standard output", stdout)] {
        if !text.trim().is_empty() {
            out.push_str(&format!("--- {name} ---\n{}\n", text.trim_end()));
        }
    }
    if out.is_empty() {
        out.push_str("(it printed nothing)\n");
    }
    out
}

/// Runs `script` with the `cdylib` of `package` as its first argument, then `args`, and
/// returns what it printed (see [`run_script`]).
#[track_caller]
pub fn run_with_cdylib<S: AsRef<OsStr>>(script: &Path, package: &str, args: &[S]) -> String {
    let mut all = vec![cdylib(package).into_os_string()];
    all.extend(args.iter().map(|a| a.as_ref().to_os_string()));
    run_script(script, &all)
}

/// `stderr` without the stack backtrace Rust prints when a panic reaches an `extern "C"`
/// function (it prints one even with `RUST_BACKTRACE=0`): the panic message above it is
/// what a student needs.
fn without_backtrace(stderr: &str) -> String {
    match stderr.find("stack backtrace:") {
        Some(start) => {
            let rest = &stderr[start..];
            // Keep what follows the backtrace, such as Python's own last words.
            let after = rest.find("\nnote: ").map(|i| &rest[i + 1..]).unwrap_or("");
            format!("{}(stack backtrace left out)\n{after}", &stderr[..start])
        }
        None => stderr.to_string(),
    }
}

/// Says how a process ended, naming the signal when it was killed by one.
fn describe_failure(status: &std::process::ExitStatus) -> String {
    match check_report::process::Ending::of(status) {
        check_report::process::Ending::Signal(signal) => format!("was killed by {}", check_report::process::signal_name(signal)),
        check_report::process::Ending::Exited(_) => format!("exited with {status}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_follow_the_platform() {
        let name = cdylib_file_name("add_numbers");
        assert!(name.contains("add_numbers"));
        if cfg!(target_os = "linux") {
            assert_eq!(name, "libadd_numbers.so");
        }
    }
}
