"""cffi bindings of the office's fax machine, in ABI mode."""

from cffi import FFI

ffi = FFI()
ffi.cdef(
    """
    struct fax_report_s {
        uint32_t pages;
        uint32_t bytes;
        double seconds;
    };
    typedef struct fax_report_s FaxReport;

    int32_t count_pages(const char *);
    char *cover_page(const char *, uint32_t);
    void free_string(char *);
    FaxReport fax_report(const char *);
    """
)


def load(path):
    library = ffi.dlopen(path)
    return library


def cover_page(lib, recipient, pages):
    raw = lib.cover_page(bytes(recipient, "utf-8"), pages)
    if raw == ffi.NULL:
        return None
    text = ffi.string(raw)
    lib.free_string(raw)
    return str(text, "utf-8")


def fax_report(lib, document):
    report = lib.fax_report(bytes(document, "utf-8"))
    return dict(pages=report.pages, bytes=report.bytes, seconds=report.seconds)
