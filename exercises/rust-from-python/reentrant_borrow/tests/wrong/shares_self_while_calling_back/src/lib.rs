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
/// Its fields change through an atomic and a `Mutex`, so `deposit` needs only `&self`.
#[pyclass(module = "reentrant_borrow")]
pub struct Kitty {
    /// The coins in the jar.
    balance: AtomicU64,
    /// Called with the new balance after every deposit.
    listeners: Mutex<Vec<Py<PyAny>>>,
}

/// Moves `coins` coins from `source` to `target`.
// ANCHOR: move_coins
#[pyfunction]
pub fn move_coins(source: &Bound<'_, Kitty>, target: &Bound<'_, Kitty>, coins: u64) -> PyResult<u64> {
    let from = source.try_borrow_mut()?;
    let to = target.try_borrow_mut()?;
    let held = from.balance.load(Ordering::SeqCst);
    if held < coins {
        return Err(PyValueError::new_err(format!("the kitty holds {held} coins, {coins} asked")));
    }
    from.balance.fetch_sub(coins, Ordering::SeqCst);
    Ok(to.balance.fetch_add(coins, Ordering::SeqCst) + coins)
}
// ANCHOR_END: move_coins

#[pymethods]
impl Kitty {
    #[new]
    fn new(balance: u64) -> Self {
        Kitty { balance: AtomicU64::new(balance), listeners: Mutex::new(Vec::new()) }
    }

    /// The coins in the jar.
    #[getter]
    fn balance(&self) -> u64 {
        self.balance.load(Ordering::SeqCst)
    }

    /// Keeps `listener`, to be called as `listener(balance)` after every deposit.
    fn subscribe(&self, listener: Py<PyAny>) -> PyResult<()> {
        lock(&self.listeners)?.push(listener);
        Ok(())
    }

    // ANCHOR: deposit
    /// Adds `coins` to the jar, then calls every listener with the new balance. `&self`
    /// is a shared borrow: the listeners may read and deposit while it is held.
    fn deposit(&self, py: Python<'_>, coins: u64) -> PyResult<u64> {
        let balance = self.balance.fetch_add(coins, Ordering::SeqCst) + coins;
        let listeners: Vec<Py<PyAny>> = lock(&self.listeners)?.iter().map(|l| l.clone_ref(py)).collect();
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

    /// Adds `coins` to the jar, then calls every listener with the new balance; returns
    /// the balance after this deposit.
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
