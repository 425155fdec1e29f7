//! Held-out inputs for checks that run in a process of their own.
//!
//! [`crate::in_own_process`] runs the child once and then ends it, so `observe_held_out!`
//! would never reach its second scenario there. [`observe_held_out_in_own_process`] runs
//! both scenarios in the one child and reports each value from the parent.

use crate::{Inputs, in_own_process};

/// Separates the public value from the held-out one in the child's report.
const HELD_OUT_SEPARATOR: &str = "\n<<<check-support: held-out value>>>\n";

/// Observes the test `test` in a fresh process: the child runs `setup` once (for
/// instance `append_to_inittab!`, which must come before Python starts), then `scenario`
/// on the public inputs and, when grading, on the held-out ones; the parent reports both
/// values, as `observe_held_out!` does.
///
/// Run without the xtask (a plain `cargo test` of a solution), the public value is
/// asserted against the snapshot beside the calling check file, as `observe!` does.
///
/// # Panics
/// As [`in_own_process`], when the child fails.
#[track_caller]
pub fn observe_held_out_in_own_process(test: &str, setup: impl FnOnce(), scenario: impl Fn(Inputs) -> String) {
    let caller = std::panic::Location::caller().file();
    let report = in_own_process(test, || {
        setup();
        let mut text = scenario(Inputs::Public);
        if let Some(inputs) = check_report::held_out() {
            text.push_str(HELD_OUT_SEPARATOR);
            text.push_str(&scenario(inputs));
        }
        text
    });
    let (public, held_out) = match report.split_once(HELD_OUT_SEPARATOR) {
        Some((public, held_out)) => (public.to_string(), Some(held_out.to_string())),
        None => (report, None),
    };
    if !check_report::report(test, Inputs::Public, &public) {
        assert_beside(caller, test, &public);
    }
    if let (Some(inputs), Some(value)) = (check_report::held_out(), held_out) {
        check_report::report(test, inputs, &value);
    }
}

/// Asserts `value` against the insta snapshot of `test` beside the check file `caller`
/// (a path relative to the workspace root, as `Location::caller` gives it): the
/// snapshot `observe!` would use had it been called there, `tests/snapshots/check__TEST.snap`.
fn assert_beside(caller: &str, test: &str, value: &str) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = std::path::Path::new(caller);
    let file = if file.is_absolute() { file.to_path_buf() } else { root.join(file) };
    let dir = file.parent().map(|d| d.join("snapshots")).unwrap_or_default();
    let mut settings = check_report::insta::Settings::clone_current();
    settings.set_snapshot_path(dir);
    settings.set_prepend_module_to_snapshot(false);
    let name = format!("check__{test}");
    settings.bind(|| check_report::insta::assert_snapshot!(name.as_str(), value));
}
