//! Observers for checks that must see Python really being called: a `str` that notes
//! which of its methods ran, and a function of a module (a builtin such as `sum`,
//! `json.dumps`, `numpy.polyfit`) swapped for a wrapper that notes each call.
//!
//! A check puts the notes into its reported value, so the snapshot shows that the
//! student's code went through Python, not only that the result is right: computing the
//! answer in Rust gives the right result and no notes.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyModule, PyString};

/// The Python side of the observers, compiled once per process.
const NOTING_PY: &std::ffi::CStr = cr#"
import threading

WRAPPED = ("strip", "lstrip", "rstrip", "upper", "lower", "title", "capitalize", "casefold",
           "swapcase", "center", "ljust", "rjust", "replace", "split", "join", "format")


def describe(value):
    text = repr(value)
    return text if len(text) <= 80 else f"<{type(value).__name__}>"


def noted_call(name, args, kwargs):
    parts = [describe(arg) for arg in args]
    parts += [f"{key}={describe(kwargs[key])}" for key in sorted(kwargs)]
    return f"{name}({', '.join(parts)})"


class NotingStr(str):
    """A str whose common methods note their calls in `self.notes` (a list shared with
    the strings they return, which are NotingStr values too)."""

    def __new__(cls, text, notes):
        self = super().__new__(cls, text)
        self.notes = notes
        return self


def _noting_method(name):
    method = getattr(str, name)

    def wrapper(self, *args, **kwargs):
        self.notes.append(f"str.{name}")
        result = method(self, *args, **kwargs)
        return NotingStr(result, self.notes) if isinstance(result, str) else result

    wrapper.__name__ = name
    return wrapper


for _name in WRAPPED:
    setattr(NotingStr, _name, _noting_method(_name))


class Noted:
    """Swaps `owner.name` for a wrapper that notes the calls made from this thread, and
    puts the original back on exit."""

    def __init__(self, owner, name):
        self.owner, self.name, self.notes = owner, name, []
        self.original = getattr(owner, name)
        self.thread = threading.get_ident()

    def __enter__(self):
        original, notes, thread, name = self.original, self.notes, self.thread, self.name

        def wrapper(*args, **kwargs):
            if threading.get_ident() == thread:
                notes.append(noted_call(name, args, kwargs))
            return original(*args, **kwargs)

        wrapper.__name__ = getattr(original, "__name__", name)
        wrapper.__doc__ = getattr(original, "__doc__", None)
        setattr(self.owner, self.name, wrapper)
        return self.notes

    def __exit__(self, *exc):
        setattr(self.owner, self.name, self.original)
        return False
"#;

/// The observers' module, loaded once per process.
static NOTING: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn noting(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    NOTING
        .get_or_try_init(py, || {
            PyModule::from_code(py, NOTING_PY, c"<check observers>", c"check_observers").map(Bound::unbind)
        })
        .map(|module| module.bind(py))
}

/// A Python `str` holding `text` whose common methods (`strip`, `upper`, `center`, ...)
/// append `str.<name>` to `notes` each time they run; the strings they return note their
/// calls in the same list.
///
/// # Errors
/// When the observers' module cannot be loaded.
pub fn noting_str<'py>(py: Python<'py>, text: &str, notes: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyString>> {
    Ok(noting(py)?.getattr("NotingStr")?.call1((text, notes))?.cast_into::<PyString>()?)
}

/// Puts the original attribute back when dropped, even when the body panics (a
/// starter's `todo!()`), so that later checks in the process see Python unchanged.
struct Restore<'py> {
    noted: Bound<'py, PyAny>,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        let none = self.noted.py().None();
        let _ = self.noted.call_method1("__exit__", (&none, &none, &none));
    }
}

/// Runs `body` with `owner.name` (for instance the `builtins` module's `sum`) swapped for
/// a wrapper that notes every call made from this thread as `name(arg, ..., key=value)`
/// (each value's `repr`, or `<type>` when longer than 80 characters), then puts the
/// original back, even when `body` panics. Returns `body`'s result and the notes.
///
/// # Errors
/// When `owner` has no attribute `name` or it cannot be set.
pub fn with_noted_calls<'py, T>(
    owner: &Bound<'py, PyAny>,
    name: &str,
    body: impl FnOnce() -> T,
) -> PyResult<(T, Vec<String>)> {
    let noted = noting(owner.py())?.getattr("Noted")?.call1((owner, name))?;
    let notes = noted.call_method0("__enter__")?;
    let restore = Restore { noted };
    let result = body();
    drop(restore);
    Ok((result, notes.extract()?))
}
