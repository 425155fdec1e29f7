//! Step 1 (and the wheel of step 2) of checking a stage: the arguments of cargo's and
//! maturin's builds, and what a build gave, crate by crate: each crate's test binary or
//! its own compiler errors.

use crate::course::Exercise;
use anyhow::Result;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The test binary, once both builds of a run are in: `cargo` is what [`read_build`]
/// gave; `wheel`, for an exercise checked through a wheel, is maturin's messages when it
/// failed, or the error that kept it from running. cargo's errors come first (they are
/// the student's to fix, and maturin fails on them too), then that error, then maturin's.
///
/// # Errors
/// When maturin could not run (it could not start, or the venv's installation failed)
/// while cargo's build succeeded.
pub fn both_builds(cargo: Result<PathBuf, String>, wheel: Option<Result<Option<String>>>) -> Result<Result<PathBuf, String>> {
    let binary = match cargo {
        Ok(binary) => binary,
        Err(output) => return Ok(Err(output)),
    };
    match wheel.transpose()?.flatten() {
        Some(output) => Ok(Err(output)),
        None => Ok(Ok(binary)),
    }
}

/// How the compiler's messages are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// With ANSI colours, for a terminal.
    Ansi,
    /// Plain text, for files and pipes.
    Plain,
}

/// The arguments of `cargo` that build the stage tests of `packages` without running
/// them, with JSON messages (`cargo_metadata`'s format) on standard output. With several
/// packages, cargo builds them in parallel and goes on past a crate that fails
/// (`--no-fail-fast`).
pub fn build_args(packages: &[String], color: Color) -> Vec<String> {
    let format = match color {
        Color::Ansi => "--message-format=json-diagnostic-rendered-ansi",
        Color::Plain => "--message-format=json",
    };
    // `--no-fail-fast` (which for `cargo test` also keeps the build going): one crate's
    // compile error never stops cargo from building the others of the same build (a
    // grading build names every exercise crate).
    let mut args: Vec<String> = ["test", "--no-run", "--no-fail-fast", format, "--test", "check"].map(String::from).to_vec();
    for package in packages {
        args.extend(["--package".to_string(), package.clone()]);
    }
    args
}

/// The test binary a build produced, or, when it failed, the compiler's errors (its
/// warnings only when it printed no error; cargo's own message when it printed none).
pub fn read_build(stdout: &str, stderr: &str, success: bool) -> Result<PathBuf, String> {
    let mut builds = Builds::read(stdout);
    match builds.binaries.pop() {
        Some((_, binary)) if success => Ok(binary),
        _ => Err(builds.failure_of(None, stderr)),
    }
}

/// What one `cargo test --no-run --message-format=json` run built, crate by crate.
#[derive(Debug, Default)]
pub struct Builds {
    /// The `check` test binary of each crate that built, by the crate's manifest folder.
    pub binaries: Vec<(PathBuf, PathBuf)>,
    /// Each compiler message: the source file it is about, whether it is an error, and
    /// its rendered text.
    messages: Vec<(PathBuf, bool, String)>,
}

impl Builds {
    /// Reads cargo's JSON messages (`cargo_metadata`'s format).
    pub fn read(stdout: &str) -> Builds {
        let mut builds = Builds::default();
        for message in cargo_metadata::Message::parse_stream(stdout.as_bytes()).flatten() {
            match message {
                cargo_metadata::Message::CompilerArtifact(artifact) if artifact.target.name == "check" && artifact.profile.test => {
                    if let (Some(binary), Some(dir)) = (artifact.executable, artifact.manifest_path.parent()) {
                        builds.binaries.push((PathBuf::from(dir), PathBuf::from(binary)));
                    }
                }
                cargo_metadata::Message::CompilerMessage(m) => {
                    let text = m.message.rendered.clone().unwrap_or_else(|| m.message.message.clone());
                    let error = matches!(m.message.level, cargo_metadata::diagnostic::DiagnosticLevel::Error | cargo_metadata::diagnostic::DiagnosticLevel::Ice);
                    builds.messages.push((PathBuf::from(m.target.src_path), error, text));
                }
                _ => {}
            }
        }
        builds
    }

    #[cfg(feature = "authoring")]
    /// The test binary of the crate in `dir`, if it built.
    pub fn binary_of(&self, dir: &Path) -> Option<&Path> {
        self.binaries.iter().find(|(d, _)| same_folder(d, dir)).map(|(_, b)| b.as_path())
    }

    #[cfg(feature = "authoring")]
    /// Whether the compiler reported an error in the crate in `dir`: its build failed
    /// for a reason of its own, not because another crate of the same build failed.
    pub fn has_errors_in(&self, dir: &Path) -> bool {
        self.messages.iter().any(|(src, error, _)| *error && (src.starts_with(dir) || same_folder_prefix(src, dir)))
    }

    /// Why the crate in `dir` (every crate, for `None`) did not build: its errors, its
    /// warnings when it has no error, else what cargo printed on `stderr`.
    pub fn failure_of(&self, dir: Option<&Path>, stderr: &str) -> String {
        let mine: Vec<&(PathBuf, bool, String)> = self.messages.iter().filter(|(src, _, _)| dir.is_none_or(|d| src.starts_with(d) || same_folder_prefix(src, d))).collect();
        let errors: Vec<&str> = mine.iter().filter(|(_, e, _)| *e).map(|(_, _, t)| t.as_str()).collect();
        let shown: Vec<&str> = if errors.is_empty() { mine.iter().map(|(_, _, t)| t.as_str()).collect() } else { errors };
        if shown.is_empty() { compiler_messages(stderr) } else { shown.concat().trim_end().to_string() }
    }
}

#[cfg(feature = "authoring")]
/// Whether two paths name the same folder, links resolved.
fn same_folder(a: &Path, b: &Path) -> bool {
    a == b || matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Whether `path` is inside `dir`, links resolved.
fn same_folder_prefix(path: &Path, dir: &Path) -> bool {
    matches!((std::fs::canonicalize(path), std::fs::canonicalize(dir)), (Ok(x), Ok(y)) if x.starts_with(&y))
}

/// Whether `exercise` is checked through a wheel: its starter's `tests/` holds pytest
/// files (`test_*.py`), which run against the crate built by maturin and installed.
pub fn builds_a_wheel(root: &Path, exercise: &Exercise) -> bool {
    std::fs::read_dir(root.join(exercise.dir()).join("tests"))
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| e.file_name().to_str().is_some_and(|n| n.starts_with("test_") && n.ends_with(".py")))
}

/// The arguments of `maturin` that build the crate in `crate_dir` into one wheel in
/// `out` (maturin user guide, "maturin build"), compiling into `target`. The wheel is
/// tested here, never published, so maturin's manylinux audit (about a second per build)
/// is skipped (`--auditwheel skip`), and its files are stored, not compressed
/// (`--compression-method stored`: 60 ms less per build, and the unpacking copies them).
pub fn wheel_args(crate_dir: &Path, target: &Path, out: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> =
        ["build", "--quiet", "--auditwheel", "skip", "--compression-method", "stored", "--manifest-path"].map(OsString::from).to_vec();
    args.extend([crate_dir.join("Cargo.toml").into(), "--target-dir".into(), target.into(), "--out".into(), out.into()]);
    args
}

/// The compiler's messages without cargo's progress lines.
pub fn compiler_messages(output: &str) -> String {
    output
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("Compiling ") || t.starts_with("Finished ") || t.starts_with("Running ") || t.starts_with("Blocking "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binary() -> PathBuf {
        PathBuf::from("target/debug/deps/check-0123")
    }

    #[test]
    fn cargos_errors_win_when_both_builds_fail() {
        let cargo = Err("error[E0308]: mismatched types".to_string());
        let maturin = Some(Ok(Some("maturin could not build the extension module:\nerror[E0308]".to_string())));
        assert_eq!(both_builds(cargo.clone(), maturin).unwrap(), cargo);
        // Even a venv that failed to install waits behind the student's compile errors.
        let failed = Some(Err(anyhow::anyhow!("installing the workbook's Python packages failed")));
        assert_eq!(both_builds(cargo.clone(), failed).unwrap(), cargo);
    }

    #[test]
    fn maturins_failure_is_a_failed_build_when_cargo_built() {
        let output = "maturin could not build the extension module:\n💥 maturin failed".to_string();
        assert_eq!(both_builds(Ok(binary()), Some(Ok(Some(output.clone())))).unwrap(), Err(output));
        assert_eq!(both_builds(Ok(binary()), Some(Ok(None))).unwrap(), Ok(binary()));
        assert_eq!(both_builds(Ok(binary()), None).unwrap(), Ok(binary()));
    }

    #[test]
    fn maturin_that_could_not_run_is_an_error_when_cargo_built() {
        let failed = Some(Err(anyhow::anyhow!("running maturin build")));
        assert_eq!(format!("{:#}", both_builds(Ok(binary()), failed).unwrap_err()), "running maturin build");
    }
}
