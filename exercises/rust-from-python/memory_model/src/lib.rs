//! `memory_model`: a Rust class that keeps Python objects alive after the call returns.

use pyo3::prelude::*;

/// An employee; `stars` counts the gold stars on the noticeboard.
#[pyclass(module = "memory_model")]
pub struct Employee {
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    stars: u32,
}

#[pymethods]
impl Employee {
    #[new]
    fn new(name: String) -> Self {
        Employee { name, stars: 0 }
    }
}

// ANCHOR: exercise
/// The office noticeboard. A `#[pyclass]` cannot hold a `Bound<'py, T>` (it has no
/// lifetime), so it holds `Py<T>`: an owned reference that keeps the object alive.
#[pyclass(module = "memory_model")]
pub struct Noticeboard {
    pinned: Vec<Py<Employee>>,
    listeners: Vec<Py<PyAny>>,
}

#[pymethods]
impl Noticeboard {
    #[new]
    fn new() -> Self {
        Noticeboard { pinned: Vec::new(), listeners: Vec::new() }
    }

    /// Pins the employee itself, not a copy: one more reference to the same object.
    fn pin(&mut self, employee: Py<Employee>) {
        // TODO
        todo!()
    }

    /// Adds a star to every pinned employee, visible from Python through their objects.
    fn give_everyone_a_star(&self, py: Python<'_>) {
        // TODO: `employee.borrow_mut(py)` gives mutable access to a `Py<Employee>`.
        todo!()
    }

    /// The first pinned employee, the same object that was pinned (`is` holds).
    fn first(&self, py: Python<'_>) -> Option<Py<Employee>> {
        // TODO: `clone_ref(py)` makes one more reference to the same object.
        todo!()
    }

    /// Unpins `employee`, that very object (`is`), not another with the same name: the
    /// first place it is pinned at. Returns whether it was pinned; the reference the board
    /// held is given back.
    fn unpin(&mut self, employee: &Bound<'_, Employee>) -> bool {
        // TODO: find the position of the first pinned `Py` that `is` the employee, and
        // `remove` it (dropping a `Py` gives its reference back).
        todo!("unpin {employee:?}")
    }

    fn __len__(&self) -> usize {
        self.pinned.len()
    }

    /// Keeps `callback` to call on every announcement; refuses what cannot be called
    /// with a `pyo3::exceptions::PyTypeError` (the message is yours:
    /// "'not callable' is not callable", say).
    fn subscribe(&mut self, callback: Bound<'_, PyAny>) -> PyResult<()> {
        // TODO: `is_callable()`, then `unbind()` turns the `Bound` into a `Py`.
        todo!("keep {callback}")
    }

    /// Calls every subscriber with `text`, in order, and returns how many there were.
    fn announce(&self, py: Python<'_>, text: &str) -> PyResult<usize> {
        // TODO: `Py<PyAny>` has `call1(py, args)`.
        todo!()
    }
}
// ANCHOR_END: exercise

/// The module Python imports as `memory_model`.
#[pymodule]
pub fn memory_model(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Employee>()?;
    m.add_class::<Noticeboard>()?;
    Ok(())
}
