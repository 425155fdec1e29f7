//! What a student hands in: the one rule of which folders an archive of the repository
//! leaves out, and how much it may hold. `cargo xtask pack` (`commands/pack.rs`) writes
//! the students' archive by it, and the grader's unpacking (`grade/unpack.rs`) skips the
//! same folders before it counts an archive's size, so an archive made any other way (a
//! whole folder zipped after a first `check`) is graded like the one `pack` makes.

use std::path::{Component, Path};

/// Folders a student's repository holds that the grader never needs: builds, virtual
/// environments, caches, the workbook's own state, git's own folder. `pack` never puts
/// them in an archive; the grader skips their entries, unpacked and uncounted. A folder
/// of one of these names is left out wherever it is (`exercises/x/target/` too).
pub const SKIPPED_FOLDERS: [&str; 9] = ["target", ".venv", "venv", ".workbook", "__pycache__", ".pytest_cache", ".mypy_cache", ".git", "node_modules"];

/// The most an archive may unpack to, in bytes, once [`SKIPPED_FOLDERS`] are left out:
/// the grader's default cap (`grade/unpack.rs`), which `pack` checks before it writes.
pub const MAX_BYTES: u64 = 64 << 20;

/// The most entries (files and folders) an archive may hold besides [`SKIPPED_FOLDERS`].
pub const MAX_ENTRIES: usize = 20_000;

/// Whether the relative path `relative` (a path inside a repository or an archive) lies
/// in one of [`SKIPPED_FOLDERS`], or is one.
pub fn skipped(relative: &Path) -> bool {
    relative.components().any(|c| matches!(c, Component::Normal(part) if part.to_str().is_some_and(|p| SKIPPED_FOLDERS.contains(&p))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_and_cache_folders_are_skipped_at_any_depth_and_only_them() {
        assert!(skipped(Path::new("target")));
        assert!(skipped(Path::new("repo/target/debug/x.rlib")));
        assert!(skipped(Path::new("exercises/p/one/__pycache__/m.pyc")));
        assert!(skipped(Path::new(".venv/bin/python")));
        assert!(!skipped(Path::new("exercises/p/one/src/lib.rs")));
        assert!(!skipped(Path::new("exercises/p/targets/src/lib.rs")), "a name that only starts like one");
        assert!(!skipped(Path::new(".gitignore")));
    }
}
