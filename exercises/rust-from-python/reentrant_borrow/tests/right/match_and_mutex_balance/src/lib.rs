//! `reentrant_borrow`: the office coffee kitty, whose Python listeners may call back into
//! the kitty while one of its methods is still running.

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

fn borrow_kitty<'py>(kitty: &Bound<'py, Kitty>, role: &str) -> PyResult<PyRefMut<'py, Kitty>> {
    match kitty.try_borrow_mut() {
        Ok(borrowed) => Ok(borrowed),
        Err(_) => Err(PyRuntimeError::new_err(format!("the {role} kitty is busy"))),
    }
}

/// Moves `coins` coins from `source` to `target`; returns what the source has left.
#[pyfunction]
pub fn move_coins(source: &Bound<'_, Kitty>, target: &Bound<'_, Kitty>, coins: u64) -> PyResult<u64> {
    let mut from = borrow_kitty(source, "source")?;
    let mut to = borrow_kitty(target, "target")?;
    if coins > from.balance {
        return Err(PyValueError::new_err("insufficient funds"));
    }
    from.balance -= coins;
    to.balance += coins;
    Ok(from.balance)
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

    fn deposit(slf: &Bound<'_, Self>, coins: u64) -> PyResult<u64> {
        let py = slf.py();
        let balance;
        let mut listeners = Vec::new();
        {
            let mut kitty = borrow_kitty(slf, "depositing")?;
            kitty.balance += coins;
            balance = kitty.balance;
            for listener in &kitty.listeners {
                listeners.push(listener.clone_ref(py));
            }
        }
        for listener in &listeners {
            listener.call1(py, (balance,))?;
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
    balance: Mutex<u64>,
    listeners: Mutex<Vec<Py<PyAny>>>,
}

#[pymethods]
impl SharedKitty {
    #[new]
    fn new(balance: u64) -> Self {
        SharedKitty { balance: Mutex::new(balance), listeners: Mutex::new(Vec::new()) }
    }

    #[getter]
    fn balance(&self) -> PyResult<u64> {
        Ok(*lock(&self.balance)?)
    }

    fn subscribe(&self, listener: Py<PyAny>) -> PyResult<()> {
        lock(&self.listeners).map(|mut listeners| listeners.push(listener))
    }

    fn deposit(&self, py: Python<'_>, coins: u64) -> PyResult<u64> {
        let balance = {
            let mut jar = lock(&self.balance)?;
            *jar += coins;
            *jar
        };
        let listeners = Vec::from_iter(lock(&self.listeners)?.iter().map(|l| l.clone_ref(py)));
        for listener in listeners {
            listener.call1(py, (balance,))?;
        }
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
