//! Exercise `greet_strings`: strings across the C ABI, and who frees them.
//!
//! Python passes a C string in and gets a new C string back; Rust allocated it, so Rust
//! frees it, when Python calls `free_string`. Run `cargo xtask check greet_strings`.

// `CStr` and `CString` live next to `c_char` in `std::ffi`.
use std::ffi::c_char;

// The workbook's allocator (exercises/check-support/tagged-allocator): memory from Rust that
// C's `free` refuses, and a count of live blocks for the leak check. Keep this line.
use tagged_allocator as _;

// ANCHOR: exercise
/// Returns a new C string `Hello, <name>! Welcome to Dunder Mifflin.`, which the caller
/// must give back to [`free_string`]. Returns null when `name` is null or not UTF-8.
/// C signature: `char *greet(const char *name);`
///
/// # Safety
/// `name` is null or points to a NUL-terminated string that stays valid during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn greet(name: *const c_char) -> *mut c_char {
    // TODO: read `name` with `CStr::from_ptr` (after checking for null), turn its bytes
    // into a `&str` with `std::str::from_utf8`, format the greeting, and hand it to the
    // caller with `CString::new(...)` and `into_raw()`. Bad input returns null, never a panic.
    let _ = name;
    todo!("greet the new employee")
}

/// Frees a string that [`greet`] returned. Null is allowed and does nothing, like C's
/// `free(NULL)`. C signature: `void free_string(char *s);`
///
/// # Safety
/// `s` is null or a pointer [`greet`] returned, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free_string(s: *mut c_char) {
    // TODO: Rust allocated this string, so Rust must free it: take it back with
    // `CString::from_raw` and let it drop. As it is, every greeting leaks.
    let _ = s;
}
// ANCHOR_END: exercise
