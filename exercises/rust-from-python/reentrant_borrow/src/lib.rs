//! `reentrant_borrow`: the office coffee kitty, whose Python listeners may call back into
//! the kitty while one of its methods is still running.
//!
//! A `#[pyclass]` that is not frozen carries a borrow flag that PyO3 checks at run time
//! (PyO3 guide, "Python classes", "Bound<T> and interior mutability"): a `&mut self`
//! method holds a `PyRefMut` for its whole call, and any other borrow taken meanwhile,
//! for instance by a callback that reads a getter, fails with `RuntimeError`.

use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

// ANCHOR: exercise
/// A coffee kitty: `balance` coins in a jar, and the callables to tell when it changes.
/// Not frozen: every method borrows it through PyO3's run-time borrow flag.
#[pyclass(module = "reentrant_borrow")]
pub struct Kitty {
    /// The coins in the jar.
    #[pyo3(get)]
    balance: u64,
    /// Called with the new balance after every deposit.
    listeners: Vec<Py<PyAny>>,
}

/// Moves `coins` coins from `source` to `target`, two kitties that Python may pass as
/// one and the same object; when it raises, no balance changes. What it returns is yours
/// (the checks do not read it).
///
/// # Errors
/// `RuntimeError: Already borrowed` when `source` is `target` (the second mutable borrow
/// of one object fails), `ValueError` when `source` holds fewer than `coins`.
// ANCHOR: move_coins
#[pyfunction]
pub fn move_coins(source: &Bound<'_, Kitty>, target: &Bound<'_, Kitty>, coins: u64) -> PyResult<u64> {
    // TODO: borrow both kitties mutably, refuse a move larger than the source's balance
    // with `ValueError`, then move the coins. Moving from a kitty to itself must raise
    // `RuntimeError`, never panic.
    todo!()
}
// ANCHOR_END: move_coins

#[pymethods]
impl Kitty {
    #[new]
    fn new(balance: u64) -> Self {
        Kitty { balance, listeners: Vec::new() }
    }

    /// Keeps `listener`, to be called as `listener(balance)` after every deposit, after
    /// the listeners subscribed before it.
    fn subscribe(&mut self, listener: Py<PyAny>) {
        self.listeners.push(listener);
    }

    // ANCHOR: deposit
    /// Adds `coins` to the jar, then calls every listener with the new balance; returns
    /// the balance after this deposit. A listener may read `balance` and deposit again.
    fn deposit(slf: &Bound<'_, Self>, coins: u64) -> PyResult<u64> {
        // TODO: add the coins and copy the listeners inside one short mutable borrow,
        // then call every listener with the new balance once that borrow has ended.
        todo!()
    }
    // ANCHOR_END: deposit
}

/// Locks `mutex`. A `std::sync::Mutex` locked twice by one thread deadlocks; this raises
/// `RuntimeError` instead, so that calling back into Python while the lock is held shows
/// up as an error and not as a hang.
///
/// # Errors
/// `RuntimeError` when the lock is already held or was poisoned by a panic.
#[allow(dead_code, reason = "used once `SharedKitty` is frozen")]
pub fn lock<T>(mutex: &Mutex<T>) -> PyResult<MutexGuard<'_, T>> {
    mutex.try_lock().map_err(|error| match error {
        TryLockError::WouldBlock => PyRuntimeError::new_err("the lock is already held: Python was called while it was locked"),
        TryLockError::Poisoned(_) => PyRuntimeError::new_err("the lock is poisoned by a panic"),
    })
}

// ANCHOR: shared
/// The kitty of the whole floor, shared by several threads and re-entered by its
/// listeners.
// TODO: a listener that reads `balance` or deposits again fails with `RuntimeError`,
// because `deposit` holds `&mut self` (a `PyRefMut`) while it calls the listeners. Make
// the class `frozen`, keep the balance in an `AtomicU64` and the listeners in a
// `Mutex<Vec<Py<PyAny>>>` (locked with `lock` above), give every method `&self`, and call
// the listeners only after the lock is released.
#[pyclass(module = "reentrant_borrow")]
pub struct SharedKitty {
    /// The coins in the jar.
    balance: u64,
    /// Called with the new balance after every deposit.
    listeners: Vec<Py<PyAny>>,
}

#[pymethods]
impl SharedKitty {
    #[new]
    fn new(balance: u64) -> Self {
        SharedKitty { balance, listeners: Vec::new() }
    }

    /// The coins in the jar.
    #[getter]
    fn balance(&self) -> u64 {
        self.balance
    }

    /// Keeps `listener`, to be called as `listener(balance)` after every deposit; a
    /// listener may subscribe another one while it runs.
    fn subscribe(&mut self, listener: Py<PyAny>) {
        self.listeners.push(listener);
    }

    /// Adds `coins` to the jar, then calls every listener subscribed before this deposit
    /// began, in the order they subscribed, with the new balance; returns the balance
    /// after this deposit.
    fn deposit(&mut self, py: Python<'_>, coins: u64) -> PyResult<u64> {
        self.balance += coins;
        for listener in &self.listeners {
            listener.call1(py, (self.balance,))?;
        }
        Ok(self.balance)
    }
}
// ANCHOR_END: shared

// ANCHOR_END: exercise

/// The module Python imports as `reentrant_borrow`.
#[pymodule]
pub fn reentrant_borrow(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Kitty>()?;
    m.add_class::<SharedKitty>()?;
    m.add_function(wrap_pyfunction!(move_coins, m)?)?;
    Ok(())
}
