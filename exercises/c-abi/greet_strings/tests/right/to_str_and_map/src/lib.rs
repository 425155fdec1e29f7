//! Solution of `greet_strings`: strings across the C ABI, and who frees them.
//!
//! Python passes a C string in and gets a new C string back; Rust allocated it, so Rust
//! frees it, when Python calls `free_string`. Run `cargo xtask check greet_strings`.

use std::ffi::{CStr, CString, c_char};

// The workbook's allocator (exercises/check-support/tagged-allocator): memory from Rust that
// C's `free` refuses, and a count of live blocks for the leak check. Keep this line.
use tagged_allocator as _;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn greet(name: *const c_char) -> *mut c_char {
    if name.is_null() {
        return std::ptr::null_mut();
    }
    match unsafe { CStr::from_ptr(name) }.to_str() {
        Ok(name) => CString::new(format!("Hello, {name}! Welcome to Dunder Mifflin."))
            .map(CString::into_raw)
            .unwrap_or(std::ptr::null_mut()),
        Err(_) => std::ptr::null_mut(),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn free_string(s: *mut c_char) {
    if !s.is_null() {
        let _ = unsafe { CString::from_raw(s) };
    }
}

