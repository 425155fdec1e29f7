//! `reentrant_borrow`: the office coffee kitty, whose Python listeners may call back into
//! the kitty while one of its methods is still running.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

/// A coffee kitty.
#[pyclass(module = "reentrant_borrow")]
pub struct Kitty {
    #[pyo3(get)]
    balance: u64,
    listeners: Vec<Py<PyAny>>,
}

/// Moves `coins` coins from `source` to `target`. PyO3 borrows both arguments mutably
/// while it extracts them: a kitty passed twice, or one already borrowed, fails there with
/// `RuntimeError` before this body runs.
#[pyfunction]
pub fn move_coins(mut source: PyRefMut<'_, Kitty>, mut target: PyRefMut<'_, Kitty>, coins: u64) -> PyResult<()> {
    let Some(left) = source.balance.checked_sub(coins) else {
        return Err(PyValueError::new_err(format!("not enough coins: {coins} wanted, {} there", source.balance)));
    };
    source.balance = left;
    target.balance += coins;
    Ok(())
}

#[pymethods]
impl Kitty {
    #[new]
    fn new(balance: u64) -> Self {
        Kitty { balance, listeners: Vec::new() }
    }

    fn subscribe(&mut self, listener: Py<PyAny>) {
        self.listeners.push(listener);
    }

    fn deposit(mut slf: PyRefMut<'_, Self>, coins: u64) -> PyResult<u64> {
        let py = slf.py();
        slf.balance += coins;
        let balance = slf.balance;
        let listeners: Vec<Py<PyAny>> = slf.listeners.iter().map(|l| l.clone_ref(py)).collect();
        // The borrow ends here, before any listener can come back.
        drop(slf);
        for listener in listeners {
            listener.bind(py).call1((balance,))?;
        }
        Ok(balance)
    }
}

/// Locks `mutex`, raising `RuntimeError` instead of deadlocking.
///
/// # Errors
/// `RuntimeError` when the lock is already held or was poisoned by a panic.
pub fn lock<T>(mutex: &Mutex<T>) -> PyResult<MutexGuard<'_, T>> {
    mutex.try_lock().map_err(|error| match error {
        TryLockError::WouldBlock => PyRuntimeError::new_err("the lock is already held: Python was called while it was locked"),
        TryLockError::Poisoned(_) => PyRuntimeError::new_err("the lock is poisoned by a panic"),
    })
}

/// The kitty of the whole floor.
#[pyclass(frozen, module = "reentrant_borrow")]
pub struct SharedKitty {
    balance: AtomicU64,
    listeners: Mutex<Vec<Py<PyAny>>>,
}

#[pymethods]
impl SharedKitty {
    #[new]
    fn new(balance: u64) -> Self {
        SharedKitty { balance: AtomicU64::new(balance), listeners: Mutex::new(Vec::new()) }
    }

    #[getter]
    fn balance(&self) -> u64 {
        self.balance.load(Ordering::Relaxed)
    }

    fn subscribe(&self, listener: Py<PyAny>) -> PyResult<()> {
        let mut listeners = lock(&self.listeners)?;
        listeners.push(listener);
        Ok(())
    }

    fn deposit(&self, py: Python<'_>, coins: u64) -> PyResult<u64> {
        let before = self.balance.fetch_add(coins, Ordering::Relaxed);
        let balance = before + coins;
        let listeners = {
            let guard = lock(&self.listeners)?;
            guard.iter().map(|l| l.clone_ref(py)).collect::<Vec<_>>()
        };
        listeners.iter().try_for_each(|l| l.bind(py).call1((balance,)).map(drop))?;
        Ok(balance)
    }
}

/// The module Python imports as `reentrant_borrow`.
#[pymodule]
pub fn reentrant_borrow(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Kitty>()?;
    m.add_class::<SharedKitty>()?;
    m.add_function(wrap_pyfunction!(move_coins, m)?)?;
    Ok(())
}
