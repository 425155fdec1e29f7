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
    let Some(bytes) = (!name.is_null()).then(|| unsafe { CStr::from_ptr(name) }.to_bytes()) else {
        return std::ptr::null_mut();
    };
    if std::str::from_utf8(bytes).is_err() {
        return std::ptr::null_mut();
    }
    let mut text = Vec::with_capacity(bytes.len() + 40);
    text.extend_from_slice(b"Hello, ");
    text.extend_from_slice(bytes);
    text.extend_from_slice(b"! Welcome to Dunder Mifflin.");
    // The name came from a C string, so it holds no NUL byte.
    CString::new(text).map_or(std::ptr::null_mut(), |greeting| greeting.into_raw())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn free_string(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    std::mem::drop(unsafe { CString::from_raw(s) });
}

