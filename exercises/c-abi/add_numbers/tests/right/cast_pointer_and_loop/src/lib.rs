//! Solution of `add_numbers`: the office's first Rust library for Python, through the C ABI.
//!
//! Python loads the built `cdylib` with ctypes (see `python/bindings.py`).
//! Run `cargo xtask check add_numbers` after each edit.

// ANCHOR: solution
/// Returns `a + b`, wrapping around on overflow as C's 32-bit integers do in practice.
/// C signature: `int32_t add_numbers(int32_t a, int32_t b);`
#[unsafe(no_mangle)]
pub extern "C" fn add_numbers(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

/// Returns the average sale in dollars: `total / count`, or `0.0` when `count` is 0.
/// C signature: `double average_sale(double total, uint32_t count);`
#[unsafe(no_mangle)]
pub extern "C" fn average_sale(total: f64, count: u32) -> f64 {
    if count == 0 { 0.0 } else { total / f64::from(count) }
}

/// Returns the sum of the `len` sales (in dollars) that `sales` points to: a C array,
/// which Python builds with `(ctypes.c_double * len)(*values)`. An empty array may come
/// as a null pointer; it sums to 0.0.
/// C signature: `double total_sales(const double *sales, size_t len);`
///
/// # Safety
/// `sales` is null, or points to `len` doubles that stay valid during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn total_sales(sales: *const f64, len: usize) -> f64 {
    let mut total = 0.0;
    if len == 0 || sales.is_null() {
        return total;
    }
    for i in 0..len {
        // SAFETY: `i < len`, within the caller's array.
        total += unsafe { *sales.add(i) };
    }
    total
}
// ANCHOR_END: solution
