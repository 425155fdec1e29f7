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
/// # Panics
/// As [`in_own_process`], when the child fails.
pub fn observe_held_out_in_own_process(test: &str, setup: impl FnOnce(), scenario: impl Fn(Inputs) -> String) {
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
    crate::observe!(test, public);
    if let (Some(inputs), Some(value)) = (check_report::held_out(), held_out) {
        check_report::report(test, inputs, &value);
    }
}
