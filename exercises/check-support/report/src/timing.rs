//! The time each step of a check takes, for `cargo xtask bench check` only.
//!
//! When [`TIMINGS_VAR`] names a file, the xtask and the test process append one JSON line
//! per step to it, `{"step": NAME, "seconds": S}`; without it (every check a student
//! runs, every grading run) [`record`] does nothing. The figures never decide anything:
//! the bench prints them.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// The environment variable naming the file step times are appended to (JSON lines).
pub const TIMINGS_VAR: &str = "CHECK_TIMINGS";

/// One line of the timings file: a step and its wall time in seconds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Timing {
    /// The step, in the words of the bench's table (`pytest`, `wheel install`...).
    pub step: String,
    /// Its wall time, in seconds.
    pub seconds: f64,
}

/// Appends the time since `start` of `step` to the file [`TIMINGS_VAR`] names, if any.
/// A file that cannot be written loses the figure and nothing else: timings are never
/// part of a verdict.
pub fn record(step: &str, start: Instant) {
    let Some(path) = std::env::var_os(TIMINGS_VAR).map(PathBuf::from) else { return };
    let timing = Timing { step: step.to_string(), seconds: start.elapsed().as_secs_f64() };
    let line = serde_json::to_string(&timing).unwrap_or_default() + "\n";
    // One `write_all` of a short line on a file opened for appending: lines from the
    // xtask and the test threads never interleave.
    let _ = std::fs::OpenOptions::new().append(true).create(true).open(path).and_then(|mut file| file.write_all(line.as_bytes()));
}
