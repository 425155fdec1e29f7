//! The repository's own exercises, read by the grading tests to build submissions.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The text of the repository-relative `path`.
pub fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap()
}

/// The solution's `src/lib.rs` of the exercise in folder `exercise` (`exercises/...`).
pub fn solution(exercise: &str) -> String {
    read(format!("{}/src/lib.rs", exercise.replacen("exercises", "solutions", 1)))
}

/// The starter's `src/lib.rs` of the exercise in folder `exercise`.
pub fn starter(exercise: &str) -> String {
    read(format!("{exercise}/src/lib.rs"))
}
