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

// ANCHOR: solution
/// The office noticeboard, holding owned `Py` references.
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

    /// Takes a `Bound` and keeps it as a `Py` with `unbind`.
    fn pin(&mut self, employee: Bound<'_, Employee>) {
        self.pinned.push(employee.unbind());
    }

    fn give_everyone_a_star(&self, py: Python<'_>) {
        self.pinned.iter().for_each(|employee| {
            let mut employee = employee.bind(py).borrow_mut();
            employee.stars += 1;
        });
    }

    fn first(&self, py: Python<'_>) -> Option<Py<Employee>> {
        self.pinned.get(0).map(|employee| employee.clone_ref(py))
    }

    /// Compares the objects' addresses, which is what `is` does.
    fn unpin(&mut self, employee: &Bound<'_, Employee>) -> bool {
        for i in 0..self.pinned.len() {
            if self.pinned[i].as_ptr() == employee.as_ptr() {
                drop(self.pinned.remove(i));
                return true;
            }
        }
        false
    }

    fn __len__(&self) -> usize {
        self.pinned.len()
    }

    fn subscribe(&mut self, callback: Bound<'_, PyAny>) -> PyResult<()> {
        match callback.is_callable() {
            true => {
                self.listeners.push(callback.unbind());
                Ok(())
            }
            false => Err(pyo3::exceptions::PyTypeError::new_err("the noticeboard only takes callables")),
        }
    }

    fn announce(&self, py: Python<'_>, text: &str) -> PyResult<usize> {
        for listener in &self.listeners {
            listener.bind(py).call1((text,))?;
        }
        Ok(self.listeners.len())
    }
}
// ANCHOR_END: solution

/// The module Python imports as `memory_model`.
#[pymodule]
pub fn memory_model(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Employee>()?;
    m.add_class::<Noticeboard>()?;
    Ok(())
}
