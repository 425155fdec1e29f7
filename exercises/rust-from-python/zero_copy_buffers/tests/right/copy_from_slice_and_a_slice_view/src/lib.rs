//! `zero_copy_buffers`: the office scanner's pages, shared between Rust and Python
//! without copying a byte, through the buffer protocol (PyO3 guide, "Python classes",
//! "Buffer protocol"; Python's `memoryview`) and NumPy arrays (the `numpy` crate).

use std::ffi::{c_int, c_void};
use std::sync::atomic::{AtomicU8, Ordering};

use numpy::PyArray2;
use numpy::ndarray::ArrayView2;
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{PyBufferError, PyIndexError};
use pyo3::ffi;
use pyo3::prelude::*;
/// Sets every byte of `buffer` to `value` in the memory of the Python object that owns it
/// (a `bytearray`, a `memoryview` of one, a NumPy `uint8` array); returns how many bytes
/// were written.
///
/// # Errors
/// `BufferError` when the buffer is read-only (`bytes`) or not C-contiguous (a strided
/// slice); PyO3 raises `BufferError` itself when the items are not single bytes.
#[pyfunction]
pub fn stamp(py: Python<'_>, buffer: PyBuffer<u8>, value: u8) -> PyResult<usize> {
    if !buffer.is_c_contiguous() {
        return Err(PyBufferError::new_err("stamp needs contiguous memory"));
    }
    let count = buffer.item_count();
    // `copy_from_slice` writes into the exporter's memory and refuses a read-only buffer.
    buffer.copy_from_slice(py, &vec![value; count])?;
    Ok(count)
}

/// A scanned page: `height` rows of `width` grey levels (0 black, 255 white), stored row
/// after row. Frozen, and stored as `AtomicU8`s (the layout of `u8`): Python writes into
/// these bytes through its views while Rust holds only `&self`.
#[pyclass(frozen, module = "zero_copy_buffers")]
pub struct Scan {
    height: usize,
    width: usize,
    /// Never resized: the views Python holds point into this allocation.
    pixels: Box<[AtomicU8]>,
}

impl Scan {
    /// The index of the pixel at `row`, `col` in `pixels`.
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
    /// A white page of `height` rows and `width` columns.
    #[new]
    fn new(height: usize, width: usize) -> Self {
        let pixels = (0..height * width).map(|_| AtomicU8::new(255)).collect();
        Scan { height, width, pixels }
    }

    /// `(height, width)`.
    #[getter]
    fn shape(&self) -> (usize, usize) {
        (self.height, self.width)
    }

    /// The grey level at `row`, `col`, read by Rust.
    fn pixel(&self, row: usize, col: usize) -> PyResult<u8> {
        Ok(self.pixels[self.index(row, col)?].load(Ordering::Relaxed))
    }

    /// Darkens every pixel by `amount` (stopping at 0), written by Rust.
    fn darken(&self, amount: u8) {
        for pixel in &self.pixels {
            pixel.store(pixel.load(Ordering::Relaxed).saturating_sub(amount), Ordering::Relaxed);
        }
    }
    /// Lends the pixels to Python as a writable, one-dimensional buffer of bytes: what
    /// `memoryview(scan)`, `bytearray(scan)` and `np.frombuffer(scan, np.uint8)` ask for.
    ///
    /// # Safety
    /// `view` is the `Py_buffer` Python passes in to be filled.
    unsafe fn __getbuffer__(slf: Bound<'_, Self>, view: *mut ffi::Py_buffer, flags: c_int) -> PyResult<()> {
        let pixels = &slf.get().pixels;
        let filled = unsafe {
            ffi::PyBuffer_FillInfo(view, slf.as_ptr(), pixels.as_ptr() as *mut c_void, pixels.len() as ffi::Py_ssize_t, 0, flags)
        };
        match filled {
            0 => Ok(()),
            _ => Err(PyErr::take(slf.py()).unwrap_or_else(|| PyBufferError::new_err("cannot lend the scan"))),
        }
    }
    /// A two-dimensional NumPy array, `height` x `width`, `uint8`, over the scan's own
    /// pixels: writes through it reach the scan, and it keeps the scan alive (its base).
    fn array<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyArray2<u8>>> {
        let scan = slf.get();
        // SAFETY: the pixels are `height * width` bytes that live as long as `slf`.
        let bytes = unsafe { std::slice::from_raw_parts(scan.pixels.as_ptr().cast::<u8>(), scan.pixels.len()) };
        let view = ArrayView2::from_shape((scan.height, scan.width), bytes)
            .map_err(|e| PyBufferError::new_err(e.to_string()))?;
        let owner = slf.into_any();
        // SAFETY: the scan is the array's base and keeps the pixels alive.
        Ok(unsafe { PyArray2::borrow_from_array(&view, owner) })
    }
}

/// The module Python imports as `zero_copy_buffers`.
#[pymodule]
pub fn zero_copy_buffers(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(stamp, m)?)?;
    m.add_class::<Scan>()?;
    Ok(())
}
