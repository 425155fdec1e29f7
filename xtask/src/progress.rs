//! A student's progress, kept across runs in `.workbook/progress.json` (never in the
//! exercise folders): which exercises passed, with a fingerprint of their files at that
//! moment, and how many hints each has shown.

use crate::course::Exercise;
use crate::workspace::Workspace;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// The whole file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Progress {
    /// Per exercise name.
    #[serde(default)]
    pub exercises: BTreeMap<String, ExerciseProgress>,
}

/// One exercise's progress.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ExerciseProgress {
    /// The fingerprint of the exercise's files when all its stages last passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_fingerprint: Option<String>,
    /// Stages passed at the last check, and how many there were.
    #[serde(default)]
    pub stages_passed: usize,
    #[serde(default)]
    pub stages_total: usize,
    /// How many hints `cargo xtask hint` has shown.
    #[serde(default)]
    pub hints_shown: usize,
}

impl Progress {
    fn path(ws: &Workspace) -> PathBuf {
        ws.state_dir().join("progress.json")
    }

    /// Reads the progress file; a missing or unreadable file is a fresh start (said once).
    pub fn load(ws: &Workspace) -> Progress {
        let path = Progress::path(ws);
        match fs_err::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| {
                crate::ui::note(&format!("{} is unreadable ({e}); starting a fresh progress record", path.display()));
                Progress::default()
            }),
            Err(_) => Progress::default(),
        }
    }

    /// Writes the progress file, atomically (a temporary file renamed over it).
    ///
    /// # Errors
    /// When `.workbook/` cannot be written.
    pub fn save(&self, ws: &Workspace) -> Result<()> {
        let path = Progress::path(ws);
        fs_err::create_dir_all(ws.state_dir()).context("creating .workbook/")?;
        let tmp = path.with_extension("json.tmp");
        fs_err::write(&tmp, serde_json::to_string_pretty(self)?).context("writing .workbook/progress.json")?;
        fs_err::rename(&tmp, &path).context("saving .workbook/progress.json")?;
        Ok(())
    }

    /// The entry of `name`, created if absent.
    pub fn entry(&mut self, name: &str) -> &mut ExerciseProgress {
        self.exercises.entry(name.to_string()).or_default()
    }

    /// Whether `exercise` passed with exactly its current files.
    pub fn is_done(&self, ws: &Workspace, exercise: &Exercise) -> bool {
        let Some(entry) = self.exercises.get(exercise.name()) else { return false };
        entry.passed_fingerprint.as_deref().is_some_and(|f| Some(f) == fingerprint(ws, exercise).ok().as_deref())
    }
}

/// A fingerprint of every file of the exercise's folder (sources, tests, snapshots), so
/// that any edit, including a course update, makes `check` run the exercise again: the
/// SHA-256 (FIPS 180-4) of each file's relative path and length-prefixed content, in
/// file-name order, as 64 hex digits. Stable across Rust releases, unlike `DefaultHasher`.
///
/// # Errors
/// When a file cannot be read, naming it.
pub fn fingerprint(ws: &Workspace, exercise: &Exercise) -> Result<String> {
    let mut hasher = Sha256::new();
    let dir = ws.path(exercise.dir());
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().into_iter().filter_entry(|e| e.file_name() != "target") {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(&dir)?.to_string_lossy().replace('\\', "/");
            let content = fs_err::read(entry.path())?;
            for part in [relative.as_bytes(), &content] {
                hasher.update((part.len() as u64).to_le_bytes());
                hasher.update(part);
            }
        }
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
