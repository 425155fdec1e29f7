//! Exercise `cffi_port`: the office's fax machine, a Rust library that Python drives
//! through cffi in ABI mode. This file is done: the work is in `python/fax.py`.
//!
//! The C declarations of everything here, as cffi's `cdef` wants them:
//!
//! ```c
//! typedef struct { uint32_t pages; uint32_t bytes; double seconds; } FaxReport;
//! int32_t count_pages(const char *document);
//! char *cover_page(const char *recipient, uint32_t pages);
//! void free_string(char *s);
//! FaxReport fax_report(const char *document);
//! ```
//!
//! Two more functions are for the checks, which call them through a handle of their own
//! to see that the library really ran: `uint64_t calls_made(void);` (how many calls the
//! four functions above received) and `int64_t strings_live(void);` (cover pages made and
//! not yet given back to `free_string`).
//!
//! Run `cargo xtask check cffi_port` after each edit.

use std::ffi::{CStr, CString, c_char};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

/// Calls received by the four functions of the C declarations.
static CALLS: AtomicU64 = AtomicU64::new(0);
/// Strings [`cover_page`] made that [`free_string`] has not freed yet.
static LIVE_STRINGS: AtomicI64 = AtomicI64::new(0);

/// How many calls `count_pages`, `cover_page`, `free_string` and `fax_report` received.
/// C: `uint64_t calls_made(void);`
#[unsafe(no_mangle)]
pub extern "C" fn calls_made() -> u64 {
    CALLS.load(Ordering::SeqCst)
}

/// How many strings from [`cover_page`] are not freed yet. C: `int64_t strings_live(void);`
#[unsafe(no_mangle)]
pub extern "C" fn strings_live() -> i64 {
    LIVE_STRINGS.load(Ordering::SeqCst)
}

// ANCHOR: library
/// Pages are separated by form feeds (`\f`), as printers expect.
const PAGE_BREAK: char = '\u{c}';

/// The document behind `document`, or `None` when it is null or not UTF-8.
///
/// # Safety
/// `document` is null or a NUL-terminated string valid during the call.
unsafe fn read<'a>(document: *const c_char) -> Option<&'a str> {
    if document.is_null() {
        return None;
    }
    // SAFETY: not null and NUL-terminated by the caller's promise; the borrow
    // is used only during the exported call that made it.
    std::str::from_utf8(unsafe { CStr::from_ptr(document) }.to_bytes()).ok()
}

/// The number of pages of `document`, or -1 when it is null or not UTF-8.
/// C: `int32_t count_pages(const char *document);`
///
/// # Safety
/// `document` is null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn count_pages(document: *const c_char) -> i32 {
    CALLS.fetch_add(1, Ordering::SeqCst);
    match unsafe { read(document) } {
        Some(text) => i32::try_from(text.split(PAGE_BREAK).count()).unwrap_or(i32::MAX),
        None => -1,
    }
}

/// A new cover page for `recipient`, to free with [`free_string`]; null when
/// `recipient` is null or not UTF-8. C: `char *cover_page(const char *recipient, uint32_t pages);`
///
/// # Safety
/// `recipient` is null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cover_page(recipient: *const c_char, pages: u32) -> *mut c_char {
    CALLS.fetch_add(1, Ordering::SeqCst);
    let Some(recipient) = (unsafe { read(recipient) }) else { return std::ptr::null_mut() };
    let text = format!("DUNDER MIFFLIN, SCRANTON\nTo: {recipient}\nPages: {pages} (cover page included)");
    let Ok(text) = CString::new(text) else { return std::ptr::null_mut() };
    LIVE_STRINGS.fetch_add(1, Ordering::SeqCst);
    text.into_raw()
}

/// Frees a string from [`cover_page`]; null does nothing. C: `void free_string(char *s);`
///
/// # Safety
/// `s` is null or a string from [`cover_page`], not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free_string(s: *mut c_char) {
    CALLS.fetch_add(1, Ordering::SeqCst);
    if !s.is_null() {
        LIVE_STRINGS.fetch_sub(1, Ordering::SeqCst);
        // SAFETY: `s` came from `CString::into_raw` and is freed once.
        drop(unsafe { CString::from_raw(s) });
    }
}

/// What sending a document takes, returned by value as a C struct (`#[repr(C)]` lays its
/// fields out as C would). C: `typedef struct { uint32_t pages; uint32_t bytes; double seconds; } FaxReport;`
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaxReport {
    /// Pages sent, the cover page not counted.
    pub pages: u32,
    /// Bytes of text sent.
    pub bytes: u32,
    /// Seconds on the line, at 4 seconds a page plus 0.01 s per 100 bytes.
    pub seconds: f64,
}

/// The report of faxing `document`; all zero when it is null or not UTF-8.
/// C: `FaxReport fax_report(const char *document);`
///
/// # Safety
/// `document` is null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fax_report(document: *const c_char) -> FaxReport {
    CALLS.fetch_add(1, Ordering::SeqCst);
    let Some(text) = (unsafe { read(document) }) else {
        return FaxReport { pages: 0, bytes: 0, seconds: 0.0 };
    };
    let pages = u32::try_from(text.split(PAGE_BREAK).count()).unwrap_or(u32::MAX);
    let bytes = u32::try_from(text.len()).unwrap_or(u32::MAX);
    FaxReport { pages, bytes, seconds: 4.0 * f64::from(pages) + f64::from(bytes) / 10_000.0 }
}
// ANCHOR_END: library
