//! The pristine sandbox: a copy of what building and testing the exercises needs, over
//! which one student's editable files are laid at a time.
//!
//! A sandbox lives in `target/grading/slot-<k>/` (one per job slot) and holds:
//! a `Cargo.toml` generated from the root one with only `exercises/check-support` and the
//! exercise crates as members (no solutions, book or xtask), the root `Cargo.lock`,
//! `.cargo/config.toml`, `.config/insta.yaml`, `exercises/` and `assets/`, and its own
//! `target/`. The target survives between runs, so the dependencies (pyo3, insta) are
//! compiled once and only a student's crate is rebuilt.
//!
//! Before each exercise is graded the tree is made equal to the repository's again
//! ([`Sandbox::reset`]): a test that rewrote a snapshot, a test file or another student's
//! crate in the sandbox changes nothing for the next run.

use crate::course::Course;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file in a slot's `target/` saying what it was warmed for ([`Warmed`]): the key,
/// then one wheel exercise's name a line.
const WARM_KEY_FILE: &str = "workbook-warmed-for";

/// Files and folders copied from the repository (besides the generated `Cargo.toml`).
const COPIED: [&str; 5] = ["Cargo.lock", ".cargo/config.toml", ".config/insta.yaml", "exercises", "assets"];

/// The pristine tree, in memory: repository-relative path to bytes.
#[derive(Debug, Clone)]
pub struct Pristine {
    files: BTreeMap<PathBuf, Vec<u8>>,
    /// Every exercise crate of the sandbox's workspace, by package name.
    packages: Vec<String>,
}

impl Pristine {
    /// Reads the pristine tree from the repository at `ws`.
    ///
    /// # Errors
    /// When a file cannot be read or the root `Cargo.toml` is not what it should be.
    pub fn read(ws: &Workspace, course: &Course) -> Result<Pristine> {
        let mut files = BTreeMap::new();
        for top in COPIED {
            let path = ws.path(top);
            if !path.exists() {
                // A course without cargo or insta configuration (the xtask's test fixture).
                continue;
            }
            if path.is_file() {
                files.insert(PathBuf::from(top), std::fs::read(&path)?);
                continue;
            }
            for entry in walk(&path) {
                let entry = entry?;
                if entry.file_type().is_file() {
                    let relative = entry.path().strip_prefix(&ws.root)?.to_path_buf();
                    files.insert(relative, std::fs::read(entry.path())?);
                }
            }
        }
        files.insert(PathBuf::from("Cargo.toml"), workspace_manifest(ws, course)?.into_bytes());
        Ok(Pristine { files, packages: course.exercises.iter().map(|e| e.package()).collect() })
    }

    /// The packages every build in a sandbox names: all the exercise crates, whichever
    /// are graded. One build of a subset would unify the dependencies' features another
    /// way, and the crates that are `cdylib`s (whose outputs have no hash in their names)
    /// would then overwrite each other's libraries between builds; cargo, which judges
    /// freshness by file times, would link a test against the wrong one. Building every
    /// crate each time costs a freshness check of the untouched ones.
    pub fn packages(&self) -> &[String] {
        &self.packages
    }

    /// The key a slot warmed for this tree keeps (`Sandbox::warmed_for`): every pristine
    /// file's path and content (the generated `Cargo.toml`, `Cargo.lock`, the exercises,
    /// the assets), then the build environment (`ContentKey::build_environment`: the venv,
    /// maturin, rustc, the build's variables), as 64 hex digits.
    ///
    /// # Errors
    /// When `rustc` cannot start.
    pub fn warm_key(&self, ws: &Workspace) -> Result<String> {
        let mut key = crate::content_key::ContentKey::new("workbook grading sandbox warmed, version 1");
        for (relative, bytes) in &self.files {
            key.part(relative.to_string_lossy().as_bytes());
            key.part(bytes);
        }
        key.build_environment(ws)?;
        Ok(key.finish())
    }

    /// Writes the tree into `dir` (the naive benchmark's fresh copy).
    ///
    /// # Errors
    /// When a file cannot be written.
    pub fn write_to(&self, dir: &Path) -> Result<()> {
        for (relative, bytes) in &self.files {
            let path = dir.join(relative);
            std::fs::create_dir_all(path.parent().context("a file with no folder")?)?;
            std::fs::write(&path, bytes)?;
        }
        Ok(())
    }

    /// The pristine bytes of `path` (repository-relative), e.g. a starter's editable file.
    pub fn get(&self, path: &Path) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }
}

fn walk(path: &Path) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    walkdir::WalkDir::new(path)
        .into_iter()
        // Build output and caches (the rule of what a student hands in) are never copied
        // nor compared, nor are insta's pending snapshots.
        .filter_entry(|e| !crate::handin::skipped(Path::new(e.file_name())) && !e.file_name().to_str().is_some_and(|n| n.ends_with(".snap.new") || n.ends_with(".pending-snap")))
}

/// The grading workspace's `Cargo.toml`: the root one with `members` replaced by
/// check-support and every exercise crate, and no `default-members` or `exclude`.
fn workspace_manifest(ws: &Workspace, course: &Course) -> Result<String> {
    let text = std::fs::read_to_string(ws.path("Cargo.toml")).context("reading the root Cargo.toml")?;
    let mut manifest: toml::Table = text.parse().context("the root Cargo.toml is not valid TOML")?;
    let Some(workspace) = manifest.get_mut("workspace").and_then(toml::Value::as_table_mut) else {
        bail!("the root Cargo.toml has no [workspace] table");
    };
    let mut members = Vec::new();
    if ws.path("exercises/check-support/Cargo.toml").is_file() {
        members.push(toml::Value::from("exercises/check-support"));
    }
    members.extend(course.exercises.iter().map(|e| toml::Value::from(e.dir.get_ref().as_str())));
    workspace.insert("members".into(), toml::Value::Array(members));
    workspace.remove("default-members");
    workspace.remove("exclude");
    Ok(format!(
        "# Generated by `cargo xtask grade` from the repository's Cargo.toml: the exercises only.\n{}",
        toml::to_string(&manifest)?
    ))
}

/// What a slot's `target/` was warmed for: the pristine tree's key
/// ([`Pristine::warm_key`]), and the exercises whose pristine wheels maturin built there
/// (each wheel exercise's dependencies compile on its first build).
#[derive(Debug, Default)]
pub struct Warmed {
    pub key: String,
    pub wheels: std::collections::BTreeSet<String>,
}

/// One job slot's sandbox.
#[derive(Debug)]
pub struct Sandbox {
    /// The sandbox's root, the grading workspace's root.
    pub root: PathBuf,
    /// Its `CARGO_TARGET_DIR`.
    pub target: PathBuf,
    /// Held while the slot is in use, so two graders never share a slot.
    _lock: std::fs::File,
}

/// The folder holding every slot: `grading/` in the interpreter's target folder
/// (`target/grading`, or `target/python-3.12/grading` under `WORKBOOK_PYTHON`), so that
/// switching Pythons never rebuilds pyo3 in a slot.
pub fn grading_dir(ws: &Workspace) -> PathBuf {
    ws.target_dir().join("grading")
}

impl Sandbox {
    /// Opens slot `k`, waiting for another grader that holds it, and lays the pristine
    /// tree. A new slot other than 0 starts from a copy of slot 0's `target/` when there
    /// is one, so its dependencies need not be compiled again; a new slot 0 (or any
    /// slot without one) from the registry crates the workspace compiled (`crate::seed`).
    ///
    /// # Errors
    /// When the folder cannot be created or written.
    pub fn open(ws: &Workspace, pristine: &Pristine, k: usize) -> Result<Sandbox> {
        let base = grading_dir(ws);
        std::fs::create_dir_all(&base).with_context(|| format!("creating {}", base.display()))?;
        let lock = std::fs::File::create(base.join(format!("slot-{k}.lock")))?;
        if lock.try_lock().is_err() {
            crate::ui::note(&format!("Waiting for another grader to release sandbox slot {k}"));
            lock.lock()?;
        }
        let root = base.join(format!("slot-{k}"));
        let target = root.join("target");
        let seed = base.join("slot-0").join("target");
        if k > 0 && !target.exists() && seed.is_dir() {
            if let Err(err) = crate::seed::whole(&seed, &target) {
                crate::ui::note(&format!("Sandbox slot {k} starts from nothing: {err:#}"));
            }
            // The copy says what slot 0 was warmed for, not this slot: its crates' paths
            // differ, so it gets a warm-up of its own.
            let _ = std::fs::remove_file(target.join(WARM_KEY_FILE));
        } else if !target.exists() {
            // The first slot starts from the registry crates the workspace compiled.
            crate::seed::start(ws, &format!("Sandbox slot {k}"), &ws.target_dir(), &target);
        }
        let sandbox = Sandbox { root, target, _lock: lock };
        sandbox.reset(pristine)?;
        Ok(sandbox)
    }

    /// Makes the tree (all but `target/`) equal to `pristine`: rewrites files that
    /// differ, removes files and folders it does not hold.
    ///
    /// # Errors
    /// When the tree cannot be read or written.
    pub fn reset(&self, pristine: &Pristine) -> Result<()> {
        std::fs::create_dir_all(&self.root)?;
        let mut extra = Vec::new();
        for entry in walkdir::WalkDir::new(&self.root).min_depth(1).into_iter().filter_entry(|e| !(e.depth() == 1 && e.file_name() == "target")) {
            let entry = entry?;
            let relative = entry.path().strip_prefix(&self.root)?;
            let wanted = pristine.files.contains_key(relative) || pristine.files.keys().any(|p| p.starts_with(relative) && p != relative);
            if !wanted || (entry.file_type().is_symlink()) {
                extra.push((entry.path().to_path_buf(), entry.file_type().is_dir()));
            }
        }
        for (path, is_dir) in extra {
            let _ = if is_dir { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        }
        for (relative, bytes) in &pristine.files {
            self.write_if_different(relative, bytes)?;
        }
        Ok(())
    }

    /// What this slot's `target/` was last warmed for, if anything: the key of the
    /// pristine tree ([`Pristine::warm_key`]) and the exercises whose wheels maturin built.
    /// It lives in `target/`, so a target removed takes it along; a slot other than 0
    /// copied from slot 0 has none until its own warm-up.
    pub fn warmed_for(&self) -> Option<Warmed> {
        let text = std::fs::read_to_string(self.target.join(WARM_KEY_FILE)).ok()?;
        let mut lines = text.lines();
        let key = lines.next()?.trim().to_string();
        Some(Warmed { key, wheels: lines.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect() })
    }

    /// Records that this slot's `target/` was warmed as `warmed` says.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn mark_warmed(&self, warmed: &Warmed) -> Result<()> {
        let path = self.target.join(WARM_KEY_FILE);
        let mut text = format!("{}\n", warmed.key);
        for name in &warmed.wheels {
            text.push_str(&format!("{name}\n"));
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    }

    /// Forgets the warm-up of this slot's `target/` (before one starts, so that one cut
    /// short leaves no key behind).
    ///
    /// # Errors
    /// When the file exists and cannot be removed.
    pub fn forget_warmed(&self) -> Result<()> {
        let path = self.target.join(WARM_KEY_FILE);
        match std::fs::remove_file(&path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err).with_context(|| format!("removing {}", path.display())),
            _ => Ok(()),
        }
    }

    /// Writes a student's file over the pristine one.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn lay(&self, relative: &Path, bytes: &[u8]) -> Result<()> {
        self.write_if_different(relative, bytes)
    }

    /// Makes cargo compile `packages` again whatever the times of the files in the build:
    /// removes their fingerprints (`target/debug/.fingerprint/<package>-*`). A run that
    /// could change file times (no read-only mounts) must not make the next student's
    /// crate look fresh.
    ///
    /// # Errors
    /// When a fingerprint cannot be removed.
    pub fn forget_builds(&self, packages: &[String]) -> Result<()> {
        let fingerprints = self.target.join("debug").join(".fingerprint");
        let Ok(entries) = std::fs::read_dir(&fingerprints) else { return Ok(()) };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if packages.iter().any(|p| name.strip_prefix(p.as_str()).is_some_and(|rest| rest.starts_with('-'))) {
                std::fs::remove_dir_all(entry.path()).with_context(|| format!("removing {}", entry.path().display()))?;
            }
        }
        Ok(())
    }

    /// The files outside the sandbox that the last build of `package`'s library read,
    /// from rustc's dep-info file (`target/debug/deps/<crate>-<hash>.d`, which lists every
    /// source file, `include!`d or `include_str!`d file of the compilation).
    pub fn read_outside(&self, package: &str) -> Vec<String> {
        let deps = self.target.join("debug").join("deps");
        let prefix = format!("{}-", package.replace('-', "_"));
        let newest = std::fs::read_dir(&deps)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".d")))
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
        let Some(text) = newest.and_then(|e| std::fs::read_to_string(e.path()).ok()) else { return Vec::new() };
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        let mut outside = Vec::new();
        for line in text.lines() {
            // A dependency with nothing after the colon is one file the compilation read.
            let Some(file) = line.strip_suffix(':') else { continue };
            let file = file.replace("\\ ", " ");
            let path = std::fs::canonicalize(self.root.join(&file)).unwrap_or_else(|_| self.root.join(&file));
            if !path.starts_with(&root) && !outside.contains(&file) {
                outside.push(file);
            }
        }
        outside
    }

    fn write_if_different(&self, relative: &Path, bytes: &[u8]) -> Result<()> {
        let path = self.root.join(relative);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) && std::fs::read(&path).is_ok_and(|b| b == bytes) {
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let _ = std::fs::remove_file(&path);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
    }
}
