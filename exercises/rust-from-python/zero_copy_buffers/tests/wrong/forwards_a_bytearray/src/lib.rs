//! `zero_copy_buffers`: the office scanner's pages, shared between Rust and Python
//! without copying a byte, through the buffer protocol (PyO3 guide, "Python classes",
//! "Buffer protocol"; Python's `memoryview`) and NumPy arrays (the `numpy` crate).

use std::ffi::c_int;

use numpy::PyArray2;
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{PyBufferError, PyIndexError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyByteArray;

// ANCHOR: stamp
/// Sets every byte of `buffer` to `value` in the memory of the Python object that owns it
/// (a `bytearray`, a `memoryview` of one, a NumPy `uint8` array); returns how many bytes
/// were written.
///
/// # Errors
/// `BufferError` when the buffer is read-only (`bytes`) or not C-contiguous (a strided
/// slice); PyO3 raises `BufferError` itself when the items are not single bytes.
#[pyfunction]
pub fn stamp(buffer: PyBuffer<u8>, value: u8) -> PyResult<usize> {
    if buffer.readonly() {
        return Err(PyBufferError::new_err("the buffer is read-only"));
    }
    let bytes = buffer
        .as_slice_ptr()
        .ok_or_else(|| PyBufferError::new_err("the buffer is not C-contiguous"))?;
    // SAFETY: the buffer is writable and C-contiguous, so `bytes` is its whole memory;
    // `buffer` keeps the exporter alive, and no Python code runs while we write.
    unsafe { std::ptr::write_bytes(bytes.as_ptr().cast::<u8>(), value, bytes.len()) };
    Ok(bytes.len())
}
// ANCHOR_END: stamp

/// A scanned page kept in a Python `bytearray`: `height` rows of `width` grey levels.
#[pyclass(frozen, module = "zero_copy_buffers")]
pub struct Scan {
    height: usize,
    width: usize,
    pixels: Py<PyByteArray>,
}

impl Scan {
    fn index(&self, row: usize, col: usize) -> PyResult<usize> {
        if row < self.height && col < self.width {
            Ok(row * self.width + col)
        } else {
            Err(PyIndexError::new_err(format!("pixel ({row}, {col}) is outside a {}x{} scan", self.height, self.width)))
        }
    }
}

#[pymethods]
impl Scan {
    #[new]
    fn new(py: Python<'_>, height: usize, width: usize) -> Self {
        let pixels = PyByteArray::new(py, &vec![255u8; height * width]).unbind();
        Scan { height, width, pixels }
    }

    #[getter]
    fn shape(&self) -> (usize, usize) {
        (self.height, self.width)
    }

    fn pixel(&self, py: Python<'_>, row: usize, col: usize) -> PyResult<u8> {
        let index = self.index(row, col)?;
        Ok(self.pixels.bind(py).to_vec()[index])
    }

    fn darken(&self, py: Python<'_>, amount: u8) {
        // SAFETY: no Python code runs while the bytes are changed.
        for pixel in unsafe { self.pixels.bind(py).as_bytes_mut() } {
            *pixel = pixel.saturating_sub(amount);
        }
    }

    /// Forwards the request to the bytearray, which fills the view with its own memory.
    unsafe fn __getbuffer__(slf: Bound<'_, Self>, view: *mut ffi::Py_buffer, flags: c_int) -> PyResult<()> {
        let bytes = slf.get().pixels.bind(slf.py()).clone();
        if unsafe { ffi::PyObject_GetBuffer(bytes.as_ptr(), view, flags) } == -1 {
            return Err(PyErr::fetch(slf.py()));
        }
        Ok(())
    }

    fn array<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyArray2<u8>>> {
        let py = slf.py();
        let scan = slf.get();
        let flat = py.import("numpy")?.call_method1("frombuffer", (scan.pixels.bind(py), "uint8"))?;
        Ok(flat.call_method1("reshape", ((scan.height, scan.width),))?.cast_into::<PyArray2<u8>>()?)
    }
}

/// The module Python imports as `zero_copy_buffers`.
#[pymodule]
pub fn zero_copy_buffers(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(stamp, m)?)?;
    m.add_class::<Scan>()?;
    Ok(())
}
