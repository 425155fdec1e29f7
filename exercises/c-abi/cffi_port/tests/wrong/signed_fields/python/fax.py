"""cffi bindings of the office's fax machine (exercise `cffi_port`), in ABI mode: cffi
reads C declarations (the `cdef`) and calls the built library through them, with no C
compiler involved.
"""

from cffi import FFI

# ANCHOR: solution
ffi = FFI()
ffi.cdef(
    """
    typedef struct { int32_t pages; int32_t bytes; double seconds; } FaxReport;
    int32_t count_pages(const char *document);
    char *cover_page(const char *recipient, uint32_t pages);
    void free_string(char *s);
    FaxReport fax_report(const char *document);
    """
)


def load(path):
    """Opens the cdylib at `path`; its functions are attributes of the result."""
    return ffi.dlopen(path)


def cover_page(lib, recipient, pages):
    """The cover page for `recipient` as a Python str (None if Rust said no), with the
    Rust string freed by Rust."""
    pointer = lib.cover_page(recipient.encode("utf-8"), pages)
    if pointer == ffi.NULL:
        return None
    try:
        return ffi.string(pointer).decode("utf-8")
    finally:
        lib.free_string(pointer)


def fax_report(lib, document):
    """The fax report of `document` as a dict."""
    report = lib.fax_report(document.encode("utf-8"))
    return {"pages": report.pages, "bytes": report.bytes, "seconds": report.seconds}
# ANCHOR_END: solution
