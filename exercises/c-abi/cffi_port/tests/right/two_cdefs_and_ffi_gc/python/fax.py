"""cffi bindings of the office's fax machine, in ABI mode."""

from cffi import FFI

ffi = FFI()
ffi.cdef("typedef struct { uint32_t pages; uint32_t bytes; double seconds; } FaxReport;")
ffi.cdef(
    """
    int32_t count_pages(const char *document);
    char *cover_page(const char *recipient, uint32_t pages);
    void free_string(char *s);
    FaxReport fax_report(const char *document);
    """
)

FIELDS = ("pages", "bytes", "seconds")


def load(path):
    return ffi.dlopen(path)


def cover_page(lib, recipient, pages):
    # ffi.gc hands the pointer to free_string as soon as the last reference goes away.
    pointer = ffi.gc(lib.cover_page(recipient.encode(), pages), lib.free_string)
    if not pointer:
        return None
    return ffi.string(pointer).decode()


def fax_report(lib, document):
    report = lib.fax_report(document.encode())
    return {field: getattr(report, field) for field in FIELDS}
