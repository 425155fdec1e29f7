//! Seeding a new target folder with the registry crates (pyo3, syn, insta, numpy, ...)
//! that another target folder of the workspace already compiled, so that its first build
//! compiles only what differs: a new grading slot starts from the workspace's target
//! (`grade/sandbox.rs`), a new interpreter's target folder (`WORKBOOK_PYTHON`) from the
//! default interpreter's (`python.rs`).
//!
//! Cargo names each compiled unit of a registry crate after the package and a 16-hex-digit
//! hash of everything that decides its output (version, features, profile, target, the
//! hashes of its own dependencies): `.fingerprint/<package>-<hash>/`,
//! `build/<package>-<hash>/` (a build script and its output), `deps/lib<crate>-<hash>.rlib`
//! (`.rmeta`, `.so`) and `deps/<crate>-<hash>.d` (The Cargo Book, "Build cache"). A copied
//! unit is taken as fresh only where the new build asks for the same hash and its build
//! script read the same environment: under another Python, pyo3's build scripts see
//! another `PYO3_PYTHON` and run again, and every crate built on pyo3 is compiled again,
//! as it would be in a target folder shared between Pythons; syn, serde, insta and the
//! other crates that do not depend on Python are kept. Only registry crates are copied: the
//! workspace's own crates (the exercises, `check-support`) are rebuilt, as their paths or
//! their Python differ.
//!
//! Copies keep their files' times (`cp -a`): cargo rebuilds a unit whose dependency's
//! output looks newer than its own. The source folder is locked as cargo locks it
//! (`<profile>/.cargo-lock`) while it is copied, so that no build writes a unit half-way
//! through its copy; when a build holds that lock, the folder is not seeded.
//!
//! Measured on two cores: `cargo xtask grade prepare` with slot 0 removed and the
//! workspace's build warm took 61 s with a cold slot, 33 s seeded (1.6 s of it the copy
//! of 598 MB); `WORKBOOK_PYTHON=python3.12 cargo xtask verify --scope solutions` with its
//! target folder removed, 2 min 37 s cold, 2 min 25 s seeded.

use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The profile folders copied, relative to a target folder: cargo's `debug` and
/// maturin's (`stage::wheel_args` builds into `<target>/maturin`).
const PROFILES: [&str; 2] = ["debug", "maturin/debug"];

/// The folders of a profile that hold compiled units.
const UNIT_FOLDERS: [&str; 3] = [".fingerprint", "build", "deps"];

/// How many paths one `cp` is given at a time.
const PATHS_PER_COPY: usize = 400;

/// What seeding copied: units (files and folders) and bytes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub entries: usize,
    pub bytes: u64,
}

/// Copies into `into` (a new, empty target folder) every compiled unit of a registry
/// crate of the workspace found in the target folder `from`, for each of [`PROFILES`].
///
/// # Errors
/// When a build holds `from`, `cargo metadata` fails on the workspace, or a folder cannot
/// be read, created or copied (naming it). The caller then removes the half-seeded
/// folder, and the first build there compiles everything.
pub fn registry_units(ws: &Workspace, from: &Path, into: &Path) -> Result<Seeded> {
    let names = registry_names(ws)?;
    let mut seeded = Seeded::default();
    let (source, destination) = (from, into);
    for profile in PROFILES {
        let from = source.join(profile);
        if !from.join("deps").is_dir() {
            continue;
        }
        // Cargo's own lock of the profile folder: no build writes into it meanwhile. A
        // build running there now may take minutes: the slot is then warmed from nothing.
        let lock_path = from.join(".cargo-lock");
        let lock = fs_err::File::create(&lock_path)?;
        if lock.file().try_lock().is_err() {
            bail!("a build holds {}", lock_path.display());
        }
        for folder in UNIT_FOLDERS {
            let source = from.join(folder);
            let Ok(entries) = fs_err::read_dir(&source) else { continue };
            let mut units = Vec::new();
            for entry in entries {
                let entry = entry?;
                if entry.file_name().to_str().is_some_and(|name| is_unit_of(name, &names)) {
                    seeded.bytes += size(&entry.path());
                    units.push(entry.path());
                }
            }
            let into = destination.join(profile).join(folder);
            fs_err::create_dir_all(&into)?;
            for chunk in units.chunks(PATHS_PER_COPY) {
                copy(chunk, &into)?;
            }
            seeded.entries += units.len();
        }
    }
    Ok(seeded)
}

/// The names a registry crate's units carry: each registry package's name and its
/// library's crate name (`-` as `_`), from `cargo metadata` on the workspace.
///
/// # Errors
/// When cargo fails or prints what is not its metadata.
fn registry_names(ws: &Workspace) -> Result<BTreeSet<String>> {
    let mut cmd = ws.cargo();
    cmd.args(["metadata", "--format-version", "1", "--offline", "--manifest-path"]).arg(ws.path("Cargo.toml"));
    let out = cmd.output().context("running cargo metadata on the workspace")?;
    if !out.status.success() {
        bail!("cargo metadata failed on {}:\n{}", ws.path("Cargo.toml").display(), String::from_utf8_lossy(&out.stderr));
    }
    let metadata: cargo_metadata::Metadata = serde_json::from_slice(&out.stdout).context("reading cargo metadata's output")?;
    let mut names = BTreeSet::new();
    for package in metadata.packages.iter().filter(|p| p.source.is_some()) {
        names.insert(package.name.to_string());
        // Only the library's crate name: a registry package's test or example may be
        // called `check`, as every exercise's test binary is.
        names.extend(package.targets.iter().filter(|t| !(t.is_bin() || t.is_example() || t.is_test() || t.is_bench() || t.is_custom_build())).map(|t| t.name.replace('-', "_")));
    }
    Ok(names)
}

/// Whether `entry`, a file or folder name in a profile's unit folder, is a unit of one of
/// the crates `names`: `<name>-<16 hex digits>`, optionally prefixed with `lib` and
/// followed by an extension (`libpyo3-0123456789abcdef.rlib`, `pyo3-0123456789abcdef.d`).
pub fn is_unit_of(entry: &str, names: &BTreeSet<String>) -> bool {
    let candidates = [Some(entry), entry.strip_prefix("lib")];
    candidates.into_iter().flatten().any(|rest| {
        let Some((name, hash)) = rest.rsplit_once('-') else { return false };
        let hash = hash.split('.').next().unwrap_or_default();
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && names.contains(name)
    })
}

/// The bytes under `path` (a file, or a folder and everything in it).
fn size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path).into_iter().flatten().filter_map(|e| e.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len()).sum()
}

/// `cp -a` of `paths` into the folder `into`, keeping times, modes and links.
///
/// # Errors
/// When `cp` cannot start or fails, with what it printed.
fn copy(paths: &[PathBuf], into: &Path) -> Result<()> {
    let out = std::process::Command::new("cp").arg("-a").args(paths).arg(into).output().context("running cp")?;
    if !out.status.success() {
        bail!("copying compiled crates into {} failed: {}", into.display(), String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> BTreeSet<String> {
        ["pyo3", "pyo3-ffi", "pyo3_ffi", "serde"].map(String::from).into_iter().collect()
    }

    #[test]
    fn a_registry_crates_units_are_recognised_in_every_folder() {
        for entry in ["pyo3-0123456789abcdef", "libpyo3-0123456789abcdef.rlib", "libpyo3-0123456789abcdef.rmeta", "pyo3-0123456789abcdef.d", "pyo3-ffi-fedcba9876543210", "libpyo3_ffi-fedcba9876543210.rlib"] {
            assert!(is_unit_of(entry, &names()), "{entry} is a unit of a registry crate");
        }
    }

    #[test]
    fn the_workspaces_own_crates_and_other_names_are_left_alone() {
        for entry in [
            // An exercise's crate, its test binary and the crate that shares a prefix.
            "hello_module-0123456789abcdef",
            "check-0123456789abcdef",
            "serde_json-0123456789abcdef",
            // Not a 16-digit hash.
            "pyo3-0123",
            "pyo3-0123456789abcdeg",
            // cargo's lock and a cdylib without a hash.
            ".cargo-lock",
            "libhello_module.so",
        ] {
            assert!(!is_unit_of(entry, &names()), "{entry} is not a unit of a registry crate");
        }
    }
}
