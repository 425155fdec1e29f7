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
//! output looks newer than its own. A new folder is filled beside its place and renamed
//! into it when complete ([`atomically`]): a copy cut short (Ctrl-C, a kill) would leave a
//! truncated file with a new time, which cargo would take as fresh. The source folder is locked as cargo locks it
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

/// Makes the folder `into`, which must not exist, by `fill`ing a new folder beside it
/// (`<name>.seeding-<random>`) and renaming that folder to `into` once `fill` returned.
/// A run stopped half-way (Ctrl-C, a kill) leaves no half `into`, which a later build
/// would take as complete: a copy cut short leaves a truncated file with a new time,
/// which cargo takes as fresh. What such a run left beside `into` is removed first.
///
/// # Errors
/// When the folder beside `into` cannot be made or renamed, or `fill` fails: nothing is
/// left then.
pub fn atomically<T>(into: &Path, fill: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let parent = into.parent().with_context(|| format!("{} has no parent folder", into.display()))?;
    let name = into.file_name().with_context(|| format!("{} has no name", into.display()))?.to_string_lossy();
    let prefix = format!("{name}.seeding-");
    fs_err::create_dir_all(parent)?;
    for entry in fs_err::read_dir(parent)?.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let scratch = tempfile::Builder::new().prefix(&prefix).tempdir_in(parent).with_context(|| format!("making a folder in {}", parent.display()))?;
    let filled = fill(scratch.path())?;
    let made = scratch.keep();
    if let Err(err) = std::fs::rename(&made, into) {
        let _ = std::fs::remove_dir_all(&made);
        return Err(err).with_context(|| format!("renaming {} to {}", made.display(), into.display()));
    }
    Ok(filled)
}

/// Starts the new target folder `into` from the registry crates compiled in `from`
/// ([`registry_units`]), and says so on the terminal, calling the folder `what`
/// (`Sandbox slot 0`, `target/python-3.12`). Seeding is a shortcut: when it fails, it says
/// why and leaves no folder, and the first build there compiles everything.
pub fn start(ws: &Workspace, what: &str, from: &Path, into: &Path) {
    match registry_units(ws, from, into) {
        Ok(seeded) if seeded.entries > 0 => {
            crate::ui::note(&format!("{what} starts from the {:.0} MB of registry crates compiled in {}", seeded.bytes as f64 / 1e6, from.display()));
        }
        Ok(_) => {}
        Err(err) => crate::ui::note(&format!("{what} starts from nothing: {err:#}")),
    }
}

/// Makes the new target folder `into` ([`atomically`]) holding every compiled unit of a
/// registry crate of the workspace found in the target folder `from`, for each of
/// [`PROFILES`].
///
/// # Errors
/// When a build holds `from`, `cargo metadata` fails on the workspace, or a folder cannot
/// be read, created or copied (naming it). Nothing is left at `into` then.
fn registry_units(ws: &Workspace, from: &Path, into: &Path) -> Result<Seeded> {
    let names = registry_names(ws)?;
    atomically(into, |scratch| copy_units(&names, from, scratch))
}

/// Makes the new target folder `into` ([`atomically`]) a copy of the whole target folder
/// `from` (a grading slot's, for another slot).
///
/// # Errors
/// When a folder cannot be made, copied or renamed. Nothing is left at `into` then.
#[cfg(all(unix, feature = "authoring"))]
pub fn whole(from: &Path, into: &Path) -> Result<()> {
    atomically(into, |scratch| copy(&[from.join(".")], scratch))
}

/// Copies into `into` the units of `names` in the target folder `from`.
fn copy_units(names: &BTreeSet<String>, from: &Path, into: &Path) -> Result<Seeded> {
    let mut seeded = Seeded::default();
    let (source, destination) = (from, into);
    for profile in PROFILES {
        let from = source.join(profile);
        if !from.join("deps").is_dir() {
            continue;
        }
        // Cargo's own lock of the profile folder: no build writes into it meanwhile. A
        // build running there now may take minutes: the new folder then builds from nothing.
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
                if entry.file_name().to_str().is_some_and(|name| is_unit_of(name, names)) {
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

/// The names a registry crate's units carry and no unit of the workspace's own crates
/// does ([`unit_names`]), from `cargo metadata` on the workspace.
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
    let mut registry = Vec::new();
    let mut own = BTreeSet::new();
    for package in &metadata.packages {
        let targets = package.targets.iter();
        if package.source.is_some() {
            let libraries = targets.filter(|t| !(t.is_bin() || t.is_example() || t.is_test() || t.is_bench() || t.is_custom_build())).map(|t| t.name.clone());
            registry.push((package.name.to_string(), libraries.collect()));
        } else {
            own.insert(package.name.to_string());
            own.extend(targets.map(|t| t.name.clone()));
        }
    }
    Ok(unit_names(&registry, &own))
}

/// The names the units of the `registry` crates carry (each as its package's name and
/// its libraries' names), without any of `own` (the workspace's packages and all their
/// targets), each also with `-` as `_`, as cargo writes a crate's name. Only libraries
/// count on the registry's side: a registry package's test may be called `check`, as
/// every exercise's test binary is; and the registry's `skeptic` library shares its name
/// with the book's test binary, which must stay out.
pub fn unit_names(registry: &[(String, Vec<String>)], own: &BTreeSet<String>) -> BTreeSet<String> {
    let spellings = |name: &str| [name.to_string(), name.replace('-', "_")];
    let own: BTreeSet<String> = own.iter().flat_map(|n| spellings(n)).collect();
    registry
        .iter()
        .flat_map(|(package, libraries)| std::iter::once(package).chain(libraries))
        .flat_map(|n| spellings(n))
        .filter(|n| !own.contains(n))
        .collect()
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
    fn a_name_the_workspace_also_uses_is_never_a_registry_name() {
        let registry = vec![("skeptic".to_string(), vec!["skeptic".to_string()]), ("pyo3-ffi".to_string(), vec!["pyo3_ffi".to_string()])];
        let own: BTreeSet<String> = ["book", "skeptic", "hello_module", "check"].map(String::from).into_iter().collect();
        let names = unit_names(&registry, &own);
        assert_eq!(names, ["pyo3-ffi", "pyo3_ffi"].map(String::from).into_iter().collect());
        assert!(!is_unit_of("skeptic-8458e3adca348a51", &names), "the book's test binary is left alone");
    }

    #[test]
    fn a_folder_is_made_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let into = dir.path().join("target");
        // What a run killed half-way left beside it.
        fs_err::create_dir_all(dir.path().join("target.seeding-abc123/debug")).unwrap();
        let failed: Result<()> = atomically(&into, |scratch| {
            fs_err::write(scratch.join("half"), b"copied")?;
            bail!("the copy failed")
        });
        assert!(failed.is_err());
        let left: Vec<String> = fs_err::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        assert!(left.is_empty(), "a failed fill leaves nothing, and the killed run's folder is gone: {left:?}");
        atomically(&into, |scratch| Ok(fs_err::write(scratch.join("whole"), b"copied")?)).unwrap();
        assert_eq!(fs_err::read(into.join("whole")).unwrap(), b"copied");
        let left: Vec<String> = fs_err::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(left, ["target"]);
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
