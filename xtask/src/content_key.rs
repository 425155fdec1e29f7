//! A SHA-256 (FIPS 180-4) of length-prefixed parts, and of folders' files: what a cache
//! is keyed by, so that no two different lists of parts or trees give the same bytes to
//! hash. The wheel cache (`stage/wheel.rs`) keys a crate's build inputs with it, the
//! grader's warm sandboxes (`grade/sandbox.rs`) the tree they were built for, and the
//! students' shipped book (`rendered_book.rs`) its sources.

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use crate::workspace::Workspace;
use std::path::Path;

/// A key being built: [`ContentKey::part`]s and [`ContentKey::tree`]s, then
/// [`ContentKey::finish`].
pub struct ContentKey(Sha256);

impl ContentKey {
    /// A key for one kind of content, named by `kind` (with a version: a new layout of
    /// the parts gets a new name, and no old key matches).
    pub fn new(kind: &str) -> ContentKey {
        let mut key = ContentKey(Sha256::new());
        key.part(kind.as_bytes());
        key
    }

    /// Adds `bytes`, after their length.
    pub fn part(&mut self, bytes: &[u8]) {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// Adds every file under `dir`, in file-name order: its path relative to `dir` (with
    /// `/`), then its content. Entries for which `skip` is true are left out with all
    /// they hold.
    ///
    /// # Errors
    /// When a folder cannot be listed or a file read, naming it.
    pub fn tree(&mut self, dir: &Path, skip: impl Fn(&walkdir::DirEntry) -> bool) -> Result<()> {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| !skip(e)) {
            let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
            if entry.file_type().is_file() {
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
                self.part(relative.as_bytes());
                self.part(&fs_err::read(entry.path())?);
            }
        }
        Ok(())
    }

    /// Adds what a build reads besides its files: the venv's `pyvenv.cfg` and
    /// interpreter path, the size and time of the interpreter it leads to and of maturin's
    /// program, `rustc -vV`, and the environment variables a build reads (`RUST*`,
    /// `CARGO*`, `PYO3*`, `MATURIN*`, `PYTHON*`, `CC`, `CFLAGS`, `LDFLAGS`,
    /// `SOURCE_DATE_EPOCH`). The wheel cache (`stage/wheel.rs`) and the grader's warm
    /// sandboxes (`grade/sandbox.rs`) key their builds with it.
    ///
    /// # Errors
    /// When `rustc` cannot start.
    pub fn build_environment(&mut self, ws: &Workspace) -> Result<()> {
        self.part(&std::fs::read(ws.venv().join("pyvenv.cfg")).unwrap_or_default());
        self.part(ws.venv_python().to_string_lossy().as_bytes());
        // The interpreter the venv's `python` leads to (a base Python upgraded in place keeps
        // its path and the venv's `pyvenv.cfg`), and maturin's program.
        for program in [std::fs::canonicalize(ws.venv_python()).unwrap_or_else(|_| ws.venv_python()), ws.venv_bin().join("maturin")] {
            if let Ok(meta) = std::fs::metadata(&program) {
                self.part(format!("{} {} {:?}", program.display(), meta.len(), meta.modified().ok()).as_bytes());
            }
        }
        let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
        let version = ws.command(&rustc).arg("-vV").output().with_context(|| format!("running {} -vV", rustc.to_string_lossy()))?;
        self.part(&version.stdout);
        let mut vars: Vec<(String, String)> = std::env::vars_os()
            .map(|(k, v)| (k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()))
            .filter(|(k, _)| read_by_a_build(k))
            .collect();
        vars.sort();
        for (k, v) in vars {
            self.part(k.as_bytes());
            self.part(v.as_bytes());
        }
        Ok(())
    }

    /// The key, as 64 hexadecimal digits.
    pub fn finish(self) -> String {
        self.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Whether a build may read the environment variable `name`
/// ([`ContentKey::build_environment`]).
fn read_by_a_build(name: &str) -> bool {
    ["RUST", "CARGO", "PYO3", "MATURIN", "PYTHON"].iter().any(|p| name.starts_with(p)) || ["CC", "CFLAGS", "LDFLAGS", "SOURCE_DATE_EPOCH"].contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_variables_are_hashed_and_others_are_not() {
        for name in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "PYO3_PYTHON", "MATURIN_PEP517_ARGS", "PYTHONPATH", "CC"] {
            assert!(read_by_a_build(name), "{name}");
        }
        for name in ["HOME", "CHECK_TIMINGS", "TERM", "CCACHE_DIR"] {
            assert!(!read_by_a_build(name), "{name}");
        }
    }
}
