//! The telephone exchange that fax lines go through. This file is given: the check reads
//! its records to see which lines were hung up, and why.
//!
//! A line dialled at the exchange stays open until it is hung up with [`FaxLine::hang_up`].
//! Dropping a [`FaxLine`] without hanging up does not close it at the exchange, as closing
//! a socket without a goodbye leaves a session open on the server: the exchange records
//! the drop, and the line stays open.

use crate::delay::delay;
use pyo3::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Lines dialled and not yet hung up.
static OPEN: AtomicUsize = AtomicUsize::new(0);
/// What happened at the exchange, one line per event, oldest first.
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// The fax machines that stall: recipient, and the page (1-based) their machine never finishes.
static STALLS: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

/// Milliseconds a page takes to go through.
const PAGE_MS: u64 = 1;
/// Milliseconds a page takes on a machine that stalls: longer than any check waits.
const STALLED_MS: u64 = 30_000;

fn record(event: String) {
    LOG.lock().unwrap_or_else(|e| e.into_inner()).push(event);
}

/// An open line to one fax machine.
#[derive(Debug)]
pub struct FaxLine {
    to: String,
    sent: u32,
    hung_up: bool,
}

impl FaxLine {
    /// Dials `to`: the exchange opens a line and records `dial Pam`.
    pub fn dial(to: &str) -> FaxLine {
        OPEN.fetch_add(1, Ordering::SeqCst);
        record(format!("dial {to}"));
        FaxLine { to: to.to_string(), sent: 0, hung_up: false }
    }

    /// Sends the next page and records `page 2 to Pam` once it went through. Takes a
    /// millisecond, or (on a machine that stalls at this page) longer than anyone waits.
    pub async fn send_page(&mut self) {
        let page = self.sent + 1;
        let stalls = STALLS.lock().unwrap_or_else(|e| e.into_inner()).as_ref().and_then(|s| s.get(&self.to).copied());
        delay(if stalls == Some(page) { STALLED_MS } else { PAGE_MS }).await;
        self.sent = page;
        record(format!("page {page} to {}", self.to));
    }

    /// The pages that went through so far.
    pub fn pages_sent(&self) -> u32 {
        self.sent
    }

    /// Hangs up: the exchange closes the line and records `hang up on Pam: <reason>`.
    pub fn hang_up(mut self, reason: &str) {
        self.hung_up = true;
        OPEN.fetch_sub(1, Ordering::SeqCst);
        record(format!("hang up on {}: {reason}", self.to));
    }
}

impl Drop for FaxLine {
    fn drop(&mut self) {
        if !self.hung_up {
            record(format!("the line to {} was dropped without hanging up: it stays open", self.to));
        }
    }
}

/// Lines open at the exchange now.
#[pyfunction]
pub fn lines_open() -> usize {
    OPEN.load(Ordering::SeqCst)
}

/// The events recorded since the last call, oldest first.
#[pyfunction]
pub fn take_log() -> Vec<String> {
    std::mem::take(&mut *LOG.lock().unwrap_or_else(|e| e.into_inner()))
}

/// Makes the fax machine of `to` stall at page `page` (1-based).
#[pyfunction]
pub fn stall(to: String, page: u32) {
    STALLS.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashMap::new).insert(to, page);
}

/// Starts a fresh day: no line open, no stall, an empty log.
#[pyfunction]
pub fn reset() {
    OPEN.store(0, Ordering::SeqCst);
    *STALLS.lock().unwrap_or_else(|e| e.into_inner()) = None;
    take_log();
}

/// The exchange's records as a Python module, for the check (`import exchange`).
#[pymodule]
pub fn exchange(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(lines_open, m)?)?;
    m.add_function(wrap_pyfunction!(take_log, m)?)?;
    m.add_function(wrap_pyfunction!(stall, m)?)?;
    m.add_function(wrap_pyfunction!(reset, m)?)?;
    Ok(())
}
