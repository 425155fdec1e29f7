//! Solution of `greet_strings`: strings across the C ABI, and who frees them.
//!
//! Python passes a C string in and gets a new C string back; Rust allocated it, so Rust
//! frees it, when Python calls `free_string`. Run `cargo xtask check greet_strings`.

use std::ffi::{CStr, CString, c_char};

// The workbook's allocator (exercises/check-support/tagged-allocator): memory from Rust that
// C's `free` refuses, and a count of live blocks for the leak check. Keep this line.
use tagged_allocator as _;

// ANCHOR: solution
/// Returns a new C string `Hello, <name>! Welcome to Dunder Mifflin.`, which the caller
/// must give back to [`free_string`]. Returns null when `name` is null or not UTF-8.
/// C signature: `char *greet(const char *name);`
///
/// # Safety
/// `name` is null or points to a NUL-terminated string that stays valid during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn greet(name: *const c_char) -> *mut c_char {
    if name.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: not null, and NUL-terminated by the caller's promise.
    let bytes = unsafe { CStr::from_ptr(name) }.to_bytes();
    let Ok(name) = std::str::from_utf8(bytes) else {
        return std::ptr::null_mut();
    };
    let greeting = format!("Hello, {name}! Welcome to Dunder Mifflin.");
    // The greeting holds no NUL byte: `name` came from a C string, which cannot.
    match CString::new(greeting) {
        Ok(greeting) => greeting.into_raw(),
        Err(_) => std::ptr::null_mut(),
    }
}

/// Frees a string that [`greet`] returned. Null is allowed and does nothing, like C's
/// `free(NULL)`. C signature: `void free_string(char *s);`
///
/// # Safety
/// `s` is null or a pointer [`greet`] returned, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free_string(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: `s` came from `CString::into_raw` and is freed only once; the `CString`
    // takes ownership back and frees the memory when it is dropped, here.
    drop(unsafe { CString::from_raw(s) });
}
// ANCHOR_END: solution
