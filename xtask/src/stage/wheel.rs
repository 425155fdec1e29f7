//! Step 2 of checking an exercise through a wheel, in the workspace: `maturin build`,
//! run only when the crate's inputs changed, and the wheel unpacked once per wheel.
//!
//! A warm check with nothing changed used to pay for maturin every time (about 0.6 s
//! here: its start, cargo's freshness check, packing the wheel) and for unpacking the
//! wheel in the test process. Now:
//! - [`inputs_key`] hashes everything maturin's build reads (the crate's files but its
//!   `tests/`, its path dependencies, the workspace's manifest, lock and cargo config,
//!   the venv's `pyvenv.cfg`, maturin's and rustc's versions, the build's environment);
//! - the wheel of a successful build is kept under that key in
//!   `<target>/maturin/wheels/<package>/<key>/`, and a check whose key is there links it
//!   into its scratch folder instead of running maturin. The key is taken before and
//!   after the build, and the wheel kept only when both agree, so a file saved during
//!   the build never files a wheel under the wrong inputs;
//! - each wheel is unpacked once, into `<target>/maturin/sites/<SHA-256 of the wheel>/`,
//!   which the test process gets as [`check_report::SITE_VAR`], marked unpacked
//!   ([`check_report::UNPACKED_MARKER`]) so that it does not unpack it again.
//!
//! Every cache lives in the interpreter's target folder (a venv per Python, so another
//! `WORKBOOK_PYTHON` never meets these wheels), never in the exercise. The grader does
//! not use this file: a submission's wheel is built in its sandbox every time
//! (`grade/exercise.rs`), so no build of one submission serves another.

use super::build::wheel_args;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use crate::content_key::ContentKey;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How many keys of one package keep their wheel; older ones are removed.
const KEPT_PER_PACKAGE: usize = 4;
/// How many unpacked wheels are kept in all; older ones are removed.
const KEPT_SITES: usize = 12;

/// The file of a cache entry that holds its wheel's SHA-256 (hex), so that a cached
/// wheel is not read again to find its unpacked folder.
const HASH_FILE: &str = "wheel.sha256";

/// What step 2 gave: the unpacked wheel for the test process, or maturin's messages.
#[derive(Debug)]
pub enum Wheel {
    /// The wheel is in the run's wheel folder and unpacked in `site`.
    Ready {
        /// The folder that holds the unpacked wheel, for [`check_report::SITE_VAR`].
        site: PathBuf,
    },
    /// maturin failed; its messages.
    Failed(String),
}

/// Puts the wheel of the crate in `crate_dir` (package `package`) into `wheels` (the
/// run's scratch folder) and unpacks it: from the cache when the crate's inputs are
/// unchanged, else built by maturin and cached.
///
/// # Errors
/// When maturin or Python cannot start, or a file of the crate or the cache cannot be
/// read or written, naming it.
pub fn wheel(ws: &Workspace, crate_dir: &Path, package: &str, wheels: &Path) -> Result<Wheel> {
    let start = Instant::now();
    let key = inputs_key(ws, crate_dir)?;
    let cached = ws.target_dir().join("maturin").join("wheels").join(package).join(&key);
    let (wheel, hash) = match (wheel_in(&cached), std::fs::read_to_string(cached.join(HASH_FILE))) {
        (Some(wheel), Ok(hash)) if complete(&cached) => {
            touch(&cached);
            link_or_copy(&wheel, &wheels.join(file_name(&wheel)))?;
            check_report::timing::record("maturin", start);
            (wheel, hash)
        }
        _ => {
            let mut maturin = ws.command(ws.venv_bin().join("maturin"));
            maturin.args(wheel_args(crate_dir, &ws.target_dir().join("maturin"), wheels));
            let out = maturin.output().context("running maturin build")?;
            check_report::timing::record("maturin", start);
            if !out.status.success() {
                return Ok(Wheel::Failed(format!("maturin could not build the extension module:\n{}", String::from_utf8_lossy(&out.stderr))));
            }
            let wheel = wheel_in(wheels).with_context(|| format!("maturin wrote no wheel into {}", wheels.display()))?;
            let hash: String = Sha256::digest(fs_err::read(&wheel)?).iter().map(|b| format!("{b:02x}")).collect();
            // Kept only when the inputs did not change while maturin read them.
            if inputs_key(ws, crate_dir)? == key {
                keep(&wheel, &hash, &cached)?;
            }
            (wheel, hash)
        }
    };
    let start = Instant::now();
    let site = unpacked(ws, &wheel, &hash)?;
    check_report::timing::record("wheel install", start);
    Ok(Wheel::Ready { site })
}

/// The SHA-256 of everything maturin's build of the crate in `crate_dir` reads, as 64
/// hex digits: each file's path and length-prefixed content (the crate's files but
/// `tests/` and `target/`, then each path dependency's the same way, then the
/// workspace's `Cargo.toml`, `Cargo.lock` and `.cargo/config.toml`), the venv's
/// build environment ([`ContentKey::build_environment`]: the venv, maturin, rustc and the
/// environment variables a build reads).
///
/// # Errors
/// When a file cannot be read or `rustc` cannot start, naming it.
pub fn inputs_key(ws: &Workspace, crate_dir: &Path) -> Result<String> {
    let mut key = Key::new();
    key.crates(crate_dir)?;
    for file in ["Cargo.toml", "Cargo.lock", ".cargo/config.toml"] {
        key.part(file.as_bytes());
        key.part(&std::fs::read(ws.path(file)).unwrap_or_default());
    }
    key.0.build_environment(ws)?;
    Ok(key.finish())
}

/// The key of a crate's build inputs (`crate::content_key`), with the crates it depends
/// on by path.
struct Key(ContentKey);

impl Key {
    fn new() -> Key {
        Key(ContentKey::new("workbook wheel inputs, version 2"))
    }

    fn part(&mut self, bytes: &[u8]) {
        self.0.part(bytes);
    }

    /// Adds the crate in `crate_dir` and its path dependencies, each once: its folder,
    /// then each file's relative path and content, in file-name order, but its `tests/`
    /// and `target/`.
    fn crates(&mut self, crate_dir: &Path) -> Result<()> {
        let mut crates = vec![crate_dir.to_path_buf()];
        let mut seen: Vec<PathBuf> = Vec::new();
        while let Some(dir) = crates.pop() {
            let dir = fs_err::canonicalize(&dir)?;
            if seen.contains(&dir) {
                continue;
            }
            self.part(dir.to_string_lossy().as_bytes());
            self.0.tree(&dir, |e| e.depth() == 1 && (e.file_name() == "tests" || e.file_name() == "target"))?;
            crates.extend(path_dependencies(&dir)?);
            seen.push(dir);
        }
        Ok(())
    }

    /// The key, as 64 hex digits.
    fn finish(self) -> String {
        self.0.finish()
    }
}

/// The folders of the crate in `dir`'s path dependencies (`[dependencies]`,
/// `[build-dependencies]` and their `[target.*]` forms; not `[dev-dependencies]`, which a
/// wheel never holds).
///
/// # Errors
/// When its `Cargo.toml` cannot be read or is not TOML, naming it.
fn path_dependencies(dir: &Path) -> Result<Vec<PathBuf>> {
    let manifest = dir.join("Cargo.toml");
    let text = fs_err::read_to_string(&manifest)?;
    let value: toml::Table = toml::from_str(&text).with_context(|| format!("{} is not valid TOML", manifest.display()))?;
    let targets = value.get("target").and_then(|t| t.as_table()).into_iter().flat_map(|t| t.values()).filter_map(|t| t.as_table());
    let tables: Vec<&toml::Table> = std::iter::once(&value)
        .chain(targets)
        .flat_map(|t| ["dependencies", "build-dependencies"].into_iter().filter_map(move |kind| t.get(kind).and_then(|d| d.as_table())))
        .collect();
    Ok(tables.iter().flat_map(|deps| deps.values()).filter_map(|d| d.get("path")?.as_str()).map(|p| dir.join(p)).collect())
}

/// The one wheel in `dir`, if there is exactly one.
fn wheel_in(dir: &Path) -> Option<PathBuf> {
    let wheels: Vec<PathBuf> = std::fs::read_dir(dir).ok()?.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "whl")).collect();
    match wheels.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

fn file_name(path: &Path) -> &std::ffi::OsStr {
    path.file_name().unwrap_or_default()
}

/// Whether the cache entry `dir` holds one wheel and its hash.
fn complete(dir: &Path) -> bool {
    wheel_in(dir).is_some() && dir.join(HASH_FILE).is_file()
}

/// Hard-links `from` to `to`, or copies it where links are refused.
fn link_or_copy(from: &Path, to: &Path) -> Result<()> {
    if std::fs::hard_link(from, to).is_err() {
        fs_err::copy(from, to)?;
    }
    Ok(())
}

/// Files `wheel` in the cache folder `cached` (one key of one package): written into a
/// new folder beside it, then renamed, so that a check never sees half a cache entry;
/// then only the newest [`KEPT_PER_PACKAGE`] keys of the package are kept.
fn keep(wheel: &Path, hash: &str, cached: &Path) -> Result<()> {
    let package = cached.parent().context("a cache entry has a parent folder")?;
    fs_err::create_dir_all(package)?;
    let fresh = tempfile::Builder::new().prefix(".new-").tempdir_in(package).with_context(|| format!("creating a folder in {}", package.display()))?;
    link_or_copy(wheel, &fresh.path().join(file_name(wheel)))?;
    fs_err::write(fresh.path().join(HASH_FILE), hash)?;
    put_in_place(fresh.path(), cached, complete);
    prune(package, KEPT_PER_PACKAGE)
}

/// The folder `wheel`, whose SHA-256 is `hash`, is unpacked in, `<target>/maturin/sites/<hash>`,
/// unpacked now (Python's `zipfile`, a wheel being a zip laid out for `site-packages`,
/// PEP 427) if it is not there yet, into a new folder renamed into place, with the
/// marker the test process looks for written last.
///
/// # Errors
/// When the wheel cannot be read or Python cannot unpack it.
fn unpacked(ws: &Workspace, wheel: &Path, hash: &str) -> Result<PathBuf> {
    let sites = ws.target_dir().join("maturin").join("sites");
    let site = sites.join(hash);
    if site.join(check_report::UNPACKED_MARKER).is_file() {
        touch(&site);
        return Ok(site);
    }
    fs_err::create_dir_all(&sites)?;
    let fresh = tempfile::Builder::new().prefix(".new-").tempdir_in(&sites).with_context(|| format!("creating a folder in {}", sites.display()))?;
    crate::workspace::run_quiet(ws.command(ws.venv_python()).args(["-B", "-m", "zipfile", "-e"]).arg(wheel).arg(fresh.path()), "unpacking the wheel")?;
    fs_err::write(fresh.path().join(check_report::UNPACKED_MARKER), file_name(wheel).to_string_lossy().as_bytes())?;
    let marked = |site: &Path| site.join(check_report::UNPACKED_MARKER).is_file();
    put_in_place(fresh.path(), &site, marked);
    // The test process unpacks into a folder that is not marked: never into the cache.
    if !marked(&site) {
        bail!("could not put the unpacked wheel {} in place at {}", wheel.display(), site.display());
    }
    prune(&sites, KEPT_SITES)?;
    Ok(site)
}

/// Renames the finished folder `fresh` to the cache entry `entry`. When `entry` exists
/// already, another check filed it meanwhile and it serves as well; but an entry that is
/// not `complete` (left by a run that stopped half-way, or damaged) is replaced. What is
/// left of `fresh` is the caller's to remove.
fn put_in_place(fresh: &Path, entry: &Path, complete: impl Fn(&Path) -> bool) {
    if std::fs::rename(fresh, entry).is_err() && !complete(entry) {
        let _ = std::fs::remove_dir_all(entry);
        let _ = std::fs::rename(fresh, entry);
    }
}

/// Marks the cache entry `dir` as just used, so that [`prune`] keeps it longest.
fn touch(dir: &Path) {
    let _ = std::fs::File::open(dir).and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// Removes all but the `keep` most recently made or used entries of `dir` (folders not starting
/// with `.`).
fn prune(dir: &Path, keep: usize) -> Result<()> {
    let mut entries: Vec<(std::time::SystemTime, PathBuf)> = fs_err::read_dir(dir)?
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    entries.sort();
    let excess = entries.len().saturating_sub(keep);
    for (_, old) in entries.into_iter().take(excess) {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_dependencies_are_followed_but_not_dev_dependencies() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(
            dir.path().join("Cargo.toml"),
            "[package]\nname = \"m\"\n[dependencies]\na = { path = \"../a\" }\nb = \"1\"\n[build-dependencies]\nc = { path = \"../c\" }\n[dev-dependencies]\nd = { path = \"../d\" }\n[target.'cfg(unix)'.dependencies]\ne = { path = \"../e\" }\n",
        )
        .unwrap();
        let mut found: Vec<String> = path_dependencies(dir.path()).unwrap().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        found.sort();
        assert_eq!(found, ["a", "c", "e"]);
        fs_err::write(dir.path().join("Cargo.toml"), "[package\n").unwrap();
        let err = format!("{:#}", path_dependencies(dir.path()).unwrap_err());
        assert!(err.contains("Cargo.toml is not valid TOML"), "{err}");
    }

    #[test]
    fn prune_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        for (i, name) in ["old", "mid", "new"].iter().enumerate() {
            let path = dir.path().join(name);
            fs_err::create_dir(&path).unwrap();
            let time = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000 + i as u64);
            std::fs::File::open(&path).unwrap().set_modified(time).unwrap();
        }
        fs_err::create_dir(dir.path().join(".new-x")).unwrap();
        prune(dir.path(), 2).unwrap();
        let mut left: Vec<String> = fs_err::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, [".new-x", "mid", "new"]);
    }

    fn key_of(dir: &Path) -> String {
        let mut key = Key::new();
        key.crates(dir).unwrap();
        key.finish()
    }

    #[test]
    fn the_key_follows_the_crate_and_its_path_dependencies_but_not_its_tests() {
        let root = tempfile::tempdir().unwrap();
        let (module, helper) = (root.path().join("module"), root.path().join("helper"));
        for (dir, manifest) in [(&module, "[package]\nname = \"module\"\n[dependencies]\nhelper = { path = \"../helper\" }\n"), (&helper, "[package]\nname = \"helper\"\n")] {
            fs_err::create_dir_all(dir.join("src")).unwrap();
            fs_err::create_dir_all(dir.join("tests")).unwrap();
            fs_err::write(dir.join("Cargo.toml"), manifest).unwrap();
            fs_err::write(dir.join("src/lib.rs"), "pub fn f() {}\n").unwrap();
        }
        let first = key_of(&module);
        assert_eq!(key_of(&module), first, "the same files give the same key");
        fs_err::write(module.join("tests/test_module.py"), "def test(): assert False\n").unwrap();
        assert_eq!(key_of(&module), first, "the crate's tests are no input of its wheel");
        fs_err::write(module.join("src/lib.rs"), "pub fn f() { }\n").unwrap();
        let edited = key_of(&module);
        assert_ne!(edited, first, "an edit of the crate changes the key");
        fs_err::write(helper.join("src/lib.rs"), "pub fn g() {}\n").unwrap();
        let helper_edited = key_of(&module);
        assert_ne!(helper_edited, edited, "an edit of a path dependency changes the key");
        fs_err::write(module.join("typed.pyi"), "def f() -> None: ...\n").unwrap();
        assert_ne!(key_of(&module), helper_edited, "a stub beside the manifest is an input");
    }
}
