"""cffi bindings of the office's fax machine (exercise `cffi_port`), in ABI mode: cffi
reads C declarations (the `cdef`) and calls the built library through them, with no C
compiler involved.
"""

from cffi import FFI

# ANCHOR: exercise
ffi = FFI()
ffi.cdef(
    """
    // TODO: declare the library's functions (and its struct) in C, as listed at the top
    // of src/lib.rs. cffi only sees what this cdef declares.
    """
)


def load(path):
    """Opens the cdylib at `path`; its functions are attributes of the result."""
    return ffi.dlopen(path)


def cover_page(lib, recipient, pages):
    """The cover page for `recipient` as a Python str (None if Rust said no), with the
    Rust string freed by Rust."""
    # TODO: call lib.cover_page with bytes, compare the result with ffi.NULL, read it
    # with ffi.string(...).decode("utf-8"), and give it back to lib.free_string.
    raise NotImplementedError("cover_page")


def fax_report(lib, document):
    """The fax report of `document` as a dict."""
    # TODO: lib.fax_report returns a FaxReport struct: read its fields into a dict
    # {"pages": ..., "bytes": ..., "seconds": ...}.
    raise NotImplementedError("fax_report")
# ANCHOR_END: exercise
