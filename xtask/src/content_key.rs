//! A SHA-256 (FIPS 180-4) of length-prefixed parts, and of folders' files: what a cache
//! is keyed by, so that no two different lists of parts or trees give the same bytes to
//! hash. The wheel cache (`stage/wheel.rs`) keys a crate's build inputs with it, and the
//! students' shipped book (`rendered_book.rs`) its sources.

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
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

    /// The key, as 64 hexadecimal digits.
    pub fn finish(self) -> String {
        self.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}
