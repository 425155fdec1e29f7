//! `reentrant_borrow`: the office coffee kitty, whose Python listeners may call back into
//! the kitty while one of its methods is still running.
//!
//! A `#[pyclass]` that is not frozen carries a borrow flag that PyO3 checks at run time
//! (PyO3 guide, "Python classes", "Bound<T> and interior mutability"): a `&mut self`
//! method holds a `PyRefMut` for its whole call, and any other borrow taken meanwhile,
//! for instance by a callback that reads a getter, fails with `RuntimeError`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

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
    // `try_borrow_mut` returns an error that converts into `RuntimeError`; `borrow_mut`
    // would panic instead, and Python would see a `PanicException`.
    let mut from = source.try_borrow_mut()?;
    let mut to = target.try_borrow_mut()?;
    if from.balance < coins {
        return Err(PyValueError::new_err(format!("the kitty holds {} coins, {coins} asked", from.balance)));
    }
    from.balance -= coins;
    to.balance += coins;
    Ok(to.balance)
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
        let py = slf.py();
        // The mutable borrow lives only inside this block: it ends before any listener runs.
        let (balance, listeners) = {
            let mut kitty = slf.try_borrow_mut()?;
            kitty.balance += coins;
            let listeners: Vec<Py<PyAny>> = kitty.listeners.iter().map(|l| l.clone_ref(py)).collect();
            (kitty.balance, listeners)
        };
        for listener in &listeners {
            listener.call1(py, (balance,))?;
        }
        Ok(balance)
    }
    // ANCHOR_END: deposit
}

/// Locks `mutex`. A `std::sync::Mutex` locked twice by one thread deadlocks; this raises
/// `RuntimeError` instead, so that calling back into Python while the lock is held shows
/// up as an error and not as a hang.
///
/// # Errors
/// `RuntimeError` when the lock is already held or was poisoned by a panic.
pub fn lock<T>(mutex: &Mutex<T>) -> PyResult<MutexGuard<'_, T>> {
    mutex.try_lock().map_err(|error| match error {
        TryLockError::WouldBlock => PyRuntimeError::new_err("the lock is already held: Python was called while it was locked"),
        TryLockError::Poisoned(_) => PyRuntimeError::new_err("the lock is poisoned by a panic"),
    })
}

// ANCHOR: shared
/// The kitty of the whole floor, shared by several threads and re-entered by its
/// listeners. Frozen: PyO3 keeps no borrow flag and gives only `&self`, so every change
/// goes through an atomic or a `Mutex`.
#[pyclass(frozen, module = "reentrant_borrow")]
pub struct SharedKitty {
    /// The coins in the jar.
    balance: AtomicU64,
    /// Called with the new balance after every deposit.
    listeners: Mutex<Vec<Py<PyAny>>>,
}

#[pymethods]
impl SharedKitty {
    #[new]
    fn new(balance: u64) -> Self {
        SharedKitty { balance: AtomicU64::new(balance), listeners: Mutex::new(Vec::new()) }
    }

    /// The coins in the jar.
    #[getter]
    fn balance(&self) -> u64 {
        self.balance.load(Ordering::SeqCst)
    }

    /// Keeps `listener`, to be called as `listener(balance)` after every deposit; a
    /// listener may subscribe another one while it runs.
    fn subscribe(&self, listener: Py<PyAny>) -> PyResult<()> {
        lock(&self.listeners)?.push(listener);
        Ok(())
    }

    /// Adds `coins` to the jar, then calls every listener subscribed before this deposit
    /// began, in the order they subscribed, with the new balance; returns the balance
    /// after this deposit.
    fn deposit(&self, py: Python<'_>, coins: u64) -> PyResult<u64> {
        let balance = self.balance.fetch_add(coins, Ordering::SeqCst) + coins;
        // Copy the list and let the guard go at the end of this statement: the listeners
        // run with the lock released, so they may subscribe or deposit in turn.
        let listeners: Vec<Py<PyAny>> = lock(&self.listeners)?.iter().map(|l| l.clone_ref(py)).collect();
        for listener in &listeners {
            listener.call1(py, (balance,))?;
        }
        Ok(balance)
    }
}
// ANCHOR_END: shared

/// The module Python imports as `reentrant_borrow`.
#[pymodule]
pub fn reentrant_borrow(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Kitty>()?;
    m.add_class::<SharedKitty>()?;
    m.add_function(wrap_pyfunction!(move_coins, m)?)?;
    Ok(())
}
