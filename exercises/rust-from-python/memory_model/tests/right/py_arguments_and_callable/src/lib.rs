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
        Noticeboard { pinned: vec![], listeners: vec![] }
    }

    fn pin(&mut self, employee: Py<Employee>) {
        self.pinned.push(employee);
    }

    fn give_everyone_a_star(&self, py: Python<'_>) {
        for employee in self.pinned.iter() {
            let mut held: PyRefMut<'_, Employee> = employee.bind(py).borrow_mut();
            held.stars = held.stars + 1;
        }
    }

    fn first(&self, py: Python<'_>) -> Option<Py<Employee>> {
        let first = self.pinned.iter().next()?;
        Some(first.clone_ref(py))
    }

    fn unpin(&mut self, py: Python<'_>, employee: Py<Employee>) -> bool {
        let Some(index) = self.pinned.iter().position(|pinned| pinned.bind(py).is(employee.bind(py))) else {
            return false;
        };
        self.pinned.remove(index);
        true
    }

    fn __len__(&self) -> usize {
        self.pinned.len()
    }

    /// Takes the callback as a `Py<PyAny>` and asks Python's `callable`.
    fn subscribe(&mut self, py: Python<'_>, callback: Py<PyAny>) -> PyResult<()> {
        let callable: bool = py.import("builtins")?.getattr("callable")?.call1((&callback,))?.extract()?;
        if !callable {
            return Err(PyErr::new::<pyo3::exceptions::PyTypeError, _>(format!("cannot subscribe {}", callback.bind(py).str()?)));
        }
        self.listeners.push(callback);
        Ok(())
    }

    fn announce(&self, py: Python<'_>, text: String) -> PyResult<usize> {
        self.listeners.iter().try_for_each(|listener| listener.call(py, (text.as_str(),), None).map(drop))?;
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
