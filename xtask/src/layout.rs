//! The rules that tie an exercise's starter to its solution.
//!
//! A solution is the starter with its editable files solved, nothing else: every other
//! file is identical, except two that are mechanical:
//! - `Cargo.toml` differs only in the package name (`<name>_solution`) and the relative
//!   paths to the shared crates under `exercises/` (`check-support`, `check-support/c-abi`);
//! - `tests/check.rs` is a two-line wrapper that includes the starter's tests, so that
//!   one copy of the tests, their data files and the snapshots (all of `tests/`) serves
//!   both; the solution's `tests/` holds nothing else.
//!
//! Every starter's and solution's `Cargo.toml` names its library file (`[lib] path =
//! "src/lib.rs"`): cargo then loads the workspace even when a student deletes the file,
//! so that every `cargo xtask` command still starts and `reset` can restore it.

// What `verify` checks of the rules (`problems`) is the authors' only.
#[cfg(feature = "authoring")]
use crate::course::{Exercise, Kind};
#[cfg(feature = "authoring")]
use crate::workspace::Workspace;
#[cfg(feature = "authoring")]
use anyhow::Result;
#[cfg(feature = "authoring")]
use std::collections::BTreeSet;
#[cfg(feature = "authoring")]
use std::path::{Path, PathBuf};

/// The comment above `path = "src/lib.rs"` in an exercise's `Cargo.toml`.
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub const LIB_PATH_REASON: &str =
    "Named, not inferred: cargo then loads the workspace even when this file is missing,\nand `cargo xtask` can say so and restore it.";

#[cfg(feature = "authoring")]
/// The solution's `tests/check.rs` for `exercise`, byte for byte.
pub fn solution_check_rs(exercise: &Exercise) -> String {
    solution_check_rs_for(exercise.name(), &exercise.dir().display().to_string())
}

/// The solution's `tests/check.rs` of the exercise `name` whose starter is the folder
/// `starter_dir` (repository-relative).
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub fn solution_check_rs_for(name: &str, starter_dir: &str) -> String {
    format!(
        "// Runs the exercise's stage checks, and so its snapshots, against the solution.\nextern crate {name}_solution as {name};\ninclude!(\"../../../../{starter_dir}/tests/check.rs\");\n"
    )
}

#[cfg(feature = "authoring")]
/// The solution's `Cargo.toml` as the starter's implies it.
pub fn solution_cargo_toml(exercise: &Exercise, starter: &str) -> String {
    solution_cargo_toml_for(exercise.name(), starter)
}

/// The solution's `Cargo.toml` of the exercise `name` as the starter's text implies it.
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
pub fn solution_cargo_toml_for(name: &str, starter: &str) -> String {
    starter
        .replacen(&format!("name = \"{name}\""), &format!("name = \"{name}_solution\""), 1)
        // Every path dependency on a shared crate under exercises/ (check-support, and
        // check-support/c-abi for the C ABI part): `../../X` from exercises/<part>/<name>
        // is `../../../exercises/X` from solutions/<part>/<name>.
        .replace("path = \"../../", "path = \"../../../exercises/")
}

#[cfg(feature = "authoring")]
/// Every way the starter and solution of `exercise` break the rules above, one message
/// each, naming the file and the fix.
///
/// # Errors
/// When a folder cannot be read.
pub fn problems(ws: &Workspace, exercise: &Exercise) -> Result<Vec<String>> {
    let starter_dir = ws.path(exercise.dir());
    let solution_dir = ws.path(exercise.solution_dir());
    let editable: BTreeSet<PathBuf> = exercise
        .editable()
        .iter()
        .filter_map(|p| p.strip_prefix(exercise.dir()).ok().map(Path::to_path_buf))
        .collect();
    let mechanical = [PathBuf::from("Cargo.toml"), PathBuf::from("tests/check.rs")];
    let starter_files = files(&starter_dir)?;
    let solution_files = files(&solution_dir)?;
    let mut out = Vec::new();
    for file in starter_files.union(&solution_files) {
        if editable.contains(file) || mechanical.contains(file) {
            continue;
        }
        let in_starter = starter_files.contains(file);
        let in_solution = solution_files.contains(file);
        let starter_path = exercise.dir().join(file);
        let solution_path = exercise.solution_dir().join(file);
        if file.starts_with("tests") {
            if in_solution {
                out.push(format!(
                    "{}: the solution shares the starter's tests/ (snapshots and data included); delete it",
                    solution_path.display()
                ));
            }
            continue;
        }
        if !in_solution {
            out.push(format!("{} has no copy in the solution: copy it to {}", starter_path.display(), solution_path.display()));
        } else if !in_starter {
            out.push(format!(
                "{} is not in the starter: a solution may only change editable files; copy it to {} or list it in `editable`",
                solution_path.display(),
                starter_path.display()
            ));
        } else if fs_err::read(starter_dir.join(file))? != fs_err::read(solution_dir.join(file))? {
            out.push(format!(
                "{} differs from {}, and students may not edit it: make them identical or list it in `editable`",
                solution_path.display(),
                starter_path.display()
            ));
        }
    }
    let starter_toml = fs_err::read_to_string(starter_dir.join("Cargo.toml"))?;
    let solution_toml = fs_err::read_to_string(solution_dir.join("Cargo.toml"))?;
    if solution_cargo_toml(exercise, &starter_toml) != solution_toml {
        out.push(format!(
            "{}/Cargo.toml must equal the starter's but for the package name `{}_solution` and the check-support paths",
            exercise.solution_dir().display(),
            exercise.name()
        ));
    }
    if !starter_toml.lines().any(|line| line.trim() == "path = \"src/lib.rs\"") {
        out.push(format!(
            "{}/Cargo.toml must name its library, `[lib]` then `path = \"src/lib.rs\"`: otherwise a student who deletes the file stops every `cargo xtask` command",
            exercise.dir().display()
        ));
    }
    let check_rs = fs_err::read_to_string(solution_dir.join("tests/check.rs")).unwrap_or_default();
    if check_rs != solution_check_rs(exercise) {
        out.push(format!(
            "{}/tests/check.rs must be exactly:\n{}",
            exercise.solution_dir().display(),
            solution_check_rs(exercise)
        ));
    }
    // Extension-module crates embed Python too, in their stage tests.
    if matches!(exercise.kind, Kind::Embedding | Kind::ExtensionModule) {
        let build_rs = fs_err::read_to_string(starter_dir.join("build.rs")).unwrap_or_default();
        if !build_rs.contains("add_libpython_rpath_link_args") {
            out.push(format!(
                "{}/build.rs must call pyo3_build_config::add_libpython_rpath_link_args(), or the tests may embed another libpython (see `cargo xtask doctor`)",
                exercise.dir().display()
            ));
        }
    }
    Ok(out)
}

#[cfg(feature = "authoring")]
/// The files under `dir`, relative to it, leaving out build output and Python caches.
fn files(dir: &Path) -> Result<BTreeSet<PathBuf>> {
    let mut out = BTreeSet::new();
    let walk = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some("target" | "__pycache__" | ".pytest_cache")));
    for entry in walk {
        let entry = entry?;
        if entry.file_type().is_file() {
            out.insert(entry.path().strip_prefix(dir)?.to_path_buf());
        }
    }
    Ok(out)
}
