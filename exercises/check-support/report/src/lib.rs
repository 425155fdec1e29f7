//! How a stage test reports what it observed, so that `cargo xtask` decides the verdict
//! outside the process that ran the student's code.
//!
//! A stage test runs real Python against the student's crate and observes a text: what a
//! scenario printed, pytest's outcome lines, what a script loading a `cdylib` returned.
//! It hands that text to [`observe!`] instead of asserting anything. Run by `cargo xtask
//! check` or `grade`, the test process has [`REPORT_VAR`] set: the observation is appended
//! to that file as one JSON line, `{"test": NAME, "inputs": "public" | "held-out",
//! "value": TEXT}`, and the test itself passes. The xtask then compares each value with
//! the exercise's insta snapshot (`tests/snapshots/check__NAME.snap`) or, for held-out
//! inputs, with the value the solution gave, and counts a test as passed only when its
//! value arrived, once, and matches. Printing `test x ... ok`, setting `INSTA_*`
//! variables or exiting early therefore earns nothing: a value that never arrived or does
//! not match fails.
//!
//! Run without the xtask (a plain `cargo test` of a solution), [`observe!`] falls back to
//! `insta::assert_snapshot!`, so the solutions stay green under `cargo test` at the root.
//!
//! Held-out inputs: when grading, [`SEED_VAR`] holds a seed. [`observe_held_out!`] then
//! runs the scenario a second time on inputs generated from that seed (the test decides
//! how, see [`Inputs`]) and reports that value too; the grader runs the solution on the
//! same seed and compares.

pub mod process;
pub mod timing;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

// The fallback of `observe!` without the xtask; the xtask itself, which only reads
// reports, builds this crate without it (feature `snapshot`).
#[cfg(feature = "snapshot")]
#[doc(hidden)]
pub use insta;

/// A small seeded random generator (`fastrand`), for tests that make held-out inputs in
/// Rust: `Rng::with_seed(seed)` gives the same values for the same seed.
pub use fastrand::Rng;

/// The environment variable naming the file observations are appended to (JSON lines).
pub const REPORT_VAR: &str = "CHECK_REPORT";

/// The environment variable holding the held-out seed, a decimal `u64`, when grading.
pub const SEED_VAR: &str = "CHECK_HELD_OUT_SEED";

/// The environment variable naming a folder that holds the one wheel `cargo xtask` built
/// for the crate under test, before the test process started (see `check_support::maturin`).
pub const WHEEL_DIR_VAR: &str = "CHECK_WHEEL_DIR";

/// The environment variable naming the folder a test process installs that wheel into
/// and puts on `PYTHONPATH`: a scratch folder of the run, never the shared venv.
pub const SITE_VAR: &str = "CHECK_SITE";

/// The file that marks a [`SITE_VAR`] folder as already holding the unpacked wheel (the
/// xtask's cache of unpacked wheels, `stage/wheel.rs`): the test process then imports
/// from it without unpacking again. It holds the wheel's file name.
pub const UNPACKED_MARKER: &str = ".check-unpacked";

/// The arguments of the venv's `python` that run pytest on an exercise's `tests/` folder,
/// from the starter's folder: quiet, every outcome in the short summary (`-rA`, which
/// `check_support::maturin` reads), no cache written, no colour.
pub const PYTEST_ARGS: &[&str] = &["-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", "--color=no", "tests"];

/// The environment of that pytest run, beside the venv's: no plugin loaded but pytest's
/// own (the exercises' pytest files need none, and Hypothesis's plugin alone imports most
/// of Hypothesis, about 0.8 s a check), and no bytecode written beside the tests.
pub const PYTEST_ENV: &[(&str, &str)] = &[("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1"), ("PYTHONDONTWRITEBYTECODE", "1")];

/// The workbook's virtual environment, the one place the checks learn where it is:
/// `VIRTUAL_ENV` as `cargo xtask` sets it (`python/choice.rs` decides which venv), else
/// `.venv` at the repository root (a plain `cargo test` at the root).
pub fn venv() -> PathBuf {
    match std::env::var_os("VIRTUAL_ENV") {
        Some(venv) => PathBuf::from(venv),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../.venv"),
    }
}

/// The venv's folder of programs: `bin`, or `Scripts` on Windows.
pub fn venv_bin() -> PathBuf {
    venv().join(if cfg!(windows) { "Scripts" } else { "bin" })
}

/// One line of the report file: what the test `test` observed on `inputs`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Observation {
    /// The test's name, which is also its snapshot's name.
    pub test: String,
    /// `public` or `held-out` ([`Inputs::label`]).
    pub inputs: String,
    /// The observed text.
    pub value: String,
}

/// Which inputs a scenario runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inputs {
    /// The fixed inputs that ship with the exercise; their expected values are the
    /// exercise's insta snapshots.
    Public,
    /// Inputs generated from `seed` at grading time; the expected values come from the
    /// solution run on the same seed.
    HeldOut {
        /// The seed to generate the inputs from (Python: `random.Random(seed)`).
        seed: u64,
    },
}

impl Inputs {
    /// The seed, for held-out inputs.
    pub fn seed(self) -> Option<u64> {
        match self {
            Inputs::Public => None,
            Inputs::HeldOut { seed } => Some(seed),
        }
    }

    /// The inputs as a Python expression for a scenario's code: `None` for the public
    /// inputs, the seed otherwise.
    pub fn python(self) -> String {
        match self {
            Inputs::Public => "None".to_string(),
            Inputs::HeldOut { seed } => seed.to_string(),
        }
    }

    /// Python lines that define `SEED` ([`Inputs::python`]) and `rng`, a `random.Random`
    /// seeded with it, for a scenario that generates its held-out inputs in Python
    /// (`if SEED is None: public inputs, else: inputs drawn from rng`).
    pub fn python_prelude(self) -> String {
        format!("import random\nSEED = {}\nrng = random.Random(SEED)\n", self.python())
    }

    /// The word the report uses: `public` or `held-out`.
    pub fn label(self) -> &'static str {
        match self {
            Inputs::Public => "public",
            Inputs::HeldOut { .. } => "held-out",
        }
    }
}

/// The held-out inputs of this run, when the grader asked for them.
pub fn held_out() -> Option<Inputs> {
    let seed = std::env::var(SEED_VAR).ok()?.trim().parse().ok()?;
    Some(Inputs::HeldOut { seed })
}

/// Serialises appends from the test threads of one process.
static WRITING: Mutex<()> = Mutex::new(());

/// Reports `value`, observed by the test `test` on `inputs`, to the xtask. Returns
/// `false` when no xtask listens ([`REPORT_VAR`] unset), so that the caller asserts on
/// its own.
///
/// # Panics
/// When the report file cannot be written: the test must not pass silently.
pub fn report(test: &str, inputs: Inputs, value: &str) -> bool {
    let Some(path) = std::env::var_os(REPORT_VAR).map(PathBuf::from) else { return false };
    let observation = Observation { test: test.to_string(), inputs: inputs.label().to_string(), value: value.to_string() };
    let line = serde_json::to_string(&observation).unwrap_or_default() + "\n";
    let _guard = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let written = std::fs::OpenOptions::new().append(true).create(true).open(&path).and_then(|mut file| file.write_all(line.as_bytes()));
    if let Err(err) = written {
        panic!("could not write the check report {}: {err}", path.display());
    }
    true
}

/// Observes the public value of the test named `$test` (its snapshot's name): reports
/// it to the xtask, or, run without the xtask, asserts it against the insta snapshot.
///
/// `$value` is anything that implements `Display`, usually the text a scenario printed.
#[macro_export]
macro_rules! observe {
    ($test:expr, $value:expr $(,)?) => {{
        let value = ::std::string::ToString::to_string(&$value);
        if !$crate::report($test, $crate::Inputs::Public, &value) {
            $crate::insta::assert_snapshot!($test, value);
        }
    }};
}

/// Observes the test named `$test` on the public inputs, as [`observe!`] does, then, when
/// grading asks for held-out inputs, on inputs generated from the seed: `$scenario` is a
/// closure from [`Inputs`] to the observed text, run once per variant.
#[macro_export]
macro_rules! observe_held_out {
    ($test:expr, $scenario:expr $(,)?) => {{
        let scenario = $scenario;
        $crate::observe!($test, scenario($crate::Inputs::Public));
        if let Some(inputs) = $crate::held_out() {
            let value = ::std::string::ToString::to_string(&scenario(inputs));
            $crate::report($test, inputs, &value);
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_read_as_python() {
        assert_eq!(Inputs::Public.python(), "None");
        assert_eq!(Inputs::HeldOut { seed: 42 }.python(), "42");
        assert_eq!(Inputs::HeldOut { seed: 42 }.seed(), Some(42));
        assert_eq!(Inputs::HeldOut { seed: 1 }.label(), "held-out");
    }
}
