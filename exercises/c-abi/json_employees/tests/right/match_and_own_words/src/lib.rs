//! Solution of `json_employees`: structured data across the C ABI, as JSON.
//!
//! Python turns a list of `Employee` dataclasses into JSON bytes; Rust reads them into
//! serde structs, summarizes the payroll, and answers in JSON. Every failure is an error
//! code with a message, never a crash. Run `cargo xtask check json_employees`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ffi::{CStr, CString, c_char};

/// One employee as Python's `Employee` dataclass writes it: `{"name": "Pam Beesly",
/// "department": "Reception", "salary": 41000}`; the salary is in dollars a year.
#[derive(Debug, Deserialize)]
pub struct Employee {
    /// Full name.
    pub name: String,
    /// The department's name, e.g. `Sales`.
    pub department: String,
    /// Yearly salary in dollars; JSON that is negative or above `u32::MAX` is rejected.
    pub salary: u32,
}

/// What [`summarize`] tells Python, as JSON: `{"headcount": 2, "total_salary": 90000,
/// "average_salary": 45000, "departments": {"Sales": 2}}`. Departments are sorted by name.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// How many employees.
    pub headcount: usize,
    /// The sum of the salaries, in dollars.
    pub total_salary: u64,
    /// `total_salary / headcount`, rounded down.
    pub average_salary: u64,
    /// How many employees each department has, by department name.
    pub departments: BTreeMap<String, usize>,
}

/// The payroll summary of `employees`.
///
/// # Panics
/// When `employees` is empty (a division by zero), or when an employee's department is
/// empty (`Kevin Malone works in no department`): bugs kept on purpose, which the C
/// function must not let escape.
pub fn summarize(employees: &[Employee]) -> Summary {
    let total_salary: u64 = employees.iter().map(|e| u64::from(e.salary)).sum();
    let mut departments = BTreeMap::new();
    for employee in employees {
        assert!(!employee.department.is_empty(), "{} works in no department", employee.name);
        *departments.entry(employee.department.clone()).or_insert(0) += 1;
    }
    Summary {
        headcount: employees.len(),
        total_salary,
        average_salary: total_salary / employees.len() as u64,
        departments,
    }
}

/// The call succeeded: `*out` holds the summary as JSON.
pub const OK: i32 = 0;
/// An argument was a null pointer: `*out` holds the error message (when `out` is not null).
pub const NULL_POINTER: i32 = 1;
/// The input was not UTF-8: `*out` holds the error message.
pub const INVALID_UTF8: i32 = 2;
/// The input was not a JSON list of employees: `*out` holds serde_json's message.
pub const INVALID_JSON: i32 = 3;
/// Rust panicked; the panic was caught at the boundary: `*out` holds its message.
pub const PANICKED: i32 = 4;

/// Frees a string that [`summarize_payroll`] wrote into `*out`. Null does nothing.
/// C signature: `void free_string(char *s);`
///
/// # Safety
/// `s` is null or a string this library returned, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free_string(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: `s` came from `CString::into_raw` and is freed once.
        drop(unsafe { CString::from_raw(s) });
    }
}

/// Hands `text` to C as a new string for [`free_string`]; a NUL byte inside (which JSON
/// and our messages never hold) is cut off there.
fn into_c_string(text: String) -> *mut c_char {
    let bytes: Vec<u8> = text.into_bytes().into_iter().take_while(|&b| b != 0).collect();
    CString::new(bytes).unwrap_or_default().into_raw()
}

// ANCHOR: solution
/// Summarizes the payroll of `employees_json`, a JSON list of employees (UTF-8, NUL-
/// terminated). Returns [`OK`] and writes the summary's JSON to `*out`, or returns an
/// error code ([`NULL_POINTER`], [`INVALID_UTF8`], [`INVALID_JSON`], [`PANICKED`]) and
/// writes the error message to `*out`. Either way the caller frees `*out` with
/// [`free_string`]. C signature:
/// `int32_t summarize_payroll(const char *employees_json, char **out);`
///
/// # Safety
/// `employees_json` is null or a NUL-terminated string; `out` is null or points to a
/// writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn summarize_payroll(employees_json: *const c_char, out: *mut *mut c_char) -> i32 {
    if out.is_null() {
        return NULL_POINTER;
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> (i32, String) {
        if employees_json.is_null() {
            return (NULL_POINTER, "no input: got NULL".into());
        }
        let raw = unsafe { CStr::from_ptr(employees_json) };
        let text = match raw.to_str() {
            Ok(text) => text,
            Err(_) => return (INVALID_UTF8, "the bytes are not valid UTF-8".into()),
        };
        match serde_json::from_str::<Vec<Employee>>(text) {
            Ok(staff) => match serde_json::to_string(&summarize(&staff)) {
                Ok(json) => (OK, json),
                Err(e) => (PANICKED, e.to_string()),
            },
            Err(e) => (INVALID_JSON, format!("bad payroll JSON ({e}), nothing summarized")),
        }
    }));
    let (code, text) = match outcome {
        Ok(pair) => pair,
        Err(payload) => {
            let message = if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else if let Some(s) = payload.downcast_ref::<&'static str>() {
                (*s).to_string()
            } else {
                String::from("unknown panic")
            };
            (PANICKED, format!("caught a panic <{message}> at the C boundary"))
        }
    };
    unsafe { out.write(into_c_string(text)) };
    code
}
// ANCHOR_END: solution
