"""Stage checks of `cffi_port`, run by tests/check.rs.

Usage: python check_cffi_port.py LIBRARY BINDINGS_DIR SCENARIO
"""

import sys

library, bindings_dir, scenario = sys.argv[1:4]
sys.path.insert(0, bindings_dir)
import fax  # noqa: E402  (the student's module, found through sys.path)

lib = fax.load(library)
MEMO = "Memo: the Scranton branch\fPage two: paper sales\fPage three: Dwight's safety training"

if scenario == "count_pages":
    for document in ["One page", MEMO, ""]:
        print(f"count_pages({document[:20]!r}) = {lib.count_pages(document.encode('utf-8'))}")
    print(f"count_pages(NULL) = {lib.count_pages(fax.ffi.NULL)}")
    not_utf8 = b"\xff"
    print(f"count_pages({not_utf8!r}) = {lib.count_pages(not_utf8)}")
elif scenario == "cover_page":
    print(fax.cover_page(lib, "Jan Levinson, Corporate", 3))
    print(fax.cover_page(lib, "Holly Flax, Nashua", 1))
    # Many calls: each string must be freed exactly once (a double free would crash).
    pages = sum(len(fax.cover_page(lib, "Toby", n)) for n in range(10_000))
    print(f"10000 cover pages, {pages} characters in all")
elif scenario == "fax_report":
    for document in ["One page", MEMO]:
        print(f"fax_report({document[:20]!r}) = {fax.fax_report(lib, document)}")
    report = lib.fax_report(fax.ffi.NULL)
    print(f"fax_report(NULL): pages={report.pages}, bytes={report.bytes}, seconds={report.seconds}")
else:
    sys.exit(f"unknown scenario {scenario!r}")
