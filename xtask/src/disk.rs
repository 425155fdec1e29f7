//! Free space on the disk that holds the target folder.
//!
//! A full `verify` compiles every starter, solution and recorded wrong answer, and a
//! grading run every submission: when the disk fills half way, each later build fails with
//! cargo's "No space left on device", and a run would print hundreds of such failures.
//! `verify` and `grade` look before they start ([`warn_if_short`]) and stop at the first
//! failure that says the disk is full while it is ([`is_full`]). When grading, a build that
//! failed for want of space must stop the run, not cost the student their points.

#[cfg(feature = "authoring")]
use crate::ui;
use std::path::Path;

#[cfg(feature = "authoring")]
/// How much a run writes into a cold target folder, in bytes: the figures `verify` and
/// `grade` compare with the free space. Measured on Linux x86_64 with the course's 34
/// exercises, `.ci/run` on a fresh clone (`README.md`, "Disk space"), with some room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// `verify` of everything: starters, solutions, wrong answers, book, test suites
    /// (measured: 10.1 GB).
    FullVerify,
    /// `verify --scope solutions` with another interpreter, in its own target folder
    /// (measured: 3.6 GB).
    Solutions,
    /// `grade`: the pristine course and every submission in the sandbox's slots, and the
    /// solutions run on the held-out inputs (measured: 1.6 GB per slot).
    Grading,
}

#[cfg(feature = "authoring")]
impl Need {
    #[cfg(feature = "authoring")]
    /// The bytes this run may write into a cold target folder.
    pub fn bytes(self) -> u64 {
        const GB: u64 = 1_000_000_000;
        match self {
            Need::FullVerify => 12 * GB,
            Need::Solutions => 4 * GB,
            Need::Grading => 4 * GB,
        }
    }
}

/// The bytes free for this user on the disk holding `path`, or its nearest existing
/// ancestor (the target folder may not exist yet). `None` when the system does not say.
pub fn available(path: &Path) -> Option<u64> {
    let existing = path.ancestors().find(|p| p.exists())?;
    fs4::available_space(existing).ok()
}

#[cfg(feature = "authoring")]
/// Prints one warning when the disk holding `target` has less free space than `need`,
/// with both figures and what to do. The run goes on: a warm target folder needs less.
pub fn warn_if_short(target: &Path, need: Need) {
    let Some(free) = available(target) else { return };
    if free < need.bytes() {
        ui::note(&format!(
            "warning: {} has {} free; this run may write up to {} into a cold target folder. \
             If it stops with \"No space left on device\", free space (`cargo clean` removes {}).",
            target.display(),
            human(free),
            human(need.bytes()),
            target.display(),
        ));
    }
}

#[cfg(feature = "authoring")]
/// Below this many free bytes, a failure that says "No space left on device" is taken
/// at its word. Cargo removes its temporary files after such a failure, so a little space
/// comes back; a student's `compile_error!` that prints the words, on a disk with room,
/// does not stop a grading run.
const LOW: u64 = 1_000_000_000;

/// Whether a failure's text says the disk is full (`ENOSPC`, "os error 28" on Linux and
/// macOS, as Rust's `io::Error` prints it, or Python's "[Errno 28]").
pub fn says_full(text: &str) -> bool {
    text.contains("No space left on device")
}

#[cfg(feature = "authoring")]
/// Whether a failure's text says the disk is full and the disk holding `target` indeed
/// has less than 1 GB free: the test that stops a run.
pub fn is_full(text: &str, target: &Path) -> bool {
    says_full(text) && available(target).is_some_and(|free| free < LOW)
}

/// The message that stops a run whose disk filled: names the folder and its free space.
pub fn full_message(target: &Path) -> String {
    let free = available(target).map(human).unwrap_or_else(|| "an unknown amount".to_string());
    format!(
        "the disk holding {} is full ({free} free now): stopped here, as every later build would fail the same way. \
         Free space (`cargo clean` removes {}), then run the command again.",
        target.display(),
        target.display()
    )
}

/// `12.3 GB`, `640 MB`: decimal units, as `df -H` prints them.
pub fn human(bytes: u64) -> String {
    let gb = bytes as f64 / 1e9;
    if gb >= 1.0 { format!("{gb:.1} GB") } else { format!("{:.0} MB", bytes as f64 / 1e6) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_cargo_and_python_messages() {
        assert!(says_full("error: failed to create directory `/x/target`\n\nCaused by:\n  No space left on device (os error 28)"));
        assert!(says_full("Error: [Errno 28] No space left on device: '/x/.venv/include'"));
        assert!(!says_full("error[E0308]: mismatched types"));
    }

    #[test]
    #[cfg(feature = "authoring")]
    fn the_words_alone_do_not_make_a_disk_full() {
        // A student's `compile_error!("No space left on device")` on a disk with room.
        let dir = tempfile::tempdir().unwrap();
        let free = available(dir.path()).unwrap();
        assert_eq!(is_full("error: No space left on device", dir.path()), free < LOW);
        assert!(!is_full("error[E0308]: mismatched types", dir.path()));
    }

    #[test]
    fn available_space_of_a_folder_not_yet_made() {
        let dir = tempfile::tempdir().unwrap();
        let free = available(&dir.path().join("target/python-3.12")).expect("the temp folder's disk");
        assert!(free > 0);
    }

    #[test]
    fn figures_in_decimal_units() {
        assert_eq!(human(14_000_000_000), "14.0 GB");
        assert_eq!(human(287_000_000), "287 MB");
    }
}
