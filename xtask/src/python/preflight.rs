//! The interpreter check that runs before the workbook creates its venv (and in `doctor`):
//! is the chosen Python new enough, can it create a venv, and can Rust programs embed it?
//! Each problem comes with the command that fixes it on Debian/Ubuntu, Fedora and macOS.
//!
//! Embedding needs the shared libpython in the form the linker takes for `-lpython3.X`:
//! `LIBDIR/LDLIBRARY`, `libpython3.X.so` on Linux, which Debian and Ubuntu ship in
//! `python3.X-dev` (the runtime package has only `libpython3.X.so.1.0`), Fedora in
//! `python3-devel`. C headers are not checked: PyO3 never compiles C against `Python.h`
//! (its FFI is Rust declarations), and no exercise compiles C (cffi runs in ABI mode).

use anyhow::Result;
use serde::Deserialize;
use std::path::Path;
use std::process::Command;

/// The oldest supported Python minor version (3.10: Ubuntu 22.04 LTS's `python3`).
pub const OLDEST_MINOR: u32 = 10;

/// Prints what [`Facts`] holds, as JSON; runs on Python 3 of any age.
const FACTS: &str = r#"
import json, os, sys, sysconfig
import importlib.util as u
c = sysconfig.get_config_var
lib = os.path.join(c('LIBDIR') or '', c('LDLIBRARY') or '')
print(json.dumps({
    'version': list(sys.version_info[:3]),
    'executable': sys.executable,
    'venv': u.find_spec('venv') is not None and u.find_spec('ensurepip') is not None,
    'shared': bool(c('Py_ENABLE_SHARED')) or bool(c('PYTHONFRAMEWORK')),
    'framework': bool(c('PYTHONFRAMEWORK')),
    'library': lib,
    'library_found': os.path.exists(lib),
}))
"#;

/// What an interpreter says about the parts the workbook needs.
#[derive(Debug, Deserialize)]
pub struct Facts {
    /// `sys.version_info[:3]`, e.g. `[3, 12, 1]`.
    pub version: Vec<u32>,
    /// `sys.executable`.
    pub executable: String,
    /// Whether the `venv` and `ensurepip` modules are there (Debian splits them off).
    pub venv: bool,
    /// Whether it was built with a shared libpython (or as a macOS framework).
    pub shared: bool,
    /// Whether it is a macOS framework build (Homebrew, python.org): its library is the framework.
    pub framework: bool,
    /// `LIBDIR/LDLIBRARY`: the library `-lpython3.x` links against (`libpython3.X.so`).
    pub library: String,
    /// Whether [`Facts::library`] exists.
    pub library_found: bool,
}

impl Facts {
    /// `3.12`.
    pub fn minor(&self) -> String {
        format!("{}.{}", self.version.first().unwrap_or(&0), self.version.get(1).unwrap_or(&0))
    }

    /// `3.12.1`.
    pub fn full_version(&self) -> String {
        self.version.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
    }
}

/// One thing the interpreter lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It does not run, or is not a Python 3 that can describe itself.
    Unusable { detail: String },
    /// Older than 3.[`OLDEST_MINOR`].
    TooOld { version: String },
    /// No `venv`/`ensurepip`: it cannot create `.venv`.
    NoVenv,
    /// No shared libpython to link and load: Rust programs cannot embed it.
    NoSharedLibrary { library: String },
}

/// Asks `base` about itself.
///
/// # Errors
/// [`Problem::Unusable`] when it cannot start or prints no facts.
pub fn facts(base: &Path) -> std::result::Result<Facts, Problem> {
    let output = Command::new(base).args(["-c", FACTS]).output().map_err(|err| Problem::Unusable { detail: err.to_string() })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(stdout.trim()).map_err(|_| Problem::Unusable {
        detail: format!("{}: {}{}", output.status, stdout.trim(), String::from_utf8_lossy(&output.stderr).trim()),
    })
}

/// The problems of an interpreter, in the order a student should fix them; empty when
/// it can serve the workbook.
pub fn problems(facts: &Facts) -> Vec<Problem> {
    let mut out = Vec::new();
    if facts.version.first() != Some(&3) || facts.version.get(1).is_none_or(|m| *m < OLDEST_MINOR) {
        out.push(Problem::TooOld { version: facts.full_version() });
    }
    if !facts.venv {
        out.push(Problem::NoVenv);
    }
    // Windows has no libpython to link by name; macOS framework builds carry theirs.
    if !cfg!(windows) && !(facts.shared && (facts.library_found || facts.framework)) {
        out.push(Problem::NoSharedLibrary { library: facts.library.clone() });
    }
    out
}

/// Checks `base` (shown as `origin`) and fails with one message per problem.
///
/// # Errors
/// When the interpreter has any [`Problem`]: the message names each one with its fix.
pub fn check(base: &Path, origin: &str) -> Result<Facts> {
    let facts = facts(base).map_err(|problem| anyhow::anyhow!("{}", problem.message(origin, "3")))?;
    let found = problems(&facts);
    if !found.is_empty() {
        let messages: Vec<String> = found.iter().map(|p| p.message(&facts.executable, &facts.minor())).collect();
        anyhow::bail!("the Python chosen by {origin} cannot serve the workbook:\n{}", messages.join("\n"));
    }
    Ok(facts)
}

impl Problem {
    /// The message for a student: what is wrong with `python` (`minor` like `3.12`), then
    /// the command that fixes it on each platform.
    pub fn message(&self, python: &str, minor: &str) -> String {
        let (what, fixes): (String, [String; 3]) = match self {
            Problem::Unusable { detail } => (
                format!("{python} does not run as a Python 3 ({detail})"),
                install_fixes(minor),
            ),
            Problem::TooOld { version } => (
                format!("{python} is Python {version}; the workbook needs 3.{OLDEST_MINOR} or newer"),
                install_fixes("3.12"),
            ),
            Problem::NoVenv => (
                format!("{python} has no `venv`/`ensurepip` module, which creates the workbook's .venv"),
                [
                    format!("sudo apt install python{minor}-venv"),
                    format!("sudo dnf install python{minor}"),
                    format!("brew reinstall python@{minor}"),
                ],
            ),
            Problem::NoSharedLibrary { library } => (
                format!("{python} has no shared libpython to link ({library}), which Rust programs that embed Python link against"),
                dev_fixes(minor),
            ),
        };
        let [debian, fedora, macos] = fixes;
        let mut text = format!(
            "✗ {what}. Fix:\n    Debian/Ubuntu:     {debian}\n    Fedora:            {fedora}\n    macOS (Homebrew):  {macos}"
        );
        if matches!(self, Problem::NoSharedLibrary { .. }) {
            text.push_str(&format!("\n    pyenv:             env PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install --force {minor}"));
        }
        text.push_str("\n  or set WORKBOOK_PYTHON to another Python 3.10 or newer (`cargo xtask doctor` shows the checks)");
        text
    }
}

/// Installing a whole Python `minor` with what the workbook needs.
fn install_fixes(minor: &str) -> [String; 3] {
    [
        format!("sudo apt install python{minor} python{minor}-venv python{minor}-dev"),
        format!("sudo dnf install python{minor} python{minor}-devel"),
        format!("brew install python@{minor}"),
    ]
}

/// The development package of Python `minor`, which holds the linkable `libpython3.X.so`.
fn dev_fixes(minor: &str) -> [String; 3] {
    [
        format!("sudo apt install python{minor}-dev"),
        format!("sudo dnf install python{minor}-devel"),
        format!("brew reinstall python@{minor} (Homebrew's Python is a framework build and carries its library)"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Facts {
        Facts {
            version: vec![3, 12, 1],
            executable: "/usr/bin/python3.12".into(),
            venv: true,
            shared: true,
            framework: false,
            library: "/usr/lib/libpython3.12.so".into(),
            library_found: true,
        }
    }

    #[test]
    fn a_complete_python_has_no_problem() {
        assert_eq!(problems(&good()), vec![]);
    }

    #[test]
    fn each_missing_part_is_one_problem_in_fixing_order() {
        let facts = Facts { version: vec![3, 9, 18], venv: false, library_found: false, ..good() };
        let found = problems(&facts);
        assert_eq!(
            found,
            vec![
                Problem::TooOld { version: "3.9.18".into() },
                Problem::NoVenv,
                Problem::NoSharedLibrary { library: "/usr/lib/libpython3.12.so".into() },
            ]
        );
    }

    #[test]
    fn a_static_python_has_no_shared_library_and_a_framework_build_does() {
        let static_build = Facts { shared: false, ..good() };
        assert!(matches!(problems(&static_build)[..], [Problem::NoSharedLibrary { .. }]));
        let framework = Facts { shared: true, framework: true, library_found: false, ..good() };
        assert_eq!(problems(&framework), vec![]);
    }

    #[test]
    fn a_runtime_library_without_the_linkable_one_is_a_problem_with_the_dev_package_as_fix() {
        // Debian without python3.12-dev: libpython3.12.so.1.0 is there, libpython3.12.so is not.
        let facts = Facts { library_found: false, ..good() };
        let found = problems(&facts);
        assert_eq!(found, vec![Problem::NoSharedLibrary { library: "/usr/lib/libpython3.12.so".into() }]);
        let message = found[0].message("/usr/bin/python3.12", "3.12");
        assert!(message.contains("no shared libpython to link (/usr/lib/libpython3.12.so)"), "{message}");
        assert!(message.contains("Debian/Ubuntu:     sudo apt install python3.12-dev"), "{message}");
        assert!(message.contains("Fedora:            sudo dnf install python3.12-devel"), "{message}");
    }

    #[test]
    fn every_message_gives_a_fix_for_each_platform() {
        let message = Problem::NoVenv.message("/usr/bin/python3", "3.11");
        assert!(message.contains("Debian/Ubuntu:     sudo apt install python3.11-venv"), "{message}");
        assert!(message.contains("Fedora:            sudo dnf install python3.11"), "{message}");
        assert!(message.contains("macOS (Homebrew):  brew reinstall python@3.11"), "{message}");
    }

    #[test]
    fn the_machines_python_is_described() {
        let facts = facts(Path::new("python3")).expect("python3 runs here");
        assert_eq!(facts.version[0], 3);
        assert!(facts.executable.contains("python"), "{}", facts.executable);
    }

    #[test]
    fn a_missing_interpreter_is_unusable() {
        assert!(matches!(facts(Path::new("/nonexistent/python3")), Err(Problem::Unusable { .. })));
    }
}
