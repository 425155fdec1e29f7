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

// ANCHOR: stamp
/// Sets every byte of `buffer` to `value` in the memory of the Python object that owns it
/// (a `bytearray`, a `memoryview` of one, a NumPy `uint8` array); returns how many bytes
/// were written.
///
/// # Errors
/// `BufferError` when the buffer is read-only (`bytes`) or not C-contiguous (a strided
/// slice); PyO3 raises `BufferError` itself when the items are not single bytes.
#[pyfunction]
pub fn stamp(py: Python<'_>, buffer: PyBuffer<u8>, value: u8) -> PyResult<usize> {
    if buffer.readonly() {
        return Err(PyBufferError::new_err("the buffer is read-only"));
    }
    if !buffer.is_c_contiguous() {
        return Err(PyBufferError::new_err("the buffer is not C-contiguous"));
    }
    let mut bytes = buffer.to_vec(py)?;
    bytes.fill(value);
    Ok(bytes.len())
}
// ANCHOR_END: stamp

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

    // ANCHOR: getbuffer
    /// Lends the pixels to Python as a writable, one-dimensional buffer of bytes: what
    /// `memoryview(scan)`, `bytearray(scan)` and `np.frombuffer(scan, np.uint8)` ask for.
    ///
    /// # Safety
    /// `view` is the `Py_buffer` Python passes in to be filled.
    unsafe fn __getbuffer__(slf: Bound<'_, Self>, view: *mut ffi::Py_buffer, flags: c_int) -> PyResult<()> {
        let scan = slf.get();
        let data = scan.pixels.as_ptr().cast::<c_void>().cast_mut();
        let len = scan.pixels.len() as ffi::Py_ssize_t;
        // `PyBuffer_FillInfo` fills a plain byte buffer (format "B", one dimension) and
        // keeps a reference to `slf` in `view.obj`, so the scan lives as long as the view.
        // readonly = 0: writes through the view reach these very bytes.
        // SAFETY: `data` points to `len` bytes that are never moved or freed while `slf`
        // lives, and `view` is valid for writing (the caller's contract).
        if unsafe { ffi::PyBuffer_FillInfo(view, slf.as_ptr(), data, len, 0, flags) } == -1 {
            return Err(PyErr::fetch(slf.py()));
        }
        Ok(())
    }
    // ANCHOR_END: getbuffer

    // ANCHOR: array
    /// A two-dimensional NumPy array, `height` x `width`, `uint8`, over the scan's own
    /// pixels: writes through it reach the scan, and it keeps the scan alive (its base).
    fn array<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyArray2<u8>>> {
        let scan = slf.get();
        let pixels = scan.pixels.as_ptr().cast::<u8>();
        // SAFETY: `pixels` points to `height * width` bytes, row after row, that live as
        // long as `slf` and are never reallocated.
        let view = unsafe { ArrayView2::from_shape_ptr((scan.height, scan.width), pixels) };
        // SAFETY: `slf` becomes the array's base object, so the memory outlives the array.
        Ok(unsafe { PyArray2::borrow_from_array(&view, slf.clone().into_any()) })
    }
    // ANCHOR_END: array
}

/// The module Python imports as `zero_copy_buffers`.
#[pymodule]
pub fn zero_copy_buffers(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(stamp, m)?)?;
    m.add_class::<Scan>()?;
    Ok(())
}
