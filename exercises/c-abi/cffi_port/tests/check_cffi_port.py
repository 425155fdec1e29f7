"""Stage checks of `cffi_port`, run by tests/check.rs.

Usage: python check_cffi_port.py LIBRARY BINDINGS_DIR SCENARIO [SEED]
With SEED (grading's held-out inputs), the scenario runs on documents and recipients
generated from it.

Besides what the student's bindings return, each scenario reports what the library saw:
the check opens the same cdylib through a ctypes handle of its own and reads two counters
the library keeps, `calls_made()` and `strings_live()`. An answer computed in Python,
without calling the library, or a string freed by the wrong side, shows there.
"""

import ctypes
import random
import sys

library, bindings_dir, scenario = sys.argv[1:4]
rng = random.Random(int(sys.argv[4])) if len(sys.argv) > 4 else None
sys.path.insert(0, bindings_dir)
import fax  # noqa: E402  (the student's module, found through sys.path)

lib = fax.load(library)
# The check's own handle on the same library: the dynamic loader gives back the library
# cffi opened, so its counters are the ones the student's calls moved.
own = ctypes.CDLL(library)
own.calls_made.restype = ctypes.c_uint64
own.strings_live.restype = ctypes.c_int64

MEMO = "Memo: the Scranton branch\fPage two: paper sales\fPage three: Dwight's safety training"
WORDS = ["paper", "Scranton", "Stamford", "beets", "Dundie", "Nashua", "fax", "Zoë", "Søren", "memo"]


def document():
    """A held-out document: one to five pages of random words."""
    pages = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 5))]
    return "\f".join(pages)


def library_saw(before, expected):
    """One line: how many calls reached the library since `before`, against `expected`."""
    made = own.calls_made() - before
    verdict = "as many as the bindings were asked for" if made == expected else f"expected {expected}"
    return f"library calls: {made} ({verdict})"


if scenario == "count_pages":
    documents = ["One page", MEMO, ""] if rng is None else [document() for _ in range(4)]
    before = own.calls_made()
    for text in documents:
        print(f"count_pages({text[:20]!r}) = {lib.count_pages(text.encode('utf-8'))}")
    print(f"count_pages(NULL) = {lib.count_pages(fax.ffi.NULL)}")
    not_utf8 = b"\xff" if rng is None else bytes([rng.randint(0x80, 0xFF)]) + b"page"
    print(f"count_pages({not_utf8!r}) = {lib.count_pages(not_utf8)}")
    print(library_saw(before, len(documents) + 2))
elif scenario == "cover_page":
    if rng is None:
        recipients = [("Jan Levinson, Corporate", 3), ("Holly Flax, Nashua", 1)]
    else:
        recipients = [(f"{rng.choice(WORDS)} {rng.choice(WORDS)}, {rng.choice(WORDS)}", rng.randint(1, 60)) for _ in range(3)]
    # The C types the cdef gave cover_page and free_string: a page count is a uint32_t.
    for name in ("cover_page", "free_string"):
        try:
            print(f"{name} as the cdef declares it: {fax.ffi.typeof(getattr(lib, name)).cname}")
        except (AttributeError, TypeError) as error:
            print(f"{name} is not declared in the cdef: {type(error).__name__}")
    before = own.calls_made()
    for recipient, pages in recipients:
        print(fax.cover_page(lib, recipient, pages))
    # Many calls: each string must be freed exactly once (a double free would crash).
    many = 10_000 if rng is None else rng.randint(5_000, 10_000)
    characters = sum(len(fax.cover_page(lib, "Toby", n)) for n in range(many))
    print(f"{many} cover pages, {characters} characters in all")
    # One library call makes each string and one frees it.
    print(library_saw(before, 2 * (len(recipients) + many)))
    print(f"strings Rust made and nobody gave back to free_string: {own.strings_live()}")
elif scenario == "fax_report":
    ffi = fax.ffi
    types = dict((name, field.type.cname) for name, field in ffi.typeof("FaxReport").fields)
    fields = ", ".join(f"{types.get(name)} {name} at {ffi.offsetof('FaxReport', name)}" for name in ("pages", "bytes", "seconds"))
    print(f"FaxReport as the cdef lays it out: {ffi.sizeof('FaxReport')} bytes; {fields}")
    documents = ["One page", MEMO] if rng is None else [document() for _ in range(3)]
    before = own.calls_made()
    for text in documents:
        print(f"fax_report({text[:20]!r}) = {fax.fax_report(lib, text)}")
    for text in documents[-1:] + [None]:
        report = lib.fax_report(ffi.NULL if text is None else text.encode("utf-8"))
        shown = "NULL" if text is None else repr(text[:20])
        print(f"lib.fax_report({shown}): pages={report.pages}, bytes={report.bytes}, seconds={report.seconds}")
    print(library_saw(before, len(documents) + 2))
else:
    sys.exit(f"unknown scenario {scenario!r}")
